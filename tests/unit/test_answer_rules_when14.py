"""A time that dates the saying of a plan does not date the plan (fixtures:
tests/fixtures/rules/when14-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_day_something_was_said_to_come_is_not_when_it_comes(engine: Engine) -> None:
    # "On Wednesday, the group said it will hand out filters": Wednesday is the day of saying.
    answer = engine.ask("When will the Tessel Red Cross begin handing out water filters in Brenn?")
    assert "Wednesday" not in answer.short, answer.short
    assert answer.answered and "mid-October" in answer.short, answer.short


def test_a_hyphenated_mid_month_is_a_time() -> None:
    import datetime as dt

    from assistant.knowledge.timex import find_times

    found = [(t.kind, t.text) for t in find_times("from mid-October on", dt.date(2027, 6, 9))]
    assert found == [("relative_month", "mid-October")]
