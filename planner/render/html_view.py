"""The weekly view's layout, before any HTML: which part of which event or proposal falls on
which day, at which hours, in which lane, and which events belong to the all-day row.

Times are taken in the week's zone (``week.timezone`` of the JSON view, else the offset of
its start). An event that crosses midnight is cut into one part per day, each marked as
continued; one of 24 hours or more goes to the all-day row, as calendar apps do. The hours
shown run from 8 to 19 and widen to take in every event and proposal, so nothing falls outside.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from planner.i18n import _, day_span, day_time, hh_mm, local_span, twice
from planner.model import Mode
from planner.render import labels
from planner.render.labels import kind_label, mode_label

Item = dict[str, Any]

DEFAULT_HOURS = (8, 19)
MIN_HOURS = 0.4  # the shortest block drawn, so a 10-minute call stays readable


@dataclass(frozen=True)
class Block:
    """The part of an event or proposal that falls on one day of the grid."""

    kind: str  # "event" or "proposal"
    item: Item  # the event; for a proposal, the proposal with "for": its event
    start: datetime  # the whole event, in the week's zone
    end: datetime
    day: int  # 0 = the first day shown
    top: float  # hours after midnight where this part starts
    bottom: float  # ... and ends (24 at midnight)
    before: bool  # began on an earlier day
    after: bool  # goes on into the next day

    @property
    def length(self) -> float:
        """Hours drawn: at least :data:`MIN_HOURS`."""
        return max(self.bottom - self.top, MIN_HOURS)

    @property
    def drawn_top(self) -> float:
        """Where the block is drawn: a short block just before midnight stays on the day."""
        return min(self.top, 24 - self.length)


@dataclass(frozen=True)
class Span:
    """An all-day event (or one of 24 hours or more) over days ``first``..``last`` shown."""

    item: Item
    first: int
    last: int


@dataclass(frozen=True)
class View:
    data: Item
    tz: tzinfo
    days: list[date]
    blocks: list[Block]
    spans: list[Span]
    hours: tuple[int, int]
    by_day: dict[int, list[Block]]  # the blocks of each day, by time

    def blocks_on(self, day: int) -> list[Block]:
        """The parts drawn on ``day``, by time: its first
        :data:`~planner.render.labels.ROWS_PER_DAY` (:meth:`more_on` counts the rest)."""
        return self.by_day[day][: labels.ROWS_PER_DAY]

    def more_on(self, day: int) -> int:
        """How many parts of ``day`` are not drawn (a shared calendar's thousands a day)."""
        return max(0, len(self.by_day[day]) - labels.ROWS_PER_DAY)


def build_view(data: Item) -> View:
    """Days, the timed parts per day, the all-day spans and the hours to show."""
    tz = _zone(data["week"])
    first = datetime.fromisoformat(data["week"]["start"]).astimezone(tz).date()
    last = datetime.fromisoformat(data["week"]["end"]).astimezone(tz).date()
    days = [first + timedelta(days=i) for i in range(max(1, (last - first).days))]
    blocks: list[Block] = []
    spans: list[Span] = []
    for kind, item, start, end in _entries(data, tz):
        if kind == "event" and (item["all_day"] or end - start >= timedelta(days=1)):
            spans.extend(_span(item, start, end, days))
        else:
            blocks.extend(_parts(kind, item, start, end, days, tz))
    by_day: dict[int, list[Block]] = {day: [] for day in range(len(days))}
    for block in blocks:
        by_day[block.day].append(block)
    for parts in by_day.values():
        parts.sort(key=lambda b: (b.top, b.bottom, b.kind))
    return View(data, tz, days, blocks, spans, _hour_range(blocks), by_day)


def _zone(week: Item) -> tzinfo:
    if week.get("timezone"):
        from zoneinfo import ZoneInfo

        return ZoneInfo(week["timezone"])
    zone = datetime.fromisoformat(week["start"]).tzinfo
    if zone is None:
        raise ValueError("the JSON view's week start has no UTC offset")
    return zone


def _entries(data: Item, tz: tzinfo) -> list[tuple[str, Item, datetime, datetime]]:
    entries = []
    for event in data["events"]:
        entries.append(("event", event, *times(event, tz)))
        for proposal in event.get("proposals") or []:
            entries.append(("proposal", {**proposal, "for": event}, *times(proposal, tz)))
    return entries


def times(item: Item, tz: tzinfo) -> tuple[datetime, datetime]:
    """Start and end of an event or proposal of the JSON view in ``tz`` (end ≥ start)."""
    start = datetime.fromisoformat(item["start"]).astimezone(tz)
    return start, max(start, datetime.fromisoformat(item["end"]).astimezone(tz))


def _midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz)


def _span(item: Item, start: datetime, end: datetime, days: list[date]) -> list[Span]:
    """All-day ends are exclusive: an event of 9 Dec runs 9 Dec 00:00 – 10 Dec 00:00."""
    last_day = max(start, end - timedelta(microseconds=1)).date()
    shown = [i for i, day in enumerate(days) if start.date() <= day <= last_day]
    return [Span(item, shown[0], shown[-1])] if shown else []


