"""Which views of ``planner week`` have where the counterparts live worked out early (a
second process while the plan is made, planner/judge/homes_many.begin): the JSON, which
names each counterpart's city; not the others, which name none."""

from __future__ import annotations

import pytest

from tests.cli.test_cli_book_phones import home, run  # noqa: F401  (the fixture)


@pytest.mark.parametrize(("fmt", "begun"), [("json", True), ("table", False), ("markdown", False)])
@pytest.mark.usefixtures("home")
def test_only_the_json_week_has_where_counterparts_live_begun_early(monkeypatch, fmt, begun):
    """The JSON names each counterpart's city: a week of thousands has them worked out by a
    second process while the plan is made (planner/judge/homes_many.begin); other views
    name none and must not pay for it."""
    from planner import api

    asked: list[bool] = []
    real = api.plan_week

    def plan_week(*args, **kwargs):
        asked.append(kwargs.get("cities", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "plan_week", plan_week)
    run("week", "--week", "next", "--format", fmt)
    assert asked == [begun]
