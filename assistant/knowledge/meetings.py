"""Meeting events: who met whom, where, when and why, each field with the sentence it came from.

Triggers, purpose cues and topic cues are data in `prompts/meetings.toml`. For each trigger the
participants are the actors before it in the same clause (the subject) and after it (the
object), or the two sides of "between X and Y"; place, time, purpose and topics come from the
same sentence first and from the following sentences when the sentence has none.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import combinations

from pydantic import field_validator

from assistant.knowledge.analysis import ArticleAnalysis, SentenceInfo, analyse
from assistant.knowledge.entities import Mention
from assistant.knowledge.lexicon import lexicon
from assistant.knowledge.prefilter import DEFER_CHARS, Guarded, Prefilter
from assistant.knowledge.prefilter import fold as fold_for_patterns
from assistant.lazy_re import lazy_compile
from assistant.models import Article, EntityKind, Evidence, Meeting, Participant
from assistant.prompts import StrictModel, check_pattern, load_prompt
from assistant.text import fold, trim_words


class TriggerRule(StrictModel):
    name: str
    kind: str
    pattern: str
    case_sensitive: bool = False

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        return check_pattern(pattern)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in {
            "meeting",
            "talks",
            "summit",
            "visit",
            "hosting",
            "phone call",
            "handshake",
        }:
            raise ValueError(f"unknown meeting kind {kind!r}")
        return kind


def _check_patterns(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        check_pattern(pattern)
    return patterns


class PurposeRules(StrictModel):
    cues: list[str]
    statements: list[str]
    not_after: list[str]

    _check = field_validator("cues", "statements")(classmethod(lambda cls, v: _check_patterns(v)))


class TopicRules(StrictModel):
    cues: list[str]

    _check = field_validator("cues")(classmethod(lambda cls, v: _check_patterns(v)))


class StatusRules(StrictModel):
    planned: str
    cancelled: str
    background: str

    _check = field_validator("planned", "cancelled", "background")(
        classmethod(lambda cls, v: _check_patterns([v])[0])
    )


class Concepts(StrictModel):
    meeting: list[str]
    topic: list[str]


class MeetingRules(StrictModel):
    triggers: list[TriggerRule]
    purpose: PurposeRules
    topics: TopicRules
    status: StatusRules
    concepts: Concepts


@dataclass
class CompiledRules:
    triggers: list[tuple[TriggerRule, re.Pattern[str]]]
    purpose: list[re.Pattern[str]]
    statements: list[re.Pattern[str]]
    topics: list[re.Pattern[str]]
    planned: re.Pattern[str]
    cancelled: re.Pattern[str]
    background: re.Pattern[str]
    meeting_words: tuple[str, ...]
    topic_words: tuple[str, ...]
    # Which triggers can match a sentence: most sentences report no meeting, and running the
    # trigger patterns over one costs far more than looking for the words they need.
    trigger_filter: Prefilter
    planned_guard: Guarded
    cancelled_guard: Guarded
    background_guard: Guarded
    statement_guards: list[Guarded]
    purpose_filter: Prefilter
    # Words after which "to ..." completes the word, not a purpose ("failed to settle").
    not_after: frozenset[str]
    topic_filter: Prefilter


@cache
def concept_words() -> Concepts:
    """The meeting and topic word lists alone: answering needs them for every question, the
    compiled rules (and their prefilters, a tenth of a second to derive) only for some. Only
    this table is read: validating the whole file compiles every rule's pattern, ~15 ms of a
    one-question command; the rest is validated where it is used (`rules()`)."""
    return load_prompt("meetings", Concepts, table="concepts")


@cache
def rules() -> CompiledRules:
    data = load_prompt("meetings", MeetingRules)
    triggers = [
        (t, re.compile(t.pattern, 0 if t.case_sensitive else re.IGNORECASE)) for t in data.triggers
    ]
    statements = [re.compile(p, re.IGNORECASE) for p in data.purpose.statements]
    planned = re.compile(data.status.planned, re.IGNORECASE)
    cancelled = re.compile(data.status.cancelled, re.IGNORECASE)
    background = re.compile(data.status.background, re.IGNORECASE)
    purpose = [re.compile(p, re.IGNORECASE) for p in data.purpose.cues]
    topics = [re.compile(p, re.IGNORECASE) for p in data.topics.cues]
    return CompiledRules(
        triggers=triggers,
        purpose=purpose,
        statements=statements,
        topics=topics,
        planned=planned,
        cancelled=cancelled,
        background=background,
        meeting_words=tuple(data.concepts.meeting),
        topic_words=tuple(data.concepts.topic),
        # Their needles are derived once enough text has been read to repay it (prefilter.py).
        trigger_filter=Prefilter([pattern for _, pattern in triggers], DEFER_CHARS),
        planned_guard=Guarded(planned, DEFER_CHARS),
        cancelled_guard=Guarded(cancelled, DEFER_CHARS),
        background_guard=Guarded(background, DEFER_CHARS),
        statement_guards=[Guarded(s, DEFER_CHARS) for s in statements],
        purpose_filter=Prefilter(purpose, DEFER_CHARS),
        not_after=frozenset(w.lower() for w in data.purpose.not_after),
        topic_filter=Prefilter(topics, DEFER_CHARS),
    )


ACTOR_KINDS = {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.COUNTRY, EntityKind.GROUP}
_CLAUSE_BREAK = lazy_compile(r"[;:]|,\s+(?:but|while|and\s+then|which|who|where)\b|\s[-–—]\s")
_OBJECT_END = lazy_compile(
    r"[;:.!?]|\s[-–—]\s|,\s+(?:and\s+)?(?:where|which|who|when|while|but|before|after|as|saying|said|adding|according\s+to)\b|\b(?:to\s+(?!the\b)\w+|in\s+order|aimed|aiming|seeking|because|amid|after|before|during|ahead\s+of|for\s+(?:talks|discussions)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
# Filled with the lexicon's group nouns by `group_np` (a template, not compiled itself).
_GROUP_NP = r"\s*(?:with\s+)?((?:(?:the|a|an|some|several|dozens\s+of|members\s+of|leaders\s+(?:of|in)|representatives\s+of|a\s+team\s+of|\d+|two|three|four|five|six|ten|hundreds\s+of|thousands\s+of|local|senior|ethnic|prominent|visiting|foreign|business|union|community|opposition|[a-z]+-[a-z]+)\s+)*(?:(?!(?:to|from|in|on|at|by|of|for|about|with|into)\b)[A-Za-z][\w-]*\s+){0,3}?(?:%s)(?:\s+(?:of|from|in|living\s+in)\s+(?:the\s+)?[\w'’-]+(?:\s+(?!(?:and|or|to|in|on|at|of|by|from|for|with|who|which|that|said|says|was|were|is|are)\b)[a-z][\w'’-]*(?<!ed)(?<!ing))?(?:\s+[A-Z][\w'’-]*){0,3}(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)?)"


def _group_pattern() -> re.Pattern[str]:
    nouns = sorted(lexicon().data.people.group_nouns, key=len, reverse=True)
    return re.compile(_GROUP_NP % "|".join(re.escape(n) for n in nouns))


@cache
def group_np() -> re.Pattern[str]:
    return _group_pattern()


def group_np_over(nouns: Iterable[str]) -> re.Pattern[str]:
    """The group phrase's shape over other head nouns (the answer rules accept more bodies of
    people as an answer than the meeting rules take as a participant)."""
    ordered = sorted(set(nouns), key=len, reverse=True)
    return re.compile(_GROUP_NP % "|".join(re.escape(n) for n in ordered))


@dataclass
class Draft:
    """A meeting being assembled from one or more sentences."""

    kind: str
    trigger: Evidence
    participants: list[Participant]
    status: str
    sentences: list[int]
    place: Evidence | None = None
    time: Evidence | None = None
    purpose: Evidence | None = None
    topics: list[Evidence] = field(default_factory=list)
    background: bool = False

    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.participants)


# An actor inside a prepositional phrase ("on the sidelines of the APEC meeting") is a setting,
# not a participant.
PREPOSITION_BEFORE = lazy_compile(
    r"\b(?:of|at|in|on|from|for|about|during|after|before|over|into|under|since|near|ahead\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$"
)


# A preposition that governs a time, not the name after it ("Later on Tuesday Halvard met").
_TIME_BEFORE = lazy_compile(
    r"\b(?:on|in|during|over|since|after|before)\s+(?:the\s+)?(?:(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|morning|afternoon|evening|night|weekend|\d{1,4})\s+)"
    r"{1,2}$"
)


_DELEGATION_BEFORE = lazy_compile(
    r"\b(?:officials|delegates|delegations?|representatives|ministers|leaders|envoys|diplomats|counterparts|negotiators)\s+(?:from|of)\s+(?:the\s+)?$"
)


def _participant(mention: Mention, sentence: int, rule: str) -> Participant:
    return Participant(
        key=mention.key or fold(mention.text),
        name=mention.name or mention.text,
        kind=mention.kind,
        title=mention.title,
        sentence=sentence,
        rule=rule,
    )


def _actors(info: SentenceInfo) -> list[Mention]:
    named = [m for m in info.mentions if m.kind in ACTOR_KINDS and not m.role_only]
    refs = [r for r in info.references if not any(n.start <= r.start < n.end for n in named)]
    return sorted(named + refs, key=lambda m: m.start)


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


def _object_end(text: str, position: int) -> int:
    match = _OBJECT_END.search(text, position)
    return match.start() if match else len(text)


def _group_after(text: str, position: int, sentence: int, rule: str) -> Participant | None:
    match = group_np().match(text, position)
    if not match:
        return None
    phrase = match.group(1).strip()
    phrase = re.sub(r"^(?:with|the)\s+", "", phrase)
    return Participant(
        key=fold(phrase), name=phrase, kind=EntityKind.GROUP, sentence=sentence, rule=rule
    )


_PLACE_CUE_STRONG = lazy_compile(
    r"\b(?:in|at|inside|outside|In|At|Inside|Outside)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?$"
)
_PLACE_CUE_WEAK = lazy_compile(
    r"\b(?:to|for|near|toward|towards|into|visit|visits|visited|visiting|toured|tour|tours|touring|reached|entered)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$"
)
_ACTOR_AFTER = lazy_compile(
    r"\s+(?:seeks?|sought|said|says|wants?|has|have|had|is|was|will|would|and\s+\w+\s+(?:have|are))\b"
)


_POSSESSOR_AFTER = lazy_compile(r"['’]s\s+(?-i:[a-z])")


def place_score(info: SentenceInfo, mention: Mention, after: int = 0) -> float:
    """How likely a place or country mention is the place where something happens."""
    before = info.text[max(0, mention.start - 30) : mention.start]
    if mention.rule == "place-of":
        # "in her hometown of Varnholt": the preposition stands before the noun and "of".
        before = info.text[max(0, mention.start - 50) : mention.start]
        before = re.sub(r"(?:(?:her|his|their|its|our)\s+)?[\w-]+\s+of\s+$", "", before)
    score = 0.0
    if _PLACE_CUE_STRONG.search(before):
        score += 3
    elif _PLACE_CUE_WEAK.search(before):
        score += 2
    if mention.kind is EntityKind.PLACE:
        score += 0.5
    if mention.start >= after:
        score += 0.5
    if score < 3 and _ACTOR_AFTER.match(info.text, mention.end):
        # "as Seoul seeks ...": an actor, unless it stands after "in" or "at".
        score -= 3
    if _POSSESSOR_AFTER.match(info.text, mention.end):
        # "at Norvessa's invitation": the owner of a thing, not where anything happens.
        score -= 3
    return score


def find_place(info: SentenceInfo, exclude: set[str], after: int = 0) -> Evidence | None:
    """The best place in a sentence: a place after 'in'/'at', else after 'to'/'for'."""
    best: tuple[float, Mention] | None = None
    for mention in info.mentions:
        if mention.kind not in {EntityKind.PLACE, EntityKind.COUNTRY} or mention.key in exclude:
            continue
        score = place_score(info, mention, after)
        if best is None or score > best[0]:
            best = (score, mention)
    if best is None or best[0] < 2:
        return None
    mention = best[1]
    value = mention.name
    # "Nara Prefecture, Takaichi's hometown": keep an appositive that says what the place is.
    tail = re.match(r",\s+([A-Z][\w'-]*(?:['’]s)?\s+hometown)", info.text[mention.end :])
    if tail:
        value = f"{value}, {tail.group(1)}"
    return Evidence(value=value, sentence=info.index, rule=f"place:{mention.rule}")


def find_time(info: SentenceInfo) -> Evidence | None:
    ranked = sorted(
        (t for t in info.times if t.kind not in {"clock", "bare_year"}),
        key=lambda t: (0 if t.kind in {"weekday_date", "day_month", "iso"} else 1, t.start),
    )
    if not ranked:
        years = [t for t in info.times if t.kind == "bare_year"]
        if not years:
            return None
        ranked = years
    best = ranked[0]
    return Evidence(value=best.text, sentence=info.index, rule=f"time:{best.kind}", iso=best.iso)


# A comma or full stop before a closing quote ends the quoted words ('... of Daesh," said').
_CLAUSE_TRIM = lazy_compile(
    r"[;]|\s[-–—]\s|,\s+(?:said|according|adding|the\s+\w+\s+said)\b|[,.][\"”]"
)


_CLOSING_QUOTE = lazy_compile(r"(?<=[\w.,!?])[\"”](?=[\s,.;:]|$)")
_QUOTED_PURPOSE = lazy_compile(r"(to\s+)[\"“]([^\"“”]+)[\"”]")


def _trim_clause(text: str, limit: int = 30, start: int = 0) -> str:
    """The clause of `text` that begins at `start`: up to a break, at most `limit` words."""
    # Only the first break matters: searching for it, not splitting the whole rest of the
    # text, keeps this proportional to the clause.
    stop = _CLAUSE_TRIM.search(text, start)
    clause = text[start : stop.start() if stop else len(text)]
    if len(clause.split(None, limit)) > limit:
        clause = trim_words(clause, limit)
    clause = clause.strip().rstrip(",.").strip("\"' ")
    if clause.count('"') % 2 or clause.count("“") != clause.count("”"):
        closing = _CLOSING_QUOTE.search(clause)
        if closing and clause[: closing.start()].count("“") <= clause[: closing.start()].count("”"):
            # '... to prevent unrest", officials said': the clause began inside a quotation
            # and ends where the quotation does.
            clause = clause[: closing.start()]
        else:
            # 'to "restore calm", the police said' cut at the comma: a quotation mark left
            # without its pair would open a quotation the answer never closes.
            clause = clause.replace('"', "").replace("“", "").replace("”", "")
    quoted = _QUOTED_PURPOSE.match(clause)
    if quoted:
        # 'to "keep order", a statement said': the purpose is what the quotation holds.
        clause = quoted.group(1) + quoted.group(2)
    return clause


_LAST_WORD = lazy_compile(r"([\w'’-]+)\s*$")


def _complement(text: str, start: int) -> bool:
    """Whether the cue at `start` is an infinitive that completes the word before it ("failed to
    settle", "an agreement to run patrols"): what was (not) done or agreed, not why."""
    if text[start : start + 2].lower() != "to":
        return False
    before = _LAST_WORD.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in rules().not_after


def _statement_purpose(info: SentenceInfo, folded: str | None = None) -> Evidence | None:
    text = info.text
    for guard in rules().statement_guards:
        match = guard.search(text, folded)
        if match:
            start = match.end() - len(match.group().split()[-1])
            clause = _trim_clause(text, start=start)
            if len(clause.split()) >= 2:
                return Evidence(value=clause, sentence=info.index, rule="purpose:statement")
    return None


def _purpose_rule(number: int, match: re.Match[str]) -> str:
    # The last cue, "to" + any verb, is the weakest sign of a purpose.
    last = len(rules().purpose) - 1
    return "purpose:" + ("generic" if number == last else match.group().split()[0].lower())


def find_purpose(info: SentenceInfo, after: int = 0) -> Evidence | None:
    found = _statement_purpose(info)
    if found is not None:
        return found
    text = info.text
    compiled = rules()
    possible = compiled.purpose_filter.possible(text)
    for number, pattern in enumerate(compiled.purpose):
        if not possible[number]:
            continue
        for match in pattern.finditer(text, after):
            clause = _trim_clause(text, start=match.start())
            if len(clause.split()) >= 3 and not _complement(text, match.start()):
                return Evidence(
                    value=clause, sentence=info.index, rule=_purpose_rule(number, match)
                )
    return None


def purpose_clauses(info: SentenceInfo) -> list[tuple[Evidence, int]]:
    """Every purpose clause of a sentence with where it starts, strongest cue first; a sentence
    can give reasons for more than one thing ("charged with terrorism because ..., and with
    treason because ...")."""
    text = info.text
    out: list[tuple[Evidence, int]] = []
    for pattern in rules().statements:
        for match in pattern.finditer(text):
            start = match.end() - len(match.group().split()[-1])
            clause = _trim_clause(text[start:])
            if len(clause.split()) >= 2:
                out.append(
                    (Evidence(value=clause, sentence=info.index, rule="purpose:statement"), start)
                )
    cues = rules().purpose
    for number, pattern in enumerate(cues):
        for match in pattern.finditer(text):
            clause = _trim_clause(text[match.start() :])
            if (
                len(clause.split()) >= 3
                and all(start != match.start() for _, start in out)
                and not _complement(text, match.start())
            ):
                name = "generic" if number == len(cues) - 1 else match.group().split()[0].lower()
                out.append(
                    (
                        Evidence(value=clause, sentence=info.index, rule=f"purpose:{name}"),
                        match.start(),
                    )
                )
    return out


def split_items(text: str) -> list[str]:
    items = re.split(r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+", text)
    return [i.strip(" .\"'") for i in items if len(i.strip(" .\"'").split()) >= 1]


_TOPIC_OPENING = lazy_compile(
    r"^\s*(?:(?:a\s+(?:range|number|host)\s+of\s+)?(?:topics|issues|matters|subjects|questions|areas)\s*,?\s*(?:ranging\s+from|such\s+as|including|like|of)|the\s+issues?\s+of|ways\s+to|how\s+to)\s+",
    re.IGNORECASE,
)


_TOPICS_END = lazy_compile(
    r"[;.]|\s[-–—]\s|,\s+(?:said|according|adding|officials|the\s+\w+\s+said)\b"
)


def find_topics(info: SentenceInfo) -> list[Evidence]:
    text = info.text
    compiled = rules()
    possible = compiled.topic_filter.possible(text)
    for number, pattern in enumerate(compiled.topics):
        if not possible[number]:
            continue
        match = pattern.search(text)
        if not match:
            continue
        stop = _TOPICS_END.search(text, match.end())
        rest = text[match.end() : stop.start() if stop else len(text)]
        rest = _TOPIC_OPENING.sub("", rest)
        # An over-long item is cut, not dropped: its first words still name the topic.
        items = [" ".join(i.split()[:12]) for i in split_items(rest) if i.split()]
        if items:
            rule = f"topic:{match.group().split()[0].lower()}"
            return [Evidence(value=i, sentence=info.index, rule=rule) for i in items[:8]]
    return []


def _status(facts: _Sentence, trigger_start: int) -> str:
    if facts.cancelled:
        return "cancelled"
    if facts.planned(facts.clause_start(trigger_start), trigger_start + 40):
        return "planned"
    return "happened"


def _participants_for(
    facts: _Sentence,
    rule_name: str,
    match: re.Match[str],
    last: Draft | None,
    pair: Draft | None = None,
) -> list[Participant]:
    info = facts.info
    text = info.text
    actors = facts.actors
    start, end = match.span()
    out: list[Participant] = []
    if rule_name == "between":
        stop = facts.object_end(end)
        out = [_participant(m, info.index, "between") for m in actors if end <= m.start < stop]
    elif rule_name == "hyphen-summit":
        names = match.group().split()[0].split("-")
        for name in names:
            hit = next(
                (
                    m
                    for m in actors
                    if fold(name) in fold(m.name).split() or fold(name) == fold(m.text)
                ),
                None,
            )
            if hit:
                out.append(_participant(hit, info.index, "hyphen"))
    elif rule_name == "passive":
        clause = facts.clause_start(start)
        subjects = [m for m in actors if clause <= m.start < start]
        objects = [m for m in actors if end <= m.start < facts.object_end(end)]
        out = [_participant(m, info.index, "passive-subject") for m in subjects[-1:]]
        out += [_participant(m, info.index, "passive-agent") for m in objects]
    else:
        clause = facts.clause_start(start)
        # "Vasse told reporters after meeting with Rusk": the speaker is the one who met.
        gerund = bool(_GERUND_AFTER.search(text, max(clause, start - 25), start)) and (
            match.group().split(None, 1)[0].lower().endswith("ing")
        )
        subjects = [
            m
            for m in actors
            if clause <= m.start < start
            and not facts.preposition_before(max(clause, m.start - 40), m.start)
            and (gerund or not facts.speaker_after(m.end))
            # "his Norvessan counterpart, Danek": the possessive names the owner of the role,
            # not one more subject.
            and m.text.lower() not in _POSSESSIVE_PRONOUNS
        ]
        stop = facts.object_end(end)
        if gerund and not subjects and not text[:clause].strip(" \"'“‘"):
            # "After speaking by phone with Orm on Friday, Dahl condemned ...": a gerund clause
            # opening the sentence has the main clause's subject, right after its comma.
            comma = text.find(",", end)
            if comma >= 0:
                stop = min(stop, comma)
                subjects = [
                    m
                    for m in actors
                    if comma < m.start < comma + 60
                    and m.text.lower() not in _POSSESSIVE_PRONOUNS
                    and not facts.preposition_before(comma, m.start)
                ]
        if not subjects and text.endswith("who", 0, clause):
            # "Spanton, 39, who has waived her right to anonymity, met officers ...": the
            # clause opened by "who" is about the person named just before it, whether the
            # trigger is in it or follows it.
            subjects = [
                m
                for m in actors
                if m.kind is EntityKind.PERSON and m.end <= clause and clause - m.end <= 24
            ][-1:]
        # The grammatical subject is the first actor of the clause, a person before a country;
        # actors joined to it by "and" or commas count too ("Lee and Takaichi will meet").
        people_first = [
            m for m in subjects if m.kind in {EntityKind.PERSON, EntityKind.GROUP}
        ] or subjects
        chosen: list[Mention] = []
        if people_first:
            head = people_first[0]
            chosen = [head]
            for mention in subjects:
                if mention.start <= chosen[-1].start:
                    continue
                if _JOINED.fullmatch(text, chosen[-1].end, mention.start):
                    chosen.append(mention)
                else:
                    break
        out = [_participant(m, info.index, f"{rule_name}-subject") for m in chosen]
        objects = [
            m
            for m in actors
            if end <= m.start < stop
            and (
                not facts.preposition_before(max(end, m.start - 40), m.start)
                # "with officials from Egypt": the country sends the people met.
                or _DELEGATION_BEFORE.search(text, max(end, m.start - 40), m.start)
            )
            and not facts.speaker_after(m.end)
            and (m.kind is not EntityKind.COUNTRY or rule_name in _COUNTRY_RULES)
            and (m.kind is EntityKind.PERSON or rule_name not in {"visited", "joined"})
        ]
        out += [_participant(m, info.index, f"{rule_name}-object") for m in objects]
        if not objects:
            group = _group_after(text, end, info.index, f"{rule_name}-group")
            if group:
                out.append(group)
    if (
        pair is not None
        and facts.plural
        and not any(p.kind in {EntityKind.PERSON, EntityKind.GROUP} for p in out)
    ):
        # A pair that met nowhere before is "the two" only when they are the clause's whole
        # subject ("The two spoke ..."), not one more party to someone else's act.
        last = pair
    if last is not None and len({p.key for p in out}) < 2 and facts.plural:
        out = [p for p in out if p.kind is not EntityKind.COUNTRY]
        out += [
            p.model_copy(update={"rule": "plural-reference", "sentence": info.index})
            for p in last.participants
        ]
    unique: dict[str, Participant] = {}
    for participant in out:
        unique.setdefault(participant.key, participant)
    return list(unique.values())


# Between two subjects: a comma or "and", perhaps a capitalised word ("and President"), or the
# second subject's role in apposition ("Ardelean and his Norvessan counterpart, Ivo Danek,").
_JOINED = lazy_compile(
    r"\s*(?:,|and|,\s*and)\s*(?:[A-Z][a-z]+\s+|(?:his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s*)?"
)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
# A subordinate clause whose gerund is the trigger: its subject is the main clause's.
_GERUND_AFTER = lazy_compile(
    r"\b(?:after|before|while|when|since|upon|following|ahead\s+of)\s+$", re.IGNORECASE
)
_COUNTRY_RULES = {"hosted", "phone", "summit-with", "held-talks", "state-visit"}
_SPEAKER_AFTER = lazy_compile(
    r"\s*(?:,\s*[^,]{0,60},\s*)?(?:said|says|told|added|noted|stressed|announced|confirmed|explained)\b"
)
PLURAL_REFERENCE = lazy_compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|sides|ministers|presidents|men|women|heads\s+of\s+state)\b|\bthe\s+(?:two|pair|duo)\b|\btheir\s+(?:first\s+|last\s+|second\s+|previous\s+)?(?:meeting|talks|summit|encounter|call|conversation)\b",
    re.IGNORECASE,
)
_ORG_RULES = {"met", "held-talks", "sat-down", "between", "passive", "phone", "hosted", "gathered"}


