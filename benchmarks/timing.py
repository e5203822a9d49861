"""Timing of benchmark commands: wall, CPU and peak memory of a child process, medians of
several runs (shared by the benchmark scripts)."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of ``command``; a failure
    stops the benchmark. The peak comes from GNU time where installed (a child forked from
    this large process would count its high-water mark); else it is the largest child's."""
    wrapped = [GNU_TIME, "-f", "%M", *command] if GNU_TIME else command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(wrapped, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} … failed:\n{result.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    peak_kb = float(lines[-1]) if GNU_TIME and lines else float(after.ru_maxrss)
    return elapsed, cpu, peak_kb / 1024


@dataclass
class Result:
    """Wall and CPU seconds and peak memory of each run."""

    wall: list[float]
    cpu: list[float]
    peak: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak_max(self) -> float:
        return max(self.peak)


def measure(runs: int, command: list[str], env_for: Callable[[int], dict[str, str]]) -> Result:
    rows = [timed(command, env_for(i)) for i in range(runs)]
    return Result([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])


def load() -> str:
    """The load averages of the machine (1, 5, 15 minutes)."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())
