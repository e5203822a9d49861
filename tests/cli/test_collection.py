"""A command runs with the cycle collector's thresholds of :data:`planner.cli.COLLECTION_THRESHOLDS`
(a week keeps tens of thousands of objects alive: the default thresholds walk them again and
again), and the caller's thresholds are back after it, also when it fails."""

from __future__ import annotations

import gc

import click
import pytest

from planner import cli

seen: list[tuple[int, ...]] = []


@click.command()
@click.option("--fail", is_flag=True)
def probe(fail: bool) -> None:
    seen.append(gc.get_threshold())
    if fail:
        raise click.ClickException("failed on purpose")


@pytest.fixture
def with_probe(monkeypatch):
    monkeypatch.setitem(cli.COMMANDS, "probe", f"{__name__}:probe")
    seen.clear()
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


@pytest.mark.parametrize("arguments", [["probe"], ["probe", "--fail"]])
def test_a_command_collects_less_often_and_gives_the_thresholds_back(with_probe, arguments):
    with pytest.raises(SystemExit):
        cli.main(arguments, prog_name="planner")
    assert seen == [cli.COLLECTION_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)
