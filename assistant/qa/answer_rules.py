"""Patterns of the answer extractors, from `prompts/answer_rules.toml` (checked at load)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from assistant.prompts import Pattern, StrictModel, load_prompt


class WhenRules(StrictModel):
    bound: Pattern
    clause: Pattern
    complement: Pattern
    asks_clock: Pattern
    zone_after: Pattern
    season_before: Pattern
    bound_event: Pattern
    attribution: Pattern
    fronted_attribution: Pattern
    act_nouns: dict[str, list[str]]


class WhereRules(StrictModel):
    asked: Pattern
    saying: Pattern
    said_at: Pattern
    event_setting: Pattern
    site_cue: Pattern
    noun_before: Pattern
    asks_base: Pattern
    based: Pattern
    based_before: Pattern
    possessive_site: Pattern
    settlement_before: Pattern
    relative_location: Pattern
    asks_destination: Pattern
    destination_before: Pattern
    origin_before: Pattern
    asked_setting: Pattern
    focus_heads: dict[str, list[str]]


class CauseCue(StrictModel):
    weight: float
    pattern: Pattern


class WhyRules(StrictModel):
    causes: list[CauseCue]
    prompted: Pattern
    contrast: Pattern
    subordinate: Pattern
    next_statement: Pattern
    next_reason: Pattern
    reason_of_this: Pattern
    anaphora: Pattern
    source_citing: Pattern
    directive: Pattern
    preposition_to: Pattern
    reason_before: Pattern
    reason_subject: Pattern
    result_clause: Pattern
    judgement: Pattern
    extraposed: Pattern
    cause_question: Pattern
    condition_question: Pattern
    make_question: Pattern
    make_verb: Pattern
    subject_opening: Pattern
    make_reason: Pattern
    done_by_someone: Pattern
    condition: Pattern
    pro_verb: Pattern
    purpose_question: Pattern
    grounds_question: Pattern
    argument: Pattern
    cited_as: Pattern
    blamed_back: Pattern
    purpose_shape: Pattern
    cause_verb: Pattern
    possessed_end: Pattern
    speaker_question: Pattern
    speaker_verb: Pattern
    concession_question: Pattern
    concession: Pattern


class TopicRules(StrictModel):
    agenda_subject: Pattern
    agenda_object: Pattern
    act_question: Pattern
    verb_groups: list[list[str]]
    object_end: Pattern
    talk_noun: Pattern
    talk_noun_end: Pattern
    asked_noun: Pattern
    noun_content: Pattern
    speech_question: Pattern
    speech_verb: Pattern
    quote_then_speaker: Pattern


class WhoMetRules(StrictModel):
    spoken_to: Pattern
    sent_to: Pattern
    asks_argument: Pattern
    asks_companion: Pattern
    asks_doer_of: Pattern
    argument_verbs: list[list[str]]
    symmetric_verbs: list[str]
    person_head: Pattern
    honorific: Pattern
    place_comma: Pattern
    label_after: Pattern
    asks_addressed_body: Pattern
    meeting_verbs: list[str]
    interaction_words: list[list[str]]
    interaction_modes: list[list[str]]
    rank_modifiers: list[str]
    group_heads: list[str]


class QuantityKind(StrictModel):
    name: str
    asks: Pattern
    states: Pattern


class QuantityRules(StrictModel):
    kinds: list[QuantityKind]


class DeclineRules(StrictModel):
    # NOUNS in `denied` stands for the intent's alternation of `nouns`.
    denied: Pattern
    contrast: Pattern
    anonymous: Pattern
    anonymous_after: Pattern
    in_person: Pattern
    remote: Pattern
    remote_said: Pattern
    in_person_said: Pattern
    passive_act: Pattern
    future_passive_place: Pattern
    other_event_time: Pattern
    nouns: dict[str, Pattern]


class ConstraintRules(StrictModel):
    counted: Pattern
    age_after: Pattern
    numbers: dict[str, float]
    not_counted: list[str]
    magnitude_nouns: list[str]
    code: Pattern
    not_code: Pattern
    kind_asked: Pattern
    kinds: dict[str, list[str]]
    settlements: list[str]
    countries: list[str]
    days: list[str]
    asks_how_many_people: str
    asks_name_of: str
    role_after_as: str
    role_families: dict[str, list[str]]
    role_synonyms: list[list[str]]
    denied_before: str
    asks_denied: str
    place_before: Pattern
    place_after: Pattern
    broad_roles: list[str]
    job_noun_before: Pattern
    clause_bound: Pattern


class WhatRules(StrictModel):
    question: Pattern
    among: str
    said: Pattern
    noun_content: Pattern
    noun_opener: Pattern
    object_lead: Pattern
    subject_pronoun: Pattern
    cleft: Pattern
    said_copula: Pattern
    said_act: Pattern
    said_content: Pattern
    answer_end: Pattern
    points_back: Pattern
    doer: Pattern
    area_question: Pattern
    content_verbs: list[str]
    noun_complement: Pattern
    noun_is: Pattern
    noun_label: Pattern


class PredicateRules(StrictModel):
    light_verbs: list[str]
    not_acts: list[str]
    raising: list[str]
    closers: list[str]
    possessive_role: Pattern
    occurrence: list[str]
    paraphrases: list[list[str]]
    idioms: dict[str, str]
    synonyms: dict[str, list[str]]


class AnchorRules(StrictModel):
    pronoun_subject: Pattern
    person_pronoun_subject: Pattern
    expletive: Pattern
    subject_before: Pattern
    definite_subject: Pattern
    descriptor_link: Pattern
    person_reference: Pattern
    possessed_person: Pattern
    plural_person_nouns: list[str]
    body_nouns: list[str]


class ListRules(StrictModel):
    gap: Pattern
    members_after: Pattern
    asks_several: Pattern
    asks_joint: Pattern


class CommonNpRules(StrictModel):
    asks_subject: Pattern
    subject_before: Pattern
    asked_object: Pattern
    agent_plural: Pattern
    place_after: Pattern
    place_heads: list[str]
    vague_places: list[str]
    determiners: list[str]
    not_in_phrase: list[str]
    heads: list[str]


class AnswerRuleFile(StrictModel):
    decline: DeclineRules
    predicate: PredicateRules
    constraint: ConstraintRules
    when: WhenRules
    where: WhereRules
    why: WhyRules
    topic: TopicRules
    what: WhatRules
    who_met: WhoMetRules
    quantity: QuantityRules
    lists: ListRules
    anchor: AnchorRules
    common_np: CommonNpRules


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _families(table: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Family lists ("diplomacy": ["ambassador", "envoy"]) turned round: noun -> families."""
    out: dict[str, set[str]] = {}
    for family, nouns in table.items():
        for noun in nouns:
            out.setdefault(noun.lower(), set()).add(family)
    return {noun: frozenset(families) for noun, families in out.items()}


