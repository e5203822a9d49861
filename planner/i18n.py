"""One translation function for every user-facing text.

Catalogs are gettext ``.po`` files in ``planner/locale/<lang>/LC_MESSAGES/planner.po``, extracted
from the source with Babel (``scripts/update_catalog.py``), which also writes each one compiled
beside it under a name that holds the digest of the ``.po`` text: a compiled catalog is read
only for the text it was made from, so it cannot fall out of date; without it the ``.po`` file
is compiled in memory. English is the source
language and the fallback. Call :func:`set_language` once at start-up; a block that must speak
another language (an invitation in the counterpart's, a page served to them) uses
:func:`speaking`, which holds for the current thread or task only, so two requests served at
once never mix their languages.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "de")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_speaking: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar(
    "planner_speaking", default=None
)


def set_language(language: str) -> None:
    """Switch all later texts of the process to ``language`` (``"de"`` or ``"en"``)."""
    global _translation, _language
    _language = language if language in LANGUAGES else "en"
    _translation = _load(_language)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Produce the texts of this thread or task in ``language`` inside the block."""
    chosen = language if language in LANGUAGES else "en"
    token = _speaking.set((chosen, _load(chosen)))
    try:
        yield
    finally:
        _speaking.reset(token)


def _current() -> gettext.NullTranslations:
    here = _speaking.get()
    return _translation if here is None else here[1]


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "planner.po"


