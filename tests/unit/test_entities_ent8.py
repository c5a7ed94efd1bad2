"""Entity spans and kinds: a body's name going on through "for", particles inside names,
adjectives of origin, names set off by commas after a place, and title-case headlines."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from assistant.models import EntityKind


def found(sentence: str) -> dict[str, tuple[EntityKind, str]]:
    return {(m.name or m.text): (m.kind, m.rule) for m in EntityRecognizer().mentions(sentence)}


def test_a_body_name_goes_on_through_for_and_capitals() -> None:
    got = found("The Tessby Centre for Marine Surgery and Repair said it would close.")
    assert got["Tessby Centre for Marine Surgery and Repair"][0] is EntityKind.ORGANISATION
    got = found("Reporters from the Varnholt Institute for Coastal Journalism published it.")
    assert "Varnholt Institute for Coastal Journalism" in got
    assert "Coastal Journalism" not in got
    # Where a place's preposition governs it, the centre is where things happened.
    got = found("The contest was held at the Orvane Center for Neurosurgery in Tessby.")
    assert got["Orvane Center for Neurosurgery"][0] is EntityKind.PLACE


def test_for_does_not_join_a_body_or_a_place_of_its_own() -> None:
    got = found("The ministers met at the Skarn Harbour Hall for the Grain Council on Friday.")
    assert "Grain Council" in got
    got = found("He spoke at Velk University for Valdoria veterans on Monday.")
    assert "Velk University" in got


def test_a_centre_named_after_its_place_goes_on_through_for() -> None:
    got = found("The Port Avel Center for Investigative Reporting obtained the chats.")
    assert got["Port Avel Center for Investigative Reporting"][0] is EntityKind.ORGANISATION
    got = found("The Kessa Center for Farm Policy and Orvane Centre for Law objected.")
    assert "Kessa Center for Farm Policy" in got


def test_a_square_or_hall_for_someone_is_no_body() -> None:
    got = found("A vigil was held in Tessby Square for Ivo Dahl on Monday.")
    assert got["Ivo Dahl"][0] is EntityKind.PERSON


def test_particles_inside_a_name_belong_to_it() -> None:
    got = found("He met Anna van der Holt and Luis de la Varga in Tessby.")
    assert got["Anna van der Holt"][0] is EntityKind.PERSON
    assert got["Luis de la Varga"][0] is EntityKind.PERSON
    got = found("Kessa TV photojournalist Omar al-Haddad was killed in the blast.")
    assert got["Omar al-Haddad"][0] is EntityKind.PERSON


def test_a_joined_particle_name_without_a_person_cue_is_nobody() -> None:
    got = found("The clinic stood near the Bab al-Marrah border crossing.")
    assert got.get("Bab al-Marrah", (None, ""))[0] is not EntityKind.PERSON


def test_any_country_demonym_is_no_place() -> None:
    got = found("A trader in the Namibian capital, Windhoek, offered the ore.")
    assert "Namibian" not in got
    assert got["Windhoek"][0] is EntityKind.PLACE


def test_a_name_set_off_by_commas_after_a_place_is_a_place() -> None:
    got = found("The attack took place in Lindow, Harnshire, on Saturday.")
    assert got["Harnshire"][0] is EntityKind.PLACE
    got = found("Troops surrounded the provincial capital, Varnoz, last week.")
    assert got["Varnoz"][0] is EntityKind.PLACE
    # A speaker after a place, and a list of names, keep their kinds.
    assert found("In Lindow, Harnsby said the bridge was safe.")["Harnsby"][0] is (
        EntityKind.PERSON
    )
    got = found("Rebels fought against Valdoria, Harnsby, and Norvessa.")
    assert got.get("Harnsby", (None, ""))[1] != "place-apposition"


def test_a_title_case_headline_needs_the_body_for_a_cue_place() -> None:
    body = "Police fired teargas at protesting students near the Velk campus in Tessby."
    recognizer = EntityRecognizer()
    got = recognizer.mentions("Harbour Police Fire Teargas at Student Protesters", -1, body=body)
    assert "Student Protesters" not in {m.text for m in got}


def test_an_adjective_of_origin_stays_in_a_body_name() -> None:
    got = found("On Saturday, Tessby's Lumerian Harvest Party withdrew its candidate.")
    assert got["Lumerian Harvest Party"][0] is EntityKind.ORGANISATION


def test_lieutenant_and_administrator_are_titles() -> None:
    got = found("First Lieutenant Omar Tellas was captured on Tuesday.")
    assert got["Omar Tellas"][1] == "title+name"
    got = found("NASA Administrator Jim Vellard praised the crew.")
    assert got["Jim Vellard"][0] is EntityKind.PERSON


def test_a_name_with_a_joined_particle_answers_who(engine: Engine) -> None:
    answer = engine.ask("Which photojournalist was killed in the Harnby market blast?")
    assert answer.answered
    assert "Yusuf al-Qarrani" in answer.short


def test_a_centre_for_a_field_answers_where_whole(engine: Engine) -> None:
    answer = engine.ask("Where was the Quillen Surgical Olympiad held?")
    assert answer.answered
    assert "Velk Center for Neurosurgery" in answer.short


def test_a_storm_or_an_operation_is_no_person() -> None:
    got = found("Crews were still clearing debris left by Hurricane Orlena on Friday.")
    assert got.get("Hurricane Orlena", (None, ""))[0] is not EntityKind.PERSON
    got = found("The navy has been running Operation Tessel Shield since May.")
    assert got.get("Operation Tessel Shield", (None, ""))[0] is not EntityKind.PERSON


def test_one_word_after_and_ends_the_centre_name() -> None:
    got = found("Experts at the Tessby Centre for Internet and Society said so.")
    assert "Tessby Centre for Internet and Society" in got


def test_a_known_town_before_its_region_is_no_person() -> None:
    # The gazetteer knows Kenosha and Bethesda as towns; a lone name unknown in the story
    # before ", Wisconsin" is the town, while one before "said" stays the speaker.
    got = found("Officials said Kenosha, Wisconsin, had been calm overnight.")
    assert got["Kenosha"][0] is EntityKind.PLACE
    got = found("The storm hit Bethesda, which lost power overnight.")
    assert got["Bethesda"][0] is EntityKind.PLACE
    got = found("Asked about the fire, Kenosha said the crews had done well.")
    assert got["Kenosha"][0] is EntityKind.PERSON


def test_a_country_opening_a_run_leaves_the_person_after_it() -> None:
    got = found("He was received by Ambassador to the United States Ivo Dahlgren on Monday.")
    assert got["Ivo Dahlgren"][0] is EntityKind.PERSON
    got = found("Lawmakers met the President of the United Kingdom Pia Orvell yesterday.")
    assert got["Pia Orvell"][0] is EntityKind.PERSON
    # A body named after its country keeps the country in its name.
    got = found("The United States Federal Reserve cut its rate.")
    assert "United States Federal Reserve" in got
