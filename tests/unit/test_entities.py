"""Rule-based entity recognition: titles, organisations, countries, places, linking, questions."""

from __future__ import annotations

import pytest

from assistant.knowledge.entities import (
    EntityRecognizer,
    Mention,
    collect_proper_words,
    link_references,
)
from assistant.models import EntityKind


def mentions(sentence: str, recognizer: EntityRecognizer | None = None) -> list[Mention]:
    return (recognizer or EntityRecognizer()).mentions(sentence)


def one(sentence: str, text: str, recognizer: EntityRecognizer | None = None) -> Mention:
    """The mention whose name is `text`; fails when there is none or more than one."""
    found = [m for m in mentions(sentence, recognizer) if (m.name or m.text) == text]
    assert len(found) == 1, [(m.name, m.kind.value, m.rule) for m in mentions(sentence)]
    return found[0]


def names(sentence: str, recognizer: EntityRecognizer | None = None) -> list[tuple[str, str]]:
    return [(m.name or m.text, m.kind.value) for m in mentions(sentence, recognizer)]


# --- people and titles ----------------------------------------------------------------------


def test_nationality_title_and_name_are_split() -> None:
    sentence = "Japanese Prime Minister Sanae Takaichi welcomed the delegation."
    m = one(sentence, "Sanae Takaichi")
    assert m.kind is EntityKind.PERSON
    assert m.title == "Prime Minister"
    assert m.nationality == "Japan"
    assert m.rule == "title+name"
    # The nationality adjective is not part of the mention's text.
    assert sentence[m.start : m.end] == "Prime Minister Sanae Takaichi"


def test_invented_demonym_from_the_lexicon() -> None:
    m = one("Estovian Chancellor Mirela Danek arrived on Monday.", "Mirela Danek")
    assert (m.title, m.nationality) == ("Chancellor", "Estovia")


def test_title_with_of_phrase() -> None:
    m = one("Secretary of State John Kerry arrived in Cairo.", "John Kerry")
    assert m.kind is EntityKind.PERSON
    assert m.title == "Secretary of State"


def test_two_titled_people_in_one_sentence() -> None:
    found = mentions("Foreign Minister Ilse Moravec met Trade Minister Jonas Eklind.")
    assert [(m.name, m.title) for m in found] == [
        ("Ilse Moravec", "Foreign Minister"),
        ("Jonas Eklind", "Trade Minister"),
    ]


def test_title_alone_is_a_role_not_a_person() -> None:
    found = mentions("The Prime Minister arrived late.")
    assert [(m.kind, m.name, m.title, m.rule, m.role_only) for m in found] == [
        (EntityKind.PERSON, "", "Prime Minister", "title-only", True)
    ]


def test_two_capitalised_words_without_a_cue_are_a_person() -> None:
    m = one("Petra Nolan doubted the figures.", "Petra Nolan")
    assert (m.kind, m.rule) == (EntityKind.PERSON, "name-shape")


def test_hyphenated_surname_stays_one_person() -> None:
    m = one("Katrin Voss-Aalen spoke first.", "Katrin Voss-Aalen")
    assert m.kind is EntityKind.PERSON


def test_headline_words_are_not_a_person() -> None:
    assert not [n for n, k in names("Peace Process Report Delayed Again") if k == "person"]


# --- organisations --------------------------------------------------------------------------


def test_organisation_suffixes() -> None:
    found = names(
        "Officials from the Brenmoor Shipping Company and the Valdorian Farmers Union attended."
    )
    assert ("Brenmoor Shipping Company", "organisation") in found
    assert ("Valdorian Farmers Union", "organisation") in found


def test_acronyms_are_organisations() -> None:
    assert names("APEC leaders praised NATO.") == [
        ("APEC", "organisation"),
        ("NATO", "organisation"),
    ]


def test_acronym_led_name_is_one_organisation() -> None:
    m = one("UNESCO World Heritage officials inspected the site.", "UNESCO World Heritage")
    assert (m.kind, m.rule) == (EntityKind.ORGANISATION, "acronym-led")


def test_stoplisted_acronyms_are_not_organisations() -> None:
    assert names("TV crews waited outside.") == []


def test_leading_the_is_dropped_from_an_organisation_name() -> None:
    m = one("The Aramont Institute published the study.", "Aramont Institute")
    assert m.kind is EntityKind.ORGANISATION


