"""``planner classify`` reads every real-world fixture and every minimised fuzz crasher with
no traceback and exit status 0 (issue 14 acceptance)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.ical.fuzzing import CORPUS, REAL

FOLDERS = [p for p in (REAL, CORPUS) if p.is_dir()]


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_classify_reads_every_file_of_the_folder(folder):
    args = ["classify", str(folder), "--from", "2000-01-01", "--to", "2030-12-31",
            "--timezone", "Europe/Berlin", "--format", "json"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "Traceback" not in result.output and "unexpected" not in result.output