def _valid(participants: list[Participant], rule_name: str) -> bool:
    """Two actors, or one and a group; organisations and countries count only for some rules."""
    count = 0
    for p in participants:
        if (
            p.kind in {EntityKind.PERSON, EntityKind.GROUP}
            or (p.kind is EntityKind.ORGANISATION and rule_name in _ORG_RULES)
            or (
                p.kind is EntityKind.COUNTRY
                and rule_name in _COUNTRY_RULES | {"between", "hyphen-summit"}
            )
        ):
            count += 1
    has_person = any(p.kind is EntityKind.PERSON for p in participants)
    return count >= 2 and (
        has_person or rule_name in {"between", "hyphen-summit", "hosted", "phone"}
    )


class _Scan:
    """`pattern.search(text, pos)` for many `pos` in one text, each search reusing earlier ones.

    Python's `re` judges a match at a position by the whole string, whatever `pos` is (a
    lookbehind or `\\b` sees the characters before it), so the leftmost match at or after `pos`
    is also the leftmost for every later position up to that match's start: one search answers
    them all. A sentence with a hundred triggers used to be searched to its end for each.
    """

    __slots__ = ("_found", "_froms", "pattern", "text")

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self._froms: list[int] = []  # positions searched from, sorted
        self._found: list[re.Match[str] | None] = []  # the match found from each

    def search(self, pos: int) -> re.Match[str] | None:
        at = bisect_right(self._froms, pos) - 1
        if at >= 0:
            known = self._found[at]
            if known is None or pos <= known.start():
                return known
        match = self.pattern.search(self.text, pos)
        self._froms.insert(at + 1, pos)
        self._found.insert(at + 1, match)
        return match