# --- countries and places -------------------------------------------------------------------


def test_gazetteer_countries() -> None:
    assert names("The ministers flew from Egypt to Turkey and Jordan.") == [
        ("Egypt", "country"),
        ("Turkey", "country"),
        ("Jordan", "country"),
    ]


def test_country_aliases_from_the_lexicon() -> None:
    assert names("Valdoria and Norvessa signed a deal.") == [
        ("Valdoria", "country"),
        ("Norvessa", "country"),
    ]


def test_multi_word_country() -> None:
    assert names("South Korea restricts seafood imports.") == [("South Korea", "country")]


def test_large_gazetteer_city_needs_no_cue() -> None:
    m = one("Osaka is the region's largest city.", "Osaka")
    assert (m.kind, m.rule) == (EntityKind.PLACE, "gazetteer-place")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("They toured Horyuji Temple before lunch.", "Horyuji Temple"),
        ("The plane left from Kessler Air Base.", "Kessler Air Base"),
        ("Dinner was served at the Amber Palace.", "Amber Palace"),
        ("Guests gathered in the Brenn Square.", "Brenn Square"),
    ],
)
def test_place_suffixes(sentence: str, place: str) -> None:
    m = one(sentence, place)
    assert (m.kind, m.rule) == (EntityKind.PLACE, "place-suffix")


def test_place_prefix() -> None:
    m = one("The ferry left Port Avel at dawn.", "Port Avel")
    assert (m.kind, m.rule) == (EntityKind.PLACE, "place-prefix")


@pytest.mark.parametrize("cue", ["in", "at", "near"])
def test_unknown_word_after_a_place_cue_is_a_place(cue: str) -> None:
    m = one(f"Farmers gathered {cue} Kelmora to protest.", "Kelmora")
    assert (m.kind, m.rule) == (EntityKind.PLACE, f"cue-{cue}")


def test_unknown_word_without_a_cue_is_not_a_place() -> None:
    assert names("Kelmora grew quickly after the war.") == []


def test_possessive_splits_two_places() -> None:
    found = names("Leaders met in Japan's Nara Prefecture.")
    assert ("Japan", "country") in found
    assert ("Nara Prefecture", "place") in found


# --- splitting spans ------------------------------------------------------------------------


def test_person_of_organisation_is_split() -> None:
    assert names("Anika Voll of Brandis Capital said prices would rise.") == [
        ("Anika Voll", "person"),
        ("Brandis Capital", "organisation"),
    ]


def test_title_of_place_is_not_split() -> None:
    # "Minister of Finance" belongs to the title; the person is the name after it.
    m = one("Minister of Finance Lars Brekke resigned.", "Lars Brekke")
    assert m.title == "Minister of Finance"


def test_hyphenated_country_pair_is_two_countries() -> None:
    assert names("South Korea-Japan relations have improved.") == [
        ("South Korea", "country"),
        ("Japan", "country"),
    ]
    assert names("Libya-Turkey talks resumed.") == [("Libya", "country"), ("Turkey", "country")]


def test_names_joined_by_and_are_two_people() -> None:
    found = names("Foreign Minister Ilse Moravec and Trade Minister Jonas Eklind spoke.")
    assert found == [("Ilse Moravec", "person"), ("Jonas Eklind", "person")]


# --- within-article linking -----------------------------------------------------------------


def test_surname_links_to_the_full_name_seen_earlier() -> None:
    recognizer = EntityRecognizer()
    mentions("Valdorian President Tomas Ardelean arrived in Halvik.", recognizer)
    m = one("Ardelean met reporters at the airport.", "Tomas Ardelean", recognizer)
    assert m.rule == "surname-link"
    assert m.key == "tomas ardelean"
    # The title and nationality come along with the link.
    assert (m.title, m.nationality) == ("President", "Valdoria")


def test_first_name_links_too() -> None:
    recognizer = EntityRecognizer()
    mentions("Estovian Chancellor Mirela Danek arrived on Monday.", recognizer)
    assert one("Mirela spoke first.", "Mirela Danek", recognizer).rule == "surname-link"


