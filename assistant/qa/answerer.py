"""Answer a question: retrieve passages, check constraints, extract with rules, fill a template.

Order of work for one question:
1. analyse it (intent, entities, times; follow-ups borrow the last turn's entities);
2. retrieve passages with BM25, the query expanded with the entities' aliases;
3. keep only articles that mention every named entity of the question;
4. score the sentences of the best passages by weighted overlap with the question;
5. run the intent's extractor over the best sentences (meeting events first for meeting
   questions) and take the best candidate whose words are not already in the question;
6. render the answer with the intent's template and cite the sentences it rests on.
When step 3 or 5 finds nothing, the answer is declined and the closest passages are offered.

This module holds the `Answerer` class and steps 1-4 and 6, and the orchestration of step 5
(`_extract`: anchoring candidates to the question, choosing the best). The extractors of
step 5 are mixins that `Answerer` inherits, one module each:
- extract_who.py: who did it, who met whom, who holds a role, asked roles, participants;
- extract_where.py: where, the place constraints of a question, the more specific place;
- extract_when.py: when, not the time of another event in the sentence;
- extract_why.py: why, purposes stated next, referents, which clause a reason attaches to;
- extract_topic.py: what a meeting was about;
- extract_meetings.py: how many meetings a person had, and which.
answer_text.py holds what they share: `Scored` sentences, `Candidate` answers, whole-word
matching and name lists, and `AnswererParts`, the type-checking view of `Answerer`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from assistant.knowledge.analysis import AnalysisCache, ArticleAnalysis, SentenceInfo
from assistant.knowledge.entities import _THE_BEFORE, Mention
from assistant.knowledge.meetings import PLURAL_REFERENCE, place_score, purpose_clauses
from assistant.knowledge.timex import WEEKDAYS, TimeMention, find_times
from assistant.lazy_re import lazy_compile
from assistant.models import Answer, Article, Citation, EntityKind, Meeting
from assistant.prompts import abbreviations
from assistant.qa.answer_text import (
    _MEET_VERB,
    _QUESTION_WORDS,
    _WORDS,
    Candidate,
    Scored,
    _dedupe_names,
    _distinct,
    _has_word,
    _is_word_char,
    _join,
    _word_starts,
    coordinated_run,
)
from assistant.qa.conversation import Conversation
from assistant.qa.extract_meetings import MeetingListExtractors
from assistant.qa.extract_quantity import QuantityExtractors
from assistant.qa.extract_topic import TopicExtractors, act_object, asked_speakers, spoken_content
from assistant.qa.extract_what import WhatExtractors
from assistant.qa.extract_when import ASKED_BOUND, WhenExtractors, _day, bound_before
from assistant.qa.extract_where import (
    _LOWER_NOUN_AFTER,
    _PLACE_PREPOSITION,
    _PLURAL_NOUN,
    _SOURCE,
    _SOURCE_CLAUSE,
    WhereExtractors,
)
from assistant.qa.extract_who import (
    _CALLED_A_NAME,
    _EXCLUDED,
    _ORG_FOCUS,
    _OUTLET_NOUNS,
    _PARTY_KINDS,
    ANY_BODY_FOCUS,
    WhoExtractors,
    _who_focus,
    light_verb_stems,
)
from assistant.qa.extract_why import WhyExtractors
from assistant.qa.questions import (
    QuestionFrame,
    compile_intents,
    media,
    parse_question,
    person_nouns,
)
from assistant.qa.templates import templates
from assistant.text import fold, trim_words

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.storage import CompactCorpus

SHORT_WORD_LIMIT = {
    "who_met": 16,
    "who": 16,
    "who_role": 16,
    "where": 10,
    "when": 10,
    "quantity": 10,
}
RETRIEVE_K = 100
# How much a sentence's relevance counts against the fitness of the answer found in it.
SENTENCE_WEIGHT = 0.45
# What a candidate gains by the share of the question's words in its own clause (who).
_CLAUSE_WEIGHT = 0.4
# How far below the best a time of the same sentence may score and still be bound better.
_BOUND_MARGIN = 0.3
# The same for places, whose candidates of one sentence differ more by kind (a site, a city).
_PLACE_BOUND_MARGIN = 0.5
# The most words a place naming the best one inside it may have ("Orvik Police Headquarters").
_LONGEST_PLACE = 6
# How far below a single place a list may score and still answer a plural "which places".
_LIST_MARGIN = 0.3
# Candidate articles whose every sentence is read for the answer.
MAX_ARTICLES = 6
# An answer from a story whose best sentence scores under this share of the best sentence of
# all is declined: the story that matches the question best does not give the answer, and one
# that matches it much less well is about something else.
OTHER_STORY_LEAST = 0.65
# Articles with more sentences than this (news has a few dozen) are scored only around the
# retrieved passages.
MAX_SCORED_SENTENCES = 600


_THING_NOUNS = r"(?:boat|ship|vessel|ferry|tanker|aircraft|plane|jet|cathedral|church|mosque|temple|hotel|building|tower|bridge|stadium|airport|station|river|lake|fire|blaze|storm|hurricane|typhoon|cyclone|earthquake|flood|attack|bombing|festival|race|marathon|tournament|game|match|film|book|album|exoplanet|planet|satellite|mission|spacecraft|rocket|operation|programme|program|project|bill|law|treaty|agreement|deal|company|party)"
# Nouns a name follows in apposition when it names a storm, a ship or a craft, as a story
# writes them (capitalised in a storm's name).
_NAMED_THING = (
    r"\b(?:(?:Super\s+)?Typhoon|Hurricane|Cyclone|(?:Tropical\s+)?Storm|hurricane|typhoon|"
    r"cyclone|storm|ship|vessel|ferry|tanker|boat|yacht|submarine|spacecraft|rocket|probe|"
    r"satellite|exoplanet)\s+"
)
_NAMED_THING_BEFORE = lazy_compile(_NAMED_THING + "$")
_THING_BEFORE = lazy_compile(_THING_NOUNS + r"\s+$", re.IGNORECASE)
_THING_AFTER = lazy_compile(r"\s+(?:'s\s+)?" + _THING_NOUNS + r"\b", re.IGNORECASE)
# A job noun right before a name, or before it with a comma ("envoy Ivo Dahl", "Orvia's envoy
# to Tessel, Ivo Dahl"), searched up to the name; "prosecutor general" is a prosecutor.
_TITLE_BEFORE = lazy_compile(
    r"(?<![\w'’-])([a-z]+)(?:\s+general)?(?:\s+(?:to|of|for)\s+(?:the\s+)?[A-Z][\w.'’-]*)?,?\s+$"
)
# The lower-case words that end a stretch of text: "the firm's chief executive ".
_LOWER_RUN_END = lazy_compile(r"(?:(?<![\w'’-])[a-z]+\s+)+$")
# What follows a name in apposition, to the next comma: "Ivo Dahl, Orvia's envoy to Tessel, ...".
_APPOSITION_AFTER = lazy_compile(
    r",\s+(?!(?:who|which|whose|that|said|says|told|and|but|while|as)\b)((?:[\w.'’-]+\s+){0,6}?[\w.'’-]+)\s*(?=[,.;)]|$)"
)
# "Kessby Air, a low-cost airline": the first words after a name's "a"/"the" in apposition,
# one of which may be the noun that describes it.
# A possessive is part of an apposition: "Ana Ruiz, the sailor's lawyer", "Ana Ruiz, Orm's
# lawyer" describe her as a lawyer.
_APPOSITION_NOUNS = lazy_compile(
    r",\s+(?:an?\s+|the\s+|[\w.-]+(?:'s|’s)\s+)((?:[\w-]+(?:'s|’s)?\s+){0,3}[\w-]+)\b"
)
# How a short answer lists names: "A, B and C".
_NAME_LIST_SEPARATOR = lazy_compile(r",\s*(?:and\s+)?|\s+and\s+")
# "the Veloran team", "the Tarsk spokesperson", "Zelvan rebels": a name before a noun for a
# body of people, or for someone speaking for one, names that body, not a person.
_BODY_AFTER = lazy_compile(
    r"\s+(?:team|club|squad|rebels?|militants?|militias?|fighters|movement|forces|army|"
    r"government|administration|spokesman|spokeswoman|spokesperson|leadership|fans|players|"
    r"supporters|delegation|officials|authorities|troops|insurgents|side)\b",
    re.IGNORECASE,
)
_PLACE_OF_BEFORE = lazy_compile(
    r"\b(?:islands?|city|town|village|province|region|district|port|county|state|capital|suburb|island\s+nation)\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|and)\s+)?$"
)
# A question about what happened: "Who did she meet", "Where had they met".
_ASKS_DONE = lazy_compile(r"\b(?:did|had)\b", re.I)
# "last week", "yesterday", "two days ago": the question puts the meeting in the past in so many
# words. "Who did Lee meet in Nara?" alone may ask about a visit the story previews.
_PAST_MARKER = lazy_compile(r"\b(?:last|yesterday|ago|earlier|previously)\b", re.I)
_ROLE_PHRASE = lazy_compile(
    r"\bthe\s+(?:([A-Z][a-z]+)\s+)?((?:(?:prime|foreign|defence|defense|finance|trade|energy|interior|agriculture|transport|health|deputy|vice|economy|justice)\s+)?(?:minister|president|chancellor|premier|governor|mayor|king|queen|secretary|ambassador|chairman|chairwoman|ceo|chief\s+executive|spokesman|spokeswoman|adviser))\b",
    re.IGNORECASE,
)
# "of Libya's Government of National Accord" after a role phrase: whose role it is.
_OF_OWNER = lazy_compile(
    r"\s+of\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|[A-Z][\w'’.-]*))*)"
)
_OWNER_FILLERS = frozenset({"the", "for", "and"})
# An embedded question after these words says its answer is not known (yet).
_OPEN_CUE = (
    r"(?:\b(?:on|about|over|know|knows|known|unclear|clear|decide|depend|depends|depending|ask|"
    r"asked|asking|see|determine|sure|unknown|uncertain|wonder|wondering|question)|"
    # "has not said when", "would not say who": a said-verb leaves it open only when denied.
    r"(?:\bnot|n't|\bnever|\byet\s+to)\s+(?:\w+\s+)?(?:say|said|announce|announced|confirm|"
    r"confirmed|disclose|disclosed|reveal|revealed|specify|specified|indicate|indicated|decide|"
    r"decided|explain|explained))\s+"
)
_OPEN_WH = {
    "who": r"(?:who|whom)\b",
    "who_met": r"(?:who|whom)\b",
    "where": r"where\b",
    "when": r"when\b",
    "why": r"why\b",
}
# Lazy, so that a batch compiles them before forking its workers (each compiled its own).
_OPEN_AFTER = {
    intent: lazy_compile(_OPEN_CUE + wh + r"((?:\s+[\w'’-]+){1,5})", re.IGNORECASE)
    for intent, wh in _OPEN_WH.items()
}
# "..., according to governor Sahin": who reports the answer, not what the answer says; the
# source's name still counts as an entity.
# A source described before its name at the question's end ("according to the Congolese history
# teacher Stanley?") loses the whole description.
_ATTRIBUTION = lazy_compile(
    r",?\s*\baccording\s+to\s+(?:[^,?]*?(?=(?-i:[A-Z][\w'’.-]*\s*)+\?\s*$)"
    r"|(?:the\s+)?(?:(?-i:[a-z]+)\s+){0,2})",
    re.I,
)
# The share of the question's words a sentence must hold to be offered as a fallback answer.
FALLBACK_COVERAGE = 0.6
# How closely a sentence must match a question that names nothing to anchor it.
_UNNAMED_COVERAGE = 0.45
# The coverage at which a sentence of a person's story that names no one dates their act.
_UNPEOPLED_COVERAGE = 0.9
# How far down the scored sentences a who-question whose verb must be written looks for them.
_VERB_POOL_WINDOW = 40
# The capitalised words written right before a role ("the Kessby Party chief executive").
_CAPITALISED_RUN = lazy_compile(r"(?:[A-Z][\w.&'’-]*\s+)+$")
# ... or right after it ("spokeswoman for the Kessby Lottery").
_ROLE_OF_BODY = lazy_compile(r"\s+(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*(?:\s+|$))+)")
# Words of a title that qualify a role and name no body ("Former Health Minister").
_TITLE_WORDS = frozenset({"former", "deputy", "acting", "interim", "new", "then", "vice", "chief"})
# "The flight started ...": a sentence opening with a definite noun phrase (group 1 its noun).
_DEFINITE_SUBJECT = lazy_compile(r"^\s*the\s+([a-z][\w-]*)\b", re.I)
# Words that make the noun after them a particular thing the question has in mind.
_DETERMINED_BY = frozenset({"the", "its", "his", "her", "their"})
# A sentence opening with a noun phrase without its determiner and a copula ("Preliminary
# court date is July 16."). Group 1 the phrase.
_BARE_COPULAR_SUBJECT = lazy_compile(
    r"^\s*((?-i:[A-Z][a-z]+)(?:\s+[a-z]+){0,3})\s+(?:is|was|will\s+be|has\s+been)\b"
)
# "Orm's flight", "Orm's first flight": the noun a possessive gives a name (group 1).
_POSSESSED_NOUN = lazy_compile(r"[A-Z][\w-]*['’]s\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
# A candidate's own evidence must reach this before its sentence's score is added.
MIN_CANDIDATE_SCORE = {"who_met": 0.4, "why": 0.3, "who": 0.35, "when": 0.2, "where": 0.3}
# Rules that make a question's name a person for certain (a title, the article's own use).
_CONFIRMED_PEOPLE = frozenset(
    {
        "title+name",
        "surname-link",
        "role-reference",
        "lowercase-alias",
        "lone-name+corpus-person",
        "name-shape+corpus-person",
        "role-noun+name",
        "pronoun-followup",
    }
)
# Intents whose answer must come from a sentence about the question's named entities.
# A question's words, apostrophes and dots kept inside them, and its punctuation.
_QUESTION_TOKEN = lazy_compile(r"[\w'’.-]*\w|[?,;:]")
_LOWER_WORD = lazy_compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_AUX_WORDS = frozenset(
    "will would did does do can could shall should may might must has have had".split()
)
_BE_WORDS = frozenset("is was were are".split())
_PARTICLES = frozenset("over up off out down back away on in".split())
_ADVERBS = frozenset("next again first last finally officially formally eventually".split())
_FUTURE_WORDS = frozenset({"will", "would", "shall"})
_ORDINALS = frozenset({"first", "last", "only", "next"})
# A direct quotation introduced by a colon.
_QUOTE_AFTER_COLON = lazy_compile(r":\s*[\"“][^\"“”]{12,}")
# A phrase the question quotes: in straight or curly, single or double quotation marks, not
# an apostrophe inside a word ("Macron's").
_QUESTION_QUOTE = lazy_compile(
    r"(?:^|(?<=[\s(]))['\"“‘]([^'\"“”‘’]{4,120}?)['\"”’](?=[\s,.?!;:)]|$)"
)
_QUOTED_BONUS = 1.5


# Intents whose answer is read again from the best-matching stories alone when the best
# candidate came from a story that matches less (a time, a reason, a topic).
_RETRIED_INTENTS = frozenset({"when", "why", "topic"})
# Words of a title that say only which holder it is, never a body or a person.
_RANK_WORDS = frozenset(
    "majority minority deputy vice acting former incoming outgoing senior prime chief"
    " executive managing assistant".split()
)


def _story_bests(scored: list[Scored]) -> frozenset[str]:
    """The stories whose own best sentence scores at least `OTHER_STORY_LEAST` of the best
    sentence of all (all of them when nothing scores above 0)."""
    best: dict[str, float] = {}
    for s in scored:
        best[s.article.id] = max(best.get(s.article.id, s.score), s.score)
    top = max(best.values(), default=0.0)
    if top <= 0:
        return frozenset(best)
    return frozenset(a for a, own in best.items() if own >= OTHER_STORY_LEAST * top)


def _only_titles(short: str, titles: frozenset[str]) -> bool:
    """Whether every word of `short` is a title or a title's plural ("Presidents", "Prime
    Ministers"), so that it names no one."""
    words = fold(short).removeprefix("the ").split()
    return (
        bool(words)
        and all(
            w in titles
            or (w.endswith("s") and (w[:-1] in titles or w.removesuffix("es") in titles))
            or w in {"prime", "vice", "general"}
            for w in words
        )
        and any(w not in {"prime", "vice", "general"} for w in words)
    )


@lru_cache(maxsize=256)
def _initialisms(question: str) -> frozenset[str]:
    """The initials of every run of two to six of the question's words, small joining words
    left out ("special representative for Afghanistan and Pakistan": "SRAP")."""
    words = [
        w for w in re.findall(r"[A-Za-z][\w'’-]*", question) if w.lower() not in _JOINING_WORDS
    ]
    return frozenset(
        "".join(w[0].upper() for w in words[i:j])
        for i in range(len(words))
        for j in range(i + 2, min(len(words), i + 6) + 1)
    )


_JOINING_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})
# "Who is the chief executive of ...", "Who was Orvia's envoy ...": a question for a role's holder.
_HOLDER_QUESTION = lazy_compile(r"^\s*(?:and\s+)?who\s+(?:is|was|are|were)\s+(?:the\s+)?", re.I)
# "of the insurer ": between a role and the body it belongs to.
_OWNER_AFTER_ROLE = lazy_compile(r"\s+(?:of|at|for)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}")
_BASED_PREFIX = lazy_compile(r"^(?:[\w.,-]+\s+)?[\w.-]+-based\s+")
_OWNER_ENDS = lazy_compile(r"\s*(?:[?,.;]|$|\s(?:in|on|at|who|that|since|until|before|after)\b)")
# Words of a body's kind that every story leaves unsaid ("Which news organization": CNN is
# never "the news CNN"), or that rank rather than classify.
_GENERIC_BODY_WORDS = frozenset(
    "news media television tv radio cable online wire government state international national "
    "local foreign private public "
    "major big biggest largest main top leading other".split()
)
_ASKS_ORIGIN = lazy_compile(r"\b(?:from|born|native|hails?|origin|home\s*town)\b", re.I)
# "vice-president of ", "the mayor of the ": a title and its "of", right before a name.
_TITLE_OF = lazy_compile(r"\b([A-Za-z-]+)\s+of\s+(?:the\s+)?$")
_MEDIUM_BEFORE = lazy_compile(r"\bon\s+$")
# Where a who-question's asked noun phrase starts ("Which UNESCO official").
_WHICH_WORD = lazy_compile(r"\b(?:which|what)\s+", re.I)
# The capitalised words right before a name ("This Wednesday Greek Foreign Minister ").
_CAPITALS_BEFORE = lazy_compile(r"(?:\b[A-Z][\w.-]*\s+)+$")
# Words that start a clause or a passive's agent: no part of the noun phrase naming a person.
_CLAUSE_WORDS = frozenset(
    "who whom whose which that when while where but because as if by is was are were has had "
    "have will would can could says said tells told asks wants says".split()
)


def _normal_quotes(text: str) -> str:
    return text.lower().translate(_CURLY_QUOTES)


_CURLY_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
# Where one clause ends and the next begins: ", then", ", and", ", but", ";".
_CLAUSE_BREAK = lazy_compile(r",\s+(?:then|and|but|while|whereas|before|after)\b|;")
_THE_NOUN = lazy_compile(r"\bthe\s+([a-z]+)\b", re.IGNORECASE)
_ANCHORED_INTENTS = frozenset({"who_met", "where", "when", "why", "topic", "quantity"})
# The verbs of a why-question's own phrase ("what brought", "what prompted"), as stems.
_WHY_PHRASE_STEMS = frozenset({"bring", "brought", "prompt", "caus", "led", "lead"})
# Words before a person's name that only say which person ("former", "late"), and how much
# such a word counts toward a sentence's coverage.
# A clause after the question's own that places it in time ("..., when he said ...").
_CONTEXT_CLAUSE = lazy_compile(
    r",?\s(?:when|while|after)\s+((?:he|she|they|it|we|his|her|their|the|[A-Z][\w'’.-]*)\b[^?]*)"
)
_CONTEXT_WEIGHT = 0.3
_DESCRIBER_WEIGHT = 0.3
_DESCRIBERS = _TITLE_WORDS | {"late", "ex", "current", "outgoing", "incoming"}
# An interview's turn mark opening a sentence: "((Ivo Dahl)) ...".
# A quotation mark opening a sentence (or found in one, with `search`).
_OPENS_QUOTE = lazy_compile(r"\s*[\"“]")
_TURN_MARK = lazy_compile(r"\s*\(\(([^()]{2,60})\)\)")


def _without_turn_mark(text: str) -> str:
    """An interview's sentence without the "((Name))" that opens a turn."""
    mark = _TURN_MARK.match(text)
    return text[mark.end() :].lstrip() if mark else text


# Intents whose answer an interviewee's reply gives, not the interviewer's question.
_REPLY_INTENTS = frozenset({"what", "topic", "why"})
# The speaker's own words about themselves.
_FIRST_PERSON = lazy_compile(r"\b(?:I|[Mm]y|[Mm]e|I'm|I’m)\b")
# A sentence whose subject is the event itself, named by a definite noun: it continues the
# report of the meeting just before it.
_EVENT_SUBJECT = lazy_compile(
    r"^\s*(?:officials\s+said\s+)?the\s+(?:agenda|meeting|talks|visit|summit|trip|call|"
    r"discussions|negotiations|session|conference|gathering)\b",
    re.I,
)
# The main verb of a when-question: "When did Trump announce ...?" -> "announce".
_WHEN_VERB = lazy_compile(
    r"^\s*(?:[Aa]nd\s+)?[Ww]hen\s+(?:did|does|do|will|would|has|have|had)\s+"
    r"(?:(?:the|a|an|[A-Z][\w'’.-]*)\s+)*?([a-z]+)\b"
)
# How many sentences back a place the story names still sets what it goes on to tell.
_SETTING_CARRIED = 2


# The two words after a determiner (groups 1 and 2), the noun among them: "the hospital",
# "a county jail".
_DETERMINED_NOUN = lazy_compile(
    r"\b(?:the|a|an|its|his|her|their|this|that)\s+([\w'’-]+)(?:\s+([\w'’-]+))?", re.I
)


# A name in capitals or with a digit ("NATO", "G20"), as bodies are often called.
_ACRONYM = lazy_compile(r"\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d|[A-Z]{2,}\b)[A-Z0-9]{2,}\b")


# A pronoun of one gender in a follow-up ("Where did she grow up?").
_GENDERED_PRONOUN = lazy_compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
# A follow-up that is only a question word: "Why?", "And where?", "When was that?".
_BARE_WH = lazy_compile(
    r"^\s*(?:and\s+)?(?:why|where|when|how)(?:\s+(?:was|is|did|were)\s+(?:that|it|this))?\s*\??\s*$",
    re.I,
)
_LEADING_WH = lazy_compile(r"^\s*(?:and\s+)?(?:who|whom|what|which|where|when|why|how)\b", re.I)


class Hit(NamedTuple):
    """A retrieved passage as answering needs it: where it is and how well it matched."""

    score: float
    article_id: str
    first: int  # first and last sentence of the passage
    last: int


class Words:
    """A text folded to lower-case words, for fast whole-word and phrase look-ups."""

    __slots__ = ("_joined", "sequence", "words")

    def __init__(self, text: str) -> None:
        words = _WORDS.findall(fold(text))
        self.sequence: list[str] = words
        self.words = frozenset(words)
        self._joined: str | None = None  # made on the first phrase look-up: most have none

    def has(self, phrase: str) -> bool:
        parts = _phrase_words(phrase)
        if not parts:
            return False
        if len(parts) == 1:
            return parts[0] in self.words
        if not self.words.issuperset(parts):
            return False
        if self._joined is None:
            self._joined = " " + " ".join(self.sequence) + " "
        return " " + " ".join(parts) + " " in self._joined


class FoldedText:
    """A whole article folded, answering the same look-ups as `Words` (whole words, and phrases
    as consecutive words) by searching the text: an article is asked about a few names, and
    splitting all of it into words first was most of the cost of checking it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = fold(text)

    def has_word(self, word: str) -> bool:
        return self._has_sequence((word,))

    def has(self, phrase: str) -> bool:
        parts = _phrase_words(phrase)
        return bool(parts) and self._has_sequence(parts)

    def _has_sequence(self, parts: tuple[str, ...]) -> bool:
        # Words are maximal runs of letters and digits (`_WORDS`, which is str.isalnum per
        # character): a part must start and end at such a run's edges, and the next part
        # starts at the next run.
        text, n = self.text, len(self.text)
        first = parts[0]
        at = text.find(first)
        while at >= 0:
            end = at + len(first)
            fits = (at == 0 or not text[at - 1].isalnum()) and (end == n or not text[end].isalnum())
            for part in parts[1:]:
                if not fits:
                    break
                while end < n and not text[end].isalnum():
                    end += 1
                fits = text.startswith(part, end)
                end += len(part)
                fits = fits and (end == n or not text[end].isalnum())
            if fits:
                return True
            at = text.find(first, at + 1)
        return False


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A looked-up phrase's folded words: the same few names are looked up in every sentence."""
    return tuple(_WORDS.findall(fold(phrase)))