class _Sentence:
    """What the rules ask of one sentence, each found once however many triggers it holds.

    Answers that do not depend on the trigger (the actors, the sentence's time and topics, a
    plural reference, a cancellation) are kept; searches that start at a trigger share what
    earlier ones found. Without this a sentence cost time in proportion to its length times its
    number of triggers: a 1 MB article of one sentence took seconds.
    """

    def __init__(self, info: SentenceInfo) -> None:
        self.info = info
        self.text = info.text
        self._object_ends = _Scan(_OBJECT_END, info.text)
        self._prepositions: dict[tuple[int, int], bool] = {}
        self._speakers: dict[int, bool] = {}
        self._planned: dict[tuple[int, int], bool] = {}
        self._purposes: dict[int, Evidence | None] = {}
        self._cue_scans: dict[int, _Scan] = {}
        self._cue_chains: dict[tuple[int, int], re.Match[str] | None] = {}
        self._clause_words: dict[int, tuple[str, int]] = {}

    @cached_property
    def folded(self) -> str:
        return fold_for_patterns(self.text)

    @cached_property
    def actors(self) -> list[Mention]:
        return _actors(self.info)

    @cached_property
    def plural(self) -> bool:
        return _PLURAL_GUARD.search(self.text, self.folded) is not None

    @cached_property
    def cancelled(self) -> bool:
        return rules().cancelled_guard.search(self.text, self.folded) is not None

    @cached_property
    def background(self) -> bool:
        return rules().background_guard.search(self.text, self.folded) is not None

    @cached_property
    def time(self) -> Evidence | None:
        return find_time(self.info)

    @cached_property
    def topics(self) -> list[Evidence]:
        return find_topics(self.info)

    @cached_property
    def _clause_breaks(self) -> tuple[list[int], list[int]]:
        spans = [m.span() for m in _CLAUSE_BREAK.finditer(self.text)]
        return [s for s, _ in spans], [e for _, e in spans]

    def clause_start(self, position: int) -> int:
        """`_clause_start(text, position)`, from one pass over the sentence."""
        text = self.text
        starts, ends = self._clause_breaks
        at = bisect_right(ends, position) - 1
        following = at + 1
        inside_word = 0 < position < len(text) and _WORD.match(text, position - 1, position + 1)
        if inside_word or (following < len(starts) and starts[following] < position):
            # Where a break would straddle `position`, or `position` is inside a word (a break
            # ending in "but" could end there only when the text is cut), the search that
            # stops at `position` may see another break than the whole sentence has.
            return _clause_start(text, position)
        return ends[at] if at >= 0 else 0

    def object_end(self, position: int) -> int:
        match = self._object_ends.search(position)
        return match.start() if match else len(self.text)

    def preposition_before(self, low: int, high: int) -> bool:
        key = (low, high)
        found = self._prepositions.get(key)
        if found is None:
            found = self._prepositions[key] = bool(
                PREPOSITION_BEFORE.search(self.text, low, high)
            ) and not _TIME_BEFORE.search(self.text, low, high)
        return found

    def speaker_after(self, position: int) -> bool:
        found = self._speakers.get(position)
        if found is None:
            found = self._speakers[position] = bool(_SPEAKER_AFTER.match(self.text, position))
        return found

    def planned(self, start: int, end: int) -> bool:
        """Whether text[start:end] speaks of a meeting to come."""
        key = (start, end)
        found = self._planned.get(key)
        if found is None:
            window = self.text[start:end]
            found = self._planned[key] = rules().planned_guard.search(window) is not None
        return found

    def purpose(self, after: int) -> Evidence | None:
        """`find_purpose(info, after)`, with each cue's matches found once for the sentence."""
        if after in self._purposes:
            return self._purposes[after]
        found = self._statement
        if found is None:
            compiled = rules()
            possible = self._cue_possible
            for number in range(len(compiled.purpose)):
                if not possible[number]:
                    continue
                match = self._qualifying_cue(number, after)
                if match is not None:
                    clause = self._clause(match.start())[0]
                    found = Evidence(
                        value=clause, sentence=self.info.index, rule=_purpose_rule(number, match)
                    )
                    break
        self._purposes[after] = found
        return found

    @cached_property
    def _statement(self) -> Evidence | None:
        return _statement_purpose(self.info, self.folded)

    @cached_property
    def _cue_possible(self) -> list[bool]:
        return rules().purpose_filter.possible(self.text)

    def _clause(self, start: int) -> tuple[str, int]:
        """The purpose clause starting at `start` and its number of words."""
        found = self._clause_words.get(start)
        if found is None:
            clause = _trim_clause(self.text, start=start)
            found = self._clause_words[start] = (clause, len(clause.split()))
        return found

    def _qualifying_cue(self, number: int, after: int) -> re.Match[str] | None:
        """The first match of cue `number` in `finditer(text, after)` that starts a clause of
        three words or more: finditer goes on from each match's end, so the answer from a match
        is the same for every `after` that reaches it, and is kept."""
        scan = self._cue_scans.get(number)
        if scan is None:
            scan = self._cue_scans[number] = _Scan(rules().purpose[number], self.text)
        path: list[int] = []
        match = scan.search(after)
        result: re.Match[str] | None = None
        while match is not None:
            key = (number, match.start())
            if key in self._cue_chains:
                result = self._cue_chains[key]
                break
            path.append(match.start())
            if self._clause(match.start())[1] >= 3 and not _complement(self.text, match.start()):
                result = match
                break
            if match.end() == match.start():
                # An empty match: finditer would step on by one character; do as it does.
                return _finditer_qualifying(self.text, rules().purpose[number], after)
            match = scan.search(match.end())
        for start in path:
            self._cue_chains[(number, start)] = result
        return result


