"""Answers that are lists, or the other members of a group (tests/fixtures/rules/list13-*): a
plural question is answered by the whole coordinated list of the asked kind, minus the names the
question gives; a joint act's "with whom" by the others of its coordinated subject; a which-noun
question the intents missed by a name, never the whole sentence. One test per rule, failing
without it (the last ones guards)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.answer_rules import answer_rules


def test_a_plural_place_noun_takes_every_name_coordinated_after_it(engine: Engine) -> None:
    # "the northern islands of Vessa, Korra and Tillholm": three names, not the first.
    answer = engine.ask("Which northern islands did Hanne Qorvald visit?")
    assert answer.short == "Vessa, Korra and Tillholm", answer.short


def test_a_plural_in_ies_finds_its_heads_and_each_name_may_repeat_the_kind(
    engine: Engine,
) -> None:
    # "cities" asks for a "city"; "the capital Orvikstad and port city Brasko".
    answer = engine.ask("In which cities will Norrline first open its express coach route in July?")
    assert answer.short == "Orvikstad and Brasko", answer.short


def test_a_plural_who_question_takes_the_list_after_the_asked_noun(engine: Engine) -> None:
    # "led by hill clans, particularly the Harrow Fenn and Osk Tamber".
    answer = engine.ask("Which clans have led the quarry strike?")
    assert answer.short == "Harrow Fenn and Osk Tamber", answer.short


def test_names_the_entity_rules_missed_still_stand_in_the_list(engine: Engine) -> None:
    # "three falcons: Rusk, Vetta and Ombra" - only the first is read as a name.
    answer = engine.ask("Which falcons did the Kessel Raptor Lodge say it was home to?")
    assert answer.short == "Rusk, Vetta and Ombra", answer.short


def test_with_whom_of_a_joint_act_is_the_rest_of_its_coordinated_subject(engine: Engine) -> None:
    # "Tollan, Edo Mirel and singer/guitarist Ana Brask ... formed Glasswing".
    answer = engine.ask("With whom did Tollan form Glasswing in 1971?")
    assert answer.short == "Edo Mirel and Ana Brask", answer.short


def test_a_which_noun_question_opened_by_other_words_is_answered_by_a_name(
    engine: Engine,
) -> None:
    # Once the fallback, which answered with the whole sentence.
    answer = engine.ask(
        "With which neighbouring clan might the Velt herders eventually pool their resources?"
    )
    assert answer.short == "Marran Clan", answer.short


def test_a_demonym_before_a_noun_does_not_join_a_list(engine: Engine) -> None:
    # "Ardish firms including Tollvik Mining and Brennar Stone": "Ardish" is no member.
    answer = engine.ask("Which firms have announced plans to leave the hills?")
    assert answer.short == "Tollvik Mining and Brennar Stone", answer.short


def test_the_list_gap_takes_descriptors_but_no_verb_or_both() -> None:
    gap = answer_rules().list_gap
    text = "Holt, Mirel and drummer Ana Brask; Orvik and visited Tessa; Holt and both Mirel"
    assert gap.fullmatch(text, 4, 6)  # ", "
    assert gap.fullmatch(text, 11, 24)  # " and drummer "
    assert not gap.fullmatch(text, 40, 53)  # " and visited "
    assert not gap.fullmatch(text, 64, 74)  # " and both "


def test_a_preposition_before_where_still_asks_where() -> None:
    from assistant.qa.questions import detect_intent

    assert detect_intent("To where were the herders driving their goats?")[0] == "where"
    assert detect_intent("Off the coast of which island did the divers search?")[0] == "where"


def test_a_plural_after_capitalised_modifiers_asks_for_several() -> None:
    several = answer_rules().asks_several
    assert several.search("Which Ardish players scored early?")
    assert several.search("Which two clans led the strike?")
    assert not several.search("Which country hosts the talks?")
    assert not several.search("Who was the drummer?")
