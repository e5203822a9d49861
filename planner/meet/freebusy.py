"""Counterparts' busy time, asked once per calendar service for everyone and remembered.

:class:`FreeBusyLookup` stands behind ``planner week`` and ``planner propose``: :meth:`prefetch`
asks every provider that can tell (``has_free_busy``) once for all addresses of a run (the
providers split that into the batches their API allows), and the answers are kept in the state
database for ``[free_busy] cache_minutes``, so a repeat run asks nothing at all. An address no
service can tell (external, unknown, not shared) is the normal case: :meth:`report` sums those up
in one line; with ``--verbose`` a second line names them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from planner.i18n import _, ngettext
from planner.meet.slots import merge
from planner.model import Interval
from planner.online import outages

if TYPE_CHECKING:
    from planner.store import Store

log = logging.getLogger("planner")
NAMESPACE = "free-busy"
SERVICE = "free-busy"  # with ":<calendar>", its name in planner.online.outages


@dataclass(frozen=True)
class Known:
    """What one service said about one address for ``[start, end)``: busy time, or a reason
    why it cannot tell (``busy`` is None then)."""

    start: datetime
    end: datetime
    busy: tuple[Interval, ...] | None
    reason: str = ""
    at: float = 0.0

    def covers(self, start: datetime, end: datetime) -> bool:
        return self.start <= start and end <= self.end

    def to_json(self) -> dict[str, Any]:
        busy = (
            None
            if self.busy is None
            else [[i.start.isoformat(), i.end.isoformat()] for i in self.busy]
        )
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "busy": busy,
            "reason": self.reason,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, data: Any) -> Known | None:
        try:
            busy = data["busy"]
            return cls(
                datetime.fromisoformat(data["start"]),
                datetime.fromisoformat(data["end"]),
                None
                if busy is None
                else tuple(
                    Interval(datetime.fromisoformat(s), datetime.fromisoformat(e)) for s, e in busy
                ),
                str(data.get("reason") or ""),
                float(data["at"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


class FreeBusyLookup:
    """Busy time of counterparts from every provider that can tell.

    ``store`` keeps answers for ``cache_minutes`` (0: only within the run); ``clock`` gives
    the wall-clock time in seconds (tests pass their own); ``tz`` is the user's zone, in
    which a failing service is reported.
    """

    def __init__(
        self,
        providers: Iterable[Any],
        *,
        tz: tzinfo,
        store: Store | None = None,
        cache_minutes: int = 30,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.providers = [p for p in providers if getattr(p, "has_free_busy", False)]
        self.store = store
        self.ttl = max(0, cache_minutes) * 60.0
        self.clock = clock
        self.tz = tz
        self._known: dict[int, dict[str, Known]] = {i: {} for i in range(len(self.providers))}
        self._unable: set[int] = set()  # providers that said they cannot look up free/busy

    # -- asking -----------------------------------------------------------------------------
    def prefetch(self, emails: Sequence[str], start: datetime, end: datetime) -> None:
        """Make sure every provider's answer for ``emails`` over ``[start, end)`` is known:
        from this run, from the state database, or from one request for all missing ones."""
        wanted = list(dict.fromkeys(e.strip().lower() for e in emails if e.strip()))
        for index, provider in enumerate(self.providers):
            if index in self._unable or not wanted:
                continue
            missing = [e for e in wanted if not self._have(index, provider, e, start, end)]
            if missing:
                self._ask(index, provider, missing, start, end)

    def __call__(
        self, emails: str | Sequence[str], start: datetime, end: datetime
    ) -> list[Interval] | None:
        """The busy time of ``emails`` together (when any of them is busy), merged across
        services; None when no service could tell about any of them."""
        group = [emails] if isinstance(emails, str) else list(emails)
        self.prefetch(group, start, end)
        found: list[Interval] = []
        told = False
        for index in range(len(self.providers)):
            for email in group:
                known = self._known[index].get(email.strip().lower())
                if known is None or known.busy is None or not known.covers(start, end):
                    continue
                told = True
                found += [i for i in known.busy if i.start < end and i.end > start]
        return merge(found) if told else None

    def _have(self, index: int, provider: Any, email: str, start: datetime, end: datetime) -> bool:
        known = self._known[index].get(email)
        if known is not None and known.covers(start, end):
            return True
        if self.store is None or self.ttl <= 0:
            return False
        stored = Known.from_json(self.store.get(self._namespace(provider), email))
        if stored is None or not stored.covers(start, end) or self.clock() - stored.at > self.ttl:
            return False
        self._known[index][email] = stored
        return True

    def _ask(
        self, index: int, provider: Any, emails: list[str], start: datetime, end: datetime
    ) -> None:
        from planner.errors import AuthError, NotSupportedError, PlannerError

        service = f"{SERVICE}:{provider.source.name}"
        if not outages.usable(service):
            self._unable.add(index)
            return
        try:
            answer = provider.free_busy(emails, start, end)
        except NotSupportedError as exc:
            self._unable.add(index)
            (log.warning if exc.hint else log.info)(str(exc))
            return
        except AuthError as exc:  # no outage: reading the calendar said so, with the command
            self._unable.add(index)
            log.info(
                _("Free/busy of calendar '{name}': {error}", name=provider.source.name, error=exc)
            )
            return
        except PlannerError as exc:  # the service is offline, busy or failing: time counts free
            self._unable.add(index)
            outages.failed(
                service,
                _("Free/busy of calendar '{name}'", name=provider.source.name),
                exc,
                fallback=_("counterparts' busy time from it is unknown in this run"),
                store=self.store,
                tz=self.tz,
            )
            return
        outages.succeeded(service, self.store)
        unknown = {k.lower(): v for k, v in getattr(answer, "unknown", {}).items()}
        by_lower = {k.lower(): v for k, v in answer.items()}
        now = self.clock()
        for email in emails:
            if email in by_lower:
                busy = tuple(sorted(by_lower[email], key=lambda i: (i.start, i.end)))
                known = Known(start, end, busy, at=now)
            else:
                known = Known(start, end, None, unknown.get(email, "missing"), now)
            self._known[index][email] = known
            if self.store is not None and self.ttl > 0:
                self.store.put(self._namespace(provider), email, known.to_json())

    @staticmethod
    def _namespace(provider: Any) -> str:
        return f"{NAMESPACE}:{provider.source.name}"

    # -- telling ----------------------------------------------------------------------------
    def unknown(self) -> dict[str, str]:
        """Addresses asked for that no service could tell, with the first service's reason."""
        told: set[str] = set()
        reasons: dict[str, str] = {}
        for table in self._known.values():
            for email, known in table.items():
                if known.busy is not None:
                    told.add(email)
                else:
                    reasons.setdefault(email, known.reason)
        return {e: r for e, r in sorted(reasons.items()) if e not in told}

    def report(self) -> None:
        """One line for the addresses whose free/busy is unknown (none when all are known);
        with ``--verbose`` (log level INFO) one more line names them."""
        unknown = self.unknown()
        if not unknown:
            return
        log.warning(
            ngettext(
                "free/busy of {count} address is unknown (outside your organisation or not "
                "shared); its time counts as free. --verbose lists it",
                "free/busy of {count} addresses is unknown (outside your organisation or not "
                "shared); their time counts as free. --verbose lists them",
                len(unknown),
            )
        )
        listed = ", ".join(f"{email} ({reason})" for email, reason in unknown.items())
        log.info(_("free/busy unknown: {addresses}", addresses=listed))
