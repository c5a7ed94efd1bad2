"""Which time belongs to the asked event, and which places a plural question asks for
(tests/fixtures/rules/wt10-*): a time attached to the event's noun ("the conference on July 27",
"the April 30 trial"), a "when" clause after a time that restates the asked event, a time inside
what a saying verb reports without "that", a noun the question dates itself; the whole list of
places of the asked kind for "In which states ...?", and countries, not a region, for "Which
countries"; and no organisation site in "a response to Harbour League enlargement". One test per rule, failing
without it (and a guard: a "when" clause naming others)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.answer_rules import answer_rules


def test_a_time_after_the_asked_events_noun_dates_it(engine: Engine) -> None:
    # "for the conference on July 27" against a photo's "..., June 8, 2026."
    answer = engine.ask("When is the Unity Party conference in Tessaly scheduled?")
    assert "July 27" in answer.short, answer.short


def test_a_time_before_the_asked_events_noun_dates_it(engine: Engine) -> None:
    # "the April 30 trial" against "her lawyers said on Thursday".
    answer = engine.ask("When is Edda Harl's fraud trial?")
    assert "April 30" in answer.short, answer.short


def test_a_when_clause_in_the_questions_words_dates_the_asked_event(engine: Engine) -> None:
    # "on March 7, when the Greens hold a primary vote in Dunmere" against "the Liberals will
    # hold their Dunmere primary on March 14".
    answer = engine.ask("When will the Greens hold their Dunmere primary?")
    assert "March 7" in answer.short, answer.short


def test_a_when_clause_naming_others_does_not_date_the_asked_event(engine: Engine) -> None:
    answer = engine.ask("When will the Liberals hold their Dunmere primary?")
    assert "March 14" in answer.short, answer.short


def test_a_time_in_what_was_announced_does_not_date_the_announcement(engine: Engine) -> None:
    # "announced she had asked for ... resignation Tuesday night": no "that" before the clause.
    answer = engine.ask(
        "When did Sigrun Tollak announce that she had asked for Brenn's resignation?"
    )
    assert "Wednesday" in answer.short, answer.short


def test_the_complement_pattern_takes_a_clause_without_that() -> None:
    found = answer_rules().time_complement.search("the mayor announced he had asked for it")
    assert found is not None and found.group(1) == "announced"
    assert answer_rules().time_complement.search("the mayor announced new talks") is None


def test_a_noun_the_question_dates_itself_is_not_the_asked_event(engine: Engine) -> None:
    # "approve ... the April 2026 harbour deal": the deal is what the asked act is about, so
    # "The April 14 harbour deal" does not date the approval (as "the deal" alone would suggest).
    from assistant.qa.answer_text import Scored
    from assistant.qa.answerer import Answerer
    from assistant.qa.questions import parse_question

    answerer = Answerer.for_engine(engine)
    article = engine.article("wt10-quell-harbour-deal")
    info = answerer.analyses.get(article).sentences[0]

    def score(question: str) -> float:
        frame = parse_question(question, answerer.known_names())
        scored = Scored(article, info, 1.0, 1.0, 0)
        return next(c.score for c in answerer._when(frame, scored) if "April 14" in c.short)

    dated = score("By what date must the council approve the April 2026 harbour deal?")
    undated = score("By what date must the council approve the harbour deal?")
    assert dated < undated - 0.3, (dated, undated)


def test_a_plural_place_question_is_answered_by_the_whole_list(engine: Engine) -> None:
    # "in Colorado, Louisiana, and New Jersey" against "only in Colorado".
    answer = engine.ask("In which states has the Harbour Unity ticket qualified for the ballot?")
    assert answer.short == "Colorado, Louisiana and New Jersey", answer.short


def test_a_plural_country_question_asks_for_countries(engine: Engine) -> None:
    # "sails to Europe and to Norway": "Which countries" is not answered by a region.
    answer = engine.ask(
        "To which countries does the Orsk ferry line still sail despite the port tax?"
    )
    assert answer.short == "Norway", answer.short


def test_an_abbreviated_modifier_keeps_a_plural_place_question_a_where() -> None:
    from assistant.qa.questions import detect_intent

    assert detect_intent("To which U.S. cities did the Orsk ferry line open routes?")[0] == "where"


def test_a_name_before_a_nominalisation_is_no_site(engine: Engine) -> None:
    # "a response to Harbour League enlargement": "to" governs "enlargement", not a site.
    answer = engine.ask("Where in Tessa is the Orvian relief depot located?")
    assert answer.short == "Kessby", answer.short
