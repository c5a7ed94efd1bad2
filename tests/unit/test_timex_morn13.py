"""Parts of the day of writing ("this morning", "last night") are times of their own."""

from __future__ import annotations

import datetime as dt

from assistant.knowledge.timex import find_times


def test_this_morning_and_last_night_are_read_against_the_day_of_writing() -> None:
    found = find_times(
        "This morning the mayor resigned; the talks failed last night.", dt.date(2027, 5, 4)
    )
    assert [(t.kind, t.text, t.iso) for t in found] == [
        ("relative_day", "This morning", "2027-05-04"),
        ("relative_day", "last night", "2027-05-03"),
    ]


def test_the_last_night_of_an_event_is_no_night_before_writing() -> None:
    found = find_times("On the last night, the senator spoke.", dt.date(2027, 5, 4))
    assert found == []
