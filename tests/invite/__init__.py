"""Tests of invitations: iTIP, iMIP mail, the sent log (planner.invite)."""
