"""Large patterns compiled once and kept (planner/judge/kept_regex.py): the kept compilation is the
same pattern as re's own, is used on the next run, and a damaged, foreign or refused one only
costs a compilation."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.judge import kept_regex
from planner.judge.kept_regex import Kept

WORDS = [f"wort{n}" for n in range(60)] + ["geschäftsessen", "déjeuner", "会議"]
PATTERNS = [
    (r"(?<!\w)(?:" + "|".join(map(re.escape, WORDS)) + r")(?!\w)", re.IGNORECASE),
    (r"(?P<host>[a-z0-9.-]+)\.(?:" + "|".join(WORDS) + r")(?:/(?P<path>\S*))?", 0),
    (r"^\W*(?:" + "|".join(w.upper() for w in WORDS) + r")\W*$", re.IGNORECASE | re.UNICODE),
]
TEXTS = ["Wort7 beim Geschäftsessen", "x.wort3/a/b", "  WORT59! ", "会議", "nothing here"]


def _same(found: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert found == expected  # equal patterns: the same flags, text and compiled program
    assert (found.groups, found.groupindex, found.flags) == (
        expected.groups,
        expected.groupindex,
        expected.flags,
    )
    for text in TEXTS:
        assert [m.span() for m in found.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]


def _kept(path: Path) -> Kept:
    """A compilation that kept every pattern, written to ``path``."""
    kept = Kept(path)
    for pattern, flags in PATTERNS:
        _same(kept.compile(pattern, int(flags)), pattern, flags)
    kept.save()
    assert path.is_file()
    return kept


def test_a_kept_pattern_is_the_same_pattern_and_not_parsed_again(tmp_path, monkeypatch):
    path = tmp_path / kept_regex.NAME
    _kept(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    from re import _parser  # type: ignore[attr-defined]

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a kept pattern was parsed again")

    monkeypatch.setattr(_parser, "parse", no_parsing)
    again = Kept(path)
    for pattern, flags in PATTERNS:
        _same(again.compile(pattern, int(flags)), pattern, flags)
    assert not again.new  # nothing new: the file is not written again


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",  # empty
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"not marshal at all \x00\xff" * 10,
        lambda data: marshal.dumps(("other", {})),  # another format
        lambda data: marshal.dumps([1, 2, 3]),
    ],
)
def test_a_damaged_or_foreign_file_costs_only_a_compilation(tmp_path, damage):
    path = tmp_path / kept_regex.NAME
    _kept(path)
    path.write_bytes(damage(path.read_bytes()))
    again = Kept(path)
    for pattern, flags in PATTERNS:
        _same(again.compile(pattern, int(flags)), pattern, flags)
    again.save()  # and it is written whole again
    third = Kept(path)
    third.compile(*PATTERNS[0][:1], int(PATTERNS[0][1]))
    assert not third.new


def test_another_interpreter_ignores_the_file(tmp_path):
    path = tmp_path / kept_regex.NAME
    _kept(path)
    stamp, entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((stamp[:1] + ("2.7.18 (other)",) + stamp[2:], entries)))
    again = Kept(path)
    _same(again.compile(PATTERNS[0][0], int(PATTERNS[0][1])), *PATTERNS[0])
    assert again.new  # compiled here, not taken from the file


def test_a_program_the_engine_refuses_is_compiled_anew(tmp_path):
    path = tmp_path / kept_regex.NAME
    _kept(path)
    stamp, entries = marshal.loads(path.read_bytes())
    broken = {
        key: (flags, b"\x07\x00\x00\x00" * 3, *rest)
        for key, (flags, _code, *rest) in entries.items()
    }
    path.write_bytes(marshal.dumps((stamp, broken)))
    again = Kept(path)
    for pattern, flags in PATTERNS:
        _same(again.compile(pattern, int(flags)), pattern, flags)


def test_written_only_by_the_process_that_read_it_and_only_into_an_existing_folder(tmp_path):
    missing = tmp_path / "no-such-folder" / kept_regex.NAME
    kept = Kept(missing)
    kept.compile(PATTERNS[0][0], int(PATTERNS[0][1]))
    kept.save()
    assert not missing.parent.exists()  # a cache never creates the state folder
    path = tmp_path / kept_regex.NAME
    other = Kept(path)
    other.compile(PATTERNS[0][0], int(PATTERNS[0][1]))
    other.owner = os.getpid() + 1  # as in a forked worker
    other.save()
    assert not path.exists()


def test_the_patterns_a_run_used_are_kept_first(tmp_path, monkeypatch):
    path = tmp_path / kept_regex.NAME
    _kept(path)
    monkeypatch.setattr(kept_regex, "MOST", 2)
    run = Kept(path)
    fresh = r"(?:" + "|".join(f"neu{n}" for n in range(80)) + ")"
    run.compile(fresh, 0)
    run.compile(PATTERNS[2][0], int(PATTERNS[2][1]))
    run.save()
    _stamp, entries = marshal.loads(path.read_bytes())
    assert set(entries) == {(fresh, 0), (PATTERNS[2][0], int(PATTERNS[2][1]))}


def test_short_patterns_are_not_kept(tmp_path, monkeypatch):
    kept = Kept(tmp_path / kept_regex.NAME)
    monkeypatch.setattr(kept_regex, "_KEPT", kept)
    assert kept_regex.compiled(r"\d+") == re.compile(r"\d+")
    assert kept.entries is None  # the file was not even read


JUDGE_PATTERNS = """
import hashlib, re, sys
from planner.judge import kept_regex
seen = []
original = re.compile
def recorded(pattern, flags=0):
    if isinstance(pattern, str):
        seen.append((pattern, int(flags)))
    return original(pattern, flags)
kept_regex.re.compile = recorded  # the plain path, so that every pattern is seen
kept_regex._KEPT.off = True
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo
from planner.demo import calendars
from planner.ical.reader import events_from_ics
from planner.judge.mode import classify
zone = ZoneInfo("Europe/Berlin")
start = datetime(2026, 3, 2, tzinfo=zone)
for name, data in calendars(date(2026, 3, 2)).items():
    events = events_from_ics(data, source=name, tz=zone, start=start - timedelta(days=60),
                             end=start + timedelta(days=14))
    for event in events:
        classify(event)
print(len(seen), hashlib.sha256(repr(sorted(set(seen))).encode()).hexdigest())
"""


def test_the_judge_builds_the_same_patterns_whatever_the_hash_seed(tmp_path):
    """Word lists held in sets gave alternations in another order on every run: a kept
    compilation (found by its pattern) would never have been found again."""
    found = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PLANNER_DATA_DIR=str(tmp_path))
        done = subprocess.run(
            [sys.executable, "-c", JUDGE_PATTERNS],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=Path(__file__).parents[2],
        )
        count, digest = done.stdout.split()
        assert int(count) > 50
        found.add(digest)
    assert len(found) == 1


def test_every_judge_pattern_kept_is_the_same_as_compiled(tmp_path):
    """The engine's program kept for each of the judge's own patterns (as a run compiles
    them: at import and when first searched) equals re's own compilation."""
    code = JUDGE_PATTERNS.replace("kept_regex._KEPT.off = True", "") + ("kept_regex._KEPT.save()\n")
    env = dict(os.environ, PLANNER_DATA_DIR=str(tmp_path))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=Path(__file__).parents[2])
    _stamp, entries = marshal.loads((tmp_path / kept_regex.NAME).read_bytes())
    assert len(entries) > 40
    again = Kept(tmp_path / kept_regex.NAME)
    for pattern, flags in entries:
        assert again.compile(pattern, flags) == re.compile(pattern, flags), pattern[:80]
    assert not again.new
