"""Name boundaries and kinds: title chains before a name, names holding "of the", a function
word or a head noun written first, adjectives of origin after a region's part, a state's form,
a sentence's opening plural, and title-case headlines read against their body."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from assistant.models import EntityKind


def found(sentence: str) -> dict[str, tuple[EntityKind, str]]:
    return {(m.name or m.text): (m.kind, m.rule) for m in EntityRecognizer().mentions(sentence)}


def test_a_title_chain_ends_at_its_last_head_before_the_name() -> None:
    got = found("On Friday, Tessby Federal District Judge Mara Vellen sentenced the driver.")
    assert got["Mara Vellen"][0] is EntityKind.PERSON
    got = found('"It is over," Deputy Emergency Works Minister Ivo Dahl told reporters.')
    assert got["Ivo Dahl"][0] is EntityKind.PERSON


def test_a_site_named_with_of_the_stays_whole() -> None:
    got = found("The final was held in the Friends of the Tessby Revolution Memorial Hall.")
    assert got["Friends of the Tessby Revolution Memorial Hall"][0] is EntityKind.PLACE
    assert "Friends" not in got


def test_a_run_with_an_article_or_preposition_inside_is_no_person() -> None:
    got = found("Crowds joined the 2024 Free the Ferrymen rally in Kelso.")
    assert got["Free the Ferrymen"][0] is not EntityKind.PERSON


def test_a_region_part_before_a_demonym_is_an_adjective() -> None:
    got = found("Prices fell in South Asian markets on Monday.")
    assert "South Asian" not in got


def test_a_head_noun_written_first_makes_a_body() -> None:
    got = found("Ola Brenn told Agence Tessaire-Presse the family would not appeal.")
    assert got["Agence Tessaire-Presse"][0] is EntityKind.ORGANISATION
    assert got["Ola Brenn"][0] is EntityKind.PERSON


def test_a_state_form_before_of_and_a_country_names_the_country() -> None:
    got = found("Envoys of the Federal Republic of Valdoria arrived on Monday.")
    assert got["Valdoria"] == (EntityKind.COUNTRY, "state-form")
    got = found("The Football Federation of Valdoria fined the club.")
    assert all(kind is not EntityKind.COUNTRY for kind, _ in got.values())


def test_a_plural_opening_the_sentence_before_of_is_no_part_of_a_name() -> None:
    got = found("Hundreds of Kelso residents marched on Monday.")
    assert not any(name.startswith("Hundreds") for name in got)


def test_an_article_after_an_abbreviation_ends_no_name() -> None:
    got = found("The team flew to Kessa D.C. The six players rested.")
    assert not any(name.endswith("The") for name in got)


def test_a_headline_name_is_what_the_body_writes() -> None:
    body = "General Lena Marsh said voters should wait. Commander Badreddin was killed."
    recognizer = EntityRecognizer()
    got = recognizer.mentions("General Urges Voters Not to Rush Vote", -1, body=body)
    assert not any(m.kind is EntityKind.PERSON and m.name for m in got)
    got = EntityRecognizer().mentions("Top Militia Commander Badreddin Killed", -1, body=body)
    assert [m.name for m in got if m.kind is EntityKind.PERSON] == ["Badreddin"]


def test_a_common_word_as_surname_keeps_the_person(engine: Engine) -> None:
    answer = engine.ask("Who sentenced Ivo Alex Fields to life in prison?")
    assert answer.short == "Mara Vellen"


def test_the_asked_noun_may_open_a_body_name(engine: Engine) -> None:
    answer = engine.ask("Which news agency did court spokesman Ola Brenn speak to?")
    assert answer.short == "Agence Tessaire-Presse"