def test_title_reference_resolves_to_the_titled_person() -> None:
    recognizer = EntityRecognizer()
    mentions("Estovian Chancellor Mirela Danek arrived on Monday.", recognizer)
    mentions("Trade Minister Jonas Eklind met her at the airport.", recognizer)
    refs = link_references("The chancellor said the visit was useful.", recognizer, 2)
    assert [(r.text, r.name, r.rule) for r in refs] == [
        ("The chancellor", "Mirela Danek", "title-reference")
    ]


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Tarnby Coastguard Constable Ivo Dahl said the pier was closed.", "Ivo Dahl",
         "Tarnby Coastguard Constable"),
        ("U.N. Refugee Commissioner Lena Marsh says she is appalled.", "Lena Marsh",
         "U.N. Refugee Commissioner"),
        ("Varnholt Fisheries Minister Arvid Tor Holm said nine people died.", "Arvid Tor Holm",
         "Varnholt Fisheries Minister"),
    ],
)  # fmt: skip
def test_a_body_or_field_before_the_title_belongs_to_the_title(
    sentence: str, name: str, title: str
) -> None:
    m = one(sentence, name)
    assert m.kind is EntityKind.PERSON
    assert m.title == title


def test_a_bare_title_reference_prefers_the_bare_title() -> None:
    # "the president" is the head of state, not the president of the dockers' union (NDLU)
    # named after her.
    recognizer = EntityRecognizer()
    mentions("President Mirela Danek hosted the meeting.", recognizer)
    mentions("Guests included NDLU President Ivo Brand and two mayors.", recognizer)
    refs = link_references("The president said the talks were useful.", recognizer, 2)
    assert [r.name for r in refs if r.rule == "title-reference"] == ["Mirela Danek"]


def test_prime_minister_reference() -> None:
    recognizer = EntityRecognizer()
    mentions("Japanese Prime Minister Sanae Takaichi welcomed the delegation.", recognizer)
    mentions("Foreign Minister Ilse Moravec arrived later.", recognizer)
    refs = link_references("Lunch was hosted by the prime minister.", recognizer, 2)
    assert [r.name for r in refs if r.rule == "title-reference"] == ["Sanae Takaichi"]


def test_pronoun_resolves_to_the_last_person() -> None:
    recognizer = EntityRecognizer()
    mentions("Estovian Chancellor Mirela Danek arrived on Monday.", recognizer)
    mentions("Valdorian President Tomas Ardelean arrived on Tuesday.", recognizer)
    refs = link_references("He said the talks would be short.", recognizer, 2)
    assert [(r.text, r.name, r.rule) for r in refs] == [("He", "Tomas Ardelean", "pronoun")]


def test_no_reference_without_an_earlier_person() -> None:
    assert link_references("He said the president was tired.", EntityRecognizer(), 0) == []


# --- questions ------------------------------------------------------------------------------


def test_lone_capitalised_word_is_a_name_in_question_mode() -> None:
    m = one("Where did Danek go", "Danek", EntityRecognizer(question_mode=True))
    assert (m.kind, m.rule) == (EntityKind.PERSON, "lone-name")


def test_lone_capitalised_word_is_not_a_name_in_article_mode() -> None:
    assert names("Where did Danek go") == []


def test_lone_word_before_a_speech_verb_is_a_name_in_articles() -> None:
    m = one("Separately, Moravec said the memorandum was ready.", "Moravec")
    assert (m.kind, m.rule) == (EntityKind.PERSON, "lone-name")


def test_sentence_opening_adverb_is_not_a_name() -> None:
    assert names("Separately, prices fell.") == []


# --- collect_proper_words -------------------------------------------------------------------


def test_proper_words_are_words_capitalised_mid_sentence() -> None:
    texts = [
        "The talks in Halvik were long. Officials said Halvik would host again.",
        "Farmers near Halvik agreed, and the market was calm.",
    ]
    proper = collect_proper_words(texts)
    assert proper["halvik"] == "Halvik"
    # Lower-case words and capitals that only open sentences are not proper words.
    assert "market" not in proper
    assert "officials" not in proper
    assert "farmers" not in proper


def test_proper_words_need_most_uses_capitalised() -> None:
    texts = ["The Storm came in. Then a storm hit, and a storm passed, and the storm ended."]
    assert "storm" not in collect_proper_words(texts)


