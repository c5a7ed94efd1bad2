"""Why, topic and what rules of the why16 round, each on a fixture written for it
(tests/fixtures/rules/why16-*): what a speaker is quoted or reported saying is what she talked
about, the first person of a quotation is its speaker, a counted span is no reason, a noun of cause
before "was" introduces the reason, a claim made while acting is the doer's case, what an act will
let someone do is its purpose, "over" after the asked verb and its object gives the matter and a
"to" clause after any form of a verb of advising is no purpose."""

from __future__ import annotations

from assistant.engine import Engine


def test_what_a_speaker_said_in_a_quotation_is_what_she_talked_about(engine: Engine) -> None:
    answer = engine.ask("What did Talvi talk about in her speech on the quay?")
    assert answer.answered
    assert "our harbour will stay open" in answer.short, answer.short


def test_what_a_speaker_said_in_a_that_clause_answers_what_he_said(engine: Engine) -> None:
    answer = engine.ask("What did Talvi say in the radio interview?")
    assert answer.answered
    assert "mooring fees at the outer pier would rise" in answer.short, answer.short


def test_a_quotation_before_its_speaker_is_what_he_said(engine: Engine) -> None:
    answer = engine.ask("What did Oskel say in his televised address?")
    assert answer.answered
    assert "We will not close a single village school" in answer.short, answer.short


def test_the_first_person_of_a_quotation_is_its_speaker(engine: Engine) -> None:
    # '"I pledge that ...," Oskel told the assembly': Oskel pledged it.
    answer = engine.ask("What did Oskel pledge about the government?")
    assert answer.answered
    assert "publish every school contract" in answer.short, answer.short


def test_a_counted_span_after_for_is_no_reason(engine: Engine) -> None:
    # "had served the town for more than ninety years" says how long, not why it closed.
    answer = engine.ask("Why did the Harrow Lane bakery close?")
    assert "ninety years" not in answer.short, answer.short
    # Nor does "shuts after a century" in the headline.
    assert "century" not in answer.short, answer.short


def test_a_noun_of_cause_before_was_introduces_the_reason(engine: Engine) -> None:
    answer = engine.ask("What triggered the evacuation of Brisk?")
    assert answer.answered
    assert answer.short.startswith("a crack found in the wall of the Tollen dam"), answer.short


def test_a_claim_made_while_acting_is_the_doers_case(engine: Engine) -> None:
    # ", claiming them to be members of a banned reading circle": why police detained them.
    answer = engine.ask("Why did police in Varrow detain the four students?")
    assert answer.answered
    assert "members of a banned reading circle" in answer.short, answer.short


def test_what_an_act_will_let_someone_do_is_its_purpose(engine: Engine) -> None:
    # "the closure will allow engineers to replace the cables": why the bridge is closed.
    answer = engine.ask("What reason did Oran give for the closure of the Merrin bridge?")
    assert answer.answered
    assert "replace the rusted suspension cables" in answer.short, answer.short


def test_over_after_the_asked_verb_and_its_object_gives_the_matter(engine: Engine) -> None:
    # "investigating Senator Hallin over payments ...", not why the inquiry began.
    answer = engine.ask("Why are prosecutors in Caldera investigating Hallin?")
    assert answer.answered
    assert "payments made to a shipping firm" in answer.short, answer.short


def test_a_to_clause_after_advises_is_what_was_advised(engine: Engine) -> None:
    # "advises the minister to publish lower cost figures" is no aim of the postponement.
    answer = engine.ask("Why did the Lenmark transport ministry postpone the Skarre port tender?")
    assert "publish lower cost figures" not in answer.short, answer.short
