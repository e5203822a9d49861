"""``planner serve``: the offer pages, for a reverse proxy in front (TLS there)."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, load_config
from planner.i18n import _


@click.command()
@config_option
@click.option("--host", default=None, help="Listen on this address (default: [serve] host).")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="And port ([serve] port)."
)
@common_options
def serve(config_path: Path | None, host: str | None, port: int | None) -> None:
    """Serve the offer pages: each counterpart's link ('planner offer' puts it into the
    e-mail once [serve] base_url is set) shows their options; a choice is written into your
    calendar and the invitation sent at once, the other options released.

    Run it behind your reverse proxy (nginx, Caddy), which holds the TLS certificate and
    forwards [serve] base_url to [serve] host:port; README shows both. Needs [user] email,
    [smtp] and a calendar that can be written, and the optional extra:
    pip install 'planner[serve]'.

    \b
    Examples:
      planner serve
      planner serve --host 127.0.0.1 --port 8425
    """
    from dataclasses import replace

    from planner.errors import UsageError

    _require_extra()
    config = load_config(config_path)
    serve_config = dict(config["serve"])
    if not serve_config["base_url"]:
        raise UsageError(
            _("[serve] base_url is not set: the address your reverse proxy serves, e.g. "
              "https://meet.example.com/planner/"),
            hint=_("set it with 'planner config edit'"),
        )  # fmt: skip
    if not config.user["email"]:
        raise UsageError(_("[user] email is not set; the invitations are sent from it"))
    from planner.invite.mail import SmtpSettings

    SmtpSettings.from_config(config)  # the invitations are sent at once: [smtp] must work
    serve_config.update({k: v for k, v in (("host", host), ("port", port)) if v})
    sections = {**config.sections, "serve": serve_config}
    config = replace(config, sections=sections)
    from planner.web.app import serve as run

    def announce() -> None:
        click.echo(
            _("serving the offer pages of {url} on {host}:{port} (Ctrl-C stops)",
              url=serve_config["base_url"], host=serve_config["host"],
              port=serve_config["port"]),
            err=True,
        )  # fmt: skip

    run(config_path, config, announce)


def _require_extra() -> None:
    from importlib.util import find_spec

    from planner.errors import UsageError

    for name in ("starlette", "uvicorn", "itsdangerous"):
        if find_spec(name) is None:
            raise UsageError(
                _("planner serve needs Starlette, uvicorn and itsdangerous, which are not "
                  "installed"),
                hint=_("install them with: pip install 'planner[serve]'"),
            )  # fmt: skip
