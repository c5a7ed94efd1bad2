"""Extractors for where-questions: the place of an event (`_where`), the place constraints a
question sets and whether a place fits them, and preferring a more specific place.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls these from `_extract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from assistant.knowledge.analysis import SentenceInfo
from assistant.knowledge.entities import _THE_BEFORE, Mention
from assistant.knowledge.meetings import find_place, place_score
from assistant.lazy_re import lazy_compile
from assistant.models import EntityKind, Meeting
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import (
    _MEET_VERB,
    _WORDS,
    Candidate,
    Scored,
    _has_word,
    coordinated_run,
    inside_quote,
)
from assistant.qa.questions import QuestionFrame, person_nouns
from assistant.text import fold

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


_PAST_MEETING = lazy_compile(
    r"\b(?:first|last|previous(?:ly)?|earlier|before|originally|ago)\b", re.IGNORECASE
)

# "Which building/temple/hall ...": the answer is a named site, not a city or a country.
_BUILDING_FOCUS = frozenset(
    "building venue temple palace hall hotel site house church cathedral stadium arena museum airport base residence office headquarters square hospital prison jail embassy consulate".split()
)

# A lower-case noun right after a name, no function word: "the Kessa cease-fire".
# A lower-case title (group 1) and a capitalised name after it: " sheriff Kerry Lee".
_TITLE_THEN_NAME = lazy_compile(r"\s+([a-z]+)\s+[A-Z]")
_LOWER_NOUN_AFTER = lazy_compile(
    r"\s+(?!(?:and|or|to|in|on|at|for|of|with|by|from|as|is|was|were|when|after|before|that|which|who|where)\b)[a-z][\w-]*"
)
_TIME_WORD_AFTER = lazy_compile(
    r"\s+(?:this|that|these|last|next|today|yesterday|tonight|early|late|earlier|later|now)\b"
)
_PLACE_PREPOSITION = lazy_compile(r"\b(?:in|to|at|inside|across|around)\s+(?:the\s+)?$", re.I)
# Bodies that sit in a building of their own: "sworn in in the Supreme Court" sets the act there,
# where "in the Labour Party" does not.
_IN_THE = lazy_compile(r"\bin\s+the\s+$")
_SEATED_BODIES = frozenset("Court Parliament Senate Assembly Chamber".split())

_ASKS_BIRTHPLACE = lazy_compile(
    r"\b(?:born|birthplace|native|come\s+from|comes\s+from|hails?\s+from)\b", re.I
)
_DEMONYM_BORN = lazy_compile(r"\b([A-Z][a-z]+)-born\b")
# "Which country's main index ...?" asks whose: "the British FTSE" answers with an adjective.
_ASKS_WHOSE_COUNTRY = lazy_compile(r"\b(?:which|what)\s+(?:country|nation)['’]s\s", re.I)
_DEMONYM_BEFORE_NAME = lazy_compile(r"\b([A-Z][a-z]+)\s+(?=[A-Z])")
_SOURCE_CLAUSE = lazy_compile(r"\baccording\s+to\b[^,?]*", re.I)
_SOURCE = lazy_compile(r"\b(?i:according\s+to)\s+(?:(?i:the)\s+)?((?:[A-Z][\w'’.-]*\s*){1,4})")

_TOPIC_BEFORE = lazy_compile(r"\b(?:about|over|regarding|concerning)\b", re.I)

# "about Kessa", "about the bombing of Kessa" (but not "about trade in Kessa").
_ABOUT_BEFORE = lazy_compile(
    r"\b(?:about|regarding|concerning)\s+(?:(?!(?:in|at|to|near|during)\b)[\w'’-]+\s+){0,4}$",
    re.I,
)

# How far below a country a city of that country may score and still be preferred.
_SPECIFIC_MARGIN = 0.6

# How much more a place scores for being where the asked motion went ("heading to Orvik").
_DESTINATION_BONUS = 0.6
# How far before a place its motion verb may stand (past a long origin: "relocated from the
# Smithsonian's National Air and Space Museum ... at Dulles Airport to ...").
_MOTION_WINDOW = 200

_SITE_HEADS = frozenset(
    "palace hall hotel temple church cathedral mosque stadium arena museum airport base residence office headquarters square house building tower bridge embassy consulate center centre station castle camp compound complex pavilion chamber plaza garden gardens park hospital clinic prison jail".split()
)

_SETTLEMENT_FOCUS = frozenset("city cities town towns village villages capital port".split())

# A question asking for the state or country itself, not the settlement in it.
_LARGER_FOCUS = frozenset(
    "country countries state states province provinces region regions nation county".split()
)

_ASKS_MEETING = lazy_compile(r"\b(?:meet|met|meeting)\b", re.I)

# A relative clause right after a place: ", where it was attempting to land". Group 1 its words.
_WHERE_CLAUSE = lazy_compile(r"\s*,?\s+where\s+([^,;:.()]+)")


# "in the neighbourhood of Tarn Street", "at the coastal village of Osby": the place preposition
# stands before a place noun (the lexicon's `of_nouns`, group 1) and "of", not before the name.
_NOUN_OF_CUE = lazy_compile(
    r"\b(?:in|at|near|inside|outside)\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+of\s+$"
)

# A verb, then a place phrase of common nouns ("placed on a motorcycle in a market"). Group 1 the
# verb, group 2 the phrase (up to two prepositional phrases).
_VERB_THEN_PLACE = lazy_compile(
    r"\b([a-z][\w'’-]+)\s+((?:on|in|at|inside|outside|near|under|behind|beside)\s+(?:a|an)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?:\s+(?:on|in|at|near)\s+(?:a|an|the)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)?)(?=[,.;:]|\s+(?:and|but|where|when|after|before)\b)"
)

# A common noun phrase of place, then a relative "where" clause ("a mobile phone store where
# they were burned"). Group "np" the phrase after its determiner, "head" its noun, "clause" what
# the clause tells up to its first break.
_NOUN_WHERE_CLAUSE = lazy_compile(
    r"\b(?:the|a|an|his|her|their|its)\s+(?P<np>(?:(?!(?:the|a|an|of|in|at|on|to|by|for|from|with"
    r"|and|or|is|are|was|were)\s)[a-z][\w-]*\s+){0,3}?(?P<head>[a-z][\w-]*))"
    r",?\s+where\s+(?P<clause>[^,;:.()]+)"
)

# A common-noun place in the act's place complement: above a name that only locates it (a
# sentence's named place scores about 1 with its proximity).
_COMMON_PLACE_SCORE = 1.4

# "Where was Orm stabbed?", "In which prison were they held?": a passive question's participle,
# its last word (group 1).
_PASSIVE_WHERE = lazy_compile(
    r"\b(?:was|were|is|are|been)\s+(?:[\w'’.-]+\s+){0,6}?([a-z]{3,}ed)\s*\??\s*$"
)

# The rest of a site's name after its head noun ("Center" + " for Neurosurgery"): "for" or "of",
# a lower-case "the" inside the name ("Great Hall of the People") and capitalised words. Group 1
# those words.
# Only the heads of institutions take a "for" tail: "leaving Orvik Air Base for Tessa" names
# where the flight went, not the base.
_SITE_TAIL = lazy_compile(
    r"\s+(?:for|of)\s+(?:the\s+)?((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)(?![\w'’-])"
)
_FOR_TAIL_HEADS = frozenset("center centre institute school college hospital museum".split())

# A clause of time opened before the place ("36 minutes after the shooting in Tarn Mosque"): it
# reports an event of its own. Group 1 its words up to the place.
_TIME_CLAUSE_BEFORE = lazy_compile(
    r"\b(?:after|before|since|following)\s+((?:[\w'’-]+\s+){0,8})$", re.I
)


# What stands between two names of one list ("Orvik, Tessa and Brask"; "Orvik or Tessa").
_LIST_GAP = lazy_compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")

# A plural place noun ("states", "cities"), not a singular ending in "s" ("campus", "address").
_PLURAL_NOUN = lazy_compile(r"(?:[^su's]s|ies)$")

# How much more a list of the asked kind of place scores than its first name, when the question
# asks for places in the plural ("In which states ...?").
_LIST_BONUS = 0.5

# A lower-case noun made from a verb or an adjective right after a name ("Harbour League enlargement",
# "Tessel Union expansion"): the name modifies that noun, and is no site the sentence sets anything at.
_NOMINAL_AFTER = lazy_compile(r"\s+[a-z]+(?:ment|tion|sion|ance|ence|ship|ism|ity)s?\b")

# "Which two plants ...": the number of places the question asks for (group 1).
_ASKED_NUMBER = lazy_compile(r"\b(?:which|what)\s+(two|three|four|five|six|both)\b", re.I)
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _demonym_countries(
    pattern: re.Pattern[str], text: str, exclude: set[str]
) -> Iterable[tuple[re.Match[str], str]]:
    """The countries whose adjectives (group 1 of `pattern`) the text writes, with the match;
    none in `exclude`."""
    from assistant.knowledge.lexicon import lexicon

    for found in pattern.finditer(text):
        country = lexicon().nationalities.get(fold(found.group(1)))
        if country and fold(country) not in exclude:
            yield found, country


def _names_in(short: str) -> int:
    """How many places an answer lists ("Orvik, Tessa and Brask": 3); a comma alone joins a
    town to its state ("Orvik, Tessa"), so it counts only in a list closed by "and"."""
    if " and " not in short:
        return 1
    return 1 + short.count(" and ") + short.count(",")


# Kinds of place whose name follows them ("the capital, Orvik"): a capitalised word before
# one ("the Tessan capital") is an adjective, not its name.
_NAMED_AFTER = frozenset("capital capitals country countries".split())

# Kinds of place that take in other kinds (a palace is a building, a stadium a venue).
_COVER_FOCUS = frozenset(
    "building buildings venue venues facility facilities structure premises".split()
)

# Question place nouns too general to name the head of the answer's name.
_GENERAL_FOCUS = frozenset("place places site sites location locations area areas part".split())

# A capitalised word of a name, and the words that may join two of them inside one ("District
# Court for Northern District of Tessa").
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)"
# The names in a run of coordinated ones (their joining and descriptor words are lower case).
_NAME_RUN = lazy_compile(rf"{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,3}}")
# A word of a name that opens with an article particle ("Bab al-Salameh", "Ras el-Ain").
_PARTICLE_WORD = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ur)-[A-Z][\w'’-]*"


@cache
def _headed_name(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A name that ends in one of `heads`, capitalised ("Central Methodist Church", "the Orvik
    District Court for the Northern District"), with an "of"/"for" tail of capitalised words.
    Group 1 the name."""
    head = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(
        rf"((?:{_NAME_WORD}\s+){{1,4}}(?=[A-Z])(?i:{head}))\b"
        rf"((?:\s+(?:of|for)\s+(?:the\s+)?(?:{_NAME_WORD}\s+(?:of\s+)?){{0,4}}{_NAME_WORD})?)"
    )