def _synonym_groups(groups: list[list[str]]) -> dict[str, frozenset[str]]:
    return {word.lower(): frozenset(w.lower() for w in group) for group in groups for word in group}


def _person_reference(anchor: AnchorRules, pattern: str | None = None) -> re.Pattern[str]:
    from assistant.qa.questions import person_nouns

    plural = set(anchor.plural_person_nouns)
    nouns = sorted((n for n in person_nouns() if n not in plural), key=len, reverse=True)
    source = anchor.person_reference if pattern is None else pattern
    return _ci(source.replace("NOUNS", "(?:" + "|".join(nouns) + ")"))


# How each rule is made from the file: compiled when an extractor first asks for it (an `ask`
# needs only its question's few; compiling all ~35 took ~15 ms of every start).
def _act_synonyms(
    directed: dict[str, list[str]], groups: list[list[str]]
) -> dict[str, tuple[str, ...]]:
    """Per word, the words a story may report its act with: the one-way lists, and every
    other word of each paraphrase group it is in (a group is symmetric)."""
    out: dict[str, list[str]] = {k.lower(): [w.lower() for w in v] for k, v in directed.items()}
    for group in groups:
        words = [w.lower() for w in group]
        for word in words:
            known = out.setdefault(word, [])
            known.extend(w for w in words if w != word and w not in known)
    return {k: tuple(v) for k, v in out.items()}


