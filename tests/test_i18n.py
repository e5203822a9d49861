"""German and English throughout: complete catalogs, intact placeholders, German output.

The catalogs are kept with ``scripts/update_catalog.py`` (Babel's API, see its docstring):

    python scripts/update_catalog.py          # re-extract planner.pot, update de planner.po
    python scripts/update_catalog.py --check  # list msgids without a German translation

A new ``_()`` / ``ngettext()`` / ``N_()`` text without a German translation fails
:func:`test_every_source_text_has_a_german_translation`, naming the msgids.
"""

from __future__ import annotations

import ast
import html
import importlib.util
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner import i18n
from planner.cli import main

ROOT = Path(__file__).resolve().parents[1]
WEEK = "2026-W50"  # Monday 2026-12-07


def _catalog_tool():
    spec = importlib.util.spec_from_file_location(
        "update_catalog", ROOT / "scripts" / "update_catalog.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    return _catalog_tool()


@pytest.fixture(scope="module")
def extracted(tool):
    return tool.extract()


@pytest.fixture(scope="module")
def german(tool):
    return tool.read(i18n.catalog_path("de"), "de")


def run(*args: str):
    """The CLI at a fixed terminal width (rich wraps long lines at the width it finds)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "160"})


def _key(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _fields(text: str) -> list[tuple[str, str]]:
    """The ``{name:spec}`` fields of a format string, sorted (ValueError when malformed)."""
    return sorted(
        (name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None
    )


# -- the catalogs ----------------------------------------------------------------------------


def test_extraction_finds_the_texts_inside_f_strings(extracted):
    """Babel's own tokenizer misses ``_()`` inside f-strings before Python 3.12; ours must not."""
    ids = {_key(m) for m in extracted if m.id}
    assert "Balance" in ids  # render/html: f'<h2 ...>{escape(_("Balance"))}</h2>'
    assert "Purpose" in ids
    assert "{count} contact" in ids  # ngettext
    assert "title" in ids  # N_ in the classifier
    assert len(ids) > 300


def test_every_source_text_has_a_german_translation(extracted, german):
    missing, untranslated, plural_mismatch = [], [], []
    for message in extracted:
        if not message.id:
            continue
        found = german.get(message.id)
        if found is None:
            missing.append(_key(message))
            continue
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        if found.fuzzy or not all(strings):
            untranslated.append(_key(message))
        if message.pluralizable != found.pluralizable or (
            message.pluralizable and message.id[1] != found.id[1]
        ):
            plural_mismatch.append(_key(message))
    hint = " — run: python scripts/update_catalog.py, then translate planner/locale/de"
    assert not missing, f"msgids missing from the German catalog{hint}: {missing}"
    assert not untranslated, f"empty or fuzzy German translations{hint}: {untranslated}"
    assert not plural_mismatch, f"singular/plural differs from the source{hint}: {plural_mismatch}"


def test_translations_keep_the_placeholders_of_their_msgid(german):
    """Every placeholder stays; only click's messages may leave out one that click fills with
    an English word ("integer" in "… is not a valid {number_type}")."""
    broken = []
    for message in german:
        if not message.id or not message.string:
            continue
        if message.pluralizable:
            pairs = [(message.id[0], message.string[0]), (message.id[1], message.string[1])]
        else:
            pairs = [(message.id, message.string)]
        from_click = all(place.startswith("click/") for place, _line in message.locations)
        for source, text in pairs:
            try:
                fields, kept = _fields(source), _fields(text)
                same = set(kept) <= set(fields) if from_click else fields == kept
            except ValueError as exc:  # an unbalanced brace in the translation
                same, text = False, f"{text} ({exc})"
            if not same:
                broken.append(f"{source!r} -> {text!r}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_german_plural_forms_header(german):
    assert german.plural_forms == "nplurals=2; plural=(n != 1);"
    assert german.num_plurals == 2


def test_no_translation_call_gets_a_text_built_at_run_time():
    """``_(f"...")`` or ``_("..." % x)`` can never be found in a catalog."""
    offenders = []
    for folder in ("planner", "providers"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                if node.func.id in ("_", "ngettext", "N_") and node.args:
                    if isinstance(node.args[0], (ast.JoinedStr, ast.BinOp)):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, f"translate a fixed text and fill it with keywords: {offenders}"


def test_no_text_is_translated_at_import_time():
    """A module-level ``_()`` runs before ``--lang`` is read and stays English forever; mark
    such texts with ``N_()`` and translate them where they are shown."""

    def calls_outside_functions(node: ast.AST) -> list[int]:
        found = []
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Name)
                and child.func.id in ("_", "ngettext")
            ):
                found.append(child.lineno)
            found += calls_outside_functions(child)
        return found

    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("planner", "providers")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line in calls_outside_functions(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not offenders, offenders


def test_language_switch_and_english_fallback():
    i18n.set_language("de")
    assert i18n._("in person") == "vor Ort"
    assert i18n.ngettext("{count} event", "{count} events", 1) == "1 Termin"
    assert i18n.ngettext("{count} event", "{count} events", 3) == "3 Termine"
    assert i18n._("A text nobody translated {x}", x=1) == "A text nobody translated 1"
    i18n.set_language("fr")  # unknown: English
    assert i18n.language() == "en"
    assert i18n._("in person") == "in person"


# -- the weekly plan in both languages --------------------------------------------------------

GERMAN = {
    "weekday": "Montag",
    "mode": "vor Ort",
    "recommendations": "Empfehlungen",
    "first contact reason": "als Videocall geplant: ein erstes Treffen vor Ort schafft Vertrauen",
    "deal reason": "Vertragsabschluss mit Dr. Katrin Hofmann, Jan Ott (hofmann-partner.example) "
    "ist als Videocall geplant",
    "never met reason": "4 Videocalls mit Sven Krüger (krueger-design.example) seit Oktober, "
    "nie vor Ort",
    "week": "KW 50/2026",
}
ENGLISH = {
    "weekday": "Monday",
    "mode": "in person",
    "recommendations": "Recommendations",
    "first contact reason": "is planned as a video call: a first meeting in person builds trust",
    "deal reason": "Deal closing with Dr. Katrin Hofmann, Jan Ott (hofmann-partner.example) is "
    "planned as a video call",
    "never met reason": "4 video calls with Sven Krüger (krueger-design.example) since October, "
    "never met in",
    "week": "Week 2026-W50",
}
PURPOSE_COLUMN = {"de": "Anlass", "en": "Purpose"}


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_demo_week_speaks_the_chosen_language(lang, fmt):
    result = run("week", "--demo", "--week", WEEK, "--lang", lang, "--format", fmt)
    assert result.exit_code == 0, result.output
    text = " ".join(html.unescape(result.stdout).split())
    wanted, unwanted = (GERMAN, ENGLISH) if lang == "de" else (ENGLISH, GERMAN)
    for what, phrase in wanted.items():
        assert phrase in text, f"{lang} {fmt}: no {what} ({phrase!r})"
    for what, phrase in unwanted.items():
        assert phrase not in text, f"{lang} {fmt}: the other language's {what} ({phrase!r})"
    if fmt != "html":
        other = "en" if lang == "de" else "de"
        assert PURPOSE_COLUMN[lang] in text
        assert PURPOSE_COLUMN[other] not in text


def test_german_numbers_and_short_dates_in_the_table():
    german = run("week", "--demo", "--week", WEEK, "--lang", "de").stdout
    english = run("week", "--demo", "--week", WEEK, "--lang", "en").stdout
    assert "14,5" in german and "14.5" in english  # hours
    assert "43\xa0%" in german and "43%" in english  # the in-person share (no-break space)
    assert "Di. 8. Dez." in german and "Tue 8 Dec" in english
    assert "KW49" in german and "W49" in english  # the trend


def test_config_language_applies_and_lang_overrides_it(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\nlanguage = "de"\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    german = run("week", "--config", str(config), "--week", WEEK)
    assert german.exit_code == 0, german.output
    assert "Montag, 7. Dezember 2026" in german.stdout and "Keine Termine." in german.stdout
    english = run("week", "--config", str(config), "--week", WEEK, "--lang", "en")
    assert "Monday, December 7, 2026" in english.stdout and "No meetings." in english.stdout


# -- errors and invitations -------------------------------------------------------------------


def test_missing_config_error_in_german(tmp_path):
    missing = tmp_path / "missing.toml"
    result = run("week", "--config", str(missing), "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"planner: Fehler: {missing}: nicht gefunden; ")
    assert "legen Sie mit 'planner init' eine an oder geben Sie --config PFAD an" in result.stderr
    english = run("week", "--config", str(missing), "--lang", "en")
    assert "not found; run 'planner init' to create one, or pass --config PATH" in english.stderr


def test_config_problems_in_german(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nlanguage = "fr"\n[recommend]\ntarget_share = 3\nhurry = 1\n', encoding="utf-8"
    )
    result = run("week", "--config", str(config), "--lang", "de")
    assert result.exit_code == 2
    assert "planner: Warnung: " in result.stderr
    assert "[recommend] unbekannter Schlüssel 'hurry' wird ignoriert" in result.stderr
    assert '[user] Schlüssel \'language\': muss "de" oder "en" sein' in result.stderr
    assert "Schlüssel 'target_share': muss zwischen 0 und 1 liegen" in result.stderr


def test_usage_error_in_german():
    result = run("week", "--demo", "--week", "2026-W60", "--lang", "de")
    assert result.exit_code == 2
    assert "--week '2026-W60' ist keine Woche; next, last, +1, W49" in result.stderr


def test_german_invitation_from_a_german_proposal():
    proposed = run(
        "propose", "--demo", "--with", "sven@krueger-design.example", "--week", WEEK, "--lang", "de"
    )
    assert proposed.exit_code == 0, proposed.output
    assert "Vorschläge für ein Treffen mit Sven Krüger" in proposed.stdout
    assert "Einladen mit: planner invite --demo --proposal ID" in proposed.stdout
    first = re.search(r"│ ([0-9a-z]{6}) +│", proposed.stdout)
    assert first, proposed.stdout
    invited = run("invite", "--demo", "--proposal", first.group(1), "--lang", "de")
    assert invited.exit_code == 0, invited.output
    assert "lädt Sie zu „" in invited.stdout and "Anna Berger & Sven Krüger“ ein." in invited.stdout
    assert "Wo: " in invited.stdout and "An dem Tag geöffnet: " in invited.stdout
    assert "Bitte antworten Sie über die Schaltflächen" in invited.stdout
    assert "Dezember 2026" in invited.stdout
    assert "invites you" not in invited.stdout
    assert "Probelauf: nichts wurde gesendet" in invited.stderr


def test_each_catalog_is_shipped_compiled_from_exactly_its_po_text():
    """``scripts/update_catalog.py`` writes the compiled catalog beside the ``.po`` file (run
    it with ``--compile`` after translating): one, named by the digest of that text."""
    for language in i18n.LANGUAGES[1:]:
        source = i18n.catalog_path(language).read_bytes()
        compiled = i18n.compiled_path(language, source)
        assert compiled.is_file(), "run: python scripts/update_catalog.py --compile"
        assert compiled.read_bytes() == i18n.compile_catalog(source, language)
        assert list(compiled.parent.glob("planner-*.mo")) == [compiled]


def test_the_compiled_catalog_is_read_without_compiling_and_never_for_another_text(
    tmp_path, monkeypatch
):
    def no_compiling(source: bytes, language: str) -> bytes:
        raise AssertionError("compiled at run time")

    try:
        i18n._load.cache_clear()
        with monkeypatch.context() as patch:
            patch.setattr(i18n, "compile_catalog", no_compiling)
            assert i18n._load("de").gettext("Options") == "Optionen"
        # a .po text changed by hand, not compiled again: compiled in memory, never the old one
        po = i18n.catalog_path("de").read_text(encoding="utf-8")
        edited = po.replace('msgstr "Optionen"', 'msgstr "Einstellungen"')
        assert edited != po
        folder = tmp_path / "de" / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "planner.po").write_text(edited, encoding="utf-8")
        old = i18n.compiled_path("de", po.encode())
        (folder / old.name).write_bytes(old.read_bytes())
        monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
        i18n._load.cache_clear()
        assert i18n._load("de").gettext("Options") == "Einstellungen"
    finally:
        i18n._load.cache_clear()


@pytest.mark.parametrize(
    ("iso", "english", "german"),
    [
        ("2026-W50", "Week 2026-W50", "KW 50/2026"),
        ("2027-W01", "Week 2027-W01", "KW 01/2027"),
        ("2026-W53", "Week 2026-W53", "KW 53/2026"),
        ("next week", "Week next week", "Woche next week"),  # not ISO: said as it is
    ],
)
def test_a_week_is_named_as_each_language_counts_weeks(iso, english, german):
    """German headings count weeks as the trend beside them does ("KW47"), not "Woche
    2026-W51" next to "KW47"."""
    from planner.i18n import speaking
    from planner.render.labels import week_name

    assert week_name(iso) == english
    with speaking("de"):
        assert week_name(iso) == german
