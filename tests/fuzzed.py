"""The Hypothesis settings of the fuzz tests in CI (iCalendar reader, reply reader, config)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def derandomised(examples: int) -> settings:
    """Half of ``examples`` inputs per test (each fuzz test is parametrised by ``half``, so
    that ``-n 2`` runs the halves side by side); the same inputs every run, so that a failure
    reproduces; no example database; no health checks, as the inputs are slow by design."""
    return settings(
        max_examples=examples // 2,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