def _finditer_qualifying(text: str, pattern: re.Pattern[str], after: int) -> re.Match[str] | None:
    for match in pattern.finditer(text, after):
        if len(_trim_clause(text, start=match.start()).split()) >= 3 and not _complement(
            text, match.start()
        ):
            return match
    return None


_WORD = lazy_compile(r"\w\w")
_PLURAL_GUARD = Guarded(PLURAL_REFERENCE, DEFER_CHARS)


def extract_from_analysis(analysis: ArticleAnalysis) -> list[Meeting]:
    article = analysis.article
    compiled = rules()
    drafts: list[Draft] = []
    last: Draft | None = None
    # The sentence that last named exactly two people, and those two: "Lund and Kessel agreed
    # to ... The two spoke by telephone" refers to them even though no meeting was reported
    # before. A meeting reported after that sentence is the nearer antecedent.
    pair: tuple[int, list[Mention]] | None = None
    last_at = -1
    for info in analysis.sentences:
        named = _two_people(info)
        if named is not None:
            pair = (info.index, named)
        possible = compiled.trigger_filter.possible(info.text)
        if not any(possible):
            continue
        antecedent = None
        if pair is not None and last_at < pair[0] < info.index and info.index - pair[0] <= 2:
            antecedent = _pair_draft(pair[1], pair[0])
        facts = _Sentence(info)
        taken: list[tuple[int, int]] = []
        for (rule, pattern), runs in zip(compiled.triggers, possible, strict=True):
            if not runs:
                continue
            for match in pattern.finditer(info.text):
                if any(match.start() < e and s < match.end() for s, e in taken):
                    continue
                participants = _participants_for(facts, rule.name, match, last, antecedent)
                if not _valid(participants, rule.name):
                    continue
                taken.append(match.span())
                exclude = {p.key for p in participants}
                draft = Draft(
                    kind=rule.kind,
                    trigger=Evidence(
                        value=match.group(), sentence=info.index, rule=f"trigger:{rule.name}"
                    ),
                    participants=participants,
                    status=_status(facts, match.start()),
                    sentences=[info.index],
                    place=find_place(info, exclude, match.end()),
                    time=facts.time,
                    purpose=facts.purpose(match.end()),
                    topics=list(facts.topics),
                    background=facts.background or info.caption,
                )
                if draft.background and draft.status == "planned":
                    # "This will mark their second summit, after their first meeting in ...":
                    # the meeting mentioned as background has already happened.
                    draft.status = "happened"
                drafts.append(draft)
                if sum(p.kind is EntityKind.PERSON for p in participants) >= 2:
                    last = draft
                    last_at = info.index
    _fill_from_neighbours(drafts, analysis)
    merged = _merge(drafts)
    return [
        Meeting(
            id=f"{article.id}#{n}",
            article_id=article.id,
            kind=d.kind,  # type: ignore[arg-type]
            status=d.status,  # type: ignore[arg-type]
            participants=tuple(d.participants),
            trigger=d.trigger,
            place=d.place,
            time=d.time,
            purpose=d.purpose,
            topics=tuple(d.topics),
            sentences=tuple(sorted(set(d.sentences))),
            background=d.background,
        )
        for n, d in enumerate(merged, start=1)
    ]


