"""Word lists searched behind a factored screen (planner.judge.anchored.Screened) find exactly
what their plain patterns find: the same first match, its span, in texts of every kind (the
accuracy set, and made-up texts built from the words themselves, their case variants and the
characters case-insensitive matching folds); and a phone number is never missed for the count
of digits checked before it is looked for."""

from __future__ import annotations

import random
import re

import pytest

from planner.judge import bookings, calls, people
from planner.judge import patterns as P
from planner.judge.anchored import Screened, factored
from planner.judge.zones import _PHONE_RE, ADDRESS_PATTERNS, address_in, phone_numbers
from tests.judge.test_anchored import _accuracy_texts

BOOKINGS = {name: value for name, value in vars(bookings).items() if isinstance(value, Screened)}
WORDS = {  # the lists the gathering rules read, with their compound tails
    "networking": (people.NETWORKING_WORDS, people.NETWORKING_SUFFIXES),
    "not networking": (people.NOT_NETWORKING, ()),
    "social": (people.SOCIAL_WORDS, ()),
    "visit": (people.VISIT_WORDS, people.VISIT_SUFFIXES),
    "venues": (people.NETWORKING_VENUES, ()),
    "booking": (people.BOOKING_WORDS, ()),
    "meeting": (people.MEETING_WORDS, ()),
}
TEXTS = _accuracy_texts()
FOLDED = "ſſKkİıIiẞß-- \t\n.,:;()/@#1234567890"  # what ignorecase and the word rules read


def _words_in(pattern: str) -> list[str]:
    """The listed words of a plain pattern: its alternatives, unescaped."""
    inner = re.sub(r"\(\?<!\\w\)\(\?:|\)\(\?!\\w\)", "|", pattern).replace(r"[\s-]+", " ")
    return [re.sub(r"\\(.)", r"\1", w) for w in inner.split("|") if w]


def _texts(words: list[str]) -> list[str]:
    rng = random.Random(17)
    pieces = [*words, *(w.upper() for w in words), *(w.title() for w in words), *FOLDED]
    pieces += [w[: len(w) // 2] for w in words] + [w[1:] for w in words] + ["Meeting 12345"]
    texts = ["", *pieces]
    for _ in range(1500):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))))
    return texts


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


@pytest.mark.parametrize("name", sorted(BOOKINGS))
def test_a_screened_word_list_finds_what_its_pattern_finds(name: str) -> None:
    screened = BOOKINGS[name]
    rng = random.Random(name)
    for text in _texts(_words_in(screened.pattern)) + TEXTS:
        assert _span(screened.search(text)) == _span(screened.full.search(text)), text
        assert _span(screened.match(text)) == _span(screened.full.match(text)), text
        pos, end = sorted(rng.randint(0, len(text)) for _ in range(2))  # a slice: the edges
        want = screened.full.search(text, pos, end)
        assert _span(screened.search(text, pos, end)) == _span(want), (text, pos, end)


@pytest.mark.parametrize("name", sorted(WORDS))
def test_the_gathering_words_find_what_flat_patterns_find(name: str) -> None:
    """As :class:`people.Words` found with one flat alternation each for words and tails."""
    words, suffixes = WORDS[name]
    pattern = people.words_re(words, suffixes)
    assert isinstance(pattern.words, Screened)
    plain = pattern.words.full
    tails = re.compile("|".join(re.escape(s) for s in suffixes), re.I) if suffixes else None
    for text in _texts([*words, *suffixes]) + TEXTS:
        want = word = plain.search(text)
        if tails is not None and tails.search(text):
            assert pattern.compounds is not None
            compound = pattern.compounds.search(text)
            if word is None or (compound is not None and compound.start() < word.start()):
                want = compound
        assert _span(pattern.search(text)) == _span(want), text


