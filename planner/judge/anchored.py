"""Patterns tried only where a match can start.

A pattern that begins with a look-behind (``(?<![\\w@.-])…``) or is case-insensitive gives
Python's ``re`` no first character to scan for, so it runs its whole alternation at every
position of a text: the join-link hosts cost ~0.4 µs a character, the phone numbers ~0.2.
:class:`Anchored` pairs such a pattern with ``starts``, a small case-sensitive pattern that
matches one character, a set ``re`` scans for in C, at every position where the pattern can
start (and perhaps more); the pattern is then matched at those positions alone. Its matches
are the same ones, in the same order: ``re`` tries a search position by position, and the
look-behind sees the text before a position (``tests/judge/test_anchored.py`` pins both).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator

from planner.judge.kept_regex import compiled


class Anchored:
    """``pattern`` searched at the positions ``starts`` finds (see the module doc). The
    matches of ``pattern`` may not be empty, and a match of ``starts`` longer than one
    character may not cover another position where ``pattern`` can start."""

    def __init__(
        self, pattern: re.Pattern[str], starts: str, *, needs: str = "", short: int = 0
    ) -> None:
        self.full = pattern
        self.pattern = pattern.pattern
        self.starts = compiled(starts)
        self.needs = needs  # characters one of which every match holds
        self.short = short  # shorter texts: the plain pattern is as fast
        # the last text searched from its start and what was found: a link is asked about
        # by the travel rules, then by the link rules (the same string object)
        self._last: tuple[str | None, re.Match[str] | None] = (None, None)

    def _none(self, text: str) -> bool:
        for char in self.needs:  # (a loop: a generator for any() cost more than the test)
            if char in text:
                return False
        return bool(self.needs)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self._none(text):
            return None
        if len(text) < self.short:
            return self.full.search(text, pos)
        if pos == 0:
            last, found = self._last
            if last is text:
                return found
            found = self._search(text, 0)
            self._last = (text, found)
            return found
        return self._search(text, pos)

    def _search(self, text: str, pos: int) -> re.Match[str] | None:
        match = self.full.match
        for start in self.starts.finditer(text, pos):
            if found := match(text, start.start()):
                return found
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._none(text):
            return iter(())
        if len(text) < self.short:
            return self.full.finditer(text)
        return self._finditer(text)

    def _finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while found := self.search(text, pos):
            yield found
            pos = found.end()

    def sub(self, replacement: str, text: str) -> str:
        """``text`` with every match replaced by ``replacement`` (no backslashes in it)."""
        if self._none(text):
            return text
        if len(text) < self.short:
            return self.full.sub(replacement, text)
        pieces, pos = [], 0
        for found in self._finditer(text):
            pieces += (text[pos : found.start()], replacement)
            pos = found.end()
        return "".join(pieces) + text[pos:] if pieces else text


class Screened:
    """A pattern of listed words, searched only in a text where ``screen`` finds a match: a
    pattern of the same words and look-arounds, factored by common prefixes (a long flat
    alternation runs every word at every position; the factored one a letter or two). The
    screen matches wherever the pattern does (the same strings, or more), so where it finds
    nothing the pattern finds nothing; ``screen`` only answers whether, and ``pattern`` what
    (the first of its words, as its order says). Most texts hold none of a list's words and
    are passed over at a third of the cost. Both are compiled when first needed (with
    ``flags``): a list a run never meets costs it nothing, one it meets but never finds
    costs only its screen."""

    def __init__(self, pattern: str, flags: int, screen: Callable[[], str]) -> None:
        self.pattern, self.flags = pattern, flags
        self._full: re.Pattern[str] | None = None
        self._screen: re.Pattern[str] | None = None
        self._make = screen

    @property
    def full(self) -> re.Pattern[str]:
        """The pattern itself, compiled."""
        full = self._full
        if full is None:
            full = self._full = compiled(self.pattern, self.flags)
        return full

    def _screened(self) -> re.Pattern[str]:
        screen = self._screen = compiled(self._make(), self.flags)
        return screen

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        screen = self._screen or self._screened()
        if screen.search(text, pos, endpos) is None:
            return None
        return self.full.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        screen = self._screen or self._screened()
        if screen.search(text, pos, endpos) is None:
            return None
        return self.full.match(text, pos, endpos)


def longest_first(words: Iterable[str]) -> list[str]:
    """The distinct ``words``, longest first (an alternation tries them in this order, so a
    word is found whole where a shorter one is its beginning); words of one length in
    alphabetical order, so that a list gives the same pattern on every run (a set's order
    changes with the interpreter's hash seed, and a kept compilation is found by the
    pattern, :mod:`planner.judge.kept_regex`)."""
    return sorted(set(words), key=lambda word: (-len(word), word))


def factored(words: Iterable[str], space: str = r"\ ") -> str:
    """An alternation of the literal ``words`` (escaped; a space as ``space``) factored by
    common prefixes: the same strings as ``"|".join(map(re.escape, words))`` (its escaped
    spaces replaced by ``space``), in another order."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node(root, space)


def _node(node: dict[str, dict], space: str) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _node(child, space)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group
