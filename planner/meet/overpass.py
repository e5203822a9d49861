"""A small client for the OpenStreetMap Overpass API: the venue kinds of
:mod:`planner.meet.kinds` around a point, as :class:`planner.meet.venues.Venue`.

Why not a client library: ``overpy`` (the maintained Python Overpass client) sends every query
with urllib's default User-Agent and offers no way to set one, while the Overpass usage policy
asks clients to identify themselves; it also turns the JSON into its own objects, which we would
only convert back into the dicts :func:`planner.meet.osm.from_overpass` already maps. One POST
with the standard library is less code than that adapter.

Usage policy (https://dev.overpass-api.de/overpass-doc/en/preface/commons.html): an identifying
User-Agent (``[geo] user_agent``), at most one request per second from this process, a
``[timeout:…]`` in the query, and a cache (:mod:`planner.meet.fetched`) so that an area is asked
for once per ``[venues] max_age_days``. ``[geo] overpass_url`` points at another instance.
Data © OpenStreetMap contributors, ODbL 1.0.
"""

from __future__ import annotations

import json
import threading
import time
from typing import TYPE_CHECKING

from planner.errors import PlannerError
from planner.i18n import _
from planner.model import Geo
from planner.online.failure import BUSY, ERROR, OFFLINE, Failure, describe

if TYPE_CHECKING:
    from planner.meet.venues import Venue

ATTRIBUTION = "Venues: Data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)"

# (key, regular expression of values) for the kinds planner.meet.kinds.classify knows
_FILTERS = (
    ("amenity", "^(cafe|restaurant|bar|pub|biergarten|lounge|coworking_space|conference_centre)$"),
    ("tourism", "^hotel$"),
    ("office", "^(coworking|association)$"),
    ("aeroway", "^lounge$"),
    ("club", "^business$"),
)


class OverpassError(PlannerError):
    """The Overpass API was busy, slow or unreachable; nothing was stored. ``failure`` says
    which (:mod:`planner.online.failure`)."""

    def __init__(self, message: str, *, hint: str = "", failure: Failure | None = None) -> None:
        super().__init__(message, hint=hint)
        self.failure = failure


def build_query(point: Geo, radius_km: float, timeout: int = 60) -> str:
    """Overpass QL for named meeting places within ``radius_km`` of ``point``."""
    around = f"around:{round(radius_km * 1000)},{point.lat:.6f},{point.lon:.6f}"
    lines = [f'  nwr({around})["{key}"~"{values}"]["name"];' for key, values in _FILTERS]
    return f"[out:json][timeout:{timeout}];\n(\n" + "\n".join(lines) + "\n);\nout center tags;\n"


class Overpass:
    """One polite client per server: identifying User-Agent, one request per ``min_interval``."""

    _lock = threading.Lock()
    _last_request = 0.0

    def __init__(
        self, url: str, user_agent: str, *, timeout: float = 60.0, min_interval: float = 1.0
    ) -> None:
        self.url = url
        from planner.meet.geo import DEFAULT_USER_AGENT

        self.user_agent = user_agent.strip() or DEFAULT_USER_AGENT
        self.timeout = timeout
        self.min_interval = min_interval
        self.requests = 0

    def venues_around(self, point: Geo, radius_km: float) -> list[Venue]:
        """Venues within ``radius_km`` of ``point``; :class:`OverpassError` when it fails."""
        from planner.meet.osm import from_overpass

        query = build_query(point, radius_km, int(self.timeout))
        return from_overpass(self._post(query), "overpass")

    def _post(self, query: str) -> dict[str, object]:
        import urllib.error
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode({"data": query}).encode()
        request = urllib.request.Request(
            self.url,
            data=body,
            headers={"User-Agent": self.user_agent, "Accept": "application/json"},
        )
        self._wait_turn()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise self._error(describe(exc)) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise self._error(describe(exc, timeout=self.timeout)) from None
        except ValueError:
            raise self._error(Failure(ERROR, _("the answer is no JSON"))) from None
        if not isinstance(data, dict):
            raise self._error(Failure(ERROR, _("the answer is no Overpass JSON")))
        remark = str(data.get("remark") or "")
        if "error" in remark.lower():  # e.g. "runtime error: Query timed out …", partial data
            busy = "timed out" in remark.lower() or "load" in remark.lower()
            raise self._error(Failure(BUSY if busy else ERROR, remark.strip()))
        return data

    def _error(self, failure: Failure) -> OverpassError:
        """The error for ``failure``: offline, busy and broken servers get their own advice."""
        if failure.kind == OFFLINE:
            hint = _(
                "the venues fetched before are kept; run it again when the network is back, or "
                "check [geo] overpass_url"
            )
        elif failure.kind == BUSY:
            hint = _(
                "the venues fetched before are kept; the server is busy: try again in a few "
                "minutes, or set [geo] overpass_url to another instance"
            )
        else:
            hint = _("the venues fetched before are kept; check [geo] overpass_url")
        return OverpassError(
            _(
                "fetching venues from {url} failed: {why}",
                url=self.url,
                why=failure.explained(),
            ),
            hint=hint,
            failure=failure,
        )

    def _wait_turn(self) -> None:
        with Overpass._lock:
            wait = Overpass._last_request + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            Overpass._last_request = time.monotonic()
            self.requests += 1
