"""planner as a typed library: the wheel ships ``py.typed``, and mypy checks a user's program
against the installed package with planner's own types; ``planner.api`` lists its public names
in ``__all__``, each with a docstring, and states its compatibility promise."""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from planner import api

ROOT = Path(__file__).resolve().parents[1]

USER_SCRIPT = """\
from datetime import date

from planner import api

config = api.load_config("config.toml")
plan = api.plan_week(config, date(2026, 12, 7))
titles: list[str] = [item.event.title for item in plan.items]
share: float | None = plan.stats.in_person_share
events = api.classify_sources(["work.ics"], plan.start, plan.end, "Europe/Berlin")
modes = {event.uid: classification.mode.value for event, classification in events}
wrong: int = plan.items[0].event.title
api.plan_week(config, "2026-12-07")
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel, built offline by the project's own build backend from a copy of the sources,
    and unpacked as pip installs it; returns the folder it is installed in."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("planner", "providers"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    build = subprocess.run(
        [sys.executable, "-c",
         f"from setuptools import build_meta; print(build_meta.build_wheel({str(work)!r}))"],
        cwd=source, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = work / build.stdout.strip().splitlines()[-1]
    site = work / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert "planner/py.typed" in archive.namelist()
        archive.extractall(site)
    return site


def mypy(tmp_path: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """mypy on the user's script, with an interpreter that has planner installed in ``site``
    (and the test environment's packages for planner's dependencies)."""
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=True).create(environment)
    purelib = Path(
        sysconfig.get_path("purelib", vars={"base": str(environment), "platbase": str(environment)})
    )
    purelib.mkdir(parents=True, exist_ok=True)
    (purelib / "planner-test.pth").write_text(
        f"{site}\n{sysconfig.get_path('purelib')}\n", encoding="utf-8"
    )
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    python = environment / "bin" / "python"
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--python-executable", str(python), "--no-error-summary",
         "--cache-dir", str(tmp_path / "cache"), str(script)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


@pytest.mark.slow
def test_mypy_checks_a_user_script_with_planners_types(installed, tmp_path):
    result = mypy(tmp_path, installed)
    lines = result.stdout.splitlines()
    errors = [line.split(" error: ", 1)[1] for line in lines if " error: " in line]
    assert errors == [
        'Incompatible types in assignment (expression has type "str", variable has type "int")'
        "  [assignment]",
        'Argument 2 to "plan_week" has incompatible type "str"; expected "date | None"  [arg-type]',
    ], result.stdout + result.stderr


@pytest.mark.slow
def test_without_py_typed_mypy_would_not_look_inside(installed, tmp_path):
    """The control: the same installed package without the marker is opaque to mypy."""
    bare = tmp_path / "bare"
    shutil.copytree(installed, bare)
    (bare / "planner" / "py.typed").unlink()
    result = mypy(tmp_path, bare)
    assert 'Skipping analyzing "planner": module is installed, but missing library stubs or ' \
        "py.typed marker" in result.stdout, result.stdout  # fmt: skip
    assert "plan_week" not in result.stdout


def test_every_public_name_is_listed_and_documented():
    assert len(set(api.__all__)) == len(api.__all__)
    own = {
        name
        for name, value in vars(api).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == api.__name__
    }
    assert own <= set(api.__all__), own - set(api.__all__)
    for name in api.__all__:
        value = getattr(api, name)
        assert inspect.getdoc(value), f"planner.api.{name} has no docstring"


def test_the_module_states_its_compatibility_promise():
    doc = api.__doc__ or ""
    assert "Semantic Versioning" in doc and "__all__" in doc and "internal" in doc
