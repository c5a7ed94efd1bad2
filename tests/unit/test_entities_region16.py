"""A name followed by the lower-case noun of an administrative region names that region."""

from __future__ import annotations

from assistant.knowledge.entities import EntityRecognizer
from assistant.models import EntityKind


def found(sentence: str) -> dict[str, tuple[EntityKind, str]]:
    return {(m.name or m.text): (m.kind, m.rule) for m in EntityRecognizer().mentions(sentence)}


def test_a_name_before_province_is_a_place() -> None:
    got = found("A truck bomb hit a base in the centre of Tessaria's Varun Kelday province.")
    assert got["Varun Kelday"][0] is EntityKind.PLACE


def test_a_name_before_a_regional_adjective_is_a_place() -> None:
    got = found("Ivo Dahl, of the Varun Kelday provincial council, counted the dead.")
    assert got["Varun Kelday"][0] is EntityKind.PLACE
    assert got["Ivo Dahl"][0] is EntityKind.PERSON


def test_a_known_person_before_such_a_noun_stays_a_person() -> None:
    got = found("Marta Sollen won the seat. Sollen district staff were pleased.")
    assert got["Marta Sollen"][0] is EntityKind.PERSON


def test_the_town_a_mayor_is_of_is_a_place() -> None:
    got = found("Ivo Dahl, separatist mayor of Velkorad in the east, held up a ballot.")
    assert got["Velkorad"][0] is EntityKind.PLACE
