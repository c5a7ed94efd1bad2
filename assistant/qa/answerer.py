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
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from assistant.knowledge.analysis import AnalysisCache, ArticleAnalysis, SentenceInfo
from assistant.knowledge.entities import Mention
from assistant.knowledge.meetings import (
    PLURAL_REFERENCE,
    PREPOSITION_BEFORE,
    find_place,
    find_topics,
    group_np,
    place_score,
    purpose_clauses,
)
from assistant.knowledge.timex import format_iso
from assistant.models import Answer, Article, Citation, EntityKind, Meeting
from assistant.prompts import abbreviations
from assistant.qa.answer_rules import answer_rules
from assistant.qa.conversation import Conversation
from assistant.qa.questions import QuestionFrame, parse_question
from assistant.qa.templates import templates
from assistant.text import fold, trim_words

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.storage import CompactCorpus

SHORT_WORD_LIMIT = {"who_met": 16, "who": 16, "who_role": 16, "where": 10, "when": 10}
RETRIEVE_K = 100
# How much a sentence's relevance counts against the fitness of the answer found in it.
SENTENCE_WEIGHT = 0.45
# Candidate articles whose every sentence is read for the answer.
MAX_ARTICLES = 6
# Articles with more sentences than this (news has a few dozen) are scored only around the
# retrieved passages.
MAX_SCORED_SENTENCES = 600
_ORG_FOCUS = frozenset(
    "company companies firm firms bank banks group organisation organization party union agency newspaper team club airline network institute university council committee ministry government".split()
)
_WHO_OPENING = re.compile(
    r"^\s*(?:and\s+)?(?:which|what|who\s+(?:is|was|are|were)\s+the)\s+", re.IGNORECASE
)
_FOCUS_STOP = frozenset(
    "who that which did does do is was were are has had have will would can could said says told announced warned confirmed stated claimed insisted argued denied".split()
)


_HEAD_ENDS = frozenset("of in at for from on with to".split())


def _who_focus(question: str) -> str | None:
    """The noun a who-question asks for: 'Which company leased ...' -> 'company'."""
    opening = _WHO_OPENING.match(question)
    if not opening:
        return None
    focus = None
    asks_holder = "who" in opening.group().lower()
    limit = 5
    for number, word in enumerate(re.findall(r"[\w'’-]+", question[opening.end() :])):
        if number >= limit:
            break
        lower = word.lower()
        possessive = lower.endswith(("'s", "’s"))
        lower = re.sub(r"['’]s$", "", lower)
        if lower in _FOCUS_STOP or (focus and re.search(r"(?:ed|ly)$", lower)):
            break
        if focus and asks_holder and lower in _HEAD_ENDS:
            # "Who is the commander-in-chief of the Syrian Army?": the role, not the army.
            break
        focus = lower
        if possessive:
            if not asks_holder:
                # "Which company's shares ...": the owner is what is asked.
                break
            # "Who is the African Union's trade commissioner?": the owner only places the
            # role; the asked noun is the role after it.
            focus = None
            limit = number + 6
    return focus


# Where a role phrase attached to a name ends: a clause mark or a spaced dash.
_ROLE_BOUNDARY = re.compile(r"[,;:.()\"“”—–]|\s-\s")
_AFTER_APPOSITIVE = re.compile(
    r"\s*,\s+(?:who\s+(?:is|was|has\s+been|had\s+been)\s+)?([^,.;()]{3,100})"
    r"|\s*,?\s+(as\s+(?:the\s+)?[^,.;()]{3,60})"
)


def _attached_role(info: SentenceInfo, mention: Mention) -> str:
    """The role phrase written with a name: before it ("AU trade commissioner Albert Muchanga",
    "the Chairman of the Joint Chiefs, General Joe Dunford") or in apposition after it ("Yousef
    Munayyer, Executive Director of the Jerusalem Fund,"; "Haitham, as the new Sultan"). Parts
    that hold another person's name belong to that person."""
    text = info.text
    others = [
        m
        for m in info.mentions
        if m.kind is EntityKind.PERSON and not m.role_only and m.start != mention.start
    ]
    start = max(0, mention.start - 100)
    before = text[start : mention.start]
    marks = [b.end() for b in _ROLE_BOUNDARY.finditer(before)]
    phrase_start = start + (marks[-1] if marks else 0)
    if not re.search(r"[a-z]{3}", text[phrase_start : mention.start]) and len(marks) >= 1:
        # Only a title ("General") or nothing since the comma: the role stands before it.
        phrase_start = start + (marks[-2] if len(marks) >= 2 else 0)
    for other in others:
        if phrase_start <= other.start < mention.start:
            phrase_start = max(phrase_start, other.end)
    phrase = text[phrase_start : mention.start]
    if re.search(r"\b(?:of|to|for|with|by|and|or|from|against|on)\s*$", phrase):
        # "a critic of Obama": the name completes someone else's phrase.
        phrase = ""
    after = _AFTER_APPOSITIVE.match(text, mention.end)
    if after:
        start, end = after.span(1) if after.group(1) else after.span(2)
        # "McCain, chairman of the committee and a critic of Obama's policy": the apposition
        # stops at the next person.
        end = min([end] + [o.start for o in others if start <= o.start < end])
        phrase += " " + text[start:end]
    return phrase


