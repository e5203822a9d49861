"""The provider contract: one abstract class with capability flags, and the registry that finds
providers through the ``planner.providers`` entry-point group (built-ins are registered there too).
"""

from __future__ import annotations

import hashlib
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

from planner import registry
from planner.config.schema import Field
from planner.errors import NotOursError, NotSupportedError, ProviderNotFound
from planner.i18n import _
from planner.model import Calendar, Event, Interval

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig
    from planner.store import Store

GROUP = registry.GROUP


@dataclass
class ProviderContext:
    """What every provider gets besides its own options.

    ``store_factory`` opens the state database lazily, so a provider that keeps no state never
    creates one. ``warn`` reports a recoverable problem (one line: what and where).
    ``sources`` are every configured calendar and address book (address books marked as such),
    so that a provider can tell whether something it finds belongs to one entry alone.
    """

    tz: ZoneInfo
    user_emails: frozenset[str] = frozenset()
    data_dir: Path | None = None
    store_factory: Callable[[], Store] | None = None
    warn: Callable[[str], None] = field(default=logging.getLogger("planner").warning)
    interactive: bool = False
    sources: tuple[SourceConfig, ...] = ()
    _store: Store | None = field(default=None, init=False, repr=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            if self.store_factory is None:
                from planner.store import open_store

                self._store = open_store()
            else:
                self._store = self.store_factory()
        return self._store


@dataclass(frozen=True, slots=True)
class SignInState:
    """How a source's stored sign-in looks on this machine (never the token itself):
    ``state`` is ``valid``, ``expired (renewed on next use)``, ``missing`` or ``unreadable``;
    ``written`` when its token file was last written (None without one); ``fingerprint`` a
    hash of what the file holds ("" without one), to tell a renewed sign-in from the one a
    service refused whatever the file's times say."""

    state: str
    written: datetime | None = None
    fingerprint: str = ""


#: The UID of every event ``planner sync`` writes begins so (``planner.sync.marks``).
SYNC_UID_PREFIX = "planner-sync-"
#: The hints that carry a :class:`SyncMark` on an event a provider hands out: CalDAV and files
#: hold them as X-properties (iCalendar parsing hands them out so), Google and Outlook set them
#: from where they keep the mark (:func:`mark_hints`).
MARK_KEY_HINT = "X-PLANNER-SYNC-KEY"
MARK_DIGEST_HINT = "X-PLANNER-SYNC-DIGEST"
SYNC_MARK_HINTS = (MARK_KEY_HINT,)


@dataclass(frozen=True, slots=True)
class SyncMark:
    """What the planner writes into an event of its own: ``key`` names what the event stands
    for (a mirrored event or a travel block), ``digest`` its content when written."""

    key: str
    digest: str


def written_by_sync(event: Event, own_uids: Collection[str] = frozenset()) -> bool:
    """Whether ``event`` carries the mark of a mirror or travel block ``planner sync`` wrote:
    its calendar lists it as marked (``own_uids``: the UIDs under which it lists its marked
    events), or it was handed out with the mark (:func:`mark_hints`: CalDAV and files keep it
    as X-properties, Google and Outlook where they keep the mark). A UID alone is no mark: an
    invitation to someone else's mirror, or an imported copy of one, keeps the UID but not
    the mark, and is a meeting of the user's. Whether it is still the planner's says
    :func:`planners_own`."""
    if event.uid in own_uids:
        return True
    return any(event.hint(name) for name in SYNC_MARK_HINTS)


#: What a mirror or travel block shows, and all the planner writes into one besides its mark
#: (and, when it creates one, that it is private and without reminders): its digest
#: (:func:`mark_digest`) covers these, and an update (``update_marked``) changes these alone.
#: Everything else the event has in the calendar (a colour, reminders or alarms, a note,
#: categories, attachments, its privacy, other apps' properties) the user or another app gave
#: it: such an addition neither makes the event the user's nor is written over.
MIRROR_FIELDS = ("title", "start", "end", "all_day", "location", "status", "busy")


def mark_digest(event: Event) -> str:
    """A short fingerprint of what a written event shows (:data:`MIRROR_FIELDS`), kept in its
    :class:`SyncMark`: a different one on reading means the user changed the event (or the
    planner wants to)."""
    parts = (
        event.title,
        event.start.astimezone(UTC).isoformat(),
        event.end.astimezone(UTC).isoformat(),
        str(event.all_day),
        event.location,
        event.status.value,
        str(event.busy),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def mark_hints(mark: SyncMark) -> tuple[tuple[str, str], ...]:
    """The hints with which a provider hands out an event carrying ``mark``, so that reading
    for the plan tells the planner's own events from those the user changed since."""
    return ((MARK_KEY_HINT, mark.key), (MARK_DIGEST_HINT, mark.digest))


def mark_of(event: Event, own: Collection[str] = frozenset()) -> SyncMark | None:
    """The mark ``event`` carries: as its calendar lists it (``own``, a mapping of UIDs to
    marks, see :func:`planners_own`), else as it was handed out (:func:`mark_hints`); None
    when neither tells one."""
    listed = own.get(event.uid) if isinstance(own, Mapping) else None
    if isinstance(listed, SyncMark):
        return listed
    key = event.hint(MARK_KEY_HINT)
    return SyncMark(key, event.hint(MARK_DIGEST_HINT)) if key else None


def changed_by_user(event: Event, mark: SyncMark) -> bool:
    """Whether ``event``, written with ``mark``, no longer shows what the planner wrote: it was
    retitled, moved, given a place, or invited to (the planner writes no attendees, and the
    digest leaves them out). Such an event is the user's now: sync neither updates nor deletes
    it, and reading takes it for the user's own busy time. What the planner does not write
    (a colour, an alarm, a note: not in :data:`MIRROR_FIELDS`) changes nothing of this: the
    event still follows its meeting, and an update keeps the addition."""
    return mark_digest(event) != mark.digest or bool(event.attendees)


def planners_own(event: Event, own: Collection[str] = frozenset()) -> bool:
    """Whether ``event`` is a mirror or travel block as ``planner sync`` wrote it: it stands
    for a meeting read from its own calendar (or the way to one), so it is no event of the
    user's (read as one, every mirrored meeting would count twice). Only a marked event
    (:func:`written_by_sync`) can be; one with people (the planner writes none: someone
    invited the user, or the user invited someone) or one the user changed since
    (:func:`changed_by_user`) is the user's and is read like any other event.

    ``own``: the UIDs under which the calendar ``event`` came from lists its marked events,
    best a mapping to their marks (what :meth:`CalendarProvider.list_marked` tells); else the
    mark comes from the event's hints. A marked event whose digest cannot be found (a
    provider that keeps none) is taken for the planner's, as it was written."""
    if not written_by_sync(event, own) or event.attendees:
        return False
    mark = mark_of(event, own)
    if mark is None or not mark.digest:
        return True
    return not changed_by_user(event, mark)


def may_write_over(there: Event, mark: SyncMark | None, wanted: Event) -> bool:
    """Whether a create of ``wanted`` that finds ``there`` under its UID (carrying ``mark``,
    None without one) may write over it: only while it is exactly what the planner wrote, by
    its own mark (:func:`changed_by_user`) or as the very event wanted (a retry). The user's
    version of a marked event is never written over."""
    if mark is None or there.attendees:
        return False
    return mark_digest(there) in (mark.digest, mark_digest(wanted))


def _text(value: str) -> str:
    return "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").strip().splitlines())


