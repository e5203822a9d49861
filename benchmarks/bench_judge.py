"""CPU per event of the judgement alone: mode (classify), meeting or not, purpose and
recommendation, with the reading of the calendars left out.

Each run is a fresh process (no cache of an earlier run helps): it reads the events once
(untimed), builds the contact ledger from them as ``planner week`` does (untimed), judges the
first events once to compile the patterns compiled on first use (a cost per process), then times
with ``time.process_time``, in the order of the week's flow and each phase from cold judge
caches: ``classify`` of every event (no shape cache: the bare classifier), then ``meeting``
(:func:`planner.flows.plan.is_meeting`), ``purpose``
(:func:`planner.judge.purpose.determine_purpose`) and ``recommend`` (for the external
meetings, as :func:`planner.flows.weekly.build_plan` asks); then ``week``, all of it again from
cold caches as one core of :func:`planner.flows.weekly.judge_week` does it
(:func:`planner.flows.weekly.conclude`: meeting, purpose and recommendation of each event in
turn; not in ``all``, which sums the four phases). Prints medians of ``--runs``.

    python benchmarks/bench_judge.py [shapes|accuracy|real ...] [--runs 3] [--dump FILE]

``shapes`` is 50,000 single meetings in one week (``benchmarks/gen_shapes.busy_week``, made in
a temporary folder when ``--shapes`` is not given); ``accuracy`` every calendar of the labelled
set (``benchmarks/accuracy``, Teams/Zoom/Webex blocks in three languages); ``real`` the .ics
exports of ``shared/fixtures/real``. ``--dump`` writes every judgement (one JSON line per
event, sorted) so that two versions of the code can be compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"
PHASES = ("classify", "meeting", "purpose", "recommend")
WEEK = "week"  # the last three again, as judge_week does them
SHAPES_WEEK = date(2026, 11, 23)  # 2026-W48
SHAPES_COUNT = 50_000
WARM = 100  # events of each batch judged before the timed pass

Batch = tuple[Any, list[Any]]  # (config, events)


def _clear_caches() -> None:
    """Forget every per-event result the judge keeps in memory (a cold start for a phase)."""
    try:
        from planner.judge.memo import forget
    except ImportError:  # the code before the tables of planner.judge.memo (a baseline)
        from planner.judge.zones import zones_of

        forget = zones_of.cache_clear
    forget()


def _shapes_batches(path: Path) -> Iterator[Batch]:
    from planner.config.loader import default_config
    from planner.ical.reader import events_from_ics

    zone = ZoneInfo("Europe/Berlin")
    user = {"email": "me@mycorp.example", "domains": ["mycorp.example"], "timezone": zone.key}
    start = datetime.combine(SHAPES_WEEK, datetime.min.time(), zone)
    events = events_from_ics(
        path.read_bytes(),
        source=path.name,
        tz=zone,
        start=start,
        end=start + timedelta(days=7),
        warn=lambda _m: None,
    )
    yield default_config(user=user), list(events)


def _accuracy_batches() -> Iterator[Batch]:
    from bench_accuracy import config_of
    from dataset import PARTS, load

    for part in PARTS:
        for calendar in load(part):
            yield config_of(calendar), list(calendar.events)


def _real_batches() -> Iterator[Batch]:
    from planner.config.loader import default_config
    from planner.errors import PlannerError
    from planner.ical.reader import events_from_ics

    zone = ZoneInfo("Europe/Berlin")
    user = {"email": "me@mycorp.example", "domains": ["mycorp.example"], "timezone": zone.key}
    config = default_config(user=user)
    start, end = datetime(1990, 1, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)
    for path in sorted(REAL.glob("*.ics")):
        try:
            events = events_from_ics(
                path.read_bytes(), source=path.name, tz=zone, start=start, end=end,
                warn=lambda _m: None,
            )  # fmt: skip
        except PlannerError:
            continue
        if events:
            yield config, list(events)


def _batches(source: str, shapes: Path) -> list[Batch]:
    if source == "shapes":
        return list(_shapes_batches(shapes))
    if source == "accuracy":
        return list(_accuracy_batches())
    return list(_real_batches())


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.process_time()
    result = work()
    return time.process_time() - started, result


def _recommend(wanted: list[Any], ledger: Any, config: Any, cost: Any) -> dict[Any, Any]:
    from planner.judge.recommend import recommend

    return {e.key: recommend(e, m, p, ledger, config, costs_travel=cost) for e, m, p in wanted}


def judge_once(source: str, shapes: Path, dump: Path | None) -> dict[str, float]:
    """One run: seconds of CPU per phase (summed over the batches) and the event count. A
    first pass over the first :data:`WARM` events of each batch compiles the patterns the
    judge compiles on first use (a cost per process, not per event), then every cache is
    emptied again."""
    batches = _batches(source, shapes)
    _judge([(config, events[:WARM]) for config, events in batches], [])
    totals = dict.fromkeys((*PHASES, WEEK), 0.0)
    rows: list[str] = []
    totals.update(_judge(batches, rows))
    if dump is not None:
        dump.write_text("\n".join(sorted(rows)) + "\n")
    return {**totals, "events": float(sum(len(events) for _c, events in batches))}


def _week(events: list[Any], modes: list[Any], ledger: Any, config: Any) -> float:
    """CPU of judging ``events`` as one core of ``judge_week`` does."""
    from planner.flows import weekly

    known = {e.key: m for e, m in zip(events, modes, strict=True)}
    conclude = getattr(weekly, "conclude", None)
    if conclude is None:  # the code before it (a baseline): all assessed, then all judged
        from planner.flows.plan import assess

        def conclude(some: list[Any], ledger: Any, config: Any, known: Any) -> list[Any]:
            return [weekly._judge(i, ledger, config) for i in assess(some, config, known)]

    _clear_caches()
    return _timed(partial(conclude, events, ledger, config, known))[0]


def _judge(batches: list[Batch], rows: list[str]) -> dict[str, float]:
    from planner.flows.plan import _external, is_meeting
    from planner.flows.weekly import costs_travel
    from planner.judge.mode import classify
    from planner.judge.purpose import determine_purpose
    from planner.judge.relations import Ledger
    from planner.model import Purpose
    from planner.store import Store

    totals = dict.fromkeys((*PHASES, WEEK), 0.0)
    for config, events in batches:
        _clear_caches()
        spent, modes = _timed(lambda ev=events: [classify(e) for e in ev])
        totals["classify"] += spent
        ledger = Ledger.open(Store(":memory:"), config, user_emails=(config.user["email"],))
        now = max(e.end for e in events) + timedelta(days=1)
        history = [(e, c.mode) for e, c in zip(events, modes, strict=True)]
        ledger.update(history, now=now, since=now - timedelta(days=3650))
        _clear_caches()
        pairs = list(zip(events, modes, strict=True))
        spent, meetings = _timed(lambda p=pairs, c=config: [is_meeting(e, m, c) for e, m in p])
        totals["meeting"] += spent
        spent, purposes = _timed(
            lambda p=pairs, c=config, lg=ledger: [determine_purpose(e, lg, c, m.mode) for e, m in p]
        )
        totals["purpose"] += spent
        wanted = [
            (e, m.mode, p)
            for (e, m), p, meeting in zip(pairs, purposes, meetings, strict=True)
            if meeting
            and _external(e, config.own_domains, config.addresses)
            and p.purpose not in (Purpose.INTERNAL, Purpose.PERSONAL)
        ]
        cost = partial(costs_travel, config=config)
        spent, recommendations = _timed(partial(_recommend, wanted, ledger, config, cost))
        totals["recommend"] += spent
        totals[WEEK] += _week(events, modes, ledger, config)
        if rows is not None:
            for (e, m), meeting, p in zip(pairs, meetings, purposes, strict=True):
                r = recommendations.get(e.key)
                judged = [e.source, *e.key, m.mode.value, m.confidence.value, list(m.evidence),
                          meeting, p.purpose.value, p.confidence.value, list(p.evidence),
                          r and r.action.value, r and r.reason]  # fmt: skip
                rows.append(json.dumps(judged, ensure_ascii=False))
    return totals


def _shapes_file(given: str | None) -> Path:
    if given:
        return Path(given)
    from gen_shapes import busy_week  # type: ignore[import-not-found]

    folder = Path(tempfile.mkdtemp(prefix="bench-judge-"))
    path = folder / "shapes.ics"
    path.write_bytes(busy_week(SHAPES_WEEK, SHAPES_COUNT))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=["accuracy", "real", "shapes"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", help="the 50,000-event file (made when not given)")
    parser.add_argument("--dump", help="write every judgement to DUMP.<source>.jsonl")
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        dump = Path(args.dump) if args.dump else None
        print(json.dumps(judge_once(args.sources[0], Path(args.shapes or ""), dump)))
        return 0
    sys.path.insert(0, str(ROOT / "benchmarks"))
    shapes = str(_shapes_file(args.shapes)) if "shapes" in args.sources else ""
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; "
          f"CPU µs per event, medians of {args.runs} fresh processes")  # fmt: skip
    for source in args.sources:
        runs = []
        for index in range(args.runs):
            command = [sys.executable, __file__, source, "--once", "--shapes", shapes]
            if args.dump and index == 0:
                command += ["--dump", f"{args.dump}.{source}.jsonl"]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
        events = runs[0]["events"]
        cells = []
        for phase in PHASES:
            per_event = statistics.median(r[phase] for r in runs) / events * 1e6
            cells.append(f"{phase} {per_event:7.1f}")
        total = statistics.median(sum(r[p] for p in PHASES) for r in runs) / events * 1e6
        week = statistics.median(r.get(WEEK, 0.0) for r in runs) / events * 1e6
        print(f"{source:9} {int(events):6d} events  {'  '.join(cells)}  all {total:7.1f}"
              f"  {WEEK} {week:7.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