def _office_places(info: SentenceInfo) -> list[Mention]:
    """The places of offices written in a person's title ("ran for Mayor of Las Vegas",
    "Governor of Tessa Ivo Dahl"): the mention is the person's, so the place is read from it."""
    from assistant.knowledge.lexicon import lexicon

    lex = lexicon()
    out = []
    for m in info.mentions:
        if m.kind is not EntityKind.PERSON or not m.title:
            continue
        office = _OFFICE_OF.search(m.title)
        if office is None or fold(office.group(1)).lower() not in lex.place_of_nouns:
            continue
        name = office.group(2)
        folded = fold(name)
        if folded not in lex.places and folded not in lex.countries:
            continue
        start = info.text.find(name, m.start, m.end)
        if start < 0:
            continue
        kind = EntityKind.COUNTRY if folded in lex.countries else EntityKind.PLACE
        out.append(Mention(name, start, start + len(name), kind, folded, name, rule="office-place"))
    return out


# "Mayor of Las Vegas": the office's noun and its place.
_OFFICE_OF = lazy_compile(r"\b([A-Za-z]+)\s+of\s+(.+)$")


# After a place: its country, perhaps, then a person's noun ("California, US lawyer").
_PERSON_NOUN_AFTER = lazy_compile(r"(?:,\s+[A-Z][\w.]*)?\s+([a-z]+)\b")
_SAYS_AFTER = lazy_compile(r"\s+(?:reported|reports|said|says|told|tells|announced|added)\b")


