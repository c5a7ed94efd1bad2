"""Question analysis: intent from `prompts/intents.toml`, entities, content words, follow-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from assistant.knowledge.entities import EntityRecognizer, Mention
from assistant.knowledge.prefilter import cached_needles, needles
from assistant.knowledge.timex import find_times
from assistant.lazy_re import lazy_compile
from assistant.models import EntityKind
from assistant.prompts import StrictModel, check_pattern, load_prompt
from assistant.safe import plain
from assistant.text import fold

# A question longer than this is cut before analysis (hostile input stays fast).
MAX_QUESTION_CHARS = 2_000


# Stands in a pattern for any of the file's person nouns.
PERSON_SLOT = "{person}"
# Stands in a pattern for any of the file's place-kind nouns, singular or plural.
PLACE_SLOT = "{place}"


class IntentRule(StrictModel):
    name: str
    pattern: str
    requires: str | None = None
    case_sensitive: bool = False

    @field_validator("pattern", "requires")
    @classmethod
    def _compiles(cls, pattern: str | None) -> str | None:
        if pattern is None or PERSON_SLOT in pattern or PLACE_SLOT in pattern:
            return pattern  # checked once the slots are filled in (`intent_rules`)
        return check_pattern(pattern)


class IntentFile(StrictModel):
    person_nouns: list[str] = Field(default_factory=list)
    place_nouns: list[str] = Field(default_factory=list)
    matter_nouns: list[str] = Field(default_factory=list)
    media: list[str] = Field(default_factory=list)
    intents: list[IntentRule]

    @field_validator("media")
    @classmethod
    def _names(cls, names: list[str]) -> list[str]:
        for name in names:
            if not re.fullmatch(r"[A-Z][\w.-]*", name):
                raise ValueError(f"not one capitalised word: {name!r}")
        return names

    @field_validator("person_nouns", "place_nouns", "matter_nouns")
    @classmethod
    def _words(cls, nouns: list[str], info: ValidationInfo) -> list[str]:
        # A kind of place may take two words ("air base", "border crossing").
        two = info.field_name == "place_nouns"
        shape = r"[a-z][a-z'-]*(?: [a-z][a-z'-]*)?" if two else r"[a-z][a-z'-]*"
        for noun in nouns:
            if not re.fullmatch(shape, noun):
                what = "one or two lower-case singular words" if two else "a lower-case word"
                raise ValueError(f"not {what}: {noun!r}")
        return nouns

    @field_validator("intents")
    @classmethod
    def _slots_compile(cls, rules: list[IntentRule], info: ValidationInfo) -> list[IntentRule]:
        """Patterns with the {person} or {place} slot, checked with the slots filled in."""
        person = _person_pattern(frozenset(info.data.get("person_nouns") or ()))
        place = _place_pattern(frozenset(info.data.get("place_nouns") or ()))
        for number, rule in enumerate(rules):
            for name, pattern, flags in (
                ("pattern", rule.pattern, 0 if rule.case_sensitive else re.IGNORECASE),
                ("requires", rule.requires, re.IGNORECASE),
            ):
                if pattern and (PERSON_SLOT in pattern or PLACE_SLOT in pattern):
                    try:
                        check_pattern(_fill(pattern, person, place), flags)
                    except ValueError as error:
                        raise ValueError(f"rule {number}, {name}: {error}") from None
        return rules


def _fill(pattern: str, person: str, place: str) -> str:
    return pattern.replace(PERSON_SLOT, person).replace(PLACE_SLOT, place)


@cache
def _intent_file() -> IntentFile:
    return load_prompt("intents", IntentFile)


@cache
def person_nouns() -> frozenset[str]:
    """Nouns that name a person ("pilot", "envoy"), singular, from prompts/intents.toml."""
    return frozenset(_intent_file().person_nouns)


@cache
def matter_nouns() -> frozenset[str]:
    """Nouns a person's name may name a matter with ("the Sacoolas case"), from
    prompts/intents.toml."""
    return frozenset(_intent_file().matter_nouns)


@cache
def media() -> frozenset[str]:
    """Services a person posts or speaks on ("on Twitter"), from prompts/intents.toml."""
    return frozenset(_intent_file().media)


@cache
def place_nouns() -> frozenset[str]:
    """Nouns that name a kind of place ("parish", "air base"), singular and plural, from
    prompts/intents.toml."""
    return _place_forms(frozenset(_intent_file().place_nouns))


def _plural(noun: str) -> str:
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


@cache
def _place_forms(nouns: frozenset[str]) -> frozenset[str]:
    return nouns | {_plural(n) for n in nouns}


class IntentMatcher:
    """One intent rule, its patterns compiled when a question first reaches it: rules are
    tried in order and most questions stop early, so an `ask` compiles only a few (compiling
    all, with the person-noun slot filled in, took ~30 ms of every start)."""

    def __init__(self, rule: IntentRule, person: str, place: str) -> None:
        self.rule = rule
        self._person = person
        self._place = place
        self._compiled: tuple[re.Pattern[str], re.Pattern[str] | None] | None = None
        self._source = _fill(rule.pattern, person, place)
        self._flags = 0 if rule.case_sensitive else re.IGNORECASE

    def _compile(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        rule = self.rule
        requires = _fill(rule.requires, self._person, self._place) if rule.requires else None
        self._compiled = (
            re.compile(self._source, self._flags),
            re.compile(requires, re.IGNORECASE) if requires else None,
        )
        return self._compiled

    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        """The rule's pattern and its requirement, compiled the first time they are asked for."""
        return self._compiled or self._compile()

    def match(self, question: str) -> re.Match[str] | None:
        if self._compiled is None:
            # Not compiled yet: the needles a batch derived (kept in the cache folder) may
            # show that the rule cannot match, and it need not be compiled at all.
            known = cached_needles(self._source, self._flags)
            if known is not None and not known.possible(question):
                return None
        pattern, requires = self.patterns()
        found = pattern.search(question)
        if found and (requires is None or requires.search(question)):
            return found
        return None


