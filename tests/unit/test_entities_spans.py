"""Entity kinds and spans of bodies: a kind noun beside the name, names joined by "and",
adjectives and ordinals opening a body's name, and possessives after a place cue."""

from __future__ import annotations

from assistant.knowledge.entities import EntityRecognizer
from assistant.models import EntityKind


def found(sentence: str) -> dict[str, tuple[EntityKind, str]]:
    return {(m.name or m.text): (m.kind, m.rule) for m in EntityRecognizer().mentions(sentence)}


def test_kind_noun_before_a_name_makes_it_a_body() -> None:
    got = found("The carrier began its review by hiring law firm Brannock Vale last spring.")
    assert got["Brannock Vale"][0] is EntityKind.ORGANISATION
    got = found("Speaking to newspaper Dawn of Kessavar, the driver said she was proud.")
    assert got["Dawn of Kessavar"][0] is EntityKind.ORGANISATION


def test_kind_noun_after_a_name_makes_it_a_body() -> None:
    got = found("The Orvane Courier newspaper reported the sale on Monday.")
    assert got["Orvane Courier"][0] is EntityKind.ORGANISATION
    got = found("The interview was first printed by Tallow magazine in May.")
    assert got["Tallow"][0] is EntityKind.ORGANISATION


def test_kind_noun_after_describes_when_a_name_follows_or_article_is_indefinite() -> None:
    got = found("Readers of a Brannock Vale newspaper wrote in.")
    assert got.get("Brannock Vale", (None, ""))[1] != "org-kind"
    got = found("The pact binds the Lumeric party Tarrow Union to the vote.")
    assert got.get("Lumeric", (None, ""))[1] != "org-kind"


def test_adjective_or_ordinal_opening_a_body_is_kept() -> None:
    assert "African Union" in found("Observers from the African Union arrived on Monday.")
    got = found("Lawyers appealed to the Second Circuit Court of Appeals, which paused it.")
    assert got["Second Circuit Court of Appeals"][0] is EntityKind.ORGANISATION


def test_names_sharing_one_head_after_the_are_one_name() -> None:
    got = found("He died at the Dorn Vale and Mirren Medical Center in Kessby on Friday.")
    assert got["Dorn Vale and Mirren Medical Center"][0] is EntityKind.PLACE
    got = found("Crews from the Kessa Fire and Rescue Service attended the blaze.")
    assert got["Kessa Fire and Rescue Service"][0] is EntityKind.ORGANISATION
    # Two bodies, each named whole, stay two.
    got = found("The Harbour Ministry and Transport Ministry said nothing.")
    assert "Transport Ministry" in got


def test_a_body_of_two_places_is_one_name() -> None:
    got = found("The militants of the Sacred Front of Jordan and the Levant claimed the attack.")
    assert got["Sacred Front of Jordan and the Levant"][0] is EntityKind.ORGANISATION


def test_a_possessive_after_the_is_no_place() -> None:
    got = found("He was a commander in the Varnath's long campaign against the army.")
    assert got["Varnath"][0] is not EntityKind.PLACE
