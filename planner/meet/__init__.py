"""Where and when to meet: free time across calendars, places and travel time (geocoding,
travel model), the venue catalog and its OpenStreetMap import, and the proposals that put a
meeting into a slot at a venue.

Imports the core and ``planner.ical``; never ``judge``, ``invite`` or the composition layer.
"""
