"""Extractors for why-questions: the purpose or reason of an event (`_why`), a purpose stated
in the next sentence, what a reason refers to, and whether a clause attaches to the asked event.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls these from `_extract`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.knowledge.meetings import purpose_clauses
from assistant.lazy_re import lazy_compile
from assistant.models import Article, EntityKind
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import _WORDS, Candidate, Scored, _has_word
from assistant.qa.questions import QuestionFrame
from assistant.text import fold, trim_words

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


# A name right after the auxiliary of a question is its subject: "Why did (President) Obama".
_SUBJECT_BEFORE = lazy_compile(
    r"\b(?:did|does|do|is|was|were|are|has|have|had|will|would)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)

# A sentence that is itself a question, quoted or not.
_ASKING = lazy_compile(r"\?[\"”’']?\s*$")

# A sentence whose subject is a personal pronoun, its verb (an adverb may stand before it) next.
_PRONOUN_SUBJECT = lazy_compile(r"^(?:It|He|She|They)\s+(?:[a-z]+ly\s+)?[a-z]+\b")

# A word of a time expression, which ends the phrase before it.
_TIME_WORD = lazy_compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|morning|afternoon"
    r"|evening|night|week|month|year|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|\d{4})\b",
    re.I,
)

# A clause's negation, which turns what it says of its outcome around.
_NEGATION = lazy_compile(r"\b(?:not|never|no\s+longer)\b|n['’]t\b", re.I)

# A cue that is a noun of cause and a copula ("the reason was", "the cause of death is").
_COPULAR_CUE = lazy_compile(r"\b(?:was|is)\s*$", re.I)

# A modal verb of letting and its object, right before a "to" clause: "will allow him".
_ENABLING = lazy_compile(
    r"\b(?:will|would|could|should|can|may|might)\s+(?:also\s+)?(?:allow|permit|let|enable)"
    r"\s+(?:[\w'’.-]+\s+){0,3}?$",
    re.I,
)

# A verb and its object (a name, a pronoun or a short noun phrase) right before "over": group 1
# is the verb.
_VERB_OBJECT_BEFORE = lazy_compile(
    r"\b([a-z]+)\s+(?:(?:the|a|an|his|her|its|their)\s+(?:[\w'’-]+\s+){1,2}"
    r"|(?:[A-Z][\w'’.-]*\s+){1,3}|(?:him|her|them|it|us)\s+)$"
)

# Cues weaker than this ("for", "over") are bare prepositions.
_WEAK_CUE = 0.3
# The weight of an "over" that follows the asked verb and its object, as of a cause cue.
_OVER_MATTER = 0.5

# A clause that opens the sentence or a quotation: `text[:start]` is empty or ends so.
_FRONTED = lazy_compile(r"(?:^|[:;\"“‘(]|\bthat)\s*$")

# A quotation ends at punctuation then a quote mark, or at a quote mark right after a word
# ("... for security reasons", a government official said).
_QUOTE_END = lazy_compile(r"[,.][\"”]|(?<=\w)[\"”](?=[\s,.;]|$)")


# Where the subject of a reason noun begins, read back from it: after "that", a comma, a colon
# or a quotation mark.
_SUBJECT_OPENING = lazy_compile(r"\bthat\s+|[,;:]\s+|[\"“]")
# The subject of a verb of causing begins after a clause opening or a preposition: "the
# possibility of (a faulty heater) triggering ...".
_CAUSE_OPENING = lazy_compile(
    r"\bthat\s+|[,;:]\s+|[\"“]|\b(?:of|by|from|whether|if|and|but|said|says)\s+", re.I
)
_PASSIVE_OR_RELATIVE = lazy_compile(
    r"\b(?:is|was|were|are|be|been|being|which|who|that)\s+(?:\w+ly\s+)?$", re.I
)
_THAT_RELATIVE_END = lazy_compile(r"(?<=[a-z]),?\s+(?:that|which)\s+$")
_POINTER_AND_VERB = lazy_compile(
    r"^(?:this|that|it|these|those|they|he|she|we)\s+(?:(?:[a-z]+\s+){1,3}?(?=(?:an?|the)\s)|[a-z]+\s+)",
    re.I,
)
# The agent right after a participle of causing ("caused by warm weather"), group 1.
_AGENT_AFTER = lazy_compile(r"\s+by\s+(.{3,})")
# Where an agent phrase ends: a clause break, a relative or a participle clause.
_CLAUSE_END = lazy_compile(
    r"[,;:()\"“”]|\s(?:which|who|that|when|while|but|and\s+(?:then|is|was))\s"
)
_LOWER_WORDS = lazy_compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_DETERMINER_END = lazy_compile(
    r"\b(?:the|a|an|its|his|her|their|our|no|any|root|main|probable|likely|possible)\s+$", re.I
)
_RELATIVE_END = lazy_compile(r",\s*which\s*$", re.I)
# The relative word that opens a clause about the person just named: "..., who".
_WHO_RELATIVE_END = lazy_compile(r"\bwho\s$", re.I)
_LEADING_CONJUNCTION = lazy_compile(r"^(?:and|but|so|yet)\s+", re.I)
_POINTER = lazy_compile(
    r"(?:it|this|that|these|those|they|he|she|we|which|what|there|money|time)", re.I
)

# The lower-case word before a name of the question (a title may stand between): its verb,
# when the name is its object ("Why did Orm oppose (Senator) Vask?").
_VERB_BEFORE_NAME = lazy_compile(r"\b([a-z]+)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}$")
_AUXILIARY = lazy_compile(
    r"did|does|do|is|was|were|are|has|have|had|will|would|could|should|can|may|might|and|of|to"
    r"|in|at|on|for|with|by|from|about|that|the|a|an"
)


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every cue of a pattern whose match runs to the sentence's end: a later cue inside an
    earlier one's reason ("rejected after the talks broke down when ...") is a reason too."""
    found: list[re.Match[str]] = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        found.append(match)
        position = match.start(1)
    return found