def _two_people(info: SentenceInfo) -> list[Mention] | None:
    """The two people a sentence names by name, when it names exactly two."""
    people: dict[str, Mention] = {}
    for m in info.mentions:
        if m.kind is EntityKind.PERSON and not m.role_only:
            people.setdefault(m.key or fold(m.text), m)
    if len(people) != 2:
        return None
    # A lone capitalised word ("Apparently", "Thorny") may be no one: the pair stands in for
    # a reported meeting, so both must read as names, in full or with a title.
    if not all(m.title or len((m.name or m.text).split()) >= 2 for m in people.values()):
        return None
    return list(people.values())


def _pair_draft(people: list[Mention], sentence: int) -> Draft:
    """A stand-in antecedent for "the two": the pair a sentence named, with no meeting."""
    return Draft(
        kind="meeting",
        trigger=Evidence(value="", sentence=sentence, rule="pair"),
        participants=[_participant(m, sentence, "pair") for m in people],
        status="happened",
        sentences=[sentence],
    )


def _fill_from_neighbours(drafts: list[Draft], analysis: ArticleAnalysis) -> None:
    """Missing place/purpose/topics may come from the next sentences ('The visit aims to ...')."""
    sentences = analysis.sentences
    triggers = {d.trigger.sentence: d.keys() for d in drafts}
    statements: _Statements | None = None
    for draft in drafts:
        if draft.background:
            continue
        index = draft.trigger.sentence

        def own(info: SentenceInfo, draft: Draft = draft) -> bool:
            # A sentence that reports another meeting belongs to that meeting.
            other = triggers.get(info.index)
            return other is None or other == draft.keys()

        following = [info for info in sentences[index + 1 : index + 3] if own(info)]
        exclude = {p.key for p in draft.participants}
        if draft.place is None or "country" in draft.place.rule:
            # A country ("a visit to Japan") gives way to the city the next sentence names
            # ("Lee will depart ... for Nara").
            for info in following:
                place = find_place(info, exclude)
                mentioned = {m.key for m in info.mentions} | {r.key for r in info.references}
                if (
                    place is not None
                    and "country" not in place.rule
                    and exclude & mentioned
                    and _TRAVEL.search(info.text)
                ):
                    draft.place = place.model_copy(update={"rule": place.rule + "+next-sentence"})
                    draft.sentences.append(info.index)
                    break
        if draft.purpose is None:
            if statements is None:
                statements = _Statements(sentences, triggers)
            later = statements.first_after(index, draft.keys())
            if later is not None:
                purpose, at = later
                draft.purpose = purpose.model_copy(
                    update={"rule": purpose.rule + "+later-sentence"}
                )
                draft.sentences.append(at)
        if not draft.topics:
            for info in (i for i in sentences[index + 1 : index + 6] if own(i)):
                if re.search(r"\b(?:discuss|agenda|talked\s+about)", info.text, re.I):
                    topics = find_topics(info)
                    if topics:
                        draft.topics = topics
                        draft.sentences.append(info.index)
                        break


