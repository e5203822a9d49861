"""``planner init``: write a starting config; on a terminal, ask for what it needs.

Every answer is checked as it is given (existing path, e-mail syntax, known zone, hours), and
the same checks apply to the flags, so ``planner init --name … --email … --ics …`` stays
scriptable. On a terminal a first ``planner week`` follows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from planner.cli import common_options
from planner.cli import setup_checks as check
from planner.cli.common import apply_language, config_option
from planner.errors import UsageError
from planner.i18n import _
from planner.i18n import language as current_language

TEMPLATE = """# planner configuration. `planner config example` prints every key with its meaning.

[user]
name = {name}
email = {email}
timezone = {timezone}
home = {home}
domains = [{domains}]
language = {language}

[working_hours]
monday = {hours}
tuesday = {hours}
wednesday = {hours}
thursday = {hours}
friday = {hours}

[geo]
online = {online}   # true: look places and venues up on OpenStreetMap when not known offline

# One [[calendars]] table per source (`planner config example` shows every kind).
{calendar}"""

KINDS = ("ics", "google", "outlook", "caldav", "none")


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@click.command()
@config_option(existing=False)
@click.option("--name", default=None, help="Your name, as invitations show it.")
@click.option("--email", default=None, help="Your e-mail address.")
@click.option("--timezone", default=None, help="IANA zone (default: this machine's).")
@click.option("--home", default=None, help="Home city or address.")
@click.option("--language", type=click.Choice(["de", "en"]), default=None, help="de or en.")
@click.option("--hours", default=None, metavar="HH:MM-HH:MM", help="Working hours Mon-Fri.")
@click.option(
    "--ics",
    "ics",
    default=None,
    metavar="PATH_OR_URL",
    help="An .ics file, folder or URL to use as the first calendar.",
)
@click.option(
    "--calendar",
    "kind",
    type=click.Choice(KINDS),
    default=None,
    help="Kind of the first calendar (google, outlook, caldav need more, asked for).",
)
@click.option("--no-input", is_flag=True, help="Never ask; use the flags and defaults.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace an existing config file (the old one is kept as <name>.bak).",
)
@click.option(
    "--online/--no-online",
    default=None,
    help="Allow looking up places and venues on OpenStreetMap ([geo] online; default: no).",
)
@common_options
def init(
    config_path: Path | None,
    name: str | None,
    email: str | None,
    timezone: str | None,
    home: str | None,
    language: str | None,
    hours: str | None,
    ics: str | None,
    kind: str | None,
    online: bool | None,
    no_input: bool,
    force: bool,
) -> None:
    """Write a starting config file (default: the user config dir, or $PLANNER_CONFIG).

    On a terminal it asks for what the flags did not give, then shows a first week.

    \b
    Example:
      planner init --name "Anna Berger" --email anna@example.com --ics ~/calendars/work.ics
    """
    import tomllib

    from planner import config, paths
    from planner.paths import write_atomic

    target = config_path or paths.config_path()
    if target.exists() and not force:
        raise UsageError(
            _("{path} already exists; edit it, or pass --force to replace it", path=target)
        )
    ask = not no_input and sys.stdin.isatty()
    answers = _Answers(ask)
    # the language first: every later question, answer and message is in it
    language = answers.get(language, _("Language (de/en)"), _language, current_language())
    apply_language(language)
    name = answers.get(name, _("Your name"), check.not_empty, "")
    email = answers.get(email, _("Your e-mail address"), check.email, "")
    timezone = answers.get(timezone, _("Time zone"), check.zone, check.detected_zone())
    home = answers.get(home, _("Home city"), str.strip, "")
    hours = answers.get(hours, _("Working hours Monday to Friday"), check.hours, "09:00-18:00")
    calendar = _calendar(answers, ics, kind)
    if online is None:
        online = ask and confirm(_("Allow online look-ups of places and venues (OpenStreetMap)?"))
    domain = email.rpartition("@")[2] if "@" in email else ""
    text = TEMPLATE.format(
        name=_toml(name),
        email=_toml(email),
        timezone=_toml(timezone),
        home=_toml(home),
        domains=_toml(domain) if domain else "",
        language=_toml(language),
        hours=_toml(hours),
        online="true" if online else "false",
        calendar=calendar,
    )
    config.from_mapping(tomllib.loads(text), str(target))  # never write a bad one
    kept = _keep_old(target)
    try:
        write_atomic(target, text)
    except OSError as exc:  # a read-only folder, a file where a folder should be, a link
        raise UsageError(
            _("{path}: cannot write the config: {error}", path=target, error=exc.strerror or exc),
            hint=_("pass --config PATH to a writable place, or set PLANNER_CONFIG"),
        ) from None
    click.echo(_("wrote {path}", path=target))
    if kept is not None:
        click.echo(_("the config it replaced is kept as {path}", path=kept))
    if not email:
        click.echo(
            _("[user] email is empty: invitations need it (planner config edit, or --email).")
        )
    _next_step(target, calendar, ask)


def _keep_old(target: Path) -> Path | None:
    """Copy the config ``--force`` replaces to ``<name>.bak`` (an earlier copy there is
    replaced); None when there is none. Nothing is replaced when the copy cannot be made."""
    from planner.paths import check_output, read_input, write_atomic

    try:
        if check_output(target) is None:
            return None
    except OSError:  # a link, a folder, a device: writing the config refuses it in one line
        return None
    backup = target.with_name(target.name + ".bak")
    try:
        write_atomic(backup, read_input(target))
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot keep a copy of the config before replacing it: {error}; "
              "nothing was changed", path=backup, error=exc.strerror or exc),
            hint=_("copy it elsewhere yourself, or pass --config PATH to write a new one"),
        ) from None  # fmt: skip
    return backup


class _Answers:
    """A flag's value checked, or on a terminal an answer asked until it passes the check."""

    def __init__(self, ask: bool) -> None:
        self.ask = ask

    def get(self, given: str | None, label: str, test: Callable[[str], str], default: str) -> str:
        if given is not None:
            return test(given)
        if not self.ask:
            return default
        while True:
            answer = click.prompt(label, default=default or None, show_default=bool(default))
            try:
                return test(str(answer))
            except UsageError as exc:
                click.echo(_("  {problem}", problem=exc), err=True)


