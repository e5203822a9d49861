"""Loading and validating ``config.toml`` as a whole.

Every section's keys are declared in :data:`SECTIONS` (a calendar's keys by its provider class),
so that all problems are reported at once with their key, and unknown keys are warned about.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner import registry
from planner.config.schema import (
    SourceConfig,
    absolute_paths,
    did_you_mean,
    parse_time_range,
    provider_meant,
    validate_table,
)
from planner.config.sections import (
    ADDRESS_BOOK_FIELDS,
    CALENDAR_FIELDS,
    PEOPLE_FIELDS,
    RULE_CONDITIONS,
    RULE_FIELDS,
    RULE_OUTCOMES,
    SECTIONS,
    SOURCE_FIELDS,
    SYNC_FIELDS,
    WEEKDAYS,
    repeated_name,
    windows_that_never_fit,
)
from planner.errors import ConfigError, ProviderNotFound
from planner.i18n import _, ngettext

log = logging.getLogger("planner")


@dataclass(frozen=True)
class SyncConfig:
    """One ``[[sync]]`` table: mirror busy time of ``sources`` into ``target`` (calendar names
    of ``[[calendars]]``), showing ``show``; write travel blocks there when ``travel``."""

    name: str
    sources: tuple[str, ...]
    target: str
    show: str = "busy"
    travel: bool = True
    days: int = 14


@dataclass(frozen=True)
class Config:
    """A validated configuration. ``sections`` holds every section with defaults filled in."""

    sections: Mapping[str, Mapping[str, Any]]
    calendars: tuple[SourceConfig, ...] = ()
    path: Path | None = None
    people: tuple[Mapping[str, Any], ...] = ()  # [[people]]: a person, domain or tag
    syncs: tuple[SyncConfig, ...] = ()
    addressbooks: tuple[SourceConfig, ...] = ()  # [[addressbooks]]
    rules: tuple[Mapping[str, Any], ...] = ()  # [[rules]]: the user's word on matching events

    def __getitem__(self, section: str) -> Mapping[str, Any]:
        return self.sections[section]

    @property
    def user(self) -> Mapping[str, Any]:
        return self.sections["user"]

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.user["timezone"])

    @property
    def addresses(self) -> frozenset[str]:
        """The user's addresses in lower case: ``[user] email`` and ``other_emails`` (a private
        address a meeting was organised from is the user's, never a counterpart)."""
        found = (self.user["email"], *self.user.get("other_emails", ()))
        return frozenset({e.strip().lower() for e in found} - {""})

    @property
    def own_domains(self) -> frozenset[str]:
        """``[user] domains`` and that of ``[user] email``, never a public mail service's (a
        freelancer working from gmail.com has no colleague in everyone else there)."""
        from planner.model import FREEMAIL_DOMAINS

        domains = {d.lower() for d in self.user["domains"]} | {self.user["email"].partition("@")[2]}
        extra = {d.strip().lower() for d in self.sections["relations"]["freemail_domains"]}
        return frozenset({d.lower() for d in domains} - FREEMAIL_DOMAINS - extra - {""})

    def working_hours(self, weekday: int) -> tuple[time, time] | None:
        """Working hours for ``weekday`` (0 = Monday), or None when the day is not worked."""
        text = self.sections["working_hours"][WEEKDAYS[weekday]]
        return parse_time_range(text) if text else None


# Without a [working_hours] table the usual office week is worked; a table names every day worked
# (a day it leaves out is not worked, as for a part-time week of Monday to Thursday).
DEFAULT_WORKING_HOURS: Mapping[str, str] = {d: "09:00-18:00" for d in WEEKDAYS[:5]}


def default_config(**overrides: Mapping[str, Any]) -> Config:
    """A config with every default, e.g. for tests and ``planner classify``."""
    return from_mapping(dict(overrides), "<defaults>")


def missing_config(path: Path) -> ConfigError:
    """The error for a config file that is not there (``--config``, ``$PLANNER_CONFIG``)."""
    return ConfigError(
        str(path), [_("not found; run 'planner init' to create one, or pass --config PATH")]
    )


def load(path: Path) -> Config:
    """Read and validate the config at ``path``; raise :class:`ConfigError` with all problems."""
    from planner.paths import MiB, read_text_input

    try:
        text = read_text_input(path, 16 * MiB)
    except FileNotFoundError:
        raise missing_config(path) from None
    except (OSError, UnicodeDecodeError) as exc:
        error = getattr(exc, "strerror", None) or exc
        raise ConfigError(str(path), [_("cannot be read: {error}", error=error)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), [_("is not valid TOML: {error}", error=exc)]) from None
    return from_mapping(data, str(path), path=path)


