"""A meeting's title without the mode it names: "Vertragsunterzeichnung Müller Bau (Teams)" is
"Vertragsunterzeichnung Müller Bau" for the meeting in person that replaces it.

Only a marker is taken off: a bracket that holds nothing but tools and mode words ("(Teams)",
"[Zoom / Telefon]", "(Videocall)") and such words at the end after a separator or a "via"
("Kick-off – Teams", "Review via Zoom"); a mode word that is the subject stays ("Online-Marketing",
"Hybrid Work"). The words are the tools of :mod:`planner.judge.tools` and the mode phrases of
:mod:`planner.judge.patterns`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from planner.judge import patterns as P
from planner.judge.kept_regex import compiled
from planner.judge.tools import TOOLS


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], ...]:
    words = {n for t in TOOLS for n in t.names}
    words |= {*P.VIRTUAL_PHRASES, *P.PHONE_PHRASES, *P.AMBIGUOUS_CALL, *P.HYBRID_PHRASES}
    ordered = sorted(words, key=lambda w: (-len(w), w))
    one = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered)
    mode = rf"(?:{one})(?:\s*[/,&+]\s*(?:{one}))*"
    before = r"(?:\s+[-–—|]\s*|\s*[|:]\s*|\s+(?:via|per|über|on|by|par|sur|en)\s+)"
    return (
        compiled(rf"\s*[(\[]\s*{mode}\s*[)\]]", re.IGNORECASE),
        compiled(rf"{before}{mode}\s*$", re.IGNORECASE),
    )


def without_mode(title: str) -> str:
    """``title`` without a marker of how the meeting was held; as it is when nothing else
    would be left."""
    shorter = title
    for marker in _markers():
        shorter = marker.sub("", shorter)
    return shorter.strip() or title
