"""Work shared among the cores by forked processes (a helper of :mod:`planner.ical.parallel`
and of whoever has thousands of items to compute): light to import."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger("planner")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_SHARED: list[Any] = []  # what fork_map's workers find in this process's memory when forked


def fork_map(
    function: Callable[[Sequence[Any]], list[Any]],
    items: Sequence[Any],
    *,
    workers: int | None = None,
    minimum: int = 2_000,
    here: float | None = None,
) -> list[Any]:
    """``function(items)``, computed in slices on ``workers`` processes (default: the usable
    cores) when there are at least ``minimum`` items: forked workers share ``items`` with this
    process (nothing is sent but the results), the first slice is done here (``here``: its
    share of the items, where sending a result back costs the workers more than receiving it
    costs this process; default: an equal share). Any failure of the workers computes it
    here, so the result is always ``function(items)``'s. The workers end with this process,
    also when it is killed (:func:`die_with_parent`)."""
    workers = workers or usable_cores()
    if workers < 2 or len(items) < minimum:
        return function(items)  # without importing multiprocessing: most calls end here
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return function(items)
    own = -(-len(items) // workers) if here is None else max(1, round(len(items) * here))
    size = -(-(len(items) - own) // (workers - 1)) if len(items) > own else 1
    bounds = [0, *range(own, len(items), size), len(items)]
    slices = [(first, last) for first, last in zip(bounds, bounds[1:], strict=False)]
    if len(slices) < 2:
        return function(items)
    _SHARED[:] = [function, items]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=len(slices) - 1,
            mp_context=context,
            initializer=die_with_parent,  # a killed command leaves no worker computing on
            initargs=(os.getpid(),),
        ) as pool:
            futures = [pool.submit(_slice, first, last) for first, last in slices[1:]]
            found = function(items[slices[0][0] : slices[0][1]])
            for future in futures:
                found += future.result()
            return found
    except Exception as exc:  # anything at all: computed here
        log.debug("parallel computation failed (%s); computing on one core", exc)
        return function(items)
    finally:
        _SHARED.clear()


def _slice(first: int, last: int) -> list[Any]:
    function, items = _SHARED
    return function(items[first:last])


def die_with_parent(parent: int) -> None:
    """In a worker: end when ``parent`` ends, also when it is killed mid-parse (a forked
    worker would otherwise wait for work for ever, holding the parent's files open, the
    state database among them). Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it ended before the line above took effect
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux to kill this process when its parent ends (``PR_SET_PDEATHSIG``)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """Elsewhere: look twice a second whether the parent is still there."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