def test_proper_words_keep_the_usual_spelling() -> None:
    texts = ["Talks with McAllister ended, and McAllister left; later McALLISTER returned."]
    assert collect_proper_words(texts)["mcallister"] == "McAllister"


# --- known gaps (bug reports for the rules) -------------------------------------------------


def test_hyphenated_country_pair_after_the() -> None:
    assert names("Officials prepared the South Korea-Japan summit.") == [
        ("South Korea", "country"),
        ("Japan", "country"),
    ]


def test_bank_of_country_is_an_organisation() -> None:
    m = one("The Bank of Valdoria raised interest rates.", "Bank of Valdoria")
    assert m.kind is EntityKind.ORGANISATION


@pytest.mark.xfail(
    strict=True,
    reason="entities: the acronym WHO folds to 'who', which is in _NOT_NAMES, so the "
    "organisation is dropped before the acronym rule",
)
def test_acronym_that_spells_a_question_word() -> None:
    assert ("WHO", "organisation") in names("The plan was praised by the WHO.")


def test_organisation_name_with_for_has_no_person_inside() -> None:
    found = names("Petra Nolan, an analyst at the Aramont Institute for Policy Studies, said so.")
    assert [n for n, k in found if k == "person"] == ["Petra Nolan"]


def test_sentence_final_period_after_hyphenated_surname() -> None:
    assert ("Katrin Voss-Aalen", "person") in names("The loudest voice was Katrin Voss-Aalen.")


@pytest.mark.xfail(
    strict=True,
    reason="entities: the place-cue rule ('to') runs before the name-shape rule, so a "
    "two-word person name after 'to' is typed as a place (cue-to)",
)
def test_person_name_after_to() -> None:
    assert ("Mirela Danek", "person") in names("The award was handed to Mirela Danek on Monday.")


def test_person_name_after_from() -> None:
    assert ("Mirela Danek", "person") in names("A letter from Mirela Danek arrived.")


def test_lone_name_with_accented_letters_is_a_name_in_question_mode() -> None:
    # Central European surnames carry accents; the question names a person all the same.
    m = one("Who did Kovačič meet in Tallinn", "Kovačič", EntityRecognizer(question_mode=True))
    assert (m.kind, m.rule) == (EntityKind.PERSON, "lone-name")


def test_to_of_a_source_or_an_owner_is_no_place_cue() -> None:
    question = EntityRecognizer(question_mode=True)
    # "according to Varnholm": who reports, not where.
    assert one("Who asked for the talks, according to Varnholm?", "Varnholm", question).kind is (
        EntityKind.PERSON
    )
    # "objected to Danek's plan": the name owns the plan; it is no destination.
    m = one("Which mayor objected to Danek's plan", "Danek", EntityRecognizer(question_mode=True))
    assert m.kind is EntityKind.PERSON
    # A destination is still a place.
    m = one("Who travelled to Varnholm", "Varnholm", EntityRecognizer(question_mode=True))
    assert m.kind is EntityKind.PLACE


def test_legislatures_laws_and_monitors_are_organisations() -> None:
    sentence = (
        "The House of Representatives voted to repeal the Fair Wages Act, the Estovian "
        "Observatory said."
    )
    found = dict(names(sentence))
    assert found.get("House of Representatives") == "organisation"
    assert found.get("Fair Wages Act") == "organisation"
    assert found.get("Estovian Observatory") == "organisation"


def test_an_organisation_before_its_officer_is_split() -> None:
    found = names("Valdane Motors CEO Ilse Marrow met Harbour Board Chairman Tom Ekker.")
    assert ("Valdane Motors", "organisation") in found
    assert ("Ilse Marrow", "person") in found
    assert ("Harbour Board", "organisation") in found
    assert ("Tom Ekker", "person") in found
    # Without a title, two or three name words after the organisation's name are a person.
    assert ("Ossian Pell Varo", "person") in names(
        "Head of Kessa's Atomic Energy Organization Ossian Pell Varo spoke."
    )
    # "the United Metalworkers of Valdoria" is one body, not a name "of" a country.
    assert "Valdoria" not in [n for n, _ in names("He met the United Metalworkers of Valdoria.")]


def test_a_title_of_a_field_runs_over_its_lexicon_words() -> None:
    m = one("Director of National Intelligence Piet Sorrow spoke.", "Piet Sorrow")
    assert m.title == "Director of National Intelligence"


