"""Built-in demo: a Munich-based consultant with a Google and an Outlook calendar.

Everything is generated relative to the Monday of the week shown, so ``planner week --demo``
always shows a full week with half a year of history behind it. Sample data only: the people,
companies and e-mail domains are invented (``.example`` domains).
"""

from __future__ import annotations

from planner.demo.persona import CONFIG, calendars

__all__ = ["CONFIG", "calendars"]
