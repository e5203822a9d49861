"""Tests of reading the configured calendars (planner.calendar): sources, listing, health."""