def _parts(
    kind: str, item: Item, start: datetime, end: datetime, days: list[date], tz: tzinfo
) -> list[Block]:
    parts = []
    for index, day in enumerate(days):
        day_start, day_end = _midnight(day, tz), _midnight(day + timedelta(days=1), tz)
        part_start, part_end = max(start, day_start), min(end, day_end)
        if part_start < part_end or (start == end and day_start <= start < day_end):
            top = _wall_hours(part_start) if part_start > day_start else 0.0
            bottom = _wall_hours(part_end) if part_end < day_end else 24.0
            before, after = start < day_start, end > day_end
            parts.append(Block(kind, item, start, end, index, top, bottom, before, after))
    return parts


def _wall_hours(moment: datetime) -> float:
    return moment.hour + moment.minute / 60 + moment.second / 3600


def _hour_range(blocks: list[Block]) -> tuple[int, int]:
    first = min([DEFAULT_HOURS[0], *(math.floor(b.drawn_top) for b in blocks)])
    last = max([DEFAULT_HOURS[1], *(math.ceil(b.drawn_top + b.length) for b in blocks)])
    return max(0, first), min(24, last)


def lanes(blocks: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """(lane, lanes in its cluster) for each (top, bottom), so overlapping blocks sit side by
    side and a cluster of overlapping blocks shares the day's width evenly. Of two blocks that
    start together the longer one takes the left lane; a block takes the leftmost lane free at
    its top. Time in n log n: the lanes free and the lanes taken (by when they come free) are
    heaps, and a cluster's width is counted once (a crowded day of a shared calendar has
    thousands of blocks in one cluster)."""
    order = sorted(range(len(blocks)), key=lambda i: (blocks[i][0], -blocks[i][1]))
    lane_of = [0] * len(blocks)
    cluster_of = [0] * len(blocks)
    widths: list[int] = []  # the lanes of each cluster
    free: list[int] = []  # lanes of this cluster free now (smallest first)
    taken: list[tuple[float, int]] = []  # (when it comes free, lane)
    cluster_end = -math.inf
    for index in order:
        top, bottom = blocks[index]
        if top >= cluster_end:  # nothing before overlaps: a new cluster starts
            widths.append(0)
            free, taken = [], []
        while taken and taken[0][0] <= top:
            heapq.heappush(free, heapq.heappop(taken)[1])
        lane = heapq.heappop(free) if free else widths[-1]
        widths[-1] = max(widths[-1], lane + 1)
        heapq.heappush(taken, (bottom, lane))
        lane_of[index], cluster_of[index] = lane, len(widths) - 1
        cluster_end = max(cluster_end, bottom)
    return [(lane_of[i], widths[cluster_of[i]]) for i in range(len(blocks))]


def title(event: Item) -> str:
    """The title as written, without the secrets of any link or "Passcode: …" in it."""
    from planner.render.places import without_secrets

    return without_secrets(str(event.get("title") or "")) or _("(no title)")


def anchor(event: Item) -> str:
    """The id of a flagged meeting's entry in the side panel, where its proposals link to."""
    import zlib

    return f"m-{zlib.crc32(str(event.get('uid', '')).encode()):08x}"


def proposal_label(proposal: Item) -> str:
    """ "Alternative k7m2qa: same time, in person — Video call with Sven" (the identifier
    ``planner invite --proposal ID`` takes)."""
    same = _("same time, in person") if proposal.get("same_time") else ""
    if proposal.get("id"):
        label = _("Alternative {id} to “{title}”", id=proposal["id"],
                  title=title(proposal["for"]))  # fmt: skip
    else:
        label = _("Alternative to “{title}”", title=title(proposal["for"]))
    return f"{label} · {same}" if same else label


def mode_text(event: Item) -> str:
    """A meeting's mode ("virtual"), or the kind of anything else ("train", "hotel")."""
    from planner.render.kinds import Kind, kind_text

    kind = event.get("kind")
    if kind in {k.value for k in Kind} - {Kind.MEETING.value}:
        return kind_text(Kind(kind))
    try:
        return mode_label(Mode(event["mode"]))
    except ValueError:
        return str(event["mode"])


def place(event: Item) -> str:
    """The event's place as the page shows it: links by their service, no secrets."""
    from planner.render.places import shown_place

    return shown_place(str(event.get("location") or ""))


def when(block: Block) -> str:
    """``09:00–09:45``; with the days for an event that crosses midnight."""
    start, end = block.start, block.end
    if start.date() == end.date() or (end.time() == time() and end - start < timedelta(days=1)):
        zoned = twice(start, end)  # the night the clocks go back: which 02:30
        return f"{hh_mm(start, zoned)}–{hh_mm(end, zoned)}"
    return f"{day_time(start)} – {day_time(end)}"


def is_flagged(event: Item) -> bool:
    """The planner recommends meeting in person instead."""
    return (event.get("recommendation") or {}).get("action") == "meet_in_person"


def reason(event: Item) -> str:
    return str((event.get("recommendation") or {}).get("reason") or "")


def venue_name(proposal: Item) -> str:
    return str((proposal.get("venue") or {}).get("name") or "")


def proposal_line(proposal: Item, tz: tzinfo) -> str:
    """``Tue 8 Dec 11:15–12:00 · Coffee · Business Club München``"""
    start, end = times(proposal, tz)
    kind = kind_label(proposal.get("kind", ""))
    same = f"{_('same time, in person')} · " if proposal.get("same_time") else ""
    number = f"{proposal['id']} · " if proposal.get("id") else ""
    when = day_span(start, end) + local_span(start, end, str(proposal.get("zone") or ""), tz)
    return f"{number}{when} · {same}{kind} · {venue_name(proposal)}"
