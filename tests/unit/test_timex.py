"""Time expressions: each kind is found in a sentence and resolved against the article's date."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.knowledge.timex import TimeMention, find_times, format_iso, resolve

# Tuesday 13 January 2026: the anchor for most cases below.
TUESDAY = dt.date(2026, 1, 13)
# Wednesday 4 March 2026.
WEDNESDAY = dt.date(2026, 3, 4)
# Wednesday 1 October 2025: an autumn anchor, so a summer month named alone is in the past.
WEDNESDAY_2025 = dt.date(2025, 10, 1)


def only(sentence: str, anchor: dt.date | None = TUESDAY) -> TimeMention:
    found = find_times(sentence, anchor)
    assert len(found) == 1, found
    return found[0]


# --- absolute dates -------------------------------------------------------------------------


def test_month_day_year() -> None:
    t = only("The leaders met on January 10, 2026 in Kelmora.")
    assert (t.text, t.kind, t.iso) == ("January 10, 2026", "weekday_date", "2026-01-10")


def test_month_day_without_year_takes_the_anchor_year() -> None:
    t = only("The leaders met on January 10 in Kelmora.")
    assert t.iso == "2026-01-10"


def test_day_month_order() -> None:
    t = only("The ferry sails on 20 January from Port Avel.")
    assert (t.text, t.kind, t.iso) == ("20 January", "day_month", "2026-01-20")


def test_day_month_with_ordinal_and_year() -> None:
    assert only("Talks opened on the 3rd of March, 2025.").iso == "2025-03-03"


def test_weekday_with_full_date_is_one_expression() -> None:
    t = only("The summit opens on Tuesday, March 4, 2026, in Halvik.")
    assert (t.text, t.iso) == ("Tuesday, March 4, 2026", "2026-03-04")


def test_abbreviated_month() -> None:
    assert only("The deal was signed on Sept. 9, 2025.").iso == "2025-09-09"


def test_iso_date_is_kept_as_written() -> None:
    t = only("The filing is dated 2025-10-30.")
    assert (t.text, t.kind, t.iso) == ("2025-10-30", "iso", "2025-10-30")


def test_offsets_point_into_the_sentence() -> None:
    sentence = "Officials said on January 10 that talks would resume."
    t = only(sentence)
    assert sentence[t.start : t.end] == "January 10"


# --- year rollover --------------------------------------------------------------------------


def test_december_date_in_a_january_article_is_last_year() -> None:
    assert only("The two met on December 30 in Vell.").iso == "2025-12-30"
    assert only("The two met on 30 December in Vell.").iso == "2025-12-30"


def test_january_date_in_a_december_article_is_next_year() -> None:
    anchor = dt.date(2025, 12, 20)
    assert only("The talks resume on January 5.", anchor).iso == "2026-01-05"


def test_nearby_month_stays_in_the_anchor_year() -> None:
    assert only("The talks resume on March 2.").iso == "2026-03-02"


# --- weekdays -------------------------------------------------------------------------------


def test_bare_weekday_on_the_anchor_day_is_that_day() -> None:
    t = only("The talks are set for Tuesday.")
    assert (t.kind, t.iso) == ("weekday", "2026-01-13")


@pytest.mark.parametrize(
    ("weekday", "iso"),
    [
        # A past-tense sentence points back: the latest such day on or before the article's date.
        ("Thursday", "2026-02-26"),
        ("Friday", "2026-02-27"),
        ("Saturday", "2026-02-28"),
        ("Sunday", "2026-03-01"),
        ("Monday", "2026-03-02"),
        ("Tuesday", "2026-03-03"),
    ],
)
def test_bare_weekday_in_the_past_tense_points_back(weekday: str, iso: str) -> None:
    assert only(f"The ministers met {weekday}.", WEDNESDAY).iso == iso


@pytest.mark.parametrize(
    ("weekday", "iso"),
    [
        # A future-tense sentence points ahead: the next such day on or after the article's date.
        ("Wednesday", "2026-03-04"),
        ("Thursday", "2026-03-05"),
        ("Monday", "2026-03-09"),
    ],
)
def test_bare_weekday_in_the_future_tense_points_ahead(weekday: str, iso: str) -> None:
    assert only(f"The ministers will meet {weekday}.", WEDNESDAY).iso == iso


def test_bare_weekday_without_a_tense_is_the_nearest_one() -> None:
    assert only("Summit talks: Thursday.", WEDNESDAY).iso == "2026-03-05"
    assert only("Summit talks: Monday.", WEDNESDAY).iso == "2026-03-02"


def test_on_weekday() -> None:
    t = only("Lee arrived on Friday.")
    assert (t.text, t.kind, t.iso) == ("on Friday", "relative_weekday", "2026-01-09")
    assert only("Lee will arrive on Friday.").iso == "2026-01-16"


def test_last_and_next_weekday() -> None:
    assert only("They spoke last Tuesday.").iso == "2026-01-06"
    assert only("They speak again next Tuesday.").iso == "2026-01-20"
    assert only("They met last Monday.").iso == "2026-01-12"


def test_next_weekday_later_this_week_is_the_coming_one() -> None:
    # The module's rule: "next" only skips a week when the day is today or already past.
    assert only("They meet next Thursday.").iso == "2026-01-15"


def test_weekday_with_part_of_day() -> None:
    t = only("The leaders tour the temple on Wednesday morning.")
    assert t.text == "on Wednesday morning"
    assert t.iso == "2026-01-14"
    bare = only("Wednesday morning brought rain.")
    assert (bare.text, bare.iso) == ("Wednesday morning", "2026-01-14")


# --- relative days, weeks, months and years -------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("yesterday", "2026-01-12"),
        ("today", "2026-01-13"),
        ("tonight", "2026-01-13"),
        ("tomorrow", "2026-01-14"),
        ("yesterday afternoon", "2026-01-12"),
    ],
)
def test_relative_day(phrase: str, iso: str) -> None:
    t = only(f"The minister spoke {phrase} in Kelmora.")
    assert (t.text, t.kind, t.iso) == (phrase, "relative_day", iso)


def test_next_and_last_week_resolve_to_their_monday() -> None:
    assert only("They meet again next week.").iso == "2026-01-19"
    assert only("They met last week.").iso == "2026-01-05"
    assert only("They meet this week.").iso == "2026-01-12"


def test_relative_month_and_year() -> None:
    assert only("Prices rose last month.").iso == "2025-12"
    assert only("Prices may fall next month.").iso == "2026-02"
    assert only("Elections are due next year.").iso == "2027"


def test_last_october_in_a_january_article_is_last_year() -> None:
    t = only("The pair first met last October.")
    assert (t.text, t.kind, t.iso) == ("last October", "relative_month", "2025-10")


def test_next_month_name() -> None:
    assert only("A second round is planned for next October.").iso == "2026-10"
    assert only("The treaty takes effect next March.").iso == "2026-03"


def test_month_and_year() -> None:
    t = only("The two first sat down together in October 2025 in Gyeongju.")
    assert (t.text, t.kind, t.iso) == ("October 2025", "month_year", "2025-10")


def test_month_after_preposition_keeps_only_the_month_words() -> None:
    t = only("The commission reports in September.")
    assert (t.text, t.kind, t.iso) == ("September", "month", "2026-09")


def test_year_after_preposition() -> None:
    t = only("The two first met in Vell in 2024.")
    assert (t.text, t.kind, t.iso) == ("2024", "year", "2024")


def test_bare_year() -> None:
    t = only("The 2011 flood closed the mine.")
    assert (t.kind, t.iso) == ("bare_year", "2011")


def test_clock_time_is_found_but_not_resolved() -> None:
    t = only("The talks began at 3 p.m.")
    assert (t.kind, t.iso) == ("clock", None)


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "iso"),
    [
        ("Yesterday, the dam burst.", "Yesterday", "relative_day", "2026-01-12"),
        ("Last week the mill closed.", "Last week", "relative_period", "2026-01-05"),
        ("On Monday the mill closed.", "Monday", "relative_weekday", "2026-01-12"),
        ("Two days ago the mill closed.", "Two days ago", "ago", "2026-01-11"),
        ("Late March is when the ice goes.", "Late March", "relative_month", "2026-03"),
        ("The drones struck at 4:00 A.M. local time.", "4:00 A.M.", "clock", None),
    ],
)
def test_a_capitalised_first_word_is_still_read(
    sentence: str, text: str, kind: str, iso: str | None
) -> None:
    # A sentence (or headline) opens with a capital: "Yesterday, ...", and wire copy writes
    # "A.M." in capitals.
    t = only(sentence)
    assert (t.text, t.kind, t.iso) == (text, kind, iso)


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "iso"),
    [
        (
            "In July, when the river rose, 4,600 people lived in the camp.",
            "July",
            "month",
            "2025-07",
        ),
        ("Since August, the mill has been shut.", "August", "month", "2025-08"),
        ("In 2019, the mill was sold.", "2019", "year", "2019"),
    ],
)
def test_a_preposition_opening_the_sentence_still_dates(
    sentence: str, text: str, kind: str, iso: str
) -> None:
    t = only(sentence, WEDNESDAY_2025)
    assert (t.text, t.kind, t.iso) == (text, kind, iso)


def test_a_plan_named_by_a_noun_is_no_future() -> None:
    # "announced his plan to choose": a past act; "They plan to" would be the future.
    past = only("In March, Vell announced his plan to choose a deputy.", dt.date(2020, 8, 12))
    assert past.iso == "2020-03"
    ahead = only("They plan to choose a deputy in March.", dt.date(2020, 8, 12))
    assert ahead.iso == "2021-03"


def test_a_capitalised_modal_is_still_no_month() -> None:
    assert find_times("This may take weeks.", TUESDAY) == []


def test_several_expressions_in_text_order() -> None:
    # The relative day is matched by a later pattern, yet comes first in the output.
    found = find_times("Lee arrived yesterday and leaves on Friday, 16 January 2026.", TUESDAY)
    assert [(t.text, t.iso) for t in found] == [
        ("yesterday", "2026-01-12"),
        ("Friday, 16 January 2026", "2026-01-16"),
    ]


def test_month_words_in_lower_case_are_not_times() -> None:
    assert find_times("Protesters may march through the square.", TUESDAY) == []


def test_capitalised_may_after_a_preposition_is_a_month() -> None:
    assert only("Officials said talks may resume in May.").iso == "2026-05"


def test_relative_expressions_need_an_anchor() -> None:
    assert only("They met yesterday.", None).iso is None
    assert only("They met on Friday.", None).iso is None
    # Absolute dates do not.
    assert only("They met on January 10, 2026.", None).iso == "2026-01-10"


def test_impossible_date_resolves_to_none() -> None:
    assert resolve("February 30, 2026", "weekday_date", TUESDAY) is None


# --- format_iso -----------------------------------------------------------------------------


def test_format_iso_day() -> None:
    assert format_iso("2026-01-13") == "13 January 2026"


def test_format_iso_month() -> None:
    assert format_iso("2025-10") == "October 2025"


def test_format_iso_year_and_empty() -> None:
    assert format_iso("2024") == "2024"
    assert format_iso(None) is None
    assert format_iso("") is None


def test_format_iso_invalid_date() -> None:
    assert format_iso("2026-02-30") is None


# --- known gaps (bug reports for the rules) -------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "iso"), [("late October", "2025-10"), ("early March", "2025-03")]
)
def test_early_and_late_month(phrase: str, iso: str) -> None:
    t = only(f"The pair met in {phrase}.")
    assert t.iso == iso


def test_days_ago_resolves_against_the_anchor() -> None:
    assert only("The two spoke three days ago.").iso == "2026-01-10"


def test_a_decade_is_a_time_with_no_single_date() -> None:
    t = only("She moved to Port Avel in the late 1990s to study law.")
    assert (t.text, t.kind, t.iso) == ("late 1990s", "decade", None)
    assert only("Trade grew through the 2010s.").text == "2010s"


def test_today_ending_a_name_is_no_day() -> None:
    # "USA Today", "Russia Today": a capitalised word before "Today" makes it a name's.
    assert find_times("USA Today noted the panel's scope.", TUESDAY) == []
    assert only("Today, the panel meets.").iso == "2026-01-13"


def test_the_next_morning_tells_no_future() -> None:
    # "tendered it the next morning" narrates; "Monday night" is the Monday before.
    found = find_times(
        "On Tuesday, Osk announced she had asked for his resignation Monday night, and that he "
        "tendered it the next morning.",
        dt.date(2036, 9, 12),
    )
    assert [(t.text, t.iso) for t in found] == [
        ("Tuesday", "2036-09-09"),
        ("Monday night", "2036-09-08"),
    ]