#: What a hold (``create_event``) shows, each read as a comparable value: a hold read again
#: is the one read before while these and its guests (:func:`hold_guests`) are the same
#: (:func:`same_hold`); ``planner.flows.hold_edits`` says a change of one in these terms.
HOLD_FIELDS: dict[str, Callable[[Event], object]] = {
    "title": lambda e: " ".join(e.title.split()),
    "when": lambda e: (e.start.astimezone(UTC).isoformat(), e.end.astimezone(UTC).isoformat()),
    "where": lambda e: " ".join(e.location.split()),
    "notes": lambda e: _text(e.description),
}


def hold_guests(event: Event) -> set[str]:
    """The guests of ``event`` (its attendees but the organizer), by address in lower case."""
    organizer = event.organizer.email.casefold() if event.organizer else ""
    return {a.email.casefold() for a in event.attendees if a.email.casefold() != organizer}


def same_hold(there: Event, expected: Event) -> bool:
    """Whether the hold ``there``, read now, still shows what ``expected`` (read before)
    showed: title, time, place, notes and guests (:data:`HOLD_FIELDS`)."""
    same = all(value(there) == value(expected) for value in HOLD_FIELDS.values())
    return same and hold_guests(there) == hold_guests(expected)


def unchanged_since(there: Event, mark: SyncMark | None, planned: MarkedEvent) -> bool:
    """Whether ``there`` (carrying ``mark``), read just before writing, is still what
    ``planned`` listed when the run was planned: an update or delete goes ahead only then."""
    if mark != planned.mark or there.attendees != planned.event.attendees:
        return False
    return mark_digest(there) == mark_digest(planned.event)


