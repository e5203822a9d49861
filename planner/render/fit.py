"""Tables that fit the terminal: drop low-value columns before anything wraps, then wrap only
between words and cut what is left with "…" (a word is never split over two lines).

A table is described by its :class:`Column` list and rows of cell texts (rich markup allowed).
:func:`fitted_table` measures the cells, drops the columns with the highest ``drop`` rank until
the minimum widths fit, and builds the :class:`rich.table.Table`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

MIN_WIDTH = 80
MAX_WIDTH = 200
EDGE = 1  # the table's left border
PER_COLUMN = 3  # padding on both sides and the border after the column


@dataclass(frozen=True)
class Column:
    """One column. ``flex`` columns wrap between words down to ``min`` cells (or their longest
    unbreakable word, e.g. an e-mail address, when ``keep_words``); the others keep their
    natural width. ``drop`` ranks columns to leave out when the table does not fit: 0 never,
    higher first."""

    header: str
    flex: bool = False
    min: int = 8
    drop: int = 0
    justify: str = "left"
    keep_words: bool = False
    max: int | None = None


def console(color: bool, width: int) -> Console:
    from rich.console import Console

    from planner.render.safe import SafeBuffer

    return Console(
        file=SafeBuffer(color),  # control characters from calendar text never reach a terminal
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        emoji=False,
    )


def clamp(width: int) -> int:
    """A terminal width within what the tables are laid out for."""
    return max(MIN_WIDTH, min(width, MAX_WIDTH))


def terminal_width(default: int = 120) -> int:
    import shutil

    return clamp(shutil.get_terminal_size((default, 40)).columns)


def cell_width(text: str) -> int:
    """The widest line of a cell, markup removed."""
    from rich.text import Text

    return max((Text.from_markup(line).cell_len for line in text.split("\n")), default=0)


def _longest_word(text: str) -> int:
    from rich.text import Text

    plain = Text.from_markup(text).plain
    return max((len(word) for word in plain.split()), default=0)


def needed(column: Column, cells: Sequence[str]) -> int:
    """The fewest cells ``column`` can be given."""
    natural = max([cell_width(column.header), *(cell_width(c) for c in cells)])
    if not column.flex:
        return natural
    floor = min(column.min, natural)
    if column.keep_words:
        floor = max(floor, *(_longest_word(c) for c in cells), 0)
    return floor


def choose(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """The indexes of the columns to show within ``width``."""
    mins = [needed(col, [row[i] for row in rows]) for i, col in enumerate(columns)]
    shown = list(range(len(columns)))
    droppable = sorted((c for c in shown if columns[c].drop), key=lambda c: -columns[c].drop)
    while EDGE + sum(mins[i] + PER_COLUMN for i in shown) > width and droppable:
        shown.remove(droppable.pop(0))
    return shown


def fitted_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int,
    *,
    sections: Sequence[int] = (),
    **options: Any,
) -> Table:
    """A rich table of ``rows`` showing the columns that fit ``width``; a section line is
    drawn after each row index in ``sections``."""
    from rich.table import Table

    shown = choose(columns, rows, width)
    sizes = _sizes([columns[i] for i in shown], [[row[i] for i in shown] for row in rows], width)
    table = Table(**options)
    limits: list[int | None] = []
    for i, size in zip(shown, sizes, strict=True):
        col = columns[i]
        table.add_column(
            col.header,
            justify=col.justify,  # type: ignore[arg-type]
            no_wrap=not col.flex,
            overflow="ellipsis",
            width=size,
            max_width=col.max,
        )
        natural = max([cell_width(col.header), *(cell_width(row[i]) for row in rows)])
        limit = size if size is not None else col.max if col.max and natural > col.max else None
        limits.append(limit if col.flex else None)
    breaks = set(sections)
    for number, row in enumerate(rows):
        cells = [
            row[i] if limit is None else wrap_cell(row[i], limit)
            for i, limit in zip(shown, limits, strict=True)
        ]
        table.add_row(*cells, end_section=number in breaks)
    return table


def column_room(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int,
                index: int) -> int:  # fmt: skip
    """The cells the column ``index`` gets in :func:`fitted_table` (0 when it is left out)."""
    shown = choose(columns, rows, width)
    if index not in shown:
        return 0
    kept = [columns[i] for i in shown]
    sizes = _sizes(kept, [[row[i] for i in shown] for row in rows], width)
    size = sizes[shown.index(index)]
    column = columns[index]
    if size is None:
        size = max([cell_width(column.header), *(cell_width(row[index]) for row in rows)])
    return min(size, column.max) if column.max else size


def commands_apart(
    columns: Sequence[Column],
    rows_for: Callable[[Sequence[str]], list[list[str]]],
    commands: Sequence[str],
    width: int,
    index: int,
) -> tuple[list[list[str]], list[str]]:
    """Rows whose ready-made ``commands`` (in the column ``index``) are never cut nor broken
    over lines: a command that does not fit the column's width on one line is listed under the
    table instead (the second value, numbered from 1 in that order), and ``rows_for(below)``
    builds the rows with those replaced by a pointer to them. Moving one out can narrow the
    column, so it is measured again until every command left in it fits."""
    from rich.cells import cell_len

    below: list[str] = []
    while True:
        rows = rows_for(below)
        room = column_room(columns, rows, width, index)
        more = [c for c in dict.fromkeys(commands) if c not in below and cell_len(c) > room]
        if not more:
            return rows, below
        below += more


def is_command(text: str) -> bool:
    """Whether ``text`` (a next step's command or alternative) is a command to run, not a
    reminder to write."""
    return text.startswith("planner ")


def pointer(text: str, below: Sequence[str]) -> str:
    """``text``, or where it is when it is a command listed under the table (``below``)."""
    from planner.i18n import _

    if text in below:
        return _("→ command {number} under the table", number=below.index(text) + 1)
    return text


def print_commands(out: Console, below: Sequence[str]) -> None:
    """The commands :func:`commands_apart` moved under the table, each whole on its line
    (never wrapped, nothing else on it: pasted, it runs), numbered as the table points to
    them."""
    from planner.i18n import _

    for number, command in enumerate(below, start=1):
        out.print(_("Command {number}:", number=number), markup=False, highlight=False)
        out.print(command, markup=False, soft_wrap=True, highlight=False)


def wrap_cell(cell: str, width: int) -> Text:
    """``cell`` (rich markup) broken into lines of at most ``width`` cells between words.

    A mark or sign without letters or digits ("⚑", "↓", "·", "–", "&") is never left alone
    on a line: it stays with the word after it (or, at the end, the word before). A line that
    is still too long (one very long word) is cut with "…"; so rich has nothing left to wrap
    and cannot strand a mark itself."""
    from rich.text import Text

    text = Text.from_markup(cell)
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        lines += _wrap_line(paragraph, max(1, width))
    return Text("\n").join(lines)


def _units(plain: str) -> list[tuple[int, int]]:
    """Spans of ``plain`` that may not be broken: words, with the signs glued to them."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", plain)]
    units: list[tuple[int, int]] = []
    glue = False  # the previous word was a lone sign: join the next word to it
    for start, end in words:
        word = plain[start:end]
        sign = not any(ch.isalnum() for ch in word)
        number = bool(units) and _NUMBER_RE.fullmatch(word) and plain[units[-1][1] - 1].isdigit()
        if units and (glue or number or (sign and (start, end) == words[-1])):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
        glue = sign
    return units


