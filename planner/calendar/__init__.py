"""Reading the configured calendars: opening each ``[[calendars]]`` source through the provider
registry, listing what each can see, and telling how each source is doing (its health).

It sits above ``providers`` and uses them only through their registry; the iCalendar conversion
they share lives below them in :mod:`planner.ical`. Nothing here imports ``judge``, ``meet``,
``invite`` or the flows.
"""
