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

A view that will ask for all of them (the JSON one) may :func:`begin` earlier: a forked process
works them out from the first on while this one makes the rest of the plan (the second core is
idle meanwhile); when the view asks, this process works them out from the last on until the
two meet, and takes the other's answers in.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.judge.home_city import HomeCity, Locate, Located
    from planner.judge.homes import HomeFinder
    from planner.judge.homes_kept import KeptHomes

log = logging.getLogger("planner")

APART = 500  # people from which they are worked out on several cores
HEAVY = 1_000  # own meetings from which someone is worked out first by :func:`begin`
HERE = 0.5  # the share of the work done here (the rest: the workers' answers taken in, kept)
# what working someone out costs beside reading their own meetings, in own meetings: each of
# them is read whole (the user's address is in every one), of the organisation's what each
# says is worked out once for all its people
ASKING = 25
# (key of the kept answer or "", the answer, whether it was worked out), None: asked here
_Answer = tuple[str, "HomeCity | None", bool] | None


class _Unlocated(Exception):
    """A place this run has not located yet, asked in a worker."""


class Begun:
    """People being worked out in a forked process since :func:`begin`, from the first on,
    while this process makes the rest of the plan; :meth:`taken` works them out from the last
    on until the two meet, and takes the forked process's answers in. ``claimed``: how many
    the forked process has taken; ``limit``: where it stops (shared memory)."""

    def __init__(self, keys: list[str], job: tuple[Any, ...], process: Any, answers: Any) -> None:
        self.keys = keys
        self.job = job  # (finder, kept, rows, home, claimed, limit)
        self.process = process
        self.answers = answers
        # a plan whose cities nobody asked (shown in the terminal, or dropped by a server):
        # the process ends when the plan is gone, at the latest with this one (a daemon)
        weakref.finalize(self, _stop, process, answers, os.getpid())

    def taken(self) -> dict[str, _Answer]:
        """Each key's answer (None: to be asked one by one, here)."""
        finder, kept, rows, home, claimed, limit = self.job
        found: dict[str, _Answer] = {}
        last = len(self.keys) - 1
        while last >= claimed.value:
            limit.value = last  # the forked process takes none from here on
            if last < claimed.value:  # it had taken this one meanwhile
                break
            if not finder.asked(key := self.keys[last]):  # (asked meanwhile: known here)
                found[key] = _answers([key], finder, kept, rows, home)[0]
            last -= 1
        for key, answer in zip(self.keys, self._collected(), strict=False):
            found.setdefault(key, answer)  # (one both took: the same answer)
        return found

    def _collected(self) -> list[_Answer]:
        """The forked process's answers, from the first key on (none where it failed)."""
        try:
            found = self.answers.recv()
        except (EOFError, OSError, ValueError, TypeError, AttributeError) as exc:
            log.debug("homes worked out aside failed (%s); working them out here", exc)
            found = []
        finally:
            self.answers.close()
            self.process.join()
        return found if isinstance(found, list) else []


def _stop(process: Any, answers: Any, home: int) -> None:
    if os.getpid() != home:  # (a forked worker's copy: not its child)
        return
    answers.close()
    if process.is_alive():
        process.kill()
    process.join()


def begin(finder: HomeFinder, emails: Iterable[str]) -> Begun | None:
    """Start working out where ``emails`` live in a forked process while this one goes on
    (:func:`homes_of` works out what is left and takes its answers in); None where they are
    too few, or where nothing can be forked."""
    import multiprocessing

    keys = [key for key in _keys(finder, emails) if key not in finder.own]  # (the config's)
    prepared = _prepared(finder, keys)
    if prepared is None or "fork" not in multiprocessing.get_all_start_methods():
        return None
    index = finder.indexed()
    # the longest first (whoever is in thousands of meetings: the user), then an
    # organisation's people together: what its meetings say is worked out once for them
    keys.sort(key=lambda key: (len(index.get(key, ())) < HEAVY, key.rpartition("@")[2]))
    context = multiprocessing.get_context("fork")
    claimed, limit = context.Value("i", 0, lock=False), context.Value("i", len(keys), lock=False)
    job = (finder, *prepared, os.getpid(), claimed, limit)
    answers, send = context.Pipe(duplex=False)
    process = context.Process(target=_aside, args=(keys, job, send), daemon=True)
    try:
        process.start()  # (a daemon: it ends with this process, asked or not)
    except OSError as exc:
        log.debug("homes cannot be worked out aside (%s)", exc)
        return None
    finally:
        send.close()
    return Begun(keys, job, process, answers)


