"""Rule-based entity recognition and within-article linking of mentions.

Capitalised spans are found with one regular expression, then classified by lexicon rules in a
fixed order: titles make people, suffixes make organisations and places, the gazetteer makes
countries and cities, a preceding place cue ("in", "at") makes a place, and what is left with
two or more name-like words is a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from assistant.knowledge.lexicon import Lexicon, lexicon
from assistant.lazy_re import lazy_compile
from assistant.models import EntityKind
from assistant.text import fold

# A name-like word: capitalised (allowing inner capitals, hyphens and apostrophes), an acronym
# with dots (U.S.), or a lower-case particle that may sit inside names.
# A name's particles may follow one another before its capitalised word ("Anna van der Berg",
# "Luis de la Vega"); "of", "the" and "and" join names only right before a capital.
_PARTICLES = r"al|el|bin|ibn|de|da|du|van|von|der|del|della|delle|degli|dei|dos|das|la|le|di"
# Capitals a name may open with: Latin-1's and Latin Extended-A's ("Łukasz", "Şahin", "Žan").
_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_WORD = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_PARTICLES}|ben|abu)-[A-Z][\w\-]*|[{_CAPITALS}][\w\-]*(?:['’](?![sS]\b)[A-Za-z][\w\-]*)?\.?|(?:{_PARTICLES})(?=(?:\s+(?:{_PARTICLES}))*\s+[A-Z])|(?:of|the|and|y)(?=\s+[A-Z]))"
_SPAN = lazy_compile(rf"(?<![\w'’-])(?:{_WORD})(?:\s+(?:{_WORD}))*")
# Patterns read only while analysing text, compiled when first used (not at import).
_LAZY_PATTERNS = {
    # "al-Haddad", "bin-Salem": a particle joined to a capitalised name is a name word.
    "particle_name": rf"(?:{_PARTICLES}|ben|abu)-[A-Z][\w'’\-]*",
    # "the provincial capital, " right before a name; what may follow a place set off by commas.
    "place_noun_comma": r"\b([a-z]+),\s+$",
    "apposition_end": r"\s*(?:[.;:)]|$|,\s+(?:on|in|at|by|near|where|which|from|after|before|last|this)\b)",
    # "photojournalist Omar al-Haddad", "Omar al-Haddad said": a person's name's neighbours.
    "role_noun_before": r"(?<![\w'’-])([a-z]{3,})\s+$",
    "title_comma_before": r"(?<![\w'’-])([a-z]{3,}),\s+$",
    "speaker_after": r"\s*(?:,\s+)?(?:said|says|told|tells|added|asked|wrote|stated|explained|who|whose)\b",
    "cue_before": r"\b([A-Za-z]+)\s+(?:the\s+)?$",
    "who_after_comma": r",\s+(?:who|whose)\b",
    # "a chef named ": the noun (group 1) a name is given to ("called" also reports speech).
    "named_before": r"(?<![\w'’-])([a-z]+)\s+named\s+$",
    # ", of CNBC's ", ", of the ": a person's affiliation follows a comma and "of".
    "affiliation_before": r",\s+of\s+(?:the\s+)?(?:[^\s,]+['’]s\s+)?$",
    # What ends a noun phrase after a name (not "the Varun Kelday provincial council").
    "phrase_end_after": r"\s*(?:[,.;:)]|$)|\s+(?:said|says|told|and)\b",
    # " chief strategy expert, Bill": lower-case title words (group 1 the first) and a name.
    "title_run_after": r"\s+([a-z][a-z-]+)(?:\s+[a-z][a-z-]+){0,3},?\s+[A-Z][a-z]",
    # "director of ", "professor of the ": a lower-case post and the "of" of its domain.
    "title_of": r"(?<![\w'’-])([a-z]+)\s+of\s+(?:the\s+)?$",
    # What follows a town set off by a comma: its region or country, or a clause about a thing.
    "region_after": r"\s*,\s+(?:([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?=[\s,.;:)]|$)|(?:which|where)\b)",
    "for_joint": r"\s+for\s+(?:the\s+)?",
    # Capitalised words, then the "for" or "of the" that joins them to a body's name.
    "body_lead": r"(?<![\w'’-])(?P<words>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})\s+(?P<joint>for|of\s+the)\s+$",
    # What may follow a list's member that ends its noun phrase.
    "member_end": r"(?:\s*\(|[,.;:)\"”]|\s+(?:and|or)\b|\s*$)",
    # What joins the members of a list, and a list's member written before another one.
    "list_sep": r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)",
    "list_before": r"(?<![\w'’-])(?P<words>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)(?P<sep>,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$",
}


@cache
def _lazy(name: str) -> re.Pattern[str]:
    return re.compile(_LAZY_PATTERNS[name])


# One name word, or a double-barrelled one ("Voss-Aalen"); its small letters may carry accents
# ("Marovič", "Belík"), or a question naming such a person would name no one.
_SMALL = r"a-zß-öø-ÿ\u0100-\u017f'\-"
# A surname's prefix may be followed by a capital ("McCain", "MacArthur", "DeVos", "O'Neill").
_LONE_NAME = lazy_compile(
    rf"(?:Mc|Mac|De|Di|Da|La|Le|O['’])?[{_CAPITALS}][{_SMALL}]+(?:-[A-Z][{_SMALL}]+)*"
)
# Two sides joined by a hyphen before a meeting noun: "the Lee-Takaichi talks".
_SIDES = lazy_compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)+")
_SIDES_NOUN = lazy_compile(
    r"\s+(?:[a-z]+\s+)?(?:summit|summits|talks|meeting|meetings|call|calls|phone\s+call|negotiations|relations|deal|pact|agreement|accord|rivalry|dispute)\b",
    re.IGNORECASE,
)
_LOWER_TITLE = lazy_compile(r"(?<![\w-])([a-z]+)\s+$")
_POSSESSIVE_SITE = lazy_compile(r"['’]s\s+([A-Z][a-z]+)\b")
_POSSESSIVE = lazy_compile(r"^['’]s\b")
# "St Margaret's at Cliffe", "St Anne's Church": a saint's possessive is part of the place's name.
_SAINT_POSSESSIVE = lazy_compile(r"['’]s\b(?:\s+[A-Z][\w-]*)*")
# "the Kestrel Front", "the Orvane": a proper name after the definite article names a group, a
# thing or a place; people's names take no article ("the Rev. Ana Holt" is a title's).
_THE_BEFORE = lazy_compile(r"(?<![\w'’-])the\s+$", re.IGNORECASE)
# The name ends its noun phrase ("the Orvane said", "the Orvane, ...") rather than modifying a
# noun after it ("the Lenz government", "the Lenz era", where a person is named).
_AUX_THE = lazy_compile(
    r"\b(?:did|does|do|will|would|can|could|should|has|have|had)\s+the\s*$", re.IGNORECASE
)
_HEAD_ENDS = lazy_compile(
    r"\s*(?:$|[^\w\s–-]|[A-Z]|(?:said|says|told|has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|also|who|which|that|and|or|in|on|at|to|for|from|with|by|of|met|meets|spoke|speaks|"
    r"tells|took|takes|made|makes|won|wins|lost|gave|gives|held|holds|sent|sends|wants|"
    r"seeks|sought|fought|struck|leads|led|began|[a-z]+ed)\b)"
)
# Bodies whose kind is only guessed from the article before them: no evidence for a list.
_LIST_WEAK_RULES = frozenset({"the-name", "coordinated-kind"})
# A person named in full (or by a known name) gives a list of lone words its kind.
_LIST_PERSON_RULES = frozenset({"name-shape", "title+name", "surname-link"})
# A gazetteer's place or country gives a list of lone words its kind.
_LIST_PLACE_KINDS = frozenset({EntityKind.PLACE, EntityKind.COUNTRY})
_LIST_PLACE_RULES = frozenset({"gazetteer-place", "gazetteer-country"})


# Rules that read a name from its capitals and its neighbours alone, nothing known about it.
def _spanned(sentence: str, start: int, end: int, kind: EntityKind, rule: str) -> Mention:
    """A mention of the sentence's words from `start` to `end`, named by them."""
    text = sentence[start:end]
    return Mention(text, start, end, kind, fold(text), text, rule=rule)


# A company's legal form, written after its name and a comma.
_CORPORATE_FORMS = frozenset({"Inc.", "Inc", "Ltd.", "Ltd", "Corp.", "LLC", "plc", "PLC", "Co."})
# Bodies typed by what the text says around or in the name, not by a guess from its shape.
_CONTEXT_BODY_RULES = frozenset({"org-kind", "org-of", "org-prefix", "org-suffix", "led-body"})
# Places typed by a preposition that takes places only, or a place noun before "of".
_CONTEXT_PLACE_RULES = frozenset({"cue-in", "place-of", "region-noun-after", "place-head-of"})
_SHAPE_RULES = frozenset({"name-shape", "lone-name", "the-name"})
# Places read from a preposition alone ("to", "from", "at" also take people and firms).
_WEAK_PLACE_RULES = frozenset({"cue-to", "cue-from", "cue-at", "cue-with", "the-name"})
# Prepositions that govern a place or a thing, never a role noun before a person's name.
_CUE_WORDS = frozenset(
    "near outside inside across around toward towards into via off like than against".split()
)
# "according to Haldberg", "thanks to Varga": the "to" names a source or a cause, no place.
# "according to Reuters", "Speaking to Reuters": "to" before a source or whom one speaks to;
# "to ward off COVID-19": "off" of a phrasal verb, not "off the coast of".
_NO_PLACE_AFTER_CUE = lazy_compile(
    r"\b(?:(?:according|thanks|owing|speaking|spoke|spoken|speak|speaks|talking|talked|talk|"
    r"said|says|wrote|writes|writing|told|explained|complained|reported)\s+to"
    r"|(?:ward|wards|warded|warding|fend|fends|fended|fending|stave|staves|staved|staving|"
    r"fight|fights|fought|fighting)\s+off"
    # "died from Powassan virus": what one dies or suffers from is a cause, not a place.
    r"|(?:die|dies|died|dying|suffer|suffers|suffered|suffering|recover|recovers|recovered|"
    r"recovering)\s+from)\s*$",
    re.IGNORECASE,
)
_TRAILING_PARTICLES = {
    "of",
    "the",
    "and",
    "for",
    "al",
    "el",
    "de",
    "da",
    "du",
    "van",
    "von",
    "der",
    "del",
    "della",
    "delle",
    "degli",
    "dei",
    "dos",
    "das",
    "la",
    "le",
    "di",
    "y",
    "bin",
    "ibn",
}

# Capitalised words that begin sentences or clauses but never names.
_NOT_NAMES = frozenset(
    """a an the on in at after before during but and or he she they it we i you this that these
    those his her their its our my your when while also meanwhile however earlier later last next
    according following if as so there here what who whom whose which where why how yet still
    although though despite since until because for from with without by to into of under over
    about among between both either neither each every all some any no not many most more such
    one two three four five six seven eight nine ten first second third mr mrs ms dr monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow tonight then now thus instead indeed once twice is are was were be
    do does did has have had will would can could should shall may might must let please yes
    hello thank thanks dear photo file pool reporting editing writing read view share european
    african asian arab latin muslim christian jewish sub-saharan islamic catholic much little
    such whatever whoever another other others nobody somebody everyone everybody
    well yeah okay ok oh clearly obviously basically anyone someone people authorities officials
    witnesses residents analysts critics experts sources reports""".split()
)
# Endings of nouns that name a field of work ("Evaluation", "Development", "Economics"), and
# body words that name one ("Human Services"; not "Harvard University", a body of its own).
_FIELD_NOUN = lazy_compile(r"[a-z](?:tion|sion|ment|ics|ies|logy)$")
_FIELD_HEADS = frozenset(
    {"Services", "Affairs", "Studies", "Sciences", "Resources", "Research", "Technology"}
)


