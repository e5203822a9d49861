"""Tests of reading: iCalendar conversion, real exports, the event index (planner.calendar)."""