def _aside(keys: list[str], job: tuple[Any, ...], send: Any) -> None:
    """In the forked process: ``keys`` from the first on, until this process takes the rest."""
    from planner.ical.forking import die_with_parent

    finder, kept, rows, home, claimed, limit = job
    die_with_parent(home)
    found: list[_Answer] = []
    try:
        for position, key in enumerate(keys):
            if position >= limit.value:
                break
            claimed.value = position + 1
            found += _answers([key], finder, kept, rows, home)
    except Exception as exc:  # anything at all: what is left is worked out there
        log.debug("homes worked out aside: %s", exc)
    send.send(found)
    send.close()


def homes_of(
    finder: HomeFinder, emails: Iterable[str], begun: Begun | None = None
) -> dict[str, HomeCity | None]:
    """``finder``'s :meth:`home_of <planner.judge.homes.HomeFinder.home_of>` each of
    ``emails``, by address key: those not asked yet worked out together, thousands on the
    usable cores, with what :func:`begin` worked out meanwhile."""
    keys = _keys(finder, emails)
    for key in keys:
        if key in finder.own:
            finder.home_of(key)  # the user's own: the config's, nothing to work out
    if missing := [key for key in keys if not finder.asked(key)]:
        finder.remember(dict(zip(missing, work_out(finder, missing, begun), strict=True)))
    elif begun is not None:
        begun.taken()  # (nothing left to ask: the process is ended all the same)
    return {key: finder.home_of(key) for key in keys}


def _keys(finder: HomeFinder, emails: Iterable[str]) -> list[str]:
    from planner.people.addresses import address_key

    return list(dict.fromkeys(address_key(email) for email in emails))


def _prepared(
    finder: HomeFinder, keys: Sequence[str]
) -> tuple[KeptHomes | None, dict[str, tuple[str]]] | None:
    """What workers share, where ``keys`` are worked out on several cores: the kept answers
    (None: none kept) and their rows; None where they are worked out one by one."""
    from planner.ical.forking import usable_cores
    from planner.judge.homes_kept import KeptHomes

    kept = finder.kept
    if finder.settled is None or len(keys) < APART or not isinstance(kept, KeptHomes | None):
        return None
    if usable_cores() < 2:
        return None
    kept = kept if kept is not None and kept.usable else None
    finder.indexed()  # made once, before the workers share it
    if kept is not None:  # what waits to be written is written here, never by a worker
        kept.flush()
    return kept, kept.rows() if kept is not None else {}


def work_out(
    finder: HomeFinder, keys: Sequence[str], begun: Begun | None = None
) -> list[HomeCity | None]:
    """The answers of ``finder`` for ``keys`` (address keys not asked yet), in order; those
    ``begun`` worked out taken from it."""
    from planner.ical.forking import fork_map

    aside: dict[str, _Answer] = {}
    kept: KeptHomes | None = None  # where answers worked out are kept
    if begun is not None:
        aside, kept = begun.taken(), begun.job[1]
    left = [key for key in keys if key not in aside]
    prepared = _prepared(finder, left)
    if prepared is not None:
        kept, rows = prepared
        answer = partial(_answers, finder=finder, kept=kept, rows=rows, home=os.getpid())
        # an organisation's people together: what its meetings say is worked out once
        ordered = sorted(left, key=lambda key: key.rpartition("@")[2])
        here = _share(finder, ordered, HERE)
        aside.update(zip(ordered, fork_map(answer, ordered, minimum=APART, here=here), strict=True))
    found: list[HomeCity | None] = []
    for key in keys:  # in order: the answers worked out are kept as one by one keeps them
        one = aside.get(key)
        if one is None:  # asked one by one (it needs a place looked up, or they are few)
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
