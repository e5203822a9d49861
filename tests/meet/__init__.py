"""Tests of free time, places, venues, OSM import, proposals (planner.meet)."""
