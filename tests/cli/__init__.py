"""Tests of the planner command end to end (planner.cli)."""
