"""Candidate names read from their structure: the members of one list share a kind, and
capitalised words joined by "for" or "of the" to a body's name open that name."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from assistant.models import EntityKind


def found(sentence: str) -> dict[str, tuple[EntityKind, str]]:
    return {(m.name or m.text): (m.kind, m.rule) for m in EntityRecognizer().mentions(sentence)}


def test_a_lone_word_listed_with_a_body_is_a_body() -> None:
    got = found("The cash will flow through VTX, Velmabank and Tarno Bank, all state run.")
    assert got["Velmabank"][0] is EntityKind.ORGANISATION
    got = found("It offered loans to Velmabank, Tarno Group and Kessabank.")
    # "to" alone made the first a place; the list says otherwise.
    assert got["Velmabank"][0] is EntityKind.ORGANISATION
    assert got["Kessabank"][0] is EntityKind.ORGANISATION


def test_a_lone_word_listed_with_a_full_name_is_a_person() -> None:
    got = found("Letters came from Ivo Dahl, Marek and Sollen.")
    assert got["Sollen"][0] is EntityKind.PERSON


def test_commas_without_and_make_no_list() -> None:
    got = found("In a statement posted to Pellnet, Ivo Dahl praised the loans.")
    assert got["Pellnet"][0] is EntityKind.PLACE


def test_members_sharing_a_head_noun_stay_adjectives() -> None:
    got = found("The Orsic and Velt Parties met on Monday.")
    assert got.get("Orsic", (None, ""))[1] != "coordinated-kind"


def test_words_before_for_and_a_body_open_its_name() -> None:
    got = found("Artists for Open Water Foundation, a Kelso-based charity, paid for it.")
    assert got["Artists for Open Water Foundation"][0] is EntityKind.ORGANISATION


def test_a_plural_before_of_the_and_a_body_opens_its_name() -> None:
    got = found("Nine so-called Keepers of the Harbour Trust took the stage.")
    assert got["Keepers of the Harbour Trust"][0] is EntityKind.ORGANISATION
    got = found("She was elected a Fellow of the Harbour Society in 1990.")
    assert "Fellow of the Harbour Society" not in got


def test_a_blog_names_a_body() -> None:
    got = found("In April, the technology blog Pellnet obtained a prototype.")
    assert got["Pellnet"][0] is EntityKind.ORGANISATION


def test_every_listed_lender_is_answered(engine: Engine) -> None:
    answer = engine.ask("To which lenders did the Orsk central bank offer emergency loans?")
    for name in ("Velmabank", "Tarno Group", "Kessabank"):
        assert name in answer.short


def test_a_lone_word_listed_with_a_known_place_is_a_place() -> None:
    got = found("Aid went to the governments of Canada and Tessvale (which it thanked) last year.")
    assert got["Tessvale"][0] is EntityKind.PLACE


def test_a_title_word_before_a_plural_body_head_is_no_person() -> None:
    got = found("Shares of General Airways fell on Monday.")
    assert got["General Airways"][0] is EntityKind.ORGANISATION
    got = found("Senator Church spoke on Monday.")
    assert got["Church"][0] is EntityKind.PERSON
