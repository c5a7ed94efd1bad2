"""Patterns of the answer extractors, from `prompts/answer_rules.toml` (checked at load)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.prompts import Pattern, StrictModel, load_prompt


class WhenRules(StrictModel):
    bound: Pattern
    clause: Pattern
    complement: Pattern


class WhereRules(StrictModel):
    asked: Pattern
    saying: Pattern
    event_setting: Pattern
    site_cue: Pattern


class CauseCue(StrictModel):
    weight: float
    pattern: Pattern


class WhyRules(StrictModel):
    causes: list[CauseCue]
    prompted: Pattern
    contrast: Pattern
    next_statement: Pattern
    next_reason: Pattern
    anaphora: Pattern
    source_citing: Pattern
    directive: Pattern
    reason_before: Pattern


class TopicRules(StrictModel):
    agenda_subject: Pattern
    agenda_object: Pattern
    act_question: Pattern
    object_end: Pattern


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
    in_person: Pattern
    remote: Pattern
    remote_said: Pattern
    in_person_said: Pattern
    passive_act: Pattern
    future_passive_place: Pattern
    nouns: dict[str, Pattern]


class AnswerRuleFile(StrictModel):
    decline: DeclineRules
    when: WhenRules
    where: WhereRules
    why: WhyRules
    topic: TopicRules
    quantity: QuantityRules


@dataclass(frozen=True)
class AnswerRules:
    time_bound: re.Pattern[str]
    time_clause: re.Pattern[str]
    # Each cue is followed by the reason it opens (group 1), at least a few characters of it.
    causes: tuple[tuple[float, re.Pattern[str]], ...]
    prompted: re.Pattern[str]
    time_complement: re.Pattern[str]
    asks_where_said: re.Pattern[str]
    saying: re.Pattern[str]
    event_setting: re.Pattern[str]
    site_cue: re.Pattern[str]
    contrast: re.Pattern[str]
    next_statement: re.Pattern[str]
    next_reason: re.Pattern[str]
    anaphora: re.Pattern[str]
    source_citing: re.Pattern[str]
    directive: re.Pattern[str]
    reason_before: re.Pattern[str]
    agenda_subject: re.Pattern[str]
    agenda_object: re.Pattern[str]
    act_question: re.Pattern[str]
    object_end: re.Pattern[str]
    # (name, what asks for it, what states it), in the file's order.
    quantities: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
    # Per intent: what says the asked thing was not made known, and what may take that back.
    denied: dict[str, re.Pattern[str]]
    denial_contrast: re.Pattern[str]
    asks_in_person: re.Pattern[str]
    remote_contact: re.Pattern[str]
    remote_said: re.Pattern[str]
    in_person_said: re.Pattern[str]
    passive_act: re.Pattern[str]
    future_passive_place: re.Pattern[str]


@cache
def answer_rules() -> AnswerRules:
    data = load_prompt("answer_rules", AnswerRuleFile)
    return AnswerRules(
        time_bound=re.compile(data.when.bound, re.IGNORECASE),
        time_clause=re.compile(data.when.clause, re.IGNORECASE),
        causes=tuple(
            (cue.weight, re.compile(cue.pattern + r"\s+(.{6,})", re.IGNORECASE))
            for cue in data.why.causes
        ),
        prompted=re.compile(data.why.prompted, re.IGNORECASE),
        time_complement=re.compile(data.when.complement, re.IGNORECASE),
        asks_where_said=re.compile(data.where.asked, re.IGNORECASE),
        saying=re.compile(data.where.saying, re.IGNORECASE),
        event_setting=re.compile(data.where.event_setting, re.IGNORECASE),
        site_cue=re.compile(data.where.site_cue, re.IGNORECASE),
        contrast=re.compile(data.why.contrast, re.IGNORECASE),
        next_statement=re.compile(data.why.next_statement, re.IGNORECASE),
        next_reason=re.compile(data.why.next_reason, re.IGNORECASE),
        anaphora=re.compile(data.why.anaphora, re.IGNORECASE),
        source_citing=re.compile(data.why.source_citing, re.IGNORECASE),
        directive=re.compile(data.why.directive, re.IGNORECASE),
        reason_before=re.compile(data.why.reason_before, re.IGNORECASE),
        agenda_subject=re.compile(data.topic.agenda_subject, re.IGNORECASE),
        agenda_object=re.compile(data.topic.agenda_object, re.IGNORECASE),
        act_question=re.compile(data.topic.act_question, re.IGNORECASE),
        object_end=re.compile(data.topic.object_end, re.IGNORECASE),
        quantities=tuple(
            (k.name, re.compile(k.asks, re.IGNORECASE), re.compile(k.states, re.IGNORECASE))
            for k in data.quantity.kinds
        ),
        denied={
            intent: re.compile(data.decline.denied.replace("NOUNS", nouns), re.IGNORECASE)
            for intent, nouns in data.decline.nouns.items()
        },
        denial_contrast=re.compile(data.decline.contrast, re.IGNORECASE),
        asks_in_person=re.compile(data.decline.in_person, re.IGNORECASE),
        remote_contact=re.compile(data.decline.remote, re.IGNORECASE),
        remote_said=re.compile(data.decline.remote_said, re.IGNORECASE),
        in_person_said=re.compile(data.decline.in_person_said, re.IGNORECASE),
        passive_act=re.compile(data.decline.passive_act, re.IGNORECASE),
        future_passive_place=re.compile(data.decline.future_passive_place, re.IGNORECASE),
    )