def test_plural_titles_name_a_body() -> None:
    assert ("Joint Chiefs of Staff", "organisation") in names(
        "He met the Joint Chiefs of Staff on Monday."
    )
    assert ("Board of Governors", "organisation") in names("The Board of Governors met.")


# --- structural cues against false people ---------------------------------------------------


def test_lone_name_after_the_is_a_group_not_a_person() -> None:
    found = names("The Orvane met on Monday with Ilse Moravec, a Valdorian envoy, in Tessby.")
    assert ("Orvane", "organisation") in found
    assert ("Ilse Moravec", "person") in found
    assert (
        one(
            "Who did the Orvane meet in Tessby?", "Orvane", EntityRecognizer(question_mode=True)
        ).kind
        is EntityKind.ORGANISATION
    )


def test_name_after_the_that_modifies_a_noun_stays_a_person() -> None:
    # "the Danek government": the name is a modifier; a person is named, no group.
    assert ("Mirela Danek", "organisation") not in names(
        "Critics of the Mirela Danek government marched on Friday."
    )
    assert ("Halme", "organisation") not in names("Critics of the Albu-Halme talks marched.")


def test_media_and_armed_group_head_nouns_make_organisations() -> None:
    assert one("Orvane TV said the fire spread.", "Orvane TV").kind is EntityKind.ORGANISATION
    assert one("Kessa Herald reported it first.", "Kessa Herald").kind is EntityKind.ORGANISATION


def test_water_head_nouns_make_places() -> None:
    assert one("He crossed the Tessa Channel by boat.", "Tessa Channel").kind is EntityKind.PLACE
    m = one("Tankers sat idle in the Strait of Varn.", "Strait of Varn")
    assert (m.kind, m.rule) == (EntityKind.PLACE, "place-head-of")


def test_person_after_from_is_no_place() -> None:
    m = one("He won voters away from Ilse Moravec on Friday.", "Ilse Moravec")
    assert m.kind is EntityKind.PERSON
    assert one("She moved here from North Tessby.", "North Tessby").kind is EntityKind.PLACE


def test_saint_possessive_stays_in_the_place_name() -> None:
    found = names("The flight finished in St Brenna's at Orm near Tessby.")
    assert ("St Brenna's", "place") in found


def test_a_country_of_two_words_after_a_titles_of_is_the_whole_field() -> None:
    found = one("Prime Minister of New Zealand Ivo Dahl met Orm.", "Ivo Dahl")
    assert found.title == "Prime Minister of New Zealand"
    assert [(m.title, m.rule) for m in mentions("The Prime Minister of South Korea spoke.")] == [
        ("Prime Minister of South Korea", "title-only")
    ]


def test_a_body_named_from_its_context_stays_a_body_when_written_again() -> None:
    recognizer = EntityRecognizer()
    first = one("The software company Orvane Hat announced a plan.", "Orvane Hat", recognizer)
    assert first.kind is EntityKind.ORGANISATION
    # Alone, or opening a longer name, it is no person guessed by shape.
    assert names("Orvane Hat also sponsors Orvane Hat Linux.", recognizer) == [
        ("Orvane Hat", "organisation"),
        ("Orvane Hat Linux", "organisation"),
    ]
    # Without the first sentence the same words look like a person's name.
    assert names("Orvane Hat also sponsors it.") == [("Orvane Hat", "person")]


def test_in_takes_a_place_over_a_lone_word_guessed_a_person() -> None:
    recognizer = EntityRecognizer()
    assert names("Skarn-Velo said nothing.", recognizer) == [("Skarn-Velo", "person")]
    assert names("The fighting erupted in Skarn-Velo last week.", recognizer) == [
        ("Skarn-Velo", "place")
    ]
    # Once a place from "in", the word stays one.
    assert names("Skarn-Velo has a long history.", recognizer) == [("Skarn-Velo", "place")]
    # "via", "to" and "at" take people and media too: the earlier guess stands.
    other = EntityRecognizer()
    names("Skarn-Velo said nothing.", other)
    assert names("He answered via Skarn-Velo.", other) == [("Skarn-Velo", "person")]
    # A person named in full stays a person after "in".
    full = EntityRecognizer()
    names("Ivo Dahl spoke.", full)
    assert ("Ivo Dahl", "person") in names("Their trust in Dahl is high.", full)


