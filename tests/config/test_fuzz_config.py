"""Fuzzing the config in CI (issue 26): the example config with values of every type and size
(every number at and beyond its limits, NaN, infinity, control characters, lists, tables),
keys removed or repeated, tables turned into values and the TOML damaged (tests/config/
fuzzing.py). Each input ends in a config that the commands can use or in one ConfigError,
within 2 s of CPU time. The CI run draws 600 inputs in two halves; the long run is

    .venv/bin/python -m benchmarks.fuzz_replies --target config --runs 20000
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.config.fuzzing import SLOW_SECONDS, mutate, run, seed
from tests.fuzzed import derandomised

EXAMPLES = int(os.environ.get("PLANNER_FUZZ_CONFIG_EXAMPLES", "600"))  # in two halves
SEED = seed()


@derandomised(EXAMPLES)
@given(number=st.integers(0, 2**32 - 1))
@pytest.mark.parametrize("half", [0, 1])
def test_mutated_configs_load_or_are_one_config_error(half, number):
    problem, seconds = run(mutate(SEED, random.Random(number * 2 + half)))
    assert problem is None
    assert seconds < SLOW_SECONDS


def test_a_time_zone_name_too_long_for_a_file_name_is_one_problem():
    """The long run's finding (5 of 20,000 inputs): ZoneInfo raised OSError (ENAMETOOLONG)."""
    text = SEED.replace('timezone = "Europe/Berlin"', f'timezone = "{"x" * 300}"', 1)
    assert text != SEED
    problem, _seconds = run(text)
    assert problem is None