@lru_cache(maxsize=len(LANGUAGES))
def _load(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``: the compiled one made from exactly this ``.po`` file
    (:func:`compiled_path`, written by ``scripts/update_catalog.py``), else the ``.po`` file
    compiled in memory (Babel's import and the compilation cost about 0.1 s a run)."""
    from io import BytesIO

    path = catalog_path(language)
    if language == "en" or not path.exists():
        return gettext.NullTranslations()
    source = path.read_bytes()
    compiled = compiled_path(language, source)
    if compiled.is_file():
        return gettext.GNUTranslations(BytesIO(compiled.read_bytes()))
    return gettext.GNUTranslations(BytesIO(compile_catalog(source, language)))


def compiled_path(language: str, source: bytes) -> Path:
    """Where the catalog compiled from the ``.po`` text ``source`` is kept: its name holds the
    digest of that text, so a compiled catalog is only ever read for the text it came from."""
    from hashlib import sha256

    digest = sha256(source).hexdigest()[:16]
    return catalog_path(language).with_name(f"planner-{digest}.mo")


def compile_catalog(source: bytes, language: str) -> bytes:
    """The ``.po`` text ``source`` compiled to a ``.mo`` catalog (fuzzy entries left out)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(source), locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def language() -> str:
    """The language texts are currently produced in."""
    here = _speaking.get()
    return _language if here is None else here[0]


def _(message: str, /, **values: object) -> str:
    """Translate ``message`` and fill ``{name}`` placeholders from ``values``."""
    text = _current().gettext(message)
    return text.format(**values) if values else text


def plain_gettext(message: str, /) -> str:
    """``message`` translated and left as it is, for a library that fills in its own
    placeholders (click's messages, see :func:`planner.cli.helptext.install_click`)."""
    return _current().gettext(message)


def plain_ngettext(singular: str, plural: str, count: int, /) -> str:
    """The form of ``singular``/``plural`` for ``count``, translated, placeholders left."""
    return _current().ngettext(singular, plural, count)


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """Translate a message that depends on a count; ``{count}`` is filled in."""
    text = _current().ngettext(singular, plural, count)
    return text.format(count=count, **values)


def long_day(day: date) -> str:
    """``Tue 21 Jul 2026`` / ``Di. 21. Juli 2026``: a day that may lie in another year."""
    return f"{short_day(day)} {day.year}"


#: CLDR's pattern of :func:`short_day` in each language
DAY_PATTERNS = {"en": "EEE d MMM", "de": "EEE d. MMM"}
#: The weekday (Monday first) and month abbreviations of :data:`DAY_PATTERNS`, as Babel
#: formats them from CLDR, and the pattern with them filled in: a day named in a table or an
#: answer needs no locale data loaded (Babel's import and its English data cost about 30 ms
#: a run). ``tests/test_i18n_days.py`` holds them equal to Babel's for every day of five years.
_DAY_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "en": (
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        "{weekday} {day} {month}",
    ),
    "de": (
        ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."),
        ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
         "Dez."),
        "{weekday} {day}. {month}",
    ),
}  # fmt: skip


def short_day(day: date) -> str:
    """``Tue 8 Dec`` / ``Di. 8. Dez.``: a day as tables, lines and commands' answers name it."""
    speaking = language()
    names = _DAY_NAMES.get(speaking)
    if names is None:  # a language without its names here: Babel formats it
        from babel.dates import format_date

        return format_date(day, format=DAY_PATTERNS.get(speaking, "EEE d MMM"), locale=speaking)
    weekdays, months, pattern = names
    return pattern.format(weekday=weekdays[day.weekday()], day=day.day, month=months[day.month - 1])


def until(start: datetime, end: datetime) -> str:
    """``11:00``: the end of a span that begins at ``start``, with its day where it ends on a
    later one, so that the span does not read backwards: ``Fri 11:00`` (a week later or more:
    ``Fri 18 Dec 11:00``); the midnight after its first day stays ``00:00``."""
    days = (end.date() - start.date()).days
    zoned = twice(start, end)
    if days <= 0 or (days == 1 and (end.hour, end.minute) == (0, 0)):
        return hh_mm(end, zoned)
    return f"{_weekday(end.date()) if days < 7 else short_day(end.date())} {hh_mm(end, zoned)}"


def twice(*moments: datetime) -> bool:
    """Whether one of ``moments`` is a wall time its zone's clocks show twice (the night they go
    back): then every time of the span is shown with its zone's abbreviation, ``02:30
    CEST–02:30 CET``, else an hour reads as none, and two as one."""
    return any(
        m.tzinfo is not None and m.replace(fold=0).utcoffset() != m.replace(fold=1).utcoffset()
        for m in moments
    )


def hh_mm(moment: datetime, zoned: bool = False) -> str:
    """``09:30``; ``02:30 CEST`` where ``zoned`` (see :func:`twice`)."""
    return f"{moment:%H:%M %Z}".rstrip() if zoned else f"{moment:%H:%M}"


def _weekday(day: date) -> str:
    """``Tue`` / ``Di.``: the weekday of :func:`short_day`."""
    names = _DAY_NAMES.get(language())
    if names is None:
        from babel.dates import format_date

        return format_date(day, format="EEE", locale=language())
    return names[0][day.weekday()]


def day_time(moment: datetime, now: datetime | None = None) -> str:
    """``Tue 8 Dec 12:15`` / ``Di. 8. Dez. 12:15``: a moment, in the zone it is given in; with
    its year where that is not the one of ``now`` (``Mon 8 Dec 2025 12:15``)."""
    if now is not None and moment.year != now.year:
        return f"{long_day(moment.date())} {hh_mm(moment, twice(moment))}"
    return f"{short_day(moment.date())} {hh_mm(moment, twice(moment))}"


def day_span(start: datetime, end: datetime) -> str:
    """``Tue 8 Dec 12:30–13:30``, in the zone it is given in; a span into a later day names
    where it ends (:func:`until`): ``Mon 14 Dec 15:00–Fri 11:00``."""
    return f"{short_day(start.date())} {hh_mm(start, twice(start, end))}–{until(start, end)}"


def local_span(start: datetime, end: datetime, zone: str, shown: tzinfo) -> str:
    """`` (12:00–12:45 local time)`` after a time shown in ``shown`` (the user's zone) of a
    meeting in person in another ``zone`` (an IANA name) whose clock reads otherwise there;
    "" when ``zone`` is empty or unknown here, or shows the same time."""
    if not zone:
        return ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        there = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    if start.astimezone(there).utcoffset() == start.astimezone(shown).utcoffset():
        return ""
    first, last = start.astimezone(there), end.astimezone(there)
    span = f"{hh_mm(first, twice(first, last))}–{until(first, last)}"
    if first.date() != start.astimezone(shown).date():
        span = f"{short_day(first.date())} {span}"
    return " (" + _("{span} local time", span=span) + ")"
