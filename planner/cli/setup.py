"""``planner init``: write a starting config."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option
from planner.errors import UsageError
from planner.i18n import _

TEMPLATE = """# planner configuration — see config.example.toml in the project for every key.

[user]
name = {name}
email = {email}
timezone = {timezone}
home = {home}
domains = [{domains}]
language = {language}

[working_hours]
monday = "09:00-18:00"
tuesday = "09:00-18:00"
wednesday = "09:00-18:00"
thursday = "09:00-18:00"
friday = "09:00-17:00"

# One [[calendars]] table per source. Uncomment and adapt:
{calendar}
# [[calendars]]
# name = "google"
# provider = "google"
# client_secrets = "~/.config/planner/google-client.json"   # then: planner auth google
#
# [[calendars]]
# name = "outlook"
# provider = "outlook"
# client_id = "your-app-registration-id"                    # then: planner auth outlook
# tenant = "common"
"""


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@click.command()
@config_option
@click.option("--name", default="", help="Your name, as invitations show it.")
@click.option("--email", default="", help="Your e-mail address.")
@click.option("--timezone", default=None, help="IANA zone (default: this machine's).")
@click.option("--home", default="", help="Home city or address.")
@click.option("--language", type=click.Choice(["de", "en"]), default="en", show_default=True)
@click.option(
    "--ics",
    "ics",
    default=None,
    metavar="PATH_OR_URL",
    help="An .ics file, folder or URL to use as the first calendar.",
)
@click.option("--force", is_flag=True, help="Replace an existing config file.")
@click.option(
    "--online/--no-online",
    default=None,
    help="Allow looking up places and venues on OpenStreetMap ([geo] online; default: no).",
)
@common_options
def init(
    config_path: Path | None,
    name: str,
    email: str,
    timezone: str | None,
    home: str,
    language: str,
    ics: str | None,
    force: bool,
    online: bool | None,
) -> None:
    """Write a starting config file (default: the user config dir, or $PLANNER_CONFIG).

    \b
    Example:
      planner init --name "Anna Berger" --email anna@example.com --ics ~/calendars/work.ics
    """
    import tomllib

    from planner import config, paths
    from planner.calendar.zones import local_zone_name
    from planner.paths import write_atomic

    target = config_path or paths.config_path()
    if target.exists() and not force:
        raise UsageError(
            _("{path} already exists; edit it, or pass --force to replace it", path=target)
        )
    domain = email.rpartition("@")[2] if "@" in email else ""
    calendar = ""
    if ics:
        key = "url" if ics.split(":", 1)[0].lower() in ("http", "https", "webcal") else "path"
        calendar = f'[[calendars]]\nname = "work"\nprovider = "ics"\n{key} = {_toml(ics)}\n'
    text = TEMPLATE.format(
        name=_toml(name),
        email=_toml(email),
        timezone=_toml(timezone or local_zone_name()),
        home=_toml(home),
        domains=_toml(domain) if domain else "",
        language=_toml(language),
        calendar=calendar,
    )
    if online is not None:
        text += f"\n[geo]\nonline = {str(online).lower()}   # look places and venues up online\n"
    config.from_mapping(tomllib.loads(text), str(target))  # never write a bad one
    write_atomic(target, text)
    click.echo(_("wrote {path}", path=target))
