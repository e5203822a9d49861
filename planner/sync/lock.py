"""The lock that keeps two ``planner sync`` runs from writing at the same time."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from planner.errors import PlannerError
from planner.i18n import _


class SyncBusy(PlannerError):
    """Another ``planner sync`` is writing right now."""

    exit_code = 75  # EX_TEMPFAIL: cron may simply try again next time


@contextlib.contextmanager
def lock(apply: bool) -> Iterator[None]:
    """Hold the sync lock while writing; a dry run needs none."""
    if not apply:
        yield
        return
    import fcntl

    from planner.paths import data_dir

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "sync.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncBusy(
                _("another 'planner sync' is writing right now"),
                hint=_("it is safe to try again in a few minutes"),
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