_NUMBER_RE = re.compile(r"[\d()/.-]*\d[\d()/.-]*")  # a group of a phone number


def hanging(line: str, width: int) -> str:
    """A plain ``line`` wrapped to ``width`` between words (signs kept with their word, as in
    :func:`wrap_cell`), the next lines indented like the first one's text: "    1. Tue …"
    goes on under "Tue"."""
    from rich.cells import cell_len

    lead = re.match(r"\s*(?:\d+\. |[•⚑↓✉] )?", line)
    indent = " " * cell_len(lead.group(0) if lead else "")
    body = line[len(lead.group(0)) if lead else 0 :]
    if cell_len(line) <= width or width - len(indent) < 20:
        return line
    lines, current = [], ""
    for start, end in _units(body):
        word = body[start:end]
        room = width - len(indent)
        if current and cell_len(f"{current} {word}") > room:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    head = line[: len(line) - len(body)]
    return "\n".join([head + lines[0], *(indent + rest for rest in lines[1:])])


def _wrap_line(text: Text, width: int) -> list[Text]:
    from rich.cells import cell_len

    plain = text.plain
    lines: list[Text] = []
    first: tuple[int, int] | None = None  # the span of the line being filled
    for start, end in _units(plain):
        if first is not None and cell_len(plain[first[0] : end]) <= width:
            first = (first[0], end)
            continue
        if first is not None:
            lines.append(_cut_text(text[first[0] : first[1]], width))
        first = (start, end)
    if first is not None:
        lines.append(_cut_text(text[first[0] : first[1]], width))
    return lines or [text]


def _cut_text(text: Text, width: int) -> Text:
    """``text`` itself when it fits, else its first cells and "…"."""
    from rich.cells import cell_len

    if cell_len(text.plain) <= width:
        return text
    kept = 0
    while kept < len(text.plain) and cell_len(text.plain[: kept + 1]) <= width - 1:
        kept += 1
    cut_text = text[:kept]
    cut_text.rstrip()
    cut_text.append("…")
    return cut_text


def _sizes(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int
) -> list[int | None]:
    """Widths for the flexible columns when the natural ones do not fit (None: natural).

    Each flexible column gets its minimum, and what is left is shared in proportion to how
    much more each would like."""
    cells = [[row[i] for row in rows] for i in range(len(columns))]
    natural = [
        max([cell_width(c.header), *map(cell_width, cells[i])]) for i, c in enumerate(columns)
    ]
    lowest = [needed(c, cells[i]) for i, c in enumerate(columns)]
    flex = [i for i, c in enumerate(columns) if c.flex]
    fixed = sum(natural[i] for i in range(len(columns)) if i not in flex)
    space = width - EDGE - PER_COLUMN * len(columns) - fixed
    if sum(natural[i] for i in flex) <= space or not flex:
        return [None] * len(columns)
    sizes: list[int | None] = [None] * len(columns)
    spare = max(0, space - sum(lowest[i] for i in flex))
    wishes = {i: natural[i] - lowest[i] for i in flex}
    total = sum(wishes.values()) or 1
    for i in flex:
        sizes[i] = lowest[i] + spare * wishes[i] // total
    return sizes


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut after a whole word and ended with "…"."""
    from rich.cells import cell_len

    if cell_len(text) <= width or width < 2:
        return text if width >= 2 else text[:width]
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if cell_len(candidate) + 1 > width:
            break
        kept = candidate
    if not kept:  # a single word longer than the room: cut it (never wraps)
        return text[: width - 1] + "…"
    return kept.rstrip(" ·,;") + "…"
