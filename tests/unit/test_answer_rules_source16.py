"""The source a question cites ("according to the Orvik history teacher Florence") is who
reports the answer: a town's name after a person noun is a person, and the words describing
the source are not the asked act's (fixture: tests/fixtures/rules/source16-*)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.models import EntityKind
from assistant.qa.questions import parse_question


def test_a_town_name_after_a_person_noun_is_a_person() -> None:
    frame = parse_question("Who won, according to the history teacher Florence?")
    assert [(m.text, m.kind) for m in frame.entities] == [("Florence", EntityKind.PERSON)]


def test_the_answer_comes_from_what_the_source_said(engine: Engine) -> None:
    answer = engine.ask(
        "Whom did Oren Marek call after the vote, according to the Orvik history teacher Florence?"
    )
    assert answer.answered and "Sorvik" in answer.short, answer.short


def test_the_words_describing_the_source_are_not_the_asked_acts(engine: Engine) -> None:
    from assistant.qa.answerer import Answerer

    answerer = Answerer.for_engine(engine)
    frame = parse_question(
        "Whom did Marek call after the vote, according to the Orvik history teacher Florence?"
    )
    _, weights = answerer._coverage_weights(frame)
    stems = {answerer.tokenizer.stem(w) for w in ("history", "teacher", "Orvik")}
    assert not stems & set(weights), weights
    assert answerer.tokenizer.stem("vote") in weights
