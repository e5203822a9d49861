"""How often to meet someone in person: "every 6 weeks", "alle 2 Monate", "tous les 3 mois".

A rhythm is a count of days, weeks, months or years. It is written in the config (``rhythm =``
in ``[[people]]``) and on the command line (``planner people rhythm``) in English, German or
French, with digits or number words, or as one word ("monthly", "vierteljährlich",
"trimestriel"); ``never`` (``nie``, ``jamais``) switches a rhythm off for someone an
organisation or tag would give one. :func:`parse_rhythm` reads all of these; :attr:`Rhythm.code`
is the short form planner stores (``6w``, ``2m``, ``1y``, ``10d``, ``never``).

Months and years are calendar months and years: meeting on 31 January every month is due on
28 (or 29) February, as people count.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from planner.i18n import _, ngettext

UNITS = ("d", "w", "m", "y")
_DAYS = {"d": 1, "w": 7, "m": 30.44, "y": 365.25}
MAX_DAYS = 10 * 366  # a rhythm beyond ten years is no rhythm

_UNIT_WORDS = {
    "d": "d day days tag tage tagen jour jours j",
    "w": "w wk wks week weeks woche wochen sem semaine semaines",
    "m": "m mo mon month months monat monate monaten mois",
    "y": "y yr yrs year years jahr jahre jahren an ans annee annees",
}
_UNIT = {word: unit for unit, words in _UNIT_WORDS.items() for word in words.split()}
_NUMBERS = {
    "a": 1,
    "one": 1,
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "un": 1,
    "une": 1,
    "two": 2,
    "zwei": 2,
    "deux": 2,
    "three": 3,
    "drei": 3,
    "trois": 3,
    "four": 4,
    "vier": 4,
    "quatre": 4,
    "five": 5,
    "funf": 5,
    "cinq": 5,
    "six": 6,
    "sechs": 6,
    "seven": 7,
    "sieben": 7,
    "sept": 7,
    "eight": 8,
    "acht": 8,
    "huit": 8,
    "nine": 9,
    "neun": 9,
    "neuf": 9,
    "ten": 10,
    "zehn": 10,
    "dix": 10,
    "twelve": 12,
    "zwolf": 12,
    "douze": 12,
    "other": 2,  # "every other week"
}
_WORDS = {
    "daily": "1d",
    "weekly": "1w",
    "fortnightly": "2w",
    "biweekly": "2w",
    "monthly": "1m",
    "bimonthly": "2m",
    "quarterly": "3m",
    "yearly": "1y",
    "halfyearly": "6m",
    "semiannually": "6m",
    "semiannual": "6m",
    "annually": "1y",
    "annual": "1y",
    "taglich": "1d",
    "wochentlich": "1w",
    "zweiwochentlich": "2w",
    "monatlich": "1m",
    "zweimonatlich": "2m",
    "vierteljahrlich": "3m",
    "quartalsweise": "3m",
    "halbjahrlich": "6m",
    "jahrlich": "1y",
    "quotidien": "1d",
    "hebdomadaire": "1w",
    "mensuel": "1m",
    "mensuelle": "1m",
    "bimestriel": "2m",
    "trimestriel": "3m",
    "trimestrielle": "3m",
    "semestriel": "6m",
    "semestrielle": "6m",
    "annuel": "1y",
    "annuelle": "1y",
    "quarter": "3m",
    "quartal": "3m",
    "trimestre": "3m",
    "semestre": "6m",
}
_NEVER = {"never", "none", "off", "no", "nie", "niemals", "kein", "keiner", "aus", "jamais"}
_FILLER = {
    "every",
    "each",
    "per",
    "in",
    "person",
    "once",
    "alle",
    "jede",
    "jeden",
    "jedes",
    "aller",
    "einmal",
    "im",
    "pro",
    "mal",
    "tous",
    "toutes",
    "les",
    "chaque",
    "par",
    "fois",
    "la",
    "le",
    "l",
    "times",
    "time",
    "a",
    "x",
}
_PER = {"times", "mal", "fois", "x"}  # "2 mal im Jahr", "deux fois par an"
_TIMES = {"twice": 2, "zweimal": 2, "thrice": 3, "dreimal": 3, "viermal": 4}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")


class RhythmError(ValueError):
    """The text is no rhythm; the message says which forms are understood."""


@dataclass(frozen=True, slots=True)
class Rhythm:
    """Meet every ``count`` ``unit`` (``d``, ``w``, ``m``, ``y``); ``count == 0`` is never."""

    count: int
    unit: str = "w"

    @property
    def never(self) -> bool:
        return self.count == 0

    @property
    def code(self) -> str:
        """The short stored form: ``6w``, ``2m``, ``never``."""
        return "never" if self.never else f"{self.count}{self.unit}"

    @property
    def days(self) -> float:
        """The rhythm's length in days (months and years on average), for sorting."""
        return self.count * _DAYS[self.unit]

    def due(self, last: date) -> date:
        """The day a meeting on ``last`` is due again (calendar months and years)."""
        if self.unit in ("d", "w"):
            return last + timedelta(days=self.count * _DAYS[self.unit])
        months = self.count * (12 if self.unit == "y" else 1)
        year, month = divmod(last.month - 1 + months, 12)
        year += last.year
        day = min(last.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day)

    def label(self) -> str:
        """``every 6 weeks``, ``every month``, ``never``, in the user's language."""
        if self.never:
            return _("never")
        if self.unit == "d":
            return ngettext("every day", "every {count} days", self.count)
        if self.unit == "w":
            return ngettext("every week", "every {count} weeks", self.count)
        if self.unit == "m":
            return ngettext("every month", "every {count} months", self.count)
        return ngettext("every year", "every {count} years", self.count)


