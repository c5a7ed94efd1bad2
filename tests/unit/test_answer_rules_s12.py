"""Rules added in session 12: the speaker of an interview's answer, named by her turn mark
(fixtures: tests/fixtures/rules/s12-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.answerer import Answerer
from assistant.qa.questions import parse_question


def test_i_in_an_interviews_answer_is_the_one_whose_turn_it_is(engine: Engine) -> None:
    # "And I founded ... in 2029" names no one; the turn mark "((Orla Vantreed))" before it does.
    answer = engine.ask("When did Orla Vantreed start Kessby Open Kitchens?")
    assert answer.answered, answer.answer
    assert "2029" in answer.short


def test_found_after_did_is_the_verb_of_founded(engine: Engine) -> None:
    # "found" is also the past of "find": both forms must meet "founded" in the story.
    answer = engine.ask("When did Orla Vantreed found the Kessby Tide Choir?")
    assert answer.answered, answer.answer
    assert "2031" in answer.short
    assert engine.ask("Who founded the Kessby Tide Choir?").short == "Orla Vantreed"


def test_a_year_before_another_noun_tells_which_thing_not_when(engine: Engine) -> None:
    # "the 2033 Tessel harbour vote" names the vote; "on Saturday" dates the rally.
    answer = engine.ask("When did harbour groups rally in Kessby to claim the vote was rigged?")
    assert "Saturday" in answer.short, answer.answer


def test_words_that_say_which_person_count_little_toward_coverage(engine: Engine) -> None:
    # "former Norvessan foreign minister" only says who Ivo Tessel is: a sentence that tells
    # where he died need not repeat it.
    answerer = Answerer.for_engine(engine)
    frame = parse_question(
        "Where did former Norvessan foreign minister Ivo Tessel die?", answerer.known_names()
    )
    _, weights = answerer._coverage_weights(frame)
    stem = answerer.tokenizer.stem
    assert weights[stem("die")] == answerer._idf(stem("die"))
    for word in ("former", "foreign", "minister"):
        assert weights[stem(word)] == pytest.approx(0.3 * answerer._idf(stem(word)))
    answer = engine.ask("Where did former Norvessan foreign minister Ivo Tessel die?")
    assert answer.short == "Kessby General Hospital", answer.answer


def test_a_place_inside_the_topic_is_no_setting_of_the_call(engine: Engine) -> None:
    # "about the bombing of Brask": Brask is what they talked about; the call was not there.
    answer = engine.ask(
        "Which leader did Ardelean speak with by phone on Friday about the bombing of Brask?"
    )
    assert answer.short == "Mirela Danek", answer.answer
    assert answer.answer.startswith("Ardelean met Mirela Danek"), answer.answer


def test_a_hyphened_surname_links_its_pronoun(engine: Engine) -> None:
    # "he" stands for "Seyed Ivo Orm-Dahlani"; the question drops "Seyed".
    answer = engine.ask("In which hospital did Ivo Orm-Dahlani die of influenza?")
    assert "Vellamo Marsh" in answer.short, answer.answer


def test_an_offices_place_in_a_title_answers_which_city(engine: Engine) -> None:
    # "ran for Mayor of Las Vegas": the city is in the title; Nevada is a state, no city.
    answer = engine.ask("In which city did Ivo Kellan run for mayor in 2031?")
    assert answer.short == "Las Vegas", answer.answer


def test_coverage_weights_follow_the_questions_word_order(engine: Engine) -> None:
    # They are summed in this order: a set's order changes with PYTHONHASHSEED, and with it
    # the last bit of a score that decided ties.
    answerer = Answerer.for_engine(engine)
    question = "Why did harbour groups rally in Kessby to claim the vote was rigged?"
    _, weights = answerer._coverage_weights(parse_question(question, answerer.known_names()))
    stem = answerer.tokenizer.stem
    order = [stem(w) for w in ("harbour", "groups", "rally", "claim", "vote", "rigged")]
    assert list(weights) == [s for s in order if s in weights]
    assert len(weights) >= 4


def test_a_participle_after_a_comma_takes_the_clauses_subject_and_its_doer(
    engine: Engine,
) -> None:
    # ", moderated by ... Bureau Chief Ana Holt": the debate was moderated, by the bureau's
    # chief, not by the bureau.
    answer = engine.ask(
        "Who moderated the only debate between Ivo Dahlberg and Lena Marsh?", explain=True
    )
    assert answer.short == "Ana Holt", answer.answer
    # As the doer of the asked verb, not only as a titled name the sentence happens to hold.
    assert any(line.strip().startswith("rule verb-argument:agent") for line in answer.explain)


def test_a_place_naming_which_thing_sets_no_meeting_there(engine: Engine) -> None:
    # "before the Marrowby truce was agreed": the truce is Marrowby's; the call was not
    # said to be there.
    answer = engine.ask(
        "With whom did envoy Ivo Renk speak by telephone before the Marrowby truce was agreed?"
    )
    assert answer.short == "Pavla Strom", answer.answer


def test_according_to_names_who_said_it(engine: Engine) -> None:
    # "According to Pell Varga ..., patrol boats have stopped ...": the story says it by its
    # source, not by the question's verb.
    answer = engine.ask("Who said patrol boats had stopped 340 trawlers in the strait?")
    assert answer.short == "Pell Varga", answer.answer


def test_a_person_in_a_relative_clause_need_not_be_in_the_answering_sentence(
    engine: Engine,
) -> None:
    # "the commutations that included Ivo Brask" says which commutations; the sentence that
    # dates them names only Senn.
    answer = engine.ask(
        "When did Otto Senn grant the pardons and commutations that included Ivo Brask?"
    )
    assert "Tuesday" in answer.short, answer.answer


def test_a_demonym_and_a_role_before_a_name_after_by_give_the_name(engine: Engine) -> None:
    # "made by Valdorian sculptor Mira Oskan": the name says who, not "Valdorian sculptor".
    answer = engine.ask("Which sculptor made the statue called Tidewatch?")
    assert answer.short == "Mira Oskan", answer.answer


def test_the_subject_reaches_across_a_long_body_name_and_its_initials(engine: Engine) -> None:
    # "Director Lena Vorst of the Orvik Institute of ... Studies (OIMTFS), announced".
    answer = engine.ask("Who announced that a trial of three fever drugs had been stopped early?")
    assert answer.short == "Lena Vorst", answer.answer


def test_a_name_before_a_kind_of_place_asks_where(engine: Engine) -> None:
    # "From which hub ...", "Which Ohio city ...": a name modifying the asked kind of
    # place, not a person asked for.
    assert engine.ask("From which hub will Orvik Ferries open new crossings?").short == "Kessby"
    assert engine.ask("Which Ohio city reduced its ferry stops from twelve to two?").short == (
        "Tarnby"
    )


def test_the_name_of_a_man_arrested_is_no_name_the_story_does_not_give(engine: Engine) -> None:
    # "the man arrested": a participle after the noun, like "the man who was arrested"; the
    # story never names him, and the police who arrested him are no answer.
    answer = engine.ask(
        "What is the name of the 41-year-old Ulmby man arrested over the bell theft?"
    )
    assert not answer.answered, answer.answer


def test_a_count_of_those_killed_does_not_answer_how_many_were_injured(engine: Engine) -> None:
    answer = engine.ask(
        "How many passengers were injured in the crush at the Orvik ferry terminal?"
    )
    assert not answer.answered, answer.answer
    answer = engine.ask("How many passengers were killed in the crush at the Orvik ferry terminal?")
    assert "48" in answer.short, answer.answer
