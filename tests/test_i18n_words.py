"""Issue 28: German that reads as written by a person. Counted nouns go through ngettext (no
"Datei(en)"); the test lists every message with a placeholder for a number followed by a
plural noun, and each is either a plural message or named here with the reason it is never
one. Some words are checked in context: travel is no "Anfahrt" for a train or a hotel, a venue's
name never follows a German preposition ("Kaffee in Le Méridien"), "Tagesordnung" heads an
agenda only."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from planner import i18n

ROOT = Path(__file__).resolve().parents[1]
#: Placeholders that hold a number.
COUNTED = r"count|n|days|hours|weeks|limit|steps|tries|pages|files|written|removed|number|total"
#: "{count} proposals", "{count} unreadable rows", "{days} days": a number, then a plural noun.
PLURAL_NOUN = re.compile(rf"\{{(?:{COUNTED})\}}\s+(?:[a-z]+\s+)?([a-z]{{3,}}s)\b")
#: Messages with such a placeholder that are never about one thing, and why.
NEVER_ONE = {
    "--for {uid}: {count} meetings have UIDs that start so: {uids}": "said for two or more",
    "'{uid}' matches {count} invitations; give more of the UID": "said for two or more",
    "its recurrence rule would take {steps} steps": "said above a limit of thousands",
    "{source}:{line}: skipped a line of {count} characters (limit {limit})": "above a limit",
    "{source}:{line}: more than {limit} components; the rest of the file is ignored": "fixed",
    "{where}: {what} still failed after {tries} tries ({detail})": "said after retries",
    "Google calendar '{name}': {what} never ended ({pages} pages)": "a fixed page limit",
}
#: Parenthesised plural endings: "file(s)", "Datei(en)", "Nachricht(en)", "Vorschlag/Vorschläge".
PAREN_PLURAL = re.compile(r"\w(?<!http)\((?:s|es|en|n|e|er)\)|Vorschlag/Vorschläge")


@pytest.fixture(scope="module")
def catalogs():
    spec = importlib.util.spec_from_file_location("u", ROOT / "scripts" / "update_catalog.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool.extract(), tool.read(i18n.catalog_path("de"), "de")


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_messages_with_a_number_and_a_plural_noun_are_plural_messages(catalogs):
    extracted, _german = catalogs
    singular_only = [
        m.id
        for m in extracted
        if m.id and not m.pluralizable and PLURAL_NOUN.search(m.id) and m.id not in NEVER_ONE
    ]
    assert not singular_only, (
        "use ngettext (or name the message in NEVER_ONE with the reason):\n"
        + "\n".join(singular_only)
    )
    listed = {m.id for m in extracted if m.id and not m.pluralizable}
    assert set(NEVER_ONE) <= listed, "NEVER_ONE names a message that is gone"


def test_the_check_finds_a_counted_noun():
    assert PLURAL_NOUN.search("no answer for {days} days")
    assert PLURAL_NOUN.search("{path}: skipped {count} unreadable rows of {what}")
    assert not PLURAL_NOUN.search("{minutes} min travel")
    assert PAREN_PLURAL.search("2 Datei(en) oder Nachricht(en)")
    assert PAREN_PLURAL.search("{count} file(s) written")


def test_no_parenthesised_plurals(catalogs):
    extracted, german = catalogs
    found = [
        text
        for message in [*extracted, *german]
        if message.id
        for text in (
            *(message.id if isinstance(message.id, tuple) else (message.id,)),
            *(_strings(message) if message.string else ()),
        )  # fmt: skip
        if PAREN_PLURAL.search(text)
    ]
    assert not found, found


def test_words_in_context():
    i18n.set_language("de")
    from planner.model import Mode
    from planner.render.kinds import Kind, kind_text
    from planner.render.labels import mode_label

    assert mode_label(Mode.TRAVEL) == "Reise"
    assert {kind_text(k) for k in (Kind.TRAIN, Kind.STAY, Kind.FLIGHT)} == {"Zug", "Hotel", "Flug"}
    assert i18n._("Travel") == "Wegzeit"  # a travel block before or after a meeting, either way


def test_no_venue_name_after_a_german_preposition(catalogs):
    """ "Kaffee in Le Méridien", "im Café Luitpold": the article depends on the name, so a
    venue or place is joined with a comma, a colon or brackets instead."""
    _extracted, german = catalogs
    found = [
        text
        for message in german
        if message.id and message.string
        for text in _strings(message)
        if re.search(r"\b(?:in|im|ins|beim|bei|zum|zur|am)\s+\{(?:venue|place)\}", text)
    ]
    assert not found, found


def test_tagesordnung_heads_an_agenda_only(catalogs):
    _extracted, german = catalogs
    found = {
        message.id: _strings(message)
        for message in german
        if message.string and any("Tagesordnung" in s for s in _strings(message))
    }
    assert set(found) <= {"Agenda:", "Agenda text for the description."}, found


def test_german_addresses_the_user_as_sie(catalogs):
    """One voice: the formal "Sie" everywhere, never "du"/"dein" in one command and "Sie" in
    the next."""
    _extracted, german = catalogs
    informal = re.compile(r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b")
    found = [
        text
        for message in german
        if message.id and message.string
        for text in _strings(message)
        if informal.search(text)
    ]
    assert not found, found
