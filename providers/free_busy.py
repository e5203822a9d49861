"""What a free/busy look-up answers: busy time for the addresses the service could tell, and
why it could not for the others (an external or unknown address is the normal case, not an
error).
"""

from __future__ import annotations

from planner.errors import NotSupportedError
from planner.i18n import _
from planner.model import Interval

# why an address has no free/busy: the service's own reason, or one of these
EXTERNAL = "external"  # outside the organisation, or no such address: the usual answer
NO_ACCESS = "no_access"  # the address exists but does not share its free/busy


class FreeBusyAnswer(dict[str, list[Interval]]):
    """Address → busy intervals, for the addresses the service could tell.

    ``unknown`` maps every address it could not tell to a short reason (:data:`EXTERNAL`,
    :data:`NO_ACCESS` or the service's own word, e.g. ``groupTooBig``). A plain dict is a valid
    answer too (nothing unknown).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.unknown: dict[str, str] = {}


def unknown_of(answer: dict[str, list[Interval]]) -> dict[str, str]:
    """The addresses ``answer`` could not tell, with their reasons ({} for a plain dict)."""
    return dict(getattr(answer, "unknown", {}))


# Google freeBusy per-calendar error reasons and Graph getSchedule per-schedule error codes
GOOGLE_REASONS = {"notFound": EXTERNAL, "forbidden": NO_ACCESS}
GRAPH_CODES = {
    "5009": EXTERNAL,  # "Unable to resolve e-mail address … to an Active Directory object"
    "5006": EXTERNAL,
    "ErrorMailRecipientNotFound": EXTERNAL,
    "ErrorNoFreeBusyAccess": NO_ACCESS,
    "ErrorFreeBusyGenerationFailed": NO_ACCESS,
}
GOOGLE_FREE_BUSY_SCOPE = "https://www.googleapis.com/auth/calendar.freebusy"


def google_scope_error(name: str) -> NotSupportedError:
    """Google refused ``freeBusy`` (403): the grant lacks a scope that covers it."""
    return NotSupportedError(
        _("Google calendar '{name}': the sign-in does not allow free/busy look-ups", name=name),
        hint=_(
            "grant the scope {scope} (or calendar.readonly) and run 'planner auth google' again",
            scope=GOOGLE_FREE_BUSY_SCOPE,
        ),
    )
