"""A title, "for" and a portfolio before a name: the name is the holder's, the portfolio part
of the title ("Minister of State for Europe Ivo Dahl")."""

from __future__ import annotations

from assistant.knowledge.entities import EntityRecognizer, Mention
from assistant.models import EntityKind


def people(sentence: str) -> list[Mention]:
    return [m for m in EntityRecognizer().mentions(sentence) if m.kind is EntityKind.PERSON]


def test_the_portfolio_is_part_of_the_title() -> None:
    (_, holder) = people("Minister of State for Harbours Ivo Dahl said the talks would go on.")
    assert (holder.name, holder.title) == ("Ivo Dahl", "Minister of State for Harbours")


def test_a_title_of_a_body_for_a_portfolio() -> None:
    found = people("Assistant Secretary of the Navy for Research Lena Marsh defended the deal.")
    assert [(m.name, m.title) for m in found if m.name] == [
        ("Lena Marsh", "Assistant Secretary of the Navy for Research")
    ]


def test_an_undersecretary_is_a_title() -> None:
    found = people("Undersecretary of State for Arms Control Ivo Dahl led the talks.")
    assert [m.name for m in found if m.name] == ["Ivo Dahl"]


def test_a_body_for_a_cause_keeps_its_name() -> None:
    found = EntityRecognizer().mentions("The Tessby Center for Coastal Studies said so.")
    assert [(m.kind, m.text) for m in found] == [
        (EntityKind.ORGANISATION, "Tessby Center for Coastal Studies")
    ]


def test_an_elect_title_is_a_title() -> None:
    found = people("The report was sent to President-elect Ivo Dahl on Monday.")
    assert [(m.name, m.title) for m in found] == [("Ivo Dahl", "President-elect")]


def test_a_demonym_after_the_article_describes_a_title() -> None:
    found = EntityRecognizer().mentions("The Estovian Prime Minister seemed to confirm that point.")
    assert [(m.kind, m.title, m.nationality, m.role_only) for m in found] == [
        (EntityKind.PERSON, "Prime Minister", "Estovia", True)
    ]