_THING_NOUNS = r"(?:boat|ship|vessel|ferry|tanker|aircraft|plane|jet|cathedral|church|mosque|temple|hotel|building|tower|bridge|stadium|airport|station|river|lake|fire|blaze|storm|hurricane|typhoon|cyclone|earthquake|flood|attack|bombing|festival|race|marathon|tournament|game|match|film|book|album|exoplanet|planet|satellite|mission|spacecraft|rocket|operation|programme|program|project|bill|law|treaty|agreement|deal|company|party)"
_THING_BEFORE = re.compile(_THING_NOUNS + r"\s+$", re.IGNORECASE)
_THING_AFTER = re.compile(r"\s+(?:'s\s+)?" + _THING_NOUNS + r"\b", re.IGNORECASE)
# "the Chapecoense team", "the Houthi spokesperson", "Zelvan rebels": a name before a noun for a
# body of people, or for someone speaking for one, names that body, not a person.
_BODY_AFTER = re.compile(
    r"\s+(?:team|club|squad|rebels?|militants?|militias?|fighters|movement|forces|army|"
    r"government|administration|spokesman|spokeswoman|spokesperson|leadership|fans|players|"
    r"supporters|delegation|officials|authorities|troops|insurgents|side)\b",
    re.IGNORECASE,
)
_PLACE_OF_BEFORE = re.compile(
    r"\b(?:islands?|city|town|village|province|region|district|port|county|state|capital|suburb|island\s+nation)\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|and)\s+)?$"
)
# A question about what happened: "Who did she meet", "Where had they met".
_ASKS_DONE = re.compile(r"\b(?:did|had)\b", re.I)
_PAST_MEETING = re.compile(
    r"\b(?:first|last|previous(?:ly)?|earlier|before|originally|ago)\b", re.IGNORECASE
)
_ROLE_PHRASE = re.compile(
    r"\bthe\s+(?:([A-Z][a-z]+)\s+)?((?:(?:prime|foreign|defence|defense|finance|trade|energy|interior|agriculture|transport|health|deputy|vice|economy|justice)\s+)?(?:minister|president|chancellor|premier|governor|mayor|king|queen|secretary|ambassador|chairman|chairwoman|ceo|chief\s+executive|spokesman|spokeswoman|adviser))\b",
    re.IGNORECASE,
)
# "Which building/temple/hall ...": the answer is a named site, not a city or a country.
_BUILDING_FOCUS = frozenset(
    "building venue temple palace hall hotel site house church cathedral stadium arena museum airport base residence office headquarters square hospital prison jail embassy consulate".split()
)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|to|at|inside|across|around)\s+(?:the\s+)?$", re.I)
_WHO_VERB = re.compile(r"^\s*(?:and\s+)?who\s+([a-z]+)\b", re.I)
_AUXILIARIES = frozenset(
    "is was are were be been did does do has have had will would can could shall should may might must else".split()
)
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
# A name right after the auxiliary of a question is its subject: "Why did (President) Obama".
_SUBJECT_BEFORE = re.compile(
    r"\b(?:did|does|do|is|was|were|are|has|have|had|will|would)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
# "..., according to governor Sahin": who reports the answer, not what the answer says; the
# source's name still counts as an entity.
_ATTRIBUTION = re.compile(r",?\s*\baccording\s+to\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+){0,2}", re.I)
# A quotation ends at punctuation then a quote mark, or at a quote mark right after a word
# ("... for security reasons", a government official said).
_QUOTE_END = re.compile(r"[,.][\"”]|(?<=\w)[\"”](?=[\s,.;]|$)")
_EXCLUDED = re.compile(
    r"\b(?:left\s+out|excluded|not\s+invited|uninvited|absent|missing|barred|kept\s+out|shut\s+out)\b",
    re.I,
)
# A time of something still to happen.
_PLANNED = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planned\s+to|is\s+to|are\s+to|expected\s+to|due\s+to|scheduled|again)\b",
    re.I,
)
# "From what date ...", "Since when ...": the question asks for a bound, given by the time after
# the same word.
_ASKED_BOUND = re.compile(r"^\s*(?:and\s+)?(since|until|by|from)\s", re.I)
# The word right before a time ("began on", "begins"), past any preposition.
_LEADING_WORDS = re.compile(r"([\w'’-]+)\s+(?:(?:on|in|at|during)\s+)?$")
_SOURCE = re.compile(r"\b(?i:according\s+to)\s+(?:(?i:the)\s+)?((?:[A-Z][\w'’.-]*\s*){1,4})")
_NEGATED_TOPIC = re.compile(
    r"\b(?:not|n't|never)\s+(?:been\s+|be\s+)?(?:discussed|raised|on\s+the\s+agenda|talked\s+about)\b",
    re.I,
)
_SETTING_ITEM = re.compile(
    r"(?:in|at|during|by|after|before|with|when|while|since|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)
_TOPIC_BEFORE = re.compile(r"\b(?:about|over|regarding|concerning)\b", re.I)
_ABOUT_BEFORE = re.compile(r"\b(?:about|regarding|concerning)\s+(?:the\s+)?$", re.I)
# How far below a country a city of that country may score and still be preferred.
_SPECIFIC_MARGIN = 0.6
_SITE_HEADS = frozenset(
    "palace hall hotel temple church cathedral mosque stadium arena museum airport base residence office headquarters square house building tower bridge embassy consulate center centre station castle camp compound complex pavilion chamber plaza garden gardens park".split()
)
_SETTLEMENT_FOCUS = frozenset("city cities town towns village villages capital port".split())
# The share of the question's words a sentence must hold to be offered as a fallback answer.
FALLBACK_COVERAGE = 0.6
# How closely a sentence must match a question that names nothing to anchor it.
_UNNAMED_COVERAGE = 0.45
# A candidate's own evidence must reach this before its sentence's score is added.
MIN_CANDIDATE_SCORE = {"who_met": 0.4, "why": 0.3, "who": 0.35, "when": 0.2}
# Rules that make a question's name a person for certain (a title, the article's own use).
_CONFIRMED_PEOPLE = frozenset(
    {
        "title+name",
        "surname-link",
        "role-reference",
        "lowercase-alias",
        "lone-name+corpus-person",
        "name-shape+corpus-person",
    }
)
# Intents whose answer must come from a sentence about the question's named entities.
_ANCHORED_INTENTS = frozenset({"who_met", "where", "when", "why", "topic"})
_QUESTION_WORDS = frozenset(
    "who whom whose what which where when why how did does do is was were are will would the a an of to in on at for with and or by from about into".split()
)
_MEET_VERB = re.compile(
    r"\b(?:met|meet|meets|meeting|summit|gathered|convened|assembled|conferred|spoke|spoken|speak|speaks|talked|talk|talks|phoned|telephoned|hosted|hosts|host|received|receives|welcomed|welcomes|greeted|greets|alongside|joined|joins|visited|visits|between|sat\s+down|shook\s+hands|conversation|(?:phone|telephone)\s+call|called\s+(?=[A-Z]))\b",
    re.I,
)
_ASKS_MEETING = re.compile(r"\b(?:meet|met|meeting)\b", re.I)
# The verbs of a why-question's own phrase ("what brought", "what prompted"), as stems.
_WHY_PHRASE_STEMS = frozenset({"bring", "brought", "prompt", "caus", "led", "lead"})
# A sentence whose subject is the event itself, named by a definite noun: it continues the
# report of the meeting just before it.
_EVENT_SUBJECT = re.compile(
    r"^\s*(?:officials\s+said\s+)?the\s+(?:agenda|meeting|talks|visit|summit|trip|call|"
    r"discussions|negotiations|session|conference|gathering)\b",
    re.I,
)
# A relative clause right after a place: ", where it was attempting to land". Group 1 its words.
_WHERE_CLAUSE = re.compile(r"\s*,?\s+where\s+([^,;:.()]+)")
# "Which Lumerian rider": a capitalised word and the word after it (overlapping pairs).
_CAPITALISED_THEN_WORD = re.compile(r"\b([A-Z][\w-]*)(?=\s+([\w-]+)\b)")
_SAY_VERBS = r"(?:said|says|told|added|warned|stressed|noted|announced|confirmed|argued|insisted|explained|wrote|tweeted|stated|declared|according\s+to)"


@dataclass
class Scored:
    article: Article
    info: SentenceInfo
    score: float
    coverage: float
    entity_hits: int


@dataclass
class Candidate:
    short: str
    score: float
    sentence: Scored
    rule: str
    facts: dict[str, str] = field(default_factory=dict)
    extra_sentences: list[tuple[Article, int]] = field(default_factory=list)
    highlight: tuple[str, ...] = ()
    meeting: Meeting | None = None
    own: float = 0.0
    kind: EntityKind | None = None


# A follow-up that is only a question word: "Why?", "And where?", "When was that?".
_BARE_WH = re.compile(
    r"^\s*(?:and\s+)?(?:why|where|when|how)(?:\s+(?:was|is|did|were)\s+(?:that|it|this))?\s*\??\s*$",
    re.I,
)
_LEADING_WH = re.compile(r"^\s*(?:and\s+)?(?:who|whom|what|which|where|when|why|how)\b", re.I)


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


_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A looked-up phrase's folded words: the same few names are looked up in every sentence."""
    return tuple(_WORDS.findall(fold(phrase)))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _has_word(text: str, phrase: str) -> bool:
    r"""`phrase` occurs in `text` not inside a longer word: re.search(r"(?<!\w)phrase(?!\w)")
    without compiling a pattern per phrase (they pushed the rules' own patterns out of re's
    cache, which then compiled them again and again)."""
    if not phrase:
        return False
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = start == 0 or not _is_word_char(text[start - 1])
        after = end == len(text) or not _is_word_char(text[end])
        if before and after:
            return True
        start = text.find(phrase, start + 1)
    return False


def _distinct(values: np.ndarray, size: int) -> np.ndarray:
    """The distinct values (all in range(size)), ascending. np.unique would do, but its first
    call imports numpy.ma, ~40 ms of a one-question command."""
    seen = np.zeros(size, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen)


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> list[str]:
    """A name's words for loose matching: those over two letters, else all of them."""
    words = _WORDS.findall(fold(name))
    return [t for t in words if len(t) > 2] or words


@lru_cache(maxsize=65536)
def _prefixes(stems: frozenset[str]) -> frozenset[str]:
    """First four and five letters of a sentence's stems ("chair" finds "chairman")."""
    return frozenset(t[:n] for t in stems if len(t) >= 4 for n in (4, 5))


class Answerer:
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
        self._article_words: dict[str, Words] = {}
        self._sentence_words_made: dict[tuple[str, int], Words] = {}
        self._sentence_stems_made: dict[tuple[str, int], frozenset[str]] = {}
        self._demonyms: dict[str, list[str]] | None = None
        self._captioned: frozenset[str] | None = None

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
        from assistant.knowledge.entities import EntityRecognizer
        from assistant.knowledge.meetings import group_np, rules
        from assistant.knowledge.prefilter import derive_all

        templates()
        group_np()
        EntityRecognizer()
        # Loaded on first use by many questions (purpose clauses): time that each forked worker
        # would otherwise pay again. (The city -> country map loads in a millisecond.)
        rules()
        derive_all()
        self._meeting_stems()
        self._demonyms_of()
        parse_question("Who met whom, where, when and why?", self.known_names())

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

    # --- retrieval and constraints ---------------------------------------------------------

    def _query_tokens(self, frame: QuestionFrame) -> list[str]:
        words = [w for w in self.tokenizer.words(frame.text) if w not in _QUESTION_WORDS]
        tokens = [self.tokenizer.stem(w) for w in words if w not in self.tokenizer.stopwords]
        for mention in frame.entities:
            tokens.extend(self.tokenizer(mention.name or mention.text))
        return tokens

    def _words_of_article(self, article: Article) -> Words:
        words = self._article_words.get(article.id)
        if words is None:
            if len(self._article_words) > 4096:
                self._article_words.clear()
            words = Words(article.title + " \n" + article.text)
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
            stop, stem = self.tokenizer.stopwords, self.tokenizer.stem
            stems = self._sentence_stems_made[key] = frozenset(map(stem, words - stop))
        return stems

    def _article_mentions(self, article: Article, mention: Mention) -> bool:
        words = self._words_of_article(article)
        name = mention.name or mention.text
        if words.has(name):
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
            return any(t in words.words for t in tokens[-1:] + tokens[:1])
        if mention.kind is EntityKind.COUNTRY:
            return self._country_in(words, fold(name))
        # Names shaped by capitals alone may be mis-typed by the rules: ask for every word.
        return bool(tokens) and all(t in words.words for t in tokens)

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
        words = set(_WORDS.findall(fold(name)))
        if mention.kind is EntityKind.COUNTRY:
            for demonym in self._demonyms_of().get(fold(name), []):
                words.update(_WORDS.findall(fold(demonym)))
        return sorted(words)

    def _demonyms_of(self) -> dict[str, list[str]]:
        """Folded country name -> its demonyms ("japan" -> ["Japanese"]), made once."""
        if self._demonyms is None:
            from assistant.knowledge.lexicon import lexicon

            grouped: dict[str, list[str]] = {}
            for demonym, name in lexicon().nationalities.items():
                grouped.setdefault(fold(name), []).append(demonym)
            self._demonyms = grouped
        return self._demonyms

    def _country_in(self, words: Words, country: str) -> bool:
        return any(words.has(d) for d in self._demonyms_of().get(country, []))

    def _idf(self, stem: str) -> float:
        n = max(self.engine.index.n_docs, 1)
        df = self.engine.index.doc_freq(stem)
        return math.log((n + 1) / (df + 0.5)) if df else 0.0

    def _score_sentences(
        self, frame: QuestionFrame, hits: list[Hit], articles: list[Article]
    ) -> list[Scored]:
        """Score every sentence of the candidate articles, not only the retrieved passages."""
        q_words = [
            w
            for w in self.tokenizer.words(_ATTRIBUTION.sub(" ", frame.text))
            if w not in _QUESTION_WORDS and w not in self.tokenizer.stopwords
        ]
        strong = frame.strong_entities()
        entity_words = {w for m in strong for w in self.tokenizer.words(m.name or m.text)}
        # Coverage measures the question's predicate; entities are scored on their own.
        q_stems = {self.tokenizer.stem(w) for w in q_words if w not in entity_words} or {
            self.tokenizer.stem(w) for w in q_words
        }
        meeting_stems = self._meeting_stems()
        topic_stems = self._topic_stems()
        weights = {s: self._idf(s) for s in q_stems}
        meet_weight = self._idf(self.tokenizer.stem("meet"))
        # A word the corpus never uses cannot match: a meeting word counts as "meet", any other
        # is left out, and with nothing left the question's names carry the coverage.
        weights = {s: w or (meet_weight if s in meeting_stems else 0.0) for s, w in weights.items()}
        weights = {s: w for s, w in weights.items() if w > 0}
        if not weights:
            weights = {s: self._idf(s) for w in entity_words for s in [self.tokenizer.stem(w)]}
            weights = {s: w for s, w in weights.items() if w > 0}
        total = sum(weights.values()) or 1.0
        top_score = hits[0].score if hits else 1.0
        passage_score: dict[tuple[str, int], float] = {}
        article_score: dict[str, float] = {}
        for hit in hits:
            aid = hit.article_id
            article_score.setdefault(aid, hit.score)
            for index in range(hit.first, hit.last + 1):
                key = (aid, index)
                passage_score[key] = max(passage_score.get(key, 0.0), hit.score)
        out: list[Scored] = []
        people = [m for m in strong if m.kind is EntityKind.PERSON]
        # Per question, what the overlap test needs of each weighted stem: a sentence's score
        # was a third of a question's time, mostly spent redoing these per sentence.
        plan = [
            (stem, weight, stem[:5] if len(stem) >= 4 else None, stem in meeting_stems,
             stem in topic_stems)
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
                if m.kind is EntityKind.PERSON
            ]
            other_rows = [
                (row, t)
                for row, t, m in zip(found, in_title, strong, strict=True)
                if m.kind is not EntityKind.PERSON and fold(m.name or m.text) != dateline
            ]
            n_others = len(other_rows)
            for info in infos:
                index = info.index
                if index == -1:
                    entity_hits = sum(title_found)
                    in_window = sum(t for _, t in people_rows)
                    in_others = sum(t for _, t in other_rows)
                else:
                    low, high = max(0, index - 1), index + 2
                    entity_hits = sum(row[index] for row in found)
                    in_window = sum(True in row[low:high] for row, _ in people_rows)
                    in_others = sum(True in row[low:high] for row, _ in other_rows)
                if len(people) >= 2 and self._plural_reference(analysis, info):
                    # "The pair first sat down ...", "the leaders will discuss ...": both people
                    # the question names (the article mentions them, or it was not selected).
                    entity_hits = max(entity_hits, len(people))
                    in_window = max(in_window, len(people))
                if len(people) >= 2 and in_window < min(len(people), 3):
                    # Two people asked about together must appear together around the answer.
                    continue
                words = self._sentence_words(article, info)
                stems = self._sentence_stems(article, info)
                overlap = 0.0
                prefixes: frozenset[str] | None = None
                for stem, weight, prefix, meeting, topic in plan:
                    if stem in stems:
                        overlap += weight
                    elif prefix is not None and prefix in (
                        prefixes if prefixes is not None else (prefixes := _prefixes(stems))
                    ):
                        # "chaired" and "chairman" share a prefix but not a stem.
                        overlap += weight * 0.6
                    elif (meeting and stems & meeting_stems) or (topic and stems & topic_stems):
                        overlap += weight * 0.85
                overlap /= total
                missing_others = n_others - in_others
                retrieval = passage_score.get((article.id, index), 0.0) / top_score
                score = overlap * 4 + 0.5 * retrieval + 0.5 * base + 0.6 * entity_hits
                if frame.times and any(words.has(t) for t in frame.times):
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
                out.append(Scored(article, info, score, overlap, entity_hits))
        return sorted(out, key=lambda s: (-s.score, s.article.id, s.info.index))

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
            if mention.rule == "name-shape" and proper and any(w not in proper for w in words):
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
                        if m.kind is EntityKind.PERSON and full.endswith(" " + target):
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
            best: tuple[int, str] | None = None
            for article in articles:
                for name, title, nationality in self.analyses.get(article).people.values():
                    if not title or not all(w in fold(title).split() for w in role_words):
                        continue
                    if country and nationality and fold(nationality) != fold(country):
                        continue
                    rank = (2 if country and nationality else 1) + (
                        1 if article is articles[0] else 0
                    )
                    if best is None or rank > best[0]:
                        best = (rank, name)
            if best and not any(self._same_entity(best[1], m) for m in frame.entities):
                name = best[1]
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
        distances = [
            abs(match.start() - position)
            if end is None
            else position - match.end()
            if match.end() <= position
            else 2 * max(0, match.start() - end)
            for match in re.finditer(r"[\w'-]+", text)
            if self.tokenizer.stem(fold(match.group())) in stems
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
            if tokens and any(tokens[-1] in r.key.split() for r in info.references):
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
        if not scored or max(s.coverage for s in scored[:12]) < needed:
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
        candidate = self._extract(frame, scored, log)
        if candidate is None:
            if frame.intent in {"what", "fallback"}:
                return self._fallback(frame, scored[0], hits, log)
            return self._decline(
                frame, f"no {self._what_is_sought(frame)} is given for this question", hits, log
            )
        return self._render(frame, candidate, hits, log)

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
        phrase itself ("What brought X to Y in November 2025?")."""
        if frame.intent != "why" or not frame.strong_entities():
            return False
        time_stems = {s for t in frame.times for s in self.tokenizer(t)}
        rest = self._predicate_stems(frame) - time_stems - _WHY_PHRASE_STEMS
        return not rest

    def _left_open(self, frame: QuestionFrame, best: Scored) -> bool:
        """Whether the sentence that best matches the question says the answer is not known:
        "Much will depend on who he names ...", "It is unclear when the talks resume"."""
        wh = _OPEN_WH.get(frame.intent)
        if wh is None:
            return False
        predicate = self._predicate_stems(frame)
        for match in re.finditer(_OPEN_CUE + wh + r"((?:\s+[\w'’-]+){1,5})", best.info.text, re.I):
            following = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(match.group(1))}
            if predicate & following:
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
            "topic": self._topic,
            "count": self._count,
            "list_meetings": self._list_meetings,
        }.get(frame.intent)
        if extractor is None:
            return None
        least = 0.0 if self._only_names_asked(frame) else 0.15
        if not frame.strong_entities() and frame.intent in _ANCHORED_INTENTS:
            # Without a name to anchor it, the answer's own sentence must match the question as
            # closely as the best sentence had to: "Where did the Turkish and Greek leaders
            # meet?" is not answered by a sentence that shares only "Greek" and "leaders".
            least = _UNNAMED_COVERAGE
        pool = [s for s in scored[:12] if s.coverage >= least]
        if frame.intent in _ANCHORED_INTENTS:
            pool = [s for s in pool if self._anchored(frame, s)]
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
        verb = self._who_verb(frame)
        if verb:
            # "Who led the delegation?": the person is found where someone leads something.
            # Its first four letters also find the noun: "chaired" the chairman, "decided" the
            # decision.
            # "Who runs ...", "Who became the new Sultan?": the role's nouns ("director",
            # "successor") say it as well as the verb.
            roles, successor = self._asked_roles(frame, _who_focus(frame.text))
            if successor:
                from assistant.knowledge.lexicon import lexicon

                roles |= lexicon().successor_cues
            prefixes = {verb[:4]} | {self.tokenizer.stem(r)[:4] for r in roles}
            pool = [
                s
                for s in pool
                if any(
                    t.startswith(p)
                    for t in self._sentence_stems(s.article, s.info)
                    for p in prefixes
                )
            ]
            if not pool:
                log.append(f"no sentence has the question's verb ({verb}); declining")
                return None
        candidates: list[Candidate] = []
        asks_done = frame.intent in {"who_met", "where"} and bool(_ASKS_DONE.search(frame.text))
        for rank, item in enumerate(pool):
            if asks_done and self._only_planned(frame, item):
                # "Who did Putin meet in Baku last week?" is not answered by "the presidents are
                # planning to hold talks in Baku soon".
                continue
            elsewhere = frame.intent in {"why", "topic"} and self._meets_elsewhere(frame, item)
            for candidate in extractor(frame, item):
                if candidate.meeting is not None and not self._place_fits(frame, candidate.meeting):
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
        if frame.intent == "who_met":
            self._fit_asked_title(frame, candidates)
        if frame.intent == "who" and _EXCLUDED.search(frame.text):
            # "Who was left out of Erdogan's meeting?": not anyone reported taking part in it.
            took_part = self._participants_with(frame, candidates)
            candidates = [c for c in candidates if fold(c.short) not in took_part]
            if not candidates:
                return None
        if frame.intent == "who" and _who_focus(frame.text) not in _ORG_FOCUS:
            people = [c for c in candidates if c.kind is EntityKind.PERSON and c.own >= 0.5]
            # "Who ..." asks for a person: any good person candidate beats an organisation.
            if people:
                candidates = [c for c in candidates if c.kind is not EntityKind.ORGANISATION]
        candidates.sort(key=lambda c: -c.score)
        for other in candidates[1:4]:
            log.append(
                f"runner-up {other.rule} {other.short[:60]!r} (score {other.score:.2f}, "
                f"{other.sentence.article.id}#{other.sentence.info.index})"
            )
        best = candidates[0]
        if frame.intent == "where" and best.kind is EntityKind.COUNTRY:
            best = self._more_specific_place(best, candidates, log)
        if best.own < MIN_CANDIDATE_SCORE.get(frame.intent, 0.0):
            log.append(f"best candidate {best.short!r} too weak ({best.own:.2f}); declining")
            return None
        log.append(f"rule {best.rule} -> {best.short!r} (score {best.score:.2f})")
        return best

    def _only_planned(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether every meeting the sentence reports is one still to happen."""
        meetings = self._meetings_for(frame, item)
        return bool(meetings) and all(m.status == "planned" for m in meetings)

    def _fit_asked_title(self, frame: QuestionFrame, candidates: list[Candidate]) -> None:
        """ "Which finance ministers met ...": a meeting whose other participants all carry
        that title answers better than one with a central bank governor among them."""
        from assistant.knowledge.lexicon import lexicon

        opening = re.match(
            r"^\s*(?:and\s+)?(?:which|what)\s+((?:[\w-]+\s+){0,3})", frame.text, re.I
        )
        if not opening:
            return
        heads = lexicon().title_heads_folded
        words = [fold(w) for w in opening.group(1).split()]
        found = [i for i, w in enumerate(words) if w in heads or w.rstrip("s") in heads]
        if not found:
            return
        head = words[found[0]].rstrip("s")
        modifiers = set(words[: found[0]]) - set(lexicon().nationalities)
        for candidate in candidates:
            meeting = candidate.meeting
            if meeting is None:
                continue
            others = [
                p
                for p in meeting.participants
                if p.kind is EntityKind.PERSON and not self._in_question(frame, p.name)
            ]
            titles = [fold(p.title or "") for p in others]
            if not titles or not all(titles):
                continue
            fits = [head in t and all(m in t for m in modifiers) for t in titles]
            candidate.score += 0.2 if all(fits) else -0.3

    def _who_verb(self, frame: QuestionFrame) -> str | None:
        """The stem of the verb right after "who" in a who-question ("Who led ..." -> lead)."""
        if frame.intent != "who":
            return None
        match = _WHO_VERB.match(frame.text)
        if not match or match.group(1).lower() in _AUXILIARIES:
            return None
        stems = self.tokenizer(match.group(1))
        return stems[0] if stems else None

    def _participants_with(self, frame: QuestionFrame, candidates: list[Candidate]) -> set[str]:
        """Folded names of everyone reported meeting the question's people, in the candidates'
        articles."""
        people = [m for m in frame.strong_entities() if m.kind is EntityKind.PERSON]
        out: set[str] = set()
        for article in {c.sentence.article.id: c.sentence.article for c in candidates}.values():
            sentences = self.analyses.get(article).sentences
            for meeting in self.engine.meetings_for(article.id):
                if any(self._same_entity(p.name, m) for p in meeting.participants for m in people):
                    out |= {fold(p.name) for p in meeting.participants}
                    # "met with the leaders of two parties, X and Y": the people the meeting's
                    # own sentence names took part too.
                    out |= {
                        fold(m.name or m.text)
                        for i in meeting.sentences
                        if 0 <= i < len(sentences)
                        for m in sentences[i].mentions
                        if m.kind is EntityKind.PERSON
                    }
            for info in sentences:
                # A sentence where they meet someone, when no meeting was extracted from it.
                if (
                    _MEET_VERB.search(info.text)
                    and not _EXCLUDED.search(info.text)
                    and not re.search(r"\b(?:not|n't|never|exclusion|without)\b", info.text)
                    and any(self._sentence_has(info, m) for m in people)
                ):
                    out |= {
                        fold(m.name or m.text)
                        for m in info.mentions
                        if m.kind is EntityKind.PERSON and not self._in_question(frame, m.name)
                    }
        return out

    def _more_specific_place(
        self, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """A country answers "where" only when no city of that country scored nearly as well
        ("heading to Ukraine" in the headline, "heading to Kyiv" in the story)."""
        from assistant.knowledge.lexicon import city_countries

        country = fold(best.short)
        cities = city_countries()
        for other in candidates[1:]:
            if other.score < best.score - _SPECIFIC_MARGIN:
                break
            if other.kind is not EntityKind.PLACE:
                continue
            words = fold(other.short).split()
            # A site named after a city of that country ("Baghdad International Airport") is
            # as exact as the city, and more.
            if any(country in cities.get(" ".join(words[:n]), frozenset()) for n in (1, 2, 3)):
                log.append(f"{other.short!r} is more exact than {best.short!r}")
                return other
        return best

    def _anchored(self, frame: QuestionFrame, item: Scored) -> bool:
        """Whether a sentence is about what the question names, so that an answer may come from it.

        A person the question names (and the corpus confirms as a person) must be in the
        sentence itself, by name, title, pronoun or "the two leaders", or take part in a meeting
        the sentence reports. For a when-question, another named thing must be in the sentence
        unless the sentence matches the question's own words closely.
        """
        strong = frame.strong_entities()
        people = [m for m in strong if m.kind is EntityKind.PERSON and m.rule in _CONFIRMED_PEOPLE]
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
            if not in_place:
                return False
            sites = [p for p in places if p.kind is EntityKind.ORGANISATION]
            if sites and not self._window_hits(self.analyses.get(item.article), info.index, sites):
                # "meet at the Norvessan Foreign Ministry": a building narrower than the city
                # the story is set in, so it must be named around the answer.
                return False
        settings = [
            p
            for p in places
            if _PLACE_PREPOSITION.search(frame.text[max(0, p.start - 20) : p.start])
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
            if _EVENT_SUBJECT.match(info.text) and not any(
                m.kind is EntityKind.PERSON for m in info.mentions
            ):
                # "The agenda included ...", "The meeting was held to ...": the event the
                # sentences just before report, when they name the question's people.
                sentences = analysis.sentences
                for index in range(info.index - 1, max(-1, info.index - 3), -1):
                    if 0 <= index < len(sentences) and any(
                        self._sentence_has(sentences[index], m) for m in people
                    ):
                        return True
            return any(
                any(self._same_entity(p.name, m) for p in meeting.participants for m in people)
                for meeting in self._meetings_for(frame, item)
            )
        others = [m for m in strong if m.kind is not EntityKind.PERSON]
        if frame.intent == "when" and others:
            return item.entity_hits >= 1 or item.coverage >= 0.6
        return True

    def _plural_reference(self, analysis: ArticleAnalysis, info: SentenceInfo) -> bool:
        """ "The two leaders", "the pair" in the sentence or the one before it: the people of the
        meeting being reported ("The two leaders held talks ... The agenda included ...")."""
        if PLURAL_REFERENCE.search(info.text):
            return True
        index = info.index
        return 0 < index <= len(analysis.sentences) and bool(
            PLURAL_REFERENCE.search(analysis.sentences[index - 1].text)
        )

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

    def _place_constraints(self, frame: QuestionFrame) -> list[Mention]:
        """The places a question sets its event in: named places, and countries after a place
        preposition ("during his visit to Romania", "in Japan"; not "Who did Japan host?")."""
        out = []
        for m in frame.strong_entities():
            before = frame.text[max(0, m.start - 20) : m.start]
            if (
                (
                    m.kind is EntityKind.PLACE
                    # "speak by phone about Aleppo": the place is what was talked about.
                    and not _ABOUT_BEFORE.search(before)
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

    # --- extractors: each yields candidates from one sentence ------------------------------

    def _question_keys(self, frame: QuestionFrame) -> set[str]:
        keys = set()
        for m in frame.entities:
            keys.add(m.key)
            keys.update(fold(t) for t in (m.name or m.text).split())
        return keys

    def _in_question(self, frame: QuestionFrame, text: str) -> bool:
        folded = fold(text)
        q = fold(frame.text)
        if _has_word(q, folded):
            return True
        tokens = [t for t in folded.split() if len(t) > 2]
        if bool(tokens) and all(_has_word(q, t) for t in tokens):
            return True
        # A person is in the question when any of their name words is a question entity word.
        entity_words = {
            t
            for m in frame.entities
            if m.kind is EntityKind.PERSON
            for t in fold(m.name or m.text).split()
            if len(t) > 2
        }
        return any(t in entity_words for t in tokens)

    def _meetings_for(self, frame: QuestionFrame, scored: Scored) -> list[Meeting]:
        return [
            m
            for m in self.engine.meetings_for(scored.article.id)
            if scored.info.index in m.sentences
        ]

    def _who_met(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        persons = [m for m in frame.strong_entities() if m.kind is EntityKind.PERSON]
        both = bool(
            re.search(
                r"\bwho\b.*\bwhom\b|\bwho\s+(?:is\s+)?meet(?:s|ing)?\s+(?:whom|who)\b",
                frame.text,
                re.I,
            )
        )
        plural = bool(
            re.search(
                r"\b(?:leaders|officials|ministers|countries|people|members|lawmakers|representatives|groups|delegates|who\s+else)\b",
                frame.text,
                re.I,
            )
        )
        wants_countries = frame.focus in {"countries", "country"} or bool(
            re.search(r"\bwhich\s+countries\b|\bfrom\s+which\s+countries\b", frame.text, re.I)
        )
        in_sentence = not persons or any(self._sentence_has(info, m) for m in persons)

        def pick(names_kinds: list[tuple[str, EntityKind]]) -> list[str]:
            if wants_countries:
                names_kinds = [
                    nk for nk in names_kinds if nk[1] is EntityKind.COUNTRY
                ] or names_kinds
            elif any(k is EntityKind.PERSON or k is EntityKind.GROUP for _, k in names_kinds):
                names_kinds = [nk for nk in names_kinds if nk[1] is not EntityKind.COUNTRY]
            return _dedupe_names([n for n, _ in names_kinds])

        here_keys = {m.key for m in info.mentions} | {r.key for r in info.references}
        nearby = {
            m.id: m
            for m in self.engine.meetings_for(scored.article.id)
            if any(abs(i - info.index) <= 1 for i in m.sentences)
            and any(p.key in here_keys for p in m.participants)
        }
        for meeting in {**nearby, **{m.id: m for m in self._meetings_for(frame, scored)}}.values():
            anchors = persons or frame.strong_entities()
            involved = (
                not anchors
                or any(self._same_entity(p.name, m) for p in meeting.participants for m in anchors)
                or (not persons and meeting.id in nearby)
            )
            others = [
                (p.name, p.kind)
                for p in meeting.participants
                if both or not self._in_question(frame, p.name)
            ]
            names = pick(others)
            if not names:
                continue
            named_here = {m.key for m in info.mentions}
            triggered_here = meeting.trigger.sentence == info.index or (
                bool(_MEET_VERB.search(info.text))
                and any(
                    p.key in named_here
                    for p in meeting.participants
                    if not self._in_question(frame, p.name)
                )
            )
            bonus = 1.5 if involved and triggered_here else 0.6 if involved else 0.3
            if not wants_countries and all(
                p.kind is EntityKind.COUNTRY for p in meeting.participants if p.name in names
            ):
                # "France's new President ... to meet": a country where a person was asked for
                # is the weakest answer a meeting can give.
                bonus -= 1.0
            if plural:
                bonus += 0.1 * (len(names) - 1)
            yield Candidate(
                short=_join(names),
                score=bonus,
                sentence=scored,
                rule="meeting-event",
                facts={"participants": [p.name for p in meeting.participants]},  # type: ignore[dict-item]
                highlight=tuple(names),
                meeting=meeting,
            )
        # Sentence level: who stands after a meeting verb (or after "by" in the passive).
        verb = _MEET_VERB.search(info.text)
        if not verb:
            return
        window_score = 0.9 if in_sentence else 0.45
        passive = re.search(r"\bby\b", info.text[verb.end() : verb.end() + 60])
        actors = [
            m
            for m in info.mentions
            if m.kind in {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.COUNTRY}
            and not m.role_only
        ]
        if both:
            free = [
                m
                for m in actors
                if not PREPOSITION_BEFORE.search(info.text, max(0, m.start - 40), m.start)
            ]
            people = [m for m in free if m.kind is EntityKind.PERSON]
            # "Who is meeting whom" asks for people; fewer than two is no answer from here.
            names = pick([(m.name or m.text, m.kind) for m in people]) if len(people) >= 2 else []
            if len(names) >= 2:
                yield Candidate(
                    short=_join(names[:6]),
                    score=window_score,
                    sentence=scored,
                    rule="sentence-all-actors",
                    highlight=tuple(names),
                )
            return
        group = self._group_object(info.text, verb.end())
        if group is not None and self._in_question(frame, group[0]):
            group = None
        objects = [
            m
            for m in actors
            if m.start >= verb.end()
            and not self._in_question(frame, m.name or m.text)
            and (
                passive
                or not PREPOSITION_BEFORE.search(info.text, max(verb.end(), m.start - 40), m.start)
            )
            # A group met ("with leaders in law enforcement, ... said that America ..."): names
            # after it belong to another clause.
            and (group is None or m.start < group[1])
        ]
        if (passive or not objects) and group is None:
            objects += [
                m
                for m in actors
                if m.end <= verb.start() and not self._in_question(frame, m.name or m.text)
            ]
        names = pick([(m.name or m.text, m.kind) for m in objects])
        if names:
            bonus = 0.1 * (len(names) - 1) if plural else -0.05 * (len(names) - 1)
            yield Candidate(
                short=_join(names[:6]),
                score=window_score - 0.2 + bonus,
                sentence=scored,
                rule="sentence-actors",
                highlight=tuple(names),
            )
        if group is not None:
            phrase = group[0]
            yield Candidate(
                short=phrase,
                score=window_score - 0.1,
                sentence=scored,
                rule="sentence-group",
                highlight=(phrase,),
            )

    def _group_object(self, text: str, after: int) -> tuple[str, int] | None:
        """The group a meeting verb takes as its object, right after it ("met the families") or
        after "with" later in the same clause ("a meeting at the White House Wednesday with
        leaders in law enforcement"); the phrase and where it ends."""
        group = group_np().match(text, after)
        if not group:
            with_ = re.compile(r"\bwith\s+").search(text, after, after + 80)
            if with_ is None or re.search(r"[,;:.]", text[after : with_.start()]):
                return None
            group = group_np().match(text, with_.start())
            if not group:
                return None
        return re.sub(r"^(?:with|the)\s+", "", group.group(1).strip()), group.end()

    def _who(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        text = info.text
        whose = re.match(r"^\s*whose\s+(\w+)", frame.text, re.I)
        if whose:
            for hit in re.finditer(
                r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)['’]s\s+" + re.escape(whose.group(1)), text
            ):
                if not self._in_question(frame, hit.group(1)):
                    yield Candidate(
                        short=hit.group(1),
                        score=1.0,
                        sentence=scored,
                        rule="possessive",
                        highlight=(hit.group(1),),
                    )
        people = [
            m
            for m in info.mentions
            if m.kind in {EntityKind.PERSON, EntityKind.ORGANISATION} and not m.role_only
        ]
        people += [r for r in info.references if r.rule == "title-reference"]
        # "..., he told a German newspaper" / "He finished second": the subject pronoun stands
        # for the person it was resolved to.
        people += [
            r
            for r in info.references
            if r.rule == "pronoun"
            and r.text.lower() in {"he", "she"}
            and (re.match(r"\s+" + _SAY_VERBS, info.text[r.end :]) or r.start == 0)
        ]
        candidates = [m for m in people if not self._in_question(frame, m.name or m.text)]
        if not candidates:
            return
        entity_stems = {s for m in frame.entities for s in self.tokenizer(m.name or m.text)}
        q_stems = set(self.tokenizer(frame.text)) - entity_stems
        anchors = [
            w.start()
            for w in re.finditer(r"[\w'-]+", text)
            if self.tokenizer.stem(fold(w.group())) in q_stems
        ]
        say = [m.start() for m in re.finditer(_SAY_VERBS, text)]
        asks_says = bool(
            re.search(
                r"\b(?:said|say|says|told|warned|announced|confirmed|stressed|tweeted)\b",
                frame.text,
                re.I,
            )
        )
        many = bool(
            re.search(
                r"\b(?:which|what)\s+(?:\w+\s+){0,2}(?:chairmen|chairwomen|leaders|members|officials|astronauts|ministers|people|players|countries|lawmakers|senators|companies|banks)\b",
                frame.text,
                re.I,
            )
        )
        focus = _who_focus(frame.text)
        focus_stem = self.tokenizer.stem(focus) if focus else None
        focus_country = self._focus_nationality(frame, focus)
        agent_verbs = self._agent_verb_spans(frame, text)
        from assistant.knowledge.lexicon import lexicon

        # "Who is the presidential spokesman ...": a title the answer must carry.
        asked_title = focus if focus and focus in lexicon().title_heads_folded else None
        roles, successor = self._asked_roles(frame, focus)
        role_stems = {self.tokenizer.stem(r) for r in roles}
        owner_stems = q_stems - role_stems - {self.tokenizer.stem(w) for w in _QUESTION_WORDS}
        proper = self.engine.proper_words
        scored_people = []
        for m in candidates:
            distance = min((abs(m.start - a) for a in anchors), default=200)
            score = 0.8 - min(distance, 200) / 400
            if focus in _ORG_FOCUS:
                # A capitalised name of unknown kind may be a firm; a titled person is not.
                score += (
                    0.6
                    if m.kind is EntityKind.ORGANISATION
                    else 0.0
                    if m.rule == "name-shape"
                    else -0.4
                )
            elif m.kind is EntityKind.PERSON:
                score += 0.3
            elif m.kind is EntityKind.ORGANISATION:
                # "Which rider", "the coach": a person-shaped question wants a person.
                score -= 0.4
            if focus_stem:
                # "rider Daniel Okafor", "Mayor Tor Lindahl", "the company, Corvan Logistics"
                window = text[max(0, m.start - 40) : m.end + 40]
                if any(
                    self.tokenizer.stem(fold(w)) == focus_stem
                    for w in re.findall(r"[\w'-]+", window)
                ):
                    score += 0.3
            if asks_says and say and min(abs(m.start - s) for s in say) < 40:
                score += 0.4
            if m.rule == "title-reference":
                score -= 0.2
            if any(
                re.fullmatch(r"\s+(?:by\s+(?:the\s+)?)", text[v_end : m.start])
                or re.fullmatch(r"(?:,[^,.]{0,40},)?\s+", text[m.end : v_start])
                for v_start, v_end in agent_verbs
            ):
                # "The warehouse was leased by Corvan Logistics", "Corvan leased ...": who did
                # what the question asks.
                score += 0.4
            if asked_title and m.kind is EntityKind.PERSON and m.title:
                # A president is not the spokesman the question asks for.
                score += 0.3 if asked_title in fold(m.title) else -0.5
            if roles or successor:
                attached = _attached_role(info, m)
                words = {fold(w) for w in re.findall(r"[\w'’-]+", attached)}
                if roles and {w.rstrip("s") for w in words} & roles:
                    # "Yousef Munayyer, Executive Director of the Jerusalem Fund": the holder
                    # of the asked role, the more so when it is the asked body's.
                    stems = {self.tokenizer.stem(w) for w in words}
                    score += 0.2 + 0.25 * min(3, len(stems & owner_stems))
                if successor:
                    lex = lexicon()
                    if words & lex.successor_cues:
                        score += 0.4
                    if words & lex.predecessor_cues:
                        score -= 0.4
            if (
                m.rule == "name-shape"
                and info.index == -1
                and proper
                and any(fold(w) not in proper for w in (m.name or m.text).split())
            ):
                # "Thai Coup Leaders Tighten Grip": a headline's words the corpus writes in
                # lower case are no one's name.
                score -= 0.6
            nationality = self._nationality_of(m, text) if focus_country else None
            if focus_country and m.kind is EntityKind.PERSON and nationality:
                # "Which Lumerian rider": not the "Estovian rider Jarek Kallas".
                score += 0.3 if fold(nationality) == fold(focus_country) else -0.5
            scored_people.append((score, m))
        scored_people.sort(key=lambda x: -x[0])
        if many:
            names = _dedupe_names(
                [m.name or m.text for _, m in scored_people if m.kind is EntityKind.PERSON]
                or [m.name for _, m in scored_people]
            )
            yield Candidate(
                short=_join(names[:6]),
                score=scored_people[0][0],
                sentence=scored,
                rule="sentence-people",
                highlight=tuple(names),
            )
            return
        score, best = scored_people[0]
        yield Candidate(
            short=best.name or best.text,
            score=score,
            sentence=scored,
            rule=f"sentence-person:{best.rule}",
            highlight=(best.text,),
            kind=best.kind,
        )

    def _asked_roles(self, frame: QuestionFrame, focus: str | None) -> tuple[frozenset[str], bool]:
        """The role nouns a who-question asks the holder of ("Who is the chairman of ...",
        "Who runs ..." -> director, head, ...), and whether it asks who took a role over
        ("Who became the new Sultan?")."""
        from assistant.knowledge.lexicon import lexicon

        lex = lexicon()
        roles: set[str] = set()
        if focus and any(part in lex.title_heads_folded for part in focus.split("-")):
            roles.add(focus)
        verb = re.match(r"^\s*(?:and\s+)?who\s+([a-z]+)\b", frame.text, re.I)
        if verb:
            roles |= lex.role_verbs.get(fold(verb.group(1)), frozenset())
        words = [fold(w) for w in re.findall(r"[\w'’-]+", frame.text)]
        successor = bool(
            verb and fold(verb.group(1)) in {"became", "becomes", "become", "succeeded", "replaced"}
        ) or bool(set(words) & lex.successor_cues)
        if successor:
            roles |= {w for w in words if w in lex.title_heads_folded}
        return frozenset(roles), successor

    def _agent_verb_spans(self, frame: QuestionFrame, text: str) -> list[tuple[int, int]]:
        """Where a sentence uses the verb of a who-question ("Which company leased ...",
        "Who hosted ..."), as (start, end) spans."""
        opening = _WHO_OPENING.match(frame.text) or re.match(
            r"^\s*(?:and\s+)?who\s+", frame.text, re.I
        )
        if not opening:
            return []
        verb = None
        for word in re.findall(r"[\w'’-]+", frame.text[opening.end() :])[:6]:
            lower = word.lower()
            if lower in {"who", "that", "which"}:
                continue
            if lower in _AUXILIARIES:
                return []
            if lower.endswith("ed") or lower in _FOCUS_STOP:
                verb = lower
                break
        if verb is None:
            return []
        stem = self.tokenizer.stem(verb)
        return [
            w.span()
            for w in re.finditer(r"[\w'-]+", text)
            if self.tokenizer.stem(fold(w.group())) == stem
        ]

    def _nationality_of(self, mention: Mention, text: str) -> str | None:
        """A person's nationality: known, or a nationality among the words just before the
        name ("Estovian rider Jarek Kallas")."""
        from assistant.knowledge.lexicon import lexicon

        if mention.nationality:
            return mention.nationality
        nationalities = lexicon().nationalities
        for word in reversed(
            re.findall(r"[\w-]+", text[max(0, mention.start - 30) : mention.start])[-3:]
        ):
            if fold(word) in nationalities:
                return nationalities[fold(word)]
        return None

    def _focus_nationality(self, frame: QuestionFrame, focus: str | None) -> str | None:
        """The country of a nationality right before a who-question's noun ("Which Lumerian
        rider" -> Lumeria)."""
        from assistant.knowledge.lexicon import lexicon

        if not focus:
            return None
        # Each capitalised word with the word after it: no pattern made per question (they
        # would push the rules' own patterns out of re's cache).
        for match in _CAPITALISED_THEN_WORD.finditer(frame.text):
            if match.group(2) == focus:
                return lexicon().nationalities.get(fold(match.group(1)))
        return None

    def _who_role(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        target = fold(frame.role_target or "")
        if not target:
            return
        info = scored.info
        for m in info.mentions:
            if m.kind is not EntityKind.PERSON or not m.title:
                continue
            if (
                target not in fold(m.name)
                and fold(m.name) not in target
                and not any(t in fold(m.name).split() for t in target.split())
            ):
                continue
            role = m.title
            if m.nationality:
                role = f"{_demonym(m.nationality)} {role}".strip()
            yield Candidate(
                short=role,
                score=1.2 if m.rule == "title+name" else 0.8,
                sentence=scored,
                rule="title",
                highlight=(m.text,),
            )
        # Appositive: "Rami Khouri, director of the Issam Fares Institute ..., said".
        for name_match in re.finditer(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*", info.text):
            if (
                fold(name_match.group()) != target
                and fold(name_match.group()).split()[-1:] != target.split()[-1:]
            ):
                continue
            after = info.text[name_match.end() :]
            appositive = re.match(r",\s+((?:an?|the)\s+)?([^,]{3,120}?)(?:,|\.|$|\s+said)", after)
            if appositive and not re.match(r"(?:who|which|said|says)\b", appositive.group(2)):
                yield Candidate(
                    short=trim_words(appositive.group(2), 16),
                    score=0.9,
                    sentence=scored,
                    rule="appositive",
                    highlight=(appositive.group(2),),
                )
            before = info.text[: name_match.start()]
            title_before = re.search(r"((?:[A-Z][\w-]+\s+){1,4})$", before)
            if title_before and any(
                w in title_before.group(1)
                for w in (
                    "President",
                    "Minister",
                    "Secretary",
                    "Chancellor",
                    "Director",
                    "Chairman",
                    "CEO",
                    "Governor",
                )
            ):
                yield Candidate(
                    short=title_before.group(1).strip(),
                    score=0.8,
                    sentence=scored,
                    rule="title-before",
                    highlight=(title_before.group(1).strip(),),
                )

    def _where(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
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
                and not self._in_question(frame, meeting.place.value)
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
        predicate = self._predicate_stems(frame)
        rules = answer_rules()
        saying = (
            rules.saying.search(info.text) if rules.asks_where_said.search(frame.text) else None
        )
        focus_suffix = (frame.focus or "").rstrip("s")
        if _ASKS_MEETING.search(frame.text) and not meetings and not _MEET_VERB.search(info.text):
            # "Where did the two leaders meet?": a sentence that reports no meeting (a headline
            # on the earthquake that brought them together) names no place of one.
            return
        # "According to the London Sunday Times": a place in a source's name is no setting.
        sources = [(a.start(1), a.end(1)) for a in _SOURCE.finditer(info.text)]
        for m in info.mentions:
            if m.kind not in {EntityKind.PLACE, EntityKind.COUNTRY}:
                continue
            if fold(m.name) in exclude or self._in_question(frame, m.name):
                continue
            if any(start <= m.start < end for start, end in sources):
                continue
            if not self._fits_focus(frame, m.name, m.kind):
                continue
            if m.kind is EntityKind.COUNTRY and self._country_demonym_in_question(frame, m.name):
                continue
            before = info.text[max(0, m.start - 14) : m.start].lower()
            score = place_score(info, m) / 4
            if m.kind is EntityKind.PLACE:
                # A named site says more than a city, a city more than a country.
                score += 0.2 if "suffix" in m.rule else 0.1
            if focus_suffix and focus_suffix in fold(m.name):
                score += 0.5
            if frame.focus in {"country"}:
                score += 0.5 if m.kind is EntityKind.COUNTRY else -0.5
            if frame.focus in {"city", "town", "capital", "port"}:
                score += 0.2 if m.kind is EntityKind.PLACE else -0.5
            if frame.focus in _BUILDING_FOCUS:
                if m.kind is EntityKind.COUNTRY:
                    score -= 1.0
                elif "suffix" in m.rule:
                    score += 0.5
                elif "gazetteer" in m.rule or "prefix" in m.rule:
                    score -= 0.5
            if re.search(r"\bfrom\b", frame.text, re.I) and re.search(
                r"\bfrom\s+(?:the\s+)?$", before
            ):
                score += 0.8
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
            if saying and m.start > saying.end():
                # "In Brussels, Kerry said he backed ... the coup in Turkey": Turkey is in what
                # he said, not where he said it.
                score -= 0.6
            yield Candidate(
                short=m.name,
                score=score,
                sentence=scored,
                rule=f"sentence-place:{m.rule}",
                highlight=(m.text,),
                kind=m.kind,
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
            and not self._in_question(frame, place.value)
            and self._fits_focus(frame, place.value, None)
        ):
            yield Candidate(
                short=place.value,
                score=0.3,
                sentence=scored,
                rule=place.rule,
                highlight=(place.value,),
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

    def _when(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        asked = {fold(t) for t in frame.times}
        asks_past = bool(
            re.match(r"^\s*(?:and\s+)?when\s+(?:did|was|were|had)\b", frame.text, re.I)
        )
        predicate = self._predicate_stems(frame)
        bound = _ASKED_BOUND.match(frame.text)
        # The question's words that may be its verb: a plural noun ("ministers") is not one,
        # and a time after it ("a meeting of ministers Monday") need not date the asked act.
        verbs = predicate & {
            self.tokenizer.stem(fold(w))
            for w in _WORDS.findall(frame.text)
            if not re.search(r"[^s]s$", w, re.I)
        }
        for t in info.times:
            if fold(t.text) in asked:
                continue
            score = {
                "weekday_date": 0.9,
                "day_month": 0.9,
                "iso": 0.9,
                "weekday": 0.8,
                "relative_weekday": 0.8,
                "relative_day": 0.7,
                "relative_month": 0.7,
                "month_year": 0.7,
                "relative_period": 0.5,
                "clock": 0.5,
                "year": 0.5,
                "month": 0.5,
                "ago": 0.4,
                "holiday": 0.5,
                "bare_year": 0.3,
            }.get(t.kind, 0.3)
            if re.search(
                r"\b(?:first|ago|originally|initially)\b", frame.text, re.I
            ) and t.kind in {"year", "bare_year", "relative_month", "month_year"}:
                score += 0.3
            score += self._proximity(frame, info.text, t.start, t.end)
            score += self._time_of_other_event(predicate, info.text, t.start)
            if info.caption or (
                t.kind in {"weekday_date", "day_month"}
                and re.search(r"\b(?:19|20)\d\d$", t.text)
                and info.text[max(0, t.start - 2) : t.start] == ", "
                and not info.text[t.end :].strip(" .")
            ):
                # "Rescue workers at the wreckage ..., Colombia, Nov. 29, 2016.": a photo
                # caption's closing date is when the picture was taken, often days after the event.
                score -= 0.4
            ahead = info.text[max(0, t.start - 40) : t.start]
            lead = _LEADING_WORDS.search(ahead)
            if (
                lead
                and self.tokenizer.stem(fold(lead.group(1))) in verbs
                and not answer_rules().time_bound.search(ahead)
            ):
                # "The broadcasts began on August 10", "the summit, which begins May 26": the
                # time follows the question's own verb, so it dates that act.
                score += 0.4
            if bound and re.search(
                rf"\b{bound.group(1)}\s+(?:the\s+)?$",
                info.text[max(0, t.start - 12) : t.start],
                re.I,
            ):
                score += 0.6
            if asks_past and _PLANNED.search(info.text[max(0, t.start - 60) : t.start]):
                # "When did they meet?" is not answered by "they would meet again on Thursday".
                score -= 0.5
            words = t.text
            resolved = format_iso(t.iso)
            # "September" resolved to "September 2026" adds only the year: say it once.
            # "June 15" resolved to "15 June 2020" is not that: its day must stay where written.
            last = _WORDS.findall(fold(words))[-1:]
            same = (
                resolved
                and not "".join(last).isdigit()
                and last == _WORDS.findall(fold(resolved))[:1]
            )
            short = (
                words
                if not resolved or fold(resolved) in fold(words)
                else resolved
                if same
                else f"{words}, {resolved}"
            )
            yield Candidate(
                short=short,
                score=score,
                sentence=scored,
                rule=f"time:{t.kind}",
                facts={"when_words": words, "when_iso": t.iso or ""},
                highlight=(t.text,),
            )

    def _time_of_other_event(self, predicate: frozenset[str], text: str, start: int) -> float:
        """How much less a time dates the asked event for the clause it stands in: none in the
        main clause, a little after "after", "by", "until" (a bound: "shortly after 2 a.m."),
        much inside a clause of its own ("since Trump ended a call with him in February", ",
        who served as ambassador from 2002") unless that clause holds the question's own words
        ("after meeting with Turnbull late Thursday", ", which begins May 26"), and much inside
        what the question's own verb reports ("announced that from June 15, ...")."""
        rules = answer_rules()
        before = text[max(0, start - 120) : start]
        clause = re.split(r"[,;:()\"“”]|\s[-–—]\s", before)[-1]
        reported = any(
            self.tokenizer.stem(fold(m.group(1))) in predicate
            for m in rules.time_complement.finditer(clause)
        )
        if reported:
            return -0.8
        opening = rules.time_clause.search(clause)
        bound = rules.time_bound.search(clause)
        if opening is None or (bound is not None and bound.start() <= opening.start()):
            return -0.3 if bound else 0.0
        inside = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(clause[opening.end() :])}
        return 0.0 if predicate & inside else -0.8

    def _why(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        persons = [m for m in frame.strong_entities() if m.kind is EntityKind.PERSON]
        predicate = self._predicate_stems(frame)
        # The asked-about person named inside a purpose is its object, not its subject: "Rouhani
        # wanted to talk with President Obama" gives Rouhani's reason, not Obama's.
        surnames = [
            fold(m.name or m.text).split()[-1]
            for m in persons
            if (m.name or m.text)
            and _SUBJECT_BEFORE.search(frame.text[max(0, m.start - 40) : m.start])
        ]

        def names_subject(clause: str) -> bool:
            return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", fold(clause)) for n in surnames)

        for meeting in self._meetings_for(frame, scored):
            if meeting.purpose is None or meeting.background:
                continue
            involved = not persons or any(
                self._same_entity(p.name, m) for p in meeting.participants for m in persons
            )
            if not involved:
                continue
            # The event's purpose may sit in a later sentence ("The visit aims to ...").
            own = 1.0 if meeting.purpose.sentence == info.index else 0.9
            if predicate and not predicate & self._meeting_stems():
                # "What brought Hartwig to the port?" asks about the trip, not the talks she
                # held there: a meeting's purpose is then no better than any clause's.
                own -= 0.3
            if names_subject(meeting.purpose.value):
                own -= 0.3
            yield Candidate(
                short=meeting.purpose.value,
                score=own,
                sentence=scored,
                rule=f"meeting-{meeting.purpose.rule}",
                highlight=(meeting.purpose.value,),
                meeting=meeting,
                extra_sentences=[(scored.article, meeting.purpose.sentence)],
            )
        for purpose, start in purpose_clauses(info):
            if self._restates(predicate, purpose.value):
                continue
            own = {"purpose:statement": 1.0, "purpose:generic": 0.4}.get(purpose.rule, 0.7)
            if names_subject(purpose.value):
                own -= 0.3
            own -= 0.15 * self._named_only_inside(frame, info.text, start, purpose.value)
            yield Candidate(
                short=purpose.value,
                score=own + self._attachment(predicate, info.text, start, purpose.value),
                sentence=scored,
                rule=purpose.rule,
                highlight=(purpose.value,),
            )
        yield from self._purpose_stated_next(scored)
        for prompted in answer_rules().prompted.finditer(info.text):
            # Only the cause of the act asked about: "prompted the minister to step down"
            # answers why he stepped down.
            if self.tokenizer.stem(prompted.group(2).lower()) not in predicate:
                continue
            if len(prompted.group(1).split()) < 2:
                # "This prompted him to resign": a pointer alone says nothing.
                continue
            yield Candidate(
                short=prompted.group(1),
                score=0.8,
                sentence=scored,
                rule="reason-prompted",
                highlight=(prompted.group(0),),
            )
        # Causes, strongest cue first: "because", "in retaliation for", then "after", "amid".
        for own, pattern in answer_rules().causes:
            reasons = list(pattern.finditer(info.text))
            for reason in reasons:
                short = _QUOTE_END.split(reason.group(0))[0]
                short = answer_rules().contrast.split(short)[0]
                short = trim_words(short, 30).rstrip(".,")
                extra: list[tuple[Article, int]] = []
                referent = self._referent(scored, short)
                if referent is not None:
                    # "over this issue": what the issue is, from the sentences before.
                    short, index = referent
                    extra = [(scored.article, index)] if index >= 0 else []
                yield Candidate(
                    short=short,
                    score=own + self._attachment(predicate, info.text, reason.start(), short),
                    sentence=scored,
                    rule="reason-clause" + (":referent" if referent else ""),
                    highlight=(reason.group(0),),
                    extra_sentences=extra,
                )
            if any(not self._other_clause_holds(predicate, info.text, r.start()) for r in reasons):
                # A weaker cue is looked for only if these all explain another clause.
                break

    def _restates(self, predicate: frozenset[str], clause: str) -> bool:
        """A "to" clause that only says again what the question asks about is no purpose of it:
        "signs a decree to ban face veils" gives no reason why face veils were banned."""
        words = [fold(w) for w in _WORDS.findall(clause)]
        if len(words) < 2 or words[0] != "to":
            return False
        stems = [self.tokenizer.stem(w) for w in words[1:] if w not in self.tokenizer.stopwords]
        if not stems or stems[0] != self.tokenizer.stem(words[1]) or stems[0] not in predicate:
            return False
        # "to resign on Friday" adds only a time; "to ban face veils in offices" the question.
        return len(predicate & set(stems)) >= 2 or len(stems) <= 2

    def _purpose_stated_next(self, scored: Scored) -> Iterable[Candidate]:
        """The purpose of an act reported by the next sentence with a noun for the act: "On
        Monday the police chief barred rescue ships from Sicily's ports. He said the move was
        designed to ease the burden on police." """
        sentences = self.analyses.get(scored.article).sentences
        first = scored.info.index + 1
        if first <= 0 or first >= len(sentences):
            return
        # "The move was designed to ...", or what it followed: "This decision comes after ...";
        # a sentence that quotes or explains the act may stand between the two.
        for pattern, rule, reach in (
            (answer_rules().next_statement, "purpose:stated-next", 1),
            (answer_rules().next_reason, "reason:stated-next", 3),
        ):
            later = range(first, min(first + reach, len(sentences)))
            found = next(((i, m) for i in later if (m := pattern.match(sentences[i].text))), None)
            if found is None:
                continue
            index, statement = found
            text = sentences[index].text
            start = statement.end() - len(statement.group().split()[-1])
            clause = answer_rules().contrast.split(_QUOTE_END.split(text[start:])[0])[0]
            clause = trim_words(clause, 30).rstrip(".,")
            if len(clause.split()) < 3:
                continue
            yield Candidate(
                short=clause,
                score=0.9,
                sentence=scored,
                rule=rule,
                highlight=(clause,),
                extra_sentences=[(scored.article, index)],
            )

    def _referent(self, scored: Scored, reason: str) -> tuple[str, int] | None:
        """What a reason that only points back refers to ("over this issue", "over the
        agreement"): the nearest earlier phrase ending in the same noun with words before it
        ("a maritime border agreement"), else, after "this"/"that", the sentence just before."""
        pointer = answer_rules().anaphora.match(reason)
        if pointer is None:
            return None
        analysis = self.analyses.get(scored.article)
        noun = pointer.group(2)
        phrase = re.compile(
            r"\b((?:(?-i:[A-Za-z][\w'’-]*)\s+){1,4}?)" + re.escape(noun) + r"\b", re.I
        )
        index = scored.info.index
        # The sentences just before, then the headline, which names the story's main thing.
        earlier_infos = [analysis.sentences[i] for i in range(index - 1, max(-1, index - 4), -1)]
        if analysis.title is not None and index > 0:
            earlier_infos.append(analysis.title)
        for info in earlier_infos:
            text, earlier = info.text, info.index
            for match in reversed(list(phrase.finditer(text))):
                # Only the words that describe the noun, read back from it: a determiner or
                # a verb ("signed", "denounces") ends them.
                words: list[str] = []
                for word in reversed(match.group(1).split()):
                    lower = word.lower()
                    if (
                        lower in self.tokenizer.stopwords
                        or lower.endswith("ed")
                        or (word.islower() and lower.endswith("s") and not lower.endswith("ss"))
                    ):
                        break
                    words.insert(0, word)
                if words:
                    return f"{reason.split()[0]} the {' '.join(words)} {noun}", earlier
        if pointer.group(1).lower() in {"this", "that", "these", "those"} and index > 0:
            before = analysis.sentences[index - 1].text
            return f"{reason}: {trim_words(before, 30).rstrip('.')}", index - 1
        return None

    def _named_only_inside(self, frame: QuestionFrame, text: str, start: int, clause: str) -> int:
        """How many of the question's places and organisations a sentence names only inside a
        reason clause: "visited Rennick ... to narrow the gap before the Coastal States Forum
        summit" gives the reason for a visit, not for a Coastal States Forum meeting."""
        outside = fold(text[:start] + " " + text[start + len(clause) :])
        inside = fold(clause)
        count = 0
        for m in frame.strong_entities():
            if m.kind is EntityKind.PERSON:
                continue
            name = fold(m.name or m.text)
            if _has_word(inside, name) and not _has_word(outside, name):
                count += 1
        return count

    def _predicate_stems(self, frame: QuestionFrame) -> frozenset[str]:
        """The stems of what a question asks about, without its names and question words."""
        entity_stems = {s for m in frame.entities for s in self.tokenizer(m.name or m.text)}
        # Capitalised words are names, nationalities and months, not the predicate.
        lower = " ".join(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", frame.text))
        words = [w for w in self.tokenizer.words(lower) if w not in _QUESTION_WORDS]
        stems = {self.tokenizer.stem(w) for w in words if w not in self.tokenizer.stopwords}
        return frozenset(stems - entity_stems)

    def _attachment(self, predicate: frozenset[str], text: str, start: int, clause: str) -> float:
        """A reason belongs to what stands just before it: "charged with treason because ..."
        answers why he was charged with treason, while a reason clause that itself holds the
        question's words ("because ... why he has been charged") explains something else."""
        if not predicate:
            return 0.0
        opening = self._clause_opening(text, start)
        before = {
            self.tokenizer.stem(fold(w))
            for w in _WORDS.findall(text[max(opening, start - 70) : start])
        }
        inside = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(clause)}
        score = 0.2 * min(len(predicate & before), 3) - 0.15 * min(len(predicate & inside), 2)
        return score - 0.2 * self._other_clause_holds(predicate, text, start)

    def _clause_opening(self, text: str, start: int) -> int:
        breaks = [m.end() for m in answer_rules().contrast.finditer(text, 0, start)]
        return breaks[-1] if breaks else 0

    def _other_clause_holds(self, predicate: frozenset[str], text: str, start: int) -> int:
        """How many of the question's words only an earlier part of the sentence holds, past a
        turn to another matter (", but ..."): "had poor relations over X, but the leaders spoke
        ... to help each other" gives no reason for the poor relations after "but"."""
        opening = self._clause_opening(text, start)
        if not opening or not predicate:
            return 0
        own = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(text[opening:start])}
        if predicate & own:
            return 0
        earlier = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(text[:opening])}
        return min(len(predicate & earlier), 2)

    def _topic(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        for meeting in self._meetings_for(frame, scored):
            if meeting.topics and meeting.topics[0].sentence == info.index:
                items = [t.value for t in meeting.topics if not self._in_question(frame, t.value)]
                if items:
                    yield Candidate(
                        short=trim_words(", ".join(items), 30),
                        score=0.9,
                        sentence=scored,
                        rule="meeting-topics",
                        highlight=tuple(items),
                        meeting=meeting,
                    )
        topics = find_topics(info)
        if _NEGATED_TOPIC.search(info.text):
            # "... was not discussed in the phone call": no topic of this meeting.
            topics = []
        items = [
            t.value
            for t in topics
            if not self._in_question(frame, t.value)
            # "discussed in the two leaders' call": a setting after the verb, not a topic.
            and not _SETTING_ITEM.match(t.value)
        ]
        if items:
            score = 0.7 + 0.1 * min(len(items), 6)
            yield Candidate(
                short=trim_words(", ".join(items), 30),
                score=score,
                sentence=scored,
                rule=topics[0].rule,
                highlight=tuple(items),
            )
        about = re.search(r"\b(?:about|concerning|regarding)\s+(.{6,})", info.text)
        if about:
            yield Candidate(
                short=trim_words(about.group(1), 30).rstrip(".,"),
                score=0.2,
                sentence=scored,
                rule="topic-about",
                highlight=(about.group(1),),
            )

    def _person_meetings(self, frame: QuestionFrame) -> list[Meeting]:
        people = [m for m in frame.strong_entities() if m.kind is EntityKind.PERSON]
        if not people:
            return []
        out = []
        for meeting in self._meetings_naming(people):
            names = [fold(p.name) for p in meeting.participants]
            if all(any(fold(m.name).split()[-1] in n.split() for n in names) for m in people):
                out.append(meeting)
        return out

    def _meetings_naming(self, people: list[Mention]) -> Iterable[Meeting]:
        """Every meeting, or (when the index can tell) only those of the articles whose words
        include each person's surname, in the same order: a participant's name is made from
        its article's words, so other articles' meetings cannot match. Parsing all ~95,000
        meetings of a 100k-article corpus took seconds."""
        usable = self._postings()
        surnames = [fold(m.name).split()[-1] if m.name.split() else "" for m in people]
        if (
            usable is None
            or not all(_WORDS.fullmatch(s) for s in surnames)
            or any(s in self.tokenizer.stopwords for s in surnames)
        ):
            yield from self.engine.meetings
            return
        corpus, docs_with = usable
        owner = corpus.arrays["psg"][:, 0] if corpus.n_passages else np.zeros(0, np.int32)
        chosen: set[int] | None = None
        for surname in surnames:
            docs = docs_with(self.tokenizer.stem(surname))
            found = set(_distinct(owner[docs], corpus.n_articles).tolist())
            chosen = found if chosen is None else chosen & found
        captioned = {corpus.position(aid) for aid in self._captioned_articles()}
        for i in sorted((chosen or set()) | captioned):
            for j in corpus.meetings_of(i):
                yield corpus.meeting(j)

    def _count(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        meetings = self._person_meetings(frame)
        if meetings:
            yield Candidate(
                short=str(len(meetings)), score=1.0, sentence=scored, rule="meeting-count"
            )

    def _list_meetings(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        meetings = self._person_meetings(frame)
        if meetings:
            parts = []
            for m in meetings[:8]:
                who = _join(_dedupe_names([p.name for p in m.participants]))
                where = f" in {m.place.value}" if m.place else ""
                parts.append(f"{who}{where}")
            yield Candidate(short="; ".join(parts), score=1.0, sentence=scored, rule="meeting-list")

    # --- output ----------------------------------------------------------------------------

    def _subject(self, frame: QuestionFrame) -> str:
        people = [m for m in frame.strong_entities() if m.kind is EntityKind.PERSON]
        chosen = people or frame.strong_entities()
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
        elif frame.intent in {"where", "when"} and subject:
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
        sentence = scored.info.text
        confident = scored.coverage >= FALLBACK_COVERAGE
        text = templates().render("fallback", "default", answer=sentence)
        log.append("template fallback.default")
        return Answer(
            question=frame.text,
            intent=frame.intent,
            answer=text[:400],
            short=trim_words(sentence, 30) if confident else "",
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


def _dedupe_names(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        folded = fold(name)
        if any(folded in fold(o) or fold(o) in folded for o in out):
            longer = [o for o in out if fold(o) in folded]
            for o in longer:
                out[out.index(o)] = name
            continue
        out.append(name)
    return list(dict.fromkeys(out))


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _strip_end(text: str) -> str:
    """The answer without its closing punctuation, but with the period of an abbreviation that
    ends it ("shortly after 2 a.m."): without it the answer no longer reads as the article."""
    text = text.strip()
    stripped = text.rstrip(".,;")
    last = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
    if text[len(stripped) : len(stripped) + 1] == "." and last in abbreviations():
        return stripped + "."
    return stripped


def _demonym(country: str) -> str:
    from assistant.knowledge.lexicon import lexicon

    for demonym, c in lexicon().data.nationalities.items():
        if (c == country and " " not in demonym) or (
            c == country and demonym.startswith(("South", "North"))
        ):
            return demonym
    return country


__all__ = ["Answerer", "ArticleAnalysis"]