@dataclass(frozen=True, slots=True)
class MarkedEvent:
    """An event carrying a :class:`SyncMark`, as a target calendar lists it. ``id`` is the
    provider's handle (Google event id, Graph id, CalDAV href) for update and delete."""

    id: str
    mark: SyncMark
    event: Event
    etag: str = ""


class CalendarProvider(ABC):
    """A source of calendar events.

    Subclasses set ``name``, the capability flags, and ``options`` (their config keys). Heavy
    client libraries are imported inside methods, never at module level.
    """

    name: ClassVar[str]
    can_write: ClassVar[bool] = False
    has_free_busy: ClassVar[bool] = False
    has_incremental_sync: ClassVar[bool] = False
    options: ClassVar[Mapping[str, Field]] = {}
    #: Whether a hold (``create_event`` without ``send_updates``) keeps the event's guests
    #: there: a plan says a guest added to or removed from a hold only where it does.
    holds_guests: ClassVar[bool] = True
    #: The options that say *which* calendar an entry reads, not how (a timeout, a sync window):
    #: a renamed entry is the same calendar by them (``planner sync`` remembers what it wrote
    #: so). Empty: every option but secrets.
    identity_options: ClassVar[tuple[str, ...]] = ()

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        self.source = source
        self.context = context

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        """Problems with a combination of options (single keys are checked by ``options``)."""
        return []

    @abstractmethod
    def list_calendars(self) -> list[Calendar]:
        """The calendars this account or source can see."""

    @abstractmethod
    def events(self, start: datetime, end: datetime) -> list[Event]:
        """Every event occurrence overlapping ``[start, end)``.

        Recurrences are expanded, times are zone-aware, cancelled occurrences are left out and
        free (transparent) ones have ``busy=False``.
        """

    def free_busy(
        self, emails: Sequence[str], start: datetime, end: datetime
    ) -> dict[str, list[Interval]]:
        """Busy intervals of other people, where the service can tell."""
        raise NotSupportedError(
            _("calendar '{name}' cannot look up other people's free/busy", name=self.source.name)
        )

    def create_event(self, event: Event, *, send_updates: bool = False) -> str:
        """Write ``event`` into the calendar, idempotently by ``event.uid``; return its id.

        ``send_updates`` asks the service to send invitations to the attendees itself. An
        event with that UID which the planner did not create is never written over (nor
        doubled): :class:`planner.errors.NotOursError` (see ``providers.base.not_ours``).
        """
        raise NotSupportedError(_("calendar '{name}' is read-only", name=self.source.name))

    def held(self, uid: str) -> Event | None:
        """The event :meth:`create_event` wrote under ``uid`` as it stands in the calendar now
        (the user may have retitled it, added a guest, written notes, moved it), None when
        there is none. What a hold written again keeps of the user's changes is read from it
        (``planner.flows.hold_edits``); a provider that can write holds must answer it."""
        if not self.can_write:
            return None
        raise NotSupportedError(
            _("calendar '{name}' cannot read back the holds it wrote", name=self.source.name)
        )

    def remove_held(self, uid: str, expected: Event) -> bool:
        """Delete the hold :meth:`create_event` wrote under ``uid``, only while it is still
        the planner's and shows what ``expected`` (the hold as :meth:`held` read it before)
        showed (``providers.base.same_hold``); nothing else is ever deleted. True when it was
        deleted, False when it is gone already. A change in between (also one made while
        deleting: the delete is conditional where the service can make it so) is refused with
        ``providers.base.changed_meanwhile``, an event with that UID the planner did not write
        with ``providers.base.not_ours``; either way nothing is deleted."""
        raise NotSupportedError(_("calendar '{name}' is read-only", name=self.source.name))

    # -- events the planner wrote itself (``planner sync``) ------------------------------
    # A provider that can keep track of its own events sets ``can_sync`` and implements the
    # four methods below. The mark travels with the event (Google: private extended
    # properties, Graph: single-value extended properties, CalDAV: X-properties), so the
    # planner finds what it wrote, and only that, even without its state database.
    can_sync: ClassVar[bool] = False

    def list_marked(self) -> list[MarkedEvent]:
        """Every event in the write calendar that carries a sync mark, in any time range."""
        raise NotSupportedError(
            _("calendar '{name}' cannot be a sync target", name=self.source.name)
        )

    def create_marked(self, event: Event, mark: SyncMark) -> str:
        """Write ``event`` with ``mark`` into the write calendar, idempotently by
        ``event.uid``; return the provider's id of the event."""
        raise NotSupportedError(_("calendar '{name}' is read-only", name=self.source.name))

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        """Make ``marked`` (from :meth:`list_marked`) show ``event``: only what the planner
        writes changes (``providers.base.MIRROR_FIELDS`` and the mark), everything else the
        event has in the calendar stays (the user's colour, alarms, notes; other apps'
        properties). Written only while it is as listed (else
        ``providers.base.changed_meanwhile``)."""
        raise NotSupportedError(_("calendar '{name}' is read-only", name=self.source.name))

    def delete_marked(self, marked: MarkedEvent) -> None:
        """Delete ``marked`` (from :meth:`list_marked`); an event already gone is no error."""
        raise NotSupportedError(_("calendar '{name}' is read-only", name=self.source.name))

    def close(self) -> None:
        """Release connections; the default has nothing to release."""

    @classmethod
    def sign_in(
        cls,
        source: SourceConfig,
        context: ProviderContext,
        *,
        prompt: Callable[[str], None],
        browser: bool | None = None,
    ) -> str:
        """Interactive sign-in (``planner auth``); returns the account. ``browser`` chooses the
        browser flow (True), a flow without a local browser (False), or the configured one."""
        raise NotSupportedError(_("provider '{name}' needs no sign-in", name=cls.name))

    @classmethod
    def sign_in_state(cls, source: SourceConfig, context: ProviderContext) -> SignInState | None:
        """The stored sign-in of ``source``; None for a provider that needs none."""
        return None