_MAKERS: dict[str, Callable[[AnswerRuleFile], Any]] = {
    "time_bound": lambda d: _ci(d.when.bound),
    "time_clause": lambda d: _ci(d.when.clause),
    "time_complement": lambda d: _ci(d.when.complement),
    "asks_clock": lambda d: _ci(d.when.asks_clock),
    "zone_after": lambda d: _ci(d.when.zone_after),
    "season_before": lambda d: _ci(d.when.season_before),
    "time_bound_event": lambda d: _ci(d.when.bound_event),
    "time_of_saying": lambda d: _ci(d.when.attribution),
    "time_of_saying_after": lambda d: _ci(d.when.fronted_attribution),
    "act_nouns": lambda d: {k: tuple(v) for k, v in d.when.act_nouns.items()},
    "causes": lambda d: tuple(
        (cue.weight, _ci(cue.pattern + r"\s+(.{6,})")) for cue in d.why.causes
    ),
    "prompted": lambda d: _ci(d.why.prompted),
    "asks_where_said": lambda d: _ci(d.where.asked),
    "saying": lambda d: _ci(d.where.saying),
    "said_at": lambda d: _ci(d.where.said_at),
    "event_setting": lambda d: _ci(d.where.event_setting),
    "site_cue": lambda d: _ci(d.where.site_cue),
    "place_noun_before": lambda d: _ci(d.where.noun_before),
    "asks_base": lambda d: _ci(d.where.asks_base),
    "based_place": lambda d: _ci(d.where.based),
    "based_before": lambda d: _ci(d.where.based_before),
    "possessive_site": lambda d: _ci(d.where.possessive_site),
    "settlement_before": lambda d: _ci(d.where.settlement_before),
    "relative_location": lambda d: _ci(d.where.relative_location),
    "asks_destination": lambda d: _ci(d.where.asks_destination),
    "destination_before": lambda d: _ci(d.where.destination_before),
    "origin_before": lambda d: _ci(d.where.origin_before),
    "asked_setting": lambda d: _ci(d.where.asked_setting),
    "focus_heads": lambda d: {k: tuple(v) for k, v in d.where.focus_heads.items()},
    "contrast": lambda d: _ci(d.why.contrast),
    "subordinate": lambda d: _ci(d.why.subordinate),
    "reason_subject": lambda d: _ci(d.why.reason_subject),
    "result_clause": lambda d: _ci(d.why.result_clause),
    "judgement": lambda d: _ci(d.why.judgement),
    "extraposed": lambda d: _ci(d.why.extraposed),
    "cause_question": lambda d: _ci(d.why.cause_question),
    "condition_question": lambda d: _ci(d.why.condition_question),
    "make_question": lambda d: _ci(d.why.make_question),
    "make_verb": lambda d: _ci(d.why.make_verb),
    "subject_opening": lambda d: _ci(d.why.subject_opening),
    "make_reason": lambda d: _ci(d.why.make_reason),
    "done_by_someone": lambda d: _ci(d.why.done_by_someone),
    "condition": lambda d: _ci(d.why.condition),
    "pro_verb": lambda d: _ci(d.why.pro_verb),
    "purpose_question": lambda d: _ci(d.why.purpose_question),
    "grounds_question": lambda d: _ci(d.why.grounds_question),
    "argument": lambda d: _ci(d.why.argument),
    "cited_as": lambda d: _ci(d.why.cited_as),
    "blamed_back": lambda d: _ci(d.why.blamed_back + r"\s+(.{6,})"),
    "purpose_shape": lambda d: _ci(d.why.purpose_shape),
    "cause_verb": lambda d: _ci(d.why.cause_verb),
    "speaker_question": lambda d: _ci(d.why.speaker_question),
    "speaker_verb": lambda d: _ci(d.why.speaker_verb),
    "concession_question": lambda d: _ci(d.why.concession_question),
    "concession": lambda d: _ci(d.why.concession),
    "possessed_end": lambda d: _ci(d.why.possessed_end),
    "verb_groups": lambda d: tuple(frozenset(g) for g in d.topic.verb_groups),
    "next_statement": lambda d: _ci(d.why.next_statement),
    "next_reason": lambda d: _ci(d.why.next_reason),
    "reason_of_this": lambda d: _ci(d.why.reason_of_this),
    "anaphora": lambda d: _ci(d.why.anaphora),
    "source_citing": lambda d: _ci(d.why.source_citing),
    "directive": lambda d: _ci(d.why.directive),
    "preposition_to": lambda d: _ci(d.why.preposition_to),
    "reason_before": lambda d: _ci(d.why.reason_before),
    "agenda_subject": lambda d: _ci(d.topic.agenda_subject),
    "agenda_object": lambda d: _ci(d.topic.agenda_object),
    "act_question": lambda d: _ci(d.topic.act_question),
    "object_end": lambda d: _ci(d.topic.object_end),
    "talk_noun": lambda d: _ci(d.topic.talk_noun),
    "talk_noun_end": lambda d: _ci(d.topic.talk_noun_end),
    "asked_noun": lambda d: _ci(d.topic.asked_noun),
    "noun_content": lambda d: _ci(d.topic.noun_content),
    "speech_question": lambda d: _ci(d.topic.speech_question),
    "speech_verb": lambda d: _ci(d.topic.speech_verb),
    "quote_then_speaker": lambda d: _ci(d.topic.quote_then_speaker),
    "asks_spoken_to": lambda d: _ci(d.who_met.spoken_to),
    "sent_to": lambda d: _ci(d.who_met.sent_to),
    "asks_argument": lambda d: _ci(d.who_met.asks_argument),
    "asks_companion": lambda d: _ci(d.who_met.asks_companion),
    "asks_doer_of": lambda d: _ci(d.who_met.asks_doer_of),
    "argument_verbs": lambda d: tuple(tuple(g) for g in d.who_met.argument_verbs),
    "symmetric_verbs": lambda d: tuple(d.who_met.symmetric_verbs),
    "person_head": lambda d: _ci(d.who_met.person_head),
    "meeting_verbs": lambda d: tuple(d.who_met.meeting_verbs),
    "interaction_words": lambda d: tuple(tuple(g) for g in d.who_met.interaction_words),
    "interaction_modes": lambda d: tuple(tuple(g) for g in d.who_met.interaction_modes),
    "group_heads": lambda d: frozenset(d.who_met.group_heads),
    "rank_modifiers": lambda d: frozenset(w.lower() for w in d.who_met.rank_modifiers),
    "honorific": lambda d: _ci(r"^(?:" + d.who_met.honorific + r")$"),
    "place_comma": lambda d: _ci(d.who_met.place_comma),
    "label_after": lambda d: _ci(d.who_met.label_after),
    "asks_addressed_body": lambda d: _ci(d.who_met.asks_addressed_body),
    "denied": lambda d: {
        intent: _ci(d.decline.denied.replace("NOUNS", nouns))
        for intent, nouns in d.decline.nouns.items()
    },
    "denial_contrast": lambda d: _ci(d.decline.contrast),
    "anonymous": lambda d: _ci(d.decline.anonymous),
    "anonymous_after": lambda d: _ci(d.decline.anonymous_after),
    "asks_in_person": lambda d: _ci(d.decline.in_person),
    "remote_contact": lambda d: _ci(d.decline.remote),
    "remote_said": lambda d: _ci(d.decline.remote_said),
    "in_person_said": lambda d: _ci(d.decline.in_person_said),
    "passive_act": lambda d: _ci(d.decline.passive_act),
    "future_passive_place": lambda d: _ci(d.decline.future_passive_place),
    "other_event_time": lambda d: _ci(d.decline.other_event_time),
    "light_verbs": lambda d: frozenset(w.lower() for w in d.predicate.light_verbs),
    "not_acts": lambda d: frozenset(w.lower() for w in d.predicate.not_acts),
    "raising_words": lambda d: frozenset(w.lower() for w in d.predicate.raising),
    "phrase_closers": lambda d: frozenset(w.lower() for w in d.predicate.closers),
    "possessive_role": lambda d: re.compile(d.predicate.possessive_role),
    "occurrence_words": lambda d: frozenset(w.lower() for w in d.predicate.occurrence),
    "idioms": lambda d: tuple((_ci(rf"\b(?:{k})\b"), v) for k, v in d.predicate.idioms.items()),
    "act_synonyms": lambda d: _act_synonyms(d.predicate.synonyms, d.predicate.paraphrases),
    "counted": lambda d: _ci(d.constraint.counted),
    "age_after": lambda d: _ci(d.constraint.age_after),
    "number_values": lambda d: {k.lower(): v for k, v in d.constraint.numbers.items()},
    "not_counted": lambda d: frozenset(w.lower() for w in d.constraint.not_counted),
    "magnitude_nouns": lambda d: frozenset(w.lower() for w in d.constraint.magnitude_nouns),
    "code_token": lambda d: re.compile(d.constraint.code),
    "not_code": lambda d: _ci(d.constraint.not_code),
    "kind_asked": lambda d: _ci(d.constraint.kind_asked),
    "kind_words": lambda d: {
        k.lower(): frozenset(w.lower() for w in v) for k, v in d.constraint.kinds.items()
    },
    "settlement_nouns": lambda d: frozenset(w.lower() for w in d.constraint.settlements),
    "country_nouns": lambda d: frozenset(w.lower() for w in d.constraint.countries),
    "day_nouns": lambda d: frozenset(w.lower() for w in d.constraint.days),
    "asks_how_many_people": lambda d: _ci(d.constraint.asks_how_many_people),
    "asks_name_of": lambda d: _ci(d.constraint.asks_name_of),
    "role_after_as": lambda d: _ci(d.constraint.role_after_as),
    "role_families": lambda d: _families(d.constraint.role_families),
    "role_synonyms": lambda d: _synonym_groups(d.constraint.role_synonyms),
    "denied_before": lambda d: _ci(d.constraint.denied_before),
    "asks_denied": lambda d: _ci(d.constraint.asks_denied),
    "place_before": lambda d: re.compile(d.constraint.place_before),
    "place_after": lambda d: re.compile(d.constraint.place_after),
    "broad_roles": lambda d: frozenset(w.lower() for w in d.constraint.broad_roles),
    "job_noun_before": lambda d: re.compile(d.constraint.job_noun_before),
    "clause_bound": lambda d: _ci(d.constraint.clause_bound),
    "what_question": lambda d: _ci(d.what.question),
    "what_said": lambda d: _ci(d.what.said),
    "what_among": lambda d: d.what.among,
    "what_noun_content": lambda d: _ci(d.what.noun_content),
    "what_noun_opener": lambda d: _ci(d.what.noun_opener),
    "what_object_lead": lambda d: _ci(d.what.object_lead),
    "what_subject_pronoun": lambda d: _ci(d.what.subject_pronoun),
    "what_cleft": lambda d: _ci(d.what.cleft),
    "what_said_copula": lambda d: _ci(d.what.said_copula),
    "what_said_act": lambda d: _ci(d.what.said_act),
    "what_said_content": lambda d: _ci(d.what.said_content),
    "what_answer_end": lambda d: _ci(d.what.answer_end),
    "what_points_back": lambda d: _ci(d.what.points_back),
    "what_doer": lambda d: _ci(d.what.doer),
    "what_area_question": lambda d: _ci(d.what.area_question),
    "what_content_verbs": lambda d: frozenset(d.what.content_verbs),
    "what_noun_complement": lambda d: _ci(d.what.noun_complement),
    "what_noun_is": lambda d: _ci(d.what.noun_is),
    "what_noun_label": lambda d: _ci(d.what.noun_label),
    "list_gap": lambda d: _ci(d.lists.gap),
    "asks_joint": lambda d: _ci(d.lists.asks_joint),
    "list_members_after": lambda d: _ci(d.lists.members_after),
    "asks_several": lambda d: _ci(d.lists.asks_several),
    "anchor_pronoun": lambda d: _ci(d.anchor.pronoun_subject),
    "anchor_person_pronoun": lambda d: _ci(d.anchor.person_pronoun_subject),
    "anchor_expletive": lambda d: _ci(d.anchor.expletive),
    "anchor_subject_before": lambda d: _ci(d.anchor.subject_before),
    "anchor_definite": lambda d: _ci(d.anchor.definite_subject),
    "anchor_link_to_name": lambda d: re.compile(d.anchor.descriptor_link + "$", re.IGNORECASE),
    "anchor_person_reference": lambda d: _person_reference(d.anchor),
    "anchor_possessed_person": lambda d: _person_reference(d.anchor, d.anchor.possessed_person),
    "anchor_body_nouns": lambda d: frozenset(w.lower() for w in d.anchor.body_nouns),
    "common_asks_subject": lambda d: _ci(d.common_np.asks_subject),
    "common_subject_before": lambda d: re.compile(d.common_np.subject_before),
    "common_asked_object": lambda d: re.compile(d.common_np.asked_object),
    "common_agent_plural": lambda d: re.compile(d.common_np.agent_plural),
    "common_place_after": lambda d: re.compile(d.common_np.place_after),
    "common_place_heads": lambda d: frozenset(w.lower() for w in d.common_np.place_heads),
    "common_vague_places": lambda d: frozenset(w.lower() for w in d.common_np.vague_places),
    "common_determiners": lambda d: frozenset(w.lower() for w in d.common_np.determiners),
    "common_not_in_phrase": lambda d: frozenset(w.lower() for w in d.common_np.not_in_phrase),
    "common_heads": lambda d: frozenset(w.lower() for w in d.common_np.heads),
    "quantities": lambda d: tuple((k.name, _ci(k.asks), _ci(k.states)) for k in d.quantity.kinds),
}


