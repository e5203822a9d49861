"""``planner auth google|outlook`` and expired or revoked sign-ins, through the real CLI.

Google signs in through a real ``python -m planner`` process (its local redirect server must
receive the browser's redirect); Outlook through msal's device code flow in-process (msal's
HTTP client is pointed at the fake Entra ID with ``use_loopback_msal``).
"""

from __future__ import annotations

import json
import os
import queue
import re
import stat
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from tests.cli.test_cli_providers import (
    TEAMS,
    VIDEO,
    WEEK,
    google_entry,
    ics_entry,
    rows,
    week_json,
    write_config,
)
from tests.fakes.google_server import READ_SCOPE
from tests.fakes.graph_server import (
    config_entry,
    sign_in,
)

pytestmark = pytest.mark.slow

TIMEOUT = 60


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_one_line_error(output: str, *fragments: str) -> str:
    assert "Traceback" not in output
    [line] = output.strip().splitlines()
    assert line.startswith("planner: error: ")
    for fragment in fragments:
        assert fragment in line, line
    return line


def token_file(provider: str, name: str) -> Path:
    from providers.token_files import file_name

    return Path(os.environ["PLANNER_DATA_DIR"]) / "tokens" / file_name(provider, name)


# -- planner auth google (a real process) --------------------------------------------------------
def _lines(stream: object, into: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)
    into.put(None)


