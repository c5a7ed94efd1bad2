"""Meeting events: who met whom, where, when and why, each field with the sentence it came from.

Triggers, purpose cues and topic cues are data in `prompts/meetings.toml`. For each trigger the
participants are the actors before it in the same clause (the subject) and after it (the
object), or the two sides of "between X and Y"; place, time, purpose and topics come from the
same sentence first and from the following sentences when the sentence has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pydantic import field_validator

from assistant.knowledge.analysis import ArticleAnalysis, SentenceInfo, analyse
from assistant.knowledge.entities import Mention
from assistant.knowledge.lexicon import lexicon
from assistant.models import Article, EntityKind, Evidence, Meeting, Participant
from assistant.prompts import StrictModel, load_prompt
from assistant.text import fold


class TriggerRule(StrictModel):
    name: str
    kind: str
    pattern: str
    case_sensitive: bool = False

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"bad regular expression: {error}") from None
        return pattern

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
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"bad regular expression {pattern!r}: {error}") from None
    return patterns


class PurposeRules(StrictModel):
    cues: list[str]
    statements: list[str]

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
    any_trigger: re.Pattern[str]


@cache
def rules() -> CompiledRules:
    data = load_prompt("meetings", MeetingRules)
    return CompiledRules(
        triggers=[
            (t, re.compile(t.pattern, 0 if t.case_sensitive else re.IGNORECASE))
            for t in data.triggers
        ],
        purpose=[re.compile(p, re.IGNORECASE) for p in data.purpose.cues],
        statements=[re.compile(p, re.IGNORECASE) for p in data.purpose.statements],
        topics=[re.compile(p, re.IGNORECASE) for p in data.topics.cues],
        planned=re.compile(data.status.planned, re.IGNORECASE),
        cancelled=re.compile(data.status.cancelled, re.IGNORECASE),
        background=re.compile(data.status.background, re.IGNORECASE),
        meeting_words=tuple(data.concepts.meeting),
        topic_words=tuple(data.concepts.topic),
        # One pass that tells whether any trigger can match: most sentences report no meeting.
        any_trigger=re.compile(
            "|".join(
                f"(?:{t.pattern})" if t.case_sensitive else f"(?i:{t.pattern})"
                for t in data.triggers
            )
        ),
    )


ACTOR_KINDS = {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.COUNTRY, EntityKind.GROUP}
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|and\s+then|which|who|where)\b|\s[-–—]\s")
_OBJECT_END = re.compile(
    r"[;:.!?]|\s[-–—]\s|,\s+(?:and\s+)?(?:where|which|who|when|while|but|before|after|as|saying|said|adding)\b|\b(?:to\s+(?!the\b)\w+|in\s+order|aimed|aiming|seeking|because|amid|after|before|during|ahead\s+of|for\s+(?:talks|discussions)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
_GROUP_NP = re.compile(
    r"\s*(?:with\s+)?((?:(?:the|a|an|some|several|dozens\s+of|members\s+of|leaders\s+(?:of|in)|representatives\s+of|a\s+team\s+of|\d+|two|three|four|five|six|ten|hundreds\s+of|thousands\s+of|local|senior|ethnic|prominent|visiting|foreign|business|union|community|opposition|[a-z]+-[a-z]+)\s+)*(?:(?!(?:to|from|in|on|at|by|of|for|about|with|into)\b)[A-Za-z][\w-]*\s+){0,3}?(?:%s)(?:\s+(?:of|from|in|living\s+in)\s+(?:the\s+)?[\w'’-]+(?:\s+(?!(?:and|or|to|in|on|at|of|by|from|for|with|who|which|that|said|says|was|were|is|are)\b)[a-z][\w'’-]*(?<!ed)(?<!ing))?(?:\s+[A-Z][\w'’-]*){0,3})?)"
)


def _group_pattern() -> re.Pattern[str]:
    nouns = sorted(lexicon().data.people.group_nouns, key=len, reverse=True)
    return re.compile(_GROUP_NP.pattern % "|".join(re.escape(n) for n in nouns))


@cache
def group_np() -> re.Pattern[str]:
    return _group_pattern()


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
PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|at|in|on|from|for|about|during|after|before|over|into|under|since|near|ahead\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$"
)


_DELEGATION_BEFORE = re.compile(
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


_PLACE_CUE_STRONG = re.compile(
    r"\b(?:in|at|inside|outside)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?$"
)
_PLACE_CUE_WEAK = re.compile(
    r"\b(?:to|for|near|toward|towards|into|visit|visits|visited|visiting|toured|tour|tours|touring|reached|entered)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$"
)
_ACTOR_AFTER = re.compile(
    r"\s+(?:seeks?|sought|said|says|wants?|has|have|had|is|was|will|would|and\s+\w+\s+(?:have|are))\b"
)


def place_score(info: SentenceInfo, mention: Mention, after: int = 0) -> float:
    """How likely a place or country mention is the place where something happens."""
    before = info.text[max(0, mention.start - 30) : mention.start]
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


def _trim_clause(text: str, limit: int = 30) -> str:
    # A comma or full stop before a closing quote ends the quoted words ('... of Daesh," said').
    clause = re.split(
        r"[;]|\s[-–—]\s|,\s+(?:said|according|adding|the\s+\w+\s+said)\b|[,.][\"”]", text
    )[0]
    words = clause.split()
    if len(words) > limit:
        clause = " ".join(words[:limit])
    return clause.strip().rstrip(",.").strip("\"' ")


def find_purpose(info: SentenceInfo, after: int = 0) -> Evidence | None:
    text = info.text
    for pattern in rules().statements:
        match = pattern.search(text)
        if match:
            start = match.end() - len(match.group().split()[-1])
            clause = _trim_clause(text[start:])
            if len(clause.split()) >= 2:
                return Evidence(value=clause, sentence=info.index, rule="purpose:statement")
    cues = rules().purpose
    for number, pattern in enumerate(cues):
        for match in pattern.finditer(text, after):
            clause = _trim_clause(text[match.start() :])
            if len(clause.split()) >= 3:
                # The last cue, "to" + any verb, is the weakest sign of a purpose.
                name = "generic" if number == len(cues) - 1 else match.group().split()[0].lower()
                return Evidence(value=clause, sentence=info.index, rule=f"purpose:{name}")
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
            if len(clause.split()) >= 3 and all(start != match.start() for _, start in out):
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


_TOPIC_OPENING = re.compile(
    r"^\s*(?:(?:a\s+(?:range|number|host)\s+of\s+)?(?:topics|issues|matters|subjects|questions|areas)\s*,?\s*(?:ranging\s+from|such\s+as|including|like|of)|the\s+issues?\s+of|ways\s+to|how\s+to)\s+",
    re.IGNORECASE,
)


def find_topics(info: SentenceInfo) -> list[Evidence]:
    for pattern in rules().topics:
        match = pattern.search(info.text)
        if not match:
            continue
        rest = info.text[match.end() :]
        rest = re.split(
            r"[;.]|\s[-–—]\s|,\s+(?:said|according|adding|officials|the\s+\w+\s+said)\b", rest
        )[0]
        rest = _TOPIC_OPENING.sub("", rest)
        # An over-long item is cut, not dropped: its first words still name the topic.
        items = [" ".join(i.split()[:12]) for i in split_items(rest) if i.split()]
        if items:
            rule = f"topic:{match.group().split()[0].lower()}"
            return [Evidence(value=i, sentence=info.index, rule=rule) for i in items[:8]]
    return []


def _status(info: SentenceInfo, trigger_start: int) -> str:
    window = info.text[_clause_start(info.text, trigger_start) : trigger_start + 40]
    if rules().cancelled.search(info.text):
        return "cancelled"
    if rules().planned.search(window):
        return "planned"
    return "happened"


def _participants_for(
    info: SentenceInfo, rule_name: str, match: re.Match[str], last: Draft | None
) -> list[Participant]:
    text = info.text
    actors = _actors(info)
    start, end = match.span()
    out: list[Participant] = []
    if rule_name == "between":
        stop = _object_end(text, end)
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
        clause = _clause_start(text, start)
        subjects = [m for m in actors if clause <= m.start < start]
        objects = [m for m in actors if end <= m.start < _object_end(text, end)]
        out = [_participant(m, info.index, "passive-subject") for m in subjects[-1:]]
        out += [_participant(m, info.index, "passive-agent") for m in objects]
    else:
        clause = _clause_start(text, start)
        subjects = [
            m
            for m in actors
            if clause <= m.start < start
            and not PREPOSITION_BEFORE.search(text, max(clause, m.start - 40), m.start)
            and not _SPEAKER_AFTER.match(text, m.end)
        ]
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
                if re.fullmatch(
                    r"\s*(?:,|and|,\s*and)\s*(?:[A-Z][a-z]+\s+)?",
                    text[chosen[-1].end : mention.start],
                ):
                    chosen.append(mention)
                else:
                    break
        out = [_participant(m, info.index, f"{rule_name}-subject") for m in chosen]
        stop = _object_end(text, end)
        objects = [
            m
            for m in actors
            if end <= m.start < stop
            and (
                not PREPOSITION_BEFORE.search(text, max(end, m.start - 40), m.start)
                # "with officials from Egypt": the country sends the people met.
                or _DELEGATION_BEFORE.search(text, max(end, m.start - 40), m.start)
            )
            and not _SPEAKER_AFTER.match(text, m.end)
            and (m.kind is not EntityKind.COUNTRY or rule_name in _COUNTRY_RULES)
            and (m.kind is EntityKind.PERSON or rule_name not in {"visited", "joined"})
        ]
        out += [_participant(m, info.index, f"{rule_name}-object") for m in objects]
        if not objects:
            group = _group_after(text, end, info.index, f"{rule_name}-group")
            if group:
                out.append(group)
    plural = PLURAL_REFERENCE.search(text)
    if plural and last is not None and len({p.key for p in out}) < 2:
        out = [p for p in out if p.kind is not EntityKind.COUNTRY]
        out += [
            p.model_copy(update={"rule": "plural-reference", "sentence": info.index})
            for p in last.participants
        ]
    unique: dict[str, Participant] = {}
    for participant in out:
        unique.setdefault(participant.key, participant)
    return list(unique.values())


_COUNTRY_RULES = {"hosted", "phone", "summit-with", "held-talks", "state-visit"}
_SPEAKER_AFTER = re.compile(
    r"\s*(?:,\s*[^,]{0,60},\s*)?(?:said|says|told|added|noted|stressed|announced|confirmed|explained)\b"
)
PLURAL_REFERENCE = re.compile(
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


def extract_from_analysis(analysis: ArticleAnalysis) -> list[Meeting]:
    article = analysis.article
    compiled = rules()
    drafts: list[Draft] = []
    last: Draft | None = None
    for info in analysis.sentences:
        taken: list[tuple[int, int]] = []
        if not compiled.any_trigger.search(info.text):
            continue
        for rule, pattern in compiled.triggers:
            for match in pattern.finditer(info.text):
                if any(match.start() < e and s < match.end() for s, e in taken):
                    continue
                participants = _participants_for(info, rule.name, match, last)
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
                    status=_status(info, match.start()),
                    sentences=[info.index],
                    place=find_place(info, exclude, match.end()),
                    time=find_time(info),
                    purpose=find_purpose(info, match.end()),
                    topics=find_topics(info),
                    background=bool(compiled.background.search(info.text)) or info.caption,
                )
                if draft.background and draft.status == "planned":
                    # "This will mark their second summit, after their first meeting in ...":
                    # the meeting mentioned as background has already happened.
                    draft.status = "happened"
                drafts.append(draft)
                if sum(p.kind is EntityKind.PERSON for p in participants) >= 2:
                    last = draft
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


def _fill_from_neighbours(drafts: list[Draft], analysis: ArticleAnalysis) -> None:
    """Missing place/purpose/topics may come from the next sentences ('The visit aims to ...')."""
    sentences = analysis.sentences
    triggers = {d.trigger.sentence: d.keys() for d in drafts}
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
            for info in (i for i in sentences[index + 1 :] if own(i)):
                if any(p.search(info.text) for p in rules().statements):
                    purpose = find_purpose(info)
                    if purpose is not None:
                        draft.purpose = purpose.model_copy(
                            update={"rule": purpose.rule + "+later-sentence"}
                        )
                        draft.sentences.append(info.index)
                        break
        if not draft.topics:
            for info in (i for i in sentences[index + 1 : index + 6] if own(i)):
                if re.search(r"\b(?:discuss|agenda|talked\s+about)", info.text, re.I):
                    topics = find_topics(info)
                    if topics:
                        draft.topics = topics
                        draft.sentences.append(info.index)
                        break


# A following sentence gives the meeting's place only when it says someone goes there.
_TRAVEL = re.compile(
    r"\b(?:depart|departs|departed|leave|leaves|left|arrive|arrives|arrived|travel|travels|travelled|traveled|fly|flies|flew|head|heads|headed|heading|visit|visits|go|goes|went|for|called\s+to|summoned\s+to|invited\s+to|brought\s+to|took\s+place|held\s+(?:at|in))\b",
    re.IGNORECASE,
)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Mentions of the same meeting in one article become one event."""
    merged: list[Draft] = []
    for draft in drafts:
        target = None
        for existing in merged:
            if existing.background != draft.background:
                continue
            if {existing.status, draft.status} == {"planned", "happened"}:
                # "The ministers will meet again in Rennick in March" is another meeting.
                continue
            a, b = existing.keys(), draft.keys()
            if a <= b or b <= a:
                target = existing
                break
        if target is None:
            merged.append(draft)
            continue
        if len(draft.keys()) > len(target.keys()):
            target.participants = draft.participants
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
    return merged


def extract_meetings(article: Article) -> list[Meeting]:
    """All meeting events reported in one article."""
    return extract_from_analysis(analyse(article))
