"""``planner calendars``: which calendars each configured source can see.

One entry per configured source, in config order. A source that fails (wrong password, server
down, missing package) gives its error in place of a list; the others are still listed.
"""

from __future__ import annotations

from planner.config import Config
from planner.errors import PlannerError
from planner.model import Calendar
from providers.base import ProviderContext, create


def list_all(
    config: Config, context: ProviderContext
) -> list[tuple[str, list[Calendar] | PlannerError]]:
    """``(source name, its calendars or the error that prevented listing them)``."""
    result: list[tuple[str, list[Calendar] | PlannerError]] = []
    for source in config.calendars:
        try:
            provider = create(source, context)
            try:
                result.append((source.name, provider.list_calendars()))
            finally:
                provider.close()
        except PlannerError as exc:
            result.append((source.name, exc))
    return result
