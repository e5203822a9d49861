"""The Google provider's libraries are the optional extra ``planner[google]``: without them a
configured Google calendar gives one line naming the fix, never a traceback.

The missing libraries are simulated in a real ``python`` process by setting their entries in
``sys.modules`` to ``None`` before planner starts (what Python does for a blocked import).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli_providers import write_config

FIX = "pip install 'planner[google]'"
ENTRY = {
    "name": "work-google",
    "provider": "google",
    "calendars": ["primary"],
    # never reached: the missing libraries are found before any request
    "api_url": "http://127.0.0.1:9/",
    "token_uri": "http://127.0.0.1:9/token",
}


def run_without(
    blocked: tuple[str, ...], data_dir: Path, *args: str
) -> subprocess.CompletedProcess:
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "from planner.cli import main\n"
        "main(args=sys.argv[1:], prog_name='planner')\n"
    )
    env = {**os.environ, "PLANNER_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


@pytest.mark.parametrize(
    "blocked",
    [("googleapiclient",), ("google_auth_oauthlib",), ("google", "google.oauth2")],
)
def test_week_names_the_extra_when_the_google_libraries_are_missing(tmp_path, blocked):
    config = write_config(tmp_path, ENTRY)
    result = run_without(
        blocked, tmp_path / "data", "week", "--config", str(config), "--week", "2025-W10"
    )
    line = one_line(result)
    assert "work-google" in line and FIX in line, line


def test_auth_names_the_extra_when_the_google_libraries_are_missing(tmp_path):
    secrets = tmp_path / "client.json"
    secrets.write_text('{"installed": {"client_id": "x", "client_secret": "y"}}', "utf-8")
    config = write_config(tmp_path, {**ENTRY, "client_secrets": str(secrets)})
    result = run_without(
        ("googleapiclient", "google_auth_oauthlib"),
        tmp_path / "data",
        "auth",
        "google",
        "--config",
        str(config),
        "--no-browser",
    )
    line = one_line(result)
    assert FIX in line, line


def test_the_check_passes_and_imports_nothing_when_the_libraries_are_installed():
    code = (
        "import sys\n"
        "from planner.config.schema import SourceConfig\n"
        "from providers.google_auth import require_libraries\n"
        "require_libraries(SourceConfig('g', 'google', {}))\n"
        "print(sorted(m for m in ('googleapiclient', 'google_auth_oauthlib', 'google.oauth2')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