def _asked_noun_before(text: str, noun: str, name: str) -> bool:
    """Whether a sentence sets the noun off right before a name's title: "The study's lead
    author, doctoral candidate Ivo Dahl"."""
    first = name.split()[0] if name.split() else ""
    return bool(first and noun) and (
        re.search(rf"\b{re.escape(noun)},\s+(?:[a-z][\w-]*\s+){{0,3}}{re.escape(first)}\b", text)
        is not None
    )


@lru_cache(maxsize=256)
def _spelled_out(acronym: str) -> re.Pattern[str]:
    """A body's name written out whose initials spell `acronym` ("Voice of America" for VOA):
    capitalised words, or a short lower-case link word for a lower-case letter of it ("of"),
    with "the"/"and" allowed between. Only for three letters or more: two match by chance."""
    if len(acronym) < 3 or not acronym.isalpha():
        return re.compile(r"(?!)")
    # "Agence France-Presse" for AFP: a hyphen may join two of the words.
    parts = [
        rf"(?:{re.escape(c.upper())}[\w'’]+|{re.escape(c.lower())}[a-z]{{0,2}})" for c in acronym
    ]
    # ("Federal Bureau of Investigation": an "of" between two letters' words.)
    return re.compile(r"\b" + r"(?:\s+(?:(?:the|and|of)\s+)?|-)".join(parts) + r"\b")


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> list[str]:
    """A name's words for loose matching: those over two letters, else all of them."""
    words = _WORDS.findall(fold(name))
    return [t for t in words if len(t) > 2] or words


# Heads of bodies' names that name no body alone ("the Department said").
_BARE_BODY_HEADS = frozenset(
    "Department Ministry Committee Commission Council Agency Office Bureau Institute University"
    " Organization Organisation Association Corporation Company Federation Authority Group"
    " Foundation Board Service".split()
)
_PERCENT_FILLERS = frozenset(
    "by another about some nearly almost around roughly over up down more than a further just".split()
)
_PERCENT = lazy_compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)")
_NEXT_WORD = lazy_compile(r"\s+([a-z]{3,})\b")


def _act_told(stems: frozenset[str], act: tuple[str, ...]) -> bool:
    """Whether words of these stems tell the act: a word of the asked verb's stem (by its prefix,
    "chaired", "chairing") or one of its listed paraphrases, whole (a paraphrase's short stem as a
    prefix would take "ban" for "bank" and "name" for "named" alike)."""
    prefix, synonyms = act[0], act[1:]
    return any(s.startswith(prefix) for s in stems) or not stems.isdisjoint(synonyms)


def _by_score(hit: Hit) -> float:
    return hit.score


def _windowed(row: list[bool]) -> list[bool]:
    """Per sentence: whether it or a neighbour is marked in `row`."""
    if not row:
        return []
    before = [False, *row[:-1]]
    after = [*row[1:], False]
    return [a or b or c for a, b, c in zip(before, row, after, strict=True)]


def _column_sums(rows: list[list[bool]], n: int) -> list[int]:
    """Per position, how many of `rows` (each of length n) are true there."""
    if not rows:
        return [0] * n
    return [sum(column) for column in zip(*rows, strict=True)]


@lru_cache(maxsize=65536)
def _prefixes(stems: frozenset[str]) -> frozenset[str]:
    """First four and five letters of a sentence's stems ("chair" finds "chairman")."""
    long = [t for t in stems if len(t) >= 4]
    return frozenset([t[:4] for t in long] + [t[:5] for t in long])


