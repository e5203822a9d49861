"""The contact ledger as a file, to take the history elsewhere or to seed it from another tool.

Two formats, both one meeting per counterpart and round-trip safe:

- CSV (``uid,start,end,mode,email,name``), one row per meeting and counterpart, as a
  spreadsheet or another tool writes it; rows of one meeting share ``uid`` and ``start``;
- JSON: ``{"version": 1, "meetings": [{"uid", "start", "end", "mode", "people": [{"email",
  "name"}]}]}``.

``start`` and ``end`` are ISO 8601 (an offset kept; without one, the user's zone; a bare date is
noon that day); ``end`` may be empty (an hour); ``uid`` may be empty (one is made from the
meeting). ``mode`` is ``in_person``, ``virtual``, ``hybrid``, ``phone`` or ``unknown`` (also
"in person", "video", "call", "vor Ort", "Telefon"). An import is checked as a whole: any bad
row is reported with its file and line and nothing is written; a good file is written in one
transaction. Imported meetings are kept apart from the calendars' (their uid starts with
``import:``), so a calendar update never removes them, and importing a file twice changes
nothing. A meeting the ledger already holds from a calendar (same uid and start) is skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.i18n import _, ngettext
from planner.judge.relations import IMPORTED, Ledger, Meeting
from planner.model import Mode
from planner.people.addresses import address_key, is_email

FIELDS = ("uid", "start", "end", "mode", "email", "name")
MAX_PROBLEMS = 20
_MODES = {
    "in_person": Mode.IN_PERSON,
    "in person": Mode.IN_PERSON,
    "in-person": Mode.IN_PERSON,
    "inperson": Mode.IN_PERSON,
    "person": Mode.IN_PERSON,
    "vor ort": Mode.IN_PERSON,
    "persönlich": Mode.IN_PERSON,
    "en personne": Mode.IN_PERSON,
    "virtual": Mode.VIRTUAL,
    "video": Mode.VIRTUAL,
    "online": Mode.VIRTUAL,
    "visio": Mode.VIRTUAL,
    "hybrid": Mode.HYBRID,
    "hybride": Mode.HYBRID,
    "phone": Mode.PHONE,
    "call": Mode.PHONE,
    "telefon": Mode.PHONE,
    "téléphone": Mode.PHONE,
    "unknown": Mode.UNKNOWN,
    "": Mode.UNKNOWN,
}


class LedgerImportError(PlannerError):
    """A ledger file has bad rows; ``problems`` are ``file:line: what`` each."""

    exit_code = 2

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        text = "; ".join(shown)
        if more:
            text += "; " + ngettext("and {count} more", "and {count} more", more)
        super().__init__(text, hint=_("fix the rows named and import again; nothing was imported"))


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (or, as a dry run, would do)."""

    added: int = 0
    replaced: int = 0  # imported before with other values
    unchanged: int = 0  # imported before as they are
    skipped: int = 0  # already in the ledger from a calendar
    written: bool = False


# -- export ---------------------------------------------------------------------------------------