def not_ours(calendar: str, uid: str, title: str = "") -> NotOursError:
    """The refusal to write over someone's event: one line naming the calendar and event."""
    what = f"'{title}' (UID {uid})" if title else f"UID {uid}"
    return NotOursError(
        _(
            "calendar '{name}' already holds {what}, which planner did not create; it was "
            "left as it is and nothing was written",
            name=calendar,
            what=what,
        ),
        hint=_(
            "planner writes only its own events; move a meeting of yours in your calendar "
            "app, which tells its attendees"
        ),
    )


def changed_meanwhile(calendar: str, uid: str, title: str = "") -> NotOursError:
    """The refusal to write over an event the planner wrote and the user has changed since
    (or changes while the planner writes): one line naming the calendar and event."""
    what = f"'{title}' (UID {uid})" if title else f"UID {uid}"
    return NotOursError(
        _(
            "calendar '{name}': {what} was changed in the calendar since planner wrote it; "
            "your version was kept and nothing was written",
            name=calendar,
            what=what,
        ),
        hint=_("it is yours now: planner leaves it alone"),
    )


def available() -> dict[str, str]:
    """Provider name → ``module:Class`` for every registered provider."""
    return registry.available()


def provider_class(name: str) -> type[CalendarProvider]:
    """Load the provider class registered as ``name`` (imports only that provider's module)."""
    cls = registry.load(name)
    if not (isinstance(cls, type) and issubclass(cls, CalendarProvider)):
        target = registry.available()[name]
        raise ProviderNotFound(
            _("provider '{name}' ({target}) is not a CalendarProvider", name=name, target=target)
        )
    return cls


def create(source: SourceConfig, context: ProviderContext) -> CalendarProvider:
    """Instantiate the provider for one ``[[calendars]]`` entry."""
    return provider_class(source.provider)(source, context)