def test_a_factored_alternation_matches_the_same_strings() -> None:
    words = ["check in", "check-in", "checkin", "Kai", "kai", "straße", "strasse", "str.", "a"]
    flat = re.compile("|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words), re.I)
    screen = re.compile(factored(words, r"[\s-]+"), re.I)
    for text in _texts(words):
        assert bool(flat.fullmatch(text)) == bool(screen.fullmatch(text)), text
        assert bool(flat.search(text)) == bool(screen.search(text)), text


def test_screen_and_pattern_are_compiled_once_when_first_needed() -> None:
    """A list no text of a run holds costs the run its screen, not its pattern."""
    made = []

    def screen() -> str:
        made.append(1)
        return factored(["hotel", "hôtel"])

    screened = Screened(r"hotel|hôtel", re.I, screen)
    assert not made and screened._full is None  # nothing compiled at import
    assert not screened.search("Meeting 12345") and not screened.match("Standup")
    assert len(made) == 1 and screened._full is None
    assert screened.search("Grand HOTEL") and screened.match("Hôtel de Ville")
    assert len(made) == 1 and screened._full is not None


def test_no_phone_number_is_missed_for_counting_its_digits() -> None:
    """The count of digits asked before the numbers are looked for lets every number through:
    the same numbers as every match of the pattern with enough digits."""
    numbers = ["+49 89 1234567", "(089) 123 456", "0049 30 1234567", "212-555-0199", "٣"]
    for text in _texts(numbers) + TEXTS:
        want = [
            m.group(0)
            for m in _PHONE_RE.full.finditer(text)
            if sum(map(str.isdigit, m.group(0))) >= P.PHONE_MIN_DIGITS
            and not re.fullmatch(r"\d{5}-\d{3}", m.group(0))
        ]
        assert phone_numbers(text) == want, text


#: The street words as first written: one flat alternation.
STREET_DE_FLAT = (
    r"(?:stra(?:ß|ss)e|str\.|gasse|weg|platz|allee|damm|ufer|kai|chaussee|steig|graben|zeile|"
    r"promenade|anger|lände)(?:\s+|\s*,\s*)?\d{1,4}(?:\s?[a-z])?(?:\s?[-–]\s?\d{1,4})?(?![\w])"
)
ADDRESSES = [
    "Leopoldstraße 10", "Brienner Str. 11", "Mariahilfer Gasse 3a", "LEOPOLDSTRASSE 10-12",
    "Am Kanal 47", "Unter den Linden 77", "350 Fifth Avenue", "12 Rue Oberkampf",
    "28 bis Boulevard Voltaire", "10115 Berlin", "A-1010 Wien", "EC2V 7HH", "NY 10118",
    "Kai 3", "Kaistraße 3", "ſtraße 4", "Straẞe 5", "Weg, 7", "Allee  9 b", "Anger 2–4",
    "Meeting 12345", "Raum 2.07", ", 8001 Zürich", "Hauptstraße 5, 10115 Berlin",
]  # fmt: skip


def test_an_address_is_found_where_each_pattern_alone_found_the_first() -> None:
    """One pattern of all the address forms finds what searching each did: the match that
    starts first, of a tie the first listed (the German street words now factored)."""
    singles = [
        re.compile(STREET_DE_FLAT if pattern == P.STREET_DE else pattern, re.I if folded else 0)
        for pattern, folded in ADDRESS_PATTERNS
    ]
    for text in _texts(ADDRESSES) + TEXTS:
        found = [m for single in singles if (m := single.search(text))]
        want = min(found, key=lambda m: m.start()) if found else None
        got = address_in(text)
        assert (got and got.group(0), _span(got)) == (want and want.group(0), _span(want)), text


def test_the_call_verbs_factored_match_what_the_longest_first_matched() -> None:
    """The verb that opens a title ("Ring back", "Ringe tilbage til Lars", "Zadzwoń do …") and
    a call phrase anywhere in it are found as the flat patterns found them."""
    verbs = {v for vs in calls.CALL_VERBS.values() for v in vs}
    flat = re.compile(
        r"^\W*(?P<verb>(?i:"
        + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len)[::-1])
        + r"))(?=\s|$)"
    )
    heads = [*verbs, *calls.BACK, "Give Gary a bell", "Murat Bey'i aramak", "山本様に電話"]
    for text in _texts(heads) + [f"- {v.upper()}  x" for v in verbs] + TEXTS:
        want, got = flat.match(text), calls._VERB_RE.match(text)
        assert (want and want.group("verb")) == (got and got.group("verb")), text
        phrase = calls._PHRASE_RE.match(text) or calls._ANYWHERE_RE.search(text)
        assert _span(phrase) == _span(calls._PHRASE_RE.search(text)), text


def test_a_train_number_is_found_behind_the_screen_of_train_names() -> None:
    """Every train of the pattern, with its number as written, passes the screen of names."""
    names = bookings.TRAIN_NUMBER.split(r"\s?\d{1,5}")[0]
    tokens = {t for t in re.findall(r"[^\W\d_]+", names.replace(r"\s", " ")) if len(t) > 1}
    texts = [
        f"{sep}{t}{gap}{n}{end}"
        for t in tokens
        for sep in ("", "Zug ", "x-", "ab")
        for gap in ("", " ", "  ")
        for n in ("1", "123", "123456")
        for end in ("", " ", "a")
    ]
    texts += ["RJ 12", "rj 12", "TGV INOUI 6201", "Alfa  Pendular 123", "via 55", "SJ 1"]
    texts += ["のぞみ219号", "ひかり 5号", "ICE 1 und IC 2", "Meeting 12345"]
    train = bookings._TRAIN_RE
    assert isinstance(train, Screened)
    for text in texts + _texts([*tokens, "号", "のぞみ"]) + TEXTS:
        assert _span(train.search(text)) == _span(train.full.search(text)), text
