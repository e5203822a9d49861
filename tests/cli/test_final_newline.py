"""What a command prints ends with a newline, so the shell prompt and a following message start
on a line of their own (QA b, defect 4): ``invite --list``, ``status`` and ``config show`` of a
config file that has none at its end."""

from __future__ import annotations

from datetime import UTC, datetime

from click.testing import CliRunner

from planner.cli import main
from planner.invite.sentlog import prepare_request, record_sent
from planner.paths import data_dir
from planner.store import FILENAME, Store
from tests.invite.test_invite import lunch


def _config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(  # no newline at the end
        '[user]\nname = "Uta User"\nemail = "user@planner.test"\ntimezone = "Europe/Berlin"',
        encoding="utf-8",
    )
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_listing_ends_its_last_line(tmp_path):
    config = _config(tmp_path)
    store = Store(data_dir() / FILENAME)
    record_sent(store, prepare_request(store, lunch()), sent_at=datetime(2026, 12, 1, tzinfo=UTC))
    store.close()
    for args in (["invite", "--list"], ["status"], ["config", "show"]):
        out = _run(*args, "--config", str(config))
        assert out.endswith("\n") and not out.endswith("\n\n\n"), (args, out[-80:])