class AnswerRules:
    """The extractors' patterns (case-insensitive), each compiled on first use."""

    time_bound: re.Pattern[str]
    time_clause: re.Pattern[str]
    asks_clock: re.Pattern[str]
    # The time zone written after a clock time, and a season written before a year: parts of
    # the time the story gives.
    zone_after: re.Pattern[str]
    season_before: re.Pattern[str]
    # A bound through an event's noun ("since his election in"; group 1 the bounding word).
    time_bound_event: re.Pattern[str]
    # A saying verb right before a time, which then dates the report (group 1 the verb).
    time_of_saying: re.Pattern[str]
    # A time opening the sentence whose subject then says something (group 1 the verb).
    time_of_saying_after: re.Pattern[str]
    # Per a verb's first four letters, those of the nouns that name its act ("kill": "murd").
    act_nouns: dict[str, tuple[str, ...]]
    # Each cue is followed by the reason it opens (group 1), at least a few characters of it.
    causes: tuple[tuple[float, re.Pattern[str]], ...]
    prompted: re.Pattern[str]
    time_complement: re.Pattern[str]
    asks_where_said: re.Pattern[str]
    saying: re.Pattern[str]
    # The words from a saying verb to a place that make it where the saying was done.
    said_at: re.Pattern[str]
    event_setting: re.Pattern[str]
    site_cue: re.Pattern[str]
    # A place noun before the name, after a place preposition (group 1 the noun).
    place_noun_before: re.Pattern[str]
    asks_base: re.Pattern[str]
    # A place before "-based" (group 1).
    based_place: re.Pattern[str]
    based_before: re.Pattern[str]
    # The rest of a site's name after a place's possessive ("'s Grand Theatre").
    possessive_site: re.Pattern[str]
    # A settlement written before its state or country (group 1), right before the state.
    settlement_before: re.Pattern[str]
    # A bearing from the place right after ("southwest of the town of").
    relative_location: re.Pattern[str]
    # A question asking where something went; the text before the place it went to; the text
    # before the place it came from.
    asks_destination: re.Pattern[str]
    # What joins two names of one list, a descriptor of the second included (fullmatch it).
    list_gap: re.Pattern[str]
    # A question asking the other party of a joint act ("With whom did Orm found ...?").
    asks_joint: re.Pattern[str]
    # A question asking for several names ("Which tribes ...?").
    asks_several: re.Pattern[str]
    # Between a plural noun and the list of its members (match at the noun's end).
    list_members_after: re.Pattern[str]
    destination_before: re.Pattern[str]
    origin_before: re.Pattern[str]
    # The words of a question right before a place it sets the asked event in ("... in Orvik?").
    asked_setting: re.Pattern[str]
    # Per place noun of a question ("court"), the head nouns of a place's name that answer it.
    focus_heads: dict[str, tuple[str, ...]]
    contrast: re.Pattern[str]
    subordinate: re.Pattern[str]
    next_statement: re.Pattern[str]
    next_reason: re.Pattern[str]
    reason_of_this: re.Pattern[str]
    anaphora: re.Pattern[str]
    source_citing: re.Pattern[str]
    directive: re.Pattern[str]
    # A word before "to" that makes it a preposition ("according to"), no purpose.
    preposition_to: re.Pattern[str]
    reason_before: re.Pattern[str]
    reason_subject: re.Pattern[str]
    # ", leading to ...": the clause before it is the cause of what follows.
    result_clause: re.Pattern[str]
    judgement: re.Pattern[str]
    extraposed: re.Pattern[str]
    cause_question: re.Pattern[str]
    condition_question: re.Pattern[str]
    make_question: re.Pattern[str]
    make_verb: re.Pattern[str]
    subject_opening: re.Pattern[str]
    make_reason: re.Pattern[str]
    done_by_someone: re.Pattern[str]
    condition: re.Pattern[str]
    pro_verb: re.Pattern[str]
    purpose_question: re.Pattern[str]
    # A question that asks for the case its actor made ("On what grounds did Orm sue?").
    grounds_question: re.Pattern[str]
    # A verb of making a case, right before what was argued (group 1).
    argument: re.Pattern[str]
    # What closes a case cited "as his motivation".
    cited_as: re.Pattern[str]
    # A cause assigned to a phrase that points back to the act of the sentence before (group 1).
    blamed_back: re.Pattern[str]
    purpose_shape: re.Pattern[str]
    cause_verb: re.Pattern[str]
    # A why-question that asks for someone's stated reason (group 1 or 2 names the speaker).
    speaker_question: re.Pattern[str]
    # A verb of saying or an attribution, which makes what follows its speaker's statement.
    speaker_verb: re.Pattern[str]
    # A why-question that grants a drawback ("despite being costly"), group 1 the drawback.
    concession_question: re.Pattern[str]
    # A clause that grants a drawback (group 1) before the main clause that outweighs it (2).
    concession: re.Pattern[str]
    # Where a possessed noun phrase ("Vask's tariff plan") ends.
    possessed_end: re.Pattern[str]
    agenda_subject: re.Pattern[str]
    agenda_object: re.Pattern[str]
    act_question: re.Pattern[str]
    # Verbs of one act ("announce", "unveil"), each group the set of its verbs.
    verb_groups: tuple[frozenset[str], ...]
    object_end: re.Pattern[str]
    # What talks are about after their noun (group 1), and where a setting of them ends it.
    talk_noun: re.Pattern[str]
    talk_noun_end: re.Pattern[str]
    asked_noun: re.Pattern[str]
    noun_content: re.Pattern[str]
    # A question that asks all a speaker said (group `speaker`), the verbs that report speech
    # with what was said after them, and a quotation before its speaker.
    speech_question: re.Pattern[str]
    speech_verb: re.Pattern[str]
    quote_then_speaker: re.Pattern[str]
    asks_spoken_to: re.Pattern[str]
    # "sent a letter ... to": whom a message went to is named after it.
    sent_to: re.Pattern[str]
    # Whom the question's own verb reaches (groups 1 or 2 a preposition before "whom", group 3
    # the words after the auxiliary).
    asks_argument: re.Pattern[str]
    # Who did the deed with the named one (group 1 the companion's words).
    asks_companion: re.Pattern[str]
    # Who did the deed (group 1 the past verb, group 2 its object and the rest).
    asks_doer_of: re.Pattern[str]
    # Groups of verbs that stand for each other; an entry may add words the question needs.
    argument_verbs: tuple[tuple[str, ...], ...]
    # Verbs whose subject and object may swap places and tell the same event ("X faced Y").
    symmetric_verbs: tuple[str, ...]
    # The last word of an unnamed noun phrase of people.
    person_head: re.Pattern[str]
    # "Who VERB ...?": a subject asked (group 1 the verb); the common noun phrase that fills
    # the subject slot right before the verb (groups "np" and "gap"), the determiners dropped
    # from it, the words no such phrase holds, and heads of people beyond the lexicons'.
    common_asks_subject: re.Pattern[str]
    common_subject_before: re.Pattern[str]
    # The asked verb's object in the question (group 1), when a thing: the sentence must have it.
    common_asked_object: re.Pattern[str]
    # A plural agent noun ("divers"): people, whatever the trade.
    common_agent_plural: re.Pattern[str]
    # "Where ...?": a common-noun place in the act's place complement (groups "det", "np",
    # "head", "tail"), the place heads beyond the intents' and the heads too vague when bare.
    common_place_after: re.Pattern[str]
    common_place_heads: frozenset[str]
    common_vague_places: frozenset[str]
    common_determiners: frozenset[str]
    common_not_in_phrase: frozenset[str]
    common_heads: frozenset[str]
    # Verbs of meeting (their arguments are the meeting rules' to find).
    meeting_verbs: tuple[str, ...]
    # Groups of words of one kind of interaction between two parties (speaking, handing over,
    # posing together, meeting, allying); the other party is the asked argument.
    interaction_words: tuple[tuple[str, ...], ...]
    # Groups of words of one medium of interaction (phone, email, interview, ...): a question
    # that names one is answered only by a sentence that names it.
    interaction_modes: tuple[tuple[str, ...], ...]
    # Plural heads of a body of people, beyond the lexicon's group nouns, that answer who met or
    # whom ("protest groups", "relief volunteers"): an answer that is no name.
    group_heads: frozenset[str]
    # Words before a title that make it another office ("vice chairman" is no chairman).
    rank_modifiers: frozenset[str]
    # A whole title that is only a form of address ("Professor", "Dr.").
    honorific: re.Pattern[str]
    # A comma inside a place name ("Harlow, TX-based"), matched where the comma stands.
    place_comma: re.Pattern[str]
    # The quoted name an unnamed noun phrase goes by, right after it (group 1).
    label_after: re.Pattern[str]
    # A body asked as whom someone spoke to ("To which paper did Orm speak ...").
    asks_addressed_body: re.Pattern[str]
    # A generic what-question (groups `aux`, `rest`) and, in its rest, a verb of saying
    # (groups `speaker`, `clause`).
    what_question: re.Pattern[str]
    # The "among the NOUN ... are" inversion, NOUN to be replaced by the asked noun's forms.
    what_among: str
    what_said: re.Pattern[str]
    # What a noun's content follows; the words before a noun that make it one.
    what_noun_content: re.Pattern[str]
    what_noun_opener: re.Pattern[str]
    what_object_lead: re.Pattern[str]
    what_subject_pronoun: re.Pattern[str]
    # A "what ... is X" clause (groups `clause`, `answer`); "said it was X" (group `answer`).
    what_cleft: re.Pattern[str]
    what_said_copula: re.Pattern[str]
    what_said_act: re.Pattern[str]
    what_said_content: re.Pattern[str]
    what_answer_end: re.Pattern[str]
    # An object that only points back ("the new products", "this plan").
    what_points_back: re.Pattern[str]
    # "What (N) VERBed X?": what did the deed (groups `verb`, `object`).
    what_doer: re.Pattern[str]
    # Verbs that ask for their subject's content ("What does the plan involve?"), and that
    # content after the subject's noun in a sentence ("a plan to X").
    what_content_verbs: frozenset[str]
    # "In which areas did X VERB?" (groups `prep`, `aux`, `rest`).
    what_area_question: re.Pattern[str]
    what_noun_complement: re.Pattern[str]
    # What a noun of content is ("the theme was X", group `answer`), or its quoted name.
    what_noun_is: re.Pattern[str]
    what_noun_label: re.Pattern[str]
    # A subject pronoun (group `plural` for "they"), an "it" with no antecedent, what may stand
    # before a name that is its sentence's subject, a definite subject (group 1 its words), and
    # what may stand between a describing noun and the name it describes (a pattern's text).
    anchor_pronoun: re.Pattern[str]
    # "According to the paper, he ...": a person's pronoun as the subject after an opening.
    anchor_person_pronoun: re.Pattern[str]
    anchor_expletive: re.Pattern[str]
    anchor_subject_before: re.Pattern[str]
    anchor_definite: re.Pattern[str]
    # The link from a describing noun to the name, to the name's start (matched from the noun's
    # end, on lower-case text).
    anchor_link_to_name: re.Pattern[str]
    anchor_person_reference: re.Pattern[str]
    # A person named by a role of another ("Orm's lawyer"): groups `owner` and `head`.
    anchor_possessed_person: re.Pattern[str]
    # Nouns that fit any body ("the company").
    anchor_body_nouns: frozenset[str]
    # (name, what asks for it, what states it), in the file's order.
    quantities: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
    # Per intent: what says the asked thing was not made known, and what may take that back.
    denied: dict[str, re.Pattern[str]]
    denial_contrast: re.Pattern[str]
    # An unnamed person (group 1: the words that say who they are).
    anonymous: re.Pattern[str]
    anonymous_after: re.Pattern[str]
    asks_in_person: re.Pattern[str]
    remote_contact: re.Pattern[str]
    remote_said: re.Pattern[str]
    in_person_said: re.Pattern[str]
    passive_act: re.Pattern[str]
    future_passive_place: re.Pattern[str]
    other_event_time: re.Pattern[str]
    # The asked act's words: verbs whose object is the act, verbs that are no act, verbs after
    # which the act follows "to", words that close the verb phrase, and each word's paraphrases.
    light_verbs: frozenset[str]
    not_acts: frozenset[str]
    raising_words: frozenset[str]
    phrase_closers: frozenset[str]
    act_synonyms: dict[str, tuple[str, ...]]
    # Words of a predicate that says only that an event came about ("take place", "held").
    occurrence_words: frozenset[str]
    # Each idiom of the question (compiled) and the plain verb a story reports it with.
    idioms: tuple[tuple[re.Pattern[str], str], ...]
    possessive_role: re.Pattern[str]
    # A number and the noun it counts or measures (group 1 the number, group 2 the noun).
    counted: re.Pattern[str]
    # What, right after a counted "year", makes it an age ("-old").
    age_after: re.Pattern[str]
    # Number words and their values ("three" -> 3).
    number_values: dict[str, float]
    # Words after a number that are no counted noun (scales, units of the number itself).
    not_counted: frozenset[str]
    # What a bare number measures by its magnitude ("a 6.4 quake" is one of magnitude 6.4).
    magnitude_nouns: frozenset[str]
    # A model or code name mixing letters and digits ("A380"), case kept.
    code_token: re.Pattern[str]
    # Tokens of that shape that are no code (ordinals, clock times, units).
    not_code: re.Pattern[str]
    # "Which prison ...": the kind of place asked for (group 1).
    kind_asked: re.Pattern[str]
    # Per asked kind, the words a name of that kind is headed by.
    kind_words: dict[str, frozenset[str]]
    # Asked kinds a place's name answers by its type (a city is a place, not a country).
    settlement_nouns: frozenset[str]
    # Asked kinds only a country answers ("Which countries ..."): a body or a person is none.
    country_nouns: frozenset[str]
    # Asked kinds a when-answer gives only as a day ("On which day ..."), not a month or year.
    day_nouns: frozenset[str]
    # "Which two senators ...": the number of people asked for (group 1).
    asks_how_many_people: re.Pattern[str]
    # "What is the name of the guide who ...": group `head` the described noun.
    asks_name_of: re.Pattern[str]
    # "Who was chosen as president of ...": the role a who-question names after "as" (group 1).
    role_after_as: re.Pattern[str]
    # Per person noun, the families of jobs it belongs to (a noun may be in several).
    role_families: dict[str, frozenset[str]]
    # Per narrow person noun, the nouns a story may write for it (itself included).
    role_synonyms: dict[str, frozenset[str]]
    # A negation a few words before a verb, in its clause ("have never won"), searched up to it.
    denied_before: re.Pattern[str]
    # A question that itself asks about a negated act ("Who did not vote ...").
    asks_denied: re.Pattern[str]
    # A name written between places ("Reading, X, UK"): what comes before and after it.
    place_before: re.Pattern[str]
    place_after: re.Pattern[str]
    # Person nouns a story may not repeat beside the person's name ("leader", "official").
    broad_roles: frozenset[str]
    # A lower-case job noun right before a person's name ("surgeon Ivo Dahl"); group 1 the noun.
    job_noun_before: re.Pattern[str]
    # What ends a clause inside a sentence (the candidate's clause binds the question's words).
    clause_bound: re.Pattern[str]

    def __init__(self, data: AnswerRuleFile) -> None:
        self._data = data

    def compile_all(self) -> None:
        """Every rule now: a batch does it once before forking its workers (which then share
        them), where `ask` compiles only the few its question uses."""
        for name in _MAKERS:
            getattr(self, name)

    if not TYPE_CHECKING:  # so that mypy checks every rule name against the annotations above

        def __getattr__(self, name: str) -> Any:
            # Only reached while `name` is not yet an attribute: made once, then found directly.
            make = _MAKERS.get(name)
            if make is None:
                raise AttributeError(name)
            value = make(self._data)
            setattr(self, name, value)
            return value


@cache
def answer_rules() -> AnswerRules:
    return AnswerRules(load_prompt("answer_rules", AnswerRuleFile))
