"""Deciding about meetings and people: is an event a meeting, in which mode (in person,
virtual, hybrid, phone) and with which evidence, for which purpose; whom the user has met (the
contacts ledger); and which meetings should move to a table (recommendations).

Mostly pure functions over :mod:`planner.model` events and the config. Imports the core and
``planner.ical``; never ``meet``, ``invite``, the providers by name or the composition layer.
"""
