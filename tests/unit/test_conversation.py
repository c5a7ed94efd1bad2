"""Follow-up questions through a Conversation: 'Where?', 'And why?', 'What about Y?'."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.engine import Engine
from assistant.models import Answer
from assistant.qa.conversation import Conversation

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "qa"
KELMORA = "q1-kelmora-rail-summit"
PORT_ITHEN = "q2-port-ithen-fisheries"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    cache = tmp_path_factory.mktemp("cache")
    return Engine.open(Settings(corpus=[FIXTURES], cache_dir=cache), progress=False)


def cited(answer: Answer) -> set[str]:
    return {c.article_id for c in answer.citations}


def test_who_then_where_then_why_then_what_about(engine: Engine) -> None:
    talk = Conversation()
    who = engine.ask("Who did Maelund meet?", talk)
    assert who.short == "Irena Tallis"

    where = engine.ask("Where?", talk)
    assert where.intent == "where"
    assert where.answered
    assert where.short == "Sorrel Palace"
    assert cited(where) == {KELMORA}

    why = engine.ask("And why?", talk)
    assert why.intent == "why"
    assert why.short.startswith("to restore the freight rail corridor")
    assert cited(why) == {KELMORA}

    # The same question (why) about someone else.
    other = engine.ask("What about Brandt?", talk)
    assert other.intent == "why"
    assert other.short.startswith("because herring catches")
    assert cited(other) == {PORT_ITHEN}
    assert other.facts["subject"] == "Brandt"


def test_when_follow_up(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("Who did Brandt visit?", talk)
    when = engine.ask("When?", talk)
    assert when.intent == "when"
    assert when.short == "on Tuesday, 2 June 2026"


def test_follow_up_subject_comes_from_the_context(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("Who did Brandt visit?", talk)
    where = engine.ask("Where?", talk)
    assert where.short == "Port Ithen"
    assert "Brandt" in where.facts["subject"]


def test_follow_up_question_text_carries_the_inherited_names(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("Who did Maelund meet?", talk)
    where = engine.ask("Where?", talk, explain=True)
    assert where.question.startswith("Where?")
    assert "Maelund" in where.question
    assert "follow-up of: 'Who did Maelund meet?'" in where.explain


def test_follow_up_without_context_is_declined(engine: Engine) -> None:
    answer = engine.ask("Where?", Conversation())
    assert not answer.answered


def test_follow_up_without_a_conversation_is_declined(engine: Engine) -> None:
    assert not engine.ask("And why?").answered


def test_new_full_question_starts_afresh(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("Who did Maelund meet?", talk)
    answer = engine.ask("Who did Brandt visit?", talk)
    assert answer.short == "Jorun Hale"
    assert cited(answer) == {PORT_ITHEN}


def test_conversation_remembers_each_turn(engine: Engine) -> None:
    talk = Conversation()
    assert talk.last is None
    first = engine.ask("Who did Maelund meet?", talk)
    second = engine.ask("Where?", talk)
    assert [turn.question for turn in talk.turns] == ["Who did Maelund meet?", "Where?"]
    assert talk.turns[0].answer is first
    assert talk.last is not None and talk.last.answer is second
    # The analysed question is kept for the next follow-up.
    assert talk.turns[0].frame.intent == "who_met"
    talk.clear()
    assert talk.turns == [] and talk.last is None


def test_follow_ups_are_deterministic(engine: Engine) -> None:
    def run() -> list[str]:
        talk = Conversation()
        return [
            engine.ask(q, talk).model_dump_json()
            for q in ["Who did Maelund meet?", "Where?", "And why?", "What about Brandt?"]
        ]

    assert run() == run()


def test_declined_turn_is_remembered_too(engine: Engine) -> None:
    talk = Conversation()
    answer = engine.ask("Where did Quell meet Tallis?", talk)
    assert not answer.answered
    assert talk.last is not None and talk.last.answer is answer


def test_bare_why_after_a_who_met_answer_asks_about_that_meeting(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The brief's own exchange over the bundled corpus. The who-met answer comes from a
    sentence rule (no meeting record, so no participants in its facts): the person it names and
    the last question's words still carry over to "Why?"."""
    bundled = FIXTURES.parent.parent.parent / "corpus"
    cache = tmp_path_factory.mktemp("bundled-conversation")
    engine = Engine.open(Settings(corpus=[bundled], cache_dir=cache), progress=False)
    talk = Conversation()
    who = engine.ask("Who did Lee meet in Nara?", talk)
    # The whole name: "did" alone does not make the previewed summit a meeting of the past.
    assert who.answered and who.short == "Sanae Takaichi", who.short
    why = engine.ask("Why?", talk)
    assert why.intent == "why"
    assert why.answered, why.answer
    assert "trust" in why.short
    assert "a01-nara-summit" in cited(why)
    where = engine.ask("Where?", Conversation())  # no context: nothing to resolve against
    assert not where.answered


def test_a_pronoun_for_a_person_is_a_follow_up_though_a_place_is_named(engine: Engine) -> None:
    # "he" names no one: the person comes from the last turn, the place is the question's own.
    talk = Conversation()
    engine.ask("Who did Maelund meet?", talk)
    why = engine.ask("Why did he go to Kelmora?", talk)
    assert why.answered
    assert "Maelund" in why.facts.get("subject", ""), why.facts
    assert cited(why) == {KELMORA}


def test_the_bundled_summit_where_follow_up(tmp_path: Path) -> None:
    # The README's first exchange over corpus/: "Where?" after "Who did Lee meet in Nara?" is
    # the summit's place, not the air base the president's plane leaves from.
    corpus = Path(__file__).resolve().parent.parent.parent / "corpus"
    engine = Engine.open(Settings(corpus=[corpus], cache_dir=tmp_path), progress=False)
    talk = Conversation()
    assert engine.ask("Who did Lee meet in Nara?", talk).short == "Sanae Takaichi"
    where = engine.ask("Where?", talk)
    assert where.answered and where.short == "Nara Prefecture", where.short