def parse_rhythm(text: str) -> Rhythm:
    """The rhythm ``text`` names (see the module doc); :class:`RhythmError` otherwise."""
    words = _tokens(text)
    if not words:
        raise RhythmError(_problem(text))
    if any(w in _NEVER for w in words):
        return Rhythm(0)
    if len(words) == 1 and (found := _code(words[0])):
        return found
    words, times = _times(words)
    count, unit = _count_and_unit(words, text)
    if unit is None:
        raise RhythmError(_problem(text))
    if times:  # "twice a year": every six months
        return _checked(_split(count, unit, times), text)
    return _checked(Rhythm(count, unit), text)


def _tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    split = re.sub(r"(\d)([^\W\d_])", r"\1 \2", plain)  # "6w" → "6 w"
    joined = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", "", split)  # "bi-weekly", "halb-jährlich"
    return _TOKEN.findall(joined)


def _times(words: list[str]) -> tuple[list[str], int]:
    """The words without "twice" / "2 mal" / "deux fois", and that count (0 when none)."""
    kept, times = [], 0
    for word in words:
        if word in _TIMES:
            times = _TIMES[word]
        elif word in _PER and kept and (kept[-1].isdigit() or kept[-1] in _NUMBERS):
            last = kept.pop()
            times = int(last) if last.isdigit() else _NUMBERS[last]
        else:
            kept.append(word)
    return kept, times


def _code(word: str) -> Rhythm | None:
    if word in _WORDS:
        code = _WORDS[word]
        return Rhythm(int(code[:-1]), code[-1])
    return None


def _count_and_unit(words: list[str], text: str) -> tuple[int, str | None]:
    """The count and unit of ``words``; a problem quotes ``text`` as it was typed."""
    count: int | None = None
    unit = None
    for word in words:
        if word.replace(",", ".").replace(".", "", 1).isdigit():
            if count is not None or "." in word or "," in word or int(word) == 0:
                raise RhythmError(_problem(text))
            count = int(word)
        elif word in _UNIT and unit is None and (count or word not in ("a", "m", "j")):
            unit = _UNIT[word]
        elif word in _WORDS and unit is None:  # "every quarter", "jedes Quartal"
            found = _WORDS[word]
            count, unit = (count or 1) * int(found[:-1]), found[-1]
        elif word in _NUMBERS and count is None:
            count = _NUMBERS[word]
        elif word not in _FILLER:
            raise RhythmError(_problem(text))
    return (1 if count is None else count), unit


def _split(count: int, unit: str, times: int) -> Rhythm:
    """``times`` meetings per ``count`` ``unit``: the rhythm between two of them."""
    months = {"m": count, "y": 12 * count}.get(unit)
    if months is not None and months % times == 0:
        return Rhythm(months // times, "m")
    days = round(count * _DAYS[unit] / times)
    return Rhythm(days // 7, "w") if days % 7 == 0 else Rhythm(days, "d")


def _checked(rhythm: Rhythm, text: str) -> Rhythm:
    if rhythm.count <= 0 or rhythm.days > MAX_DAYS:
        raise RhythmError(_problem(text))
    return rhythm


def _problem(text: str) -> str:
    return _(
        '\'{text}\' is no rhythm; write e.g. "every 6 weeks", "2 months", "quarterly", '
        '"alle 3 Monate", "tous les 2 mois" or "never"',
        text=text,
    )


def check_rhythm(value: str) -> str | None:
    """A config check: None when ``value`` is a rhythm (or empty), else the problem."""
    if not value.strip():
        return None
    try:
        parse_rhythm(value)
    except RhythmError as exc:
        return str(exc)
    return None
