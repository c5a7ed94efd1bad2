"""Why- and topic-answer rules, each on a fixture written for it (tests/fixtures/rules/why7-*):
one test per rule, failing without the rule."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


def test_a_participle_set_off_after_the_act_names_what_moved_it(engine: Engine) -> None:
    # ", attracted by low rents ...": why the suppliers came, not the "for a trade fair" after.
    answer = engine.ask("Why have gearbox suppliers opened plants in the Velmar valley?")
    assert answer.answered
    assert "low rents" in answer.short, answer.short


def test_the_real_goal_stated_in_the_next_sentence_as_a_gerund(engine: Engine) -> None:
    answer = engine.ask(
        "Why is Karsund tightening its rules on online forums, according to critics?"
    )
    assert answer.answered
    assert "muzzling critics" in answer.short, answer.short


def test_the_subject_of_a_decisive_factor_is_the_reason(engine: Engine) -> None:
    answer = engine.ask("Why did Norrvik Air choose the T9?")
    assert answer.answered
    assert "twelve extra seats" in answer.short, answer.short


def test_what_triggered_asks_for_the_subject_of_the_causing_verb(engine: Engine) -> None:
    answer = engine.ask("What may have triggered the Bramby depot fire?")
    assert answer.answered
    assert answer.short == "a faulty heater", answer.short


@pytest.mark.parametrize(
    "question",
    [
        "What may have triggered the fire at the depot?",
        "What could have caused the crash?",
        "What were the Orvik talks meant to do?",
        "What was the new rule designed to do?",
    ],
)
def test_cause_and_purpose_in_other_words_are_why(question: str) -> None:
    assert detect_intent(question)[0] == "why"


def test_urged_to_do_stays_topic() -> None:
    assert detect_intent("What did Orm urge the council to do?")[0] == "topic"


def test_a_when_right_after_the_act_says_what_set_it_off(engine: Engine) -> None:
    # The "in order to" inside the "when" clause is why the dockers should work longer, not
    # why the talks broke down; the "when" clause itself, hidden inside the "after" reason
    # before it, is.
    answer = engine.ask("Why did the cross-party talks on the harbour levy break down?")
    assert answer.answered
    assert "insisted" in answer.short, answer.short


def test_a_reason_inside_a_when_clause_explains_that_clause(engine: Engine) -> None:
    # "because of a storm" says why fewer markets were held, and "leading to low stocks" what
    # bulk caused: neither is why shoppers stocked up.
    answer = engine.ask("Why were shoppers in Vessmark stocking up on lamp oil?")
    assert answer.answered
    assert "fears of a long winter blackout" in answer.short, answer.short


def test_this_has_fuelled_points_to_the_sentence_before(engine: Engine) -> None:
    answer = engine.ask("Why have rumours of a Hollin handheld console grown?")
    assert answer.answered
    assert "buying the rights" in answer.short, answer.short


def test_saying_after_a_named_actor_gives_its_justification(engine: Engine) -> None:
    answer = engine.ask("Why has Skarn Lines put off its electric ferry design?")
    assert answer.answered
    assert "better battery technology" in answer.short, answer.short


def test_what_caused_asks_for_the_subject_of_led_to(engine: Engine) -> None:
    answer = engine.ask("What caused the strike at the Osk mill?")
    assert answer.answered
    assert "cut night pay" in answer.short, answer.short


def test_after_which_goes_on_with_the_story(engine: Engine) -> None:
    answer = engine.ask("Why did the porter on Kell Bridge carry an oar?")
    assert not answer.short.startswith("after which"), answer.short


def test_a_verb_of_the_same_act_answers_the_asked_verb(engine: Engine) -> None:
    # Asked with "unveil", reported with "announced".
    answer = engine.ask("What did Minister Halla Rusk say she would unveil at the spring council?")
    assert answer.answered
    assert "new river patrol plan" in answer.short, answer.short


@pytest.mark.parametrize(
    "question",
    [
        "What did the Iranian minister say he would unveil at the summit?",
        "What did the board announce on Monday?",
        "What did Orm propose?",
    ],
)
def test_announcing_and_proposing_are_topic(question: str) -> None:
    assert detect_intent(question)[0] == "topic"


def test_a_with_clause_after_the_act_gives_its_circumstance(engine: Engine) -> None:
    # The "to repair" inside it is why parts are bought, not why the fleet is ageing.
    answer = engine.ask("Why is Tessland's rail fleet ageing?")
    assert answer.answered
    assert "import ban" in answer.short, answer.short


def test_a_judgement_before_a_bare_for_is_part_of_the_reason(engine: Engine) -> None:
    answer = engine.ask(
        "Why, according to Vessa Krone, should foreign warships leave the Tarn strait?"
    )
    assert answer.answered
    assert "dangerous" in answer.short, answer.short


def test_a_top_priority_named_by_a_pronoun_is_what_the_sentence_before_puts_first(
    engine: Engine,
) -> None:
    assert detect_intent("What did Holm say would be a top priority in Varby?")[0] == "topic"
    answer = engine.ask("What did Ansa Holm say would be a top priority in Varby harbour?")
    assert answer.answered
    assert "clean water and shelter" in answer.short, answer.short


def test_a_fronted_as_clause_with_a_state_is_the_reason(engine: Engine) -> None:
    answer = engine.ask(
        "Why did the Orsund state pay another 9 million crowns to the Dunmore suppliers?"
    )
    assert answer.answered
    assert "bankrupt" in answer.short, answer.short


def test_help_in_doing_says_what_the_help_is_for(engine: Engine) -> None:
    answer = engine.ask("Why did the Lennart council ask the Orsund police for help?")
    assert answer.answered
    assert "tracing the callers" in answer.short, answer.short


def test_a_judged_act_after_it_would_have_been_is_no_purpose(engine: Engine) -> None:
    # "to develop flare technology" is what would have been costly, and "than to buy the
    # works" a comparison: the judgement is the reason.
    answer = engine.ask(
        "Why did the Orsund defence agency buy the Kalder shell works instead of developing "
        "flare technology at home?"
    )
    assert answer.answered
    assert "costly" in answer.short, answer.short


def test_what_a_death_came_from(engine: Engine) -> None:
    # "died at the age of 81" says when, not of what.
    answer = engine.ask("Why did Ivar Marten die?")
    assert answer.answered
    assert "stroke" in answer.short, answer.short


def test_a_reason_inside_an_appositive_with_its_own_speaker_explains_it(engine: Engine) -> None:
    # "because the barge rolled" is why the step was tricky, not why he landed.
    answer = engine.ask("Why did Sander Brekke land on a barge mid-sound?")
    assert answer.answered
    assert "refill the fuel tank" in answer.short, answer.short