def test_a_companys_legal_form_after_a_comma_ends_its_name() -> None:
    assert names("Orvane Freight Worldwide, Inc. was the biggest faller.") == [
        ("Orvane Freight Worldwide, Inc.", "organisation")
    ]


def test_a_newspaper_by_its_head_noun_is_a_body() -> None:
    assert ("Tessa Newspaper", "organisation") in names(
        "Ivo Dahl, editor of the independent Tessa Newspaper, said so."
    )


def test_bill_opens_a_persons_name_but_a_bill_is_no_one() -> None:
    assert names("Bill Hammond said so.") == [("Bill Hammond", "person")]
    assert names("The Harbour Bill passed.") == []


def test_a_place_of_two_words_after_a_titles_of_is_the_whole_field() -> None:
    assert [(m.title, m.rule) for m in mentions("He ran for Mayor of Las Vegas in 2019.")] == [
        ("Mayor of Las Vegas", "title-only")
    ]


def test_a_township_is_a_place() -> None:
    assert names("He was a trustee of Orvik Township (Tessa).")[0] == ("Orvik Township", "place")


def test_a_capitalised_word_before_a_role_and_a_name_is_no_one() -> None:
    # "Dahl and Unionist harbour candidate Lena Marsh": "Unionist" describes Marsh's role.
    assert names(
        "The debate between Mayor Ivo Dahl and Unionist harbour candidate Lena Marsh."
    ) == [
        ("Ivo Dahl", "person"),
        ("Lena Marsh", "person"),
    ]
    assert ("Orm", "person") in names("Poroshenko and Orm met on Monday.")


def test_a_site_named_after_a_titled_person_is_a_place() -> None:
    assert names("Prayers were held at the Sultan Orm Grand Mosque in Tessa.")[0] == (
        "Sultan Orm Grand Mosque",
        "place",
    )
    # A surname that is also a place's head stays a person's.
    assert names("General Ivo Park spoke.") == [("Ivo Park", "person")]


def test_to_after_speaking_and_off_after_ward_take_no_place() -> None:
    # "Speaking to Tessa Wire": whom one speaks to; "to ward off the fever": a phrasal verb.
    assert ("Tesswire", "place") not in names("Speaking to Tesswire, a guest said so.")
    assert names("They drink it to ward off Marsh-Fever.") == []
    assert names("The ship sank off Orvik.") == [("Orvik", "place")]


def test_a_particles_surname_alone_in_a_question_is_a_person() -> None:
    # "al-Varesh" begins with a lower-case particle; in a question it still names someone.
    found = EntityRecognizer(question_mode=True).mentions("Who killed al-Varesh?")
    assert [(m.text, m.kind) for m in found] == [("al-Varesh", EntityKind.PERSON)]


def test_a_name_a_sites_noun_follows_names_the_site() -> None:
    # "Tessby's Orla Brenning airport" is an airport, not the woman it is named after.
    assert ("Orla Brenning", "place") in names(
        "The flight lands at Tessby's Orla Brenning airport at noon."
    )


def test_what_one_died_from_is_no_place() -> None:
    assert ("Velmar", "place") not in names("Orm died from Velmar fever in 2019.")


def test_a_person_described_after_to_is_no_place() -> None:
    # "lost to Ivo Pellam, a Republican": whom she lost to, described as a person.
    assert ("Ivo Pellam", "person") in names("She lost reelection to Ivo Pellam, a Republican.")
    assert ("Port Avel", "place") in names("He moved to Port Avel, a town on the coast.")


def test_a_title_ended_by_an_office_head_holds_no_name() -> None:
    # "Chief Operating Officer" alone is a title ("Operating" is no word of the lexicon); a
    # head that is also a surname ("Bishop") may still end a name.
    found = mentions("The former Chief Operating Officer, Ivo Dahl, will succeed Orm.")
    assert [(m.text, m.name) for m in found][:2] == [
        ("Chief Operating Officer", ""),
        ("Ivo Dahl", "Ivo Dahl"),
    ]
    assert one("Ambassador Ivo Bishop spoke.", "Ivo Bishop").kind is EntityKind.PERSON
