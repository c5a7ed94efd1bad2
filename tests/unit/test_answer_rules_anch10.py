"""Sentence anchoring of the anch10 round, each on a fixture written for it
(tests/fixtures/rules/anch10-*): a sentence that names the question's person or body only by
"the <noun>", "it" or "they" is about them when they are the nearest fitting antecedent."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.knowledge.entities import Mention
from assistant.models import EntityKind
from assistant.qa.answerer import Answerer


def _mention(name: str, kind: EntityKind) -> Mention:
    return Mention(name, 0, len(name), kind, name.lower(), name)


def test_the_noun_stands_for_the_person_named_just_before(engine: Engine) -> None:
    # "Relatives of the boy attended the ceremony on the island of Gozo": the boy is the child
    # the sentence before names, so the island answers; the first sentence's coast does not.
    answer = engine.ask("On which island was the boat renamed after Tomas Vell?")
    assert answer.answered
    assert answer.short == "Gozo", answer.short


def test_it_goes_on_about_the_subject_before(engine: Engine) -> None:
    # "Pellland Air was founded ... It still flies to Lisbon ...": "it" cannot be a person, so
    # the name the question takes for one is the airline the pronoun continues.
    answer = engine.ask("Where does Pellland Air still fly?")
    assert answer.answered
    assert "Lisbon" in answer.short, answer.short


def test_a_person_named_in_the_same_sentence_is_not_the_antecedent(engine: Engine) -> None:
    # "Former Prime Minister Brede ... urging the Prime Minister to step down": the prime
    # minister is the one named before, not the former one beside the noun.
    answerer = Answerer.for_engine(engine)
    analysis = answerer.analyses.get(engine.articles["anch10-tarsk-loans"])
    urging = next(s for s in analysis.sentences if "urging" in s.text)
    tarsk = _mention("Lena Tarsk", EntityKind.PERSON)
    brede = _mention("Jorun Brede", EntityKind.PERSON)
    assert answerer._names_by_noun(analysis, urging, [tarsk])
    assert not answerer._names_by_noun(analysis, urging, [brede])


def test_an_expletive_it_refers_to_nothing(engine: Engine) -> None:
    answerer = Answerer.for_engine(engine)
    analysis = answerer.analyses.get(engine.articles["anch10-tarsk-loans"])
    fund = _mention("Harlow Fund", EntityKind.ORGANISATION)
    index = {s.text.split()[2]: s.index for s in analysis.sentences if s.text.startswith("It")}
    # "It is unclear whether ..." stands for no one; "It is closed ..." is the fund again,
    # through the pronoun chain over the expletive's sentence not being allowed.
    assert not answerer._pronoun_continues(analysis, index["unclear"], fund)
    row = [s.index == index["unclear"] - 1 for s in analysis.sentences]
    answerer._carry_to_references(analysis, fund, row)
    assert not row[index["unclear"]]


def test_a_noun_that_fits_any_body_stands_for_the_body_named_last(engine: Engine) -> None:
    # "... Kessby Holdings said ... In a filing ..., the firm said ...": the firm is Kessby; after
    # "Talks between Kessby Holdings and the Orlan Dealers Union", "the group" is the union.
    answerer = Answerer.for_engine(engine)
    analysis = answerer.analyses.get(engine.articles["anch10-kessby-dealers"])
    index = {s.text.split()[1]: s.index for s in analysis.sentences}
    kessby = _mention("Kessby", EntityKind.PERSON)
    union = _mention("Orlan Dealers Union", EntityKind.ORGANISATION)
    assert answerer._body_noun_refers(analysis, index["a"], kessby)
    assert not answerer._body_noun_refers(analysis, index["group"], kessby)
    assert answerer._body_noun_refers(analysis, index["group"], union)
