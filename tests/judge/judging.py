"""What the judge concludes about one event, for the judge's tests: meeting or not, mode and
purpose (against an empty ledger, as for someone never met)."""

from __future__ import annotations

from planner.config import Config
from planner.flows.plan import is_meeting
from planner.judge.directory import Directory
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.model import Event, Mode, Purpose


def judgement(item: Event, config: Config) -> tuple[bool, Mode, Purpose]:
    found = classify(item)
    purpose = determine_purpose(item, Ledger(Directory(config)), config, found.mode)
    return is_meeting(item, found, config), found.mode, purpose.purpose
