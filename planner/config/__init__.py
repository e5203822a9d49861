"""The configuration: ``config.toml`` read and validated as a whole.

- :mod:`planner.config.schema`: the small declarative schema (a field's type, default, check)
  and :class:`SourceConfig`, the keys of one calendar as a provider receives them. Providers
  import only this module.
- :mod:`planner.config.sections`: every section's keys.
- :mod:`planner.config.loader`: :func:`load` and :func:`from_mapping`, which report every problem
  at once and warn about unknown keys.
"""

from planner.config.loader import (
    Config,
    SyncConfig,
    default_config,
    from_mapping,
    load,
    missing_config,
)
from planner.config.schema import SourceConfig
from planner.config.sections import CALENDAR_FIELDS, SECTIONS, SYNC_FIELDS, WEEKDAYS

__all__ = [
    "CALENDAR_FIELDS",
    "SECTIONS",
    "SYNC_FIELDS",
    "WEEKDAYS",
    "Config",
    "SourceConfig",
    "SyncConfig",
    "default_config",
    "from_mapping",
    "load",
    "missing_config",
]