def compile_intents() -> None:
    """Every intent rule's patterns now (a batch, before forking its workers), with their
    needles, which `derive_all` then keeps for later commands (`IntentMatcher.match`)."""
    for matcher in intent_rules():
        needles(matcher.patterns()[0])


@cache
def intent_rules() -> list[IntentMatcher]:
    data = _intent_file()
    person = _person_pattern(frozenset(data.person_nouns))
    place = _place_pattern(frozenset(data.place_nouns))
    return [IntentMatcher(rule, person, place) for rule in data.intents]


@cache
def _person_pattern(nouns: frozenset[str]) -> str:
    return "(?:" + _word_trie(nouns) + ")(?:s|es)?" if nouns else "(?!)"


@cache
def _place_pattern(nouns: frozenset[str]) -> str:
    """Any of the place nouns or their plurals, a two-word noun with any space between its
    words ("air  base", "air-base"); the caller closes it with a word boundary."""
    if not nouns:
        return "(?!)"
    return "(?:" + _word_trie(_place_forms(nouns)).replace(r"\ ", r"[\s-]+") + ")"


def _word_trie(words: frozenset[str]) -> str:
    """A pattern matching exactly `words`, with shared beginnings written once ("m(?:an(?:ag
    er)?|en)"): the 130 person nouns as a plain alternation took 24 ms to compile in every
    command. Where several words match, the longest is tried first, as in an alternation
    sorted longest first."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def written(node: dict[str, Any]) -> str:
        branches = [
            re.escape(char) + written(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
        return body

    return written(trie)


_LOWER_NAME_HINT = lazy_compile(
    r"\b(?:who\s+is|about|did|does|will|is|was|and|with|meet|met)\s+([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,2})\b"
)
_FOLLOWUP = lazy_compile(
    r"^\s*(?:and\s+)?(?:where|when|why|what\s+about|how\s+about|and|who\s+else|with\s+whom)\b[^A-Z]*\??\s*$|^\s*(?:and\s+)?(?:what\s+about|how\s+about)\s+",
    re.IGNORECASE,
)
_PRONOUN_Q = lazy_compile(r"\b(?:they|them|he|she|him|her|the\s+two(?:\s+leaders)?|both)\b", re.I)
# Words that end the noun phrase after "which" ("Which town was ...", "which park in ...").
_PHRASE_ENDS = frozenset(
    "was is were are did does do has have had will would could can in of on at near to from for"
    " with by that where".split()
)
_WH = {"who", "whom", "whose", "what", "which", "where", "when", "why", "how", "with"}
# "Which city", "To which city", "From what country": any preposition may lead the question.
_FOCUS = lazy_compile(
    r"^\s*(?:(?:in|at|to|from|into|for|on|near|of|inside|within|toward|towards|outside|off|"
    r"across|through|around|over|along)\s+)?"
    r"(?:which|what)\s+(\w+)",
    re.IGNORECASE,
)


# "Residents of which parish", "Exchanges in which cities": the place noun after the
# question's opening noun and its preposition.
_NOUN_THEN_WHICH_FOCUS = lazy_compile(
    r"^\s*(?:and\s+)?(?:[\w'’-]+\s+){1,2}(?:of|in|to|into|at|near|inside|across|within)\s+"
    r"(?:which|what)\s+(\w+)",
    re.I,
)


# "the Sacoolas case": "the" before a name, a noun of `matter_nouns` after it.
_THE_BEFORE_NAME = lazy_compile(r"\bthe\s+$", re.IGNORECASE)
_WORD_AFTER_NAME = lazy_compile(r"\s+([a-z]+)\b")
# "the", "a" or a number, and up to two adjectives, before a name ("four French Airbus sites",
# "the earlier Soleimani funeral procession").
_DETERMINER_BEFORE_NAME = lazy_compile(
    r"\b(?:the|a|an|its|their|his|her|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten"
    r"|several|many|some)\s+(?:(?:[a-z]+|[A-Z][a-z]+)\s+){0,2}$"
)
# Words after a name that are no noun it may modify: verbs and joining words.
_NOT_MODIFIED = frozenset(
    "and or of in on at to for with from by who whom that which is was are were has have had "
    "will would can could should may might must did does do said says".split()
)


_AGENT_NOUN = lazy_compile(r"(?:er|or|ist)s?$")


def _modifies_noun(word: str) -> bool:
    """Whether a lower-case word after a name may be the noun it modifies ("sites", "case"),
    not a verb ("met", "flew", "being") or a joining word. A person noun ("the Trump
    supporter") does not count: who that person is hangs on the name, which the answering
    sentence must then give."""
    from assistant.prompts import irregular_forms

    return (
        word not in _NOT_MODIFIED
        and not word.endswith(("ed", "ing"))
        and word not in irregular_forms()
        and word not in person_nouns()
        and word.removesuffix("s") not in person_nouns()
        # "supporter", "adviser", "loyalists": a doer's noun is likely a person's too.
        and not _AGENT_NOUN.search(word)
    )


# "under Trump", "under President Obama": a ruler's time, written before the name.
_PREPOSITION_BEFORE_NAME = lazy_compile(
    r"\b(?:to|of|against|over|for|on|about|into|from|after|before|during)\s+$"
)
_UNDER_BEFORE_NAME = lazy_compile(r"\bunder\s+(?:[A-Z][\w.]*\s+){0,2}$")
# A closing clause that dates the asked act by another event, written as a noun phrase
# (", after his Atlantic Council talk in Washington?"), not as a clause with its own verb.
_EVENT_CLAUSE = lazy_compile(
    r",\s+(?:shortly\s+|soon\s+|just\s+)?(?:after|before|following)\s+(?:his|her|their|its|the)\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:talks?|speech|address|visit|meeting|trip|tour|summit|"
    r"conference|interview|election|arrival|remarks|briefing|appearance)\b"
)


@dataclass
class QuestionFrame:
    text: str
    intent: str
    entities: list[Mention] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    time_isos: list[str] = field(default_factory=list)
    focus: str | None = None
    # "In which Zimbabwean city": the country the asked-for place must lie in.
    focus_country: str | None = None
    followup: bool = False
    role_target: str | None = None
    query: str = ""

    @property
    def names(self) -> list[str]:
        return [m.name or m.text for m in self.entities]

    def identifying(self) -> list[Mention]:
        """People the question names only inside a relative clause that says which thing it
        asks about ("the pardons that included Ivo Dahl", "the primaries that Orm swept"), and
        names of any kind in a closing clause that dates the act by another event (", after his
        Atlantic Council talk"): an answering story must name them, an answering sentence need
        not."""
        # Kept once made: asked for every sentence scored.
        kept: list[Mention] | None = self.__dict__.get("_identifying")
        if kept is None:
            found = _RELATIVE_CLAUSE.search(self.text)
            setting = _EVENT_CLAUSE.search(self.text)
            people = [m for m in self.entities if m.kind is EntityKind.PERSON and not m.role_only]
            kept = [
                m
                for m in self.entities
                if not m.role_only
                and (
                    # "Whom did X meet later on Tuesday, after his Atlantic Council talk in
                    # Washington?": the event before says when; what it names, of any kind,
                    # need not be where the answer is told.
                    (setting is not None and m.start > setting.start())
                    or (
                        m.kind is EntityKind.PERSON
                        and (
                            (found is not None and m.start > found.start())
                            # "the Sacoolas case", "the Trump administration": the name says
                            # which thing; the person need not take part in what the answer
                            # tells.
                            or (
                                _THE_BEFORE_NAME.search(self.text, 0, m.start) is not None
                                and (after := _WORD_AFTER_NAME.match(self.text, m.end)) is not None
                                and after.group(1) in matter_nouns()
                            )
                            # "what counts as a criminal alien under Trump": whose era, not
                            # who acts.
                            or _UNDER_BEFORE_NAME.search(self.text, 0, m.start) is not None
                            # "the lawyer for Tsvangirai in his challenge to Mugabe's
                            # re-election": a second person's thing, after a preposition, says
                            # which matter; the answer is told with the first person.
                            or (
                                len(people) >= 2
                                and m is not people[0]
                                and not self.text.startswith(("'s ", "’s "), people[0].end)
                                and _PREPOSITION_BEFORE_NAME.search(self.text, 0, m.start)
                                is not None
                                and self.text.startswith(("'s ", "’s "), m.end)
                            )
                            # "at four French Airbus sites", "a Ford executive": a name written
                            # as a noun's modifier says whose thing; its bearer need not act.
                            or (
                                _DETERMINER_BEFORE_NAME.search(self.text, 0, m.start) is not None
                                and (after := _WORD_AFTER_NAME.match(self.text, m.end)) is not None
                                and _modifies_noun(after.group(1))
                            )
                        )
                    )
                )
            ]
            self.__dict__["_identifying"] = kept
        return kept

    def strong_entities(self) -> list[Mention]:
        """Entities that an answering article must mention."""
        return [
            m
            for m in self.entities
            if m.kind
            in {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE, EntityKind.COUNTRY}
            and not m.role_only
        ]


# A relative clause after a plural or a lower-case noun, not a verb's "that" ("said that ...").
_RELATIVE_CLAUSE = lazy_compile(
    r"\b(?!(?:said|says|say|announced|claimed|reported|stated|believed|believes|thinks|thought|argued|warned|told|confirmed|denied|insisted|suggested|added|noted|wrote|tweeted|ruled|found|showed|means|meant|so|such|now|did|does|do|is|was|were|are|know|knew|hoped|feared|decided|agreed|promised|ordered|asked)\b)[a-z]{3,}\s+(?:that|which)\s+(?!(?:is|was|were|are|has|have|had|will|would)\b)"
)


def _demonym_plural(mention: Mention) -> None:
    """ "Egyptians", "Americans": a people, not a person; the articles name them by their
    country or its adjective ("Egyptian"), so the question asks about that country."""
    from assistant.knowledge.lexicon import lexicon

    folded = fold(mention.text).rstrip("'’")
    # "the fall in Australians' iodine intake": a place cue before them makes no place.
    kinds = {EntityKind.PERSON, EntityKind.PLACE}
    if mention.kind not in kinds or " " in folded or not folded.endswith("s"):
        return
    country = lexicon().nationalities.get(folded[:-1])
    if country:
        mention.kind = EntityKind.COUNTRY
        mention.key = fold(country)
        mention.name = country
        mention.rule = "demonym-plural"


# "Besides the envoy, which ambassadors ...", "According to analysts, what was ...": a phrase
# set before the question word by a comma; the question proper starts after it.
_LEAD_IN = lazy_compile(
    r"^(?:(?!\b(?:who|whom|whose|what|which|where|when|why|how)\b)[^,?]){3,80},\s+"
    r"(?=(?:who|whom|whose|what|which|where|when|why|how)\b|(?:with|to|by|from|in|at|on|for)\s+"
    r"(?:which|what|whom)\b)",
    re.IGNORECASE,
)


def _person_by_noun(text: str, mention: Mention) -> None:
    """ "the history teacher Stanley": a town's name the gazetteer knows, written right after
    a noun for a person, is that person's name."""
    if mention.kind is not EntityKind.PLACE or mention.rule != "gazetteer-place":
        return
    before = _NOUN_BEFORE.search(text, 0, mention.start)
    if before and before.group(1).lower() in person_nouns():
        mention.kind = EntityKind.PERSON
        mention.rule = "role-noun+name"


_NOUN_BEFORE = lazy_compile(r"\b([a-z]+)\s+$")


def _has_text(text: str, words: str) -> bool:
    return re.search(r"(?<![\w'’-])" + re.escape(words) + r"(?![\w'’-])", text) is not None


def detect_intent(question: str) -> tuple[str, re.Match[str] | None]:
    question = _LEAD_IN.sub("", question, count=1)
    for matcher in intent_rules():
        match = matcher.match(question)
        if match:
            return matcher.rule.name, match
    return "fallback", None


_ON_BEFORE = lazy_compile(r"\b(?:on|via)\s+$", re.IGNORECASE)
# "Obama-era", "Havana-bound", "Penske-led": a name made a modifier by a hyphenated word.
_COMPOUND_MODIFIER = lazy_compile(
    r"^([A-Z][\w.]*)-(?:era|based|bound|led|backed|born|run|owned|made|style|funded|controlled"
    r"|allied|linked|affiliated|friendly|held)\b\s*"
)


def _without_compound_modifier(mention: Mention) -> None:
    """A name written with a hyphenated modifier is found without it: "Obama-era National
    Security Council" as "National Security Council", "Havana-bound" as "Havana" (a story
    writes "en route to Havana")."""
    found = _COMPOUND_MODIFIER.match(mention.text)
    if found is None:
        return
    rest = mention.text[found.end() :]
    if rest:
        mention.start += found.end()
        mention.text = rest
        named = _COMPOUND_MODIFIER.match(mention.name or "")
        if named is not None:
            mention.name = mention.name[named.end() :]
    else:
        mention.end = mention.start + len(found.group(1))
        mention.text = mention.name = found.group(1)


def parse_question(question: str, known_names: dict[str, str] | None = None) -> QuestionFrame:
    """Analyse a question; `known_names` maps folded proper words of the corpus to their
    usual capitalised spelling, for questions typed in lower case."""
    # Escape sequences and control characters would split or join names ("Mara\x1bVoss").
    text = " ".join(plain(question[:MAX_QUESTION_CHARS]).split())
    intent, match = detect_intent(text)
    # Capitalise the first word's successor only by the recogniser's rules; the question word
    # itself is never an entity.
    recognizer = EntityRecognizer(question_mode=True)
    body = re.sub(r"^\s*\w+", lambda m: m.group().lower(), text)
    if known_names and not re.search(r"[A-Z]", body):
        # Typed all in lower case: restore the capitals the corpus uses for its names.
        # Each part of a hyphenated word on its own: "albu-halme" -> "Albu-Halme".
        body = re.sub(r"[a-z][\w']*", lambda m: known_names.get(fold(m.group()), m.group()), body)
        body = re.sub(r"^\s*\w+", lambda m: m.group().lower(), body)
    mentions = [
        m
        for m in recognizer.mentions(body)
        if fold(m.text) not in _WH
        # A lone suffix word ("State" of "Islamic State") names no place.
        and not (m.rule == "place-suffix" and len(m.text.split()) == 1)
        # A kind of place the question wrote in lower case ("which parish"), capitalised only
        # because the corpus writes it so in a name, is the kind asked for, not a name given.
        and not (fold(m.text) in place_nouns() and not _has_text(text, m.text))
        # "announced ... on Twitter": where it was said, which a story may tell as "tweeted";
        # no name an answering story must write.
        and not (m.text in media() and _ON_BEFORE.search(body, 0, m.start) is not None)
    ]
    for mention in mentions:
        _demonym_plural(mention)
        _person_by_noun(body, mention)
        _without_compound_modifier(mention)
    frame = QuestionFrame(text=text, intent=intent, entities=mentions)
    found_times = find_times(text)
    frame.times = [t.text for t in found_times]
    frame.time_isos = [t.iso for t in found_times if t.iso]
    focus = _FOCUS.match(text)
    if focus is None and intent == "where":
        # "Residents of which parish ...": the wh-phrase after "of" names the asked place.
        focus = _NOUN_THEN_WHICH_FOCUS.match(text)
    if focus:
        frame.focus = focus.group(1).lower()
        adjective = re.match(r"([A-Z][\w-]*)\s+([a-z]\w*)", text[focus.start(1) :])
        if adjective:
            from assistant.knowledge.lexicon import lexicon

            country = lexicon().nationalities.get(fold(adjective.group(1)))
            if country:
                # "which Zimbabwean city": the noun is the focus, the adjective its country.
                frame.focus = adjective.group(2).lower()
                frame.focus_country = country
            elif fold(adjective.group(1)) in lexicon().places or (
                intent == "where" and adjective.group(2).lower() in place_nouns()
            ):
                # "which Berlin hospital": a place naming where the noun is, not the noun;
                # "which Atlantic islands", "which Wisconsin city": a name modifying a kind of
                # place.
                frame.focus = adjective.group(2).lower()
        if intent == "where" and match is not None:
            # "Into which Kurdish border canton ...", "Which vital border towns are ...": the
            # place noun the where-rule matched heads the phrase, not the first modifier.
            # Only a phrase closed by an auxiliary or a preposition is the asked noun phrase:
            # in "Which building hosted the talks?" the words run on into the verb's object.
            nouns: list[str] = []
            for word in re.findall(r"[\w'’-]+", text[focus.start(1) :])[:5]:
                if fold(word) in _PHRASE_ENDS:
                    if len(nouns) > 1 and nouns[-1].islower():
                        frame.focus = nouns[-1].lower()
                    break
                if fold(word) in {"the", "a", "an", "his", "her", "its", "their"}:
                    break
                nouns.append(word)
    elif re.match(r"^\s*(?i:and\s+)?(?i:where)\s+in\s+(?:the\s+)?[A-Z]", text):
        # "Where in Rennick ...": somewhere inside a named place, a site or building.
        frame.focus = "site"
    if intent == "who_role" and match is not None:
        # The name is the rule's one group that took part ("What position does X hold?").
        frame.role_target = next((group for group in match.groups() if group), None)
    # A pronoun for a person ("Why is he visiting Japan?") in a question that names no person
    # stands for the last turn's people, though the question names a place.
    frame.followup = bool(_FOLLOWUP.match(text)) or (
        not any(m.kind is EntityKind.PERSON for m in frame.strong_entities())
        and bool(_PRONOUN_Q.search(text))
    )
    return frame
