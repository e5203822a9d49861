"""Extract the translatable texts and update the catalogs.

    python scripts/update_catalog.py            # write planner/locale/planner.pot, update .po
    python scripts/update_catalog.py --check    # exit 1 when a German translation is missing
    python scripts/update_catalog.py --compile  # only compile the .po files (after translating)

It reads ``babel.cfg`` like ``pybabel extract -F babel.cfg -k _ -k ngettext:1,2 -k N_`` would,
but extracts Python files with the ``ast`` module instead of Babel's tokenizer: before Python
3.12 an f-string is a single token, so Babel cannot see ``_()`` calls inside f-strings (the
renderers have many). The ``.po`` files are updated with Babel's ``Catalog.update``: new msgids
come in untranslated, a changed msgid keeps its old translation marked fuzzy, vanished ones are
dropped. Then translate the empty and fuzzy entries (remove the fuzzy flag) and run
``python -m pytest tests/test_i18n.py``.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("planner", "providers")
LOCALE_DIR = ROOT / "planner" / "locale"
TEMPLATE = LOCALE_DIR / "planner.pot"
LANGUAGES = ("de",)
KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2)}
HEADER = {
    "project": "planner",
    "version": "0.1",
    "copyright_holder": "the planner authors",
    "msgid_bugs_address": "",
    "last_translator": "the planner authors",
    "header_comment": "# Messages of the planner (https://pypi.org/project/planner/).\n"
    "# This file is distributed under the same license as the planner project.\n#",
}
TEAMS = {"de": "German"}


def extract_python_ast(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str, str | tuple[str | None, ...], list[str]]]:
    """A Babel extraction method: every ``_("…")``, ``N_("…")`` and ``ngettext("…", "…", n)``
    call with literal strings, including calls inside f-strings."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id not in keywords:
            continue
        strings = tuple(
            arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
            for arg in node.args
        )
        if strings and strings[0] is not None:
            yield node.lineno, node.func.id, strings, []


def mapping() -> tuple[list[tuple[str, Any]], dict[str, dict[str, Any]]]:
    """``babel.cfg``'s method map, with the ``python`` method replaced by the AST extractor."""
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    methods = [
        (pattern, extract_python_ast if method == "python" else method)
        for pattern, method in method_map
    ]
    return methods, options_map


def extract() -> Catalog:
    """The template catalog of the current sources (all msgids, with their places)."""
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(**HEADER, fuzzy=False)
    methods, options = mapping()
    for source in SOURCES:
        found = extract_from_dir(
            ROOT / source, methods, options, keywords=KEYWORDS, comment_tags=()
        )
        for filename, lineno, message, _comments, _context in found:
            place = (f"{source}/{filename}", lineno)
            flags = ("python-brace-format",) if "{" in "".join(_texts(message)) else ()
            catalog.add(message, None, [place], flags=flags)
    for place, text in cli_help_texts():
        if text and text not in catalog:
            catalog.add(text, None, [(place, 1)])
    for place, message in click_texts():
        if message not in catalog:
            flags = ("python-brace-format",) if "{" in "".join(_texts(message)) else ()
            catalog.add(message, None, [place], flags=flags)
    return catalog


#: click's messages that are for programmers, not users (a command declared wrongly).
CLICK_INTERNAL = (
    "Could not determine name for option",
    "No options defined but a name was passed",
    "Arguments take exactly one parameter declaration",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use",
    "Unknown standard stream",
    "Windows error",
    "Unknown color",
    "Value must be an iterable.",
    "Invalid start character for option",
)


def click_texts() -> list[tuple[tuple[str, int], str | tuple[str, ...]]]:
    """click's own messages (it translates them through the classic gettext API; planner
    points that at its catalog, see planner/cli/helptext.py), from the installed click."""
    import importlib

    from planner.cli.helptext import CLICK_MODULES

    found = []
    for name in CLICK_MODULES:
        path = Path(importlib.import_module(name).__file__ or "")
        with path.open("rb") as handle:
            for line, function, message, _comments in extract_python_ast(handle, KEYWORDS, (), {}):
                strings = message if isinstance(message, str) else tuple(message[:2])
                if function == "_" or len(strings) == 1:
                    strings = strings if isinstance(strings, str) else strings[0]
                text = _texts(strings)[0]
                if len(text) < 2 or text.startswith(CLICK_INTERNAL):
                    continue
                found.append(((f"click/{path.name}", line), strings))
    return found


def cli_help_texts() -> list[tuple[str, str]]:
    """The ``--help`` texts of every command (plain strings in click decorators, translated
    when help is shown in German; see planner/cli/helptext.py)."""
    sys.path.insert(0, str(ROOT))
    from planner.cli import COMMANDS, HELP, main
    from planner.cli.helptext import help_texts

    return list(help_texts(main, COMMANDS, HELP))


def _texts(message: str | tuple[str, ...]) -> tuple[str, ...]:
    return (message,) if isinstance(message, str) else message


def read(path: Path, locale: str | None = None) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def write(catalog: Catalog, path: Path, **options: Any) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_by_file=True, **options)


def update(template: Catalog, language: str) -> Catalog:
    """The language's catalog brought in line with ``template``."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "planner.po"
    if path.exists():
        catalog = read(path, language)
    else:
        catalog = Catalog(locale=language, **HEADER, fuzzy=False)
    catalog.language_team = TEAMS.get(language, language)
    catalog.last_translator = HEADER["last_translator"]
    catalog.header_comment = HEADER["header_comment"]
    # a changed msgid keeps its old translation, marked fuzzy until someone checks it
    catalog.update(template, update_creation_date=False)
    write(catalog, path, ignore_obsolete=True)
    compile_beside(language)
    return catalog


def compile_beside(language: str) -> Path:
    """The language's ``.po`` file compiled beside it, under the name the planner looks for
    (:func:`planner.i18n.compiled_path`); catalogs compiled from earlier texts are removed."""
    from planner.i18n import catalog_path, compile_catalog, compiled_path

    source = catalog_path(language).read_bytes()
    target = compiled_path(language, source)
    for old in target.parent.glob("planner-*.mo"):
        if old != target:
            old.unlink()
    target.write_bytes(compile_catalog(source, language))
    return target


def open_entries(catalog: Catalog) -> list[str]:
    """Msgids without a complete, non-fuzzy translation."""
    result = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            result.append(message.id if isinstance(message.id, str) else message.id[0])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report missing translations")
    parser.add_argument("--compile", action="store_true", help="only compile the .po files")
    args = parser.parse_args(argv)
    if args.compile:
        for language in LANGUAGES:
            print(f"{language}: {compile_beside(language).name}", file=sys.stderr)
        return 0
    template = extract()
    if not args.check:
        write(template, TEMPLATE, omit_header=False)
    status = 0
    for language in LANGUAGES:
        if args.check:
            catalog = read(LOCALE_DIR / language / "LC_MESSAGES" / "planner.po", language)
            catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        else:
            catalog = update(template, language)
        missing = open_entries(catalog)
        for msgid in missing if args.check else ():
            print(f"{language}: untranslated: {msgid!r}")
        status = status or (1 if missing else 0)
        print(f"{language}: {len(template)} messages, {len(missing)} to translate", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