def test_auth_google_signs_in_through_the_consent_page(google, tmp_path):
    google.seed("primary", [VIDEO])
    secrets = google.write_client_secrets(tmp_path / "client_secret.json")
    config = write_config(tmp_path, google_entry(google, "g", client_secrets=str(secrets)))
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", "auth", "google", "--config", str(config)]
        + ["--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        shown = lines.get(timeout=TIMEOUT)
        assert shown is not None and "sign in to Google for 'g'" in shown, shown
        url = re.search(r"https?://\S+", shown).group(0)  # type: ignore[union-attr]
        assert url.startswith(google.auth_uri + "?")
        with urllib.request.urlopen(url, timeout=TIMEOUT) as page:  # the user's browser
            page.read()  # consent → redirect to the planner's local server
        process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    rest = [line for line in iter(lines.get, None)]
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    assert rest == ["g: signed in as user@planner.test (Planner Test)\n"]
    path = token_file("google", "g")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["refresh_token"] in google.refresh_tokens and stored["scopes"] == [READ_SCOPE]
    assert google.auth_requests[0]["code_challenge_method"] == "S256"
    assert "Erstgespräch Nordwind" in rows(week_json(config))  # a later run uses the token


def test_auth_without_a_matching_calendar_is_one_clear_line(google, tmp_path):
    config = write_config(tmp_path, google_entry(google, "g"))
    result = run("auth", "outlook", "--config", str(config))
    assert result.exit_code == 2
    assert_one_line_error(result.output, 'provider = "outlook"', str(config))


# -- planner auth outlook (device code) ---------------------------------------------------------
def test_auth_outlook_with_a_device_code_then_the_week_reads_outlook(graph, tmp_path):
    graph.seed([TEAMS])
    config = write_config(tmp_path, config_entry(graph, "outlook"))
    result = run("auth", "outlook", "--config", str(config))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "FAKE-CODE" in lines[0] and "https://microsoft.com/devicelogin" in lines[0]
    assert lines[-1] == "outlook: signed in as megan@contoso.example"
    path = token_file("outlook", "outlook")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert rows(week_json(config)) == {"Abstimmung Lieferplan": ("virtual", "outlook")}


def test_auth_outlook_only_the_named_calendar(graph, tmp_path):
    config = write_config(
        tmp_path, config_entry(graph, "work"), config_entry(graph, "private", tenant="consumers")
    )
    result = run("auth", "outlook", "--config", str(config), "--calendar", "private")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "private: signed in as megan@contoso.example"
    assert token_file("outlook", "private").exists()
    assert not token_file("outlook", "work").exists()


# -- expired or revoked sign-ins -----------------------------------------------------------------
def test_revoked_google_grant_tells_to_sign_in_again_in_a_real_process(google, tmp_path):
    google.seed("primary", [VIDEO])
    google.write_token_for("google")
    google.revoke()
    config = write_config(tmp_path, google_entry(google))
    result = subprocess.run(
        [sys.executable, "-m", "planner", "week", "--config", str(config), "--week", WEEK],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert_one_line_error(result.stderr, "'google'", "invalid_grant", "planner auth google")
    assert google.count("token") >= 1  # the client did try to refresh first


def test_expired_google_access_token_is_refreshed_quietly(google, tmp_path):
    google.seed("primary", [VIDEO])
    path = google.write_token_for("google")
    google.expire_access_tokens()
    config = write_config(tmp_path, google_entry(google))
    result = run("week", "--config", str(config), "--week", WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Erstgespräch Nordwind" in result.stdout
    assert json.loads(path.read_text(encoding="utf-8"))["token"] in google.access_tokens


def test_expired_outlook_sign_in_tells_to_sign_in_again(graph, tmp_path):
    graph.seed([TEAMS])
    graph.token_lifetime = 1  # msal treats the access token as stale at once
    sign_in(graph, "outlook")
    graph.refresh_fails = True  # and the refresh token is no longer accepted
    config = write_config(tmp_path, config_entry(graph, "outlook"))
    result = run("week", "--config", str(config), "--week", WEEK)
    assert result.exit_code == 1
    line = assert_one_line_error(
        result.output, "'outlook'", "invalid_grant", "planner auth outlook"
    )
    assert "rt-" not in line and "at-" not in line  # no token in the message


def test_not_signed_in_to_outlook_names_the_command(google, graph, tmp_path):
    config = write_config(tmp_path, config_entry(graph, "outlook"), google_entry(google))
    result = run("week", "--config", str(config), "--week", WEEK)
    assert result.exit_code == 1
    assert_one_line_error(result.output, "'outlook'", "planner auth outlook")


def _sign_in_state(config: Path, name: str) -> str:
    result = run("status", "--config", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    return next(s["token"] for s in json.loads(result.stdout)["sources"] if s["name"] == name)


def test_status_tells_a_revoked_google_sign_in_until_it_is_renewed(google, tmp_path):
    """QA E 3: 'valid' stood next to a last error of invalid_grant: the token file looked
    fine, and what the last read saw was not asked."""
    google.seed("primary", [VIDEO])
    google.write_token_for("google")
    config = write_config(tmp_path, google_entry(google))
    assert _sign_in_state(config, "google") == "valid"
    google.revoke()
    assert run("week", "--config", str(config), "--week", WEEK).exit_code == 1
    assert _sign_in_state(config, "google") == "revoked or refused: run 'planner auth google'"
    google.write_token_for("google")  # planner auth google again
    assert _sign_in_state(config, "google") == "valid"


def refused_outlook(graph, tmp_path: Path) -> tuple[Path, Path]:
    """An Outlook sign-in whose refresh the service refuses, after a week that met it: the
    config and the token file."""
    graph.seed([TEAMS])
    graph.token_lifetime = 1
    sign_in(graph, "outlook")
    graph.refresh_fails = True
    config = write_config(tmp_path, config_entry(graph, "outlook"))
    assert run("week", "--config", str(config), "--week", WEEK).exit_code == 1
    assert _sign_in_state(config, "outlook") == "revoked or refused: run 'planner auth outlook'"
    return config, token_file("outlook", "outlook")


def test_status_tells_a_refused_outlook_sign_in(graph, tmp_path):
    refused_outlook(graph, tmp_path)


LOCAL_MEETING = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:l1@t\r\n"
    "DTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261209T160000\r\n"
    "DTEND;TZID=Europe/Berlin:20261209T170000\r\nSUMMARY:Erstgespräch Partner\r\n"
    "LOCATION:https://zoom.us/j/123456\r\nORGANIZER;CN=Ines:mailto:ines@partner.example\r\n"
    "ATTENDEE;CN=Uta:mailto:user@planner.test\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_calendar_never_signed_in_is_one_line_that_says_sign_in(google, tmp_path):
    """QA E 8: the same missing sign-in came again as free/busy 'offline … no connection',
    and a first-time user was told to sign in 'again'."""
    local = tmp_path / "local.ics"
    local.write_text(LOCAL_MEETING, encoding="utf-8")
    config = write_config(tmp_path, ics_entry(local), google_entry(google, "g"))
    result = run("week", "--config", str(config), "--week", WEEK)
    assert "Erstgespräch Partner" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len([w for w in warnings if "'g'" in w]) == 1, warnings
    assert "offline" not in result.stderr and "no connection" not in result.stderr
    assert "run 'planner auth google' to sign in)" in result.stderr
    assert "again" not in result.stderr