class Answerer(
    WhoExtractors,
    WhereExtractors,
    WhenExtractors,
    WhyExtractors,
    TopicExtractors,
    WhatExtractors,
    MeetingListExtractors,
    QuantityExtractors,
):
    """Stateless per question; the analysis cache is shared through the engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.tokenizer = engine.tokenizer
        corpus = engine.corpus
        stored = None
        if corpus is not None:

            def stored(article: Article) -> bytes | None:
                return corpus.analysis_bytes(corpus.position(article.id))

        self.analyses = AnalysisCache(stored=stored)
        # Folded words of articles and sentences, and sentence stems, made once each when needed.
        self._article_words: dict[str, FoldedText] = {}
        self._sentence_words_made: dict[tuple[str, int], Words] = {}
        self._sentence_stems_made: dict[tuple[str, int], frozenset[str]] = {}
        self._pair_said: dict[tuple[str, int], bool] = {}
        self._prepared = False
        self._demonyms: dict[str, list[str]] | None = None
        self._predicates: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
        self._acts: dict[str, tuple[str, ...] | None] = {}
        self._synonym_table: dict[str, frozenset[str]] | None = None
        # Questions whose asked act is the one singling the answer out ("the first to ...").
        self._singling: set[str] = set()
        self._lower_stems: dict[str, frozenset[str]] = {}
        self._captioned: frozenset[str] | None = None
        self._described: dict[tuple[str, str, str], bool] = {}
        # (article, sentence, noun, "former") -> the person "the <noun>" there stands for.
        self._antecedents: dict[tuple[str, int, str, bool], Mention | None] = {}

    @classmethod
    def for_engine(cls, engine: Engine) -> Answerer:
        """The engine's answerer; its caches of analysed text live as long as the engine."""
        answerer = vars(engine).get("_answerer")
        if not isinstance(answerer, cls):
            answerer = cls(engine)
            vars(engine)["_answerer"] = answerer
        return answerer

    def prepare(self) -> None:
        """Load the rule tables and lexicons and compile their patterns now, not in the first
        answer: batch workers forked afterwards share them instead of each loading its own."""
        if self._prepared:
            return
        self._prepared = True
        from assistant.knowledge.entities import EntityRecognizer
        from assistant.knowledge.lexicon import lexicon
        from assistant.knowledge.meetings import group_np, rules
        from assistant.knowledge.prefilter import derive_all
        from assistant.lazy_re import compile_all
        from assistant.qa.answer_rules import answer_rules
        from assistant.qa.extract_where import named_places
        from assistant.qa.extract_who import answer_group_np

        templates()
        compile_all()
        answer_rules().compile_all()
        compile_intents()
        group_np()
        EntityRecognizer()
        # Loaded on first use by many questions (purpose clauses): time that each forked worker
        # would otherwise pay again. (The city -> country map loads in a millisecond.)
        rules()
        derive_all()
        self._meeting_stems()
        self._demonyms_of()
        parse_question("Who met whom, where, when and why?", self.known_names())
        # Patterns and tables built from the lexicons on first use: most batches reach them.
        answer_group_np()
        named_places()
        self._synonym_stems([])
        _ = lexicon().minor_places  # a cached property: made here, once

    # --- entry point -----------------------------------------------------------------------

    def answer(
        self,
        question: str,
        conversation: Conversation | None = None,
        explain: bool = False,
        passages: bool = True,
    ) -> Answer:
        frame = parse_question(question, self.known_names())
        log: list[str] = []
        if frame.followup and conversation is not None and conversation.last is not None:
            frame = self._resolve_followup(frame, conversation, log)
        log.append(f"intent: {frame.intent}")
        log.append(
            "entities: "
            + (
                ", ".join(f"{m.name or m.text} ({m.kind.value}, {m.rule})" for m in frame.entities)
                or "none"
            )
        )
        result = self._answer_frame(frame, log)
        if frame.query and passages:
            # Shown to people (sources panel, declined answers): with titles and matched words.
            result.passages = self.engine.search(
                frame.query, k=5 if "declined" in result.facts else 10
            )
        if not explain:
            result.explain = []
        if conversation is not None:
            conversation.remember(question, result, frame)
        return result

    def known_names(self) -> dict[str, str]:
        return self.engine.proper_words

    # --- follow-ups ------------------------------------------------------------------------

    def _resolve_followup(
        self, frame: QuestionFrame, conversation: Conversation, log: list[str]
    ) -> QuestionFrame:
        last = conversation.last
        assert last is not None
        previous: QuestionFrame | None = last.frame
        if previous is None:
            return frame
        inherited = list(previous.entities)
        # The last answer's people join the context ("Who did Lee meet?" -> "Where?").
        names = list(last.answer.facts.get("participants", []))
        if previous.intent in {"who_met", "who"} and last.answer.answered:
            # An answer found by a sentence rule has no meeting record: its names are the people.
            names += [n for n in re.split(r",\s*|\s+and\s+", last.answer.short) if n.strip()]
        for name in names:
            if not any(fold(name) == fold(m.name or m.text) for m in inherited):
                inherited.append(
                    Mention(name, 0, 0, EntityKind.PERSON, fold(name), name, rule="previous-answer")
                )
        inherited = self._of_pronoun_gender(frame, inherited, last.answer, log)
        new_entities = frame.strong_entities()
        what_about = re.match(r"^\s*(?:and\s+)?(?:what|how)\s+about\b", frame.text, re.I)
        if what_about and new_entities:
            # "What about Takaichi?": the same question about another entity.
            intent = previous.intent
            entities = new_entities + [
                m for m in previous.entities if m.kind is not EntityKind.PERSON
            ]
        else:
            intent = frame.intent if frame.intent not in {"fallback", "what"} else previous.intent
            entities = new_entities + [
                m for m in inherited if m.key not in {e.key for e in new_entities}
            ]
        log.append(f"follow-up of: {previous.text!r}")
        text = f"{frame.text} {' '.join(m.name or m.text for m in entities)}"
        if _BARE_WH.match(frame.text) and not what_about:
            # "Why?" after "Who did Lee meet in Nara?" asks why Lee met them there: the last
            # question's words, less its own question word, say what the new one is about.
            rest = _LEADING_WH.sub("", previous.text).strip(" ?")
            text = f"{frame.text} {rest} {' '.join(m.name or m.text for m in entities)}"
        return QuestionFrame(
            text=text,
            intent=intent,
            entities=entities,
            times=frame.times or previous.times,
            focus=frame.focus,
            followup=True,
            role_target=frame.role_target or previous.role_target,
        )

    def _of_pronoun_gender(
        self, frame: QuestionFrame, inherited: list[Mention], answer: Answer, log: list[str]
    ) -> list[Mention]:
        """ "Where did she grow up?" after "Who did Lee meet?" - "Lee met Sanae Takaichi": the
        pronoun keeps the last turn's people its gender fits, as the cited stories tell it (the
        gender evidence their analysis kept); a person of unknown gender stays."""
        pronoun = _GENDERED_PRONOUN.search(frame.text)
        people = [m for m in inherited if m.kind is EntityKind.PERSON]
        if pronoun is None or len(people) < 2:
            return inherited
        wanted = "f" if pronoun.group(1).lower() in {"she", "her", "hers", "herself"} else "m"
        articles = [
            self.engine.articles[c.article_id]
            for c in answer.citations
            if c.article_id in self.engine.articles
        ]
        genders = {m.key: self._gender_of(m, articles) for m in people}
        other = [m for m in people if genders[m.key] not in (wanted, None)]
        if not other or len(other) == len(people):
            return inherited
        log.append(f"{pronoun.group(1)!r} is not {', '.join(m.name or m.text for m in other)}")
        kept = [m for m in inherited if m not in other]
        meant = [m for m in kept if m.kind is EntityKind.PERSON]
        if len(meant) == 1:
            # The one person the pronoun can stand for is as certain as a name.
            kept[kept.index(meant[0])] = dataclasses.replace(meant[0], rule="pronoun-followup")
        return kept

    def _gender_of(self, person: Mention, articles: list[Article]) -> str | None:
        """'f' or 'm' when a cited story tells the person's gender (a title, "X ..., where
        she ..."), else None."""
        wanted = set(fold(person.name or person.text).split())
        for article in articles:
            analysis = self.analyses.get(article)
            for key, gender in analysis.genders.items():
                # "Lee" is "Lee Jae Myung", "Sanae Takaichi" is "Takaichi".
                words = set(key.split())
                if words and (wanted <= words or words <= wanted):
                    return gender
        return None

    # --- retrieval and constraints ---------------------------------------------------------

    def _query_tokens(self, frame: QuestionFrame) -> list[str]:
        words = [w for w in self.tokenizer.words(frame.text) if w not in _QUESTION_WORDS]
        tokens = [self.tokenizer.stem(w) for w in words if w not in self.tokenizer.stopwords]
        for mention in frame.entities:
            tokens.extend(self.tokenizer(mention.name or mention.text))
        return tokens

    def _words_of_article(self, article: Article) -> FoldedText:
        words = self._article_words.get(article.id)
        if words is None:
            if len(self._article_words) > 4096:
                self._article_words.clear()
            words = FoldedText(article.title + " \n" + article.text)
            self._article_words[article.id] = words
        return words

    def _sentence_words(self, article: Article, info: SentenceInfo) -> Words:
        key = (article.id, info.index)
        words = self._sentence_words_made.get(key)
        if words is None:
            if len(self._sentence_words_made) > 200_000:
                self._sentence_words_made.clear()
                self._sentence_stems_made.clear()
            words = self._sentence_words_made[key] = Words(info.text)
        return words

    def _sentence_stems(self, article: Article, info: SentenceInfo) -> frozenset[str]:
        """The stems of a sentence's words, stopwords left out; made only for the sentences
        scored for overlap (a sentence without the question's people is not)."""
        key = (article.id, info.index)
        stems = self._sentence_stems_made.get(key)
        if stems is None:
            words = self._sentence_words(article, info).words
            # The tokenizer's own words are these (the same split of the same folded text);
            # each distinct word stemmed once.
            stems = self._sentence_stems_made[key] = self.tokenizer.stems(
                words - self.tokenizer.stopwords
            )
        return stems

    def _article_mentions(self, article: Article, mention: Mention) -> bool:
        words = self._words_of_article(article)
        name = mention.name or mention.text
        if words.has(name):
            return True
        if mention.rule == "acronym" and _spelled_out(mention.text).search(
            article.title + " \n" + article.text
        ):
            # "VOA" asked, "Voice of America" written: a story spells a body out at least once.
            return True
        tokens = [
            t for t in _WORDS.findall(fold(name)) if len(t) > 2 and t not in {"the", "of", "and"}
        ]
        if mention.kind is EntityKind.PERSON and mention.rule.split("+")[0] in {
            "title",
            "surname-link",
            "lone-name",
            "lowercase-alias",
            "role-reference",
            "coordinated-name",
        }:
            return any(self._name_word_in(words, t) for t in tokens[-1:] + tokens[:1])
        if mention.kind is EntityKind.COUNTRY:
            return any(
                self._country_in(words, c) or (c != fold(name) and words.has(c))
                for c in self._country_forms(fold(name))
            )
        # Names shaped by capitals alone may be mis-typed by the rules: ask for every word.
        return bool(tokens) and all(self._name_word_in(words, t) for t in tokens)

    def _name_word_in(self, words: FoldedText, word: str) -> bool:
        """A word of an asked name in an article. A country's adjective ("the Norvessan
        minister") is there when the story names the country instead ("minister of Norvessa")."""
        if words.has_word(word):
            return True
        country = self._country_of_adjective(word)
        return country is not None and words.has(country)

    def _country_of_adjective(self, word: str) -> str | None:
        """The folded country a folded adjective of nationality names, if it is one: those the
        lexicon lists, and the regular "-i" ones of a known country ("Kessbari": "Kessbar")."""
        from assistant.knowledge.lexicon import lexicon

        lex = lexicon()
        country = lex.nationalities.get(word)
        if country is not None:
            return fold(country)
        if len(word) > 4 and word.endswith("i") and word[:-1] in lex.countries:
            return word[:-1]
        return None

    def _articles_that_may_mention(
        self, strong: list[Mention], candidates: list[str]
    ) -> set[str] | None:
        """Those of `candidates` (article ids) that may pass `_article_mentions` for every
        mention, decided from the index's postings; None when it cannot be decided this way.

        Each rule there needs some word of the name (or, for a country, a demonym) in the
        article, and every word of an article's title and sentences is indexed under its stem
        unless it is a stopword (captions are not indexed: see `_captioned_articles`). Reading
        and folding every retrieved article instead cost most of a question on a large corpus,
        where most hits fail a rare name.
        """
        usable = self._postings()
        if usable is None or not strong or not candidates:
            return None
        corpus, docs_with = usable
        stop, stem = self.tokenizer.stopwords, self.tokenizer.stem
        ptr = corpus.arrays["art_psg"]
        rows = np.asarray([corpus.position(aid) for aid in candidates], dtype=np.int64)
        first, end = ptr[rows], ptr[rows + 1]  # each candidate's passages: first:end
        keep = np.ones(len(candidates), dtype=bool)
        decided = False
        for mention in strong:
            alternatives = self._mention_words(mention)
            if not alternatives or any(w in stop for w in alternatives):
                continue  # a stopword is not indexed: no verdict for this mention
            found = np.zeros(len(candidates), dtype=bool)
            for word in alternatives:
                docs = docs_with(stem(word))  # ascending passage ids
                found |= np.searchsorted(docs, first) < np.searchsorted(docs, end)
            keep &= found
            decided = True
        if not decided:
            return None
        return {aid for aid, ok in zip(candidates, keep.tolist(), strict=True) if ok}

    def _postings(self) -> tuple[CompactCorpus, Callable[[str], np.ndarray]] | None:
        """The corpus and the index's term -> documents look-up, when an article's words can be
        told from the index: every word of its title and sentences indexed (titles are not at
        title_weight 0) and postings to read. None: read the articles instead."""
        docs_with = getattr(self.engine.index, "docs_with", None)
        corpus = self.engine.corpus
        if docs_with is None or corpus is None or self.engine.settings.title_weight == 0:
            return None
        return corpus, docs_with

    def _captioned_articles(self) -> frozenset[str]:
        """Articles with photo captions: captions are not indexed, so a name only in a caption
        is invisible to `_articles_that_may_mention` and these articles are always read."""
        if self._captioned is None:
            corpus = self.engine.corpus
            found: frozenset[str] = frozenset()
            if corpus is not None and corpus.arrays["sent"].size:
                per_article = np.diff(corpus.arrays["art_sent"])
                owner = np.repeat(np.arange(corpus.n_articles), per_article)
                flagged = _distinct(owner[corpus.arrays["sent"][:, 3] == 1], corpus.n_articles)
                found = frozenset(corpus.ids[i] for i in flagged.tolist())
            self._captioned = found
        return self._captioned

    def _mention_words(self, mention: Mention) -> list[str]:
        """Words of which at least one is in every article `_article_mentions` accepts: each of
        its rules needs the whole name, or some of its words, or (a country) a demonym."""
        name = mention.name or mention.text
        if mention.rule == "acronym" and len(name) >= 3:
            return []  # it may be spelled out (`_spelled_out`): no word decides it
        words = set(_WORDS.findall(fold(name)))
        for word in list(words):
            country = self._country_of_adjective(word)
            if country is not None:
                words.update(_WORDS.findall(country))
        if mention.kind is EntityKind.COUNTRY:
            for country in self._country_forms(fold(name)):
                words.update(_WORDS.findall(country))
                for demonym in self._demonyms_of().get(country, []):
                    words.update(_WORDS.findall(fold(demonym)))
        return sorted(words)

    def _country_forms(self, country: str) -> tuple[str, ...]:
        """A folded country's name and, for a short form the lexicon reads as the country's
        adjective too ("u.s.", "us"), the country's own name: a story that writes only "US"
        and "United States" mentions the "U.S." a question asks about."""
        full = self._country_of_adjective(country)
        return (country,) if full is None or full == country else (country, full)

    def _demonyms_of(self) -> dict[str, list[str]]:
        """Folded country name -> its demonyms ("japan" -> ["Japanese"]), made once."""
        if self._demonyms is None:
            from assistant.knowledge.lexicon import lexicon

            grouped: dict[str, list[str]] = {}
            for demonym, name in lexicon().nationalities.items():
                grouped.setdefault(fold(name), []).append(demonym)
            self._demonyms = grouped
        return self._demonyms

    def _country_in(self, words: Words | FoldedText, country: str) -> bool:
        return any(words.has(d) for d in self._demonyms_of().get(country, []))

    def _idf(self, stem: str) -> float:
        n = max(self.engine.index.n_docs, 1)
        df = self.engine.index.doc_freq(stem)
        return math.log((n + 1) / (df + 0.5)) if df else 0.0

    def _score_sentences(
        self, frame: QuestionFrame, hits: list[Hit], articles: list[Article]
    ) -> list[Scored]:
        """Score every sentence of the candidate articles, not only the retrieved passages."""
        q_words, weights = self._coverage_weights(frame)
        identifying = frame.identifying()
        # A body or place that only dates the act ("after his Atlantic Council talk") neither
        # scores a sentence nor is missed from it.
        strong = [
            m
            for m in frame.strong_entities()
            if m.kind is EntityKind.PERSON or m not in identifying
        ]
        meeting_stems = self._meeting_stems()
        topic_stems = self._topic_stems()
        total = sum(weights.values()) or 1.0
        # A sentence may report the question's act in another word the act filter accepts
        # ("killed": "his death"): the same equivalence counts toward coverage.
        others = self._synonym_stems(q_words)
        for verb, said in self._idiom_stems(frame).items():
            # "When did Orm step down?" is read as "resign", but a story may tell it in the
            # question's own words.
            others[verb] = others.get(verb, frozenset()) | said
        top_score = hits[0].score if hits else 1.0
        passage_score: dict[tuple[str, int], float] = {}
        article_score: dict[str, float] = {}
        for hit in hits:
            article_score.setdefault(hit.article_id, hit.score)
        # Lowest score first, so the best passage holding a sentence is the last one written.
        for hit in sorted(hits, key=_by_score):
            aid, score = hit.article_id, hit.score
            for index in range(hit.first, hit.last + 1):
                passage_score[(aid, index)] = score
        out: list[Scored] = []
        people = [m for m in strong if m.kind is EntityKind.PERSON and m not in identifying]
        quoted = self._quoted_phrases(frame)
        # Per question, what the overlap test needs of each weighted stem: a sentence's score
        # was a third of a question's time, mostly spent redoing these per sentence.
        plan = [
            (stem, weight, stem[:5] if len(stem) >= 4 else None, stem in meeting_stems,
             stem in topic_stems, others.get(stem))
            for stem, weight in weights.items()
        ]  # fmt: skip
        for article in articles:
            analysis = self.analyses.get(article)
            sentences = analysis.sentences
            infos = list(sentences)
            if len(infos) > MAX_SCORED_SENTENCES:
                # A huge "article" (a book, a log, hostile input): every sentence times every
                # name of the question is too much; the retrieved ones and their neighbours
                # are what can answer.
                near = {
                    i + d for (aid, i) in passage_score if aid == article.id for d in (-1, 0, 1)
                }
                infos = [info for info in infos if info.index in near]
            # Which sentences name which of the question's entities, each pair decided once:
            # the counts for a sentence and for its window (itself and its neighbours) are then
            # sums over these rows. Neighbours matter only as part of a window.
            n = len(sentences)
            wanted = (
                range(n)
                if len(infos) == n
                else sorted({j for info in infos for j in range(info.index - 1, info.index + 2)})
            )
            found = [[False] * n for _ in strong]
            for j in wanted:
                if not 0 <= j < n:
                    continue
                sentence = sentences[j]
                words = self._sentence_words(article, sentence)
                for row, m in zip(found, strong, strict=True):
                    row[j] = self._sentence_has(sentence, m, words)
            for row, m in zip(found, strong, strict=True):
                # Only where a sentence right after one naming the entity does not name it.
                self._carry_to_references(analysis, m, row)
            title_found: list[bool] = []
            if analysis.title is not None:
                infos.append(analysis.title)
                words = self._sentence_words(article, analysis.title)
                title_found = [self._sentence_has(analysis.title, m, words) for m in strong]
            base = article_score.get(article.id, 0.0) / top_score
            date_fit = self._date_fit(frame, article.date_text)
            # A place named in the dateline is where every sentence of the story happens.
            dateline = fold(article.dateline) if article.dateline else None
            in_title = title_found or [False] * len(strong)
            people_rows = [
                (row, t)
                for row, t, m in zip(found, in_title, strong, strict=True)
                if m.kind is EntityKind.PERSON and m not in identifying
            ]
            other_rows = [
                (row, t)
                for row, t, m in zip(found, in_title, strong, strict=True)
                if m.kind is not EntityKind.PERSON and fold(m.name or m.text) != dateline
            ]
            n_others = len(other_rows)
            # Per sentence: how many of the entities it names, and how many of the people (and
            # of the others) its window names; counted for all sentences at once.
            hits_at = _column_sums(found, n)
            people_at = _column_sums([_windowed(row) for row, _ in people_rows], n)
            others_at = _column_sums([_windowed(row) for row, _ in other_rows], n)
            for info in infos:
                index = info.index
                if index == -1:
                    entity_hits = sum(title_found)
                    in_window = sum(t for _, t in people_rows)
                    in_others = sum(t for _, t in other_rows)
                else:
                    entity_hits = hits_at[index]
                    in_window = people_at[index]
                    in_others = others_at[index]
                if len(people) >= 2 and self._plural_reference(analysis, info):
                    # "The pair first sat down ...", "the leaders will discuss ...": both people
                    # the question names (the article mentions them, or it was not selected).
                    entity_hits = max(entity_hits, len(people))
                    in_window = max(in_window, len(people))
                if len(people) >= 2 and in_window < min(len(people), 3):
                    # Two people asked about together must appear together around the answer.
                    continue
                stems = self._sentence_stems(article, info)
                overlap = 0.0
                prefixes: frozenset[str] | None = None
                for stem, weight, prefix, meeting, topic, synonyms in plan:
                    if stem in stems:
                        overlap += weight
                    elif prefix is not None and prefix in (
                        prefixes if prefixes is not None else (prefixes := _prefixes(stems))
                    ):
                        # "chaired" and "chairman" share a prefix but not a stem.
                        overlap += weight * 0.6
                    elif (
                        (meeting and not stems.isdisjoint(meeting_stems))
                        or (topic and not stems.isdisjoint(topic_stems))
                        or (synonyms and not stems.isdisjoint(synonyms))
                    ):
                        overlap += weight * 0.85
                overlap /= total
                missing_others = n_others - in_others
                retrieval = passage_score.get((article.id, index), 0.0) / top_score
                score = overlap * 4 + 0.5 * retrieval + 0.5 * base + 0.6 * entity_hits
                if frame.times and any(
                    self._sentence_words(article, info).has(t) for t in frame.times
                ):
                    # "on Sunday" in the question and in the sentence.
                    score += 0.4
                if frame.time_isos:
                    # "in June 2025": the sentence's own times, else the article's date.
                    sentence_fit = max(
                        (self._date_fit(frame, t.iso) for t in info.times if t.iso), default=0.0
                    )
                    score += sentence_fit if sentence_fit > 0 else date_fit
                if people and in_window == 0:
                    score -= 1.0
                score -= 0.4 * missing_others
                if info.caption:
                    score -= 0.5
                if quoted and any(q in _normal_quotes(info.text) for q in quoted):
                    # "Who called it 'a non-starter'?": the words the question quotes, written
                    # in the sentence, single it out however few other words it shares.
                    score += _QUOTED_BONUS
                out.append(Scored(article, info, score, overlap, entity_hits))
        return sorted(out, key=lambda s: (-s.score, s.article.id, s.info.index))

    @staticmethod
    def _quoted_phrases(frame: QuestionFrame) -> list[str]:
        """The phrases of two words or more that the question puts in quotation marks, lower
        case with straight quotes."""
        return [
            phrase
            for match in _QUESTION_QUOTE.finditer(frame.text)
            if len((phrase := _normal_quotes(match.group(1)).strip()).split()) >= 2
        ]

    def _coverage_weights(self, frame: QuestionFrame) -> tuple[list[str], dict[str, float]]:
        """The question's words (question words and stopwords left out) and, per stem that
        coverage measures, its weight."""
        described = self._describing_words(frame)
        q_words = [
            w
            for w in self.tokenizer.words(_ATTRIBUTION.sub(" ", self._predicate_text(frame)))
            if w not in _QUESTION_WORDS and w not in self.tokenizer.stopwords
        ]
        strong = frame.strong_entities()
        # Ordered as the question writes them (dicts, not sets): the weights are summed in this
        # order, and a sum in hash order differed in its last bit from run to run, which
        # decided ties between candidates.
        entity_words = dict.fromkeys(
            w for m in strong for w in self.tokenizer.words(m.name or m.text)
        )
        # Coverage measures the question's predicate; entities are scored on their own.
        q_stems = dict.fromkeys(
            self.tokenizer.stem(w) for w in q_words if w not in entity_words
        ) or dict.fromkeys(self.tokenizer.stem(w) for w in q_words)
        meeting_stems = self._meeting_stems()
        weights = {s: self._idf(s) for s in q_stems}
        meet_weight = self._idf(self.tokenizer.stem("meet"))
        # A word the corpus never uses cannot match: a meeting word counts as "meet", any other
        # is left out, and with nothing left the question's names carry the coverage.
        weights = {s: w or (meet_weight if s in meeting_stems else 0.0) for s, w in weights.items()}
        if not all(weights.values()):
            # So does any other word whose paraphrases the corpus uses ("arrested": "detained"),
            # weighed as the rarest of them that it uses.
            others = self._synonym_stems(q_words)
            weights = {
                s: w or max((self._idf(o) for o in others.get(s, ())), default=0.0)
                for s, w in weights.items()
            }
        weights = {s: w for s, w in weights.items() if w > 0}
        if described:
            # Words that only say which person is meant count for little: a sentence that
            # tells the asked act need not repeat "former Zimbabwean president".
            said = {self.tokenizer.stem(w) for w in described}
            weights = {s: w * _DESCRIBER_WEIGHT if s in said else w for s, w in weights.items()}
        context = _CONTEXT_CLAUSE.search(frame.text)
        if context is not None and context.start() > len(frame.text) // 3:
            # "Whom was Cameron about to hold talks with in London when he said a bomb likely
            # brought the jet down?": the clause says when; the answering sentence need not
            # repeat it (the sentence before may).
            said = {self.tokenizer.stem(w) for w in self.tokenizer.words(context.group(1))}
            main = {
                self.tokenizer.stem(w) for w in self.tokenizer.words(frame.text[: context.start()])
            }
            weights = {
                s: w * _CONTEXT_WEIGHT if s in said and s not in main else w
                for s, w in weights.items()
            }
        if not weights:
            weights = {s: self._idf(s) for w in entity_words for s in [self.tokenizer.stem(w)]}
            weights = {s: w for s, w in weights.items() if w > 0}
        return q_words, weights

    @staticmethod
    def _describing_words(frame: QuestionFrame) -> frozenset[str]:
        """The words that describe a person the question names, written right before the name
        ("former Zimbabwean president Robert Mugabe", "Iranian official Orm"): they tell who
        is meant, which the name already does, not what happened, which coverage measures."""
        from assistant.knowledge.lexicon import lexicon

        lex = lexicon()
        out: set[str] = set()
        for m in frame.strong_entities():
            if m.kind is not EntityKind.PERSON:
                continue
            for word in reversed(_WORDS.findall(fold(frame.text[: m.start]).lower())):
                if (
                    word in _DESCRIBERS
                    or word in lex.title_heads_folded
                    or word in lex.title_modifiers_folded
                    or word in lex.nationalities
                    or word in person_nouns()
                ):
                    out.add(word)
                else:
                    break
        return frozenset(out)

    def _story_carried(self, frame: QuestionFrame, item: Scored) -> float:
        """The coverage a sentence lacks only because it refers to the question's thing by its
        head noun ("The statue was taken from ..." for "the bronze harbour statue"): a story
        describes a thing once and then calls it "the" and its noun, so the describing words the
        question puts before that noun count when the story gives them. Asked only of the few
        sentences that fall short of an unnamed question's coverage."""
        _, weights = self._coverage_weights(frame)
        total = sum(weights.values())
        if not total:
            return 0.0
        stems = self._sentence_stems(item.article, item.info)
        said = _WORDS.findall(fold(item.info.text).lower())
        referred = {said[i + 1] for i in range(len(said) - 1) if said[i] == "the"}
        story = self._words_of_article(item.article)
        gained: set[str] = set()
        for run in _definite_runs(frame.text, self.tokenizer.stopwords):
            for i in range(1, len(run)):
                if run[i] not in referred:
                    continue
                for word in run[:i]:
                    for part in _WORDS.findall(word):
                        stem = self.tokenizer.stem(part)
                        if stem in weights and stem not in stems and story.has_word(part):
                            gained.add(stem)
        return sum(w for s, w in weights.items() if s in gained) / total

    def _predicate_text(self, frame: QuestionFrame) -> str:
        """The question with its idioms read as the plain verb a story reports them with
        ("When did Orm pass away?" -> "... die?"), so its words can match the sentence's."""
        from assistant.qa.answer_rules import answer_rules

        text = frame.text
        for pattern, verb in answer_rules().idioms:
            text = pattern.sub(verb, text)
        return text

    def _idiom_stems(self, frame: QuestionFrame) -> dict[str, frozenset[str]]:
        """Per plain verb an idiom of the question is read as, the stems of the idiom's own
        content words ("stepped down" -> resign: "step")."""
        from assistant.qa.answer_rules import answer_rules

        out: dict[str, frozenset[str]] = {}
        for pattern, verb in answer_rules().idioms:
            for match in pattern.finditer(frame.text):
                said = [
                    w
                    for w in self.tokenizer.words(match.group())
                    if w not in self.tokenizer.stopwords
                    and w not in _PARTICLES
                    and not w.endswith(("self", "selves"))
                ]
                key = self.tokenizer.stem(verb)
                out[key] = out.get(key, frozenset()) | self.tokenizer.stems(said)
        return out

    def _past_synonym_stems(self, verb: str) -> frozenset[str]:
        """The stems of the listed synonyms of a verb's stem that are verbs' past forms
        ("announced" for "declare", "slain" for "kill"): another verb for the same act. The
        nouns and role words of the lists ("president" for "lead") name much else."""
        from assistant.prompts import irregular_forms
        from assistant.qa.answer_rules import answer_rules

        irregular = irregular_forms()
        return frozenset(
            self.tokenizer.stem(word)
            for key, listed in answer_rules().act_synonyms.items()
            if self.tokenizer.stem(key) == verb
            for word in listed
            if word.endswith("ed") or word in irregular
        )

    def _synonym_stems(self, words: list[str]) -> dict[str, frozenset[str]]:
        """Per stem of the question's words that has listed synonyms, the synonyms' stems
        (the table is keyed by the verb, the question may inflect it: "killed")."""
        from assistant.prompts import irregular_forms
        from assistant.qa.answer_rules import answer_rules

        stem = self.tokenizer.stem
        table = self._synonym_table
        if table is None:
            # Keyed by stem, the lists of all the words of one stem merged ("appoint" and
            # "appointed" are one key); made once.
            merged: dict[str, set[str]] = {}
            for key, listed in answer_rules().act_synonyms.items():
                merged.setdefault(stem(key), set()).update(listed)
            table = self._synonym_table = {
                k: self.tokenizer.stems(v) - {k} for k, v in merged.items()
            }
        irregular = irregular_forms()
        out: dict[str, frozenset[str]] = {}
        for word in words:
            found = table.get(stem(word)) or table.get(stem(irregular.get(word, word)))
            if found:
                out[stem(word)] = found
        return out

    def _carry_to_references(
        self, analysis: ArticleAnalysis, mention: Mention, row: list[bool]
    ) -> None:
        """Mark as naming `mention` the sentences that refer back to it without its name.

        A sentence opening with "it" or "they" goes on about the subject of the sentence
        before ("The board was absent. It is unable to act ..."), so it inherits the name only
        when that subject is the name (or was itself such a pronoun); a sentence whose subject
        is "the <noun>" inherits it when the sentence before names it and the story describes
        it with that noun ("airline Kessby Air ... The airline ..."); a person is named by
        "the <noun>" that fits them ("the boy"). The nearest antecedent only: a name two
        sentences back, or one that is not the subject, is not carried over.
        """
        sentences = analysis.sentences
        # In story order and reading `row` as it is marked, so that a chain of pronouns
        # ("X was absent. It is closed. It said ...") carries the name along.
        for j in range(1, len(row)):
            if row[j] or not row[j - 1]:
                continue
            if self._pronoun_continues(analysis, j, mention):
                row[j] = True
            elif mention.kind is EntityKind.PERSON:
                # The sentence's own opening first: reading the whole story for how it treats
                # the name is needed only when the sentence opens with "the <noun>".
                row[j] = self._names_by_noun(analysis, sentences[j], [mention]) or (
                    self._body_noun_refers(analysis, j, mention)
                    and self._thing_named(analysis, mention)
                )
            else:
                row[j] = self._body_noun_refers(analysis, j, mention)

    def _body_noun_refers(self, analysis: ArticleAnalysis, index: int, mention: Mention) -> bool:
        """Whether sentence `index`, right after one naming `mention`, has for subject "the
        <noun>" standing for it: a noun the story describes it with ("the airline" for "airline
        Kessby Air"), or one that fits any body ("the company") when it is the body the sentence
        before names last."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        if index < 1 or index >= len(analysis.sentences):
            return False
        definite = rules.anchor_definite.match(analysis.sentences[index].text)
        if definite is None:
            return False
        words = [w.lower() for w in definite.group(1).split()]
        if any(self._describes(analysis, mention, word) for word in words):
            return True
        if rules.anchor_body_nouns.isdisjoint(words):
            return False
        name = mention.name or mention.text
        bodies = [
            m
            for m in analysis.sentences[index - 1].mentions
            if m.kind is EntityKind.ORGANISATION or self._shares_name(name, m)
        ]
        last = max(bodies, key=lambda m: m.start, default=None)
        return last is not None and (last.key == mention.key or self._shares_name(name, last))

    def _shares_name(self, name: str, mention: Mention) -> bool:
        """The same entity, or a longer name of it ("Kessby" and "Kessby Holdings Ltd")."""
        if self._same_entity(name, mention):
            return True
        words = fold(name).lower().split()
        return bool(words) and set(words) <= set(fold(mention.name or mention.text).lower().split())

    def _pronoun_continues(
        self, analysis: ArticleAnalysis, index: int, mention: Mention, depth: int = 3
    ) -> bool:
        """Whether sentence `index` opens with "it" or "they" standing for `mention`: the
        sentence before has it as its subject, or opens with such a pronoun for it in turn.
        "They" stands only for a body; "it" for a person's name only when the story never
        treats that name as a person ("Kessby Air ... It flies to ...")."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        if index < 1 or index >= len(analysis.sentences):
            return False
        text = analysis.sentences[index].text
        pronoun = rules.anchor_pronoun.match(text)
        if pronoun is None or rules.anchor_expletive.match(text):
            return False
        if pronoun.group("plural"):
            if mention.kind is not EntityKind.ORGANISATION:
                return False
        elif mention.kind is EntityKind.PERSON and not self._thing_named(analysis, mention):
            return False
        before = analysis.sentences[index - 1]
        return self._is_subject(before, mention) or (
            depth > 1 and self._pronoun_continues(analysis, index - 1, mention, depth - 1)
        )

    def _thing_named(self, analysis: ArticleAnalysis, mention: Mention) -> bool:
        """Whether a name the question takes for a person is, in this story, a body or a thing:
        the story recognises it so somewhere, or never gives it a title or a "he" or "she"."""
        key = (analysis.article.id, "\0thing", mention.key)
        found = self._described.get(key)
        if found is None:
            name = mention.name or mention.text
            names = [
                m
                for info in analysis.sentences
                for m in [*info.mentions, *info.references]
                if m.key == mention.key or self._shares_name(name, m)
            ]
            found = bool(names) and (
                any(m.kind is not EntityKind.PERSON for m in names)
                or not any(m.title or m.rule in {"pronoun", "title-reference"} for m in names)
            )
            self._described[key] = found
        return found

    def _is_subject(self, info: SentenceInfo, mention: Mention) -> bool:
        """Whether the sentence names `mention` first, as its subject: nothing named before it
        and only an opening phrase, a determiner and modifiers ("Meanwhile the", "In its
        statement,")."""
        from assistant.qa.answer_rules import answer_rules

        start = info.text.lower().find((mention.name or mention.text).lower())
        if start < 0:
            found = [m.start for m in info.mentions if m.key == mention.key]
            if not found:
                return False
            start = min(found)
        if any(m.start < start for m in info.mentions if m.key != mention.key):
            return False
        return answer_rules().anchor_subject_before.match(info.text[:start]) is not None

    def _describes(self, analysis: ArticleAnalysis, mention: Mention, word: str) -> bool:
        """Whether the story describes `mention` with the noun `word`: the last word of its name
        ("the board" for a "... Safety Board"), or a noun written before the name with only
        modifiers between ("airline Kessby Air"), or after it in apposition ("Kessby Air, a
        low-cost airline")."""
        return self._describes_name(analysis, mention.name or mention.text, word)

    def _describes_name(self, analysis: ArticleAnalysis, name: str, word: str) -> bool:
        word = word.lower()
        if len(word) < 3 or word in self.tokenizer.stopwords:
            return False
        if fold(name).lower().split()[-1:] == [word]:
            return True
        key = (analysis.article.id, name, word)
        found = self._described.get(key)
        if found is None:
            if len(self._described) > 100_000:
                self._described.clear()
            found = _describes_in(analysis.article.text, name, word)
            self._described[key] = found
        return found

    def _referred_back(self, key: str, articles: list[Article]) -> bool:
        """Whether an article names this person in full and then by the surname alone ("Ivo
        Fields ... Fields said"): a common word in the surname's place, after given names the
        corpus always capitalises, and so taken up again, is a surname."""
        surname = key.split()[-1]
        for article in articles:
            for info in self.analyses.get(article).sentences:
                for m in info.mentions:
                    if m.key == key and m.rule == "surname-link" and fold(m.text) == surname:
                        return True
        return False

    def _retype_entities(
        self, frame: QuestionFrame, articles: list[Article], log: list[str]
    ) -> None:
        """A lone name guessed to be a person in the question takes the kind the articles give it
        ("Skarholm" is a place wherever the corpus mentions it)."""
        proper = self.engine.proper_words
        for mention in frame.entities:
            if mention.kind is EntityKind.PERSON and mention.rule in {"lone-name", "name-shape"}:
                before = frame.text[max(0, mention.start - 25) : mention.start]
                after = frame.text[mention.end : mention.end + 25]
                if _PLACE_OF_BEFORE.search(frame.text[max(0, mention.start - 60) : mention.start]):
                    # "the islands of Tiran and Sanafir", "the town of Moroto": places.
                    mention.kind = EntityKind.PLACE
                    mention.rule = f"{mention.rule}+place-of"
                    log.append(f"entity {mention.text!r} names a place")
                    continue
                if _THING_BEFORE.search(before) or _THING_AFTER.match(after):
                    # "the dive boat Conception", "the Notre Dame fire": a thing, not a person.
                    mention.kind = EntityKind.ORGANISATION
                    mention.rule = f"{mention.rule}+thing"
                    log.append(f"entity {mention.text!r} names a thing")
                    continue
                if mention.rule == "lone-name" and self._named_as_thing(mention, articles):
                    # "ahead of Dorian": the stories write "Hurricane Dorian".
                    mention.kind = EntityKind.ORGANISATION
                    mention.rule = f"{mention.rule}+thing"
                    log.append(f"entity {mention.text!r} names a thing in the articles")
                    continue
                if mention.rule == "lone-name" and _BODY_AFTER.match(after):
                    mention.kind = EntityKind.ORGANISATION
                    mention.rule = f"{mention.rule}+body"
                    log.append(f"entity {mention.text!r} names a body of people")
                    continue
            if mention.kind is not EntityKind.PERSON or mention.rule not in {
                "lone-name",
                "name-shape",
            }:
                continue
            words = [fold(w) for w in (mention.name or mention.text).split()]
            if (
                mention.rule == "name-shape"
                and proper
                and any(w not in proper for w in words)
                and not (
                    all(w in proper for w in words[:-1])
                    and self._referred_back(fold(mention.name or mention.text), articles)
                )
                and not self._described_as_person(
                    mention.name or mention.text, [frame.text, *(a.text for a in articles)]
                )
            ):
                # "Storm Hedda": a word the corpus writes in lower case makes it no person's name.
                mention.kind = EntityKind.ORGANISATION
                mention.rule = "name-shape+common-word"
                log.append(f"entity {mention.text!r} has a common word; not a person")
                continue
            counts: dict[EntityKind, int] = {}
            target = fold(mention.name or mention.text)
            # Longer names of another kind that hold the question's words, by how often.
            longer: dict[str, int] = {}
            kinds: dict[str, EntityKind] = {}
            for article in articles:
                analysis = self.analyses.get(article)
                for info in analysis.sentences:
                    for m in info.mentions:
                        full = fold(m.name or m.text)
                        if m.kind is EntityKind.PERSON and (
                            full.endswith(" " + target)
                            # "Wanda Vázquez" for "Wanda Vázquez Garced": a second surname
                            # left out.
                            or (len(words) >= 2 and full.startswith(target + " "))
                        ):
                            # "Haug-Berge" in the question, "Elin Haug-Berge" in the article.
                            counts[m.kind] = counts.get(m.kind, 0) + 1
                            continue
                        if full != target and fold(m.text) != target:
                            if m.kind is not EntityKind.PERSON and _has_word(full, target):
                                longer[m.name or m.text] = longer.get(m.name or m.text, 0) + 1
                                kinds[m.name or m.text] = m.kind
                            continue
                        if (
                            m.kind is EntityKind.PERSON
                            and m.rule == "name-shape"
                            and len(words) < 2
                        ):
                            # The article's own guess by shape confirms nothing.
                            continue
                        counts[m.kind] = counts.get(m.kind, 0) + 1
            question = fold(frame.text)
            asked = {n: c for n, c in longer.items() if _has_word(question, fold(n))}
            if asked:
                # "coastal states forum" typed in lower case: the corpus writes "forum" in lower
                # case too, so only "Coastal States" looked like a name; the question holds the
                # whole name the articles use ("Coastal States Forum", "Port Serin").
                name = max(asked.items(), key=lambda item: item[1])[0]
                mention.kind = kinds[name]
                mention.name = name
                mention.key = fold(name)
                mention.rule = f"{mention.rule}+corpus-longer-{kinds[name].value}"
                log.append(f"entity {mention.text!r} is part of {name!r} in the articles")
                continue
            if longer and sum(longer.values()) > sum(counts.values()):
                # "Meridian": the articles name "Meridian Shipping Group" far more often than
                # anyone called Meridian.
                kind = kinds[max(longer.items(), key=lambda item: item[1])[0]]
                mention.kind = kind
                mention.rule = f"{mention.rule}+corpus-longer-{kind.value}"
                log.append(f"entity {mention.text!r} is mostly part of a longer {kind.value} name")
                continue
            if counts:
                kind = max(counts.items(), key=lambda item: item[1])[0]
                if kind is EntityKind.PERSON:
                    mention.rule = f"{mention.rule}+corpus-person"
                else:
                    mention.kind = kind
                    mention.rule = f"{mention.rule}+corpus-{kind.value}"
                    log.append(f"entity {mention.text!r} is a {kind.value} in the articles")

    @staticmethod
    def _named_as_thing(mention: Mention, articles: list[Article]) -> bool:
        """Whether a story writes the name after a noun that names storms, ships or craft
        ("Hurricane Dorian", "the tanker Stena Impero")."""
        name = mention.name or mention.text
        for article in articles:
            text = article.text
            # Only where the name is written (a search of every text for the nouns was a
            # twentieth of a question's time).
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                whole = end == len(text) or not (text[end].isalnum() or text[end] in "'’-")
                if whole and _NAMED_THING_BEFORE.search(text, max(0, at - 30), at):
                    return True
                at = text.find(name, end)
        return False

    def _described_as_person(self, name: str, texts: list[str]) -> bool:
        """Whether the question or a story writes `name` right after a person's noun ("analyst
        Ivo Cook") or with one in apposition ("Ivo Cook, the senior analyst at ..."): then it
        is someone's name, whatever common words it holds."""
        from assistant.qa.questions import person_nouns

        nouns = person_nouns()
        for text in texts:
            start = text.find(name)
            while start >= 0:
                before = _WORDS.findall(text[max(0, start - 40) : start].lower())
                if before and before[-1] in nouns:
                    return True
                apposition = _APPOSITION_NOUNS.match(text, start + len(name))
                if apposition and any(
                    w in nouns for w in _WORDS.findall(apposition.group(1).lower())
                ):
                    return True
                start = text.find(name, start + 1)
        return False

    def _resolve_roles(self, frame: QuestionFrame, articles: list[Article], log: list[str]) -> None:
        """'the Quorinthian energy minister' names the person the articles give that title."""
        from assistant.knowledge.lexicon import lexicon

        lex = lexicon()
        for match in _ROLE_PHRASE.finditer(frame.text):
            if frame.intent == "who" and re.match(
                r"^\s*(?:and\s+)?who\s+(?:is|was)\s+$", frame.text[: match.start()], re.I
            ):
                # "Who is the mayor of Vell?": the role is what is asked, not a known name.
                continue
            demonym, role = match.group(1), match.group(2)
            country = lex.nationalities.get(fold(demonym)) if demonym else None
            role_words = fold(role).split()
            # "the vice president of Libya's Government of National Accord": the holder's title
            # must name whose role it is; someone else's vice president is not meant.
            owner = _OF_OWNER.match(frame.text, match.end())
            owner_words = (
                {w for w in _WORDS.findall(fold(owner.group(1))) if len(w) > 2} - _OWNER_FILLERS
                if owner
                else set()
            )
            best: tuple[int, str] | None = None
            for article in articles:
                for name, title, nationality in self.analyses.get(article).people.values():
                    if not title or not all(w in fold(title).split() for w in role_words):
                        continue
                    if owner_words and owner_words.isdisjoint(_WORDS.findall(fold(title))):
                        continue
                    if country and nationality and fold(nationality) != fold(country):
                        continue
                    rank = (2 if country and nationality else 1) + (
                        1 if article is articles[0] else 0
                    )
                    if best is None or rank > best[0]:
                        best = (rank, name)
            if best and not any(self._same_entity(best[1], m) for m in frame.entities):
                _add_role_reference(frame, match, best[1], log)

    def _resolve_possessed(self, frame: QuestionFrame, article: Article, log: list[str]) -> None:
        """ "Who did Orm's lawyer call?": the question's person is the lawyer, whom the story
        names ("Ana Ruiz, the sailor's lawyer, said ..."); Orm only says whose. When the best
        story gives the noun to exactly one other person (by title or description), that
        person stands for the phrase and the owner no longer has to be in the answer's
        sentence. Asked for ("Who is Orm's lawyer?"), the role is left alone."""
        from assistant.qa.answer_rules import answer_rules

        for match in answer_rules().anchor_possessed_person.finditer(frame.text):
            if re.match(r"^\s*(?:and\s+)?who\s+(?:is|was|are|were)\s+(?:the\s+)?$",
                        frame.text[: match.start()], re.I):  # fmt: skip
                continue
            owner = next(
                (
                    m
                    for m in frame.strong_entities()
                    if m.start <= match.start("owner") < m.end
                    or match.start("owner") <= m.start < match.end("owner")
                ),
                None,
            )
            if owner is None:
                continue
            head = match.group("head").lower()
            analysis = self.analyses.get(article)
            holders = {
                fold(name): name
                for name, title, _ in analysis.people.values()
                if not self._same_entity(name, owner)
                and (
                    head in fold(title or "").lower().split()
                    or self._describes_name(analysis, name, head)
                )
            }
            # "Ana Ruiz-Vidal" and, later, "Vidal" are one person.
            parts = {k: set(_WORDS.findall(k)) for k in holders}
            distinct = [
                k for k in holders if not any(o != k and parts[k] < parts[o] for o in parts)
            ]
            if len(distinct) != 1:
                continue
            name = holders[distinct[0]]
            if any(self._same_entity(name, m) for m in frame.entities):
                # "succeed Ivo Dahl as Kessby's chief": the question names the holder itself;
                # the role is what the answer is to take, no one else to look for.
                continue
            owner.role_only = True
            _add_role_reference(frame, match, name, log)

    def _topic_stems(self) -> frozenset[str]:
        from assistant.knowledge.meetings import concept_words

        return frozenset(self.tokenizer.stem(w) for w in concept_words().topic)

    def _meeting_stems(self) -> frozenset[str]:
        from assistant.knowledge.meetings import concept_words

        return frozenset(self.tokenizer.stem(w) for w in concept_words().meeting)

    def _same_entity(self, name: str, mention: Mention) -> bool:
        a, b = fold(name), fold(mention.name or mention.text)
        if a == b:
            return True
        if mention.kind is EntityKind.PERSON:
            return bool(set(a.split()) & {t for t in b.split() if len(t) > 2})
        return False

    def _date_fit(self, frame: QuestionFrame, iso: str | None) -> float:
        """+1 when a date agrees with the question's time, -0.7 when it contradicts it."""
        if not frame.time_isos or not iso:
            return 0.0
        for wanted in frame.time_isos:
            size = min(len(wanted), len(iso))
            if wanted[:size] == iso[:size]:
                return 1.0
        return -0.7

    def _proximity(
        self, frame: QuestionFrame, text: str, position: int, end: int | None = None
    ) -> float:
        """Closeness of a candidate to the question's own words in the sentence (0 to 0.4).

        With the candidate's end given, a word after the candidate counts at double distance:
        an adjunct follows what it modifies ("heading to Kyiv Monday for talks there Tuesday":
        the talks are on Tuesday)."""
        entity_stems = {s for m in frame.entities for s in self.tokenizer(m.name or m.text)}
        stems = set(self.tokenizer(frame.text)) - entity_stems
        # "assembling rifles in Orvik, then agreed to open a plant in Tessa": words after a
        # clause break belong to the next clause, not to the candidate's.
        after = len(text)
        if (cut := _CLAUSE_BREAK.search(text, position if end is None else end)) is not None:
            after = cut.start()
        distances = [
            abs(match.start() - position)
            if end is None
            else position - match.end()
            if match.end() <= position
            else 2 * max(0, match.start() - end)
            for match in re.finditer(r"[\w'-]+", text)
            if (match.end() <= position or match.start() < after)
            and self.tokenizer.stem(fold(match.group())) in stems
        ]
        if not distances:
            return 0.0
        return 0.4 * max(0.0, 1 - min(distances) / 80)

    def _sentence_has(
        self, info: SentenceInfo, mention: Mention, words: Words | None = None
    ) -> bool:
        if mention.key in info.entity_keys():
            return True
        words = words or Words(info.text)
        name = mention.name or mention.text
        tokens = _name_tokens(name)
        if mention.kind is EntityKind.PERSON:
            if any(t in words.words for t in tokens[-1:] + tokens[:1]):
                return True
            # "The president" resolved to "Barack Obama" refers to the question's "Obama".
            # (Both split alike: "Mir-Mohammadi" is two words of the key, not one.)
            if tokens and any(tokens[-1] in _WORDS.findall(r.key) for r in info.references):
                return True
        elif words.has(name):
            return True
        return mention.kind is EntityKind.COUNTRY and self._country_in(words, fold(name))

    def _window_hits(
        self,
        analysis: ArticleAnalysis,
        index: int,
        strong: list[Mention],
        memo: dict[tuple[int, int], bool] | None = None,
    ) -> int:
        """How many of `strong` the sentence and its neighbours mention.

        `memo` (sentence index, id of mention) -> found is shared by the calls for one article:
        each sentence is in three windows, and this was a third of the time of a question.
        """
        if index == -1:
            window = [analysis.title] if analysis.title else []
        else:
            window = analysis.sentences[max(0, index - 1) : index + 2]
        article = analysis.article
        memo = {} if memo is None else memo
        count = 0
        for m in strong:
            for info in window:
                key = (info.index, id(m))
                found = memo.get(key)
                if found is None:
                    words = self._sentence_words(article, info)
                    found = memo[key] = self._sentence_has(info, m, words)
                if found:
                    count += 1
                    break
        return count

    # --- answering -------------------------------------------------------------------------

    def _retrieve(self, tokens: list[str]) -> list[Hit]:
        """Ranked passages, one per distinct span, as (score, article, sentence range).

        Answering reads only where each hit is, so no Passage objects are made here: that was a
        fifth of the time of a question. The passages shown with an answer come from
        Engine.search, once, in `answer`.
        """
        found = self.engine.index.search(tokens, RETRIEVE_K * 2)
        corpus = self.engine.corpus
        if corpus is None:
            rows = []
            for doc, _ in found:
                p = self.engine.passages[doc]
                rows.append((p.article_id, p.first_sentence, p.last_sentence))
        else:
            ids = corpus.ids
            table = corpus.arrays["psg"]
            rows = [
                (ids[art], first, last)
                for art, _, first, last in table[[doc for doc, _ in found]].tolist()
            ]
        hits: list[Hit] = []
        seen: set[tuple[str, int, int]] = set()
        for (_, score), span in zip(found, rows, strict=True):
            if len(hits) == RETRIEVE_K:
                break
            if span in seen:
                continue
            seen.add(span)
            hits.append(Hit(score, *span))
        return hits

    def _answer_frame(self, frame: QuestionFrame, log: list[str]) -> Answer:
        tokens = self._query_tokens(frame)
        frame.query = " ".join(tokens)
        hits = self._retrieve(self.tokenizer(frame.query)) if tokens else []
        log.append(f"retrieved {len(hits)} passages for: {' '.join(tokens)}")
        if not hits:
            return self._decline(frame, "no passage matches the question", hits, log)
        strong = frame.strong_entities()
        articles: list[Article] = []
        seen: set[str] = set()
        possible = self._articles_that_may_mention(
            strong, list(dict.fromkeys(h.article_id for h in hits))
        )
        for hit in hits:
            if hit.article_id in seen:
                continue
            seen.add(hit.article_id)
            if (
                possible is not None
                and hit.article_id not in possible
                and hit.article_id not in self._captioned_articles()
            ):
                continue
            article = self.engine.articles[hit.article_id]
            if all(self._article_mentions(article, m) for m in strong):
                articles.append(article)
                if len(articles) == MAX_ARTICLES:
                    # Only these are read; checking the rest would only cost time.
                    break
        log.append(
            "articles satisfying the entities: " + (", ".join(a.id for a in articles[:5]) or "none")
        )
        if not articles:
            missing = " and ".join(m.name or m.text for m in strong) or "the question's terms"
            return self._decline(frame, f"no article mentions {missing} together", hits, log)
        articles = articles[:MAX_ARTICLES]
        self._retype_entities(frame, articles[:3], log)
        self._resolve_roles(frame, articles[:3], log)
        self._resolve_possessed(frame, articles[0], log)
        scored = self._score_sentences(frame, hits, articles)
        if frame.intent == "why":
            scored = self._continue_event(scored)
        for s in scored[:5]:
            log.append(
                f"sentence {s.article.id}#{s.info.index} score={s.score:.2f} coverage={s.coverage:.2f}: {s.info.text[:100]}"
            )
        # Without a name to anchor it, a question's own words must match more closely.
        needed = 0.25 if frame.strong_entities() else _UNNAMED_COVERAGE
        if frame.times and frame.strong_entities():
            # "in March 2025" is scored by the dates; as words it only dilutes the coverage of
            # what the question asks ("What did they discuss ... in March 2025?").
            needed = 0.15
        if self._only_names_asked(frame):
            # "What brought Lena Hartwig to the Tahrin Free Port?": no word but the names to
            # match; the names must do.
            needed = 0.0
        elif speech := self._speech_coverage(frame):
            needed = speech
        quoted = self._quoted_phrases(frame)
        if (
            not scored
            or (
                max(s.coverage for s in scored[:12]) < needed
                # "Who called it 'pretty ugly'?": the quoted words single a sentence out.
                and not any(q in _normal_quotes(s.info.text) for s in scored[:12] for q in quoted)
            )
        ):
            return self._decline(
                frame, "no sentence matches the question closely enough", hits, log
            )
        if self._left_open(frame, scored[0]):
            return self._decline(
                frame,
                f"the closest sentence leaves the {self._what_is_sought(frame)} open",
                hits,
                log,
            )
        if self._denies_sought(frame, scored[0]):
            return self._decline(
                frame,
                f"the closest sentence says no {self._what_is_sought(frame)} was given",
                hits,
                log,
            )
        candidate = self._extract(frame, scored, log)
        if candidate is not None and self._from_weaker_story(scored, candidate):
            log.append(f"{candidate.short!r} comes from a story that matches the question less")
            # The stories that match as well may still date or explain it: their own best
            # candidate. (Not a name: a story that names someone in a weak way answered
            # questions whose answer no story gives.)
            matching = self._best_stories(scored)
            retry = frame.intent in _RETRIED_INTENTS and matching != scored
            candidate = self._extract(frame, matching, log) if retry else None
        if candidate is None:
            if frame.intent in {"what", "fallback"}:
                return self._fallback(frame, self._reply_to(scored[0]) or scored[0], hits, log)
            return self._decline(
                frame, f"no {self._what_is_sought(frame)} is given for this question", hits, log
            )
        return self._render(frame, candidate, hits, log)

    @staticmethod
    def _speech_coverage(frame: QuestionFrame) -> float:
        """The coverage a sentence needs to answer "What did X say about Y?", 0 for other
        questions: what was said is told in other words ("What did spokesman Lu Kang say about
        China's dealings with North Korea?" - "... would continue to uphold sanctions"), so
        the speaker and the matter named are most of what matches."""
        from assistant.qa.answer_rules import answer_rules

        asked = frame.strong_entities() and answer_rules().speech_question.match(frame.text)
        return 0.1 if asked else 0.0

    def _reply_to(self, item: Scored) -> Scored | None:
        """The first sentence of the reply to an interviewer's question ("((WN)) What ...?"
        then "((Sara Seager)) That E. coli ..."), scored as the question; None for a sentence
        that is no interviewer's question."""
        text = item.info.text
        mark = _TURN_MARK.match(text)
        if mark is None or not text.rstrip().endswith("?"):
            return None
        sentences = self.analyses.get(item.article).sentences
        for index in range(item.info.index + 1, min(len(sentences), item.info.index + 4)):
            reply = _TURN_MARK.match(sentences[index].text)
            if reply is not None and reply.group(1) != mark.group(1):
                return Scored(
                    item.article, sentences[index], item.score, item.coverage, item.entity_hits
                )
        return None

    def _from_weaker_story(self, scored: list[Scored], candidate: Candidate) -> bool:
        """Whether the candidate's story matches the question much less well (by its best
        sentence) than the story of the best sentence of all."""
        return candidate.sentence.article.id not in _story_bests(scored)

    @staticmethod
    def _best_stories(scored: list[Scored]) -> list[Scored]:
        """The sentences of the stories that match the question about as well as the best."""
        matching = _story_bests(scored)
        return [s for s in scored if s.article.id in matching]

    def _continue_event(self, scored: list[Scored]) -> list[Scored]:
        """A sentence whose subject is the event itself ("The meeting was held to ...", "The
        agenda included ...") goes on reporting the meeting the sentences before it describe:
        it is as relevant as they are, though it does not repeat their names and place."""
        by_key = {(s.article.id, s.info.index): s for s in scored}
        out = []
        # In story order, so that "The agenda ..." and then "The meeting was held ..." both
        # continue the report before them.
        for item in sorted(scored, key=lambda s: (s.article.id, s.info.index)):
            if item.info.index > 0 and _EVENT_SUBJECT.match(item.info.text):
                before = [
                    by_key[key]
                    for key in ((item.article.id, item.info.index - d) for d in (1, 2))
                    if key in by_key
                ]
                best = max(before, key=lambda s: s.score, default=None)
                if best is not None and best.score > item.score:
                    item = Scored(
                        item.article,
                        item.info,
                        best.score,
                        max(item.coverage, best.coverage),
                        max(item.entity_hits, best.entity_hits),
                    )
                    by_key[(item.article.id, item.info.index)] = item
            out.append(item)
        return sorted(out, key=lambda s: (-s.score, s.article.id, s.info.index))

    def _only_names_asked(self, frame: QuestionFrame) -> bool:
        """A why-question whose only words besides its names and dates are the question
        phrase itself ("What brought X to Y in November 2025?"), or a who-question whose only
        other word is a verb of holding a role ("Who runs the Tarrow Fund?"): a sentence says
        that with the role's noun ("director of the Tarrow Fund"), not with the verb.
        A role question ("What is Orm's job?") asks only about its name: a sentence gives the
        role as a title ("Prime Minister Orm"), without the words "job" or "position"."""
        if frame.intent == "who_role" and frame.strong_entities():
            return True
        if frame.intent == "who" and frame.strong_entities():
            from assistant.knowledge.lexicon import lexicon

            verb = re.match(r"^\s*(?:and\s+)?who\s+([a-z]+)\b", frame.text, re.I)
            if not verb or fold(verb.group(1)) not in lexicon().role_verbs:
                return False
            return not self._predicate_stems(frame) - {self.tokenizer.stem(fold(verb.group(1)))}
        if frame.intent in {"when", "where"} and frame.strong_entities():
            # "When did the Orm Fair 2019 take place?": nothing but that the named event came
            # about, which a sentence naming it with its dates need not say in these words.
            from assistant.qa.answer_rules import answer_rules

            rules = answer_rules()
            time_stems = {s for t in frame.times for s in self.tokenizer(t)}
            occurrence = self.tokenizer.stems(rules.occurrence_words)
            if frame.intent == "when":
                # "What dates did ...": the question's own phrase, as "when".
                time_stems |= self.tokenizer.stems(rules.day_nouns)
            if frame.focus:
                # "Which venue hosted ...": the noun names what is asked, as "where" does.
                time_stems |= set(self.tokenizer(frame.focus))
            said = self._predicate_stems(frame) - time_stems
            # "Which Texas city is Orm from?": nothing but the names and the asked noun.
            return said <= occurrence
        if frame.intent != "why" or not frame.strong_entities():
            return False
        time_stems = {s for t in frame.times for s in self.tokenizer(t)}
        rest = self._predicate_stems(frame) - time_stems - _WHY_PHRASE_STEMS
        return not rest

    def _left_open(self, frame: QuestionFrame, best: Scored) -> bool:
        """Whether the sentence that best matches the question says the answer is not known:
        "Much will depend on who he names ...", "It is unclear when the talks resume"."""
        after = _OPEN_AFTER.get(frame.intent)
        if after is None:
            return False
        predicate = self._predicate_stems(frame)
        for match in after.finditer(best.info.text):
            following = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(match.group(1))}
            if predicate & following:
                return True
        return False

    def _denies_sought(self, frame: QuestionFrame, best: Scored) -> bool:
        """Whether the sentence that best matches the question says the asked thing was not made
        known ("No cause was given", "The statement specified no date"): any reason or date
        elsewhere in it belongs to another event. A contrast after the denial ("..., but an
        officer said ...") may go on to give it, so the sentence then stands."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        if frame.intent == "who" and self._left_unnamed(frame, best):
            return True
        denied = rules.denied.get("who" if frame.intent == "who_met" else frame.intent)
        if denied is None:
            return False
        match = denied.search(best.info.text)
        return match is not None and not rules.denial_contrast.search(best.info.text, match.end())

    def _left_unnamed(self, frame: QuestionFrame, best: Scored) -> bool:
        """Whether the closest sentence calls the person the question asks for unnamed ("an
        unidentified second driver" for "Who was the second driver?"): one of the question's
        own words among the few after the adjective, before any function word ends the noun
        phrase."""
        from assistant.qa.answer_rules import answer_rules

        predicate = self._predicate_stems(frame)
        stopwords = self.tokenizer.stopwords
        rules = answer_rules()
        text = best.info.text
        # Read away from the cue: the noun phrase it qualifies ends at the first function word.
        phrases = [_WORDS.findall(m.group(1)) for m in rules.anonymous.finditer(text)] + [
            _WORDS.findall(m.group(1))[::-1] for m in rules.anonymous_after.finditer(text)
        ]
        for words in phrases:
            for word in words:
                folded = fold(word)
                if folded in stopwords:
                    break
                if self.tokenizer.stem(folded) in predicate:
                    return True
        return False

    def _what_is_sought(self, frame: QuestionFrame) -> str:
        return {
            "where": "place",
            "when": "time",
            "why": "reason or purpose",
            "topic": "topic",
            "who_met": "meeting participant",
            "who": "person",
            "who_role": "role",
        }.get(frame.intent, "answer")

    def _extract(
        self, frame: QuestionFrame, scored: list[Scored], log: list[str]
    ) -> Candidate | None:
        extractor = {
            "who_met": self._who_met,
            "who": self._who,
            "who_role": self._who_role,
            "where": self._where,
            "when": self._when,
            "why": self._why,
            "topic": self._topic_or_what,
            "count": self._count,
            "list_meetings": self._list_meetings,
            "quantity": self._quantity,
            "what": self._what,
        }.get(frame.intent)
        if extractor is None:
            return None
        least = 0.0 if self._only_names_asked(frame) else self._speech_coverage(frame) or 0.15
        if not frame.strong_entities() and frame.intent in _ANCHORED_INTENTS:
            # Without a name to anchor it, the answer's own sentence must match the question as
            # closely as the best sentence had to: "Where did the Turkish and Greek leaders
            # meet?" is not answered by a sentence that shares only "Greek" and "leaders".
            least = _UNNAMED_COVERAGE
        verb = self._who_verb(frame)
        # "Who leads the court that ruled on ...?": only a sentence that writes the asked verb
        # can answer, and the words of a clause that only identifies the object ("ruled")
        # may rank a dozen sentences without it first; those are read further down.
        window = scored[:_VERB_POOL_WINDOW] if verb else scored[:12]
        quoted = self._quoted_phrases(frame)
        speakers = asked_speakers(frame) if frame.intent in {"topic", "what"} else []
        pool = [
            s
            for s in window
            if s.coverage >= least
            or (least == _UNNAMED_COVERAGE and s.coverage + self._story_carried(frame, s) >= least)
            # "Who called it 'pretty ugly'?": the quoted words single the sentence out.
            or (quoted and any(q in _normal_quotes(s.info.text) for q in quoted))
            # "What did Khan say after the attack?": '"Terrorists seek to divide us," said
            # Khan' is what he said, in none of the question's other words.
            or (speakers and spoken_content(s.info.text, speakers) is not None)
        ]
        if frame.intent in _ANCHORED_INTENTS:
            pool = [s for s in pool if self._anchored(frame, s)]
        if frame.intent in _REPLY_INTENTS:
            # "((WN)) What is the most fascinating aspect?": an interviewer's question says what
            # was asked; the reply after it says what the person said.
            pool = [self._reply_to(s) or s for s in pool]
        source = _SOURCE.search(frame.text)
        if source:
            # "..., according to the Kremlin": a sentence the story attributes to another
            # source ("According to the White House, ...") gives that source's account.
            wanted = fold(source.group(1))
            pool = [
                s
                for s in pool
                if all(
                    fold(other.group(1)) in wanted or wanted in fold(other.group(1))
                    for other in _SOURCE.finditer(s.info.text)
                )
            ]
        if verb:
            # "Who led the delegation?": the person is found where someone leads something.
            # Its first four letters also find the noun: "chaired" the chairman, "decided" the
            # decision.
            # "Who runs ...", "Who became the new Duke?": the role's nouns ("director",
            # "successor") say it as well as the verb.
            roles, successor = self._asked_roles(frame, _who_focus(frame.text))
            if successor:
                from assistant.knowledge.lexicon import lexicon

                roles |= lexicon().successor_cues
            reported = self._verb_reported_as(frame, verb)
            light = self._light_verb_object(frame)
            # A light verb's meaning lies in its object: "offering free cases" tells no one
            # who "offered a prayer"; the object's noun must be there.
            # "Who declared three days of mourning?": "announced three days of mourning" tells
            # the act by a listed synonym.
            synonyms = set() if light else self._past_synonym_stems(verb)
            prefixes = (
                (set() if light else {verb[:4]})
                | {self.tokenizer.stem(r)[:4] for r in roles}
                | reported
                | {s[:4] for s in synonyms}
            )
            # "Who said ...?": a quotation the sentence opens after a colon says it as well
            # ('Dahl rejected the plan: "It evokes ..."').
            quoting = verb in {"said", "say"}
            pool = [
                s
                for s in pool
                if any(
                    t.startswith(p)
                    for t in self._sentence_stems(s.article, s.info)
                    for p in prefixes
                )
                or (quoting and _QUOTE_AFTER_COLON.search(s.info.text) is not None)
                # A quotation of several sentences says its verb where it closes.
                or ((quoting or "said" in reported) and self.quotation_closer(s) is not None)
            ]
            from assistant.qa.answer_rules import answer_rules

            if not answer_rules().asks_denied.search(frame.text):
                # "The party has never won the seat" does not say who won it.
                pool = [s for s in pool if not self._only_denied(s.info.text, prefixes)]
            if not pool:
                log.append(f"no sentence has the question's verb ({verb}); declining")
                return None
            pool = pool[:12]
        body_role = self._asked_body_role(frame)
        if body_role is not None:
            # "Who is Orvia's health minister?": the body's prime minister is someone else.
            body, qualified = self._asked_body(frame)
            pool = [
                s
                for s in pool
                if any(
                    not self._role_of_other_body(s.info.text, m, body)
                    for m in body_role.finditer(s.info.text)
                )
                or (qualified and not body_role.search(s.info.text))
            ]
            if not pool:
                log.append("no sentence gives the asked role of the body; declining")
                return None
        if not verb and frame.intent in {"who", "where", "when"}:
            asked_act = self._asked_act(frame)
            if asked_act and not any(
                self._article_tells(a, asked_act)
                for a in {s.article.id: s.article for s in pool}.values()
            ):
                # "Who will chair the inquiry?": a story that never tells of chairing it, by
                # the verb, a noun of its stem or a listed synonym, cannot say who will. (A
                # sentence-level test lost answers told in other words than the question's.)
                log.append(f"no story tells the asked act ({asked_act[0]}); declining")
                return None
            if asked_act and (
                frame.intent == "when" or (frame.intent == "who" and frame.text in self._singling)
            ):
                # "When will the office extend the scheme?": a story that tells of extending it
                # only "in due course" gives no time for it; the date of another step in
                # another sentence is not one. (Measured on who-questions, the same test lost
                # answers told in other words; but an act that singles the answer out, "Who
                # first reached the summit?", a sentence must state to say who did it first.)
                pool = [
                    s for s in pool if _act_told(self._sentence_stems(s.article, s.info), asked_act)
                ]
                if not pool:
                    log.append(f"no sentence tells the asked act ({asked_act[0]}); declining")
                    return None
        candidates: list[Candidate] = []
        asks_done = (
            frame.intent in {"who_met", "where"}
            and bool(_ASKS_DONE.search(frame.text))
            and bool(_PAST_MARKER.search(frame.text))
        )
        in_person = self._asks_in_person(frame)
        remote = self._asks_remote(frame)
        act = self._passive_act(frame)
        counted = self._counted(frame.text)
        holders = self._number_holders(counted, pool) if counted else {}
        counted_people = self._counted_people(counted)
        asked_noun = _who_focus(frame.text)
        if asked_noun and self.tokenizer.stem(asked_noun) not in counted_people:
            # "Which judge said the nine men ...?": the men are what the judge spoke of; who
            # is asked need not be named where the story counts them.
            counted_people = {}
        people_at = self._number_holders(counted_people, pool) if counted_people else {}
        codes = self._codes(frame.text)
        written = self._names_written(frame)
        writes: dict[str, bool] = {}  # per article, read once
        role = self._narrow_role(frame)
        # "When was Orm killed?": "the murder of Orm on May 4" names the act by its noun.
        if act:
            from assistant.qa.answer_rules import answer_rules

            acts: tuple[str, ...] = (act, *answer_rules().act_nouns.get(act, ()))
        else:
            acts = ()
        # "When were they detained?": "the detention of ..." tells it by a listed paraphrase
        # (whole stems: a paraphrase's prefix would take "approve" for "apprehend").
        act_paraphrases = self._passive_paraphrases(frame) if act else frozenset()
        for rank, item in enumerate(pool):
            if (
                role
                and not any(
                    t.startswith(role) for t in self._sentence_stems(item.article, item.info)
                )
                and not self._titled_otherwise(item.info)
                and not self._role_given_before(frame, item, role)
                and not self._speaker_titled(frame, item, role)
                and not self._with_asked_body(frame, item)
            ):
                # "Who was the judge who ...": a sentence without a judge names someone else.
                continue
            if written and item.article.id not in writes:
                writes[item.article.id] = self._writes_names(item.article, written)
            if written and not writes[item.article.id]:
                # "the Reading attack": a story that has the word only as "reading" is not
                # about the town.
                continue
            if in_person and self._only_remote(frame, item):
                continue
            if in_person and self._others_meeting(frame, item):
                continue
            if in_person and self._lacks_a_participant(frame, item):
                continue
            if remote and self._only_in_person(item):
                continue
            if frame.times and self._time_contradicts(frame, item):
                continue
            if counted and (
                self._number_contradicts(counted, item)
                or self._number_elsewhere(holders, item)
                or self._away_from_counted(people_at, item)
            ):
                # "the 47-month term" is not the one of a sentence about a 73-month term.
                continue
            if codes and self._code_contradicts(codes, item):
                continue
            if acts and not any(
                t.startswith(acts) or t in act_paraphrases
                for t in self._sentence_stems(item.article, item.info)
            ):
                continue
            if asks_done and self._only_planned(frame, item):
                # "Who did Orm meet in Kessby last week?" is not answered by "the presidents are
                # planning to hold talks in Baku soon".
                continue
            elsewhere = frame.intent in {"why", "topic"} and self._meets_elsewhere(frame, item)
            for candidate in extractor(frame, item):
                if candidate.meeting is not None and not self._place_fits(frame, candidate.meeting):
                    continue
                if frame.intent == "topic" and not self._topic_of_talks(frame, candidate, item):
                    continue
                if elsewhere and candidate.meeting is None:
                    # "ministers met in Skarholm ... aimed at ..." does not say why they met
                    # in Brennmark.
                    continue
                candidate.own = candidate.score
                candidate.score += SENTENCE_WEIGHT * item.score - 0.05 * rank
                candidates.append(candidate)
        if not candidates:
            return None
        fitting = [c for c in candidates if not self._misfit(frame, c, log)]
        if not fitting:
            log.append("no candidate fits what the question asks for; declining")
            return None
        candidates = fitting
        self._bind_to_clause(frame, candidates)
        if frame.intent == "who_met":
            self._fit_asked_title(frame, candidates)
        if frame.intent == "who" and _EXCLUDED.search(frame.text):
            # "Who was left out of Erdogan's meeting?": not anyone reported taking part in it.
            took_part = self._participants_with(frame, candidates)
            candidates = [c for c in candidates if fold(c.short) not in took_part]
            if not candidates:
                return None
        focus = _who_focus(frame.text) if frame.intent == "who" else None
        if focus in person_nouns():
            # "Who was the pilot ...?", "Which executive ...?": one person, so a body, a
            # country or a place the sentence names is no answer, unless the sentence itself
            # gives it the asked noun. (A plural, "Which fighters ...", may be a group.)
            from assistant.knowledge.lexicon import lexicon

            countries = lexicon().countries
            candidates = [
                c
                for c in candidates
                if (c.kind in (None, EntityKind.PERSON) or c.rule.startswith("sentence-body"))
                # A verb's object of no known kind ("ends US presidential bid") may still be
                # a country by name.
                and not (c.kind is None and fold(c.short) in countries)
            ]
            if not candidates:
                log.append("the question asks for a person; no person is a candidate")
                return None
        if frame.intent == "who" and focus not in _ORG_FOCUS:
            people = [c for c in candidates if c.kind is EntityKind.PERSON and c.own >= 0.5]
            # "Who ..." asks for a person: any good person candidate beats an organisation.
            if people:
                # Unless the sentence itself titles the body with the asked noun.
                candidates = [
                    c
                    for c in candidates
                    if c.kind is not EntityKind.ORGANISATION or c.rule.startswith("sentence-body")
                ]
        candidates.sort(key=lambda c: -c.score)
        for other in candidates[1:4]:
            log.append(
                f"runner-up {other.rule} {other.short[:60]!r} (score {other.score:.2f}, "
                f"{other.sentence.article.id}#{other.sentence.info.index})"
            )
        best = candidates[0]
        if frame.intent == "where" and best.kind is EntityKind.COUNTRY:
            best = self._more_specific_place(best, candidates, log)
        if frame.intent == "where" and best.sentence.info.index == -1:
            best = self._narrowed_in_story(best, candidates, log)
        if frame.intent == "when":
            best = self._more_specific_time(frame, best, candidates, log)
        if frame.intent == "when":
            best = self._better_bound(frame, best, candidates, log)
        if frame.intent == "where":
            best = self._better_bound(frame, best, candidates, log)
            best = self._containing_place(best, candidates, log)
            best = self._plural_list(frame, best, candidates, log)
        if frame.intent == "who":
            best = self._holds_asked_noun(frame, best, candidates, log)
        if frame.intent == "topic" and best.rule == "topic-about":
            best = self._discussed_over_about(best, candidates, log)
        if frame.intent in {"who", "who_met"}:
            best = self._name_over_description(best, candidates, log)
        if frame.intent in {"who", "who_met"}:
            best = self._name_list(frame, best, candidates, log)
        least = MIN_CANDIDATE_SCORE.get(frame.intent, 0.0)
        if best.own < least and frame.intent == "why":
            # A weak cue ("for ...") in the best-matching sentence does not hide a clear reason
            # ("in response to ...") in a sentence just below it.
            adequate = [c for c in candidates if c.own >= least]
            if adequate:
                log.append(f"best candidate {best.short!r} too weak ({best.own:.2f})")
                best = adequate[0]
        if best.own < least:
            log.append(f"best candidate {best.short!r} too weak ({best.own:.2f}); declining")
            return None
        log.append(f"rule {best.rule} -> {best.short!r} (score {best.score:.2f})")
        return best

    def _bind_to_clause(self, frame: QuestionFrame, candidates: list[Candidate]) -> None:
        """A person's sentence scores the question's words anywhere in it; the name those words
        are written with is the one they describe: "Norvessan minister Ivo Dahl said ..., while
        Orm ..." answers "Which Norvessan official said ...?" with Dahl. Each candidate gains by
        the share of the question's words in its own clause (for "who", whose answers are
        names; a place or time clause shares its words with the event it sets, see
        `_better_bound`)."""
        if frame.intent not in {"who", "who_met"}:
            return
        asked = frozenset(self._query_tokens(frame))
        if not asked:
            return
        names = self._names_of_question(frame)
        for c in candidates:
            c.score += _CLAUSE_WEIGHT * self._clause_share(asked, names, c, None)

    def _clause_share(
        self,
        asked: frozenset[str],
        names: frozenset[str],
        c: Candidate,
        verb: str | tuple[str, ...] | None,
        words: bool = True,
    ) -> float:
        """The share of the question's stems written in the candidate's own clause of its
        sentence, the candidate's own words and the question's own people (`names`) left out
        (0 when it is not written as such), and 1 more when the seven words either side have
        the question's main verb (`verb`: a stem, or an act as `_asked_act` gives it). Without
        `words`, only the verb counts."""
        from assistant.qa.answer_rules import answer_rules

        text = c.sentence.info.text
        surface = next((h for h in (c.short, *c.highlight) if h and h in text), None)
        if surface is None:
            return 0.0
        at = text.find(surface)
        end = at + len(surface)
        bounds = answer_rules().clause_bound
        starts = [0] + [m.end() for m in bounds.finditer(text, 0, at)]
        stops = [m.start() for m in bounds.finditer(text, end)] + [len(text)]
        start, stop = starts[-1], stops[0]
        if not self.tokenizer(text[start:at] + " " + text[end:stop]):
            # A fronted or trailing adverbial ("On Monday, ...", "..., in Orvik.") belongs to
            # the clause it is set off from.
            if len(stops) > 1:
                stop = stops[1]
            elif len(starts) > 1:
                start = starts[-2]
        # Seven words either side within the clause, the question's people not cut out.
        near = _WORDS.findall(text[start:at])[-7:] + _WORDS.findall(text[end:stop])[:7]
        # Longest first: "Daniel Akerson" before "Akerson", or the clause would end inside the
        # full name, at a place that hung on the set's order (and so on the hash seed).
        for name in sorted(names, key=lambda n: (-len(n), n)):
            # "Minister Ada Roos met Governor Tor Vass": the question's own people are written
            # with their own titles, which say nothing of the one they met.
            before = text.rfind(name, start, at)
            if before >= 0:
                start = max(start, before + len(name))
            after = text.find(name, end, stop)
            if after >= 0:
                stop = after
        clause = text[start:at] + " " + text[end:stop]
        # "When did Trump announce that he had asked ...?": "On Tuesday, Trump announced he had
        # asked ... Monday night" dates the announcing by the time next to its verb, not by the
        # one of the clause it reports.
        main = 0.0
        if isinstance(verb, str):
            main = 1.0 if verb in self.tokenizer(" ".join(near)) else 0.0
        elif verb is not None:
            main = 1.0 if _act_told(frozenset(self.tokenizer(" ".join(near))), verb) else 0.0
        if not words:
            return main
        return main + len(set(self.tokenizer(clause)) & asked) / len(asked)

    @staticmethod
    def _bound_as_asked(frame: QuestionFrame, candidate: Candidate) -> bool:
        """Whether a "Since/Until/By when" question's bound word stands right before the
        candidate's time in its sentence ("predicted it would be profitable by 2011")."""
        bound = ASKED_BOUND.match(frame.text)
        said = candidate.facts.get("when_words")
        if bound is None or not said:
            return False
        text = candidate.sentence.info.text
        return any(bound_before(text, at, bound.group(1)) for at in _word_starts(text, said))

    def _names_of_question(self, frame: QuestionFrame) -> frozenset[str]:
        """How a story may write the question's people: as asked, in full, by surname."""
        names = set()
        for m in frame.entities:
            if m.kind is EntityKind.PERSON:
                full = m.name or m.text
                names.update({m.text, full, full.split()[-1]})
        return frozenset(n for n in names if len(n) > 2)

    def _better_bound(
        self, frame: QuestionFrame, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """A sentence that dates two events ("met Orm on Thursday and the envoys on Friday")
        dates the asked one in the clause of the question's words: of the times of the best
        one's sentence scored nearly as well, and as exact, the one whose clause holds more
        of them. (Across sentences the sentence score already says which event is asked.)
        Places likewise: "Leonov, who died in Moscow, will be buried at the Federal Military
        Memorial Cemetery" says where he is to be buried after the verb, not in the clause
        about his death."""
        from assistant.qa.answer_rules import answer_rules

        asked = frozenset(self._query_tokens(frame))
        if not asked:
            return best
        names = self._names_of_question(frame)
        verb: str | tuple[str, ...] | None
        if frame.intent == "where":
            verb = self._stated_act(frame)
        else:
            main = _WHEN_VERB.match(frame.text)
            verb = self.tokenizer.stem(main.group(1)) if main else None
        # Where something was said is set apart from what was said ("In Vienna, Lund said she
        # backed ... the mutiny in Tarnland"), whose clause has the question's words: there
        # only the asked verb next to a place tells that the place is the act's.
        words = frame.intent != "where" or not answer_rules().speaker_verb.search(frame.text)
        margin = _PLACE_BOUND_MARGIN if frame.intent == "where" else _BOUND_MARGIN
        if frame.intent == "when" and self._bound_as_asked(frame, best):
            # "By when did Ford predict it would be profitable?": "by 2011" is the bound asked
            # for, whatever the other times' clauses share with the question.
            return best
        mine = self._clause_share(asked, names, best, verb, words)
        chosen = best
        exact = len(best.facts.get("when_iso", ""))
        for other in candidates:
            if other is best:
                continue
            if other.score < best.score - margin:
                break
            if (
                other.sentence.article.id != best.sentence.article.id
                or other.sentence.info.index != best.sentence.info.index
                # "his 2020 campaign": a year in the asked noun's phrase is no day of the act.
                or len(other.facts.get("when_iso", "")) < exact
                # "at the Army's Research and Referral Hospital": an owner is not the place.
                or re.search(re.escape(other.short) + r"['’]s\b", other.sentence.info.text)
            ):
                continue
            share = self._clause_share(asked, names, other, verb, words)
            if share > mine:
                chosen, mine = other, share
        if chosen is not best:
            log.append(f"{chosen.short!r} is in the clause of the question's words")
        return chosen

    @staticmethod
    def _first_other(
        best: Candidate,
        candidates: list[Candidate],
        fits: Callable[[Candidate], bool],
        why: str,
        log: list[str],
    ) -> Candidate:
        """The first candidate of `best`'s story that `fits`, else `best`."""
        for other in candidates:
            if other.sentence.article.id == best.sentence.article.id and fits(other):
                log.append(f"{other.short[:40]!r}: {why}")
                return other
        return best

    def _discussed_over_about(
        self, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """ "answered some questions about his campaign" says little of what was talked about
        where the same story says it with a verb of discussing ("With Wikinews, Orm discussed
        his background, the pandemic and ..."): the discussed items answer."""
        return self._first_other(
            best,
            candidates,
            lambda other: other.rule.startswith("topic:"),
            "what the story says was discussed",
            log,
        )

    def _narrowed_in_story(
        self, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """A headline's place ("Walter Munk dies in California") is answered by the town the
        story writes inside it ("died of pneumonia in La Jolla, California"): the headline
        shortens what the story says."""
        suffix = f", {best.short}"
        return self._first_other(
            best,
            candidates,
            lambda other: (
                other.kind is EntityKind.PLACE
                and other.sentence.info.index >= 0
                and f"{other.short}{suffix}" in other.sentence.info.text
            ),
            f"the story narrows the headline's {best.short!r}",
            log,
        )

    def _containing_place(
        self, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """A place its own sentence names inside a longer place ("Orvik" - "the Orvik Police
        Headquarters") is answered by the longer one: it says where, more exactly, and still
        says the town."""
        inner = fold(best.short)
        for other in candidates:
            if (
                other is not best
                and other.kind is EntityKind.PLACE
                and other.sentence.article.id == best.sentence.article.id
                and other.sentence.info.index == best.sentence.info.index
                and len(other.short.split()) <= _LONGEST_PLACE
                and fold(other.short) != inner
                and _has_word(fold(other.short), inner)
            ):
                log.append(f"{other.short!r} names a place inside {best.short!r}")
                return other
        return best

    def _plural_list(
        self, frame: QuestionFrame, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """ "To which countries ...?" asks for several: a list of places scored nearly as well
        as a single one answers it better (the single one may be a place of another event)."""
        if not _PLURAL_NOUN.search(frame.focus or "") or best.rule.startswith("place-list"):
            return best
        for other in candidates:
            if other.score < best.score - _LIST_MARGIN:
                break
            if other.rule.startswith("place-list"):
                log.append(f"{other.short!r}: the question asks for places in the plural")
                return other
        return best

    # --- constraints the question states, which an answer must not contradict ------------------

    def _counted(self, text: str) -> dict[str, frozenset[float]]:
        """The numbers a text gives with the noun they count or measure, by the noun's stem
        ("the 47-month term" -> month: {47}); an age ("49-year-old") is its own noun."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        found: dict[str, set[float]] = {}
        for match in rules.counted.finditer(text):
            number = match.group(1) or match.group(5)
            written = match.group(2) or match.group(3) or match.group(4)
            noun = fold(written)
            if noun in rules.not_counted:
                continue
            if written[:1].isupper() and number and len(re.sub(r"\D", "", number)) >= 3:
                # "the 787 Dreamliner", "the 2015 Summit": a model's or an edition's number
                # before a name counts nothing.
                continue
            value = _number_value(number, rules.number_values)
            if value is None:
                continue
            key = self.tokenizer.stem(noun)
            if rules.age_after.match(text[match.end() :]):
                key += "-old"
            found.setdefault(key, set()).add(value)
            if noun in rules.magnitude_nouns:
                found.setdefault(self.tokenizer.stem("magnitude"), set()).add(value)
            after = _NEXT_WORD.match(text, match.end())
            if after and noun.endswith(("ed", "ing")) and after.group(1) not in rules.not_counted:
                # "25 wounded people": the participle describes what is counted.
                found.setdefault(self.tokenizer.stem(after.group(1)), set()).add(value)
        for share in _PERCENT.finditer(text):
            # "rose another 1.4%" is not the rise of 0.77%; a share is keyed by the word it
            # measures ("inflation hit 5.1 percent" says nothing of shares that "gained 1.9").
            words = [
                w
                for w in _WORDS.findall(fold(text[max(0, share.start() - 40) : share.start()]))
                if w not in _PERCENT_FILLERS
            ]
            if words:
                key = "percent-" + self.tokenizer.stem(words[-1])
                found.setdefault(key, set()).add(float(share.group(1)))
        return {key: frozenset(values) for key, values in found.items()}

    def _number_contradicts(self, asked: dict[str, frozenset[float]], item: Scored) -> bool:
        """Whether a sentence gives a noun of the question only with other numbers than the
        question does: it is about another term, toll or quake than the one asked about."""
        given = self._counted(item.info.text)
        return any(stem in given and not given[stem] & values for stem, values in asked.items())

    def _number_holders(
        self, asked: dict[str, frozenset[float]], pool: list[Scored]
    ) -> dict[str, list[int]]:
        """Per article of the pool, its sentences that give the question's number with its noun
        ("the three-day conference"); empty when no article gives it so."""
        holders: dict[str, list[int]] = {}
        for article in {s.article.id: s.article for s in pool}.values():
            found = [
                info.index
                for info in self.analyses.get(article).sentences
                if any(
                    stem in given and given[stem] & values
                    for given in [self._counted(info.text)]
                    for stem, values in asked.items()
                )
            ]
            if found:
                holders[article.id] = found
        return holders

    def _number_elsewhere(self, holders: dict[str, list[int]], item: Scored) -> bool:
        """Whether other stories give the question's number with its noun ("the three-day
        conference") and this sentence's story never does: it reports another event. (Within a
        story, later sentences call the same event by its noun alone.)"""
        return bool(holders) and item.article.id not in holders

    def _asked_body_role(self, frame: QuestionFrame) -> re.Pattern[str] | None:
        """The role a question asks a place or body's holder of, with the words that set it
        apart ("Orvia's health minister"), as a pattern of the ways a story writes it ("health
        minister", "minister of health"); None for other questions."""
        from assistant.knowledge.lexicon import lexicon
        from assistant.qa.answer_rules import answer_rules

        match = answer_rules().possessive_role.match(frame.text)
        if not match:
            return None
        # "Orvia's only envoy": a function word before the role is no part of what a story
        # writes ("trade and industry" within it is).
        words = match.group("role").split()
        while len(words) > 1 and words[0] in self.tokenizer.stopwords:
            words = words[1:]
        noun = words[-1]
        if noun not in person_nouns() and noun not in lexicon().title_heads_folded:
            return None  # "Who is Orm's mother?" asks no role of a body
        asked = r"\s+".join(re.escape(w) for w in words)
        if "of" in words or "for" in words:
            shapes = [asked]
        else:
            modifiers = r"\s+".join(re.escape(w) for w in words[:-1])
            # "the minister of health", "the commissioner for trade and industry".
            shapes = [asked, rf"{re.escape(noun)}\s+(?:of|for)\s+(?:the\s+)?{modifiers}"]
        return re.compile(r"\b(?:" + "|".join(shapes) + r")s?\b", re.IGNORECASE)

    def _asked_body(self, frame: QuestionFrame) -> tuple[tuple[str, ...], bool]:
        """The folded words of the body a possessive role question names ("Who is the Orvia
        Party's candidate?" -> orvia, party), and whether a clause qualifies the role."""
        from assistant.qa.answer_rules import answer_rules

        match = answer_rules().possessive_role.match(frame.text)
        if not match:
            return (), False
        words = (fold(w) for w in match.group("body").split())
        body = tuple(w for w in words if w not in self.tokenizer.stopwords)
        return body, match.group("tail") is not None

    def _role_of_other_body(self, text: str, role: re.Match[str], body: tuple[str, ...]) -> bool:
        """Whether the role written at `role` is given as another body's: "the Kessby Party
        candidate", "Kessby's chief executive", "spokeswoman for the Kessby Lottery" name whose
        role it is right before or after it, and a body that is not the asked one (nor its
        initials or its country's adjective, "Orvian" for Orvia) holds another person's post.
        Title words ("Deputy", "Former") name no body."""
        if not body:
            return False
        before = _CAPITALISED_RUN.search(text[: role.start()])
        after = _ROLE_OF_BODY.match(text[role.end() :])
        runs = [m.group(1) if m is after else m.group(0) for m in (before, after) if m]
        return any(self._other_body(run, body) for run in runs)

    def _other_body(self, run: str, body: tuple[str, ...]) -> bool:
        """Whether capitalised words name a body other than the asked one."""
        from assistant.knowledge.lexicon import lexicon

        titles = lexicon().title_heads_folded
        # "the officer for GM.", "the U.S. envoy": compared without possessives and stops.
        words = [fold(re.sub(r"(?:'s|’s)?[.,;:]*$", "", w)).replace(".", "") for w in run.split()]
        named = [
            w
            for w in words
            if w and w not in self.tokenizer.stopwords and w not in titles and w not in _TITLE_WORDS
        ]
        if not named:
            return False
        body = tuple(w.replace(".", "") for w in body)
        # The same body when one name holds the other ("Kessby Motor Co." for Kessby), not
        # when they share a common noun ("the Kessby Lottery" is not the Orvia Lottery); by
        # its initials either way ("KU" for the Kessby Union, "General Foundries" for GF).
        countries = {self._country_of_adjective(w) or w for w in named}
        if set(body) <= set(named) | countries or set(named) <= set(body):
            return False
        initials = {"".join(w[0] for w in body), "".join(w[0] for w in named)}
        return not (set(body) | set(named)) & initials

    def _asked_act(self, frame: QuestionFrame) -> tuple[str, ...] | None:
        """The act a who/where/when question asks about, as stem prefixes of the words that may
        report it (its verb and the nouns of the same stem, and listed synonyms), or None when
        the question's shape does not show one. Made once per question."""
        return self._act_of(frame, any_time=False)

    def _stated_act(self, frame: QuestionFrame) -> tuple[str, ...] | None:
        """The act a who-question asks who did, past ones too ("Which crew first sighted the
        wreck?" -> sight), as stem prefixes like `_asked_act`'s. Made once per question."""
        return self._act_of(frame, any_time=True)

    def _act_of(self, frame: QuestionFrame, any_time: bool) -> tuple[str, ...] | None:
        key = ("\0" if any_time else "") + frame.text
        if key not in self._acts:
            if len(self._acts) > 1024:
                self._acts.clear()
                self._singling.clear()
            self._acts[key] = self._make_asked_act(frame, any_time=any_time)
        return self._acts[key]

    def _make_asked_act(
        self, frame: QuestionFrame, any_time: bool = False
    ) -> tuple[str, ...] | None:
        from assistant.prompts import irregular_forms
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        tokens = _QUESTION_TOKEN.findall(frame.text)
        if tokens and tokens[0].lower() == "and":
            tokens = tokens[1:]
        if len(tokens) < 3:
            return None
        lower = [t.lower() for t in tokens]
        stopwords = self.tokenizer.stopwords
        closers = rules.phrase_closers
        irregular = irregular_forms()

        def content(i: int) -> bool:
            t = tokens[i]
            return t[:1].islower() and t.isalpha() and t not in stopwords and t not in closers

        def participle(i: int) -> bool:
            t = tokens[i]
            return content(i) and (
                (len(t) > 4 and (t.endswith("ed") or t.endswith("ing"))) or t in irregular
            )

        def ends(i: int) -> bool:
            """Whether a verb phrase may end at word i: the question ends or a function word
            follows (not another content word or a name)."""
            if i + 1 >= len(tokens):
                return True
            following = tokens[i + 1]
            return following in "?,;:" or (
                following[:1].islower() and (following in stopwords or following in closers)
            )

        def phrase_head(start: int, stop: int | None = None) -> int | None:
            """The last content word of the noun phrase from `start` (leading function words
            and names skipped), ended by a function word or the question's end."""
            end = len(tokens) if stop is None else stop
            i = start
            while i < end and (not content(i) or lower[i] in _PARTICLES):
                if tokens[i] in "?,;:":
                    return None
                i += 1
            head = None
            while i < end and content(i):
                head = i
                i += 1
                if i + 1 < end and lower[i] == "of":
                    # "the new round of Orm's talks": the act is the talks
                    i += 1
                    while i < end and tokens[i][:1].isupper():
                        i += 1
            return head

        verb: int | None = None
        passive = False
        if frame.intent == "who" and lower[0] in {"who", "which", "what"}:
            k = 1
            if lower[0] != "who":
                # "Which group carried out ...", "Which astronaut was commanding ...".
                while k < 4 and k < len(tokens) and lower[k] not in _AUX_WORDS | _BE_WORDS:
                    if k > 1 and participle(k) and lower[k] not in irregular.values():
                        verb = k
                        break
                    k += 1
            if verb is None and k < len(tokens) - 1:
                if lower[k] in _AUX_WORDS:
                    j = k + 1
                    while j < len(tokens) and lower[j] in {"not", "be", "been", "have"}:
                        j += 1
                    if j < len(tokens) and content(j):
                        verb = j
                elif lower[k] in _BE_WORDS:
                    j = k + 1 + (lower[k + 1] == "being")
                    if j < len(tokens) and participle(j):
                        verb = j
                    else:
                        verb = self._verb_in_description(tokens, lower, j, content, participle)
        else:
            aux = next((i for i in range(1, min(6, len(tokens))) if lower[i] in _AUX_WORDS), None)
            b = next((i for i in range(1, min(6, len(tokens))) if lower[i] in _BE_WORDS), None)
            k = aux if aux is not None else 0
            if aux is not None and (b is None or aux < b):
                # "When did Orm and Lee sign ...?": after a subject of names, the first word in
                # lower case. (After "the ..." a noun and a verb look alike: left alone.)
                i = k + 1
                if (
                    lower[i : i + 1] == ["the"]
                    and tokens[i + 1 : i + 2][:1]
                    and tokens[i + 1][:1].isupper()
                ):
                    # "When did the Justice Department open ...": "the" before a name.
                    i += 1
                start = i
                skipped = start > k + 1
                while i < len(tokens) and (
                    tokens[i][:1].isupper() or (lower[i] == "and" and i > start)
                ):
                    if tokens[i].endswith(("'s", "’s")) and not (
                        i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
                    ):
                        # "Lee's trip": the subject goes on past the name ("Argentina's
                        # Congress vote": a name after the possessive still ends it).
                        return None
                    i += 1
                while i < len(tokens) and lower[i] in _ADVERBS:
                    i += 1
                if i > start and i + 1 < len(tokens) and content(i) and lower[i + 1] in _ADVERBS:
                    # "When will Lee's and Orm's officials next meet?": the verb is after the
                    # adverb, the word before it ends the subject.
                    i += 2
                if (
                    i > start
                    and i < len(tokens)
                    and content(i)
                    and (
                        ends(i)
                        # "When will Air Canada take delivery ...": a light verb's object follows.
                        or self.tokenizer.stem(irregular.get(lower[i], lower[i]))
                        in light_verb_stems(self.tokenizer.stem)
                    )
                ):
                    verb = i
                if verb is None and skipped:
                    # "When will the Dunmere permit office extend ...": a noun after the name;
                    # read as if the name were not there.
                    i = k + 1
                if (
                    verb is None
                    and i == k + 1
                    # "WHERE:MARA:DID": the name may be the question's last word.
                    and i < len(lower)
                    and lower[i] in closers
                    and _FUTURE_WORDS & set(lower[: k + 1])
                ):
                    # "When will the new council meet?": a noun and a verb look alike; the last
                    # word before a function word is taken, a noun of the subject at worst,
                    # which the story then has, so nothing is declined for it.
                    verb = next(
                        (
                            j
                            for j in range(i + 1, len(tokens))
                            if content(j)
                            and ends(j)
                            and lower[j] not in _ADVERBS | _ORDINALS
                            and (j + 1 == len(tokens) or lower[j + 1] != "of")
                        ),
                        None,
                    )
            elif b is not None:
                # "When was Orm arrested?": the first participle a function word follows.
                for i in range(b + 1, len(tokens)):
                    if participle(i) and ends(i):
                        verb = i
                        passive = not lower[i].endswith("ing")
                        break
        if verb is None:
            return None
        if lower[verb] == "place" and lower[verb - 1] == "take":
            verb -= 1  # "take place": the act is the subject's noun
        # "scheduled to meet": the act is the verb after "to".
        planned = bool(_FUTURE_WORDS & set(lower[:verb]))
        while (
            lower[verb] in rules.raising_words
            and verb + 2 < len(tokens)
            and lower[verb + 1] == "to"
            and content(verb + 2)
        ):
            verb += 2
            planned = True
        # "the first to land", "Which crew first sighted it": the act singles someone out.
        singled = (lower[verb - 1] == "to" and bool(_ORDINALS & set(lower[:verb]))) or (
            verb > 1 and lower[verb - 1] in _ORDINALS
        )
        if singled and not planned and not any_time:
            self._singling.add(frame.text)
        if not (planned or singled or any_time):
            # A past act is often told in other words than the question's ("quit the race":
            # "dropped out"); a planned one, or the one that singles a person out ("the first
            # to land"), a story states in the act's own words when it states it at all.
            return None
        word = irregular.get(lower[verb], lower[verb])
        base = self.tokenizer.stem(word)
        if word in rules.not_acts or base in {self.tokenizer.stem(w) for w in rules.not_acts}:
            return None
        occur = {self.tokenizer.stem(w) for w in ("occur", "happen")}
        light = light_verb_stems(self.tokenizer.stem) | occur
        if base in light:
            after = lower[verb + 1] if verb + 1 < len(tokens) else ""
            if after == "place" or passive or base in occur:
                # "Where did the summit take place?", "When was the vote held?": the act is
                # the subject's noun.
                start = (b if passive and b is not None else k or 0) + 1
                head = phrase_head(start, verb)
            elif after in _PARTICLES and after != "out":
                return None  # "take over", "give up": another verb than the light one
            else:
                head = phrase_head(verb + 1)
            if head is None or head == verb:
                return None
            word = lower[head]
            base = self.tokenizer.stem(word)
        prefix = base if len(base) <= 4 else base[: max(4, len(base) - 1)]
        synonyms = self._synonym_stems([word]).get(self.tokenizer.stem(word), frozenset())
        return (prefix, *sorted(synonyms))

    @staticmethod
    def _verb_in_description(
        tokens: list[str],
        lower: list[str],
        start: int,
        content: Callable[[int], bool],
        participle: Callable[[int], bool],
    ) -> int | None:
        """The verb of "Who was the man who drowned", "the first person to land", "the lawyer
        representing Orm": inside the description of the asked person."""
        for i in range(start, min(start + 8, len(tokens) - 1)):
            if lower[i] in {"who", "that"} and i > start:
                j = i + 1
                while j < len(tokens) and lower[j] in _AUX_WORDS | _BE_WORDS | {"been", "not"}:
                    j += 1
                return j if j < len(tokens) and content(j) else None
            if lower[i] == "to" and i > start + 1 and lower[start] == "the" and content(i + 1):
                return i + 1
            if i > start + 1 and lower[start] == "the" and participle(i) and content(i - 1):
                return i if tokens[i].endswith("ing") else None
            if tokens[i] in "?,;:" or (tokens[i][:1].isupper() and i > start + 1):
                return None
        return None

    def _article_tells(self, article: Article, prefixes: tuple[str, ...]) -> bool:
        """Whether the story reports the asked act anywhere, in its own lower-case words
        ("President Orm" is no act of presiding). Its stems are made once per story."""
        stems = self._lower_stems.get(article.id)
        if stems is None:
            if len(self._lower_stems) > 4096:
                self._lower_stems.clear()
            words = {fold(w) for w in _LOWER_WORD.findall(article.title + " " + article.text)}
            stems = self._lower_stems[article.id] = self.tokenizer.stems(
                words - self.tokenizer.stopwords
            )
        return _act_told(stems, prefixes)

    def _only_denied(self, text: str, prefixes: set[str]) -> bool:
        """Whether every word of the asked verb's stem (by its four-letter prefixes) in the
        sentence is denied by a negation a few words before it, in its clause."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        if not rules.asks_denied.search(text):
            return False  # no negation at all: nothing to read word by word
        denied = rules.denied_before
        found = False
        for word in _WORDS.finditer(text):
            if not any(self.tokenizer.stem(fold(word.group()))[:4] == p[:4] for p in prefixes):
                continue
            found = True
            start = max(0, word.start() - 60)
            if not denied.search(text, start, word.start()):
                return False
        return found

    def _narrow_role(self, frame: QuestionFrame) -> tuple[str, ...]:
        """The stems of the narrow person noun a who-question asks for ("pilot", "judge") and
        of the nouns a story writes for it ("lawyer": "counsel"), one of which the answering
        sentence must give; none for broad ones ("leader") and other questions, unless the
        question asks who was made it ("Who was chosen as leader of ...")."""
        from assistant.qa.answer_rules import answer_rules

        if frame.intent != "who":
            return ()
        rules = answer_rules()
        named_as = rules.role_after_as.search(frame.text)
        if named_as and fold(named_as.group(1)) in person_nouns():
            return (self.tokenizer.stem(fold(named_as.group(1))),)
        focus = _who_focus(frame.text)
        if focus is None or focus not in person_nouns() or focus in rules.broad_roles:
            return ()
        nouns = rules.role_synonyms.get(focus, frozenset({focus}))
        return tuple(sorted({self.tokenizer.stem(n) for n in nouns}))

    def _with_asked_body(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether "Which Barclays Capital analyst ...?" meets a name the sentence sets off with
        that body ("Ben Reitzes, with Barclays Capital, estimated ..."): the body the question
        gives its role says who is meant, though the story never writes the role."""
        focus = _who_focus(frame.text)
        if focus is None:
            return False
        owner = re.search(rf"((?:[A-Z0-9][\w&'’.-]*\s+)+){re.escape(focus)}\b", frame.text)
        body = re.sub(r"^(?:And\s+)?(?:Which|What)\s+", "", owner.group(1)).strip() if owner else ""
        if not body:
            return False
        return (
            re.search(
                # ("Paul Rivera of WESH 2 news" sets it off without the comma.)
                rf"[A-Z][\w'’-]+,?\s+(?:with|of|at|from)\s+(?:the\s+)?{re.escape(body)}\b",
                item.info.text,
            )
            is not None
        )

    def _role_given_before(self, frame: QuestionFrame, item: Scored, role: tuple[str, ...]) -> bool:
        """Whether the story gives a person the sentence names the asked role elsewhere
        ("surgeon Ivo Dahl ... Later, Dahl ..."): a story titles a person once and then uses the
        name alone, so the sentence is still about the asked one. (A person the story never
        gives the role is someone else.) Not for a role the question asks someone was made."""
        from assistant.qa.answer_rules import answer_rules

        focus = _who_focus(frame.text)
        if focus is None or answer_rules().role_after_as.search(frame.text):
            return False
        analysis = self.analyses.get(item.article)
        for mention in item.info.mentions:
            if mention.kind is not EntityKind.PERSON:
                continue
            name, title, _ = analysis.people.get(
                mention.key or "", (mention.name or mention.text, None, None)
            )
            if any(self.tokenizer.stem(w).startswith(role) for w in fold(title or "").split()):
                return True
            if self._describes_name(analysis, name, focus):
                return True
        return False

    def _speaker_titled(self, frame: QuestionFrame, item: Scored, role: tuple[str, ...]) -> bool:
        """Whether a bare quotation's speaker is given the asked role where the story names
        them (`quote_speaker`): 'Dan Cook, the senior market analyst at IG Markets, said ...
        "It's kind of like walking across a frozen pond."'"""
        speaker = self.quote_speaker(frame, item)
        return speaker is not None and any(
            t.startswith(role) for t in self._sentence_stems(speaker[0].article, speaker[0].info)
        )

    def _titled_otherwise(self, info: SentenceInfo) -> bool:
        """Whether the sentence gives a person a job noun the rules do not know ("ophthalmologist
        Ivo Dahl"): it may be a kind of the asked one ("Which doctor ...?"), while a known other
        one ("Mayor Ivo Dahl") says the person is not what was asked."""
        from assistant.qa.answer_rules import answer_rules

        nouns = person_nouns()
        for mention in info.mentions:
            if mention.kind is not EntityKind.PERSON:
                continue
            before = answer_rules().job_noun_before.search(info.text, 0, mention.start)
            if before and fold(before.group(1)) not in nouns:
                return True
        return False

    def _names_written(self, frame: QuestionFrame) -> tuple[str, ...]:
        """The question's one-word names that the corpus does not keep for names ("Reading",
        "Bath", "Young"), as the question writes them."""
        proper = self.engine.proper_words
        names = []
        for m in frame.strong_entities():
            text = m.text.strip()
            if (
                m.kind in {EntityKind.PLACE, EntityKind.PERSON}
                and re.fullmatch(r"[A-Z][a-z]+", text)
                and fold(text) not in proper
            ):
                names.append(text)
        return tuple(names)

    def _writes_names(self, article: Article, names: tuple[str, ...]) -> bool:
        """Whether a story writes each such name as a name: one that has the word only in lower
        case ("reading the report") is about none of it."""
        text = article.title + "\n" + article.text
        for name in names:
            if re.search(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", text):
                continue
            if re.search(r"(?<![\w'’-])" + re.escape(name.lower()) + r"(?![\w-])", text):
                return False
        return True

    def _counted_people(self, counted: dict[str, frozenset[float]]) -> dict[str, frozenset[float]]:
        """Those of the question's counted nouns that name people ("the three people killed")."""
        nouns = {self.tokenizer.stem(n) for n in person_nouns()}
        return {stem: values for stem, values in counted.items() if stem in nouns}

    def _away_from_counted(self, holders: dict[str, list[int]], item: Scored) -> bool:
        """Whether a sentence is away from where its story counts the people the question asks
        about ("Who were the three people killed?"): they are named there or next to it, and a
        name far from it is someone else's."""
        found = holders.get(item.article.id)
        return found is not None and not any(abs(i - item.info.index) <= 1 for i in found)

    def _codes(self, text: str) -> frozenset[str]:
        """The model or code names of a text ("A380", "Su-24"), folded."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        # "G-7" and "G7" are one code.
        return frozenset(
            fold(m.group()).replace("-", "")
            for m in rules.code_token.finditer(text)
            if not rules.not_code.match(m.group())
        )

    def _code_contradicts(self, asked: frozenset[str], item: Scored) -> bool:
        """Whether a sentence names model or code names, none of them the question's: "the
        A400M's maiden flight" does not answer a question about the A380's."""
        given = self._codes(item.info.text)
        return bool(given) and not any(
            a == b or a.startswith(b) or b.startswith(a) for a in asked for b in given
        )

    def _misfit(self, frame: QuestionFrame, candidate: Candidate, log: list[str]) -> bool:
        """Whether a candidate is of a kind the question rules out: one of the question's own
        names as the answer to a who-question, a nationality as a place, a headline's words the
        story never writes so, a region in an address as a person, a name not of the kind of
        place asked for ("Which prison ...")."""
        reason = self._misfit_reason(frame, candidate)
        if reason:
            log.append(f"candidate {candidate.short[:60]!r} dropped: {reason}")
        return reason is not None

    def _misfit_reason(self, frame: QuestionFrame, candidate: Candidate) -> str | None:
        from assistant.knowledge.lexicon import lexicon
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        short = candidate.short.strip()
        folded = fold(short)
        info = candidate.sentence.info
        intent = frame.intent
        if intent in {"who", "who_met"} and self._names_question_entity(frame, candidate):
            return "the question names it as its own participant"
        lex = lexicon()
        if (
            intent in {"where", "who", "who_met"}
            and (
                self._is_demonym(folded)
                # "Rwandans", "Kessbaris": the people of a nation, no one person or body.
                or (intent != "where" and folded.endswith("s") and self._is_demonym(folded[:-1]))
            )
            and folded not in lex.countries
            and folded not in lex.places
        ):
            return "a nationality is neither a place nor a person"
        if (
            intent == "who"
            and candidate.kind is not EntityKind.ORGANISATION
            and _medium_before(info.text, short)
        ):
            # "announced on Twitter", "said on Sunday": what follows "on" is where or when
            # it was said, not who did it.
            return "the medium or the day of the act"
        if (
            intent in {"where", "who", "who_met"}
            and info.index == -1
            and _title_cased(info.text)
            and short not in candidate.sentence.article.text
        ):
            return "a headline's capitals the story does not write so"
        if intent == "where" and self._title_domain(info, short, frame.text):
            # "Nickey Iyambo, former vice-president of Namibia, died on Sunday": the country
            # is whose vice-president he was, not where anything happened; "Berhe of Eritrea"
            # is where he is from.
            return "the domain of a title or a person's origin"
        if intent in {"who", "who_met"} and self._in_address(info, short):
            return "written in a place's address"
        if intent in {"who", "who_met", "where"} and short in _initialisms(frame.text):
            # "Who succeeded him as special representative for Afghanistan and Pakistan?" is
            # not answered by "SRAP", the post's own initials.
            return "the question's own words, abbreviated"
        if (
            intent in {"who", "who_met"}
            and short[:1].islower()
            and self._in_question(frame, short, person_words=False)
        ):
            # "Which Saudi teenager ...?" is not answered by "a Saudi teenager".
            return "only the question's own words"
        if (
            intent in {"who", "who_met"}
            and short == folded
            and (focus := _who_focus(frame.text) or "") in _ORG_FOCUS | _OUTLET_NOUNS
            and not _has_word(folded, focus.rstrip("s"))
        ):
            # "Which news agency did Franowska talk to?" asks for a body's name: "statement",
            # written all in lower case, names none (nor does it say it is an agency).
            return "no body's name"
        if intent in {"who", "who_met"} and _only_titles(short, lex.title_heads_folded):
            # "impeached two Presidents", "Republican Representatives attacked ...": a title
            # written without a name, capitals and all, names no one.
            return "a title without a name"
        if intent in {"who", "who_met"} and short in _BARE_BODY_HEADS:
            # "The Department issued a statement": the kind of body without its name.
            return "a body's kind without its name"
        if intent == "where" and short in media():
            # "In a video posted to Twitter": a medium is no place.
            return "a medium, not a place"
        if intent in {"who", "who_met"} and folded in _RANK_WORDS:
            # "Senate Majority leader Harry Reid": "Majority" alone is a word of a title (not
            # "Treasury" or "Police", which name bodies as well).
            return "a word of a title"

        many = (
            rules.asks_how_many_people.search(frame.text) if intent in {"who", "who_met"} else None
        )
        if many is not None:
            wanted = _number_value(many.group(1), rules.number_values) or 0
            if len(_NAME_LIST_SEPARATOR.split(short)) < wanted and (
                # A name the sentence lists with others is made the whole list later on.
                not candidate.highlight
                or len(
                    coordinated_run(candidate.sentence.info, candidate.highlight[0], _PARTY_KINDS)
                )
                < wanted
            ):
                return f"the question asks for {many.group(1)}"
        named = rules.asks_name_of.search(frame.text) if intent in {"who", "who_met"} else None
        if named is not None:
            analysis = self.analyses.get(candidate.sentence.article)
            head = named.group("head")
            if not all(
                self._describes_name(analysis, name, head)
                for name in _NAME_LIST_SEPARATOR.split(short)
            ):
                return f"the story does not name the {head}"
        if intent in {"who", "who_met"} and candidate.kind in (None, EntityKind.PERSON):
            other = self._called_otherwise(frame, candidate)
            if other:
                return f"the sentence gives it another job ({other})"
        kind_words = _asked_body_kind(frame.text) if intent in {"who", "who_met"} else ()
        if kind_words and not any(
            word in folded.split() or _describes_in(candidate.sentence.article.text, name, word)
            for name in _NAME_LIST_SEPARATOR.split(short)
            for word in kind_words
        ):
            # "Which construction company ...?" is not answered by a body the story never
            # calls a construction anything.
            return f"the story does not call it {' '.join(kind_words)}"
        employer = _asked_employer(frame) if intent in {"who", "who_met"} else None
        if employer and not self._tied_to_employer(frame, candidate, employer):
            # "Which UNESCO official told ...?" is not answered by the Greek minister whose
            # sentence mentions UNESCO: the story must write the person as the body's.
            return f"the story does not write it as {employer}'s"
        asked = rules.kind_asked.search(frame.text)
        if asked is not None:
            kind = fold(asked.group(1))
            if kind in rules.settlement_nouns:
                if candidate.kind not in (None, EntityKind.PLACE) or short in media():
                    # "via Twitter" is no city, though "via" cues places.
                    return f"not a {kind}"
            elif kind in rules.country_nouns:
                names = [n.strip() for n in _NAME_LIST_SEPARATOR.split(folded)]
                if candidate.kind is not EntityKind.COUNTRY and not any(
                    n.removeprefix("the ") in lex.countries for n in names
                ):
                    return f"not a {kind}"
            elif kind in rules.day_nouns:
                if intent == "when" and _day(candidate) is None:
                    return f"not a {kind}"
            elif kind in rules.kind_words and not self._of_kind(candidate, rules.kind_words[kind]):
                return f"not a {kind}"
        return None

    def _tied_to_employer(self, frame: QuestionFrame, candidate: Candidate, employer: str) -> bool:
        """Whether the candidate's story writes one of its names as the employer's person:
        "Citigroup chief executive Vikram Pandit", "Reitzes, with Barclays Capital", "Irina
        Bokova, head of UNESCO"; or gives them the asked noun and no other allegiance
        ("Spokeswoman Sandy Angers" in a story about Boeing)."""
        names = [n for n in _NAME_LIST_SEPARATOR.split(candidate.short) if n]
        if any(fold(employer) in fold(n) for n in names):
            return True
        article = candidate.sentence.article
        key = (article.id, candidate.short, employer)
        found = self._described.get(key)
        if found is None:
            focus = _who_focus(frame.text) or ""
            # The headline too: "MIT professor Dr Seager tells Wikinews ...".
            story = f"{article.title}.\n{article.text}"
            # "the Federal Bureau of Investigation's David Bowdich" is the FBI's.
            forms = _body_forms(employer) + tuple(
                {m.group(): None for m in _spelled_out(employer).finditer(story)}
            )
            found = any(_employed_in(story, n, form) for n in names for form in forms) or (
                candidate.kind is not EntityKind.ORGANISATION
                and any(_describes_in(article.text, n, focus) for n in names)
                and not self._owes_other_allegiance(candidate, names, employer)
            )
            self._described[key] = found
        return found

    def _owes_other_allegiance(self, candidate: Candidate, names: list[str], employer: str) -> bool:
        """Whether the story titles a person by a nation ("Greek Foreign Minister George
        Katrougalos", "the Turkish President Recep Tayyip Erdoğan") or writes them as another
        body's ("Lena Orm, an economist at Varn Bank"): then not the asked body's. A bare
        "Spokeswoman Sandy Angers" in a story about Boeing may well be Boeing's."""
        article = candidate.sentence.article
        text = article.text
        surnames = {fold(n).split()[-1] for n in names if n.split()}
        mentions = [m for info in self.analyses.get(article).sentences for m in info.mentions]
        # Every spelling the story gives the same person ("Erdoğan", "Erdogan").
        spellings = set(names) | {
            spelling
            for m in mentions
            for spelling in (m.text, m.name)
            if m.kind is EntityKind.PERSON and set(fold(m.name or m.text).split()[-1:]) & surnames
        }
        for name in spellings:
            for start in _word_starts(text, name):
                title = _CAPITALS_BEFORE.search(text, max(0, start - 60), start)
                if title and any(self._is_demonym(fold(w)) for w in title.group().split()[:-1]):
                    return True
        # "Port Serin coach Elena Vasilescu": the asked body's shorter name is no other body.
        bodies = {
            m.text
            for m in mentions
            if m.kind is EntityKind.ORGANISATION and not _has_word(fold(employer), fold(m.text))
        }
        return any(_employed_in(text, name, body) for name in names for body in bodies)

    def _title_domain(self, info: SentenceInfo, place: str, question: str) -> bool:
        """Whether every place a sentence writes `place` it is a title's domain or a person's
        origin: right after a title or person noun and "of" ("vice-president of Namibia",
        "the mayor of Orvik"), or after a person's name and "of" ("Medhane Berhe of
        Eritrea"). Not when the question asks about the title ("In which city is Orm the
        mayor?") or where someone is from."""
        from assistant.knowledge.lexicon import lexicon

        text = info.text
        heads = lexicon().title_heads_folded
        asked = {fold(w).split("-")[-1] for w in _WORDS.findall(question)}
        origin_asked = _ASKS_ORIGIN.search(question) is not None
        starts = list(_word_starts(text, place))
        if not starts:
            return False
        for start in starts:
            before = _TITLE_OF.search(text, max(0, start - 40), start)
            if before is None:
                return False
            noun = fold(before.group(1)).split("-")[-1]
            named = not origin_asked and any(
                m.kind is EntityKind.PERSON and m.end == before.end(1) for m in info.mentions
            )
            if not named and ((noun not in heads and noun not in person_nouns()) or noun in asked):
                return False
        return True

    def _called_otherwise(self, frame: QuestionFrame, candidate: Candidate) -> str | None:
        """A job noun the answering sentence gives every named person of the candidate, of no
        family of the noun the question asks for ("Which pilot ...?" - "Ivo Dahl, the
        ambassador"); None when any of them may be what was asked."""
        from assistant.qa.answer_rules import answer_rules

        families = answer_rules().role_families
        focus = _who_focus(frame.text)
        asked = families.get(focus) if focus else None
        if not asked:
            return None
        text = candidate.sentence.info.text
        found = None
        for name in _NAME_LIST_SEPARATOR.split(candidate.short):
            if _asked_noun_before(text, focus or "", name):
                # The asked noun is his, the title after it too.
                return None
            roles = self._roles_given(text, name)
            called = [r for r in roles if r in families]
            if not called or any(r == focus or families[r] & asked for r in called):
                return None
            found = called[0]
        return found

    def _roles_given(self, text: str, name: str) -> set[str]:
        """The person nouns a sentence writes as a name's title ("candidate Ivo Dahl", "Orvia's
        envoy, Ivo Dahl") or after it ("Ivo Dahl, Orvia's envoy to Tessel, ...")."""
        nouns = person_nouns()
        parts = [t for t in _WORDS.findall(name) if t[:1].isupper()]
        if not parts:
            return set()
        roles: set[str] = set()
        for start in _word_starts(text, parts[0]):
            before = _TITLE_BEFORE.search(text, max(0, start - 80), start)
            if before and fold(before.group(1)) in nouns:
                roles.add(fold(before.group(1)))
                # "the firm's chief executive officer, Alan Mulally": the nouns before the
                # head say what the person is as well.
                run = _LOWER_RUN_END.search(text, max(0, before.start(1) - 40), before.start(1))
                for word in reversed(run.group().split() if run else ()):
                    if word not in nouns:
                        break
                    roles.add(word)
        for start in _word_starts(text, parts[-1]):
            after = _APPOSITION_AFTER.match(text, start + len(parts[-1]))
            if after:
                words = [fold(w) for w in _WORDS.findall(after.group(1))]
                at = next((i for i, w in enumerate(words) if w in nouns), None)
                if at is not None:
                    # "the general manager of ...", "the Apple Chief Executive Officer": every
                    # noun of the run, the head last, says what the person is.
                    roles.add(words[at])
                    while at + 1 < len(words) and words[at + 1] in nouns:
                        at += 1
                        roles.add(words[at])
        return roles

    def _is_demonym(self, word: str) -> bool:
        """Whether a folded word is an adjective of nationality: listed, or a country's name
        and "n" ("Moldovan"), or the regular "-i" of one ("Kessbari")."""
        from assistant.knowledge.lexicon import lexicon

        countries = lexicon().countries
        return self._country_of_adjective(word) is not None or (
            len(word) > 4 and word.endswith("n") and word[:-1] in countries
        )

    def _of_kind(self, candidate: Candidate, heads: frozenset[str]) -> bool:
        """Whether a candidate names a place of the asked kind: headed by a word of the kind
        ("Belmarsh Prison"), or, not being a known town, region or country, given in a
        sentence that speaks of a place of the kind."""
        from assistant.knowledge.lexicon import lexicon

        folded = fold(candidate.short)
        if set(_WORDS.findall(folded)) & heads:
            return True
        lex = lexicon()
        towns = (folded, *(p.strip() for p in folded.split(",")))
        if candidate.kind is EntityKind.COUNTRY or any(
            t in lex.places or t in lex.countries or t in lex.regions or t in lex.minor_places
            for t in towns
        ):
            return False
        text, short = candidate.sentence.info.text, candidate.short
        at = text.find(short)
        if at >= 0 and set(_WORDS.findall(fold(text[at + len(short) :]))[:1]) & heads:
            return True  # "Vell's City University", cut short before its noun
        # Not a town: a name the sentence gives beside a place of the kind ("moved from the
        # hospital in Vell to Ostra"); "to life in prison" names none.
        return any(
            word in heads
            for pair in _DETERMINED_NOUN.findall(fold(candidate.sentence.info.text))
            for word in pair
        )

    def _in_address(self, info: SentenceInfo, name: str) -> bool:
        """Whether a name is written as part of a place's address ("in Reading, X, UK"): after
        a place and a comma, and a known place itself or before a comma and a place, or the
        end."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        at = info.text.find(name)
        if at <= 0 or not rules.place_before.search(info.text[:at]):
            return False
        from assistant.knowledge.lexicon import lexicon

        lex = lexicon()
        if fold(name) in lex.countries or fold(name) in lex.places:
            return True
        end = at + len(name)
        after = rules.place_after.match(info.text[end:])
        if after is None:
            return False
        if after.group(1) is None:
            return True  # the sentence ends there
        return any(
            m.kind in {EntityKind.PLACE, EntityKind.COUNTRY} and m.start == end + after.end()
            for m in info.mentions
        )

    def _names_question_entity(self, frame: QuestionFrame, candidate: Candidate) -> bool:
        """Whether a who-answer is one of the question's own names: "Who will take over from
        Orm?" is not answered by Orm, however the sentence spells him out."""
        asked = {fold(t) for m in frame.entities for t in (m.text, m.name) if t}
        folded = fold(candidate.short)
        if folded in asked:
            return True
        # The question names a person by one word ("Orm"): the candidate is that person when
        # the story's main bearer of the name is the candidate; a relative sharing the surname
        # ("Ada Orm") is another.
        words = folded.split()
        if len(words) < 2 or not asked & set(words):
            return False
        bearer = self._main_bearer(candidate.sentence.article, words[-1])
        return bearer is not None and (set(bearer.split()) <= set(words) or bearer == folded)

    def _main_bearer(self, article: Article, surname: str) -> str | None:
        """The person the story names most often of those whose name ends in `surname`."""
        counts: dict[str, int] = {}
        for info in self.analyses.get(article).sentences:
            for m in info.mentions:
                name = fold(m.name or m.text)
                if m.kind is EntityKind.PERSON and name.split()[-1:] == [surname]:
                    counts[name] = counts.get(name, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def _topic_of_talks(self, frame: QuestionFrame, candidate: Candidate, item: Scored) -> bool:
        """Whether a list the topic rules found is what someone talked about. "including" is
        the one cue that says nothing of talks by itself ("aid to other nations, including
        Vessia"): its list is a topic only in a sentence that reports a meeting or a
        discussion."""
        if candidate.rule != "topic:including":
            return True
        from assistant.knowledge.meetings import rules

        text = item.info.text
        return (
            bool(self._meetings_for(frame, item))
            or bool(_MEET_VERB.search(text))
            or any(
                m is not None and m.group().lower() != "including"
                for m in (p.search(text) for p in rules().topics)
            )
        )

    def _others_meeting(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether the sentence's meeting is one between other bodies than the question asks
        about: "Where did the Tessel board meet?" is not answered by "The union leaders of
        Harrow had met in Vard at the same time". Read from the subject of the sentence's first
        meeting word: a body named there, when none of the question's bodies is named before
        it, holds that meeting. (A person there may speak for the asked body, so only bodies
        count.)"""
        bodies = [m for m in frame.strong_entities() if m.kind is EntityKind.ORGANISATION]
        if not bodies:
            return False
        from assistant.qa.answer_rules import answer_rules

        info = item.info
        verb = answer_rules().in_person_said.search(info.text)
        if verb is None:
            return False
        clause = max(info.text.rfind(";", 0, verb.start()), 0)
        subject = [
            m
            for m in info.mentions
            if clause <= m.start < verb.start() and m.kind is EntityKind.ORGANISATION
        ]
        # "The G9 nations", "EU ministers": a body named by its acronym, which the entity rules
        # may leave out.
        if not subject and not _ACRONYM.search(info.text, clause, verb.start()):
            return False
        keys = {m.key for m in frame.strong_entities()}
        if any(m.key in keys for m in info.mentions if m.start < verb.start()):
            return False
        before = FoldedText(info.text[: verb.start()])
        return not any(
            before.has(fold(name))
            for m in frame.strong_entities()
            if m.kind not in {EntityKind.PLACE, EntityKind.COUNTRY}
            for name in {m.name or m.text, m.text}
        )

    def _lacks_a_participant(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether a sentence leaves out one of the people a question says met ("Where did Orm
        and Vess meet?" is not answered by "Orm said at a meeting in Kessby ..."): each must be
        in it by name, or by "the two leaders" when they were the last pair named, or take part
        in a meeting it reports."""
        people = [
            m
            for m in frame.strong_entities()
            if m.kind is EntityKind.PERSON and m.rule in _CONFIRMED_PEOPLE
        ]
        if len(people) < 2:
            return False
        info = item.info
        analysis = self.analyses.get(item.article)
        if self._plural_reference(analysis, info) and self._pair_is(analysis, info, people):
            return False
        meetings = self._meetings_for(frame, item)
        for person in people:
            if any(
                m.kind is EntityKind.PERSON and self._same_entity(m.name or m.text, person)
                for m in info.mentions
            ) or self._sentence_has(info, person):
                continue
            if any(
                self._same_entity(p.name, person)
                for meeting in meetings
                for p in meeting.participants
            ):
                continue
            return True
        return False

    def _time_contradicts(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether the sentence dates what it reports to another day or year than the question
        asks about: "Where did Orm meet Vess on Friday?" is not answered by a sentence dated to a
        Tuesday, nor "... in 2019?" by one dated 2021. A sentence with no date, or with one
        date that fits among others, does not contradict it."""
        if frame.intent == "when":
            return False
        article = item.article
        from assistant.qa.answer_rules import answer_rules

        other = answer_rules().other_event_time
        # The question's own wh-word ("Who ...", "When ...") subordinates nothing.
        opening = _LEADING_WH.match(frame.text)
        start = opening.end() if opening else 0
        wanted = [
            t
            for t in _question_times(frame.text, article.date)
            if not other.search(frame.text, start, t.start)
        ]
        if not wanted:
            return False
        # Any time of the sentence may be the asked one; only a time of its main clause can rule
        # it out.
        dated = [t for t in item.info.times if t.iso]
        if not dated:
            return False
        if any(_time_fits(want, time) for time in dated for want in wanted):
            return False
        text = item.info.text
        return any(not other.search(text[: t.start]) for t in dated)

    def _passive_paraphrases(self, frame: QuestionFrame) -> frozenset[str]:
        """The stems of the listed paraphrases of the act `_passive_act` finds."""
        word = self._passive_word(frame)
        if word is None:
            return frozenset()
        return self._synonym_stems([word]).get(self.tokenizer.stem(word), frozenset())

    def _passive_word(self, frame: QuestionFrame) -> str | None:
        from assistant.qa.answer_rules import answer_rules

        if frame.intent == "when":
            pattern = answer_rules().passive_act
        elif frame.intent == "where":
            pattern = answer_rules().future_passive_place
        else:
            return None
        match = pattern.match(frame.text)
        return None if match is None else match.group(1)

    def _passive_act(self, frame: QuestionFrame) -> str | None:
        """The first letters of the act a passive when-question asks the date of ("When was
        Orm appointed?" -> "appo"), or a passive where-question about what is still to come
        the place of ("Where will Orm be buried?"), which the answer's sentence must name: a
        date or place there of another act ("Orm died on Monday in Kessby") is no answer."""
        word = self._passive_word(frame)
        return None if word is None else self.tokenizer.stem(word)[:4]

    def _asks_in_person(self, frame: QuestionFrame) -> bool:
        """A where- or when-question about meeting in person, not about a call."""
        if frame.intent not in {"where", "when"}:
            return False
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        return bool(rules.asks_in_person.search(frame.text)) and not rules.remote_contact.search(
            frame.text
        )

    def _asks_remote(self, frame: QuestionFrame) -> bool:
        """A who-met question about a call, not about meeting in person ("Whom did Orm call?",
        "Which leader has not answered his calls?")."""
        if frame.intent != "who_met":
            return False
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        # "despite having called the paper 'failing'": calling something a name is no call.
        text = _CALLED_A_NAME.sub("", frame.text)
        return bool(rules.remote_contact.search(text)) and not rules.asks_in_person.search(text)

    def _only_in_person(self, item: Scored) -> bool:
        """Whether the sentence reports meeting in person and no call at all: it does not say
        whom someone called ("Orm met the opposition leaders" for "Whom did Orm call?")."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        text = item.info.text
        return bool(rules.in_person_said.search(text)) and not rules.remote_contact.search(text)

    def _only_remote(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether the only contact the sentence reports is by phone or video ("The two spoke by
        telephone Sunday"): "Where did Orm and Vess meet?" is not answered by the office Orm
        took the call in, nor "When did they meet?" by its date. Read from the words, not the
        extracted meetings: those merge a call with a later meeting of the same people."""
        from assistant.qa.answer_rules import answer_rules

        rules = answer_rules()
        text = item.info.text
        calls = [m.span() for m in rules.remote_said.finditer(text)]
        return bool(calls) and not any(
            not any(start <= m.start() < end for start, end in calls)
            for m in rules.in_person_said.finditer(text)
        )

    def _only_planned(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether every meeting the sentence reports is one still to happen."""
        meetings = self._meetings_for(frame, item)
        return bool(meetings) and all(m.status == "planned" for m in meetings)

    def _anchored(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether a sentence is about what the question names, so that an answer may come from it.

        A person the question names (and the corpus confirms as a person) must be in the
        sentence itself, by name, title, pronoun or "the two leaders", or take part in a meeting
        the sentence reports. For a when-question, another named thing must be in the sentence
        unless the sentence matches the question's own words closely.
        """
        strong = frame.strong_entities()
        identifying = frame.identifying()
        people = [
            m
            for m in strong
            if m.kind is EntityKind.PERSON and m.rule in _CONFIRMED_PEOPLE and m not in identifying
        ]
        info = item.info
        places = self._place_constraints(frame)
        if frame.intent == "who_met" and places:
            # "Who did X meet in Osaka?": the sentence, its story's dateline or the meeting it
            # reports must be in one of the places the question names.
            dateline = fold(item.article.dateline or "")
            in_place = any(
                fold(p.name or p.text) == dateline or self._sentence_has(info, p) for p in places
            ) or any(
                meeting.place is not None and self._place_fits(frame, meeting)
                for meeting in self._meetings_for(frame, item)
            )
            if not in_place and not self._setting_carried(frame, item, places):
                return False
            sites = [p for p in places if p.kind is EntityKind.ORGANISATION]
            if sites and not self._window_hits(self.analyses.get(item.article), info.index, sites):
                # "meet at the Norvessan Foreign Ministry": a building narrower than the city
                # the story is set in, so it must be named around the answer.
                return False
        settings = [
            p
            for p in places
            if p not in identifying
            and _PLACE_PREPOSITION.search(frame.text[max(0, p.start - 20) : p.start])
            # "wounded in the Surigao earthquake": the place says which quake, and the
            # answer's sentence may call it "the quake".
            and not (
                _THE_BEFORE.search(frame.text[max(0, p.start - 20) : p.start])
                and _LOWER_NOUN_AFTER.match(frame.text, p.end)
            )
        ]
        if frame.intent == "where" and settings:
            # "Which building in Brennmark": a sentence about a hall in another city does not
            # answer; the place the question sets the event in ("in", "at", not "grip on
            # Crimea") must be in the sentence, a neighbour or the dateline.
            dateline = fold(item.article.dateline or "")
            analysis = self.analyses.get(item.article)
            if (
                not any(fold(p.name or p.text) == dateline for p in settings)
                and not self._window_hits(analysis, info.index, settings)
                and not (
                    # A headline that sets the story there ("Cargo plane crashes into Karaj
                    # houses") sets every sentence of it there, as a dateline does.
                    analysis.title is not None
                    and all(self._sentence_has(analysis.title, p) for p in settings)
                )
            ):
                return False
        if people:
            analysis = self.analyses.get(item.article)
            if any(
                m.kind is EntityKind.PERSON and self._same_entity(m.name or m.text, p)
                for m in info.mentions
                for p in people
            ):
                return True
            if len(people) >= 2 and self._plural_reference(analysis, info):
                # "The two leaders" are the question's people only if they were the last named.
                return self._pair_is(analysis, info, people)
            if any(self._sentence_has(info, m) for m in people):
                return True
            if self._opening_then_pronoun(analysis, info, people):
                return True
            if _FIRST_PERSON.search(info.text) and any(
                self._same_entity(speaker, p)
                for speaker in [self._interview_speaker(analysis, info.index)]
                if speaker
                for p in people
            ):
                # "((Ivo Dahl)) ... And I started the firm in 2018.": in an interview's answer
                # "I" is the one whose turn it is.
                return True
            if self._names_by_noun(analysis, info, people) or any(
                self._pronoun_continues(analysis, info.index, p)
                or self._quote_continues(analysis, info.index, p)
                or (
                    self._thing_named(analysis, p)
                    and info.index > 0
                    and self._sentence_has(analysis.sentences[info.index - 1], p)
                    and self._body_noun_refers(analysis, info.index, p)
                )
                for p in people
            ):
                return True
            if (
                _EVENT_SUBJECT.match(info.text) or self._asked_noun_subject(frame, info.text)
            ) and not any(m.kind is EntityKind.PERSON for m in info.mentions):
                # "The agenda included ...", "The meeting was held to ...": the event the
                # sentences just before report, when they name the question's people.
                sentences = analysis.sentences
                for index in range(info.index - 1, max(-1, info.index - 3), -1):
                    if 0 <= index < len(sentences) and any(
                        self._sentence_has(sentences[index], m) for m in people
                    ):
                        return True
                if (
                    self._asked_noun_subject(frame, info.text)
                    and analysis.title is not None
                    and all(self._sentence_has(analysis.title, m) for m in people)
                ):
                    # "The flight started in ...": the story is about the person its headline
                    # names, however many sentences back the body last named them.
                    return True
            if (
                frame.intent in {"when", "where"}
                and not info.all_people()
                and self._noun_refers_back(frame, item, people)
            ):
                # "... a cease-fire brokered by Kofi Annan. ... to observe the cease-fire which
                # began on April 12": "the" and the question's noun go on about the thing the
                # sentence before told with the question's person.
                return True
            if (
                frame.intent == "when"
                and len(people) == 1
                and item.coverage >= _UNPEOPLED_COVERAGE
                and not info.all_people()
                and _FIRST_PERSON.search(info.text) is None
            ):
                # "Sentencing is scheduled for February 4.", "On Wednesday, a federal judge
                # sentenced a doctor ...": a sentence of the person's story that tells the
                # asked act in all its words and names no one else dates their act. (Not for
                # places: "NATO ambassadors met in Brussels" is no meeting of Hagel's.)
                return True
            return any(
                any(self._same_entity(p.name, m) for p in meeting.participants for m in people)
                for meeting in self._meetings_for(frame, item)
            )
        others = [m for m in strong if m.kind is not EntityKind.PERSON]
        if frame.intent == "when" and others:
            return (
                item.entity_hits >= 1
                or item.coverage >= 0.6
                or self._definite_noun_continues(frame, item, others)
            )
        return True

    def _quote_continues(self, analysis: ArticleAnalysis, index: int, person: Mention) -> bool:
        """Whether sentence `index` is a quotation standing alone right after one the person is
        said to have spoken: '"It took too long," said analyst Weafer. "They were afraid of
        panic selling ..."' goes on in Weafer's words."""
        from assistant.qa.answer_rules import answer_rules

        sentences = analysis.sentences
        if not 0 < index < len(sentences):
            return False
        text = sentences[index].text
        says = answer_rules().speaker_verb
        if not _OPENS_QUOTE.match(text) or says.search(text):
            return False
        before = sentences[index - 1]
        return (
            _OPENS_QUOTE.search(before.text) is not None
            and says.search(before.text) is not None
            and self._sentence_has(before, person)
        )

    @staticmethod
    def _interview_speaker(analysis: ArticleAnalysis, index: int) -> str | None:
        """Whose turn sentence `index` is in an interview written "((Name)) answer ...": the
        name of the last turn mark at or before it (an interviewer's mark included)."""
        sentences = analysis.sentences
        if index < 0 or "((" not in analysis.article.text:
            return None
        for i in range(index, max(-1, index - 40), -1):
            mark = _TURN_MARK.match(sentences[i].text)
            if mark:
                return mark.group(1)
        return None

    def _opening_then_pronoun(
        self, analysis: ArticleAnalysis, info: SentenceInfo, people: list[Mention]
    ) -> bool:
        """Whether "he" or "she" after an opening phrase is the sentence's subject, naming no one
        before it, and the sentence before has one of the people as its subject: "Orm was 71.
        According to the paper, he died at ..." goes on about Orm."""
        from assistant.qa.answer_rules import answer_rules

        match = answer_rules().anchor_person_pronoun.match(info.text)
        if match is None or info.index < 1 or info.index >= len(analysis.sentences):
            return False
        if any(m.kind is EntityKind.PERSON and m.start < match.end() for m in info.mentions):
            return False
        before = analysis.sentences[info.index - 1]
        return any(self._is_subject(before, p) for p in people)

    def _definite_noun_continues(
        self, frame: QuestionFrame, item: Scored, named: list[Mention]
    ) -> bool:
        """ "When did the court hand down its decision in the Orm case?" - "The decision was
        handed down Tuesday.": a sentence whose subject is "the" and a noun the question gives a
        determiner ("its decision", "the ruling") goes on about the thing the sentences just
        before, or the headline, tell with the question's names."""
        subject = _DEFINITE_SUBJECT.match(item.info.text)
        if not subject:
            return False
        noun = self.tokenizer.stem(fold(subject.group(1)).lower())
        asked = _WORDS.findall(fold(frame.text).lower())
        if not any(
            asked[i] in _DETERMINED_BY and self.tokenizer.stem(asked[i + 1]) == noun
            for i in range(len(asked) - 1)
        ):
            return False
        analysis = self.analyses.get(item.article)
        before = [
            analysis.sentences[i]
            for i in range(item.info.index - 1, item.info.index - 3, -1)
            if i >= 0
        ]
        if analysis.title is not None:
            before.append(analysis.title)
        return any(all(self._sentence_has(info, m) for m in named) for info in before)

    def _noun_refers_back(self, frame: QuestionFrame, item: Scored, named: list[Mention]) -> bool:
        """Whether the sentence writes "the" and a noun the question gives a determiner ("the
        cease-fire"), anywhere in it, and one of the two sentences before names all of `named`
        with that noun too: the thing they told of, taken up again."""
        asked = _WORDS.findall(fold(frame.text).lower())
        nouns = {
            self.tokenizer.stem(asked[i + 1])
            for i in range(len(asked) - 1)
            if asked[i] in _DETERMINED_BY and asked[i + 1] not in self.tokenizer.stopwords
        }
        said = _WORDS.findall(fold(item.info.text).lower())
        referred = {
            self.tokenizer.stem(said[i + 1]) for i in range(len(said) - 1) if said[i] == "the"
        } & nouns
        if not referred:
            return False
        analysis = self.analyses.get(item.article)
        for index in range(item.info.index - 1, max(-1, item.info.index - 3), -1):
            before = analysis.sentences[index]
            if all(self._sentence_has(before, m) for m in named) and referred & set(
                self.tokenizer(before.text)
            ):
                return True
        return False

    def _names_by_noun(
        self, analysis: ArticleAnalysis, info: SentenceInfo, people: list[Mention]
    ) -> bool:
        """Whether the sentence refers to one of `people` by a definite noun alone ("Relatives
        of the boy ...", "urging the Prime Minister to resign"): the noun stands for the
        nearest person named before the sentence that it fits. A person named in the same
        sentence is not that antecedent ("Former Prime Minister Orm urged the Prime Minister
        ..." is about two people)."""
        from assistant.qa.answer_rules import answer_rules

        for match in answer_rules().anchor_person_reference.finditer(info.text):
            if any(
                m.key and m.kind is EntityKind.PERSON and m.start <= match.start("head") < m.end
                for m in info.mentions
            ):
                continue  # part of a person's name and title (a bare title is not)
            head = match.group("head").lower()
            former = "former" in match.group("mods").lower()
            key = (analysis.article.id, info.index, head, former)
            if key not in self._antecedents:
                if len(self._antecedents) > 100_000:
                    self._antecedents.clear()
                self._antecedents[key] = self._noun_antecedent(analysis, info.index, head, former)
            antecedent = self._antecedents[key]
            if antecedent is not None and any(
                self._same_entity(p.name or p.text, antecedent) for p in people
            ):
                return True
        return False

    def _noun_antecedent(
        self, analysis: ArticleAnalysis, index: int, head: str, former: bool
    ) -> Mention | None:
        """The nearest person before sentence `index` that the noun `head` fits: one whose title
        has it (a former holder only for "the former ..."), or one the story describes with it
        ("Ana Ruiz, a nurse from ..." for "the nurse"); a bare noun of no title ("the boy")
        also fits an untitled person of the sentence just before."""
        from assistant.knowledge.lexicon import lexicon

        titles = {t.lower() for t in lexicon().title_heads_folded}
        # A title is particular enough to look back through the whole story for its holder.
        for back in range(index - 1, -1, -1):
            for person in reversed(analysis.sentences[back].all_people()):
                name, title, _ = analysis.people.get(
                    person.key, (person.name or person.text, person.title, None)
                )
                words = fold(title or "").lower().split()
                if head in words:
                    if ("former" in words or "ex" in words) == former:
                        return person
                    continue
                if back < index - 4:
                    continue
                if self._describes_name(analysis, name, head) or (
                    back == index - 1 and not title and head not in titles
                ):
                    return person
        return None

    def _asked_noun_subject(self, frame: QuestionFrame, text: str) -> bool:
        """A sentence whose subject is "the" and the noun the question gives its person
        ("Where did Orm's flight end?" - "The flight ended in Kessby"): it goes on about that
        person's act, named in the sentences before."""
        subject = _DEFINITE_SUBJECT.match(text)
        bare = _BARE_COPULAR_SUBJECT.match(text) if not subject else None
        if bare:
            # "Preliminary court date is July 16.": a subject without its determiner, as notes
            # are written, goes on about the question's noun when the question has all its
            # words ("X's preliminary court date").
            asked = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(frame.text)}
            if not {self.tokenizer.stem(fold(w)) for w in bare.group(1).split()} <= asked:
                return False
            subject = bare
        owned = {
            self.tokenizer.stem(fold(word))
            for found in _POSSESSED_NOUN.finditer(frame.text)
            for word in found.groups()
            if word
        }
        if not owned:
            return False
        if subject:
            return self.tokenizer.stem(fold(subject.group(1).split()[0])) in owned
        # "Per the request, Parliament would ...": the noun the question's person owns
        # ("Johnson's request"), named with "the" anywhere before the sentence's verb.
        return any(
            self.tokenizer.stem(fold(found.group(1))) in owned
            for found in _THE_NOUN.finditer(text, 0, 60)
        )

    def _plural_reference(self, analysis: ArticleAnalysis, info: SentenceInfo) -> bool:
        """ "The two leaders", "the pair" in the sentence or the one before it: the people of the
        meeting being reported ("The two leaders held talks ... The agenda included ...")."""
        if self._says_pair(analysis, info):
            return True
        index = info.index
        return 0 < index <= len(analysis.sentences) and self._says_pair(
            analysis, analysis.sentences[index - 1]
        )

    def _says_pair(self, analysis: ArticleAnalysis, info: SentenceInfo) -> bool:
        # Asked of every sentence scored for a two-person question, and again of it as the
        # next sentence's predecessor: searched once.
        key = (analysis.article.id, info.index)
        found = self._pair_said.get(key)
        if found is None:
            if len(self._pair_said) > 200_000:
                self._pair_said.clear()
            found = self._pair_said[key] = PLURAL_REFERENCE.search(info.text) is not None
        return found

    def _pair_is(
        self, analysis: ArticleAnalysis, info: SentenceInfo, people: list[Mention]
    ) -> bool:
        """Whether "the two leaders" of a sentence can be the question's people: the people it
        refers to are those the nearest sentence naming two or more people names ("Voss-Aalen
        met Demaro. ... the two leaders discussed ..." is not about Voss-Aalen and Cassian)."""
        for index in range(info.index, max(-1, info.index - 3), -1):
            if not 0 <= index < len(analysis.sentences):
                continue
            named = [
                m
                for m in analysis.sentences[index].mentions
                if m.kind is EntityKind.PERSON and not m.role_only
            ]
            if len({fold(m.name or m.text) for m in named}) >= 2:
                return all(self._sentence_has(analysis.sentences[index], p) for p in people)
        return True

    def _setting_carried(self, frame: QuestionFrame, item: Scored, places: list[Mention]) -> bool:
        """Whether the story set the sentence in one of `places` just before and named no other
        place since: "Biden visited Kenosha ... During the appearance, ... He also spoke to
        Blake on the phone" tells of a call in Kenosha."""
        analysis = self.analyses.get(item.article)
        index = item.info.index
        # A headline's place sets the whole story until another place is named ("Paris court
        # jails two police" ... "Spanton met officers Quirin and Redouane at an Irish pub").
        title = analysis.title
        headline = title is not None and any(self._sentence_has(title, p) for p in places)
        lowest = 0 if headline else max(0, index - _SETTING_CARRIED)
        for back in range(index, lowest - 1, -1):
            info = analysis.sentences[back]
            if back < index and any(self._sentence_has(info, p) for p in places):
                return True
            if any(
                m.kind in {EntityKind.PLACE, EntityKind.COUNTRY}
                and not self._place_value_fits(frame, m.name or m.text)
                for m in info.mentions
            ):
                return False
        return headline

    def _meets_elsewhere(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether a sentence reports a meeting in a place other than the one the question sets
        its meeting in, and does not name that place itself."""
        places = self._place_constraints(frame)
        if not places or not _MEET_VERB.search(item.info.text):
            return False
        info = item.info
        if any(self._sentence_has(info, p) for p in places):
            return False
        from assistant.knowledge.meetings import rules

        # Places inside the reason or the topics ("to prepare the summit in Port Avel") are
        # not where the meeting is.
        cues = [start for _, start in purpose_clauses(info)] + [
            m.start() for pattern in rules().topics for m in [pattern.search(info.text)] if m
        ]
        end = min(cues, default=len(info.text))
        verbs = [m.end() for m in _MEET_VERB.finditer(info.text, 0, end)]
        for mention in info.mentions:
            if (
                mention.kind in {EntityKind.PLACE, EntityKind.COUNTRY}
                and mention.start < end
                and any(0 <= mention.start - v <= 40 for v in verbs)
                and place_score(info, mention) >= 3
                and not self._place_value_fits(frame, mention.name or mention.text)
            ):
                return True
        return False

    # --- for the extractors (extract_*.py: each yields candidates from one sentence) -------

    def _question_keys(self, frame: QuestionFrame) -> set[str]:
        keys = set()
        for m in frame.entities:
            keys.add(m.key)
            keys.update(fold(t) for t in (m.name or m.text).split())
        return keys

    def _in_question(self, frame: QuestionFrame, text: str, person_words: bool = True) -> bool:
        """Whether the question writes `text` (or all its longer words), or, with
        `person_words`, any word of a person the question names (a place named after one,
        "Orm Tower", asks for no such bar)."""
        folded = fold(text)
        q = fold(frame.text)
        if _has_word(q, folded):
            return True
        tokens = [t for t in folded.split() if len(t) > 2]
        if bool(tokens) and all(_has_word(q, t) for t in tokens):
            return True
        if not person_words:
            return False
        # A person is in the question when their surname is a question person's, or one word
        # of the two names is all of the other ("Lee" and "Lee Jae Myung"). "Rocky McGaugh" is
        # not "Rocky Linux", nor "Kim Yo Jong" "Kim Jong Un".
        for m in frame.entities:
            if m.kind is not EntityKind.PERSON:
                continue
            words = [t for t in fold(m.name or m.text).split() if len(t) > 2]
            if words and (
                words[-1] in tokens
                or (len(tokens) == 1 and tokens[0] in words)
                or (len(words) == 1 and words[0] in tokens)
            ):
                return True
        return False

    def _meetings_for(self, frame: QuestionFrame, scored: Scored) -> list[Meeting]:
        return [
            m
            for m in self.engine.meetings_for(scored.article.id)
            if scored.info.index in m.sentences
        ]

    def _predicate_stems(self, frame: QuestionFrame) -> frozenset[str]:
        """The stems of what a question asks about, without its names and question words.
        Asked by several extractors for every candidate sentence: made once per question."""
        key = (frame.text, tuple(m.name or m.text for m in frame.entities))
        found = self._predicates.get(key)
        if found is None:
            if len(self._predicates) > 1024:
                self._predicates.clear()
            found = self._predicates[key] = self._make_predicate_stems(frame)
        return found

    def _make_predicate_stems(self, frame: QuestionFrame) -> frozenset[str]:
        entity_stems = {s for m in frame.entities for s in self.tokenizer(m.name or m.text)}
        # Capitalised words are names, nationalities and months, not the predicate.
        # An idiom is read as its plain verb too ("step down": resign); a story may tell it
        # either way, so the question's own words stay.
        read = self._predicate_text(frame)
        text = read if read == frame.text else f"{frame.text} {read}"
        lower = " ".join(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", text))
        words = [w for w in self.tokenizer.words(lower) if w not in _QUESTION_WORDS]
        stems = {self.tokenizer.stem(w) for w in words if w not in self.tokenizer.stopwords}
        return frozenset(stems - entity_stems)

    # --- output ----------------------------------------------------------------------------

    def _subject(self, frame: QuestionFrame) -> str:
        # "under Trump", "the pardons that included Dahl": those say which thing is asked
        # about, and are not who did it.
        identifying = frame.identifying()
        # "..., according to his wife Amanda?": the source tells; she is not whom it is about.
        source = _SOURCE_CLAUSE.search(frame.text)
        strong = [
            m
            for m in frame.strong_entities()
            if m not in identifying and not (source and source.start() <= m.start < source.end())
        ]
        people = [m for m in strong if m.kind is EntityKind.PERSON]
        chosen = people or strong
        return _join(_dedupe_names([m.name or m.text for m in chosen[:2]])) if chosen else ""

    def _citation(self, article: Article, index: int, highlight: tuple[str, ...]) -> Citation:
        return Citation(
            article_id=article.id,
            title=article.title,
            date=article.date_text,
            url=article.url,
            sentence=article.title if index == -1 else article.sentence_text(index),
            sentence_index=index,
            highlight=highlight,
        )

    def _render(
        self, frame: QuestionFrame, candidate: Candidate, hits: list[Hit], log: list[str]
    ) -> Answer:
        short = _strip_end(candidate.short)
        limit = SHORT_WORD_LIMIT.get(frame.intent, 30)
        short = trim_words(short, limit)
        subject = self._subject(frame)
        facts: dict[str, object] = {"intent": frame.intent, "answer": short}
        if subject:
            facts["subject"] = subject
        facts.update(candidate.facts)
        meeting = candidate.meeting
        place = time = purpose = ""
        if meeting is not None:
            facts["meeting_id"] = meeting.id
            facts["participants"] = [p.name for p in meeting.participants]
            if meeting.place:
                place = meeting.place.value
                facts["where"] = place
            if meeting.time:
                time = meeting.time.value
                facts["when"] = meeting.time.value
                if meeting.time.iso:
                    facts["when_iso"] = meeting.time.iso
            if meeting.purpose:
                purpose = meeting.purpose.value
                facts["why"] = purpose
        variant = "default"
        if frame.intent == "who_met":
            planned = meeting is not None and meeting.status == "planned"
            if not subject:
                variant = "no_subject"
            elif place and not self._in_question(frame, place) and fold(place) not in fold(short):
                variant = "planned_with_place" if planned else "with_place"
            elif planned:
                variant = "planned"
        elif frame.intent in {"where", "when", "quantity"} and subject:
            variant = "with_subject"
        elif frame.intent in {"why", "topic"} and not subject:
            variant = "no_subject"
        text = templates().render(
            frame.intent,
            variant,
            subject=subject,
            answer=short,
            place=place,
            time=time,
            purpose=purpose,
        )
        cap = 200 if frame.intent in SHORT_WORD_LIMIT else 400
        if len(text) > cap:
            text = text[: cap - 1].rsplit(" ", 1)[0] + "…"
        scored = candidate.sentence
        citations = [self._citation(scored.article, scored.info.index, candidate.highlight)]
        for article, index in candidate.extra_sentences:
            if all(c.sentence_index != index or c.article_id != article.id for c in citations):
                citations.insert(0, self._citation(article, index, candidate.highlight))
        if meeting is not None:
            cited = {c.sentence_index for c in citations}
            for index in meeting.sentences[:3]:
                if index not in cited and meeting.article_id == scored.article.id:
                    citations.append(self._citation(scored.article, index, candidate.highlight))
        confidence = max(
            0.05, min(0.99, round(0.35 + 0.15 * candidate.score + 0.3 * scored.coverage, 2))
        )
        log.append(f"template {frame.intent}.{variant}")
        return Answer(
            question=frame.text,
            intent=frame.intent,
            answer=text,
            short=short,
            answered=True,
            confidence=confidence,
            citations=citations,
            facts=facts,
            passages=[],
            explain=log,
        )

    def _fallback(
        self, frame: QuestionFrame, scored: Scored, hits: list[Hit], log: list[str]
    ) -> Answer:
        from assistant.qa.answer_rules import answer_rules

        sentence = scored.info.text
        # "What is the name of ...?" asks for a name, which a whole sentence is not.
        confident = scored.coverage >= FALLBACK_COVERAGE and not answer_rules().asks_name_of.search(
            frame.text
        )
        text = templates().render("fallback", "default", answer=sentence)
        log.append("template fallback.default")
        return Answer(
            question=frame.text,
            intent=frame.intent,
            answer=text[:400],
            # "What did the board announce?": the object of the question's own verb says it
            # more exactly than the whole sentence.
            short=(act_object(frame.text, sentence) or trim_words(_without_turn_mark(sentence), 30))
            if confident
            else "",
            # No rule found the answer: a sentence that matches the question closely is offered
            # as the answer (and labelled so); a loose match is only shown, not asserted.
            answered=confident,
            confidence=0.2 if confident else 0.1,
            citations=[self._citation(scored.article, scored.info.index, ())],
            facts={"intent": frame.intent},
            passages=[],
            explain=log,
            fallback=True,
        )

    def _decline(
        self, frame: QuestionFrame, reason: str, hits: list[Hit], log: list[str]
    ) -> Answer:
        log.append(f"declined: {reason}")
        text = templates().render("declined", "default", answer=reason)
        if hits:
            text += " Closest passages are listed below."
        return Answer(
            question=frame.text,
            intent=frame.intent,
            answer=text,
            short="",
            answered=False,
            confidence=0.0,
            citations=[],
            facts={"intent": frame.intent, "declined": reason},
            passages=[],
            explain=log,
        )


@lru_cache(maxsize=256)
def _definite_runs(question: str, stop: frozenset[str]) -> list[list[str]]:
    """The word runs of a question's definite noun phrases ("the 18-carat gold statue" ->
    ["18-carat", "gold", "statue"]), folded: the words after "the" up to a function word or
    punctuation (a participle after the noun may close the run; it is never credited, as only
    the words before the noun a sentence repeats are)."""
    runs: list[list[str]] = []
    for clause in re.split(r"[,;:?!()]", fold(question).lower()):
        words = clause.split()
        for i, word in enumerate(words):
            if word != "the":
                continue
            run: list[str] = []
            for nxt in words[i + 1 :]:
                if nxt in stop or not re.search(r"[a-z0-9]", nxt):
                    break
                run.append(nxt.strip("'’\".-"))
            if len(run) >= 2:
                runs.append(run)
    return runs


def _question_times(text: str, anchor: dt.date | None) -> tuple[TimeMention, ...]:
    """The question's times that name a definite day, month or year or a weekday (a period
    such as "last week" fits too many of a sentence's dates to rule any out)."""
    return tuple(
        t
        for t in find_times(text, anchor)
        if t.kind in _DEFINITE_KINDS or (t.kind in _WEEKDAY_KINDS and _weekday_of(t.text))
    )


_DEFINITE_KINDS = frozenset({"weekday_date", "day_month", "iso", "month_year", "year", "bare_year"})
_WEEKDAY_KINDS = frozenset({"weekday", "relative_weekday"})


def _weekday_of(text: str) -> int | None:
    """The weekday a bare "Friday"/"on Friday" names; None for "last Friday", whose week is
    another matter."""
    words = text.lower().split()
    if any(w in {"last", "next", "this"} for w in words):
        return None
    for word in words:
        for name, number in WEEKDAYS.items():
            if word.startswith(name):
                return number
    return None


def _time_fits(want: TimeMention, have: TimeMention) -> bool:
    """Whether a sentence's time can be the question's: the same weekday for a weekday, else
    one ISO date a prefix of the other (a year fits any of its days)."""
    assert have.iso is not None
    day = _weekday_of(want.text) if want.kind in _WEEKDAY_KINDS else None
    if day is not None:
        if have.kind in _WEEKDAY_KINDS:
            return _weekday_of(have.text) in (None, day)
        if len(have.iso) != 10:
            return True
        try:
            return dt.date.fromisoformat(have.iso).weekday() == day
        except ValueError:
            return True
    if want.iso is None:
        return True
    size = min(len(want.iso), len(have.iso))
    return want.iso[:size] == have.iso[:size]


def _number_value(text: str, words: dict[str, float]) -> float | None:
    """A number written in digits ("1,000", "5.2") or words ("thirty-five")."""
    text = text.lower()
    if text[:1].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    parts = [words.get(p) for p in text.split("-")]
    if not parts or any(p is None for p in parts):
        return None
    return float(sum(p for p in parts if p is not None))


def _add_role_reference(
    frame: QuestionFrame, match: re.Match[str], name: str, log: list[str]
) -> None:
    """The question's role phrase ("the Orvian president", "Orm's lawyer") stands for the person
    the story gives that role."""
    frame.entities.append(
        Mention(
            match.group(),
            match.start(),
            match.end(),
            EntityKind.PERSON,
            fold(name),
            name,
            rule="role-reference",
        )
    )
    log.append(f"{match.group()!r} is {name}")


def _focus_after(
    text: str, opening: re.Match[str] | None, focus: str, flags: int = re.I
) -> tuple[int, int] | None:
    """Where the asked noun stands after a question's opening ("Which UNESCO official",
    "Who is the chief executive"): its start and end, or None."""
    if opening is None:
        return None
    at = re.search(rf"\b{re.escape(focus)}\b", text[opening.end() :], flags)
    return None if at is None else (opening.end() + at.start(), opening.end() + at.end())


@lru_cache(maxsize=256)
def _asked_body_kind(question: str) -> tuple[str, ...]:
    """The lower-case words that say which kind of body a who-question asks for, before its
    noun: "Which construction company" -> ("construction",), "Which rental car company" ->
    ("rental", "car"). Empty for a bare "Which company" or a person's noun."""
    focus = _who_focus(question)
    if not focus or focus not in _ORG_FOCUS or focus in ANY_BODY_FOCUS:
        return ()
    opening = _WHICH_WORD.search(question)
    # The kind noun as the question writes it, in lower case (a capitalised "Company" is
    # part of a name).
    span = _focus_after(question, opening, focus, flags=0)
    if opening is None or span is None:
        return ()
    words = question[opening.end() : span[0]].split()
    return tuple(
        w
        for w in words
        if w.isalpha()
        and w.islower()
        and w not in _JOINING_WORDS
        and w not in _GENERIC_BODY_WORDS
        and not w.endswith("ly")
    )


def _medium_before(text: str, name: str) -> bool:
    """Whether a sentence writes `name` first right after "on" ("a post on Twitter")."""
    at = text.find(name)
    return at > 0 and _MEDIUM_BEFORE.search(text, max(0, at - 6), at) is not None


def _asked_employer(frame: QuestionFrame) -> str | None:
    """The body a who-question's asked person works for: written before the asked noun
    ("Which UNESCO official ...", "Which Barclays Capital analyst ..."), or owning the role a
    holder question asks for ("Who is the chief executive of Banglalink?", "Who is Bank of
    America's chief financial officer?"). None for a nationality or a place: "Which Chinese
    official" is weighed by nationality, and a country's president is no employee."""
    from assistant.knowledge.lexicon import lexicon

    # Kept once made: asked for every candidate.
    if "_employer" in frame.__dict__:
        return frame.__dict__["_employer"]
    found = _find_employer(frame, lexicon().title_heads_folded)
    frame.__dict__["_employer"] = found
    return found


def _find_employer(frame: QuestionFrame, titles: frozenset[str]) -> str | None:
    focus = _who_focus(frame.text)
    if not focus:
        return None
    holder = _HOLDER_QUESTION.match(frame.text)
    if holder is not None and (focus in person_nouns() or focus in titles):
        span = _focus_after(frame.text, holder, focus)
        if span is None:
            return None
        start, end = span
        for mention in frame.entities:
            if mention.kind not in {EntityKind.ORGANISATION, EntityKind.PERSON}:
                continue
            owns = holder.end() <= mention.start and mention.end <= start
            if (owns and frame.text[mention.end : mention.end + 2] in {"'s", "’s"}) or (
                mention.start >= end
                and _OWNER_AFTER_ROLE.fullmatch(frame.text, end, mention.start)
                # "the lead author of the Aramont Institute report": the report's, not the body's.
                and _OWNER_ENDS.match(frame.text, mention.end)
            ):
                # "the Washington-based Jerusalem Fund": where it is based is no part of the
                # name a story writes it by.
                return _BASED_PREFIX.sub("", mention.text)
        return None
    if focus not in person_nouns():
        return None
    opening = _WHICH_WORD.search(frame.text)
    span = _focus_after(frame.text, opening, focus)
    if opening is None or span is None:
        return None
    end = span[0]
    for mention in frame.entities:
        if (
            opening.end() <= mention.start
            and mention.end <= end
            and mention.kind is EntityKind.ORGANISATION
            and not frame.text[mention.end : end].strip(" -'’s")
        ):
            return _BASED_PREFIX.sub("", mention.text)
    return None


@lru_cache(maxsize=1)
def _not_linking() -> str:
    """Lower-case words that end a noun phrase between a body and a name: verbs (regular
    past forms are caught by their "-ed"), relative and joining words, "by" of a passive."""
    from assistant.prompts import irregular_forms

    words = set(irregular_forms()) | _CLAUSE_WORDS
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# "the Justice Department" and "the Department of Justice" are one body.
_FIELD_FIRST = lazy_compile(
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(Department|Ministry|Office|Bureau)"
)
_HEAD_FIRST = lazy_compile(r"(Department|Ministry|Office|Bureau)\s+of\s+(?:the\s+)?(.+)")


def _body_forms(body: str) -> tuple[str, ...]:
    if m := _FIELD_FIRST.fullmatch(body):
        return body, f"{m.group(2)} of {m.group(1)}"
    if m := _HEAD_FIRST.fullmatch(body):
        return body, f"{m.group(2)} {m.group(1)}"
    return (body,)


@lru_cache(maxsize=4096)
def _employed_in(text: str, name: str, body: str) -> bool:
    """Whether a text writes `name` as `body`'s: the body before the name with only a noun
    phrase between ("UNESCO Director-General Irina Bokova", "AU trade and industry
    commissioner Albert Muchanga", "Citigroup's chief executive, Vikram Pandit"), or after
    it as its employer ("Reitzes, with Barclays Capital", "Lankov, a professor of North
    Korea history at Kookmin University", "Pandit (Citigroup)"); "Katrougalos emphasized
    the requirement of approval by UNESCO" does not."""
    last = name.split()[-1] if name.split() else ""
    if not last or last not in text or body not in text:
        return False
    # A word of a noun phrase: capitalised, or lower-case and neither a verb nor a word
    # that starts a clause.
    link = (
        rf"(?:[A-Z][\w.'’&-]*|\d[\w-]*|\([A-Z]+\)"
        rf"|(?!(?:{_not_linking()})\b)[a-z][\w.'’&-]*(?<!ed)(?<!ing))"
    )
    b, n = re.escape(body), re.escape(last)
    before = rf"\b{b}(?:'s|’s)?(?:\s+{link}){{0,7}}?,?\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}{n}\b"
    after = (
        rf"\b{n}\b(?:\s*\([^()]*\b{b}\b"
        rf"|,?(?:\s+{link}){{0,9}}?\s+(?:of|at|with|for|from|to|in)\s+(?:the\s+)?"
        rf"(?:[A-Z][\w'’,.-]*\s+){{0,3}}{b}\b"
        rf"|,(?:\s+{link}){{0,6}}?\s+{b}\b"
        rf"|,\s+(?:an?\s+|the\s+|who\s+(?:is|was)\s+)?{b}(?:'s|’s)?\s"
        rf"|,\s+who\s+(?:\w+\s+){{0,4}}?(?:heads|leads|runs|chairs|founded|owns|represents|for|of|at|with)"
        rf"\s+(?:the\s+)?{b}\b)"
    )
    return bool(re.search(before, text) or re.search(after, text))


def _describes_in(text: str, name: str, word: str) -> bool:
    """Whether `text` writes the noun `word` before `name` with only linking words between
    ("airline Kessby Air", the `anchor.descriptor_link` rule) or after it in apposition
    ("Kessby Air, a low-cost airline"). Searched around each place the name is written,
    with patterns compiled once: a pattern per name and noun compiled for every question
    made a third of the answering time."""
    from assistant.qa.answer_rules import answer_rules

    if not name:
        return False
    lower, name, word = text.lower(), name.lower(), word.lower()
    link_to_name = answer_rules().anchor_link_to_name
    start = lower.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or _is_word_char(lower[start - 1]) != _is_word_char(name[0])) and (
            end == len(lower) or _is_word_char(lower[end]) != _is_word_char(name[-1])
        ):
            low = max(0, start - 300)
            at = lower.rfind(word, low, start)
            while at >= 0:
                if (at == 0 or not _is_word_char(lower[at - 1])) and link_to_name.match(
                    lower, at + len(word), start
                ):
                    return True
                at = lower.rfind(word, low, at)
            apposition = _APPOSITION_NOUNS.match(lower, end)
            if apposition and word in apposition.group(1).split():
                return True
        start = lower.find(name, start + 1)
    return False


def _title_cased(text: str) -> bool:
    """Whether most words of a headline start with a capital: its capitals then mark no names."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _strip_end(text: str) -> str:
    """The answer without its closing punctuation, but with the period of an abbreviation that
    ends it ("shortly after 2 a.m."): without it the answer no longer reads as the article."""
    text = text.strip()
    stripped = text.rstrip(".,;")
    last = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
    if text[len(stripped) : len(stripped) + 1] == "." and last in abbreviations():
        return stripped + "."
    return stripped


__all__ = ["Answerer", "ArticleAnalysis"]
