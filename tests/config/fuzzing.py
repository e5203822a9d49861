"""Mutations of the example config for the config fuzz test and ``benchmarks/fuzz_replies.py``
(``--target config``).

The seed is config.example.toml (every key, every provider). A mutation changes a value's type
or size (numbers at and beyond every limit, NaN, infinity, text with control characters, lists,
tables), removes or repeats keys, turns a table into a value, or damages the TOML itself.
:func:`run` loads the result the way every command does and, when it loads, uses it the way
the commands do (the week's bounds, the travel model, the sync window, the venue catalog):
anything raised but a :class:`planner.errors.PlannerError` is a finding.
"""

from __future__ import annotations

import random
import re
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.locations import ROOT

EXAMPLE = ROOT / "config.example.toml"
SLOW_SECONDS = 2.0

Mutation = Callable[[str, random.Random], str]
_VALUE = re.compile(r"(?m)^(\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*)([^#\r\n]*?)(\s*(#.*)?)$")
_VALUES = [
    "0", "-1", "1", "2147483648", "9" * 40, "-9" * 20, "1e308", "-1e308", "inf", "-inf", "nan",
    "0.0", "-0.0", "1.5", "true", "false", '""', '"\\u001b]0;x\\u0007"', '"' + "x" * 50_000 + '"',
    "[]", "[1, 2]", '["a", 1]', "{}", '{a = 1}', "1979-05-27T07:32:00Z", '"Mars/Olympus"',
    '"99:99-00:00"', '"09:00-09:00"', '"23:00-24:00"', '"https://\\u0000"', '"de"', '"xx"',
]  # fmt: skip


def seed() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def swap_value(text: str, rng: random.Random) -> str:
    matches = list(_VALUE.finditer(text))
    if not matches:
        return text
    for match in rng.sample(matches, min(len(matches), rng.randint(1, 4))):
        text = text.replace(match.group(0), match.group(1) + rng.choice(_VALUES), 1)
    return text


def drop_line(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    if lines:
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines) + "\n"


def repeat_table(text: str, rng: random.Random) -> str:
    tables = re.findall(r"(?m)^\[\[?[a-z_.]+\]\]?$", text)
    return text + ("\n" + rng.choice(tables) + "\n" if tables else "")


def table_to_value(text: str, rng: random.Random) -> str:
    names = re.findall(r"(?m)^\[([a-z_.]+)\]$", text)
    if not names:
        return text
    name = rng.choice(names)
    body = re.sub(rf"(?ms)^\[{re.escape(name)}\]\n.*?(?=^\[|\Z)", "", text)
    return f"{name.split('.')[0]} = {rng.choice(_VALUES)}\n" + body


def damage(text: str, rng: random.Random) -> str:
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 6)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return data.decode("utf-8", "replace")


def _bounds() -> dict[str, tuple[float, float, type]]:
    """Each numeric key's range, by key name (the first section that has the name)."""
    from planner.config.sections import SECTIONS, SYNC_FIELDS
    from providers.base import available, provider_class

    tables = [*SECTIONS.values(), SYNC_FIELDS]
    tables += [provider_class(name).options for name in sorted(available())]
    found: dict[str, tuple[float, float, type]] = {}
    for fields in tables:
        for key, field in fields.items():
            if field.kind in (int, float) and field.minimum is not None:
                found.setdefault(key, (field.minimum, field.maximum, field.kind))  # type: ignore[arg-type]
    return found


def extremes(text: str, rng: random.Random) -> str:
    """Valid numbers at the ends of their ranges: the config loads, and then it is used."""
    bounds = _bounds()

    def pick(match: re.Match[str]) -> str:
        key = match.group(1).split("=")[0].strip()
        if key not in bounds or rng.random() < 0.3:
            return match.group(0)
        low, high, kind = bounds[key]
        value = rng.choice((low, high))
        return match.group(1) + repr(kind(value)) + match.group(3)

    return _VALUE.sub(pick, text)


MUTATIONS: list[Mutation] = [swap_value, swap_value, drop_line, repeat_table, table_to_value,
                             damage]  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:  # half the inputs valid at the extremes, perhaps with one flaw more
        text = extremes(text, rng)
        return swap_value(text, rng) if rng.random() < 0.3 else text
    for mutation in rng.sample(MUTATIONS, rng.randint(1, 3)):
        text = mutation(text, rng)
    return text


LOADED = [0]  # how many inputs loaded as a config (the rest ended in a ConfigError)


def run(text: str) -> tuple[str | None, float]:
    """``(problem, CPU seconds)`` of loading ``text`` as a config file and using it."""
    import logging

    logger = logging.getLogger("planner")
    level = logger.level
    logger.setLevel(logging.ERROR)  # unknown keys: warnings, no finding
    try:
        return _load_and_use(text)
    finally:
        logger.setLevel(level)  # later tests in this process read the warnings again


def _load_and_use(text: str) -> tuple[str | None, float]:
    from planner.config import load
    from planner.errors import PlannerError

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        began = time.process_time()
        try:
            config = load(path)
            LOADED[0] += 1
            _use(config)
        except PlannerError:
            return None, time.process_time() - began  # one clear error: what bad input gets
        except Exception:  # the point of the fuzz test: anything else is a finding
            return traceback.format_exc(), time.process_time() - began
        return None, time.process_time() - began


def _use(config: object) -> None:
    """What the commands compute from the config first, before reading any calendar."""
    from planner.flows.plan import week_bounds
    from planner.meet.travel_time import travel_model
    from planner.meet.venues import catalog_from_config
    from planner.sync.run import sync_window

    now = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    week_bounds(date(2026, 12, 7), config)  # type: ignore[arg-type]
    from planner.model import Geo

    travel_model(config).minutes(Geo(48.137, 11.575), Geo(48.152, 11.592))  # type: ignore[arg-type]
    for table in config.syncs:  # type: ignore[attr-defined]
        sync_window(config, now, table.days)  # type: ignore[arg-type]
    for day in range(7):
        config.working_hours(day)  # type: ignore[attr-defined]
    len(catalog_from_config(config))  # type: ignore[arg-type]
