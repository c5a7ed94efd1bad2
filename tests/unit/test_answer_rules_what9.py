"""Generic what-question rules of the what9 round, each on a fixture written for it
(tests/fixtures/rules/what9-*): one test per rule, failing without the rule (the question
was answered by its whole sentence, or declined)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


def test_what_are_they_verbing_is_what_the_verb_s_noun_includes(engine: Engine) -> None:
    # "Their demands have included X": the noun of the question's verb, its possessive
    # standing for the protesters named in the sentence before.
    answer = engine.ask("What are the anti-tax protesters in Tessmark demanding?")
    assert detect_intent("What are the anti-tax protesters in Tessmark demanding?")[0] == "what"
    assert answer.answered
    assert answer.short.startswith("scrapping the harbour levy"), answer.short


def test_what_did_x_show_off_is_the_object_of_a_verb_of_the_same_act(engine: Engine) -> None:
    # "released X" answers "show off"; "unveiled the new products" only points back.
    answer = engine.ask("What did Orvel Works show off at the media event?")
    assert answer.answered
    assert answer.short.startswith("a new range of wooden puzzles"), answer.short


def test_what_was_on_the_ballot_is_what_the_elections_included(engine: Engine) -> None:
    answer = engine.ask("What was on the ballot in the Varrow council elections?")
    assert answer.answered
    assert answer.short.startswith("a vote for the town mayor"), answer.short


def test_a_what_clause_about_the_asked_act_names_the_answer(engine: Engine) -> None:
    # '"What will end the outbreak, ..., is X"': X, not the whole sentence.
    answer = engine.ask("What did Oda Renn say it will take to end the marsh fever outbreak?")
    assert answer.answered
    assert answer.short.startswith("careful tracing, clean water"), answer.short


def test_said_it_was_gives_what_the_question_asks_was(engine: Engine) -> None:
    answer = engine.ask("What did Bram Tolle say was the hardest part of the glider trial?")
    assert answer.answered
    assert answer.short == "night landing", answer.short


def test_the_sentence_after_a_count_lists_the_counted_things(engine: Engine) -> None:
    answer = engine.ask("What were the two motions passed against Ivo Stenn?")
    assert answer.answered
    assert "missing harbour funds" in answer.short and "resign" in answer.short, answer.short
    assert "passed two motions" not in answer.short, answer.short


def test_a_stranded_preposition_the_sentence_lacks_keeps_the_fallback(engine: Engine) -> None:
    # "What did Orvel Works release puzzles for, according to the firm?": "released a new range
    # of ..." has no "for" near the verb, so no object of the verb answers it.
    answer = engine.ask("What did Orvel Works release the puzzles for, according to the firm?")
    assert not answer.short.startswith("a new range"), answer.short


def test_what_did_the_deed_is_the_doer_after_by_in_a_passive(engine: Engine) -> None:
    # "What grievances sparked X?" over "X were sparked by anger over ...".
    answer = engine.ask("What grievances sparked many of the dock marches in Pellby?")
    assert answer.answered
    assert answer.short.startswith("anger over the new night shift rules"), answer.short


def test_what_x_confirmed_is_the_passive_subject_or_what_it_points_back_to(
    engine: Engine,
) -> None:
    # "The practice was confirmed by Edda Lunn": "the practice" points back to the sentence
    # before, which says what it is.
    answer = engine.ask("What did Edda Lunn confirm in her meeting with the fishermen's union?")
    assert answer.answered
    assert "not towing fishing boats" in answer.short, answer.short
    assert "confirmed by" not in answer.short, answer.short


def test_a_topic_question_no_topic_rule_answers_takes_its_verb_s_object(engine: Engine) -> None:
    # "What does ... cover?" is a topic question; "The purchase covers X": "purchase" right
    # after "The" is the subject, so "covers" is the verb and X its object.
    question = "What does the Brenna Lines purchase of the Osterby ferry service cover?"
    assert detect_intent(question)[0] == "topic"
    answer = engine.ask(question)
    assert answer.answered
    assert answer.short.startswith("four passenger boats"), answer.short


def test_among_the_asked_noun_inverted_with_be_names_the_answer(engine: Engine) -> None:
    answer = engine.ask("What issues did the Sarnby Green League raise with the foreign envoys?")
    assert answer.answered
    assert answer.short.startswith("plans in the assembly to close"), answer.short


def test_a_quotation_opened_inside_the_object_does_not_end_it(engine: Engine) -> None:
    answer = engine.ask("What did Ivar Selm receive for his rescue work?")
    assert answer.answered
    assert "Silver Anchor" in answer.short, answer.short


def test_what_x_said_someone_would_do_is_the_reported_verb_s_object(engine: Engine) -> None:
    question = "What did Tova Rask say the council would sell?"
    assert detect_intent(question)[0] == "what"
    answer = engine.ask(question)
    assert answer.answered
    assert answer.short.startswith("the old tram depot"), answer.short