def export_json(meetings: Iterable[Meeting], tz: tzinfo) -> str:
    data = {
        "version": 1,
        "meetings": [
            {
                "uid": m.key[0],
                "start": m.start.astimezone(tz).isoformat(),
                "end": m.end.astimezone(tz).isoformat(),
                "mode": m.mode.value,
                "people": [{"email": e, "name": n} for e, n in m.people],
            }
            for m in meetings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_csv(meetings: Iterable[Meeting], tz: tzinfo) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for m in meetings:
        for email, name in m.people:
            writer.writerow(
                [
                    m.key[0],
                    m.start.astimezone(tz).isoformat(),
                    m.end.astimezone(tz).isoformat(),
                    m.mode.value,
                    email,
                    name,
                ]
            )
    return out.getvalue()


# -- import ---------------------------------------------------------------------------------------


@dataclass
class _Row:
    line: int
    uid: str
    start: datetime
    end: datetime
    mode: Mode
    people: list[tuple[str, str]]


def read_file(path: Path, tz: tzinfo) -> list[_Row]:
    """The meetings of a CSV or JSON ledger file (by its content); every bad row is a
    problem of :class:`LedgerImportError`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlannerError(
            _("{path}: cannot be read: {error}", path=path, error=getattr(exc, "strerror", exc))
        ) from None
    rows = _json_rows(text, path, tz) if text.lstrip()[:1] in "[{" else _csv_rows(text, path, tz)
    return rows


def _csv_rows(text: str, path: Path, tz: tzinfo) -> list[_Row]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    try:  # a spreadsheet of a German or French locale separates with ";", some with tabs
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [f for f in ("start", "mode", "email") if f not in header]
    if missing:
        raise LedgerImportError(
            [
                _(
                    "{path}:1: the header lacks {columns} (expected: {fields})",
                    path=path,
                    columns=", ".join(missing),
                    fields=",".join(FIELDS),
                )
            ]
        )
    problems: list[str] = []
    meetings: dict[tuple[str, str], _Row] = {}
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) < len(header):  # a row cut short: say so, not "'' is no e-mail"
            problems.append(
                f"{path}:{line}: "
                + _(
                    "{count} of {fields} fields (a line cut short, or another separator?)",
                    count=len(values),
                    fields=len(header),
                )  # fmt: skip
            )
            continue
        item = dict(zip(header, values, strict=False))
        try:
            row = _row(item, [(item.get("email", ""), item.get("name", ""))], line, tz)
        except ValueError as exc:
            problems.append(f"{path}:{line}: {exc}")
            continue
        key = (row.uid, row.start.isoformat())
        if key in meetings:
            meetings[key].people += row.people
        else:
            meetings[key] = row
    if problems:
        raise LedgerImportError(problems)
    return list(meetings.values())


def _json_rows(text: str, path: Path, tz: tzinfo) -> list[_Row]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 1)
        problem = f"{path}:{line}: " + _("not valid JSON: {error}", error=exc)
        raise LedgerImportError([problem]) from None
    items = data.get("meetings") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise LedgerImportError([f"{path}:1: " + _('expected {{"meetings": [...]}}')])
    lines = _item_lines(text)
    problems: list[str] = []
    rows = []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        try:
            if not isinstance(item, dict):
                raise ValueError(_("a meeting must be an object"))
            people = item.get("people")
            if not isinstance(people, list) or not people:
                raise ValueError(_("'people' must list at least one person"))
            pairs = [
                (str(p.get("email", "")), str(p.get("name", "") or ""))
                if isinstance(p, dict)
                else (str(p), "")
                for p in people
            ]
            rows.append(_row(item, pairs, line, tz))
        except ValueError as exc:
            problems.append(f"{path}:{line}: {exc}")
    if problems:
        raise LedgerImportError(problems)
    return rows


def _item_lines(text: str) -> list[int]:
    """The line on which each item of the meetings array begins."""
    match = re.search(r'"meetings"\s*:\s*\[', text) or re.match(r"\s*\[", text)
    if match is None:
        return []
    decoder = json.JSONDecoder()
    pos, lines = match.end(), []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return lines
        lines.append(text.count("\n", 0, pos) + 1)
        try:
            _obj, pos = decoder.raw_decode(text, pos)
        except ValueError:
            return lines


def _row(item: dict[str, Any], people: Sequence[tuple[str, str]], line: int, tz: tzinfo) -> _Row:
    """One meeting of the file; every problem of the row in one :class:`ValueError`."""
    problems: list[str] = []
    start = end = None
    try:
        start = _moment(str(item.get("start") or ""), tz, "start")
        end_text = str(item.get("end") or "").strip()
        end = _moment(end_text, tz, "end") if end_text else start + timedelta(hours=1)
        if end <= start:
            problems.append(_("'end' must lie after 'start'"))
    except ValueError as exc:
        problems.append(str(exc))
    mode_text = str(item.get("mode") or "").strip().lower().replace("-", "_")
    mode = _MODES.get(mode_text) or _MODES.get(mode_text.replace("_", " "))
    if mode is None or mode is Mode.TRAVEL:
        problems.append(_("'mode' must be in_person, virtual, hybrid, phone or unknown, not "
                          "'{mode}'", mode=item.get("mode")))  # fmt: skip
    pairs = []
    for email, name in people:
        email = email.strip()
        if not is_email(email.removeprefix("mailto:")):
            problems.append(_("'{email}' is not an e-mail address", email=email))
        pairs.append((email.removeprefix("mailto:"), " ".join(name.split())))
    if problems or start is None or end is None or mode is None:
        raise ValueError("; ".join(problems))
    uid = str(item.get("uid") or "").strip().removeprefix(IMPORTED)
    if not uid:
        digest = hashlib.sha256(f"{start.isoformat()}|{sorted(pairs)}".encode()).hexdigest()
        uid = digest[:24]
    return _Row(line, uid, start.astimezone(UTC), end.astimezone(UTC), mode, pairs)


def _moment(text: str, tz: tzinfo, field: str) -> datetime:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.combine(date.fromisoformat(text), time(12), tz)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            _(
                "'{field}' is no date and time: '{text}' (write 2026-03-24T10:00+01:00)",
                field=field,
                text=text,
            )
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)


def import_rows(ledger: Ledger, rows: Sequence[_Row], *, apply: bool) -> ImportResult:
    """Add ``rows`` to the ledger in one transaction (only with ``apply``; else count what
    would happen). People who are the user or colleagues are dropped; a meeting left with
    nobody is a problem."""
    directory = ledger.directory
    problems = []
    meetings = []
    for row in rows:
        people = {address_key(e): n for e, n in row.people if directory.is_external(address_key(e))}
        if not people:
            problems.append(
                _("line {line}: names nobody but you and your colleagues", line=row.line)
            )
            continue
        meetings.append(
            Meeting(
                (IMPORTED + row.uid, row.start.astimezone(UTC).isoformat()),
                row.start,
                row.end,
                row.mode,
                tuple(sorted(people.items())),
            )
        )
    if problems:
        raise LedgerImportError(problems)
    known = {m.key: m for m in ledger.all()}
    # by uid and instant: a key's start was written with the export's offset before
    held = {(m.key[0], m.start) for m in known.values() if not m.key[0].startswith(IMPORTED)}
    imported = {(m.key[0], m.start): m.key for m in known.values() if m.key[0].startswith(IMPORTED)}
    fresh = [
        replace(m, key=imported.get((m.key[0], m.start), m.key))
        for m in meetings
        if (m.key[0][len(IMPORTED) :], m.start) not in held
    ]
    changed = [m for m in fresh if known.get(m.key) != m]
    replaced = sum(1 for m in changed if m.key in known)
    if apply and changed:
        ledger.add_imported(changed)
    return ImportResult(
        added=len(changed) - replaced,
        replaced=replaced,
        unchanged=len(fresh) - len(changed),
        skipped=len(meetings) - len(fresh),
        written=apply,
    )