class _Statements:
    """The sentences that state a meeting's purpose ("The visit aims to ..."), found once.

    A draft without a purpose takes it from the first later sentence that states one and does
    not report another meeting. Looking through every later sentence for every draft made an
    article of many meetings cost the square of its length; each sentence is now read once, and
    a draft looks its answer up among those sentences that belong to no meeting or to one with
    its participants.
    """

    def __init__(self, sentences: list[SentenceInfo], triggers: dict[int, frozenset[str]]) -> None:
        self._free: list[int] = []  # stating sentences that report no meeting, in order
        self._by_keys: dict[frozenset[str], list[int]] = {}  # ... that report one, by its keys
        self._purpose: dict[int, Evidence] = {}
        guards = rules().statement_guards
        for info in sentences:
            folded = fold_for_patterns(info.text)
            if not any(g.search(info.text, folded) for g in guards):
                continue
            purpose = find_purpose(info)
            if purpose is None:
                continue
            self._purpose[info.index] = purpose
            keys = triggers.get(info.index)
            (self._free if keys is None else self._by_keys.setdefault(keys, [])).append(info.index)

    def first_after(self, index: int, keys: frozenset[str]) -> tuple[Evidence, int] | None:
        candidates = []
        for indexes in (self._free, self._by_keys.get(keys, [])):
            at = bisect_right(indexes, index)
            if at < len(indexes):
                candidates.append(indexes[at])
        if not candidates:
            return None
        first = min(candidates)
        return self._purpose[first], first


