"""A polite Nominatim client (OpenStreetMap geocoding) on geopy: cached, rate limited,
identified, one try per request; its errors say whether the server is offline or busy."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from planner.errors import PlannerError
from planner.i18n import _
from planner.meet.place import Place, fold
from planner.online.failure import OFFLINE, Failure, describe

if TYPE_CHECKING:
    from planner.store import Store

DEFAULT_USER_AGENT = "planner/0.1 (personal meeting planner; [geo] user_agent)"
ATTRIBUTION = "Geocoding: Data © OpenStreetMap contributors, ODbL 1.0 (nominatim.org)"
CACHE_NAMESPACE = "geo.nominatim"
NOMINATIM_TIMEOUT = 10.0  # seconds, or [geo] timeout_seconds when that is shorter


class GeocodeError(PlannerError):
    """The online geocoder could not be asked or gave an unusable answer; ``failure`` says
    whether it is offline, busy or answered with an error (:mod:`planner.online.failure`)."""

    def __init__(self, message: str, *, hint: str = "", failure: Failure | None = None) -> None:
        super().__init__(message, hint=hint)
        self.failure = failure


class Nominatim:
    """A polite Nominatim client on geopy: cache first, then geopy's ``Nominatim`` behind its
    ``RateLimiter`` (one request per ``min_interval`` seconds, shared by all clients of one
    server in this process), with an identifying User-Agent.

    ``base_url`` may point at a local server (tests) or an own Nominatim instance
    (``[geo] nominatim_url``, e.g. ``http://localhost:8080/nominatim``).
    """

    _limiters: dict[str, Any] = {}
    _lock = threading.Lock()

    def __init__(
        self,
        base_url: str,
        user_agent: str,
        store: Store | None = None,
        *,
        min_interval: float = 1.0,
        timeout: float = 10.0,
    ) -> None:
        if not user_agent.strip():
            raise GeocodeError(
                _("[geo] user_agent is empty but [geo] online = true"),
                hint=_('set user_agent = "planner/0.1 (you@example.com)" or turn online off'),
            )
        self.base_url = base_url.rstrip("/")
        self.user_agent = user_agent
        self.store = store
        self.min_interval = min_interval
        self.timeout = timeout
        self.requests = 0  # how many HTTP requests were made (for tests and --debug)
        self.sent: list[float] = []  # when each request was let through (time.monotonic)
        self._geocode: Callable[..., Any] | None = None

    def cached(self, query: str) -> Place | None:
        """The answer remembered for ``query``, without any request."""
        if self.store is None:
            return None
        found = self.store.get(CACHE_NAMESPACE, fold(" ".join(query.split())))
        return _place_from_cache(query, found) if found else None

    def search(self, query: str) -> Place | None:
        """The best match for ``query``, from the cache or one HTTP request."""
        key = fold(" ".join(query.split()))
        if self.store is not None:
            cached = self.store.get(CACHE_NAMESPACE, key)
            if cached is not None:
                return _place_from_cache(query, cached)
        result = self._request(query)
        if self.store is not None:
            self.store.put(CACHE_NAMESPACE, key, result or {})
        return _place_from_cache(query, result or {})

    def _client(self) -> Callable[..., Any]:
        if self._geocode is None:
            from geopy.adapters import RequestsAdapter
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim as GeopyNominatim

            scheme, _sep, rest = self.base_url.partition("://")
            client = GeopyNominatim(
                user_agent=self.user_agent,
                domain=rest or scheme,
                scheme=scheme if rest else "https",
                timeout=self.timeout,
                # one try: a server that is down or hanging costs one timeout, not three
                adapter_factory=lambda proxies, ssl_context: RequestsAdapter(
                    proxies=proxies, ssl_context=ssl_context, max_retries=0
                ),
            )
            with Nominatim._lock:
                key = f"{self.base_url} {self.min_interval}"
                limiter = Nominatim._limiters.get(key)
                if limiter is None:
                    limiter = Nominatim._limiters[key] = RateLimiter(
                        _stamped,
                        min_delay_seconds=self.min_interval,
                        max_retries=0,
                        swallow_exceptions=False,
                    )
            self._geocode = lambda q: limiter(self.sent, client.geocode, q, exactly_one=True)
        return self._geocode

    def _request(self, query: str) -> dict[str, Any] | None:
        from geopy.exc import GeopyError

        geocode = self._client()
        self.requests += 1
        try:
            location = geocode(query)
        except GeopyError as exc:
            failure = describe(exc, timeout=self.timeout)
            hint = (
                _("places known offline still work; check the network or [geo] nominatim_url")
                if failure.kind == OFFLINE
                else _("check [geo] nominatim_url, or try again later")
            )
            raise GeocodeError(
                _(
                    "geocoding '{query}' at {url} failed: {why}",
                    query=query,
                    url=self.base_url,
                    why=failure.explained(),
                ),
                hint=hint,
                failure=failure,
            ) from None
        if location is None:
            return None
        return {
            "lat": float(location.latitude),
            "lon": float(location.longitude),
            "name": str(location.address or query),
        }


def _stamped(sent: list[float], call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``call`` and note when the rate limiter let it through."""
    import time

    sent.append(time.monotonic())
    return call(*args, **kwargs)


def _place_from_cache(query: str, data: Mapping[str, Any]) -> Place | None:
    if "lat" not in data:
        return None
    name = str(data.get("name") or query)
    return Place(name, float(data["lat"]), float(data["lon"]), "nominatim")
