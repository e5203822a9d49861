"""What a sync run planned and wrote, per target, and what failed (:mod:`planner.sync.run`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from planner.sync.plan import TargetPlan


@dataclass
class SyncResult:
    """What a run planned (and, with ``applied``, wrote) per target, and what failed."""

    window: tuple[datetime, datetime]
    targets: list[TargetPlan]
    source_errors: dict[str, str] = field(default_factory=dict)
    applied: bool = False
    undo: bool = False
    preview: bool = False  # the targets' own events were not read: everything is "to create"
    sources: tuple[str, ...] = ()  # the calendars read (for a preview's heading)
    #: configured calendars no longer a target that still hold events the planner wrote
    #: (not changed since): name → how many
    no_longer_targets: dict[str, int] = field(default_factory=dict)
    #: the configured calendars by the tag a mirror's key names them with (its source)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.source_errors and not any(t.errors for t in self.targets)

    def to_json(self, tz: Any) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "undo": self.undo,
            "preview": self.preview,
            "window": {
                "start": self.window[0].astimezone(tz).isoformat(),
                "end": self.window[1].astimezone(tz).isoformat(),
            },
            "targets": [
                {
                    "target": t.target,
                    "changes": [c.to_json(tz, self.names) for c in t.changes],
                    "written": t.written,
                    "errors": t.errors,
                }
                for t in self.targets
            ],
            "source_errors": self.source_errors,
            "no_longer_targets": self.no_longer_targets,
            "ok": self.ok,
        }
