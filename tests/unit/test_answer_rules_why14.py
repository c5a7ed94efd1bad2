"""Why-answer rules of the why14 round, each on a fixture written for it
(tests/fixtures/rules/why14-*): a fronted participle of feeling, the condition an outcome turns
on (with "do so" read from the sentence before), the subject of a causative "make", and the aim
behind a thing done to its subject."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


def test_a_fronted_participle_of_feeling_names_the_cause(engine: Engine) -> None:
    # "Dismayed by the survey ..., the mayor ordered a review": the participle is why.
    answer = engine.ask("What prompted Ilsa Varnholt to order a review of blasting at Tessany?")
    assert answer.answered
    assert answer.short.startswith("Dismayed by the survey of damaged homes"), answer.short


def test_the_condition_of_a_possible_outcome_with_do_so_resolved(engine: Engine) -> None:
    # "If it does not do so by then, it will be obliged to suspend ...": the condition, with
    # "do so" read as the act the sentence before sets a deadline for.
    answer = engine.ask("Why might the Corvel Ferry Company be obliged to suspend the crossings?")
    assert answer.answered
    assert "secure a new loan" in answer.short, answer.short
    assert answer.short.lower().startswith("if it does not"), answer.short


def test_how_a_collapse_could_have_been_prevented_is_its_condition(engine: Engine) -> None:
    question = "How did Tomas Ruel say the Harbin dam collapse could have been prevented?"
    assert detect_intent(question)[0] == "why"
    answer = engine.ask(question)
    assert answer.answered
    assert "cleared the spillway" in answer.short, answer.short


def test_a_negated_outcome_gives_no_condition_of_the_asked_one(engine: Engine) -> None:
    # "the Lessing dam will not be drained if the rains stop" says nothing of why it might be.
    answer = engine.ask("Why might the Lessing dam be drained?")
    assert "rains stop" not in answer.short, answer.short


def test_what_would_make_asks_the_subject_of_make(engine: Engine) -> None:
    question = "What would make it harder for climbers to reach the summit of Mount Pelling?"
    assert detect_intent(question)[0] == "why"
    answer = engine.ask(question)
    assert answer.answered
    assert answer.short.startswith("the loose scree on the north ridge"), answer.short


def test_will_make_history_because_gives_the_reason(engine: Engine) -> None:
    question = "What will make this year's festival at the Pelling lodge historic?"
    assert detect_intent(question)[0] == "why"
    answer = engine.ask(question)
    assert answer.answered
    assert "two mountain rescue teams" in answer.short, answer.short


def test_what_caused_a_thing_done_may_be_its_doers_aim(engine: Engine) -> None:
    # "was diverted to Varn, so she could be treated": a diversion has a doer with an aim.
    answer = engine.ask("What caused the Orsay flight to be diverted to Varn?")
    assert answer.answered
    assert "so she could be treated in hospital" in answer.short, answer.short


def test_a_negated_clause_after_but_is_the_negated_asked_act(engine: Engine) -> None:
    # "served his full term, but did not seek reelection, citing ...": "not" as in the question
    # ties the clause after "but" to the asked act, though it says it in other words.
    answer = engine.ask("Why did Henrik Saltz not run for a second term as mayor of Dorval?")
    assert answer.answered
    assert "age and family concerns" in answer.short, answer.short


def test_what_a_speaker_claims_was_done_is_the_whole_claim(engine: Engine) -> None:
    # "claim the firm did wrong" asks with a bare "do": what the speaker claims is the answer.
    answer = engine.ask("What does Marrow Records claim Kestrel Labs did wrong?")
    assert answer.answered and not answer.fallback
    assert "breaks a licensing deal" in answer.short, answer.short
    assert not answer.short.startswith("Marrow"), answer.short
    assert len(answer.short.split()) <= 30, answer.short


def test_the_clause_before_a_result_so_is_the_cause(engine: Engine) -> None:
    # "feared a wave of forced selling so they closed the exchange": "so" and a past verb open
    # the result, and the clause before it is why.
    answer = engine.ask("Why did the regulators close the Velm exchange?")
    assert answer.answered
    assert "feared a wave of forced selling" in answer.short, answer.short
