"""Every number in the config has a range (issue 26): for each numeric key of every section,
of ``[[sync]]`` and of every provider's ``[[calendars]]`` options, a value just below or above
its range, NaN and infinity are one clear problem naming the key (exit status 2, never
"unexpected"), the bounds themselves are accepted, and a config with every number at its lowest
or its highest still gives a week, the invitations and the feed (exit 0)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config import from_mapping
from planner.config.schema import Field
from planner.config.sections import SECTIONS, SYNC_FIELDS
from planner.errors import ConfigError
from providers.base import available, provider_class
from tests.providers.test_hold_ownership import MEETING

NUMBERS = (int, float)
BASE = {"user": {"email": "anna@example.com", "timezone": "Europe/Berlin"}}


def numeric_keys() -> Iterator[tuple[str, str, Field]]:
    """``(where, key, field)`` of every number: sections, [[sync]], providers' options."""
    for section, fields in SECTIONS.items():
        for key, field in fields.items():
            if field.kind in NUMBERS:
                yield section, key, field
    for key, field in SYNC_FIELDS.items():
        if field.kind in NUMBERS:
            yield "sync", key, field
    for name in sorted(available()):
        for key, field in provider_class(name).options.items():
            if field.kind in NUMBERS:
                yield f"calendars:{name}", key, field


KEYS = list(numeric_keys())
IDS = [f"{where}.{key}" for where, key, _f in KEYS]


def config_with(where: str, key: str, value: Any) -> dict[str, Any]:
    """The smallest valid config that sets ``key`` of ``where`` to ``value``."""
    data: dict[str, Any] = {k: dict(v) for k, v in BASE.items()}
    if where == "sync":
        data["calendars"] = [
            {"name": "a", "provider": "ics", "path": "/nonexistent/a.ics"},
            {"name": "b", "provider": "memory"},
        ]
        data["sync"] = [{"from": ["a"], "to": "b", key: value}]
    elif where.startswith("calendars:"):
        provider = where.partition(":")[2]
        entry = {"name": "c", "provider": provider, key: value}
        entry.update(_required(provider))
        data["calendars"] = [entry]
    elif "." in where:
        head, _dot, tail = where.partition(".")
        data.setdefault(head, {})[tail] = {key: value}
    else:
        data.setdefault(where, {})[key] = value
    return data


def _required(provider: str) -> dict[str, Any]:
    return {
        "ics": {"path": "/nonexistent/c.ics"},
        "outlook": {"client_id": "00000000-0000-0000-0000-000000000000"},
        "caldav": {"url": "https://dav.example.com/"},
        "google": {},
        "memory": {},
    }.get(provider, {})


def _outside(field: Field) -> list[float]:
    step = 1 if field.kind is int else 0.001
    values = [float("nan"), float("inf"), float("-inf")] if field.kind is float else []
    assert field.minimum is not None and field.maximum is not None
    values += [field.minimum - step, field.maximum + step, field.maximum * 10**12 + 1]
    return [int(v) if field.kind is int and math.isfinite(v) else v for v in values]


class TestEveryNumberHasARange:
    def test_every_numeric_key_has_both_bounds(self):
        missing = [i for i, (_w, _k, f) in zip(IDS, KEYS, strict=True)
                   if f.minimum is None or f.maximum is None]  # fmt: skip
        assert missing == []
        assert {"sync.days", "geo.timeout_seconds", "free_busy.cache_minutes"} <= set(IDS)

    @pytest.mark.parametrize(("where", "key", "field"), KEYS, ids=IDS)
    def test_outside_the_range_is_one_problem_naming_the_key(self, where, key, field):
        for value in _outside(field):
            with pytest.raises(ConfigError) as caught:
                from_mapping(config_with(where, key, value), "<test>")
            problems = [p for p in caught.value.problems if f"'{key}'" in p]
            assert len(problems) == 1, (value, caught.value.problems)
            assert "finite" in problems[0] or "between" in problems[0] or "at " in problems[0]

    @pytest.mark.parametrize(("where", "key", "field"), KEYS, ids=IDS)
    def test_the_bounds_themselves_are_accepted(self, where, key, field):
        for value in (field.minimum, field.maximum):
            typed = int(value) if field.kind is int else float(value)
            if field.check is not None and field.check(typed) is not None:
                continue  # a further rule (e.g. greater than 0) narrows an open bound
            from_mapping(config_with(where, key, typed), "<test>")


def _extreme_config(tmp_path: Path, pick: str) -> Path:
    """A config whose every section number is at its lowest or its highest."""
    from tests.cli.test_cli_providers import write_ics

    lines = ['[user]', 'email = "anna@example.com"', 'timezone = "Europe/Berlin"',
             '[working_hours]', 'monday = "09:00-18:00"', 'tuesday = "09:00-18:00"']  # fmt: skip
    for section, fields in SECTIONS.items():
        chosen = {k: f for k, f in fields.items() if f.kind in NUMBERS}
        values = []
        for key, field in chosen.items():
            value = field.minimum if pick == "low" else field.maximum
            typed = int(value) if field.kind is int else float(value)
            if field.check is not None and field.check(typed) is not None:
                continue
            values.append(f"{key} = {typed!r}")
        if values:
            lines += [f"[{section}]", *values]
    calendar = write_ics(tmp_path / "work.ics", [MEETING])
    lines += ["[[calendars]]", 'name = "work"', 'provider = "ics"', f'path = "{calendar}"']
    path = tmp_path / f"config-{pick}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TestNoNumberInRangeEndsARun:
    @pytest.mark.parametrize("pick", ["low", "high"])
    def test_week_invites_and_feed_at_the_extremes(self, tmp_path, pick):
        config = _extreme_config(tmp_path, pick)
        for args in (["week", "--week", "2026-W50"], ["invites"], ["feed", "--week", "2026-W50"]):
            result = CliRunner().invoke(main, [*args, "--config", str(config)])
            assert result.exit_code == 0, (args, result.output[-800:])
            assert "unexpected" not in result.output
