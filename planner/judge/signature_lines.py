"""The lines of a meeting's description that belong to one person: their signature (the
paragraph with their name or address), where :mod:`planner.judge.homes` reads their postal
address and phone numbers."""

from __future__ import annotations

import re

from planner.judge.kept_regex import compiled

_NEAR_CHARS = 240  # a signature line counts this close to their name or address
_SIGNATURE_LINES = 6  # … and at most this many lines from it, in its paragraph


_DIAL_IN = compiled(
    r"dial|einwahl|meeting[- ]?id|konferenz|passcode|kenncode|\bpin\b|join|teilnehmen|"
    r"://|rejoindre|composer",
    re.IGNORECASE,
)


def lines_of(description: str, anchors: tuple[list[str], list[str]]) -> list[str]:
    """The lines of ``description`` that belong to the person ``anchors[0]`` names: those
    within :data:`_SIGNATURE_LINES` lines and :data:`_NEAR_CHARS` characters of a line naming
    them, in the same paragraph, before a line naming someone else; join instructions left
    out."""
    if not description:
        return []
    mine, theirs = ([a.casefold() for a in group] for group in anchors)
    lines = description.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    folded = [line.casefold() for line in lines]
    picked: set[int] = set()
    for at, line in enumerate(folded):
        if not any(a in line for a in mine):
            continue
        picked.add(at)
        for step in (-1, 1):
            chars, index = 0, at + step
            while 0 <= index < len(lines) and abs(index - at) <= _SIGNATURE_LINES:
                text = folded[index]
                chars += len(text) + 1
                if not text.strip() or chars > _NEAR_CHARS or any(a in text for a in theirs):
                    break
                picked.add(index)
                index += step
    return [lines[i] for i in sorted(picked) if not _DIAL_IN.search(lines[i])]