@cache
def _named_by_noun(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A name the sentence gives one of `heads` as its kind: "the Kurdish border canton of Osby",
    "the port towns of Osby and Lerr", "the Moldovan capital, Brask". Group 1 the head, group 2
    the name, group 3 the names coordinated with it (with their joining words)."""
    head = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    # ("cities" of "city")
    plural_y = "|".join(re.escape(h[:-1]) + "ies" for h in heads if h.endswith("y")) or "(?!)"
    name = rf"{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,3}}"
    return re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"((?:{head})(?:e?s)?|{plural_y})(?:\s+of|,)?\s+({name})"
        # Every name coordinated with it, each perhaps given the kind again ("the capital Orvik
        # and port city Tessa"; "the islands of Osby, Lerr and Tarn").
        rf"((?:\s*,\s*(?:(?:[a-z]+\s+)?(?:{head})\s+)?{name}(?=\s*,|\s+and\b))*"
        rf"\s*,?\s+and\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:{head})\s+)?{name})?"
    )


@cache
def _name_before_noun(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A name written before one of `heads` in lower case ("the Julan neighbourhood", "the
    Tarn district"), after "the". Group 1 the name."""
    head = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(
        # "the Macy's department store": one lower-case word may qualify the noun.
        rf"\bthe\s+((?!The\b){_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,2}})\s+(?:[a-z]+\s+)?(?:{head})\b"
    )


def named_places() -> re.Pattern[str]:
    """`_noun_named` over the place nouns of the intents file (what the rules use)."""
    from assistant.qa.questions import place_nouns

    return _noun_named(place_nouns())


@cache
def _noun_named(nouns: frozenset[str]) -> re.Pattern[str]:
    """A name (or names joined by "and") written before a lower-case kind of place, with up to
    two lower-case modifiers between them: "at the Bab al-Salameh border crossing", "in the
    wrecked Tarn district", "Orvik's Tessa County criminal court", "the Orvik and Brask
    plants". It must stand where a noun phrase starts (after a determiner, a possessive or a
    preposition), so a capitalised word opening a sentence ("Border crossings were shut") is
    none. Group 1 the names, group 2 the place noun."""
    head = "|".join(
        re.escape(n).replace("\\ ", r"[\s-]+") for n in sorted(nouns, key=len, reverse=True)
    )
    # Every part of a hyphened word capitalised: "State-held" is no name's last word.
    plain = r"[A-Z](?:[\w.]|['’](?!s\b))*(?:-[A-Z](?:[\w.]|['’](?!s\b))*)*"
    name = rf"(?!(?:The|A|An)\s){plain}(?:\s+(?:{plain}|{_PARTICLE_WORD})){{0,3}}"
    # A lower-case word between the name and its noun is a modifier ("criminal", "air"), not
    # a word of the clause.
    modifier = (
        r"(?!(?:the|a|an|of|and|or|but|to|in|at|on|for|with|by|from|as|said|says|is|was|were|"
        r"are|be|been|has|have|had|will|would|that|which|who|where|when)\b)[a-z][\w-]*\s+"
    )
    return re.compile(
        rf"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:{modifier}){{0,2}}?|"
        rf"['’]s\s+|\b(?i:in|at|near|from|to|into|inside|outside|across|toward|towards|around)"
        rf"\s+)({name}(?:(?:\s*,\s*|\s+and\s+){name})*)\s+(?:{modifier}){{0,2}}?"
        rf"((?:{head})(?:[\s-]+(?:{head}))*)(?![\w'’-])"
    )


@cache
def _focus_heads(focus: str) -> tuple[tuple[str, ...], bool]:
    """The head nouns of a place's name that answer a question asking for a `focus` ("court":
    "court", "tribunal"), none for a general or larger place; and whether `focus` is plural."""
    if not focus.isalpha() or focus in _GENERAL_FOCUS | _LARGER_FOCUS:
        return (), False
    table = answer_rules().focus_heads
    singular = next(
        # ("cities": "city")
        (f for f in (focus, focus[:-1], focus[:-2], focus[:-3] + "y") if f in table),
        focus[:-1] if focus.endswith("s") else focus,
    )
    return tuple(table.get(singular, (singular,))), focus != singular


def _other_kind(name: str, kinds: tuple[str, ...]) -> bool:
    """Whether a name ends in a kind of place, not a building, that is none of `kinds` ("Tarn
    Peninsula" when a base is asked for)."""
    from assistant.qa.questions import place_nouns

    last = fold(name).split()[-1:] if name else []
    if not last or last[0] not in place_nouns() or last[0] in _SITE_HEADS:
        # A building's name may call it anything built ("Tarn Hall" is a hotel).
        return False
    return not any(last[0] in {k.split()[-1], k.split()[-1] + "s"} for k in kinds)


def _names_kind(name: str, focus: str) -> bool:
    """Whether a folded place name has the asked kind `focus` among its words, singular when
    one place is asked for ("Orvane River" for "river"; either for "rivers")."""
    words = name.split()
    if focus in words:
        return True
    singular = focus[:-1] if focus.endswith("s") else ""
    return bool(singular) and singular in words


def _of_a_place(word: str) -> bool:
    """Whether a folded word is a country or an adjective made from a country, a region or a
    town ("syrian", "moldovan", "scandinavian")."""
    from assistant.knowledge.lexicon import lexicon

    lex = lexicon()
    if word in lex.nationalities or word in lex.countries:
        return True
    stem = word[:-1] if word.endswith("n") else ""
    return bool(stem) and (stem in lex.countries or stem in lex.regions or stem in lex.places)


@cache
def _states() -> frozenset[str]:
    from assistant.knowledge.lexicon import gazetteer_names

    return frozenset(gazetteer_names()["states"])


@cache
def _cities() -> frozenset[str]:
    from assistant.knowledge.lexicon import gazetteer_names

    names = gazetteer_names()
    return frozenset(fold(c) for key in ("cities", "major_cities", "capitals") for c in names[key])


def _state_only(name: str) -> bool:
    """Whether a folded name is a state's and no city's ("Nevada"; not "New York", whose city
    is "New York City", nor "Washington")."""
    return name in _states() and name not in _cities() and f"{name} city" not in _cities()


class WhereExtractors(_Base):
    """Where-questions: places, and the place constraints of a question."""

    def _more_specific_place(
        self, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """A country answers "where" only when no city of that country scored nearly as well
        ("heading to Ukraine" in the headline, "heading to Kyiv" in the story)."""
        from assistant.knowledge.lexicon import city_countries

        country = fold(best.short)
        cities = city_countries()
        # "flew to Norway ... at Bergen Harbour Hall": a city of the country the motion went
        # to is where it went too, only more exact; the country's destination bonus is no lead.
        margin = _SPECIFIC_MARGIN + (_DESTINATION_BONUS if best.facts.get("destination") else 0)
        for other in candidates[1:]:
            if other.score < best.score - margin:
                break
            if other.kind is not EntityKind.PLACE:
                continue
            words = fold(other.short).split()
            # A site named after a city of that country ("Orvik International Airport") is
            # as exact as the city, and more.
            if any(country in cities.get(" ".join(words[:n]), frozenset()) for n in (1, 2, 3)):
                log.append(f"{other.short!r} is more exact than {best.short!r}")
                return other
        return best

    @staticmethod
    def _titles_person(question: str, end: int) -> bool:
        """Whether a place is the domain of a title a person after it holds ("did Lincoln
        County sheriff Kerry Lee speak to"): it says who the person is, not where they met."""
        from assistant.knowledge.lexicon import lexicon

        after = _TITLE_THEN_NAME.match(question, end)
        return after is not None and (
            fold(after.group(1)) in lexicon().title_heads_folded
            or fold(after.group(1)) in person_nouns()
        )

    def _place_constraints(self, frame: QuestionFrame) -> list[Mention]:
        """The places a question sets its event in: named places, and countries after a place
        preposition ("during his visit to Romania", "in Japan"; not "Who did Japan host?")."""
        out = []
        source = _SOURCE_CLAUSE.search(frame.text)
        identifying = frame.identifying()
        for m in frame.strong_entities():
            if m in identifying and m.kind is not EntityKind.PERSON:
                # "after his Council talk in Orvik": where the earlier event was.
                continue
            if source and source.start() <= m.start < source.end():
                # "..., according to the Orvik teacher Florence?": where the source is from,
                # not where the asked event was.
                continue
            before = frame.text[max(0, m.start - 20) : m.start]
            if (
                (
                    m.kind is EntityKind.PLACE
                    # "speak by phone about Kessa": the place is what was talked about.
                    and not _ABOUT_BEFORE.search(frame.text[max(0, m.start - 60) : m.start])
                    # "Whom did Orm call before the Kessa cease-fire?": a place naming which
                    # thing (after "the", before a lower-case noun) sets no meeting there,
                    # unless a place's preposition governs the phrase ("at the Kessa summit").
                    and not (
                        frame.intent == "who_met"
                        and (_THE_BEFORE.search(before) or self._titles_person(frame.text, m.end))
                        and _LOWER_NOUN_AFTER.match(frame.text, m.end)
                        and not _PLACE_PREPOSITION.search(before)
                    )
                )
                # "at the Norvessan Foreign Ministry": an organisation's building.
                or (m.kind is EntityKind.ORGANISATION and re.search(r"\bat\s+(?:the\s+)?$", before))
                or (
                    m.kind is EntityKind.COUNTRY
                    and _PLACE_PREPOSITION.search(frame.text[max(0, m.start - 20) : m.start])
                    # "about Russia's moves in Ukraine": inside the topic, not the setting.
                    and not _TOPIC_BEFORE.search(frame.text[max(0, m.start - 40) : m.start])
                )
            ):
                out.append(m)
        return out

    def _place_fits(self, frame: QuestionFrame, meeting: Meeting) -> bool:
        """A meeting placed elsewhere does not answer a question about a named place; a city
        lies in a country when the gazetteer says so (an unknown city is given the benefit)."""
        if meeting.place is None:
            return True
        return self._place_value_fits(frame, meeting.place.value)

    def _place_value_fits(self, frame: QuestionFrame, value: str) -> bool:
        places = self._place_constraints(frame)
        if not places:
            return True
        where = fold(value)
        for m in places:
            name = fold(m.name or m.text)
            if name in where or where in name:
                return True
            if m.kind is EntityKind.COUNTRY:
                from assistant.knowledge.lexicon import city_countries, lexicon

                city = where.split(",")[0].strip()
                countries = city_countries().get(city)
                if city not in lexicon().countries and (not countries or name in countries):
                    return True
        return False

    def _where(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """The places of a sentence; those of a sentence without the act a passive question
        asks the place of ("In which prison was Orm stabbed?") count less: a place there
        ("Orm was long held at Tarn Prison") is where something else happened."""
        act = _PASSIVE_WHERE.search(frame.text)
        missing = act is not None and not any(
            t.startswith(self.tokenizer.stem(act.group(1))[:4])
            for t in self._sentence_stems(scored.article, scored.info)
        )
        # "Which prison ...?": a place not of that kind ("California") is at best near it.
        # Only for a noun whose kinds of name are listed: a building's name seldom says it is
        # one ("Storhall").
        focus = frame.focus or ""
        listed = focus in answer_rules().focus_heads and focus not in _SETTLEMENT_FOCUS
        sites = _focus_heads(focus)[0] if listed else ()
        plural = bool(_PLURAL_NOUN.search(focus))
        # "Which base ...?": a name headed by another kind of place ("Tarn Peninsula") is
        # not of the asked kind.
        # A kind that covers others ("Which building ...": a palace, a hall) sets no such bar.
        kinds = _focus_heads(focus)[0] if focus not in _SETTLEMENT_FOCUS | _COVER_FOCUS else ()
        number = _ASKED_NUMBER.search(frame.text)
        wanted = _NUMBERS.get(number.group(1).lower(), 0) if number else 0
        for candidate in self._where_candidates(frame, scored):
            if wanted and _names_in(candidate.short) < wanted:
                # "Which two plants ...?" is not answered by one plant's name.
                continue
            if missing:
                candidate.score -= 0.5
            if (
                sites
                and not candidate.rule.startswith("focus-place")
                and not any(h in fold(candidate.short) for h in sites)
            ):
                candidate.score -= 0.5
            elif kinds and _other_kind(candidate.short, kinds):
                # As far from the asked kind as a country is from an asked building.
                candidate.score -= 1.0
            yield candidate
            if plural and candidate.rule.startswith("sentence-place"):
                joined = self._place_list(scored.info, candidate)
                if joined is not None:
                    yield joined

    def _place_list(self, info: SentenceInfo, candidate: Candidate) -> Candidate | None:
        """ "In which states ...?" asks for every place of that kind the sentence lists with the
        candidate ("in Orvik, Tessa and Brask"): the whole list, as one answer, when the
        candidate's place stands in a list of places of its own kind."""
        if candidate.kind is None:
            return None
        run = coordinated_run(info, candidate.highlight[0], frozenset({candidate.kind}))
        if not run:
            return None
        names = [m.name or m.text for m in run]
        return Candidate(
            short=", ".join(names[:-1]) + " and " + names[-1],
            score=candidate.score + _LIST_BONUS,
            sentence=candidate.sentence,
            rule=f"place-list:{candidate.rule}",
            highlight=tuple(m.text for m in run),
            kind=candidate.kind,
        )

    def _where_candidates(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        from assistant.knowledge.lexicon import lexicon

        info = scored.info
        exclude = {fold(m.name or m.text) for m in frame.entities}
        asks_past = bool(_PAST_MEETING.search(frame.text))
        meetings = self._meetings_for(frame, scored)
        # A sentence that only recalls an earlier meeting ("The two leaders last met in Halvik")
        # names where that one was held.
        recalled = bool(meetings) and all(m.background for m in meetings) and not asks_past
        for meeting in meetings:
            if meeting.background and not asks_past:
                # A first meeting years ago does not answer where they meet now.
                continue
            if (
                meeting.place
                and meeting.place.sentence == info.index
                and not self._in_question(frame, meeting.place.value, person_words=False)
                and self._fits_focus(frame, meeting.place.value, None)
            ):
                value = meeting.place.value
                yield Candidate(
                    short=value,
                    score=0.6,
                    sentence=scored,
                    rule="meeting-place",
                    highlight=(value.split(",")[0],),
                    meeting=meeting,
                )
        if _ASKS_BIRTHPLACE.search(frame.text):
            # "Tanzanian-born Ivo Dahl": where the person was born, written as an adjective.
            for born, country in _demonym_countries(_DEMONYM_BORN, info.text, exclude):
                yield Candidate(
                    short=country,
                    score=1.2,
                    sentence=scored,
                    rule="demonym-born",
                    highlight=(born.group(),),
                    kind=EntityKind.COUNTRY,
                )
        if _ASKS_WHOSE_COUNTRY.search(frame.text):
            for adjective, country in _demonym_countries(_DEMONYM_BEFORE_NAME, info.text, exclude):
                yield Candidate(
                    short=country,
                    score=1.0 + self._proximity(frame, info.text, adjective.start()),
                    sentence=scored,
                    rule="demonym-owner",
                    highlight=(adjective.group(1),),
                    kind=EntityKind.COUNTRY,
                )
        predicate = self._predicate_stems(frame)
        rules = answer_rules()
        sayings = (
            list(rules.saying.finditer(info.text))
            if rules.asks_where_said.search(frame.text)
            else []
        )
        focus_suffix = (frame.focus or "").rstrip("s")
        asks_base = bool(rules.asks_base.search(frame.text))
        asks_destination = bool(rules.asks_destination.search(frame.text))
        if asks_base:
            yield from self._based_places(frame, scored)
        headed = list(self._headed_places(frame, scored))
        yield from headed
        yield from self._phrase_after_verb(frame, scored)
        yield from self._common_place(frame, scored)
        yield from self._place_of_clause(frame, scored)
        if _ASKS_MEETING.search(frame.text) and not meetings and not _MEET_VERB.search(info.text):
            # "Where did the two leaders meet?": a sentence that reports no meeting (a headline
            # on the earthquake that brought them together) names no place of one.
            return
        # "According to the Halvik Evening Post": a place in a source's name is no setting.
        sources = [(a.start(1), a.end(1)) for a in _SOURCE.finditer(info.text)]
        # A name already read as the asked kind of place needs no second reading.
        read = {fold(c.short) for c in headed}
        for m in [
            *info.mentions,
            *self._noun_places(frame, info, read),
            *_office_places(info),
        ]:
            if m.kind is EntityKind.ORGANISATION:
                site = self._organisation_site(frame, scored, m, exclude, sources)
                if site is not None:
                    yield site
                continue
            if m.kind not in {EntityKind.PLACE, EntityKind.COUNTRY}:
                continue
            if fold(m.name) in exclude or self._in_question(frame, m.name, person_words=False):
                continue
            if m.kind is EntityKind.PLACE and m.name in lexicon().place_suffixes:
                # A place's kind alone ("State" cut from "the Islamic State group") names none.
                continue
            if any(
                o.kind is EntityKind.ORGANISATION
                and re.fullmatch(r"\s+of\s+", info.text[o.end : m.start])
                for o in info.mentions
            ):
                # "the Voice of Norvessa": the place ends a body's name, it is no setting.
                continue
            if any(start <= m.start < end for start, end in sources):
                continue
            person_after = _PERSON_NOUN_AFTER.match(info.text, m.end)
            if person_after and person_after.group(1).lower() in person_nouns():
                # "the California, US lawyer", "a Texas man": the place says where someone is
                # from, not where anything happens.
                continue
            if not self._fits_focus(frame, m.name, m.kind):
                continue
            if m.kind is EntityKind.COUNTRY and self._country_demonym_in_question(frame, m.name):
                continue
            if self._only_question_words(frame, m.name):
                # "Egyptian Police Fire Teargas at Student Protesters": a capitalised headline's
                # words the question itself uses ("protesting students") name no place.
                continue
            before = info.text[max(0, m.start - 14) : m.start].lower()
            score = place_score(info, m) / 4
            if rules.relative_location.search(info.text[max(0, m.start - 60) : m.start]):
                # As strong a cue as "in" right before the name.
                score = max(score, (3 + 0.5 * (m.kind is EntityKind.PLACE) + 0.5) / 4)
            noun_of = _NOUN_OF_CUE.search(info.text[max(0, m.start - 60) : m.start])
            if (
                m.rule != "place-of"
                and noun_of
                and fold(noun_of.group(1)) in lexicon().place_of_nouns
            ):
                # As strong a cue as "in" right before the name.
                score = max(score, (3 + 0.5 * (m.kind is EntityKind.PLACE) + 0.5) / 4)
            appositive = rules.place_noun_before.search(info.text[max(0, m.start - 60) : m.start])
            place_noun = fold(appositive.group(1)) if appositive else ""
            if appositive and place_noun in lexicon().place_of_nouns:
                if (
                    not noun_of
                    and m.rule != "place-of"
                    and not re.search(r"\bof\s+$", appositive.group(0), re.I)
                ):
                    # "in the Serbian capital Orvik": the preposition governs the name through
                    # the noun in apposition, as if it stood right before it.
                    score = max(score, (3 + 0.5 * (m.kind is EntityKind.PLACE) + 0.5) / 4)
                if frame.focus and (
                    place_noun == focus_suffix
                    or (frame.focus in _SETTLEMENT_FOCUS and place_noun in _SETTLEMENT_FOCUS)
                ):
                    # "Which state ...?": "the Indian state of Tessa" names it as one.
                    score += 0.4
            if asks_base and rules.based_before.search(info.text[max(0, m.start - 30) : m.start]):
                score += 0.6
            adjunct = _TIME_CLAUSE_BEFORE.search(info.text[max(0, m.start - 80) : m.start])
            if adjunct and not (
                {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(adjunct.group(1))} & predicate
            ):
                # The place of the event the clause recalls, not of the one asked about.
                score -= 0.3
            if (
                m.kind is EntityKind.COUNTRY
                # ("the Bahamas", "the Philippines" take the article as their own.)
                and not m.name.endswith("s")
                and _THE_BEFORE.search(info.text, max(0, m.start - 6), m.start)
                and _LOWER_NOUN_AFTER.match(info.text, m.end)
                and not _TIME_WORD_AFTER.match(info.text, m.end)
            ):
                # "to settle the Ukraine conflict": the country says which conflict, not where.
                score -= 0.4
            if m.kind is EntityKind.PLACE:
                # A named site says more than a city, a city more than a country.
                score += 0.2 if "suffix" in m.rule or m.rule == "noun-place" else 0.1
            if (
                focus_suffix
                # The asked kind as a word of the name, in the asked number: "Which state
                # ...?" is not answered by the "United States", nor "Which port" by "Portland".
                and _names_kind(fold(m.name), frame.focus or "")
                # A kind whose names carry it capitalised ("Tarn Prison") is only described
                # by a lower-case one after a name ("the Orvik prison": the prison in Orvik).
                and not (m.rule == "noun-place" and frame.focus in answer_rules().focus_heads)
                # "Which river": "the Orvane River"; but "Which city" is not asking for a
                # name with "City" in it.
                and frame.focus not in _SETTLEMENT_FOCUS
            ):
                score += 0.5
            # "Which countries ...?" asks for countries as "Which country ...?" does.
            if frame.focus in {"country", "countries"}:
                score += 0.5 if m.kind is EntityKind.COUNTRY else -0.5
            if frame.focus in {
                "city",
                "town",
                "capital",
                "port",
                "cities",
                "towns",
                "capitals",
                "ports",
            }:
                # "ran for Mayor of Las Vegas" after "moving to Nevada": a state is no city
                # (unless a city goes by its name: "New York").
                score += (
                    0.2 if m.kind is EntityKind.PLACE and not _state_only(fold(m.name)) else -0.5
                )
            if frame.focus in {"state", "states"}:
                # "Which state rejected the plan?": Texas, not Austin where a protest was.
                name = fold(m.name)
                if name in _states():
                    score += 0.3
                elif m.kind is EntityKind.COUNTRY or name in lexicon().places:
                    score -= 0.5
            if frame.focus in _BUILDING_FOCUS:
                if m.kind is EntityKind.COUNTRY:
                    score -= 1.0
                elif "suffix" in m.rule:
                    score += 0.5
                elif "gazetteer" in m.rule or "prefix" in m.rule:
                    score -= 0.5
            if re.search(r"\bfrom\b", frame.text, re.I) and rules.origin_before.search(before):
                # "Where had the plane departed from?": "from Orvik", "had left Orvik for ...".
                score += 0.8
            destination = False
            if asks_destination:
                # "Where was the bus heading?": the place the motion goes to, not the one it
                # left ("from Orvik to Tessa") nor one the sentence sets it near.
                window = info.text[max(0, m.start - _MOTION_WINDOW) : m.start]
                if rules.destination_before.search(window):
                    score += _DESTINATION_BONUS
                    destination = True
                elif rules.origin_before.search(window):
                    score -= 0.3
            score += self._proximity(frame, info.text, m.start)
            relative = _WHERE_CLAUSE.match(info.text, m.end)
            if relative and not any(
                o.kind in {EntityKind.PLACE, EntityKind.COUNTRY}
                and relative.start(1) <= o.start < relative.end(1)
                for o in info.mentions
            ):
                # "between Fath Airport, where it was attempting to land, and ...": a clause that
                # says what happens at the place, in the question's own words, answers it (unless
                # it names a place of its own: ", where he will hold talks ... in Nara").
                said = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(relative.group(1))}
                score += 0.7 * min(2, len(said & predicate))
            if recalled:
                score -= 0.5
            verbs_before = [v for v in sayings if v.end() <= m.start]
            if verbs_before and rules.said_at.fullmatch(info.text, verbs_before[-1].end(), m.start):
                # "Putin said in Moscow": the place the saying verb is set in is where it was said.
                score += 0.3
            elif verbs_before or (sayings and inside_quote(info.text, m.start)):
                # "In Halvik, Ardelean said he backed ... the vote in Estovia": Estovia is in what
                # he said, not where he said it; so is a place inside the quotation.
                score -= 0.6
            if self._region_of_asked_setting(frame, info, m):
                # "Where did the crowd gather in Orvik?": "Orvik, Tessa" puts Orvik in Tessa,
                # which the question has already said, less exactly.
                continue
            short, rule = m.name, f"sentence-place:{m.rule}"
            settlement = self._settlement_before(frame, info, m)
            if settlement is not None:
                # "in Baton Rouge, Louisiana": the settlement says more than its state; the
                # pair is kept whole, as written, since its first part may be misread as a name.
                short, rule = f"{settlement}, {m.name}", f"settlement-pair:{m.rule}"
                score += 0.3
            tail = _SITE_TAIL.match(info.text, m.end)
            head = (fold(m.name).split() or [""])[-1]
            if (
                tail
                and head in _SITE_HEADS
                and (tail.group(0).split()[0] == "of" or head in _FOR_TAIL_HEADS)
                and fold(tail.group(1)) not in lexicon().countries
                and fold(tail.group(1)) not in lexicon().places
            ):
                # "the Federal Center for Neurosurgery": the site's name runs on past its head.
                short, rule = m.name + tail.group(0), f"site-name:{m.rule}"
            site_name = self._site_named_after(info, m)
            if site_name is not None:
                # "in the Tessa of the Orvik Union Hall": a word the cue alone made a place is
                # the start of a site's name that runs on through "of" to its place noun.
                short, rule = site_name, f"site-name:{m.rule}"
                score += 0.2
            possessive = rules.possessive_site.match(info.text, m.end)
            if possessive:
                # "Orvik's Grand Theatre": the site, named after its place, is the more exact.
                short, rule = info.text[m.start : possessive.end()], f"possessive-site:{m.rule}"
            yield Candidate(
                short=short,
                score=score,
                sentence=scored,
                rule=rule,
                highlight=(m.text,),
                kind=m.kind,
                facts={"destination": "yes"} if destination else {},
            )
        if rules.asks_where_said.search(frame.text):
            for event in rules.event_setting.finditer(info.text):
                # "Where did Shapps announce it?" - "at the government's daily briefing".
                value = event.group(1)
                yield Candidate(
                    short=value,
                    score=0.8 + self._proximity(frame, info.text, event.start(1)),
                    sentence=scored,
                    rule="event-setting",
                    highlight=(value,),
                )
        # A place noun phrase with a lower-case head ("the Esenyurt suburb of Istanbul").
        place = find_place(info, exclude)
        if (
            place
            and not self._in_question(frame, place.value, person_words=False)
            and not self._only_question_words(frame, place.value)
            and self._fits_focus(frame, place.value, None)
        ):
            yield Candidate(
                short=place.value,
                score=0.3,
                sentence=scored,
                rule=place.rule,
                highlight=(place.value,),
            )

    def _site_named_after(self, info: SentenceInfo, m: Mention) -> str | None:
        """The whole name of a site when `m`, a place guessed from its cue alone, is joined by
        "of (the)" to a place whose name ends in a kind of place ("Hall", "Parish")."""
        from assistant.qa.questions import place_nouns

        if not m.rule.startswith("cue-"):
            return None
        joint = re.match(r"\s+of\s+(?:the\s+)?", info.text[m.end :])
        if joint is None:
            return None
        for o in info.mentions:
            if (
                o.start == m.end + joint.end()
                and o.kind is EntityKind.PLACE
                and o.text.split()[-1][:1].isupper()
                and fold(o.text.split()[-1]) in place_nouns()
            ):
                return info.text[m.start : o.end]
        return None

    def _noun_places(
        self, frame: QuestionFrame, info: SentenceInfo, read: set[str]
    ) -> Iterable[Mention]:
        """Names the sentence gives a lower-case kind of place ("at the Tarn border crossing",
        "the Orvik and Brask plants"), as place mentions of the name with its noun: a name
        that modifies a place noun is a place though the gazetteer does not know it. A people's
        adjective ("the Syrian border") or a time ("the Tuesday market") is no such name."""
        for found in named_places().finditer(info.text):
            names = found.group(1)
            if fold(names) in read:
                continue
            first = _LIST_GAP.split(names)
            if any(_of_a_place(fold(n)) for n in first):
                # "the Syrian border", "the Scandinavian region": a people's or a place's
                # adjective, or a country, says where the place lies, not its name.
                continue
            if fold(found.group(2)).split()[-1] in _NAMED_AFTER:
                # "the Tessan capital": these kinds take their name after them.
                continue
            start, end = found.start(1), found.end(2)
            known = {
                (o.start, o.end)
                for o in info.mentions
                if o.kind in {EntityKind.PLACE, EntityKind.COUNTRY} and "gazetteer" in o.rule
            }
            bounds = [0]
            for gap in _LIST_GAP.finditer(names):
                bounds += [gap.start(), gap.end()]
            bounds.append(len(names))
            if all(
                (start + a, start + b) in known
                for a, b in zip(bounds[::2], bounds[1::2], strict=True)
            ):
                # "an Orvik hospital": a known place before the noun says where the site is,
                # not its name; the place itself is the candidate.
                continue
            if any(t.start < found.end(1) and start < t.end for t in info.times):
                continue
            if any(self._in_question(frame, n) for n in first):
                continue
            text = info.text[start:end]
            yield Mention(text, start, end, EntityKind.PLACE, fold(text), text, rule="noun-place")

    def _headed_places(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "Which court ...?", "Into which canton ...?": the question asks for a place of that
        kind, so a name headed by that noun ("the Orvik District Court") or given that noun ("the
        border canton of Osby") answers it before any other place of the sentence. A plural
        ("Which towns ...?") is answered by the names coordinated after the noun."""
        focus = frame.focus or ""
        heads, plural = _focus_heads(focus)
        if not heads:
            return
        text = scored.info.text
        found: list[tuple[int, str, str]] = []
        if focus not in _SETTLEMENT_FOCUS:
            for m in _headed_name(heads).finditer(text):
                name = re.sub(r"^(?:The|A|An)\s+", "", m.group(1) + m.group(2))
                found.append((m.start(1), name, "headed-name"))
        for m in _named_by_noun(heads).finditer(text):
            if m.group(1).lower() != m.group(1):
                continue
            if m.group(2) and _SAYS_AFTER.match(text, m.end(2)):
                # "evacuated to the hospital, CNN Philippines reported": the name opens the
                # next clause as its speaker; it is no apposition to the noun.
                continue
            name = m.group(2)
            if m.group(3) and (plural or m.group(1).endswith("s")):
                more = [n.group() for n in _NAME_RUN.finditer(m.group(3))]
                name = ", ".join([name, *more[:-1]]) + " and " + more[-1]
            found.append((m.start(2), name, "named-by-noun"))
        for m in _name_before_noun(heads).finditer(text):
            # "the Julan neighbourhood": the name stands before its lower-case noun.
            found.append((m.start(1), m.group(1), "name-before-noun"))
        for start, name, rule in found:
            if not re.search(r"\b[A-Z]\.$", name):
                name = name.rstrip(".")  # the sentence's full stop, not an initial's
            if self._in_question(frame, name, person_words=False):
                continue
            if any(t.start < start + len(name) and start < t.end for t in scored.info.times):
                # "holding the base Tuesday night": a time after the noun names no place.
                continue
            if plural and " and " not in name:
                # "Which hospitals ...?": the others of the asked kind listed with this one.
                run = coordinated_run(scored.info, name, frozenset({EntityKind.PLACE}))
                if run:
                    names = [m.name or m.text for m in run]
                    name = ", ".join(names[:-1]) + " and " + names[-1]
            yield Candidate(
                short=name,
                score=1.3 + self._proximity(frame, text, start),
                sentence=scored,
                rule=f"focus-place:{rule}",
                highlight=(name,),
                kind=EntityKind.PLACE,
            )

    def _phrase_after_verb(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "Where was the bomb placed?" - "The bomb was placed on a motorcycle in a market": a
        place phrase right after the question's own verb answers it though it names no place,
        when no named place follows that verb in the sentence (which would say it better)."""
        from assistant.prompts import irregular_forms

        info = scored.info
        predicate = self._predicate_stems(frame)
        for found in _VERB_THEN_PLACE.finditer(info.text):
            verb = fold(found.group(1))
            if not (verb.endswith("ed") or verb in irregular_forms()):
                continue
            if self.tokenizer.stem(verb) not in predicate:
                continue
            stop = re.compile(r"[,;.]").search(info.text, found.end(2))
            clause_end = stop.start() if stop else len(info.text)
            if any(
                found.start(2) <= m.start < clause_end
                and m.kind in {EntityKind.PLACE, EntityKind.COUNTRY, EntityKind.ORGANISATION}
                for m in info.mentions
            ):
                return
            phrase = found.group(2)
            yield Candidate(
                short=phrase,
                score=0.9 + self._proximity(frame, info.text, found.start(2)),
                sentence=scored,
                rule="verb-place-phrase",
                highlight=(phrase,),
            )
            return

    def _common_place(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "Where was Orm when he spoke?" - "Orm spoke at his farm outside Tessby": the place
        complement of the question's own act, a common noun of place, answers a plain
        "where"; it is more exact than the name that only locates it. A bare "the area" points
        back to a place named before, so the phrase needs a modifier or a name after it. A
        question asking for a kind of place ("Which city ...?") wants a name."""
        if frame.focus:
            return
        from assistant.qa.questions import place_nouns

        rules = answer_rules()
        text = scored.info.text
        predicate = self._predicate_stems(frame) - {
            s for m in frame.entities for s in self.tokenizer(m.name or m.text)
        }
        for word in re.finditer(r"[\w'’-]+", text):
            if self.tokenizer.stem(fold(word.group())) not in predicate:
                continue
            found = rules.common_place_after.match(text, word.end())
            if found is None or re.search(r"[,;:.]", text[word.end() : found.start("det")]):
                continue
            head = found.group("head")
            if head not in place_nouns() and head not in rules.common_place_heads:
                continue
            modifiers = found.group("np").split()[:-1]
            if not found.group("tail") and (not modifiers or head in rules.common_vague_places):
                continue
            if self.tokenizer.stem(head) in set(self.tokenizer(frame.text)):
                # "Where is the air base that was attacked?": the asked thing is no answer to
                # where it is.
                continue
            tail = fold(found.group("tail") or "")
            if tail and any(
                not m.role_only and re.search(rf"\b{re.escape(fold(m.name or m.text))}\b", tail)
                for m in frame.entities
            ):
                # "... a site for Guantanamo detainees?": "the detention facility in
                # Guantanamo Bay" is in the place the question already names, not the asked one.
                continue
            end = found.end()
            if found.group("tail"):
                # "her home in Dunmore, Oregon": the state after the town is the town's.
                comma = re.compile(r",\s*").match(text, end)
                state = next(
                    (
                        m
                        for m in scored.info.mentions
                        if comma
                        and m.start == comma.end()
                        and m.kind in {EntityKind.PLACE, EntityKind.COUNTRY}
                    ),
                    None,
                )
                end = state.end if state is not None else end
            phrase = text[found.start("np") : end]
            if not re.search(r"\b[A-Z]\.$", phrase):
                phrase = phrase.rstrip(".")  # the sentence's full stop, not an initial's
            if self._in_question(frame, phrase):
                continue
            yield Candidate(
                short=phrase,
                score=_COMMON_PLACE_SCORE + self._proximity(frame, text, found.start("np")),
                sentence=scored,
                rule="common-noun-place",
                highlight=(phrase,),
            )
            return

    def _place_of_clause(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "Where were the bodies burned?" - "moved to a mobile phone store where they were
        burned": a common noun of place whose relative "where" clause tells the question's act
        is the place of that act, though no preposition of the act's own governs it. As for
        `_common_place`, a bare or vague noun ("the store where", "the area where") points back
        to a place named before and names nothing."""
        if frame.focus:
            return
        from assistant.qa.questions import place_nouns

        rules = answer_rules()
        text = scored.info.text
        if " where " not in text and ", where" not in text:
            return
        predicate = self._predicate_stems(frame) - {
            s for m in frame.entities for s in self.tokenizer(m.name or m.text)
        }
        for found in _NOUN_WHERE_CLAUSE.finditer(text):
            head = found.group("head")
            if head not in place_nouns() and head not in rules.common_place_heads:
                continue
            if len(found.group("np").split()) < 2 or head in rules.common_vague_places:
                continue
            if self.tokenizer.stem(head) in set(self.tokenizer(frame.text)):
                continue
            told = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(found.group("clause"))}
            shared = len(told & predicate)
            if not shared:
                continue
            phrase = found.group("np")
            if self._in_question(frame, phrase):
                continue
            yield Candidate(
                short=phrase,
                score=_COMMON_PLACE_SCORE
                + 0.3 * min(2, shared)
                + self._proximity(frame, text, found.start("np")),
                sentence=scored,
                rule="common-noun-where-clause",
                highlight=(phrase,),
            )
            return

    def _only_question_words(self, frame: QuestionFrame, name: str) -> bool:
        """Whether every word of `name` is one of the question's own content words."""
        stems = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(name)}
        return bool(stems) and stems <= self._predicate_stems(frame)

    def _settlement_before(
        self, frame: QuestionFrame, info: SentenceInfo, m: Mention
    ) -> str | None:
        """The settlement written before a state or country `m` ("in Orvik, Tessa"), unless the
        question asks for the larger place or the words before are no settlement: another
        state or country (a list), an organisation's name, a time."""
        from assistant.knowledge.lexicon import lexicon

        if frame.focus in _LARGER_FOCUS:
            return None
        lex = lexicon()
        if m.kind is not EntityKind.COUNTRY and fold(m.name) not in _states() | lex.regions:
            return None
        if re.match(r"['’]s\b", info.text[m.end : m.end + 3]):
            # "Orvik, Tessa's capital": the state is owned by what follows, no pair.
            return None
        found = answer_rules().settlement_before.search(info.text[max(0, m.start - 60) : m.start])
        if found is None:
            return None
        words = found.group(1)
        folded = fold(words)
        if folded in lex.countries or folded in lex.regions or folded in _states():
            return None
        if self._in_question(frame, words):
            # "In which district of Orvik ...": the question's own town is no answer.
            return None
        start = m.start - (len(info.text[max(0, m.start - 60) : m.start]) - found.start(1))
        end = start + len(words)
        if any(
            o.kind is EntityKind.ORGANISATION and o.start < end and start < o.end
            for o in info.mentions
        ) or any(t.start < end and start < t.end for t in info.times):
            return None
        return words

    def _region_of_asked_setting(
        self, frame: QuestionFrame, info: SentenceInfo, m: Mention
    ) -> bool:
        """Whether a state or country `m` is written after a place the question sets the asked
        event in ("in Orvik, Tessa" for "... in Orvik?"): it only locates the question's place."""
        from assistant.knowledge.lexicon import lexicon

        if frame.focus in _LARGER_FOCUS:
            return False
        name = fold(m.name)
        if (
            m.kind is not EntityKind.COUNTRY
            and name not in _states()
            and name not in lexicon().regions
        ):
            return False
        found = answer_rules().settlement_before.search(info.text[max(0, m.start - 60) : m.start])
        if found is None:
            return False
        words = found.group(1)
        setting = answer_rules().asked_setting
        for at in re.finditer(re.escape(words), frame.text):
            if setting.search(frame.text[: at.start()]):
                return True
        return False

    def _based_places(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "Where is the court based?": "the Orvik-based court" names it before the noun. The
        capitalised words before "-based" may open with other words ("The Orvik-based"): the
        longest tail of them the gazetteer knows is the place."""
        from assistant.knowledge.lexicon import lexicon

        lex = lexicon()
        text = scored.info.text
        for found in answer_rules().based_place.finditer(text):
            words = re.split(r"[\s-]+", found.group(1))
            for n in range(len(words)):
                name = " ".join(words[n:])
                folded = fold(name)
                if folded in lex.places or folded in lex.countries or folded in lex.minor_places:
                    break
            else:
                continue
            if self._in_question(frame, name, person_words=False):
                continue
            yield Candidate(
                short=name,
                score=1.2 + self._proximity(frame, text, found.start(1)),
                sentence=scored,
                rule="based-place",
                highlight=(name,),
                kind=EntityKind.PLACE,
            )

    def _organisation_site(
        self,
        frame: QuestionFrame,
        scored: Scored,
        m: Mention,
        exclude: set[str],
        sources: list[tuple[int, int]],
    ) -> Candidate | None:
        """An institution the sentence sets something at ("studying at the Varnholt Institute",
        "outside of the Tessel Assembly"): a site, though its name is an organisation's. It
        scores below a town after "in" (a strong cue and a place's own bonus), so a sentence
        that names both still gives the town unless the question asks for a building."""
        text = scored.info.text
        before = text[max(0, m.start - 20) : m.start]
        if (
            not answer_rules().site_cue.search(text[max(0, m.start - 50) : m.start])
            and not (
                # "Which hospital was he taken to?": any place preposition leads to the building.
                frame.focus in _BUILDING_FOCUS and _PLACE_PREPOSITION.search(before)
            )
            and not (_IN_THE.search(before) and (m.name or m.text).split()[-1] in _SEATED_BODIES)
        ):
            return None
        if _NOMINAL_AFTER.match(text, m.end):
            # "a response to Harbour League enlargement": the preposition governs the noun.
            return None
        name = m.name or m.text
        if fold(name) in exclude or self._in_question(frame, name, person_words=False):
            return None
        if any(start <= m.start < end for start, end in sources):
            return None
        if frame.focus in _SETTLEMENT_FOCUS or frame.focus in {"country", "countries"}:
            return None
        score = 0.75 + self._proximity(frame, text, m.start)
        if frame.focus in _BUILDING_FOCUS:
            score += 0.5
        return Candidate(
            short=name,
            score=score,
            sentence=scored,
            rule="sentence-site:organisation",
            highlight=(m.text,),
            kind=EntityKind.ORGANISATION,
        )

    def _fits_focus(self, frame: QuestionFrame, name: str, kind: EntityKind | None) -> bool:
        """A question asking for a city (town, village...) is not answered by a country or a
        region, nor, when it says "which Zimbabwean city", by a city the gazetteer places only
        in other countries."""
        from assistant.knowledge.lexicon import city_countries, lexicon

        folded = fold(name)
        if frame.focus in _SETTLEMENT_FOCUS:
            lex = lexicon()
            if kind is EntityKind.COUNTRY or folded in lex.countries or folded in lex.regions:
                return False
            if folded.split()[-1:] and folded.split()[-1] in _SITE_HEADS:
                # "Tarrow Palace" is a building, not a city.
                return False
        if frame.focus_country and frame.focus in _SETTLEMENT_FOCUS | _BUILDING_FOCUS:
            countries = city_countries().get(folded.split(",")[0].strip())
            if countries and fold(frame.focus_country) not in countries:
                return False
        return True

    def _country_demonym_in_question(self, frame: QuestionFrame, country: str) -> bool:
        from assistant.knowledge.lexicon import lexicon

        q = fold(frame.text)
        return any(
            fold(c) == fold(country) and _has_word(q, d) for d, c in lexicon().nationalities.items()
        )
