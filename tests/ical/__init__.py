"""Tests of the iCalendar conversion (planner.ical): parsing, real exports, the event index."""
