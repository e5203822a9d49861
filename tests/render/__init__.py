"""Tests of output formats: HTML, also in a real headless Chromium (planner.render)."""