# The share of a reason's content words the question holds at which it mostly restates it.
_RESTATED_SHARE = 0.6


def _reason_clause(text: str) -> str:
    """A reason as the sentence writes it from its start: up to where a quotation closes or a
    contrast ("but ...") begins, at most 30 words, without closing punctuation."""
    clause = answer_rules().contrast.split(_QUOTE_END.split(text)[0])[0]
    return trim_words(clause.strip(), 30).rstrip(".,")


class WhyExtractors(_Base):
    """Why-questions: purposes and reasons of the asked event."""

    def _why(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        rules = answer_rules()
        # "What is the lawsuit aimed at?" asks what it is to achieve: the cause the sentence also
        # gives ("a bid to shut the paper because of its reporting") answers another question.
        # "What caused the fire?" asks the opposite: a purpose ("designed to save fuel") is none.
        aim = rules.purpose_question.search(frame.text) is not None
        cause = not aim and rules.cause_question.search(frame.text) is not None
        # "What caused the flight to be diverted?": a thing done has a doer with an aim.
        cause = cause and rules.done_by_someone.search(frame.text) is None
        asked = self._content_stems(frame.text)
        speaker = self._asked_speaker(frame)
        for candidate in self._reasons(frame, scored):
            words = self._content_stems(candidate.short)
            if words <= asked:
                # "as part of investigations" for "Why was the board not part of the
                # investigation?": a reason made only of the question's words says nothing new.
                continue
            if (
                len(words) >= 3
                and len(words & asked) >= _RESTATED_SHARE * len(words)
                and candidate.rule != "reason:judgement"
            ):
                # "driven by losses in North America" for "What was the loss in North America
                # attributed to?": mostly the question's words, it says where, not why. (A
                # judgement carries the act it judges, the question's words, by design.)
                candidate.score -= 0.5
            if speaker and self._said_by(speaker, candidate):
                # "Why does Orm find the fall worrying?": Orm's own reason, even when it repeats
                # the question's words ("since buyers may worry the index will fall").
                candidate.score += 0.3
            if not aim and not cause:
                yield candidate
                continue
            purpose = bool(rules.purpose_shape.match(candidate.short))
            if candidate.meeting is None and cause and purpose:
                # "What started the fire?": no one's aim ("to celebrate a birthday") starts it.
                continue
            if candidate.meeting is None and aim != purpose:
                candidate.score -= 0.5
            yield candidate

    def _asked_speaker(self, frame: QuestionFrame) -> str:
        """The head word of whoever's stated reason the question asks for ("Why does the city
        council say ...?" gives "council"), folded; empty when it asks for no one's."""
        match = answer_rules().speaker_question.search(frame.text)
        if match is None:
            return ""
        words = [
            w
            for w in _WORDS.findall(match.group(1) or match.group(2) or "")
            if fold(w) not in self.tokenizer.stopwords
        ]
        return fold(words[-1]) if words else ""

    def _said_by(self, speaker: str, candidate: Candidate) -> bool:
        """Whether the candidate's reason stands in what `speaker` is reported to say: after
        "Orm said" (the name among the words just before the verb), or in a sentence that
        attributes itself "according to Orm" or "..., Orm said"."""
        text = candidate.sentence.info.text
        if candidate.extra_sentences:
            return False
        at = text.find(candidate.short[:25])
        if at < 0:
            return False
        for verb in answer_rules().speaker_verb.finditer(text):
            before = fold(text[max(0, verb.start() - 60) : verb.start()])
            after = fold(text[verb.end() : verb.end() + 40])
            if _has_word(before, speaker) and verb.end() <= at:
                return True
            if _has_word(after, speaker) and (
                verb.group().lower().startswith("according") or verb.start() > at
            ):
                return True
        return False

    def _reasons(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
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
        possessed = list(self._possessed_object(frame, scored))
        # "Can you unlock the door so they can get off?": a question asserts no reason.
        asking = _ASKING.search(info.text) is not None
        for purpose, start in () if asking else purpose_clauses(info):
            if any(begin < start < end for _, (begin, end) in possessed):
                # "condemned Orm's readiness to lift the ban": the "to" clause completes the
                # possessed noun, it is no purpose of the act.
                continue
            if purpose.value[:3].lower() == "to ":
                judged = answer_rules().extraposed.search(info.text, max(0, start - 60), start)
                if judged:
                    # "it would have been costly to research the shells itself": the judgement
                    # is why that was not done, when the question names the judged act.
                    verdict = (judged.group(1) or "").strip()
                    acted = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(purpose.value)}
                    if verdict and len(predicate & acted) >= 2:
                        # With the act it judges, up to its first comma: "safe enough to leave
                        # the district" says what "safe enough" alone leaves open.
                        judged_act = purpose.value.split(",")[0]
                        yield Candidate(
                            short=trim_words(f"{verdict} {judged_act}", 30),
                            score=0.7,
                            sentence=scored,
                            rule="reason:judgement",
                            highlight=(verdict,),
                        )
                    continue
            if self._restates(predicate, purpose.value):
                continue
            if purpose.value[:3].lower() == "to " and answer_rules().preposition_to.search(
                info.text, max(0, start - 20), start
            ):
                # "according to state media": a preposition, no "to" of an aim.
                continue
            if (
                purpose.value[:3].lower() == "to "
                and answer_rules().directive.search(info.text, max(0, start - 60), start)
                and not self._enabled_by_act(predicate, info.text, start)
            ):
                # "was stopped and told to get out of his car": what he was told to do.
                continue
            own = {"purpose:statement": 1.0, "purpose:generic": 0.4}.get(purpose.rule, 0.7)
            if names_subject(purpose.value):
                own -= 0.3
            own -= 0.15 * self._named_only_inside(frame, info.text, start, purpose.value)
            value, main = self._fronted(info.text, start, purpose.value)
            yield Candidate(
                short=value,
                score=own + self._attachment(predicate, info.text, start, value) + main(predicate),
                sentence=scored,
                rule=purpose.rule,
                highlight=(value,),
            )
        yield from (candidate for candidate, _ in possessed)
        if answer_rules().grounds_question.search(frame.text):
            yield from self._argued_by_actor(frame, scored)
        yield from self._outweighs_concession(frame, scored)
        yield from self._purpose_stated_next(scored)
        yield from self._reason_of_this(scored)
        named = [fold(m.name or m.text).split()[-1] for m in persons if (m.name or m.text)]
        yield from self._reason_of_next_pronoun(scored, named)
        yield from self._reason_stated_before(predicate, scored)
        yield from self._reason_as_subject(predicate, scored)
        yield from self._cause_before_result(
            predicate, scored, tuple(m.name or m.text for m in frame.strong_entities())
        )
        if answer_rules().cause_question.search(frame.text):
            yield from self._cause_as_subject(predicate, scored)
        if answer_rules().make_question.search(frame.text):
            # "What would make the climb harder?": the subject of a "make" whose object and
            # complement say what the question says.
            yield from self._cause_as_subject(predicate, scored, answer_rules().make_verb, 2)
        if answer_rules().condition_question.search(frame.text):
            negated = _NEGATION.search(frame.text) is not None
            yield from self._condition_of_outcome(predicate, negated, scored)
        for prompted in answer_rules().prompted.finditer(info.text):
            # Only the cause of the act asked about: "prompted the minister to step down"
            # answers why he stepped down.
            if self.tokenizer.stem(prompted.group(2).lower()) not in predicate and (
                len(self._act_overlap(predicate, info.text, prompted.start(2))) < 2
            ):
                # The act may be asked in other words ("What prompted her to make the long
                # journey?" for "prompted her to embark on the journey"): then its words must.
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
        if asking:
            return
        # Causes, strongest cue first: "because", "in retaliation for", then "after", "amid".
        negated = _NEGATION.search(frame.text) is not None
        for own, pattern in answer_rules().causes:
            reasons = _overlapping(pattern, info.text)
            for reason in reasons:
                if self._cites_a_source(info.text, reason.start()):
                    continue
                if reason.group(0)[:4].lower() == "when" and not self._right_after_act(
                    predicate, info.text, reason.start()
                ):
                    # "were hurt on Sunday when their bus left the road": a time, unless the
                    # asked act stands just before it.
                    continue
                short = _QUOTE_END.split(reason.group(0))[0]
                short, main = self._fronted(info.text, reason.start(), short)
                short = answer_rules().contrast.split(short)[0]
                short = trim_words(short, 30).rstrip(".,")
                # The cue's own words ("the reason for the decline is") stand before the reason:
                # the question's words there attach it, inside the reason they would not.
                cue = reason.start(1) - reason.start()
                attached = self._attachment(
                    predicate, info.text, reason.start(1), short[cue:], negated
                )
                if predicate & self._content_stems(reason.group(0)[:cue]):
                    # "What prompted the raid?" over "the raid was prompted by ...": the cue
                    # itself is the question's verb, so it names the very cause asked for.
                    attached += 0.4
                weight = own
                if own < _WEAK_CUE and self._over_after_asked_verb(
                    predicate, info.text, reason.start()
                ):
                    # "investigating Orm over bribes": after the asked verb and its object,
                    # "over" names the matter of the act as plainly as "because of" would.
                    weight = _OVER_MATTER
                elif own < _WEAK_CUE:
                    # "pay taxes for property": a bare preposition belongs to the noun before
                    # it more often than to the asked act, however close that act stands.
                    attached = min(attached, 0.2)
                    judged = answer_rules().judgement.search(
                        info.text, max(0, reason.start() - 60), reason.start()
                    )
                    if judged and judged.group(1).lower() not in self.tokenizer.stopwords:
                        # "can be dangerous for the region": the judgement is the reason.
                        short = f"{judged.group(1)} {short}"
                nested = self._inside_weaker_reason(predicate, info.text, reason.start(), own)
                if nested:
                    # "a by-election following the resignation of the MP for family reasons":
                    # the inner reason explains the noun of the outer one (the resignation),
                    # and the outer one the asked act.
                    attached -= 0.5
                opening = reason.group(0)[:cue]
                if _COPULAR_CUE.search(opening) and short.startswith(opening) and short[cue:]:
                    # "the trigger was a missile test": the noun of cause and its verb only
                    # introduce the reason.
                    short = short[cue:]
                extra: list[tuple[Article, int]] = []
                referent = self._referent(scored, short)
                if referent is not None:
                    # "over this issue": what the issue is, from the sentences before.
                    short, index = referent
                    extra = [(scored.article, index)] if index >= 0 else []
                yield Candidate(
                    short=short,
                    score=weight + attached + main(predicate),
                    sentence=scored,
                    rule="reason-clause" + (":referent" if referent else ""),
                    highlight=(reason.group(0),),
                    extra_sentences=extra,
                )
            if any(
                not self._other_clause_holds(predicate, info.text, r.start(), negated)
                and not self._inside_weaker_reason(predicate, info.text, r.start(), own)
                for r in reasons
            ):
                # A weaker cue is looked for only if these all explain another clause.
                break

    def _condition_of_outcome(
        self, predicate: frozenset[str], negated: bool, scored: Scored
    ) -> Iterable[Candidate]:
        """The condition an outcome that may come about turns on: "Why might the club be forced
        to fold?" over "If no buyer is found by May, the club will be forced to fold" gives the
        "if" clause. Only for the outcome asked about: the clause it hangs on (the rest of the
        sentence after a fronted condition, else what stands before it) must say it, and say it
        as the question does: "will not be blocked if she wins" is no condition of being
        blocked."""
        rules = answer_rules()
        text = scored.info.text
        for found in rules.condition.finditer(text):
            start = found.start()
            clause = _QUOTE_END.split(text[start:])[0]
            fronted = _FRONTED.search(text, 0, start) is not None and ", " in clause
            if fronted:
                clause, outcome = clause.split(", ", 1)
            else:
                outcome = text[self._clause_opening(text, start) : start]
                clause = rules.contrast.split(clause)[0]
            # Two of the question's words, or its one ("be named" when the rest are names).
            if not predicate or len(predicate & self._content_stems(outcome)) < min(
                2, len(predicate)
            ):
                continue
            if (_NEGATION.search(outcome) is not None) != negated:
                continue
            clause = self._done_so(scored, clause)
            yield Candidate(
                short=trim_words(clause, 30).rstrip(".,"),
                score=0.6 + 0.1 * min(len(predicate & self._content_stems(outcome)), 4),
                sentence=scored,
                rule="reason:condition",
                highlight=(clause,),
            )

    def _done_so(self, scored: Scored, clause: str) -> str:
        """A condition that says "do so" of the act the sentence before names as its aim or
        duty ("has until May to file a plan. If it fails to do so, ...") says that act."""
        pro = answer_rules().pro_verb.search(clause)
        index = scored.info.index - 1
        if pro is None or index < 0:
            return clause
        before = self.analyses.get(scored.article).sentences[index]
        acts = [e.value for e, _ in purpose_clauses(before) if e.value[:3].lower() == "to "]
        if not acts:
            return clause
        act = answer_rules().contrast.split(acts[0][3:])[0].rstrip(".,")
        return clause[: pro.start()] + act + clause[pro.end() :]

    def _outweighs_concession(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "Why did Orm back the levy despite its cost?" over "Orm said that while the levy is
        costly, it is the only way to fund the port": the question grants the drawback, and the
        sentence grants it too in a concession clause; the main clause set against it is the
        reason. The concession must share the drawback's words."""
        granted = answer_rules().concession_question.search(frame.text)
        if granted is None:
            return
        drawback = self._content_stems(granted.group(1))
        text = scored.info.text
        for match in answer_rules().concession.finditer(text):
            if len(drawback & self._content_stems(match.group(1))) < 1:
                continue
            main = _QUOTE_END.split(match.group(2))[0].strip(' "“”')
            main = trim_words(main, 30).rstrip(".,")
            if len(main.split()) < 3:
                continue
            yield Candidate(
                short=main,
                score=1.0,
                sentence=scored,
                rule="reason:outweighs-concession",
                highlight=(main,),
            )

    def _argued_by_actor(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "On what grounds did Orm sue the port?" over "Orm argued that the port broke the
        lease": the grounds of an act are the case its actor made, so what the question's own
        actor (named in the clause before the verb) argued or claimed answers it; what anyone
        else argued does not. The case often follows the sentence that reports the act, in
        words of its own ("Orm sued the port. Orm argued that ..."), so the next two are read
        too."""
        sentences = self.analyses.get(scored.article).sentences
        # A person is named again by the surname alone.
        names: set[str] = set()
        for m in frame.strong_entities():
            name = fold(m.name or m.text)
            names.add(name)
            if m.kind is EntityKind.PERSON and name.split():
                names.add(name.split()[-1])
        names.discard("")
        first = scored.info.index
        for index in range(max(first, 0), min(first + 3, len(sentences))):
            text = sentences[index].text if index != first else scored.info.text
            for match in answer_rules().argument.finditer(text):
                opening = max(text.rfind(c, 0, match.start()) for c in ',;:"“')
                subject = fold(text[opening + 1 : match.start()])
                if not any(_has_word(subject, name) for name in names):
                    continue
                case = answer_rules().cited_as.split(match.group(1))[0]
                short = answer_rules().contrast.split(_QUOTE_END.split(case)[0])[0]
                short = trim_words(short, 30).strip(' .,"“”')
                yield Candidate(
                    short=short,
                    score=1.0 - 0.1 * (index - first),
                    sentence=scored,
                    rule="reason:argued",
                    highlight=(short,),
                    extra_sentences=[(scored.article, index)] if index != first else [],
                )

    def _inside_weaker_reason(
        self, predicate: frozenset[str], text: str, start: int, own: float
    ) -> bool:
        """Whether the reason cued at `start` stands inside the noun phrase of an earlier,
        weaker cue of the same clause that follows the asked act ("closed after the loss of its
        licence because of unpaid fees"): it then explains that noun, not the act."""
        rules = answer_rules()
        for weight, pattern in rules.causes:
            if weight >= own or weight < _WEAK_CUE:
                continue
            for outer in pattern.finditer(text, max(0, start - 120), start):
                between = text[outer.start(1) : start]
                if (
                    outer.start() < start
                    and outer.start(1) <= start
                    and not re.search(r"[,;:\"“”()]", between)
                    and not rules.contrast.search(between)
                    and not rules.subordinate.search(between)
                    # "fell after the opening bell on Tuesday over concerns ...": a time closes
                    # the outer phrase, and the reason after it goes with the verb again.
                    and not _TIME_WORD.search(between)
                    and self._right_after_act(predicate, text, outer.start())
                ):
                    return True
        return False

    def _possessed_object(
        self, frame: QuestionFrame, scored: Scored
    ) -> Iterable[tuple[Candidate, tuple[int, int]]]:
        """ "Why did Orm oppose Senator Vask?" over "Orm opposed Senator Vask's tariff plan": the
        act aimed at a name is explained by what of that name's it was aimed at. The name must
        stand right after the question's own verb (a title between), and the sentence must use
        that verb on the name's possessive."""
        text = scored.info.text
        if "'" not in text and "’" not in text:
            return
        for mention in frame.strong_entities():
            before = _VERB_BEFORE_NAME.search(frame.text[: mention.start])
            name = (mention.name or mention.text).split()
            if not before or not name or _AUXILIARY.fullmatch(before.group(1)):
                continue
            verb = self.tokenizer.stem(fold(before.group(1)))
            owned = re.compile(
                r"\b([a-z]+)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?"
                + re.escape(name[-1])
                + r"['’]s\s+(?=[a-z])"
            )
            for found in owned.finditer(text):
                if self.tokenizer.stem(fold(found.group(1))) != verb:
                    continue
                rest = text[found.end() :]
                stop = answer_rules().possessed_end.search(rest)
                end = found.end() + (stop.start() if stop else len(rest))
                phrase = trim_words(text[found.end() : end], 12).strip()
                if not phrase or self._in_question(frame, phrase):
                    continue
                candidate = Candidate(
                    short=phrase,
                    score=0.75,
                    sentence=scored,
                    rule="reason-possessed",
                    highlight=(found.group(0) + phrase,),
                )
                yield candidate, (found.end(), end)

    def _fronted(
        self, text: str, start: int, clause: str
    ) -> tuple[str, Callable[[frozenset[str]], float]]:
        """A reason that opens its sentence or a quotation ends at its comma, and it explains
        the main clause after that comma: "Citing safety rules, officials declined ..." gives
        "Citing safety rules" as the reason why officials declined."""
        if not _FRONTED.search(text, 0, start) or ", " not in clause:
            return clause, lambda predicate: 0.0
        own, rest = clause.split(", ", 1)
        main = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(rest[:70])}
        # At most two words: the main clause shares the story's subject nouns with the
        # sentences around it, which hold their own reasons.
        return own, lambda predicate: 0.2 * min(len(predicate & main), 2)

    def _content_stems(self, text: str) -> set[str]:
        words = (fold(w) for w in _WORDS.findall(text))
        return {self.tokenizer.stem(w) for w in words if w not in self.tokenizer.stopwords}

    def _act_overlap(self, predicate: frozenset[str], text: str, start: int) -> set[str]:
        """The question's content words among the first words of the act at `start`."""
        words = [fold(w) for w in _WORDS.findall(text[start : start + 80])][:8]
        stems = {self.tokenizer.stem(w) for w in words if w not in self.tokenizer.stopwords}
        return stems & predicate

    def _right_after_act(self, predicate: frozenset[str], text: str, start: int) -> bool:
        """Whether one of the question's words is among the three words before `start`."""
        words = [fold(w) for w in _WORDS.findall(text[max(0, start - 40) : start])][-3:]
        return bool(predicate & {self.tokenizer.stem(w) for w in words})

    def _cites_a_source(self, text: str, start: int) -> bool:
        """Whether the cue at `start` is a "citing" that names where a report came from."""
        for match in answer_rules().source_citing.finditer(text, max(0, start - 25)):
            if match.start() <= start < match.end():
                return True
            if match.start() > start:
                break
        return False

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
        Monday the police chief barred rescue ships from Kessby's ports. He said the move was
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
            last = statement.group().split()[-1]
            # "The move follows the killing of ...": the verb is no part of what it followed.
            followed = last.lower() in {"follows", "followed"}
            start = statement.end() if followed else statement.end() - len(last)
            clause = _reason_clause(text[start:])
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

    def _reason_of_this(self, scored: Scored) -> Iterable[Candidate]:
        """A reason one of the next two sentences gives for what this one reports, naming it
        by "this" or "that": "Wall Street had its best week since November. The major indices
        gained 10 percent. This was mainly due to bank shares bouncing ...". The second one
        away weighs less: it may explain only the sentence between. (At 1.2, to outweigh a
        bare "after a four-day rally" in the sentence itself, one blind answer was lost and no
        used one gained.)"""
        sentences = self.analyses.get(scored.article).sentences
        first = scored.info.index + 1
        if first <= 0:
            return
        for index in range(first, min(first + 2, len(sentences))):
            text = sentences[index].text
            found = answer_rules().reason_of_this.match(text)
            if found is None:
                continue
            short = _reason_clause(text[found.start(1) :])
            yield Candidate(
                short=short,
                score=1.0 - 0.2 * (index - first),
                sentence=scored,
                rule="reason:of-this",
                highlight=(short,),
                extra_sentences=[(scored.article, index)],
            )
            return

    def _reason_of_next_pronoun(
        self, scored: Scored, subjects: Iterable[str] = ()
    ) -> Iterable[Candidate]:
        """ "The port authority was absent. It is unable to act because of a strike.": a next
        sentence whose subject is a pronoun goes on about the same subject, so a strong cause
        there explains the state the first sentence reports. So does one that names the
        question's subject again right before the cause ("Orm won the seat. Reports said Orm
        was helped by ...")."""
        sentences = self.analyses.get(scored.article).sentences
        index = scored.info.index + 1
        if index <= 0 or index >= len(sentences):
            return
        text = sentences[index].text
        if _ASKING.search(text):
            return
        own, pattern = answer_rules().causes[0]
        reason = None
        if not _PRONOUN_SUBJECT.match(text):
            reason = pattern.search(text)
            before = fold(text[max(0, reason.start() - 30) : reason.start()]) if reason else ""
            # Only a passive's agent acts on the person named ("Orm was aided by ..."): "Orm was
            # due to hold talks" names a plan, no cause.
            agent = reason is not None and text[reason.start() : reason.start(1)].rstrip().endswith(
                " by"
            )
            if not agent or not any(_has_word(before, name) for name in subjects):
                # "Traders blamed the slide on ...": the phrase blamed points back to the act.
                own, pattern = own + 0.2, answer_rules().blamed_back
                reason = None
        reason = reason or pattern.search(text)
        if reason is None or self._cites_a_source(text, reason.start()):
            return
        short = _reason_clause(reason.group(0))
        yield Candidate(
            short=short,
            # Below a cause in the sentence itself: the pronoun may stand for another subject.
            score=own,
            sentence=scored,
            rule="reason:next-pronoun",
            highlight=(short,),
            extra_sentences=[(scored.article, index)],
        )

    def _reason_stated_before(
        self, predicate: frozenset[str], scored: Scored
    ) -> Iterable[Candidate]:
        """The sentence before one that calls it the reason for the asked act: "The firm
        says it owns the brand. This became the reason for the firm to sue the maker."""
        index = scored.info.index
        match = answer_rules().reason_before.match(scored.info.text)
        if match is None or index <= 0 or not predicate:
            return
        rest = scored.info.text[match.end() :]
        overlap = predicate & {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(rest)}
        if not overlap:
            # The reason for something the question does not ask about.
            return
        before = self.analyses.get(scored.article).sentences[index - 1].text
        reason = trim_words(_QUOTE_END.split(before)[0], 30).rstrip(".,")
        # A fronted connective ("As a result, ...") makes the whole main clause the result of
        # the sentence before: that outranks a "to" clause inside it, which may only complete
        # one of its nouns ("received grants to pay for gear").
        connective = 0.4 if match.group().endswith(",") else 0.0
        yield Candidate(
            short=reason,
            score=0.7 + 0.1 * min(len(overlap), 3) + connective,
            sentence=scored,
            rule="reason:stated-before",
            highlight=(reason,),
            extra_sentences=[(scored.article, index - 1)],
        )

    def _reason_as_subject(self, predicate: frozenset[str], scored: Scored) -> Iterable[Candidate]:
        """A reason named as the subject of a reason noun: "Air Vessa said the lower fuel bill
        was a decisive factor", "the port lies on the strait, which was a major factor in the
        deal". The subject runs back to its clause's opening; a pronoun names nothing."""
        text = scored.info.text
        for match in answer_rules().reason_subject.finditer(text):
            before = text[: match.start()]
            relative = _RELATIVE_END.search(before)
            if relative:
                # ", which was a major factor": the clause before the comma is the reason.
                before = before[: relative.start()]
            openings = list(_SUBJECT_OPENING.finditer(before))
            subject = before[openings[-1].end() if openings else 0 :].strip(" ,\"'“”")
            subject = _LEADING_CONJUNCTION.sub("", subject)
            words = subject.split()
            if not words or len(words) > 25 or _POINTER.fullmatch(subject):
                continue
            # The question's words in the sentence tie the reason to the asked act: what it was
            # a factor in, or what the reason itself is about ("the seats the jet offers").
            rest = text[: match.start()] + text[match.end() :]
            stems = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(rest)}
            overlap = len(predicate & stems)
            yield Candidate(
                short=trim_words(subject, 30).rstrip(".,"),
                # A factor in something the question does not name may still be the answer
                # when the sentence is the closest: its own words weigh more.
                score=0.45 + 0.15 * min(overlap, 3),
                sentence=scored,
                rule="reason:subject",
                highlight=(subject,),
            )

    def _cause_before_result(
        self,
        predicate: frozenset[str],
        scored: Scored,
        names: tuple[str, ...] = (),
    ) -> Iterable[Candidate]:
        """ "Many clerks quit, leading to the city hiring students": when the question asks about
        what follows the result connective, the clause before it is the cause. The question's
        words must be more in the result than in the cause, or the cause is itself the asked
        act. A name of the question the result opens with and the cause lacks counts as one of
        its words ("..., prompting Apple Corps to file suit" for "What prompted Apple Corps to
        sue?")."""
        text = scored.info.text
        for match in answer_rules().result_clause.finditer(text):
            opening = max(text.rfind(";", 0, match.start()), text.rfind(":", 0, match.start()))
            cause = text[opening + 1 : match.start()].strip(' "“”')
            result = text[match.end() : match.end() + 100]
            # The connective itself may be the question's verb ("What prompted ...?").
            own = predicate & {
                self.tokenizer.stem(fold(w)) for w in _WORDS.findall(match.group() + " " + result)
            }
            own |= {
                f"name:{fold(n)}"
                for n in names
                if _has_word(fold(result[:40]), fold(n)) and not _has_word(fold(cause), fold(n))
            }
            held = predicate & {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(cause)}
            if len(own) < 2 or len(own) <= len(held) or len(cause.split()) < 3:
                continue
            yield Candidate(
                short=trim_words(cause, 30).rstrip(".,"),
                # Only what the result adds ties it to the question: "bulky, leading to low
                # stocks of it" shares the thing with a question about stocking up on it.
                # "..., which may be why ...": a guess at the cause, below a stated one.
                score=0.45
                + 0.15 * min(len(own - held), 3)
                - (0.3 if "why" in match.group() else 0),
                sentence=scored,
                rule="reason:before-result",
                highlight=(cause,),
            )

    def _cause_as_subject(
        self,
        predicate: frozenset[str],
        scored: Scored,
        verb: re.Pattern[str] | None = None,
        shared: int = 0,
    ) -> Iterable[Candidate]:
        """What a "What triggered the fire?" question asks is the subject of a verb of causing:
        "looking into a faulty heater triggering the blaze" gives "a faulty heater". A verb in
        the passive ("was caused by") or after a relative word names its cause elsewhere. A verb
        that causes only with its complement ("make ... harder") needs `shared` of the question's
        words in what follows it."""
        text = scored.info.text
        for match in (verb or answer_rules().cause_verb).finditer(text):
            before = text[: match.start()]
            agent = _AGENT_AFTER.match(text, match.end())
            if shared:
                following = self._content_stems(text[match.end() : match.end() + 70])
                if len(predicate & following) < shared:
                    continue
            elif agent:
                # "the landslide caused by the aftershock": a participle with "by" after a noun
                # names its cause after "by", and the noun before it is what was caused.
                yield from self._cause_as_agent(predicate, scored, match, agent)
                continue
            relative = _THAT_RELATIVE_END.search(before)
            if relative:
                # "followed a strong quake that toppled the arch": the relative word stands for
                # the noun before it, which is the verb's subject.
                before = before[: relative.start()]
            elif _PASSIVE_OR_RELATIVE.search(before) or _DETERMINER_END.search(before):
                # "was caused by", "who caused", and the noun: "the cause of death".
                continue
            # "the possibility of a heater triggering": a gerund's subject may follow "of"; a
            # finite verb's ("the size of the crowd would make ...") runs back past it.
            opening = answer_rules().subject_opening if shared else _CAUSE_OPENING
            openings = list(opening.finditer(before))
            subject = before[openings[-1].end() if openings else 0 :].strip(" ,\"'“”")
            if relative:
                # The antecedent is the object of the clause before: "This followed (a quake)".
                subject = _POINTER_AND_VERB.sub("", subject)
            words = subject.split()
            if not words or len(words) > 12 or _POINTER.fullmatch(subject):
                continue
            after = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(text[match.end() :][:60])}
            own = {self.tokenizer.stem(fold(w)) for w in _LOWER_WORDS.findall(subject)}
            if predicate & own and not predicate & after:
                # "The burst pipe caused a crater" for "What caused the pipe to burst?": the
                # asked event is the subject here, so the sentence tells what it caused.
                continue
            if shared and (reason := answer_rules().make_reason.search(text, match.end())):
                subject = trim_words(f"{subject}, {reason.group(0).strip(' ,')}", 30).rstrip(".")
            yield Candidate(
                short=subject,
                # The question asks for just this; what it caused is the asked event when it
                # shares the question's words.
                score=0.75 + 0.15 * min(len(predicate & after), 2),
                sentence=scored,
                rule="reason:cause-subject",
                highlight=(subject,),
            )

    def _cause_as_agent(
        self,
        predicate: frozenset[str],
        scored: Scored,
        verb: re.Match[str],
        agent: re.Match[str],
    ) -> Iterable[Candidate]:
        """The agent of a reduced passive ("delays caused by warm weather") is the cause of the
        noun just before the participle, so it answers only when that noun is the asked
        event: one of the question's words among the three words before the participle."""
        text = scored.info.text
        if not self._right_after_act(predicate, text, verb.start()):
            return
        cause = _CLAUSE_END.split(agent.group(1))[0]
        cause = trim_words(cause, 30).rstrip(".,")
        if len(cause.split()) < 2 or _POINTER.fullmatch(cause):
            return
        yield Candidate(
            short=cause,
            score=0.85,
            sentence=scored,
            rule="reason:cause-agent",
            highlight=(cause,),
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

    def _over_after_asked_verb(self, predicate: frozenset[str], text: str, start: int) -> bool:
        """Whether the "over" at `start` follows the question's own verb and its object: "is
        investigating Trump over hush money", "sued the paper over its reporting". After a
        verb and its object, "over" gives the matter in dispute, which is why the act was
        done; right after a noun ("the dispute over the islands") it only names that noun's
        matter."""
        if text[start : start + 4].lower() != "over":
            return False
        found = _VERB_OBJECT_BEFORE.search(text, max(0, start - 60), start)
        return found is not None and self.tokenizer.stem(fold(found.group(1))) in predicate

    def _enabled_by_act(self, predicate: frozenset[str], text: str, start: int) -> bool:
        """Whether the "to" clause at `start` says what the asked act is expected to make
        possible: "this break will allow him to develop plans" gives why the break was
        called. The verb of letting must be modal (an expected effect, not a permission
        given: "the court allowed him to leave"), and its subject a common noun of the
        question's, in the same clause."""
        enabling = _ENABLING.search(text, max(0, start - 80), start)
        if enabling is None:
            return False
        opening = max(text.rfind(c, 0, enabling.start()) for c in ',;:"“')
        subject = text[opening + 1 : enabling.start()]
        own = {self.tokenizer.stem(fold(w)) for w in _LOWER_WORDS.findall(subject)}
        return bool(predicate & own)

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

    def _attachment(
        self, predicate: frozenset[str], text: str, start: int, clause: str, negated: bool = False
    ) -> float:
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
        return score - 0.2 * self._other_clause_holds(predicate, text, start, negated)

    def _clause_opening(self, text: str, start: int) -> int:
        rules = answer_rules()
        breaks = [m.end() for m in rules.contrast.finditer(text, 0, start)]
        # A "when" that is itself the cue opens the reason, not a clause before it.
        breaks += [m.end() for m in rules.subordinate.finditer(text, 0, start) if m.end() < start]
        return breaks[-1] if breaks else 0

    def _other_clause_holds(
        self, predicate: frozenset[str], text: str, start: int, negated: bool = False
    ) -> int:
        """How many of the question's words only an earlier part of the sentence holds, past a
        turn to another matter (", but ..."): "had poor relations over X, but the leaders spoke
        ... to help each other" gives no reason for the poor relations after "but"."""
        opening = self._clause_opening(text, start)
        if not opening or not predicate:
            return 0
        # Names inside the clause ("the United Auto Workers") do not say what it is about.
        own = {self.tokenizer.stem(fold(w)) for w in _LOWER_WORDS.findall(text[opening:start])}
        if predicate & own:
            return 0
        if negated and _NEGATION.search(text, opening, start):
            # "served a full term, but did not seek reelection, citing ..." for "Why did he not
            # run again?": the clause says "not" as the question does, its act in other words.
            return 0
        if _WHO_RELATIVE_END.search(text, 0, opening):
            # ", who had gone to Kessby to ...": a relative clause tells what its antecedent did,
            # so when the antecedent is the question's subject the clause is the asked act.
            antecedent = _WORDS.findall(text[max(0, opening - 60) : opening])[-9:-1]
            if predicate & {self.tokenizer.stem(fold(w)) for w in antecedent}:
                return 0
        earlier = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(text[:opening])}
        return min(len(predicate & earlier), 2)
