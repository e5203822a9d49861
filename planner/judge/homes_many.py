"""Where many counterparts live or work, worked out together (:mod:`planner.judge.homes`):
the week's JSON names the city of each of its counterparts, 3,000 in a week of 50,000
meetings.

Each answer is a function of the person, the history and what the places it reads are, so
thousands are worked out in slices on the usable cores (forked workers share the history and
the index of it; only the answers come back), the same answers as one by one, kept the same
way (:mod:`planner.judge.homes_kept`: the answers worked out are written here, in the order
asked, as one by one would). A worker uses no database (a connection does not survive a fork)
and looks up no place this run has not located yet (a geocoder may go on the network or write
its cache): whoever needs one is worked out here afterwards, one by one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.judge.home_city import HomeCity, Locate, Located
    from planner.judge.homes import HomeFinder
    from planner.judge.homes_kept import KeptHomes

APART = 500  # people from which they are worked out on several cores
HERE = 0.5  # the share of the work done here (the rest: the workers' answers taken in, kept)
# what working someone out costs beside reading their own meetings, in own meetings: each of
# them is read whole (the user's address is in every one), of the organisation's what each
# says is worked out once for all its people
ASKING = 25
# (key of the kept answer or "", the answer, whether it was worked out), None: asked here
_Answer = tuple[str, "HomeCity | None", bool] | None


class _Unlocated(Exception):
    """A place this run has not located yet, asked in a worker."""


def homes_of(finder: HomeFinder, emails: Iterable[str]) -> dict[str, HomeCity | None]:
    """``finder``'s :meth:`home_of <planner.judge.homes.HomeFinder.home_of>` each of
    ``emails``, by address key: those not asked yet worked out together, thousands on the
    usable cores."""
    from planner.people.addresses import address_key

    keys = list(dict.fromkeys(address_key(email) for email in emails))
    if missing := [key for key in keys if not finder.asked(key)]:
        finder.remember(dict(zip(missing, work_out(finder, missing), strict=True)))
    return {key: finder.home_of(key) for key in keys}


def work_out(finder: HomeFinder, keys: Sequence[str]) -> list[HomeCity | None]:
    """The answers of ``finder`` for ``keys`` (address keys not asked yet), in order."""
    from planner.ical.forking import fork_map
    from planner.judge.homes_kept import KeptHomes

    kept = finder.kept
    if finder.settled is None or len(keys) < APART or not isinstance(kept, KeptHomes | None):
        return [finder.home_of(key) for key in keys]
    kept = kept if kept is not None and kept.usable else None
    finder.indexed()  # made once, before the workers share it
    if kept is not None:  # what waits to be written is written here, never by a worker
        kept.flush()
    rows = kept.rows() if kept is not None else {}
    answer = partial(_answers, finder=finder, kept=kept, rows=rows, home=os.getpid())
    # an organisation's people together: what its meetings say is worked out once for them
    order = sorted(range(len(keys)), key=lambda n: keys[n].rpartition("@")[2])
    ordered = [keys[n] for n in order]
    here = _share(finder, ordered, HERE)
    answered = fork_map(answer, ordered, minimum=APART, here=here)
    answers: list[_Answer] = [None] * len(keys)
    for n, one in zip(order, answered, strict=True):
        answers[n] = one
    found: list[HomeCity | None] = []
    for key, one in zip(keys, answers, strict=True):
        if one is None:  # it needs a place looked up: here, kept as one by one
            found.append(finder.home_of(key))
            continue
        digest, home, worked = one
        if worked and kept is not None:
            kept.put(digest, home)
        found.append(home)
    return found


def _share(finder: HomeFinder, keys: Sequence[str], share: float) -> float:
    """The share of ``keys`` (from the first on) whose work is about ``share`` of all of it."""
    index = finder.indexed()
    weights = [len(index.get(key, ())) + ASKING for key in keys]
    goal, done = share * sum(weights), 0
    for count, weight in enumerate(weights):
        if done + weight / 2 > goal:
            return max(count, 1) / len(keys)
        done += weight
    return 1.0


def _answers(
    keys: Sequence[str],
    finder: HomeFinder,
    kept: KeptHomes | None,
    rows: dict[str, tuple[str]],
    home: int,
) -> list[_Answer]:
    """The answers for ``keys``: in a worker (not process ``home``) only where they need no
    place looked up that this run has not located."""
    if os.getpid() != home:
        assert finder.settled is not None
        finder.locate = partial(_located, finder.locate, finder.settled)
    found: list[_Answer] = []
    for key in keys:
        try:
            if kept is None:
                found.append(("", finder.infer(key), False))
            else:
                found.append(kept.answer(finder, key, rows.get))
        except _Unlocated:
            found.append(None)
    return found


def _located(locate: Locate, settled: Callable[[str], bool], text: str) -> Located | None:
    """``locate(text)`` where this run has located ``text`` already."""
    if not settled(text):
        raise _Unlocated(text)
    return locate(text)