# A following sentence gives the meeting's place only when it says someone goes there.
_TRAVEL = lazy_compile(
    r"\b(?:depart|departs|departed|leave|leaves|left|arrive|arrives|arrived|travel|travels|travelled|traveled|fly|flies|flew|head|heads|headed|heading|visit|visits|go|goes|went|for|called\s+to|summoned\s+to|invited\s+to|brought\s+to|took\s+place|held\s+(?:at|in))\b",
    re.IGNORECASE,
)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Mentions of the same meeting in one article become one event."""
    events = _Events()
    for draft in drafts:
        keys = draft.keys()
        target: Draft | None = None
        for number in events.candidates(keys):
            existing = events.drafts[number]
            if existing.background != draft.background:
                continue
            if {existing.status, draft.status} == {"planned", "happened"}:
                # "The ministers will meet again in Rennick in March" is another meeting.
                continue
            known = events.keys[number]
            if known <= keys or keys <= known:
                target = existing
                break
        if target is None:
            events.add(draft, keys)
            continue
        if len(keys) > len(events.keys[number]):
            target.participants = draft.participants
            events.rekey(number, keys)
        for name in ("place", "time", "purpose"):
            if getattr(target, name) is None and getattr(draft, name) is not None:
                setattr(target, name, getattr(draft, name))
        if (
            target.place is not None
            and draft.place is not None
            and "country" in target.place.rule
            and "country" not in draft.place.rule
        ):
            # A city or building says more than a country.
            target.place = draft.place
        if not target.topics:
            target.topics = draft.topics
        if draft.status == "cancelled":
            target.status = "cancelled"
        target.sentences.extend(draft.sentences)
    return events.drafts


class _Events:
    """The events merged so far, indexed by their participants.

    A draft joins the first event whose participants include its own or are included in them.
    Comparing each draft with every event made an article reporting thousands of different
    meetings (a long digest, or hostile text) cost the square of their number; the indexes
    give, in order, every event that can qualify, and `_merge` checks those as before.
    """

    # Up to this many participants, the events a draft includes are found by looking up each
    # subset of its participants; beyond, by counting shared participants.
    _SUBSETS = 8

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.keys: list[frozenset[str]] = []  # participant keys of each event
        self._by_keys: dict[frozenset[str], list[int]] = {}
        self._by_key: dict[str, list[int]] = {}

    def add(self, draft: Draft, keys: frozenset[str]) -> None:
        number = len(self.drafts)
        self.drafts.append(draft)
        self.keys.append(keys)
        self._by_keys.setdefault(keys, []).append(number)
        for key in keys:
            self._by_key.setdefault(key, []).append(number)

    def rekey(self, number: int, keys: frozenset[str]) -> None:
        old = self.keys[number]
        self._by_keys[old].remove(number)
        insort(self._by_keys.setdefault(keys, []), number)
        for key in old - keys:
            self._by_key[key].remove(number)
        for key in keys - old:
            insort(self._by_key.setdefault(key, []), number)
        self.keys[number] = keys

    def candidates(self, keys: frozenset[str]) -> list[int]:
        """In order, every event whose keys include `keys` or are included in them."""
        if not keys:
            return list(range(len(self.drafts)))
        # Including `keys`: such an event is listed under each of them, so under the rarest.
        rarest = min((self._by_key.get(key, []) for key in keys), key=len)
        found = {n for n in rarest if keys <= self.keys[n]}
        # Included in `keys`.
        if len(keys) <= self._SUBSETS:
            ordered = sorted(keys)
            for size in range(len(ordered) + 1):
                for subset in combinations(ordered, size):
                    found.update(self._by_keys.get(frozenset(subset), ()))
        else:
            shared: dict[int, int] = {}
            for key in keys:
                for n in self._by_key.get(key, ()):
                    shared[n] = shared.get(n, 0) + 1
            found.update(n for n, count in shared.items() if count == len(self.keys[n]))
            found.update(self._by_keys.get(frozenset(), ()))
        return sorted(found)


def extract_meetings(article: Article) -> list[Meeting]:
    """All meeting events reported in one article."""
    return extract_from_analysis(analyse(article))
