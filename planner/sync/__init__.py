"""``planner sync``: busy time mirrored between the user's calendars, and travel time blocked
around meetings in person.

- :mod:`planner.sync.marks` — keys, derived UIDs and digests of the events the planner writes,
  and how to tell them from everything else (they are never mirrored again);
- :mod:`planner.sync.mirrors` — which events are mirrored, and what a mirror shows;
- :mod:`planner.sync.travel` — the "Travel" blocks before and after meetings in person;
- :mod:`planner.sync.plan` — what to create, update and delete in each target calendar;
- :mod:`planner.sync.memory` — what was written where, kept by each calendar's identity;
- :mod:`planner.sync.lock` — one run writes at a time;
- :mod:`planner.sync.run` — reading the calendars, applying a plan, ``--undo``.
"""
