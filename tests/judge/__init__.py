"""Tests of judging meetings and people: mode, purpose, ledger, recommendations (planner.judge)."""
