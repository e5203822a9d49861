"""Reading calendars: iCalendar text to :mod:`planner.model` events, time zones, the event index
and the opening of the configured sources.

Two levels live here. The conversion (``parsing``, ``ical``, ``zones``, ``index``) sits just
above the core, below the providers, which use it to turn iCalendar data into events; it imports
only the core. The opening of configured sources (``sources``, ``listing``) sits above the
providers and finds them through their registry. Nothing here imports ``judge``, ``meet``,
``invite`` or the composition layer.
"""
