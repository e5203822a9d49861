"""Locating a place the user names on purpose (``planner venues fetch --near``): offline first,
then Nominatim even when ``[geo] online = false`` — the command itself is the consent — and
what to say when no venue is known around a place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.errors import UsageError, quoted
from planner.i18n import _
from planner.meet.geo import DEFAULT_USER_AGENT, Geocoder, Nominatim, Place

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store


def user_agent(config: Config) -> str:
    """``[geo] user_agent``, or one naming this program."""
    return str(config["geo"]["user_agent"]).strip() or DEFAULT_USER_AGENT


def locate_explicitly(config: Config, text: str, store: Store) -> Place:
    """Where ``text`` is; :class:`UsageError` when neither the offline data nor Nominatim
    know it."""
    place = Geocoder(config, store_factory=lambda: store).locate(text)
    if place is None and not config["geo"]["online"]:
        client = Nominatim(config["geo"]["nominatim_url"], user_agent(config), store)
        place = client.search(text)
    if place is None:
        raise UsageError(
            _("--near: cannot find the place '{place}'", place=quoted(text)),
            hint=_("give a city, a postal code or a street address"),
        )
    return place


def locate_exactly(config: Config, text: str, store: Store) -> Place:
    """The street position of ``text`` (for a venue added by hand): from an earlier Nominatim
    answer or one request (the command is the consent). The offline data knows towns, not
    streets; :class:`UsageError` says to give the coordinates then."""
    from planner.meet.geo import GeocodeError

    client = Nominatim(config["geo"]["nominatim_url"], user_agent(config), store, timeout=10.0)
    hint = _("give --lat and --lon instead (openstreetmap.org shows them for any address)")
    try:
        place = client.search(text)
    except GeocodeError as exc:
        raise UsageError(
            _("--address: cannot find '{place}': {error}", place=text, error=exc.message),
            hint=hint,
        ) from None
    if place is None:
        raise UsageError(_("--address: cannot find '{place}'", place=text), hint=hint)
    return place


def locate_known(config: Config, text: str, store: Store | None, catalog: object) -> Place | None:
    """Where ``text`` is, offline or from an earlier Nominatim answer: never a request unless
    ``[geo] online = true``."""
    factory = (lambda: store) if store is not None else None
    place = Geocoder(config, catalog, store_factory=factory).locate(text)  # type: ignore[arg-type]
    if place is None and store is not None:
        place = Nominatim(config["geo"]["nominatim_url"], user_agent(config), store).cached(text)
    return place


def fetch_command(place: str) -> str:
    """The command that fetches venues around ``place``."""
    quoted = f'"{place}"' if any(c.isspace() for c in place) else place
    return f"planner venues fetch --near {quoted}"


def no_venues_hint(place: str, online: bool) -> str:
    """Why no venue is listed around ``place`` and how to get some."""
    if online:
        return _(
            "No venue is known around {place}. Fetch them from OpenStreetMap: {command}",
            place=place,
            command=fetch_command(place),
        )
    return _(
        "No venue is known around {place}: none in your catalog, none fetched, and online "
        "look-ups are off ([geo] online = false). Fetch them once from OpenStreetMap with: "
        "{command} (or set [geo] online = true to fetch automatically, or import an extract "
        "from download.geofabrik.de with 'planner venues import')",
        place=place,
        command=fetch_command(place),
    )
