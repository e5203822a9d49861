"""The word lists of purpose (:func:`planner.judge.purpose._pattern`) find what the plain
``(?<!\\w)word`` alternation finds: the look-behind written after the first character only
lets ``re`` scan for the first characters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.judge.purpose import (
    ANYWHERE_FROM,
    DEAL_CLOSING_WORDS,
    FIRST_CONTACT_WORDS,
    PERSONAL_WORDS,
    _pattern,
)

LISTS = (DEAL_CLOSING_WORDS, FIRST_CONTACT_WORDS, PERSONAL_WORDS, ("-a", "a.b", "é", "ü x"))


def _plain(entries: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern as it was written before: a look-behind in front of each short entry
    (Japanese ones match anywhere: the language writes no spaces)."""
    parts = []
    for entry in sorted({e.strip().casefold() for e in entries if e.strip()}, key=len)[::-1]:
        escaped = re.escape(entry)
        anywhere = len(entry) >= ANYWHERE_FROM or entry[0] >= "\u3040"
        parts.append(escaped if anywhere else rf"(?<!\w){escaped}")
    return re.compile("|".join(parts))


def _pieces() -> st.SearchStrategy[str]:
    words = sorted({w.casefold() for entries in LISTS for w in entries})
    glue = st.sampled_from(["", " ", "-", "x", "1", "_", ".", "é", "\n"])
    return st.lists(st.one_of(st.sampled_from(words), glue, st.text(max_size=3))).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_pieces(), which=st.sampled_from(range(len(LISTS))))
def test_same_matches_as_the_plain_look_behind(text: str, which: int) -> None:
    fast, plain = _pattern(LISTS[which]), _plain(LISTS[which])
    assert fast is not None
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_short_word_only_at_a_word_start() -> None:
    fast = _pattern(("abc",))
    assert fast is not None
    assert fast.search("xabc") is None
    assert fast.search("x abc").span() == (2, 5)  # type: ignore[union-attr]
    assert fast.search("abc").span() == (0, 3)  # type: ignore[union-attr]
