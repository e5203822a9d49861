"""planner: gets the important meetings back to the table.

The library API lives in :mod:`planner.api` (load a config, plan a week, classify events).
Importing this package stays cheap so that ``planner --help`` starts fast.
"""

__version__ = "0.1.0"
