"""Topic and what-question rules of the topic12 round, each on a fixture written for it
(tests/fixtures/rules/topic12-*): the answer is the complement of the word the question asks
about, read off the sentence, not the whole sentence (or a decline)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_content_verb_is_answered_by_the_complement_of_its_subject_s_noun(
    engine: Engine,
) -> None:
    # "What does the plan involve?" over "has a costed harbour plan to X": X.
    answer = engine.ask("What does the Greenway party's harbour plan involve?")
    assert answer.answered
    assert answer.short.startswith("dredge the silted channel"), answer.short


def test_the_question_s_own_object_is_skipped_after_the_verb(engine: Engine) -> None:
    # "giving them permission ...": "them" is the guild the question names.
    answer = engine.ask("What did Ida Sorrel's letter give the Tarrow Rowing Guild?")
    assert answer.answered
    assert answer.short.startswith("permission to use the old boathouse"), answer.short


def test_allow_someone_to_do_is_answered_after_the_to(engine: Engine) -> None:
    # The question's verb is found though its subject is a long noun phrase ("a flood
    # emergency allow Varne to do").
    answer = engine.ask("What would a flood emergency allow Mayor Varne to do?")
    assert answer.answered
    assert answer.short.startswith("close the lower roads"), answer.short


def test_a_verb_of_the_same_act_answers_and_a_bare_noun_form_does_not(engine: Engine) -> None:
    # "checking" is answered by "monitor"; a range keeps its setting ("at the harbour mouth").
    answer = engine.ask("What are the pilot barges checking?")
    assert answer.answered
    assert answer.short.startswith("everything from how quickly the tide turns"), answer.short
    assert "the way the silt settles" in answer.short, answer.short


def test_a_hyphenated_pair_of_names_names_each_of_them(engine: Engine) -> None:
    answer = engine.ask("What does the Lund-Maw amendment propose?")
    assert answer.answered
    assert "cap harbour fees" in answer.short, answer.short


def test_the_theme_is_what_the_sentence_says_the_theme_is(engine: Engine) -> None:
    answer = engine.ask("What is the theme of the Brellmouth kite fair?")
    assert answer.answered
    assert answer.short == "Wind over Water", answer.short


def test_in_which_areas_is_the_object_of_the_verb_s_preposition(engine: Engine) -> None:
    # Asked with "in", written with "on".
    answer = engine.ask("In which areas did Edda Krell say Brellmouth and Tarrow would cooperate?")
    assert answer.answered
    assert answer.short.startswith("flood defences, ferry timetables"), answer.short


def test_a_counted_object_set_in_a_phrase_is_listed_by_the_next_sentence(engine: Engine) -> None:
    # "listed three complaints in its reply": how many, the next sentence what.
    answer = engine.ask("What complaints did the Brellmouth Anglers Club list in its reply?")
    assert answer.answered
    assert "mooring fees" in answer.short, answer.short


def test_what_would_the_noun_do_is_what_the_sentence_says_it_would_do(engine: Engine) -> None:
    answer = engine.ask("What would the Brellmouth harbour bylaw do?")
    assert answer.answered
    assert answer.short.startswith("effectively require every skipper"), answer.short