def from_mapping(data: Mapping[str, Any], where: str, *, path: Path | None = None) -> Config:
    """Validate an already parsed config (see :func:`load`)."""
    problems: list[str] = []
    warnings: list[str] = []
    sections: dict[str, Mapping[str, Any]] = {}
    raw_sections = _flatten_sections(data, problems)
    raw_sections.setdefault("working_hours", DEFAULT_WORKING_HOURS)
    base = path.expanduser().absolute().parent if path is not None else None
    for name, fields in SECTIONS.items():
        values, found, warned = validate_table(f"[{name}]", raw_sections.pop(name, {}), fields)
        sections[name] = absolute_paths(values, fields, base)
        problems += found
        warnings += warned
    for name in raw_sections:
        warnings.append(
            _("unknown section [{name}] is ignored", name=name)
            + did_you_mean(name, [*SECTIONS, *LISTS], "[{}]")
        )
    warnings += windows_that_never_fit(sections)
    calendars = _calendars(data.get("calendars", []), problems, warnings, base)
    if path is not None and calendars and not str(sections["user"].get("email") or "").strip():
        warnings.append(
            _(
                "[user] email is not set: without it your own answers (a meeting you declined) "
                "and your counterparts cannot be told apart; set it (planner config edit)"
            )
        )
    books = _calendars(data.get("addressbooks", []), problems, warnings, base, "addressbooks")
    people = _people(data.get("people", []), problems)
    disabled = _disabled(data.get("calendars", []))
    syncs = _syncs(data.get("sync", []), calendars, disabled, problems, warnings)
    rules = _rules(data.get("rules", []), problems, warnings)
    for warning in warnings:
        log.warning("%s: %s", where, warning)
    if problems:
        raise ConfigError(where, problems)
    return Config(
        sections=sections,
        calendars=calendars,
        path=path,
        people=people,
        syncs=syncs,
        addressbooks=books,
        rules=rules,
    )


#: The sections written as lists of tables ([[calendars]])
LISTS = ("calendars", "people", "sync", "addressbooks", "rules")


def _flatten_sections(data: Mapping[str, Any], problems: list[str]) -> dict[str, Mapping[str, Any]]:
    """Turn ``{"windows": {"lunch": {...}}}`` into ``{"windows.lunch": {...}}``."""
    flat: dict[str, Mapping[str, Any]] = {}
    for name, value in data.items():
        if name in LISTS:
            continue
        if isinstance(value, list) and name not in SECTIONS:  # [[calendar]]: a list of tables
            problems.append(
                _("unknown list of tables [[{name}]]", name=name)
                + did_you_mean(name, LISTS, "[[{}]]")
            )
            continue
        if not isinstance(value, dict):
            problems.append(_("'{name}' must be a table [{name}]", name=name))
            continue
        nested = {
            k: v for k, v in value.items() if isinstance(v, dict) and f"{name}.{k}" in SECTIONS
        }
        for key, sub in nested.items():
            flat[f"{name}.{key}"] = sub
        flat[name] = {k: v for k, v in value.items() if k not in nested}
    if "windows" in flat and not flat["windows"]:
        del flat["windows"]
    return flat


