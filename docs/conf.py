"""Sphinx configuration of planner's reference docs (built by tests/test_reference_docs.py).

Sphinx rather than mkdocs: the docstrings are written in its cross-reference roles
(``:func:``, ``:class:``), which autodoc renders as links and ``nitpicky`` checks, so a
docstring that names a function that is gone fails the build. It installs as one extra,
``planner[docs]`` (about 30 MB with docutils and Jinja), and builds offline.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

project = "planner"
author = "the planner developers"
release = _version("planner")
version = ".".join(release.split(".")[:2])
extensions = ["sphinx.ext.autodoc"]
smartquotes = False  # "--lang" stays two hyphens
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list[str] = []

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": False}

# Every cross-reference must resolve (the drift check for docstrings). The docs build offline,
# so the standard library's and third parties' types cannot link (no intersphinx).
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|pathlib|collections|typing|zoneinfo|contextlib|enum|sqlite3)\..*"),
    (r"py:.*", r"(icalendar|click|pydantic)\..*"),
    (r"py:class", r"(date|datetime|time|timedelta|tzinfo|Path|ZoneInfo|StrEnum|Enum)"),
    (r"py:class", r"(Callable|Iterator|Iterable|Sequence|Mapping|Any|TypeVar|Self)"),
    (r"py:class", r"(NoneType|_io\..*|.*\.T|T)"),
    (r"py:data", r"(typing\.)?(Any|Callable|Optional|Union)"),
    (r"py:exc", r"(DeprecationWarning)"),
    # a dataclass field with default_factory renders as "dict[str, str]=<factory>", which
    # Sphinx's signature parser splits at the comma (a known limitation)
    (r"py:class", r"(dict|list|tuple)\[.*"),
]
