"""``planner venues``: browse the venue catalog; ``planner venues import``: convert OSM data."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import (
    config_option,
    emit,
    format_option,
    is_terminal,
    parse_datetime,
    table_width,
)
from planner.cli.types import FiniteFloatRange
from planner.i18n import _

KINDS = [
    "hotel_lounge",
    "restaurant",
    "cafe",
    "bar",
    "coworking",
    "networking",
    "station_lounge",
    "airport_lounge",
]


@click.group(invoke_without_command=True)
@click.option("--demo", is_flag=True, help="Use the demo persona's config (Munich sample venues).")
@config_option
@click.option("--near", metavar="PLACE", help="A city, postal code, address or venue name.")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    help="Only venues of this kind.",
)
@click.option(
    "--open-at",
    "open_at",
    metavar="DATETIME",
    help="Only venues open then, e.g. 2026-12-08T12:30 or 'friday 19:00'.",
)
@click.option(
    "--radius",
    type=FiniteFloatRange(0, 200, min_open=True),
    default=5.0,
    show_default=True,
    help="Kilometres around --near.",
)
@format_option("table", "json")
@common_options
@click.pass_context
def venues(
    ctx: click.Context,
    demo: bool,
    config_path: Path | None,
    near: str | None,
    kind: str | None,
    open_at: str | None,
    radius: float,
    fmt: str,
) -> None:
    """Browse the venue catalog ([venues] files in the config; the Munich sample otherwise)
    and the venues fetched from OpenStreetMap ('planner venues fetch').

    \b
    Examples:
      planner venues --demo --near "München Hbf" --kind cafe
      planner venues --open-at 2026-12-08T19:00 --kind bar
      planner venues fetch --near Hamburg
      planner venues add "Café Paris" --kind cafe --address "Rathausstraße 4, 20095 Hamburg"
      planner venues import munich.osm.pbf venues.csv
    """
    if ctx.invoked_subcommand is not None:
        return
    from planner import api
    from planner.meet.overpass import ATTRIBUTION
    from planner.meet.places import no_venues_hint
    from planner.render.venues import venues_json, venues_table
    from planner.store import Store, open_store

    config = api.demo_config() if demo else _load(config_path)
    rows, attribution = api.browse_venues(
        config,
        near=near,
        kind=kind,
        open_at=parse_datetime(open_at, "--open-at", config.tz) if open_at else None,
        radius_km=radius,
        store=Store(":memory:") if demo else open_store(),
    )
    if fmt == "json":
        emit(venues_json(rows), None)
    else:
        emit(venues_table(rows, color=is_terminal(), width=table_width()), None)
    if attribution:
        click.echo(attribution, err=True)
    if any(v.source.startswith("OpenStreetMap") for v, _km in rows):
        click.echo(ATTRIBUTION, err=True)
    if near and not rows and not kind and not open_at:
        click.echo(no_venues_hint(near, bool(config["geo"]["online"])), err=True)


def _load(config_path: Path | None) -> object:
    from planner.cli.common import load_config

    return load_config(config_path)


@venues.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path), required=False)
@common_options
def import_(source: Path, target: Path | None) -> None:
    """Convert OpenStreetMap data (Overpass JSON or .osm.pbf) into a venue catalog.

    TARGET ends in .toml or .csv (default: venues/<name>.csv in the data directory). Add it to
    [venues] files in the config to use it. The tag mapping is documented in
    planner/meet/osm.py.

    \b
    Example:
      planner venues import oberbayern-latest.osm.pbf ~/.config/planner/venues.csv
    """
    from planner.meet.osm import import_osm
    from planner.paths import data_dir

    if target is None:
        target = data_dir() / "venues" / f"{source.name.split('.')[0]}.csv"

    try:
        count = import_osm(source, target)
    except OSError as exc:  # the target: a link, a device, a read-only folder …
        from planner.errors import UsageError

        raise UsageError(
            _("{path}: cannot write: {error}", path=target, error=exc.strerror or exc)
        ) from None
    from planner.i18n import ngettext

    click.echo(
        ngettext(
            "wrote {count} venue to {path} (data © OpenStreetMap contributors, ODbL 1.0)",
            "wrote {count} venues to {path} (data © OpenStreetMap contributors, ODbL 1.0)",
            count,
            path=target,
        )
    )
    click.echo(_('to use it, add it to the config: [venues] files = ["{path}"]', path=target))


@venues.command("fetch")
@config_option
@click.option("--near", required=True, metavar="PLACE", help="A city, postal code or address.")
@click.option(
    "--radius", type=float, default=None, help="Kilometres (default: [venues] radius_km)."
)
@click.option("--refresh", is_flag=True, help="Fetch again even if the cache is fresh.")
@common_options
def fetch(config_path: Path | None, near: str, radius: float | None, refresh: bool) -> None:
    """Fetch venues around PLACE from OpenStreetMap (Overpass API) into your catalog.

    Cafés, restaurants, bars, hotels and lounges, coworking and business clubs, station and
    airport lounges are stored in the state database with the date fetched, and are used by
    'planner venues' and proposals from then on. An area is asked for again only after
    [venues] max_age_days (or with --refresh). This command goes online even when
    [geo] online = false: running it is the consent. Endpoints: [geo] overpass_url and
    [geo] nominatim_url.

    \b
    Example:
      planner venues fetch --near Hamburg --radius 3
    """
    from planner import api
    from planner.i18n import ngettext
    from planner.meet.overpass import ATTRIBUTION

    config = _load(config_path)
    result, place = api.fetch_venues(config, near, radius_km=radius, refresh=refresh)
    if result.cached:
        click.echo(
            ngettext(
                "{count} venue around {place} already known (fetched {date}); "
                "use --refresh to fetch again",
                "{count} venues around {place} already known (fetched {date}); "
                "use --refresh to fetch again",
                result.count,
                place=place,
                date=result.fetched_at.date().isoformat(),
            )
        )
    else:
        click.echo(
            ngettext(
                "fetched {count} venue around {place}",
                "fetched {count} venues around {place}",
                result.count,
                place=place,
            )
        )
    click.echo(ATTRIBUTION)


@venues.command("add")
@config_option
@click.argument("name")
@click.option("--kind", "kind", required=True, type=click.Choice(KINDS), help="What it is.")
@click.option("--address", default="", metavar="TEXT", help="Street address (located once).")
@click.option("--lat", type=FiniteFloatRange(-90, 90), default=None, help="Latitude (WGS 84).")
@click.option("--lon", type=FiniteFloatRange(-180, 180), default=None, help="Longitude.")
@click.option(
    "--hours",
    default="",
    metavar="OSM",
    help="Opening hours, e.g. 'Mo-Fr 08:00-20:00; Sa 09:00-14:00'.",
)
@click.option("--tag", "tags", multiple=True, help="quiet, private_room, wifi, women_only, …")
@click.option("--price", type=click.IntRange(1, 4), default=None, help="1 (cheap) to 4.")
@click.option("--favourite", is_flag=True, help="Prefer it in proposals.")
@common_options
def add(
    config_path: Path | None,
    name: str,
    kind: str,
    address: str,
    lat: float | None,
    lon: float | None,
    hours: str,
    tags: tuple[str, ...],
    price: int | None,
    favourite: bool,
) -> None:
    """Add a venue by hand: it is part of your catalog from then on (proposals, 'planner
    venues', invitations). Give --lat and --lon, or an --address that is looked up once on
    OpenStreetMap (running the command is the consent). Added again under the same name, it
    replaces the earlier entry. Kept in venues/added.toml in the data directory.

    \b
    Examples:
      planner venues add "Café Paris" --kind cafe --lat 53.5502 --lon 9.9936 \\
          --address "Rathausstraße 4, 20095 Hamburg" --hours "Mo-Su 09:00-23:00" --tag quiet
      planner venues add "Elbwerk lounge" --kind coworking --address "Jungfernstieg 7, Hamburg"
    """
    from planner import api
    from planner.errors import UsageError

    config = _load(config_path)
    if (lat is None) != (lon is None):
        raise UsageError(_("give both --lat and --lon, or neither"))
    if lat is None and not address:
        raise UsageError(_("give --lat and --lon, or --address"))
    venue, path, replaced = api.add_venue(
        config,  # type: ignore[arg-type]
        name=name,
        kind=kind,
        address=address,
        position=(lat, lon) if lat is not None and lon is not None else None,
        hours=hours,
        tags=[*tags, *(["favourite"] if favourite else [])],
        price=price,
    )
    said = _("replaced") if replaced else _("added")
    click.echo(
        _(
            "{said} {name} ({kind}) at {lat:.5f}, {lon:.5f} in {path}",
            said=said,
            name=venue.name,
            kind=venue.kind.value,
            lat=venue.lat,
            lon=venue.lon,
            path=path,
        )
    )