def _calendars(
    entries: Any, problems: list[str], warnings: list[str], base: Path | None, kind: str = ""
) -> tuple[SourceConfig, ...]:
    """The ``[[calendars]]`` (or, with ``kind``, ``[[addressbooks]]``) tables, each checked
    against its provider's own keys; their paths relative to ``base`` (:func:`absolute_paths`)."""
    kind = kind or "calendars"
    fields, group = (
        (ADDRESS_BOOK_FIELDS, registry.ADDRESS_BOOKS)
        if kind == "addressbooks"
        else (CALENDAR_FIELDS, registry.GROUP)
    )
    result: list[SourceConfig] = []
    names: dict[str, str] = {}  # a name without case and surrounding spaces → as given
    unknown: dict[str, list[str]] = {}  # provider name → the tables that give it
    for _index, where, entry in _tables(entries, kind, problems):
        name = entry.get("name")
        if isinstance(name, str):
            where = f"[[{kind}]] '{name}'"
            problems += repeated_name(where, name, names)
        common = {k: v for k, v in entry.items() if k in fields}
        values, found, _ignored = validate_table(where, common, fields)
        problems += found
        if found:
            continue
        if not registry.known(values["provider"], group):  # told once per name below
            unknown.setdefault(values["provider"], []).append(where)
            continue
        try:
            cls = registry.load(values["provider"], group)
        except ProviderNotFound as exc:
            problems.append(_("{where} key 'provider': {error}", where=where, error=exc))
            continue
        options = {k: v for k, v in entry.items() if k not in fields}
        opts, found, warned = validate_table(where, options, cls.options)
        opts = absolute_paths(opts, cls.options, base)
        problems += found + [f"{where} {p}" for p in cls.check_options(opts)]
        warnings += warned
        extra = {k: values[k] for k in fields if k not in SOURCE_FIELDS}
        if values["enabled"]:
            result.append(SourceConfig(values["name"], values["provider"], {**opts, **extra}))
    problems += [_unknown_provider(kind, name, tables, group) for name, tables in unknown.items()]
    return tuple(result)


MAX_LISTED = 5  # tables named in one problem; the rest are counted


def _unknown_provider(kind: str, name: str, tables: list[str], group: str) -> str:
    """One problem for every table that names provider ``name``, which is not installed:
    the tables (by name, or number), and the name meant or the names installed."""
    prefix = f"[[{kind}]] "
    labels = [t.removeprefix(prefix) for t in tables]
    shown = ", ".join(labels[:MAX_LISTED])
    if len(labels) > MAX_LISTED:
        shown = ngettext(
            "{shown} and {count} more",
            "{shown} and {count} more",
            len(labels) - MAX_LISTED,
            shown=shown,
        )
    installed = sorted(registry.available(group))
    meant = provider_meant(name, installed)
    error = (
        _("unknown provider '{name}'", name=name) + meant
        if meant
        else _(
            "unknown provider '{name}' (installed: {names})", name=name, names=", ".join(installed)
        )
    )
    return _("{where} key 'provider': {error}", where=prefix + shown, error=error)


def _tables(
    entries: Any, kind: str, problems: list[str]
) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """``(number, where, table)`` for each ``[[kind]]`` table; a value that is no list of
    tables, and each entry that is no table, is a problem (the others are still read)."""
    if not isinstance(entries, list):
        problems.append(_("'{kind}' must be a list of [[{kind}]] tables", kind=kind))
        return
    for index, entry in enumerate(entries, start=1):
        where = f"[[{kind}]] #{index}"
        if isinstance(entry, dict):
            yield index, where, entry
        else:
            problems.append(_("{where} must be a table", where=where))


def _people(entries: Any, problems: list[str]) -> tuple[Mapping[str, Any], ...]:
    """``[[people]]`` tables: who a counterpart (``email``) is (``name``, ``organisation``,
    ``city``, ``tags``), an organisation (``domain``): its ``organisation`` name and
    ``city``, or a group of people (``tag``); each may have a ``rhythm``."""
    result = []
    for _index, where, entry in _tables(entries, "people", problems):
        values, found, _warned = validate_table(where, entry, PEOPLE_FIELDS)
        whom = [k for k in ("email", "domain", "tag") if values.get(k)]
        if not found and len(whom) != 1:
            found = [_("{where} needs one key 'email', 'domain' or 'tag'", where=where)]
        elif not found and not any(values[k] for k in _FACTS):
            found = [
                _(
                    "{where} needs a key 'name', 'organisation', 'city', 'rhythm' or 'tags'",
                    where=where,
                )
            ]
        elif not found and values["tag"] and any(values[k] for k in _FACTS if k != "rhythm"):
            found = [_("{where}: a 'tag' table takes only a 'rhythm'", where=where)]
        problems += found
        if not found:
            cleaned: dict[str, Any] = {k: str(v).strip() for k, v in values.items() if k != "tags"}
            cleaned["tags"] = tuple(t.strip() for t in values["tags"] if t.strip())
            result.append(cleaned)
    return tuple(result)