# Endings of contractions ("We're", "It'll", "They've").
_CONTRACTED = frozenset({"re", "ll", "ve", "d", "m", "s", "t"})


def _not_a_name(word: str) -> bool:
    """Whether a capitalised word is one of `_NOT_NAMES`, or its contraction (a quotation's
    first word, "We're", is no name)."""
    folded = fold(word).rstrip(".")
    if folded in _NOT_NAMES:
        return True
    base, _, tail = folded.replace("’", "'").partition("'")
    return tail in _CONTRACTED and base in _NOT_NAMES


# Words of `_NOT_NAMES` that are given names too ("Christian Lindner").
_GIVEN_NAME_LEADS = frozenset({"christian"})
# Words that show a capitalised run is a headline or a phrase, not a name (nor is a storm's or
# an operation's name, "Hurricane Orla", a person's).
_COMMON_CAPITALISED = frozenset(
    """that with could would will should says said over after before under into from this
    these those what when where while have has been more most new old first last next grows
    resume peace process report reports news update live video photo photos watch day week
    year act law bill plan deal agreement accord treaty summit conference program programme
    project initiative festival games cup championship championships award awards prize
    election elections war crisis day's hurricane typhoon cyclone storm tornado operation
    """.split()
)
# Place heads no one's surname ends a name with ("Park", "Hall", "Church" may).
_NO_SURNAME_SITE_HEADS = frozenset(
    "Mosque Stadium Airport Cathedral Temple Palace Museum Embassy Square Arena Hotel Base".split()
)
# Lower-case words, up to three, then a capitalised word: a role before a name.
_ROLE_THEN_NAME = lazy_compile(r"((?:\s+[a-z][\w-]*){1,3})\s+[A-Z]")
# Words of _COMMON_CAPITALISED that are also first names.
_FIRST_NAME_WORDS = frozenset({"bill"})
# Adjectives of a continent's or a people's origin that no gazetteer country gives.
_CONTINENTAL = frozenset("european african asian arab latin".split())
# Function words that may sit inside a body's or an event's name but never inside a person's.
_INNER_PHRASE_WORDS = frozenset({"the", "of", "for"})
# Adjectives and ordinals that are no name alone but may open a body's ("the African Union",
# "the Second Circuit Court of Appeals").
_NAME_LEADS = frozenset(
    "european african asian arab latin muslim christian jewish islamic catholic first second third".split()
)


# A word written in capitals only (an acronym or a letters-only honour), but no Roman numeral.
@cache
def _shouted() -> re.Pattern[str]:
    return re.compile(r"(?![IVX]+\b)[A-Z]{2,}")


# "the river ...", "the ship ...": a lower-case noun of kind right before a lone name.
@cache
def _kind_before() -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])the\s+([a-z]+)\s+$")


# "was poisoned with", "were attacked with": a passive verb and the means it was done with.
@cache
def _passive_with() -> re.Pattern[str]:
    return re.compile(r"\b(?:was|were|been|being|is|are)\s+[a-z]+ed\s+with\s+$")


# The lower-case noun right after a name ("the Orvane Daily newspaper", "the Reuters news agency").
_KIND_AFTER = lazy_compile(r"\s+((?:news\s+)?[a-z]+)\b")
# The joints of a title's portfolio: "Minister of State for Europe", "Secretary of the Navy".
_FOR_JOINT = lazy_compile(r"\s+for\s+(?:the\s+)?")
_OF_JOINT = lazy_compile(r"\s+of\s+(?:the\s+)?")
_INITIAL = lazy_compile(r"[A-Z]\.")
# Lower-case nouns of an administrative region, written after its name.
_REGION_NOUNS = frozenset(
    "province provincial district region regional county prefecture prefectural governorate "
    "oblast municipality".split()
)
_DESCRIBED_AFTER = lazy_compile(r",\s+(?:a|an)\s+[\w-]")
# Title heads no one's surname is ("Officer", not "Bishop" or "King").
_OFFICE_HEADS = frozenset(
    "Officer Executive Director Secretary Minister President Chairman Chairwoman Chairperson "
    "Commissioner Administrator Manager Spokesman Spokeswoman Spokesperson Treasurer".split()
)
# Body heads no surname is spelt as: after a title word they close a body's name ("the Justice
# Department"), where "Church" or "Court" after a title may be a person's surname.
_BODY_HEADS = frozenset(
    "Department Ministry Committee Commission Council Agency Office Bureau Administration "
    "Government Parliament Senate Cabinet Secretariat Tribunal Institute University "
    "Organization Organisation Association Corporation Company Federation Authority Party".split()
)
_SITE_NOUNS_AFTER = frozenset("airport airfield stadium station terminal".split())
_INDEFINITE_BEFORE = lazy_compile(r"(?<![\w'’-])(?:an?|one|another)\s+$", re.IGNORECASE)
# Capitalised words right before a mention, not opening the sentence with "The".
_CAPITALISED_LEAD = lazy_compile(r"(?<![\w'’-])(?!The\s)(?:[A-Z][\w-]*\s+)+$")
# A title may be followed by "of X" ("Secretary of State", "Minister of Finance").
_TITLE_OF = lazy_compile(r"^of\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,2})")


# Words that split a capitalised span: "and" between names, and time words ("Kyiv Monday").
_BREAK = lazy_compile(
    r"\s+and\s+|\s*\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b\s*"
)


@dataclass
class Mention:
    """One occurrence of an entity in a sentence."""

    text: str
    start: int
    end: int
    kind: EntityKind
    key: str
    name: str
    title: str | None = None
    nationality: str | None = None
    rule: str = ""
    role_only: bool = False


@dataclass
class PersonRecord:
    key: str
    name: str
    tokens: tuple[str, ...]
    title: str | None = None
    nationality: str | None = None
    last_sentence: int = 0
    titles: list[str] = field(default_factory=list)
    folded_tokens: tuple[str, ...] = ()
    folded_name: str = ""
    # The sentence that first named them: a mention taken back there (it named a place or a
    # body after all) takes the person back only if it made them.
    first_sentence: int | None = None
    # Evidence of gender: "f"/"m" -> count, from titles ("Mrs", "chairwoman") and from the
    # pronouns a sentence could only mean them by.
    genders: dict[str, int] = field(default_factory=dict)

    def gender(self) -> str | None:
        f, m = self.genders.get("f", 0), self.genders.get("m", 0)
        return "f" if f > m else "m" if m > f else None

    def __post_init__(self) -> None:
        self.folded_tokens = tuple(fold(t) for t in self.tokens)
        self.folded_name = fold(self.name)


@cache
def _derived_demonyms(countries: frozenset[str]) -> dict[str, str]:
    """Demonyms the lexicon's table lacks, made from one-word country names by the regular
    endings ("Moldova" -> "moldovan", "Oman" -> "omani", "Malta" -> "maltese"): an adjective
    of origin names no place and no one, whichever country it comes from."""
    out: dict[str, str] = {}
    for country in sorted(countries):
        if " " in country or len(country) < 4 or not country.isalpha():
            continue
        stem = country[:-1] if country[-1] in "aeiy" else country
        forms = [country + "ian", stem + "ian", country + "ese", stem + "ese"]
        if country.endswith("a"):
            forms.append(country + "n")
        elif country[-1] not in "aeiouy":
            forms += [country + "i", country + "an"]
        for form in forms:
            if form not in countries:
                out.setdefault(form, country)
    return out