def confirm(question: str, default: bool = False) -> bool:
    """A yes/no question in the current language: "[j/N]" and "ja"/"nein" in German."""
    hint = _("y/N") if not default else _("Y/n")
    yes = {"y", "yes", _("y"), _("yes")}
    no = {"n", "no", _("n"), _("no")}

    def answer(text: str) -> bool:
        word = text.strip().lower()
        if word in yes or word in no:
            return word in yes
        raise click.UsageError(_("answer {yes} or {no}", yes=_("y"), no=_("n")))

    choice = click.prompt(
        f"{question} [{hint}]",
        default="",
        show_default=False,
        value_proc=lambda text: answer(text) if text else default,
    )
    return bool(choice)


def _language(text: str) -> str:
    text = text.strip().lower()
    if text not in ("de", "en"):
        raise UsageError(_("answer de or en"))
    return text


def _calendar(answers: _Answers, ics: str | None, kind: str | None) -> str:
    if ics is not None:
        kind = "ics"
    if kind is None:
        kind = (
            answers.get(
                None,
                _("First calendar: ics (file or URL), google, outlook, caldav or none"),
                _kind,
                "ics",
            )
            if answers.ask
            else "none"
        )
    if kind == "ics":
        where = answers.get(ics, _(".ics file, folder or URL"), check.ics, "")
        if not where:
            return ""
        key = "url" if check.is_url(where) else "path"
        return f'[[calendars]]\nname = "work"\nprovider = "ics"\n{key} = {_toml(where)}\n'
    if kind == "google":
        secrets = answers.get(None, _("Google OAuth client file (JSON)"), check.existing_file, "")
        return (
            '[[calendars]]\nname = "google"\nprovider = "google"\n'
            f"client_secrets = {_toml(secrets)}   # then: planner auth google\n"
        )
    if kind == "outlook":
        client = answers.get(None, _("Azure app (client) id"), check.not_empty, "")
        return (
            '[[calendars]]\nname = "outlook"\nprovider = "outlook"\n'
            f'client_id = {_toml(client)}   # then: planner auth outlook\ntenant = "common"\n'
        )
    if kind == "caldav":
        url = answers.get(None, _("CalDAV address"), check.url, "")
        user = answers.get(None, _("CalDAV user name"), check.not_empty, "")
        return (
            '[[calendars]]\nname = "caldav"\nprovider = "caldav"\n'
            f"url = {_toml(url)}\nusername = {_toml(user)}\n"
            "# the password comes from $PLANNER_CALDAV_PASSWORD\n"
        )
    return ""


def _kind(text: str) -> str:
    text = text.strip().lower()
    if text not in KINDS:
        raise UsageError(_("answer one of: {kinds}", kinds=", ".join(KINDS)))
    return text


def _next_step(target: Path, calendar: str, ask: bool) -> None:
    if not calendar:
        click.echo(
            _(
                "No calendar yet: add a [[calendars]] entry (planner config edit; "
                "planner config example shows every kind)."
            )
        )
        return
    if 'provider = "google"' in calendar or 'provider = "outlook"' in calendar:
        provider = "google" if "google" in calendar else "outlook"
        click.echo(_("Next: planner auth {provider}", provider=provider))
        return
    if not ask:
        click.echo(_("Next: planner week"))
        return
    click.echo(_("Your first week:"))
    from planner.cli import main

    main.main(["week", "--config", str(target)], standalone_mode=False)