def _rules(entries: Any, problems: list[str], warnings: list[str]) -> tuple[Mapping[str, Any], ...]:
    """``[[rules]]`` tables: at least one condition (:data:`RULE_CONDITIONS`) and at least one
    outcome (mode, purpose, meeting) each."""
    result = []
    for index, where, entry in _tables(entries, "rules", problems):
        values, found, warned = validate_table(where, entry, RULE_FIELDS)
        warnings += warned
        if not found and not any(values[k] for k in RULE_CONDITIONS):
            found.append(
                _(
                    "{where} needs a condition: one of {keys}",
                    where=where,
                    keys=", ".join(RULE_CONDITIONS),
                )
            )
        if not found and all(values[k] in ("", None) for k in RULE_OUTCOMES):
            found.append(
                _(
                    "{where} needs an outcome: one of {keys}",
                    where=where,
                    keys=", ".join(RULE_OUTCOMES),
                )
            )
        problems += found
        if not found:
            result.append({**values, "index": index})
    return tuple(result)


_FACTS = ("name", "organisation", "city", "rhythm", "tags")


def _disabled(entries: Any) -> set[str]:
    """Names of the ``[[calendars]]`` entries switched off with ``enabled = false``."""
    if not isinstance(entries, list):
        return set()
    return {
        str(e.get("name"))
        for e in entries
        if isinstance(e, dict) and e.get("enabled") is False and e.get("name")
    }


def _syncs(
    entries: Any,
    calendars: tuple[SourceConfig, ...],
    disabled: set[str],
    problems: list[str],
    warnings: list[str],
) -> tuple[SyncConfig, ...]:
    """The ``[[sync]]`` tables; every calendar they name must be a ``[[calendars]]`` entry, and
    the target one the planner can write its own events into. A table naming a calendar that
    is switched off is skipped with a warning."""
    known = {c.name: c for c in calendars}
    result: list[SyncConfig] = []
    for _index, where, entry in _tables(entries, "sync", problems):
        values, found, warned = validate_table(where, entry, SYNC_FIELDS)
        warnings += warned
        off = sorted({*(values.get("from") or []), values.get("to") or ""} & disabled)
        if off and not found:
            warnings.append(
                _(
                    "{where} is skipped: calendar '{name}' is switched off (enabled = false)",
                    where=where,
                    name=off[0],
                )
            )
            continue
        found += _sync_names(where, values, known)
        problems += found
        if not found:
            name = values["name"] or f"{', '.join(values['from'])} -> {values['to']}"
            result.append(
                SyncConfig(
                    name,
                    tuple(values["from"]),
                    values["to"],
                    values["show"],
                    values["travel"],
                    values["days"],
                )
            )
    return tuple(result)


def target_rules(*, preview: bool = True) -> str:
    """Which calendars ``planner sync`` can write into, for its errors; ``preview``: and that
    ``--preview`` works without one (not where the config names a wrong one: no command runs
    until it is fixed)."""
    rules = _(
        "a target must be a calendar the planner may write its own events into: Google or "
        "Outlook with write = true in its [[calendars]] entry, or CalDAV; .ics files and URLs "
        "are read only"
    )
    if preview:
        return (
            rules
            + ". "
            + _("'planner sync --preview' shows what would be written without a target")
        )
    return rules + ". " + _("Fix or remove this [[sync]] table: no command runs until then")


def _sync_names(where: str, values: Mapping[str, Any], known: Mapping[str, Any]) -> list[str]:
    problems = []
    if not values.get("from") or not values.get("to"):
        return problems  # reported as missing keys already
    for name in [*values["from"], values["to"]]:
        if name not in known:
            problems.append(
                _(
                    "{where} names no enabled [[calendars]] entry: '{name}'",
                    where=where,
                    name=name,
                )
            )
    if values["to"] in values["from"]:
        problems.append(
            _(
                "{where}: '{name}' cannot be source and target at once",
                where=where,
                name=values["to"],
            )
        )
    target = known.get(values["to"])
    if target is not None:
        try:
            cls = registry.load(target.provider)
        except ProviderNotFound:
            return problems
        if not getattr(cls, "can_sync", False):
            problems.append(
                _(
                    "{where}: calendar '{name}' ({provider}) cannot be a sync target: {rules}",
                    where=where,
                    name=values["to"],
                    provider=target.provider,
                    rules=target_rules(preview=False),
                )
            )
        elif target.provider in ("google", "outlook") and not target.options.get("write"):
            problems.append(
                _(
                    "{where}: calendar '{name}' is read-only; set write = true in its "
                    "[[calendars]] entry and sign in again",
                    where=where,
                    name=values["to"],
                )
            )
    return problems