def _title_cased(headline: str) -> bool:
    """Whether a headline capitalises its ordinary words too ("Mayor Woos Harbour Voters"),
    as opposed to writing them in lower case as a sentence does."""
    words = re.findall(r"[^\W\d_][\w'’-]{3,}", headline)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _written_in(name: str, body: str) -> bool:
    """Whether the body writes `name` as whole words, in its own capitals."""
    return re.search(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", body) is not None


def _split_words(span: str) -> list[str]:
    return span.split()


class EntityRecognizer:
    """Finds and classifies capitalised spans; keeps per-article state for linking."""

    def _only_name_words(self, words: list[str]) -> bool:
        """Whether capitalised words can only be a person's names: none a title's word, a
        group's or body's or place's head, nor a word that shows a headline or a phrase."""
        lex = self.lex
        return all(
            _LONE_NAME.fullmatch(w)
            and w not in lex.title_modifiers
            and w not in lex.title_heads
            and fold(w) not in lex.group_nouns
            and w not in lex.org_suffixes
            and w not in lex.place_suffixes
            and fold(w) not in _COMMON_CAPITALISED
            for w in words
        )

    def _nationality(self, folded: str) -> str | None:
        """The country a demonym names ("japanese", "moldovan"), None for other words."""
        lex = self.lex
        found = lex.nationalities.get(folded)
        if found is None and " " not in folded:
            found = _derived_demonyms(lex.countries).get(folded)
        return found

    def __init__(self, lex: Lexicon | None = None, question_mode: bool = False) -> None:
        self.lex = lex or lexicon()
        # In a question a lone capitalised word is almost always a name ("Where did Lee go?").
        self.question_mode = question_mode
        self.people: dict[str, PersonRecord] = {}
        self.recent_people: list[str] = []
        # The first person each sentence names: most often its subject.
        self.first_person: dict[int, str] = {}
        # Names the article has typed as bodies from their context ("software company Orvane
        # Labs"), folded: written again alone they stay bodies, not people guessed by shape.
        self.bodies: set[str] = set()
        # Likewise single words typed as places from their context ("in Nagorno-Karabakh").
        self.places_seen: set[str] = set()
        self._confirm: str | None = None

    # --- classification -------------------------------------------------------------------

    def _title_split(self, words: list[str]) -> tuple[list[str], list[str]]:
        """Split leading title words (modifiers and heads) from the name words that follow."""
        lex = self.lex
        last_head = -1
        for i, word in enumerate(words):
            bare = word.rstrip(".,")
            if word in lex.title_heads or bare in lex.title_heads:
                last_head = i
            elif (
                word in lex.title_modifiers
                or bare in lex.title_modifiers
                or (last_head >= 0 and word == "of")
            ):
                continue
            else:
                break
        if last_head < 0:
            return [], words
        title = words[: last_head + 1]
        rest = words[last_head + 1 :]
        # "Secretary of State John Kerry": keep "of State" with the title.
        if rest and rest[0] == "of" and len(rest) >= 2:
            # "Prime Minister of New Zealand Bill English", "Mayor of Las Vegas": a country or
            # a place of two or three words is the title's whole field.
            fields = {n: fold(" ".join(rest[1 : n + 1])) for n in (3, 2) if len(rest) > n}
            size = next((n for n, f in fields.items() if f in lex.countries or f in lex.places), 1)
            title += rest[: size + 1]
            rest = rest[size + 1 :]
            # "Director of National Intelligence Piet Sorrow": the field goes on while its words
            # are the lexicon's and a two-word name is left.
            while len(rest) > 2 and (rest[0] in lex.title_modifiers or rest[0] in lex.org_suffixes):
                title.append(rest.pop(0))
        if len(rest) >= 4:
            # "Deputy Emergency Works Minister Ivo Dahl": a title's field the lexicon does not
            # know may follow its first head; the chain ends at the last head before a name.
            more, name = self._led_title_split(rest)
            if more:
                title += more
                rest = name
        return title, rest

    def _led_title_split(self, words: list[str]) -> tuple[list[str], list[str]]:
        """'Harbour Police Constable Ivo Dahl', 'U.N. Refugee Commissioner Lena Marsh': a body's
        or a field's words before the title belong to the title, when a person's name of two to
        four words follows it. Without this the whole run was nobody's name."""
        lex = self.lex
        if len(words) < 4:
            return [], words
        for j in range(1, min(6, len(words) - 2)):
            if words[j] not in lex.title_heads and words[j] not in lex.title_modifiers:
                continue
            title, name = self._title_split(words[j:])
            if not title:
                # "Tessby Federal District Judge Ivo Dahl": a modifier the lexicon knows may
                # stand before a field's word it does not; the title's head comes later.
                continue
            if not 2 <= len(name) <= 4:
                return [], words
            shaped = (
                all(
                    (w[:1].isupper() and not w.isupper())
                    # "Thomas T. Cullen": a middle initial is part of the name.
                    or (0 < i < len(name) - 1 and re.fullmatch(r"[A-Z]\.", w) is not None)
                    or (w in _TRAILING_PARTICLES and w not in {"of", "the", "and", "for"})
                    or _lazy("particle_name").fullmatch(w)
                    for i, w in enumerate(name)
                )
                and name[0][:1].isupper()
            )
            if (
                not shaped
                or "of" in words[:j]
                or any(fold(w) in _COMMON_CAPITALISED for w in name)
                or any(
                    w in lex.org_suffixes or w in lex.place_suffixes or w in lex.title_heads
                    for w in name
                )
            ):
                return [], words
            return words[:j] + title, name
        return [], words

    def classify(self, span: str, before: str, after: str) -> Mention | None:
        lex = self.lex
        words = _split_words(span)
        nationality = None
        # Leading nationality adjectives: "Japanese Prime Minister Sanae Takaichi" (but "Saudi
        # Arabia" and "South Africa" are countries whole).
        if fold(" ".join(words)) in lex.countries:
            return self._simple(" ".join(words), EntityKind.COUNTRY, "gazetteer-country")
        country_lead = False
        for size in (2, 1):
            head = fold(" ".join(words[:size]))
            # "the United States Ivo Dahl" (a title's "to the United States" before it): a
            # country's name opening a run describes the one named after it, as a demonym does.
            skip = 1 if size == 2 and words[0] in ("the", "The") else 0
            as_country = (
                size == 2
                and fold(" ".join(words[skip : skip + 2])) in lex.countries
                and len(words) - skip - 2 in (2, 3)
                and self._only_name_words(words[skip + 2 :])
            )
            if len(words) > size and (self._nationality(head) or as_country):
                named = words[size + skip :] if as_country else words[size:]
                if named[-1].rstrip(".") in lex.org_suffixes and not any(
                    w in lex.title_heads for w in named
                ):
                    # "the Thai Raksa Party", "British Airways": an adjective of origin opens a
                    # body's name as written, and an answer cut after it loses the name's start.
                    break
                # A country before the name gives no nationality ("Ambassador to the United
                # States Ivo Dahl" is not its citizen).
                nationality = self._nationality(head)
                country_lead = as_country and not nationality
                words = named
                break
        # "the Kestrel Front group", "Tessa magazine": a body's kind written after the name (but
        # "a Varnholt newspaper" is one from a place, not named after it).
        kind_after = _KIND_AFTER.match(after)
        org_after = bool(
            kind_after
            and fold(kind_after.group(1)) in lex.org_cue_after
            and not _INDEFINITE_BEFORE.search(before)
            # "the Lumerian group Tarrow Watch": a name after the noun is the body's, and the
            # word before it only describes it.
            and not re.match(r"\s+[A-Z]", after[kind_after.end() :])
        )
        lead: list[str] = []
        while (
            words
            and _not_a_name(words[0])
            and not (len(words) > 1 and words[0] == "The" and words[-1] in lex.org_suffixes)
            # "the African Union", "the Second Circuit Court of Appeals": an adjective or an
            # ordinal that opens a body's name is part of it.
            and not (
                len(words) > 1
                and fold(words[0]) in _NAME_LEADS
                and (org_after or self._org_headed(words[1:]))
            )
            # "Dr Christian Keysers": a given name that is also a faith's adjective, before a
            # name that is no group's noun ("Christian Democrats").
            and not (
                fold(words[0]) in _GIVEN_NAME_LEADS
                and len(words) in (2, 3)
                and self._only_name_words(words[1:])
                and all(fold(w).rstrip("s") not in lex.group_nouns for w in words[1:])
            )
        ):
            lead.append(words[0])
            words = words[1:]
        if lead and len(words) > 1 and nationality is None:
            # "the Israeli Prime Minister": the demonym after the article describes the title.
            demonym = self._nationality(fold(words[0]))
            if demonym and any(w in lex.title_heads for w in words[1:]):
                nationality, words = demonym, words[1:]
        # "in Washington D.C. The team ...": an article ends no name; it opens the next
        # sentence after an abbreviation's full stop.
        if (
            len(words) >= 3
            and words[1] == "of"
            and not lead
            and words[0].endswith("s")
            and not before.strip(" \"'“‘(")
            and words[0] not in lex.org_suffixes
            and words[0] not in lex.place_suffixes
            and words[0] not in lex.state_forms
        ):
            # "Hundreds of Tessbians", "Supporters of Dahl said": a plural noun opening the
            # sentence is capitalised only for that; the name is what follows its "of".
            return self.classify(" ".join(words[2:]), before + " ".join(words[:2]) + " ", after)
        while words and (words[-1] in _TRAILING_PARTICLES or words[-1] == "The"):
            words = words[:-1]
        if (
            words
            and words[-1].endswith(".")
            and len(words[-1]) > 4
            and re.fullmatch(r"[^\W\d_][\w'-]*[^\W\d_]", words[-1][:-1])
        ):
            # A sentence-final period, not an abbreviation like "Jr." or "U.S.".
            words[-1] = words[-1][:-1]
        if not words:
            return None
        # A definite article right before the name: kept or stripped ("The Orvane said").
        after_the = not country_lead and (
            fold(lead[-1]) == "the" if lead else bool(_THE_BEFORE.search(before))
        )
        # "Who did the Orvane meet?": after an auxiliary the name is the subject and the word
        # after it its bare verb, no noun it modifies.
        heads_subject = (
            after_the
            and self.question_mode
            and bool(_AUX_THE.search(before + " " + " ".join(lead)))
        )
        text = " ".join(words)
        folded = fold(text)
        if folded in _NOT_NAMES or len(folded) < 2:
            return None
        if self._nationality(folded):
            return None
        if (
            len(words) >= 2
            and all(w in lex.place_modifiers for w in words[:-1])
            and (self._nationality(fold(words[-1])) or fold(words[-1]) in _CONTINENTAL)
        ):
            # "North American", "South Asian": a region's part before a demonym is still an
            # adjective of origin, no one's name.
            return None
        title_words, name_words = self._title_split(words)
        if not title_words:
            title_words, name_words = self._led_title_split(words)
        if title_words and name_words and name_words[-1].rstrip(".,") in _OFFICE_HEADS:
            # "the former Chief Operating Officer, Tim Cook": a title whose inner words the
            # lexicon does not know is still a title, ended by its head, with no name in it.
            title_words, name_words = words, []
        if title_words:
            title = " ".join(title_words)
            if (
                name_words
                and name_words[-1] in lex.org_suffixes
                # "General Foundries", "Major Airlines": a title word before a body's plural head
                # alone is the body's adjective; a person's surname is seldom such a plural
                # (one word like "Church" or "Hall" after a title may be a surname).
                and (
                    len(name_words) > 1
                    or (name_words[-1].endswith("s") and "of" not in title_words)
                    or name_words[-1] in _BODY_HEADS
                )
            ):
                return self._simple(text, EntityKind.ORGANISATION, "org-suffix")
            if (
                len(name_words) >= 2
                and name_words[-1] in _NO_SURNAME_SITE_HEADS
                and name_words[-1] in lex.place_suffixes
            ):
                # "Sultan Qaboos Grand Mosque", "King Fahd Stadium": a site named after a
                # titled person is a place.
                return self._simple(text, EntityKind.PLACE, "place-suffix")
            if not name_words:
                return Mention(
                    text,
                    0,
                    0,
                    EntityKind.PERSON,
                    "",
                    "",
                    title=title,
                    nationality=nationality,
                    rule="title-only",
                    role_only=True,
                )
            name = " ".join(name_words)
            return Mention(
                text,
                0,
                0,
                EntityKind.PERSON,
                fold(name),
                name,
                title=title,
                nationality=nationality,
                rule="title+name",
            )
        if nationality and not words:
            return None
        last = words[-1].rstrip(".")
        cue = before.rstrip().rsplit(" ", 1)[-1].lower() if before.strip() else ""
        if country_lead:
            # "Ambassador to the United States Ivo Dahl": the "to" governs the country.
            cue = ""
        if folded in lex.countries or folded.removeprefix("the ") in lex.countries:
            return self._simple(text, EntityKind.COUNTRY, "gazetteer-country")
        state = self._state_form(words)
        if state is not None:
            return Mention(text, 0, 0, EntityKind.COUNTRY, fold(state), state, rule="state-form")
        if len(words) >= 3 and words[1] == "of" and words[0] in lex.org_suffixes:
            # "Bank of Valdoria", "University of Montreal", "Ministry of Finance"
            return self._simple(text, EntityKind.ORGANISATION, "org-of")
        before_word = lead[-1] if lead else (before.split() or [""])[-1]
        if (
            (before_word[:1].islower() and fold(before_word) in lex.org_cue_before) or org_after
        ) and not (folded in lex.places or folded.removeprefix("the ") in lex.places):
            # "law firm Corvan Hale", "the Orvane Daily newspaper": the lower-case noun next to
            # the name says what kind of thing it names.
            return self._simple(text, EntityKind.ORGANISATION, "org-kind")
        # The text before the name with the small words the span opened with ("of", "the").
        context = before + "".join(w + " " for w in lead)
        employer = _lazy("title_run_after").match(after) if len(words) >= 2 else None
        if (
            employer
            and (
                fold(employer.group(1)) in lex.title_heads_folded
                or fold(employer.group(1)) in lex.title_modifiers_folded
            )
            and self._known_person(words) is None
        ):
            # "said Bell Curve Trading chief strategy expert, Bill Strazzullo": a name before a
            # lower-case title and the holder's name is the holder's employer.
            return self._simple(text, EntityKind.ORGANISATION, "employer-before-title")
        if _lazy("affiliation_before").search(context) and _lazy("phrase_end_after").match(after):
            # "Jim Cramer, of CNBC's Mad Money, remarked ...": whom a person is with.
            return self._simple(text, EntityKind.ORGANISATION, "affiliation-of")
        domain = _lazy("title_of").search(context)
        if (
            domain
            and fold(domain.group(1)) in lex.domain_titles
            and folded not in lex.places
            and folded not in lex.countries
        ):
            # "said Ivo Dahl, director of Housing Studies at ...": what a post's "of" names is
            # the body or the field it is held in.
            return self._simple(text, EntityKind.ORGANISATION, "domain-of")
        if (
            len(words) >= 4
            and self._org_headed(words[:-1])
            and "of" in words
            and words[-1] not in lex.place_suffixes
        ):
            # "Circuit Court of Appeals", "National Bank of Orvik": a body's head before "of".
            return self._simple(text, EntityKind.ORGANISATION, "org-of")
        if len(words) >= 2 and words[0] in lex.org_prefixes:
            # "Agence Tessaire-Presse", "Banco de Varna": a body's head noun written first.
            return self._simple(text, EntityKind.ORGANISATION, "org-prefix")
        if len(words) >= 2 and words[0] in lex.place_prefixes and last not in lex.org_suffixes:
            return self._simple(text, EntityKind.PLACE, "place-prefix")
        if last in lex.place_suffixes or " ".join(words[-2:]) in lex.place_suffixes:
            if last in lex.org_suffixes and cue not in lex.place_cues:
                return self._simple(text, EntityKind.ORGANISATION, "org-suffix")
            # "the Channel", "the Gulf": a place's head alone after the article names the place.
            rule = "the-name" if after_the and len(words) == 1 else "place-suffix"
            return self._simple(text, EntityKind.PLACE, rule)
        if len(words) == 1 and text in lex.acronym_stoplist:
            # "TV crews": a head noun alone ("TV") names nothing.
            return None
        if last in lex.org_suffixes or words[-1] in lex.org_suffixes:
            return self._simple(text, EntityKind.ORGANISATION, "org-suffix")
        if re.fullmatch(r"[A-Z]{2,6}", text) and text not in lex.acronym_stoplist:
            return self._simple(text, EntityKind.ORGANISATION, "acronym")
        if (
            len(words) > 1
            and re.fullmatch(r"[A-Z]{2,6}", words[0])
            and words[0] not in lex.acronym_stoplist
        ):
            # "UNESCO World Heritage", "NATO Council": an acronym leads an organisation's name.
            return self._simple(text, EntityKind.ORGANISATION, "acronym-led")
        if folded in lex.places or folded.removeprefix("the ") in lex.places:
            return self._simple(text, EntityKind.PLACE, "gazetteer-place")
        if (
            len(words) >= 3
            and words[1] == "of"
            and words[0] in lex.place_suffixes
            and words[0] not in lex.org_suffixes
        ):
            # "Strait of Tessa", "Gulf of Varn", "Bay of Orm": a place's head names it.
            return self._simple(text, EntityKind.PLACE, "place-head-of")
        # "Afghanistan's Maidan Wardak province", "the Sharif provincial council": a name that a
        # region's noun follows names the region; "New York's John F. Kennedy airport", "Narita
        # airport": one a site's noun follows names the site.
        after_rule = (
            None
            if kind_after is None
            else "region-noun-after"
            if kind_after.group(1) in _REGION_NOUNS and len(words) <= 3
            else "site-noun-after"
            if kind_after.group(1) in _SITE_NOUNS_AFTER and len(words) <= 4
            else None
        )
        if after_rule and not self._known_person(words):
            return self._simple(text, EntityKind.PLACE, after_rule)
        if (
            cue in lex.place_cues
            and not _NO_PLACE_AFTER_CUE.search(before)
            and not (cue == "from" and self._person_shaped_after_from(words))
            # "lost reelection to Thom Tillis, a Republican": a person's shape described as one.
            and not (
                cue == "to"
                and _DESCRIBED_AFTER.match(after)
                and self._person_shaped_after_from(words)
            )
            and not (cue == "to" and _POSSESSIVE.match(after))
            # "in the Kestrel Front's campaign": what "in" governs is the thing owned, and a
            # place takes no article before its possessive.
            and not (after_the and _POSSESSIVE.match(after))
            and (folded in lex.minor_places or len(words) <= 3)
            # "in" takes a place over a lone word guessed a person; "via", "to", "at" may
            # take a medium, a person or a firm as well.
            and not (self._firmly_known_person(words) if cue == "in" else self._known_person(words))
            # "from Lumerian Daniel Okafor": a nationality describes a person, not a place.
            and not (nationality and len(words) >= 2)
        ):
            return self._simple(text, EntityKind.PLACE, f"cue-{cue}")
        # The noun before "of" ("the span may hold the "of" itself: "of Varnholt").
        before_words = (before + " " + " ".join(lead)).split()
        of_noun = (
            fold(before_words[-2]) if len(before_words) >= 2 and before_words[-1] == "of" else ""
        )
        if (
            of_noun in lex.place_of_nouns
            and len(words) <= 3
            and not self._firmly_known_person(words)
        ):
            # "her hometown of Varnholt", "the port of Halvik".
            return self._simple(text, EntityKind.PLACE, "place-of")
        if folded in lex.group_nouns or self._nationality(folded):
            return None
        if len(words) >= 2 and any(
            w.endswith("s") and w[:-1] in lex.title_heads and (i > 0 or words[1] == "of")
            for i, w in enumerate(words)
        ):
            # "Joint Chiefs of Staff", "Board of Governors", "Council of Ministers": titles in
            # the plural name a body, never one person ("Representatives Eliot Engel" leads a
            # list of people with theirs).
            return self._simple(text, EntityKind.ORGANISATION, "title-plural")
        known = self._known_person(words)
        if known is not None:
            record = self.people[known]
            return Mention(
                text,
                0,
                0,
                EntityKind.PERSON,
                record.key,
                record.name,
                title=record.title,
                nationality=record.nationality,
                rule="surname-link",
            )
        if (
            len(words) >= 2
            and words[0] in lex.place_modifiers
            and (
                fold(" ".join(words[1:])) in lex.places
                or fold(" ".join(words[1:])) in lex.countries
            )
        ):
            # "South Harnby", "Northern Lumeria": a known place with its part named first.
            return self._simple(text, EntityKind.PLACE, "place-part")
        if (
            2 <= len(words) <= 4
            and all(
                w[:1].isupper() or w in _TRAILING_PARTICLES or _lazy("particle_name").fullmatch(w)
                for w in words
            )
            and not any(
                fold(w) in _COMMON_CAPITALISED
                # "Bill Clinton": a common word that is also a first name opens a name.
                and not (i == 0 and fold(w) in _FIRST_NAME_WORDS)
                for i, w in enumerate(words)
            )
        ):
            shout = [i for i, w in enumerate(words) if _shouted().fullmatch(w.rstrip(".,"))]
            if shout and len(words) >= 3 and shout == [len(words) - 1]:
                # "Ivo Dahl QC": a letters-only honour after the name is no part of it.
                words = words[:-1]
                text = " ".join(words)
                folded = fold(text)
            elif shout or any(ch.isdigit() for ch in text):
                # "Former US presidential ...", "the Orvane A320 jet": a person's name has no
                # capitals-only word and no digits; a leading tenure word describes what follows.
                if words[0] in lex.title_modifiers and len(words) > 1:
                    rest = " ".join(words[1:])
                    return self.classify(rest, before + " " + " ".join(lead + words[:1]), after)
                return None
            if fold(words[-1]) in _NOT_NAMES:
                # "the Roman Catholic cathedral": an adjective of faith or origin ends no name.
                return None
            if any(w in _INNER_PHRASE_WORDS for w in words[1:-1]):
                # "Unite the Right", "Friends of Tessby": a person's name holds particles but
                # no article and no preposition; a run with one inside names an event, a
                # campaign or a body.
                return self._simple(text, EntityKind.ORGANISATION, "phrase-name")
            if after_the and (heads_subject or _HEAD_ENDS.match(after)):
                return self._simple(text, EntityKind.ORGANISATION, "the-name")
            if any(_lazy("particle_name").fullmatch(w) for w in words) and not (
                self.question_mode or self._named_as_person(before, lead, after)
            ):
                # "Omar al-Haddad" and "Bab al-Salem" (a crossing) or "Jaish al-Nour" (a
                # militia) have one shape; a person's needs a role noun before it or a
                # speaker's verb after it.
                return None
            return Mention(
                text,
                0,
                0,
                EntityKind.PERSON,
                folded,
                text,
                nationality=nationality,
                rule="name-shape",
            )
        region_name = (
            self._region_of_adjective(folded, text)
            if self.question_mode and len(words) == 1 and re.match(r"\s+[a-z]", after)
            else None
        )
        if region_name is not None:
            # "From which Siberian city ...?", "beneath Antarctic ice": a region's adjective
            # before a noun asks for a story set in the region ("Tomsk in Siberia"), not for
            # someone named Siberian.
            return Mention(
                text, 0, 0, EntityKind.PLACE, fold(region_name), region_name, rule="place-adjective"
            )
        if len(words) == 1 and (
            _LONE_NAME.fullmatch(text)
            # "Who killed al-Quaety?": in a question, a particle's surname alone names someone.
            or (self.question_mode and _lazy("particle_name").fullmatch(text))
        ):
            # A lone capitalised word that is no place and no known name: most often a surname.
            if (
                before.strip() == ""
                and after.startswith(",")
                and not _lazy("who_after_comma").match(after)
            ):
                # "Separately, ..." opens a sentence; it names no one ("Łukasz, who works
                # at the hall, ..." does).
                return None
            given_name = _lazy("named_before").search(context)
            if given_name and fold(given_name.group(1)) not in lex.org_cue_before:
                # "a Polish chef named Luckasz": what a person is called is a name.
                return Mention(text, 0, 0, EntityKind.PERSON, folded, text, rule="named")
            if after_the and (heads_subject or _HEAD_ENDS.match(after)):
                kind = EntityKind.PLACE if text in lex.place_suffixes else EntityKind.ORGANISATION
                return self._simple(text, kind, "the-name")
            kind_before = _kind_before().search(before)
            if kind_before and kind_before.group(1).capitalize() in lex.place_suffixes:
                # "the river Sarne": the lower-case kind before the name says it is a place.
                return self._simple(text, EntityKind.PLACE, "kind-before")
            if _passive_with().search(before):
                # "was poisoned with Veltrax": what a deed was done with is a means, no one.
                return None
            if (
                not before.strip()
                and text.endswith("ing")
                and re.match(r"\s+(?:is|was|has|had|will)\b", after)
                and self._known_person(words) is None
            ):
                # "Sentencing is scheduled for ...", "Voting was slow": a gerund opening the
                # sentence; a surname like "Manning" there is one the story named before.
                return None
            if self.question_mode or re.match(
                r"\s*(?:said|says|told|added|met|meets|visited|spoke|called|has|had|was|is|will|who|,)",
                after,
            ):
                region = _lazy("region_after").match(after)
                if (
                    not self.question_mode
                    and region
                    and folded in lex.minor_places
                    and (
                        region.group(1) is None
                        or fold(region.group(1)) in lex.places
                        or fold(region.group(1)) in lex.countries
                    )
                ):
                    # "Varnoz, Texas", "troops took Varnoz, which ...": a town the gazetteer
                    # knows, unknown as anyone's name here, before its region (or before a
                    # "which" no person takes) is the town.
                    return self._simple(text, EntityKind.PLACE, "gazetteer-minor")
                return Mention(text, 0, 0, EntityKind.PERSON, folded, text, rule="lone-name")
        return None

    def _region_of_adjective(self, folded: str, text: str) -> str | None:
        """The region a capitalised adjective is of ("Siberian" -> "Siberia", "Antarctic" ->
        "Antarctica"), or None; a country's adjective is a nationality, read elsewhere."""
        lex = self.lex
        forms = {"an": (folded[:-1], text[:-1]), "ic": (folded + "a", text + "a")}
        for ending, (name, written) in forms.items():
            if (
                folded.endswith(ending)
                and (name in lex.places or name in lex.regions or name in lex.countries)
                and folded not in lex.nationalities
                and self._nationality(folded) is None
            ):
                return written
        return None

    def _state_form(self, words: list[str]) -> str | None:
        """'Republic of Tessa', 'Federal Republic of Tessa': a state's form before "of" and a
        country names that country (the name after "of"), not a body."""
        if "of" not in words:
            return None
        at = words.index("of")
        if at == 0 or words[at - 1] not in self.lex.state_forms:
            return None
        if any(w not in self.lex.state_form_modifiers for w in words[: at - 1]):
            # "the Football Federation of Tessa" is a body; "the Federal Republic of Tessa"
            # the state.
            return None
        country = words[at + 1 :]
        if country[:1] == ["the"]:
            country = country[1:]
        name = " ".join(country)
        return name if country and fold(name) in self.lex.countries else None

    def _named_as_person(self, before: str, lead: list[str], after: str) -> bool:
        """'photojournalist Omar al-Haddad', 'Omar al-Haddad said': a lower-case noun right
        before the name (no article, preposition or pronoun), or a speaker's verb after it."""
        if lead:
            return False
        noun = _lazy("role_noun_before").search(before)
        if noun and fold(noun.group(1)) not in _NOT_NAMES and noun.group(1) not in _CUE_WORDS:
            return True
        titled = _lazy("title_comma_before").search(before)
        if titled and titled.group(1) in self.lex.title_heads_folded:
            # "its leader, Abu Bakr al-Baghdadi,": a title set off before the name.
            return True
        return _lazy("speaker_after").match(after) is not None

    def _org_headed(self, words: list[str]) -> bool:
        """Whether a body's head noun ends the name or comes right before its "of"."""
        suffixes = self.lex.org_suffixes
        return bool(words) and (
            words[-1] in suffixes
            or any(w in suffixes and nxt == "of" for w, nxt in pairwise(words))
        )

    def _person_shaped_after_from(self, words: list[str]) -> bool:
        """'support from Ilse Moravec': after "from", two or three name words whose first is no
        place and no place's modifier are a person's name ("from North Tessby", "from Vell
        Harbour" stay places)."""
        lex = self.lex
        if not 2 <= len(words) <= 3 or not all(_LONE_NAME.fullmatch(w) for w in words):
            return False
        whole = fold(" ".join(words))
        if (
            whole in lex.minor_places
            or whole in lex.places
            or whole in lex.countries
            or whole in lex.regions
            or any(w in lex.place_modifiers for w in words)
        ):
            return False
        # A small town's name is often a first name too ("Barry", "Jackson"), so only a
        # well-known place's name opening the run makes it a place.
        first = fold(words[0])
        return not (
            first in lex.places
            or first in lex.countries
            or first in lex.regions
            or any(w in lex.place_suffixes or w in lex.org_suffixes for w in words)
        )

    def _simple(self, text: str, kind: EntityKind, rule: str) -> Mention:
        name = re.sub(r"^the\s+", "", text, flags=re.I)
        return Mention(text, 0, 0, kind, fold(name), name, rule=rule)

    def _firmly_known_person(self, words: list[str]) -> str | None:
        """A known person, unless all the article gave was one capitalised word with no title
        ("Nagorno-Karabakh" guessed a person in a headline is a place "in Nagorno-Karabakh")."""
        key = self._known_person(words)
        if key is None:
            return None
        record = self.people[key]
        return key if len(record.tokens) > 1 or record.title else None

    def _known_person(self, words: list[str]) -> str | None:
        """A surname or first name of a person already seen in this article."""
        target = fold(" ".join(words))
        if target in self.people:
            return target
        best = None
        for key in reversed(self.recent_people):
            record = self.people[key]
            if len(words) == 1 and target in record.folded_tokens:
                return key
            if len(words) > 1 and target in record.folded_name:
                best = best or key
        return best

    # --- sentence-level API ---------------------------------------------------------------

    def mentions(
        self, sentence: str, sentence_index: int = 0, body: str | None = None
    ) -> list[Mention]:
        """All entity mentions in one sentence, registering people for later linking.

        `body`, given for a headline, is the article text: a headline written in title case
        capitalises every word, so a run of them is a name only when the body writes it too."""
        self._confirm = body if body is not None and _title_cased(sentence) else None
        try:
            return self._mentions(sentence, sentence_index)
        finally:
            self._confirm = None

    def _mentions(self, sentence: str, sentence_index: int) -> list[Mention]:
        found: list[Mention] = []
        covered = 0
        for match in _SPAN.finditer(sentence):
            span = match.group()
            start = match.start()
            if start < covered:
                continue
            # A possessive splits "Japan's Nara Prefecture" into two spans, but not a name
            # whose last word is a place's ("the Harbour Master's House", "St Anne's Church").
            tail = _POSSESSIVE_SITE.match(sentence, match.end())
            saint = None
            if span.split(" ", 1)[0] in self.lex.place_prefixes and " " in span:
                saint = _SAINT_POSSESSIVE.match(sentence, match.end())
                tail = saint or tail
            if tail and (
                tail is saint
                or (
                    tail.group(1) in self.lex.place_suffixes
                    # "London's Tower Bridge": a known place owns the site named after it.
                    and not (fold(span) in self.lex.places or fold(span) in self.lex.countries)
                )
            ):
                span = sentence[start : tail.end()]
                covered = tail.end()
                found.extend(self._classify_part(sentence, span, start, tail.end(), sentence_index))
                continue
            parts = re.split(r"(?<=\w)['’]s\s+", span)
            offset = start
            for part in parts:
                part_start = sentence.find(part, offset)
                part_end = part_start + len(part)
                offset = part_end
                found.extend(
                    self._classify_part(sentence, part, part_start, part_end, sentence_index)
                )
        found = self._portfolio_holders(sentence, found, sentence_index)
        found = self._extend_for(
            sentence, self._merge_organisations(sentence, found), sentence_index
        )
        found = self._coordinated_kinds(sentence, self._led_bodies(sentence, found), sentence_index)
        found = self._place_appositions(sentence, found, sentence_index)
        for m in found:
            if m.kind is EntityKind.ORGANISATION and m.rule in _CONTEXT_BODY_RULES and m.key:
                self.bodies.add(m.key)
                words = (m.name or m.text).split()
                if len(words) > 1 and words[-1] in self.lex.legal_forms:
                    # "Apple Inc. released ...", then "Apple has plans ...": the same company.
                    self.bodies.add(fold(" ".join(words[:-1])))
            elif m.kind is EntityKind.PLACE and m.rule in _CONTEXT_PLACE_RULES and m.key:
                self.places_seen.add(m.key)
        return found

    def _portfolio_holders(
        self, sentence: str, found: list[Mention], sentence_index: int
    ) -> list[Mention]:
        """'Minister of State for Europe Ivo Dahl', 'Assistant Secretary of the Navy for
        Research Lena Marsh': after a title and "for", the capitalised run holds the
        portfolio and then the holder's name (its last two words, three with an initial),
        not one long name."""
        out: list[Mention] = []
        for i, mention in enumerate(found):
            words = mention.text.split()
            title = self._title_before_for(sentence, found[:i], mention)
            if (
                mention.kind is not EntityKind.PERSON
                or mention.rule != "name-shape"
                or len(words) < 3
                or title is None
            ):
                out.append(mention)
                continue
            keep = 3 if len(words) >= 4 and _INITIAL.fullmatch(words[-2]) else 2
            name = " ".join(words[-keep:])
            start = mention.end - len(name)
            self._unregister(mention.key, sentence_index)
            holder = Mention(
                name,
                start,
                mention.end,
                EntityKind.PERSON,
                fold(name),
                name,
                title=sentence[title.start : start].strip(),
                rule="title-for+name",
            )
            self._register(holder, sentence_index)
            out.append(holder)
        return out

    def _title_before_for(
        self, sentence: str, before: list[Mention], mention: Mention
    ) -> Mention | None:
        """The title a portfolio's "for" follows, written right before `mention`: "Minister of
        State" or "Assistant Secretary" + "of the" + a body's name."""
        if not before or not _FOR_JOINT.fullmatch(sentence, before[-1].end, mention.start):
            return None
        previous = before[-1]
        if self._is_title(previous):
            return previous
        if (
            previous.kind is EntityKind.ORGANISATION
            and len(before) >= 2
            and self._is_title(before[-2])
            and _OF_JOINT.fullmatch(sentence, before[-2].end, previous.start)
        ):
            return before[-2]
        return None

    def _is_title(self, mention: Mention) -> bool:
        first = fold(mention.text.split()[0]).rstrip(".") if mention.text.split() else ""
        heads = self.lex.title_heads_folded
        return mention.rule == "title-only" or (first in heads and " of " in mention.text)

    def _led_bodies(self, sentence: str, found: list[Mention]) -> list[Mention]:
        """'Artists for Open Water Foundation', 'the Keepers of the Orm Trust': capitalised words
        that name nothing alone, then "for" or "of the" and a body's name ending in its head
        noun, are the start of that body's name (a person's name takes neither joint). Before
        "of the" only a plural that does not open the sentence ("Supporters of the ... said" is
        capitalised only for its place)."""
        out = list(found)
        for i, mention in enumerate(out):
            if mention.kind is not EntityKind.ORGANISATION or mention.rule != "org-suffix":
                continue
            lead = _lazy("body_lead").search(sentence, 0, mention.start)
            if lead is None:
                continue
            words = lead.group("words").split()
            begin = lead.start("words")
            if (
                any(fold(w) in _NOT_NAMES or _BREAK.fullmatch(w) for w in words)
                # "Speaking for the Orm Trust": a participle opening the clause is no name.
                or words[0].endswith("ing")
                or any(m.end > begin and m.start < mention.start for m in out if m is not mention)
                or (
                    lead.group("joint").startswith("of")
                    # "a Fellow of the Orm Society" holds a rank in it; a plural names members.
                    and (
                        not sentence[:begin].strip(" \"'“‘(")
                        or len(words) != 1
                        or not words[0].endswith("s")
                    )
                )
            ):
                continue
            text = sentence[begin : mention.end]
            out[i] = Mention(
                text, begin, mention.end, EntityKind.ORGANISATION, fold(text), text, rule="led-body"
            )
        return out

    def _coordinated_kinds(
        self, sentence: str, found: list[Mention], sentence_index: int
    ) -> list[Mention]:
        """'Velt Group, Orsbank and Kanvabank', 'Ivo Dahl, Marek and Sollen': the members of one
        list are things of one kind, so a lone capitalised word listed with a body named by
        its form (a suffix, an acronym, a kind noun) is a body too, and one listed with a
        person's full name is a person, though nothing about the word alone says so. A word
        read as a place only from the preposition before the list takes the list's kind."""
        strong = [
            m
            for m in found
            if (m.kind is EntityKind.ORGANISATION and m.rule not in _LIST_WEAK_RULES)
            or (m.kind is EntityKind.PERSON and not m.role_only and m.rule in _LIST_PERSON_RULES)
            or (m.kind in _LIST_PLACE_KINDS and m.rule in _LIST_PLACE_RULES)
        ]
        if not strong:
            return found
        added: dict[int, Mention] = {}
        for anchor in strong:
            # "Lumeria and Harnshire": a list of places is one of places, whatever their rank.
            kind = EntityKind.PLACE if anchor.kind in _LIST_PLACE_KINDS else anchor.kind
            # "In a post to Orvane, Dahl said": members set off by commas alone are a clause
            # before its subject; a list joins its last member with "and" or "or".
            pending: dict[int, Mention] = {}
            listed = False
            for step in (1, -1):
                pos = anchor.start if step < 0 else anchor.end
                right_end = anchor.end
                crossed = False
                while True:
                    member = self._list_member(sentence, pos, step)
                    if member is None:
                        break
                    start, end, final = member
                    inside = [m for m in found if m.start < end and m.end > start]
                    have = (
                        pending.get(start)
                        or added.get(start)
                        or (inside[0] if len(inside) == 1 else None)
                    )
                    if have is not None and start <= have.start and have.end <= end:
                        if have.kind in _LIST_PLACE_KINDS and kind is EntityKind.PLACE:
                            pass
                        elif have.kind is not kind and (
                            not self._weakly_kinded(have)
                            # "Russia and Assad": a place's list takes no one named as a person.
                            or kind is EntityKind.PLACE
                        ):
                            break
                        elif have.kind is not kind:
                            pending[have.start] = self._listed(have.text, have.start, kind)
                    elif (
                        not inside
                        and self._bare_name(sentence[start:end])
                        # A sentence's first word is capitalised for its place alone.
                        and sentence[:start].strip(" \"'“‘(")
                        # It ends its noun phrase: "the Orsic and Velt Parties" share a head
                        # noun, and "Orsic and Velt leaders" describe people.
                        and _lazy("member_end").match(sentence, end) is not None
                        and not (step < 0 and final and " " in sentence[pos:right_end].strip())
                    ):
                        pending[start] = self._listed(sentence[start:end], start, kind)
                    else:
                        break
                    pos, right_end = (end if step > 0 else start), end
                    listed = listed or final
                    # "A, B and C" ends at C going right; going left only commas join more
                    # members before the one "and".
                    if final and (step > 0 or crossed):
                        break
                    crossed = crossed or final
            if listed:
                added.update(pending)
        if not added:
            return found
        kept = [m for m in found if m.start not in added]
        for m in found:
            if m.start in added and m.kind is EntityKind.PERSON:
                self._unregister(m.key, sentence_index)
        for m in added.values():
            if m.kind is EntityKind.PERSON:
                self._register(m, sentence_index)
        return sorted([*kept, *added.values()], key=lambda m: m.start)

    def _list_member(self, sentence: str, pos: int, step: int) -> tuple[int, int, bool] | None:
        """The capitalised run joined to a list member at `pos` by a comma, "and" or "or" (after
        it when `step` > 0, before it otherwise), and whether an "and"/"or" joined it."""
        if step > 0:
            sep = _lazy("list_sep").match(sentence, pos)
            run = _SPAN.match(sentence, sep.end()) if sep else None
            if sep is None or run is None:
                return None
            start, end = run.start(), run.end()
            if sentence.startswith(("the ", "The "), start):
                start += 4
            # "Orsbank and Velt Bank" arrives as one run: the next member ends at its "and".
            joined = re.search(r"\s+(?:and|or)\s+", sentence[start:end])
            if joined:
                end = start + joined.start()
            joint = sep.group()
        else:
            back = _lazy("list_before").search(sentence, 0, pos)
            if back is None:
                return None
            start, end = back.start("words"), back.end("words")
            joint = back.group("sep")
        if sentence[end - 1 : end] == "." and end - start <= 3:
            # "Jr.", "St.": an abbreviation, no member of its own.
            return None
        while end > start and sentence[end - 1] == ".":
            end -= 1
        if end <= start:
            return None
        return start, end, bool(re.search(r"\b(?:and|or)\s*$", joint))

    def _bare_name(self, word: str) -> bool:
        """A lone capitalised word that nothing else makes a place, a title or a body's head."""
        lex = self.lex
        folded = fold(word)
        return bool(
            _LONE_NAME.fullmatch(word)
            and folded not in _NOT_NAMES
            and folded not in _COMMON_CAPITALISED
            and folded not in lex.group_nouns
            and folded not in lex.places
            and folded not in lex.countries
            and folded not in lex.regions
            and word not in lex.org_suffixes
            and word not in lex.place_suffixes
            and word not in lex.title_heads
            and word not in lex.title_modifiers
            and not self._nationality(folded)
        )

    def _weakly_kinded(self, mention: Mention) -> bool:
        return " " not in mention.text and (
            (mention.kind is EntityKind.PLACE and mention.rule in _WEAK_PLACE_RULES)
            or (mention.kind is EntityKind.PLACE and mention.rule.startswith("cue-"))
            or (mention.kind is EntityKind.PERSON and mention.rule == "lone-name")
        )

    def _listed(self, text: str, start: int, kind: EntityKind) -> Mention:
        return Mention(
            text, start, start + len(text), kind, fold(text), text, rule="coordinated-kind"
        )

    def _place_appositions(
        self, sentence: str, found: list[Mention], sentence_index: int
    ) -> list[Mention]:
        """'in Lindow, Harnshire, on Saturday', 'the provincial capital, Varno, fell': a name set
        off by commas right after a place, or after a place's noun, is a place too (the wider
        region, or the place's own name), not a person's surname, when the clause goes on
        without it (another place, a preposition, or the sentence's end; "In Lindow, Hale
        said" keeps its speaker)."""
        for i, mention in enumerate(found):
            if mention.kind is not EntityKind.PERSON or mention.rule not in {
                "lone-name",
                "name-shape",
                "coordinated-name",
            }:
                continue
            previous = found[i - 1] if i else None
            after_place = (
                previous is not None
                and previous.kind in {EntityKind.PLACE, EntityKind.COUNTRY}
                and previous.rule not in _WEAK_PLACE_RULES
                # One word: "at Orvane Capital, Ivo Dahl" names the speaker after his firm.
                and " " not in mention.text
                and re.fullmatch(r",\s+", sentence[previous.end : mention.start]) is not None
            )
            noun = _lazy("place_noun_comma").search(sentence, 0, mention.start)
            after_noun = bool(noun and fold(noun.group(1)) in self.lex.place_of_nouns)
            if not (after_place or after_noun):
                continue
            nxt = found[i + 1] if i + 1 < len(found) else None
            ends = _lazy("apposition_end").match(sentence, mention.end) is not None or bool(
                nxt is not None
                and nxt.kind in {EntityKind.PLACE, EntityKind.COUNTRY}
                and re.fullmatch(r",\s+", sentence[mention.end : nxt.start])
            )
            if not ends:
                continue
            self._unregister(mention.key, sentence_index)
            found[i] = self._simple(mention.text, EntityKind.PLACE, "place-apposition")
            found[i].start, found[i].end = mention.start, mention.end
        return found

    def _extend_for(
        self, sentence: str, found: list[Mention], sentence_index: int
    ) -> list[Mention]:
        """'the Tessby Center for Coastal Studies', 'the Velk Fund for Rural Schools': a body's or
        a site's head noun followed by "for" and capitalised words is one name, whatever its
        parts were taken for (the words after "for" alone may look like a person's name, or
        like nothing). A site's name keeps its kind: such a centre is also where things are."""
        out: list[Mention] = []
        skip_until = -1
        for mention in found:
            if mention.start < skip_until:
                if mention.kind is EntityKind.PERSON:
                    self._unregister(mention.key, sentence_index)
                continue
            out.append(mention)
            if mention.kind is not EntityKind.ORGANISATION and not (
                mention.kind is EntityKind.PLACE
                and mention.text.split()[-1] in self.lex.place_for_heads
            ):
                continue
            joint = _lazy("for_joint").match(sentence, mention.end)
            run = _SPAN.match(sentence, joint.end()) if joint else None
            if run is None or any(
                m.rule == "title-for+name" and run.start() <= m.start < run.end() for m in found
            ):
                # "Secretary of the Navy for Research Lena Marsh": the run holds a portfolio
                # and its holder, not the rest of the body's name.
                continue
            words = run.group().split()
            last = run.group().split(" and ")[-1].split()
            if " and " in run.group() and (
                # "... for Policy and Tessby Centre", "Centre for Law and Centre for Art": a
                # second body (not "Centre for Internet and Society", whose name ends so).
                last[-1] == mention.text.split()[-1]
                or (
                    len(last) > 1
                    and (last[-1] in self.lex.org_suffixes or last[-1] in self.lex.place_suffixes)
                )
                or any(
                    m.kind is EntityKind.PERSON
                    and m.rule in {"title+name", "surname-link"}
                    and run.start() < m.start < run.end()
                    for m in found
                )
            ):
                # "... for Policy and Mayor Ivo Dahl": a person after "and" is someone else.
                words = run.group().split(" and ")[0].split()
            while words and words[-1] in _TRAILING_PARTICLES:
                words.pop()
            if (
                words
                and words[-1].endswith(".")
                and "." not in words[-1][:-1]
                and (len(words[-1]) > 4 or not sentence[run.end() :].strip(" \"'”’)"))
            ):
                # A sentence's full stop, not an abbreviation's ("U.S.", "Inc.").
                words[-1] = words[-1][:-1]
            run_name = fold(" ".join(words))
            if (
                run_name in self.lex.countries
                or run_name in self.lex.places
                or (
                    words
                    and words[-1] in self.lex.org_suffixes
                    # "Centre for Internet and Society": one word after "and" ends this name.
                    and not (" and " in " ".join(words) and len(last) == 1)
                )
            ):
                # "Drake University for U.S. veterans", "the Tessby Hall for the Grain Council":
                # a place or a body of its own after "for" is whom it is for.
                continue
            if (
                not words
                or not words[0][:1].isupper()
                or fold(words[0]).rstrip(".") in _NOT_NAMES
                or any(_BREAK.fullmatch(w) for w in words)
                or _POSSESSIVE.match(sentence, run.end())
            ):
                continue
            end = run.start() + len(" ".join(words))
            if sentence[run.start() : end] != " ".join(words):
                continue
            text = sentence[mention.start : end]
            kind = mention.kind
            if kind is EntityKind.PLACE:
                # "held at the Tessby Centre for Surgery" is where it was; "the Tessby Centre
                # for Surgery found" is the body: the word before the name says which.
                cue = _lazy("cue_before").search(sentence, 0, mention.start)
                if not (
                    cue
                    and (
                        cue.group(1).lower() in self.lex.place_cues or cue.group(1).lower() == "on"
                    )
                ):
                    kind = EntityKind.ORGANISATION
            out[-1] = Mention(text, mention.start, end, kind, fold(text), text, rule="org-for")
            skip_until = end
        return out

    def _unregister(self, key: str, sentence_index: int) -> None:
        """Take back a person this sentence made (one named before stays)."""
        record = self.people.get(key)
        if record is None or record.first_sentence != sentence_index:
            return
        del self.people[key]
        if key in self.recent_people:
            self.recent_people.remove(key)
        if self.first_person.get(sentence_index) == key:
            del self.first_person[sentence_index]

    def _forget_person(self, mention: Mention) -> None:
        """Drop a person registered from a mention that turned out to be part of a body's name."""
        if mention.kind is EntityKind.PERSON:
            self.people.pop(mention.key, None)
            if mention.key in self.recent_people:
                self.recent_people.remove(mention.key)

    def _merge_organisations(self, sentence: str, found: list[Mention]) -> list[Mention]:
        """'Aramont Institute' + 'for' + 'Policy Studies' is one organisation."""
        out: list[Mention] = []
        for mention in found:
            previous = out[-1] if out else None
            if (
                previous is not None
                and mention.text in _CORPORATE_FORMS
                and sentence[previous.end : mention.start] == ", "
                and previous.kind in {EntityKind.ORGANISATION, EntityKind.PERSON}
                and not previous.title
            ):
                # "YRC Worldwide, Inc.": the company's legal form after a comma ends its name.
                self._forget_person(previous)
                out[-1] = _spanned(
                    sentence, previous.start, mention.end, EntityKind.ORGANISATION, "org-legal-form"
                )
                continue
            if (
                previous is not None
                and previous.rule in {"org-of", "org-phrase"}
                and sentence[previous.end : mention.start] == " and "
                and (
                    (mention.rule == "org-suffix" and mention.text.split()[-1] in _FIELD_HEADS)
                    or (" " not in mention.text and _FIELD_NOUN.search(mention.text) is not None)
                )
            ):
                # "the Department of Health and Human Services", "the Institute for Health
                # Metrics and Evaluation": a body named after two fields (the second ending in a
                # body's word or a field's ending; "the Department of Justice and Smith" is two).
                self._forget_person(mention)
                out[-1] = _spanned(
                    sentence, previous.start, mention.end, EntityKind.ORGANISATION, "org-of"
                )
                continue
            if previous is not None and self._of_two_places(sentence, previous, mention):
                # "the Holy Realm of Varn and the Steppe": a body named after two regions.
                lead = _CAPITALISED_LEAD.search(sentence, 0, previous.start)
                begin = lead.start() if lead else previous.start
                out[-1] = _spanned(
                    sentence, begin, mention.end, EntityKind.ORGANISATION, "org-of-places"
                )
                continue
            if previous is not None and self._of_the_site(sentence, previous, mention):
                # "the Friends of the Tessby Harbour Hall": after "the", a name, "of the" and a
                # site's or a body's name ending in its head noun are one name; a body's head
                # before "of" makes it the body's ("the Bank of the Tessby Islands").
                kind = (
                    EntityKind.ORGANISATION
                    if previous.text.split()[-1] in self.lex.org_suffixes
                    else mention.kind
                )
                out[-1] = _spanned(sentence, previous.start, mention.end, kind, "of-the-name")
                continue
            if (
                previous is not None
                and previous.kind is EntityKind.ORGANISATION
                and re.fullmatch(
                    r"\s+(?:for|of|on)\s+(?:the\s+)?", sentence[previous.end : mention.start]
                )
                and mention.kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
                and mention.rule in {"name-shape", "org-suffix", "lone-name", "phrase-name"}
            ):
                self._forget_person(mention)
                out[-1] = _spanned(
                    sentence, previous.start, mention.end, EntityKind.ORGANISATION, "org-phrase"
                )
                continue
            out.append(mention)
        return out

    def _of_the_site(self, sentence: str, previous: Mention, mention: Mention) -> bool:
        lex = self.lex
        if previous.kind is EntityKind.PERSON or previous.kind is EntityKind.COUNTRY:
            return False
        if mention.rule not in {"place-suffix", "org-suffix"}:
            return False
        if not re.fullmatch(r"\s+of\s+the\s+", sentence[previous.end : mention.start]):
            return False
        if not _THE_BEFORE.search(sentence, max(0, previous.start - 6), previous.start):
            return False
        last = mention.text.split()[-1]
        return " " in mention.text.strip() and (
            last in lex.place_suffixes or last in lex.org_suffixes
        )

    def _of_two_places(self, sentence: str, previous: Mention, mention: Mention) -> bool:
        """'State of Varn' + 'and the' + 'Steppe': the object of a name's "of" goes on with a
        second place after "and the" (the article keeps it from being a list of three)."""
        lex = self.lex
        of = re.fullmatch(r"\S.*?\s+of\s+(?:the\s+)?(.+)", previous.text)
        if not of or not re.fullmatch(r"\s+and\s+the\s+", sentence[previous.end : mention.start]):
            return False

        def place(name: str) -> bool:
            f = fold(name).removeprefix("the ")
            return f in lex.countries or f in lex.places or f in lex.regions

        return (
            previous.kind is not EntityKind.PERSON
            and place(of.group(1))
            and place(mention.name or mention.text)
            and " " not in mention.text.strip()
        )

    def _classify_part(
        self, sentence: str, part: str, start: int, end: int, sentence_index: int
    ) -> list[Mention]:
        if self._shared_head(sentence, part, start):
            return self._classify_one(sentence, part, start, end, sentence_index)
        # "Egypt, Turkey and Jordan" arrive as separate spans; "Lee and Takaichi" may arrive as one.
        pieces = [p for p in _BREAK.split(part) if p and p.strip()]
        pieces = [q for p in pieces for q in self._split_hyphen_pair(p)]
        if (
            self.question_mode
            and len(pieces) == 1
            and _SIDES.fullmatch(pieces[0])
            and _SIDES_NOUN.match(sentence, end)
        ):
            # "the Demaro-Danek summit", "the Ardelean-Voss-Aalen talks": two sides meeting,
            # the first one word, the second the rest ("Voss-Aalen" is one name).
            first, rest = pieces[0].split("-", 1)
            pieces = [first, rest]
        pieces = [q for p in pieces for q in self._split_of(p)]
        pieces = [q for p in pieces for q in self._split_org_lead(p)]
        if pieces != [part]:
            out = []
            cursor = start
            unknown: list[tuple[str, int, int]] = []
            for piece in pieces:
                piece_start = sentence.find(piece, cursor)
                cursor = piece_start + len(piece)
                found = self._classify_one(sentence, piece, piece_start, cursor, sentence_index)
                if not found and _LONE_NAME.fullmatch(piece.strip()):
                    unknown.append((piece.strip(), piece_start, cursor))
                out.extend(found)
            if unknown and any(m.kind is EntityKind.PERSON and not m.role_only for m in out):
                # "Poroshenko and Trump": a lone name joined to a person is a person too.
                for word, word_start, word_end in unknown:
                    if fold(word) in _NOT_NAMES or self._nationality(fold(word)):
                        continue
                    if self._modifies_a_role(sentence, word_end):
                        # "Pence and Democratic vice presidential nominee Kamala Harris": the
                        # word describes the role of the name after it; it names no one.
                        continue
                    mention = Mention(
                        word,
                        word_start,
                        word_end,
                        EntityKind.PERSON,
                        fold(word),
                        word,
                        rule="coordinated-name",
                    )
                    self._register(mention, sentence_index)
                    out.append(mention)
                out.sort(key=lambda m: m.start)
            return out
        return self._classify_one(sentence, part, start, end, sentence_index)

    def _modifies_a_role(self, sentence: str, end: int) -> bool:
        """Whether the words after `end` are a lower-case role (a title's head or modifier or
        a person's noun, up to three words) and then a capitalised name."""
        words = _ROLE_THEN_NAME.match(sentence, end)
        if words is None:
            return False
        lex = self.lex
        return any(
            w in lex.title_heads_folded or w in lex.title_modifiers_folded or w in lex.role_nouns
            for w in words.group(1).split()
        )

    def _shared_head(self, sentence: str, part: str, start: int) -> bool:
        """'the Kessa Fire and Rescue Service', 'the Dorn Lake and Vell Medical Center': after
        "the", two names joined by "and" before one body's or site's head noun are one name
        (people joined by "and" take no article). Not when the left side names something
        alone ("the Foreign Ministry and Defense Ministry", "the Orvik and Tessby Harbour")."""
        lex = self.lex
        joined = re.fullmatch(
            r"((?:[Tt]he\s+)?)(\S+(?:\s+\S+){0,2})\s+and\s+(\S+(?:\s+\S+){1,2})", part
        )
        if not joined or _BREAK.search(joined.group(2)) or _BREAK.search(joined.group(3)):
            return False
        if not joined.group(1) and not _THE_BEFORE.search(sentence[max(0, start - 6) : start]):
            return False
        left, right = joined.group(2).split(), joined.group(3).split()
        head = right[-1]
        if head not in lex.org_suffixes and head not in lex.place_suffixes:
            return False
        if any(w in lex.org_suffixes or w in lex.place_suffixes for w in (left[-1], right[0])):
            return False
        if any(w.isupper() for w in left):
            # "the AP and Orvane News": an acronym names its body alone.
            return False
        names = [" ".join(left), " ".join(right), left[0], right[0], " ".join(right[:-1])]
        return not any(
            fold(n) in lex.countries or fold(n) in lex.places or fold(n) in lex.nationalities
            for n in names
        ) and all(w[:1].isupper() for w in left + right)

    def _split_hyphen_pair(self, text: str) -> list[str]:
        """'South Korea-Japan' and 'Libya-Turkey' name two countries; 'Voss-Aalen' one person."""
        if "-" not in text and "–" not in text:
            return [text]
        text = re.sub(r"^(?:the|The)\s+", "", text)
        parts = re.split(r"[-–](?=[A-Z])", text)
        if len(parts) == 2 and all(
            fold(p) in self.lex.countries or fold(p) in self.lex.places for p in parts
        ):
            return parts
        return [text]

    def _split_of(self, text: str) -> list[str]:
        """'Anika Voll of Brandis Capital' is a person and an organisation; 'Bank of Korea' one."""
        if " of " not in text:
            return [text]
        left, right = text.split(" of ", 1)
        left_words = left.split()
        last = left_words[-1].rstrip(".") if left_words else ""
        if (
            2 <= len(left_words) <= 3
            and last not in self.lex.org_suffixes
            and last not in self.lex.place_suffixes
            and last not in self.lex.title_heads
            # "United Metalworkers of Valdoria": an organisation's word opens it.
            and left_words[left_words[0].lower() == "the"] not in self.lex.org_suffixes
            # "the Sons of the Harbour Guild": a person's name before "of" takes no article.
            and left_words[0].lower() != "the"
            and not any(
                w in self.lex.title_heads or w in self.lex.title_modifiers for w in left_words
            )
        ):
            return [left, right]
        return [text]

    def _split_org_lead(self, text: str) -> list[str]:
        """'Senate Foreign Relations Committee Chairman Edwin Harlow', 'Valdoria Motors CEO Dario
        Lucan', 'Atomic Energy Organization Tomas Vell': an organisation's name written
        before its officer's name is two entities, or the whole run is neither's."""
        words = text.split()
        lex = self.lex
        if (
            len(words) >= 2
            and re.fullmatch(r"[A-Z]{2,6}", words[0])
            and words[0] not in lex.acronym_stoplist
            and self._firmly_known_person(words[1:])
        ):
            # "told MSNBC Cummings was ...": the body, then a person the story named before.
            return [words[0], " ".join(words[1:])]
        for i in range(len(words) - 3, 0, -1):
            if words[i].rstrip(".,") not in lex.org_suffixes:
                continue
            if fold(" ".join(words[i : i + 2])) in lex.countries:
                # "President of the United States Ivo Dahl": "United" opens a country here.
                continue
            rest = words[i + 1 :]
            title, name = self._title_split(rest)
            if any(fold(w) in _COMMON_CAPITALISED for w in name) or any(
                w in lex.org_suffixes or w in lex.place_suffixes or w in lex.title_heads
                for w in name
            ):
                return [text]
            shaped = all(
                (w[:1].isupper() and not w.isupper())
                or (w in _TRAILING_PARTICLES and w not in {"of", "the", "and", "for"})
                or _lazy("particle_name").fullmatch(w)
                for w in name
            )
            if shaped and (1 if title else 2) <= len(name) <= 3:
                return [" ".join(words[: i + 1]), " ".join(rest)]
            return [text]
        return [text]

    def _classify_one(
        self, sentence: str, text: str, start: int, end: int, sentence_index: int
    ) -> list[Mention]:
        mention = self.classify(
            text, sentence[max(0, start - 40) : start], sentence[end : end + 30]
        )
        if mention is None:
            return []
        if (
            self._confirm is not None
            and mention.rule == "title+name"
            and not _written_in(mention.name, self._confirm)
        ):
            # "General Urges Voters Not to Rush": in a title-cased headline the words after a
            # title are a name only as far as the body writes them; the words before the part
            # the body writes belong to the title ("Harbour Mayor Candidate Ivo Dahl Wins").
            names = mention.name.split()
            at = text.find(mention.name)
            for size in range(len(names) - 1, 0, -1):
                # A lone word after other capitalised words ("Urges Voters") may be any
                # capitalised word of the body; a name's word there opens the run.
                for first in range(len(names) - size + 1 if size > 1 else 1):
                    part = names[first : first + size]
                    name = " ".join(part)
                    if (
                        part[0] in _TRAILING_PARTICLES
                        or part[-1] in _TRAILING_PARTICLES
                        or not _written_in(name, self._confirm)
                    ):
                        continue
                    lead = text[: at + len(" ".join(names[:first]))].strip()
                    begin = start + text.find(lead)
                    end = start + at + len(" ".join(names[: first + size]))
                    found = Mention(
                        sentence[begin:end],
                        begin,
                        end,
                        EntityKind.PERSON,
                        fold(name),
                        name,
                        title=" ".join([*(mention.title or "").split(), *names[:first]]),
                        nationality=mention.nationality,
                        rule="title+name",
                    )
                    self._register(found, sentence_index)
                    return [found]
            return []
        if (
            self._confirm is not None
            and (mention.rule in _SHAPE_RULES or mention.rule.startswith("cue-"))
            and not re.search(
                r"(?<![\w'’-])" + re.escape(mention.text) + r"(?![\w'’-])", self._confirm
            )
        ):
            # "Mayor Woos Harbour Voters", "Police Charge at Harbour Voters": a headline's
            # capitals alone make no name, nor a place of what follows "at"; but the name the
            # body writes may open the run ("Ivo Dahl Visits Varnholt").
            words = text.split()
            for size in range(len(words) - 1, 1, -1):
                head = " ".join(words[:size])
                if re.search(r"(?<![\w'’-])" + re.escape(head) + r"(?![\w'’-])", self._confirm):
                    return self._classify_one(
                        sentence, head, start, start + len(head), sentence_index
                    )
            return []
        # Offsets of the part that was kept after stripping leading words.
        inner = text.find(mention.text)
        mention.start = start + max(inner, 0)
        mention.end = mention.start + len(mention.text)
        seen = self._seen_kind(mention)
        if seen is not None:
            # "company Orvane Labs announced ...", then "Orvane Labs also sponsors ..." and
            # "Orvane Labs Cloud": the body the article named, not a person of that name.
            mention = self._simple(mention.text, seen, f"seen-{seen.value}")
            mention.start = start + max(inner, 0)
            mention.end = mention.start + len(mention.text)
            return [mention]
        if mention.kind is EntityKind.PERSON and not mention.role_only and not mention.title:
            # "presidential spokesman Karim Nasser": a title in lower case before the name.
            role = _LOWER_TITLE.search(sentence, max(0, mention.start - 30), mention.start)
            if role and role.group(1) in self.lex.title_heads_folded:
                mention.title = role.group(1)
        if mention.kind is EntityKind.PERSON and not mention.role_only:
            self._register(mention, sentence_index)
        return [mention]

    def _seen_kind(self, mention: Mention) -> EntityKind | None:
        """The kind of a person guessed by shape or link when it is, in full or by its first
        words, a name the article has already typed as a body from its context, or one word
        it has typed as a place."""
        if mention.kind is not EntityKind.PERSON or mention.rule not in {
            "name-shape",
            "lone-name",
            "surname-link",
        }:
            return None
        words = fold(mention.text).split()
        if any(" ".join(words[:n]) in self.bodies for n in range(len(words), 0, -1)):
            return EntityKind.ORGANISATION
        if len(words) == 1 and words[0] in self.places_seen:
            return EntityKind.PLACE
        return None

    def _register(self, mention: Mention, sentence_index: int) -> None:
        record = self.people.get(mention.key)
        if record is None:
            record = PersonRecord(mention.key, mention.name, tuple(mention.name.split()))
            record.first_sentence = sentence_index
            self.people[mention.key] = record
        if mention.title and not record.title:
            record.title = mention.title
        if mention.title:
            record.titles.append(mention.title)
            for word in mention.title.lower().replace(".", " ").split():
                gender = _TITLE_GENDER.get(word)
                if gender:
                    record.genders[gender] = record.genders.get(gender, 0) + 2
        if mention.nationality and not record.nationality:
            record.nationality = mention.nationality
        mention.title = mention.title or record.title
        mention.nationality = mention.nationality or record.nationality
        record.last_sentence = sentence_index
        self.first_person.setdefault(sentence_index, mention.key)
        if mention.key in self.recent_people:
            self.recent_people.remove(mention.key)
        self.recent_people.append(mention.key)

    def person_with_title(self, title_word: str) -> PersonRecord | None:
        """The most recent person whose title contains `title_word` ("the prime minister")."""
        wanted = fold(title_word)
        if not wanted:
            return None
        fallback = None
        for key in reversed(self.recent_people):
            record = self.people[key]
            titles = [t for t in [record.title or "", *record.titles] if wanted in fold(t)]
            if not titles:
                continue
            if all(self._led_title(t) for t in titles):
                # "NAACP President Cornell Brooks" presides over the NAACP: "the president"
                # alone is the one whose title is bare, if the story named one.
                fallback = fallback or record
                continue
            return record
        return fallback

    def _led_title(self, title: str) -> bool:
        """Whether a title opens with a body's or a place's name ("Harbour Police Constable")."""
        first = title.split()[0] if title.split() else ""
        return bool(first[:1].isupper()) and (
            first not in self.lex.title_heads and first not in self.lex.title_modifiers
        )

    def last_person(self) -> PersonRecord | None:
        return self.people[self.recent_people[-1]] if self.recent_people else None


_ROLE_REFERENCE = lazy_compile(
    r"\b(?:the|The)\s+((?:[a-z]+\s+){0,2}(?:president|prime minister|minister|chancellor|premier|king|queen|pope|governor|mayor|secretary|ambassador|senator|chairman|chairwoman|chief executive|ceo|adviser|envoy|leader|spokesman|spokeswoman|general|commander))\b"
)
_PRONOUN = lazy_compile(
    r"\b(he|she|He|She|his|her|His|Her|him)\b(?!\s+(?:Majesty|Highness|Excellency|Holiness|Royal)\b)"
)
# The text before a quote's speaker: a quote closed by a comma right before the pronoun
# ('"However," he said', 'A zone would give "room to train," she told ...'), with no name
# before the quote that the pronoun could stand for (no capital after the first word).
_QUOTE_OPENING = lazy_compile(
    r"^\s*(?:[A-Z]?[^\"“”A-Z]{0,120})?[\"“][^\"“”]{1,200}?[,!?]\s*[\"”]\s*$"
)


@dataclass
class SentenceEntities:
    """Mentions in one sentence after within-article linking."""

    mentions: list[Mention]
    references: list[Mention]


def link_references(
    sentence: str, recognizer: EntityRecognizer, sentence_index: int
) -> list[Mention]:
    """Resolve 'the prime minister' and pronouns to people seen earlier in the article."""
    out: list[Mention] = []
    for match in _ROLE_REFERENCE.finditer(sentence):
        role = match.group(1).lower()
        # "the prime minister" needs both words; "the foreign minister" is found by "minister".
        wanted = "prime minister" if "prime minister" in role else role.split()[-1]
        record = recognizer.person_with_title(wanted)
        if record is not None:
            out.append(_reference(match, record, "title-reference"))
    for match in _PRONOUN.finditer(sentence):
        record = recognizer.last_person()
        subject = recognizer.first_person.get(sentence_index - 1)
        if subject is not None and (
            (match.group() in {"He", "She"} and not sentence[: match.start()].strip(" \"'“‘"))
            or (
                # '"However," he told ...': the speaker of a quote split by its attribution
                # opens the sentence as much as a pronoun written first.
                match.group() in {"he", "she"}
                and _QUOTE_OPENING.match(sentence[: match.start()]) is not None
            )
        ):
            # "Okafor ... won the stage, but he began the day behind Kallas. He finished
            # second": a sentence that opens with a pronoun goes on about the last one's
            # subject, not about whoever it named last.
            record = recognizer.people.get(subject, record)
        if record is not None:
            out.append(_reference(match, record, "pronoun"))
    return out


def note_genders(sentence: str, named: list[Mention], recognizer: EntityRecognizer) -> None:
    """Record what a sentence tells of its subject's gender: "Lee Jae Myung sets off ...,
    where he will ...": a sentence that opens with one person's name and goes on with "he" or
    "she" before naming anyone else. Kept as evidence only (a follow-up's "she" picks the
    last turn's woman); the pronoun links above do not use it."""
    if not _SUBJECT_START.match(sentence):
        return
    people = [
        m
        for m in named
        if m.kind is EntityKind.PERSON and not m.role_only and m.key in recognizer.people
    ]
    if not people or (people[0].rule in _SHAPE_RULES and " " not in people[0].text):
        # "Having met his wife ...": a lone capitalised word opening a sentence may be none.
        return
    subject = people[0]
    pronoun = _SUBJECT_PRONOUN.search(sentence, subject.end)
    if pronoun is None or any(m.start < pronoun.start() for m in people[1:]):
        return
    gender = "f" if pronoun.group().lower() == "she" else "m"
    record = recognizer.people[subject.key]
    record.genders[gender] = record.genders.get(gender, 0) + 1


_SUBJECT_PRONOUN = lazy_compile(r"\b(?:he|she)\b")


# A sentence whose first words are its subject's name (perhaps after a dateline or a title):
# no opening clause before it.
_SUBJECT_START = lazy_compile(r"^(?:[A-Z][A-Z ,]+\([^)]*\)\s*-\s*)?[\"'“‘]?[A-Z]")
# Title words that say a person's gender.
_TITLE_GENDER = {
    **dict.fromkeys(["mrs", "ms", "miss", "madam", "madame", "queen", "princess", "empress",
                     "lady", "dame", "sister", "chairwoman", "spokeswoman", "congresswoman",
                     "businesswoman", "councilwoman", "duchess", "countess", "baroness"], "f"),
    **dict.fromkeys(["mr", "king", "prince", "emperor", "lord", "sir", "brother", "father",
                     "chairman", "spokesman", "congressman", "businessman", "councilman",
                     "duke", "count", "baron", "sheikh", "emir", "sultan"], "m"),
}  # fmt: skip


def _reference(match: re.Match[str], record: PersonRecord, rule: str) -> Mention:
    return Mention(
        match.group(),
        match.start(),
        match.end(),
        EntityKind.PERSON,
        record.key,
        record.name,
        title=record.title,
        nationality=record.nationality,
        rule=rule,
    )


# (Accented letters count: "Vázquez" is written capitalised as much as "Garced".)
_LOWERS = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.islower())
_CAPITALISED_WORD = lazy_compile(
    rf"(?<=[{_LOWERS},;:]\s)([{_CAPITALS}][{_LOWERS}][\w'-]*)|(?<![\w'-])([a-z][{_LOWERS}'-]{{2,}})"
)


def collect_proper_words(
    texts: list[str] | tuple[str, ...], min_share: float = 0.8
) -> dict[str, str]:
    """Words written capitalised mid-sentence most of the time, folded -> usual spelling.

    Used to recognise names in questions typed all in lower case ("where did moravec go").
    """
    capital: dict[str, dict[str, int]] = {}
    lower: dict[str, int] = {}
    for text in texts:
        for match in _CAPITALISED_WORD.finditer(text):
            word = match.group(1)
            if word:
                forms = capital.setdefault(word.lower(), {})
                forms[word] = forms.get(word, 0) + 1
            else:
                w = match.group(2)
                lower[w] = lower.get(w, 0) + 1
    out = {}
    for key, forms in capital.items():
        count = sum(forms.values())
        if count / (count + lower.get(key, 0)) >= min_share and key not in _NOT_NAMES:
            out[fold(key)] = max(forms.items(), key=lambda item: item[1])[0]
    return out
