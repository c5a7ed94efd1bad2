"""Extractors for when-questions: the time of an event (`_when`), not the time of another
event named in the same sentence.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls these from `_extract`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from assistant.knowledge.timex import TimeMention, format_iso, sentence_tense
from assistant.lazy_re import lazy_compile
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import _WORDS, Candidate, Scored, inside_quote
from assistant.qa.questions import QuestionFrame
from assistant.text import fold

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


# A time of something still to happen.
_PLANNED = lazy_compile(
    r"\b(?:will|would|shall|plans?\s+to|planned\s+to|is\s+to|are\s+to|expected\s+to|due\s+to|scheduled|again)\b",
    re.I,
)

# "When will they meet?", "When is the vote scheduled?": the asked event is still to come.
_ASKS_FUTURE = lazy_compile(
    r"^\s*(?:and\s+)?when\s+(?:will|shall|(?:is|are)\b.*\b(?:scheduled|due|set|planned|expected)\b)",
    re.I,
)
# A time this long before the article's date cannot be when a coming event happens; a shorter
# gap may be a weekday the resolver placed in the past week.
_FUTURE_SLACK = dt.timedelta(days=7)

# "From what date ...", "Since when ...": the question asks for a bound, given by the time after
# the same word.
_UNTIL_BEFORE = lazy_compile(r"\b(?:until|till)\s+(?:the\s+)?$", re.I)
_NOT_UNTIL = lazy_compile(r"\b(?:not|n't|never|no)\b[^.;]*\buntil\s+(?:the\s+)?$", re.I)
# Verbs of a state's end or length, whose time is the one after "until".
_ENDING_VERBS = (
    "end ends ended expire expires expired last lasts lasted finish finished run runs ran "
    "remain remains remained stay stays stayed continue continues continued extend extended "
    "suspend suspended close closed"
).split()


# A subject pronoun opening a sentence, which goes on about the sentence before.
_PRONOUN_SUBJECT = lazy_compile(r"\s*(?:It|He|She|They)\s+[a-z]")
# How much less a time carried from the sentence before weighs than one of the sentence's own.
_CARRIED_TIME_COST = 0.3
_ZONE = lazy_compile(r"\b(?:UTC|GMT)\b")


@cache
def _ending_stems(stem: Callable[[str], str]) -> frozenset[str]:
    return frozenset(stem(v) for v in _ENDING_VERBS)


ASKED_BOUND = lazy_compile(r"^\s*(?:and\s+)?(since|until|by|from)\s", re.I)


def bound_before(text: str, at: int, word: str) -> bool:
    """Whether the asked bound's word ("by", "until") stands right before position `at`:
    "profitable by 2011", "until the 14th"."""
    return re.search(rf"\b{word}\s+(?:the\s+)?$", text[max(0, at - 12) : at], re.I) is not None


# Times that name a month but no day ("this month", "in May"), which a nearby sentence may give
# exactly.
_VAGUE_KINDS = frozenset({"relative_period", "relative_month", "month", "month_year"})

# A part of a month written before its name ("early March", "mid-June", "late May").
_PART_OF_MONTH = lazy_compile(r"(?:early|late|mid)\b", re.I)

# The word right before a time ("began on", "begins"), past any preposition.
_LEADING_WORDS = lazy_compile(r"([\w'’-]+)\s+(?:(?:on|in|at|during)\s+)?$")

# What may stand between two times that together give one moment ("next month on August 2",
# "at 16:15 UTC, June 1", "Monday at 5 p.m."): they share the verb before the first.
_JOINS_TIMES = lazy_compile(r"[\s,]*(?:(?:on|at|around|about|UTC|GMT|local\s+time)[\s,]*)*")

# How exactly a kind of time names the day, for choosing within such a run: a clock time says
# less of when something happened than the day beside it, a month less than the day in it.
_DAY_KINDS = frozenset(
    {"weekday_date", "day_month", "iso", "weekday", "relative_weekday", "relative_day", "holiday"}
)

# Endings of nouns made from verbs ("declaration", "settlement", "conference").
_NOUN_SUFFIX = lazy_compile(r"(?:tion|sion|ment|ence|ance)$", re.I)

# A noun phrase opened by a determiner, ending in the word right before a time ("the conference
# on May 12", "a trial on April 30"). Group 1 that word, the phrase's head.
_NOUN_BEFORE_TIME = lazy_compile(
    r"\b(?:the|a|an|its|their|his|her|our)\s+(?:[\w'’-]+\s+){0,3}?([a-z][\w'’-]*)\s+"
    r"(?:(?:on|in|at|during|for)\s+)?$",
    re.I,
)

# A time written between a determiner and a noun ("the May 4 stabbing", "an April 30 trial"):
# what stands before it, and the noun after it (group 1).
_DETERMINER_BEFORE = lazy_compile(r"(?:\b(?:the|a|an|its|their|his|her|our)|['’]s)\s+$", re.I)
_NOUN_AFTER_TIME = lazy_compile(r"\s+([a-z][\w'’-]*)")
# A word a time before it may modify: no function word, no punctuation.
_MODIFIED_WORD = lazy_compile(
    r"\s+(?!(?:and|or|to|in|on|at|for|of|with|by|from|as|is|was|were|when|after|before|until)\b)"
    r"[A-Za-z][\w.'’-]*"
)
# Times that give a day.
_DAY_KINDS = frozenset(
    {"weekday_date", "day_month", "iso", "weekday", "relative_weekday", "relative_day"}
)

# A relative clause right after a time: "on March 7, when the Greens hold a primary vote".
# Group 1 its words.
_WHEN_CLAUSE = lazy_compile(r"\s*,?\s+when\s+([^,;:.()]+)")

# Verbs of saying, by their base form as a question writes them ("When did Orm say ...?").
_SAYING = ("say", "said", "tell", "told", "announce", "report", "state", "confirm", "claim", "warn")

# What was said is still to come ("said it will", "said that it would", "said it plans to").
_WILL = lazy_compile(
    r"\W*(?:that\s+)?(?:\w+\s+){0,3}?(?:will|would|plans?\s+to|intends?\s+to)\b", re.I
)

# A span counted from an event the story tells, not from the day of writing.
_NARRATIVE_RELATIVE = lazy_compile(r"\b(?:earlier|later)\s*$", re.I)

# Verbs that put a time on a plan, not on another act ("the vote, scheduled for May 7").
_PLAN_VERBS = frozenset("scheduled planned expected set due slated".split())


# "In what year ...", "Which month ...": the period is what is asked.
_ASKS_PERIOD = lazy_compile(r"\b(?:years?|months?)\b", re.I)
# How far below a headline's bare year a day of that year in the body may score and still be
# preferred; and below another vague time (a year, a month, a week) a day inside it.
_DAY_OVER_YEAR_MARGIN = 1.2
_DAY_OVER_PERIOD_MARGIN = 0.6

# Times read against the day they were written ("today", "last week", "on Monday").
_DEICTIC_KINDS = frozenset(
    {"relative_day", "relative_weekday", "relative_period", "relative_month", "weekday", "ago"}
)


class WhenExtractors(_Base):
    """When-questions: times of the asked event."""

    def _when(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        pronoun = info.index > 0 and _PRONOUN_SUBJECT.match(info.text) is not None
        # (Only a second sentence that reports, as the lead does: "the office may extend the
        # forms" tells of a step to come, which the lead's day does not date.)
        second = info.index == 1 and sentence_tense(info.text) == "past"
        if not info.times and (pronoun or second):
            # "... the indices that today suffered large falls. It fell by 5% to slip below
            # ...": the pronoun goes on about the sentence before, whose time dates this too;
            # so does a story's second sentence its lead, when the lead tells of the asked act
            # too ("US stocks dropped to 12-year lows on Thursday. The Dow ... closed at ...").
            before = self.analyses.get(scored.article).sentences[info.index - 1]
            if before.times and (
                pronoun
                or not self._predicate_stems(frame).isdisjoint(
                    self._sentence_stems(scored.article, before)
                )
            ):
                carried = Scored(
                    scored.article, before, scored.score, scored.coverage, scored.entity_hits
                )
                for candidate in self._when(frame, carried):
                    candidate.score -= _CARRIED_TIME_COST
                    candidate.rule += ":sentence-before"
                    yield candidate
            return
        asked = {fold(t) for t in frame.times}
        asks_past = bool(
            re.match(r"^\s*(?:and\s+)?when\s+(?:did|was|were|had)\b", frame.text, re.I)
        )
        published = scored.article.date if _ASKS_FUTURE.match(frame.text) else None
        past_only = published is not None and sentence_tense(info.text) == "past"
        predicate = self._predicate_stems(frame)
        # The nouns of the asked event: not one the question dates itself ("the April 2026
        # harbour deal"), which is what the asked act is about, not the act.
        events = predicate - self._dated_in_question(frame)
        bound = ASKED_BOUND.match(frame.text)
        rules = answer_rules()
        asks_clock = bool(rules.asks_clock.search(frame.text))
        # The question's words that may be its verb: a plural noun ("ministers") is not one,
        # and a time after it ("a meeting of ministers Monday") need not date the asked act;
        # nor is a noun made from a verb ("the declaration"), which shares the verb's stem.
        verbs = predicate & {
            self.tokenizer.stem(fold(w))
            for w in _WORDS.findall(frame.text)
            if not re.search(r"[^s]s$", w, re.I) and not _NOUN_SUFFIX.search(w)
        }
        # "When was he killed?": "who was slain ... on December 24" tells the act in a word
        # the rules list for it.
        said_as = frozenset().union(
            *self._synonym_stems(
                [
                    fold(w)
                    for w in _WORDS.findall(frame.text)
                    if self.tokenizer.stem(fold(w)) in verbs
                ]
            ).values()
        )
        runs = _runs_of_times(info.text, info.times, asks_clock)
        # Where the sentence first states the question's verb: a time after another verb later
        # on ("On Monday, X filed suit against the order Y signed last Friday") dates that act.
        verb_at = (
            next(
                (
                    w.start()
                    for w in _WORDS.finditer(info.text)
                    if self.tokenizer.stem(fold(w.group())) in verbs
                ),
                None,
            )
            if verbs & self._sentence_stems(scored.article, info)
            else None
        )
        for t in info.times:
            if fold(t.text) in asked:
                continue
            if t.kind == "ago" and _NARRATIVE_RELATIVE.search(t.text):
                # "a week earlier", "two days later": counted from another event the story
                # tells, not from the day it was written, so no day of its own.
                continue
            anchor, outranked = runs.get(t.start, (t.start, False))
            if published is not None and (
                _ends_before(t.iso, published - _FUTURE_SLACK)
                # "Yesterday, a jury convicted him" tells what is done, not what is due.
                or (past_only and _ends_before(t.iso, published + dt.timedelta(days=1)))
            ):
                # "When will the board next review it?" is not answered by "last year".
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
            words = self._time_as_written(info.text, t)
            if t.kind in {"year", "bare_year"} and words != t.text:
                # "spring 2027" narrows its year as a month does.
                score = max(score, 0.7)
            if re.search(
                r"\b(?:first|ago|originally|initially)\b", frame.text, re.I
            ) and t.kind in {"year", "bare_year", "relative_month", "month_year"}:
                score += 0.3
            if outranked:
                # "next month on August 2", "at 16:15 UTC, June 1": the more exact time of the
                # run answers; the others only narrow it.
                score -= 0.6
            if _converted(info.text, t, info.times):
                # "at 4:42 local time on Saturday (2024 Friday, UTC)": the bracket gives the
                # same moment in another zone; the story's own day comes first.
                score -= 0.6
            score += self._proximity(frame, info.text, t.start, t.end)
            other = self._time_of_other_event(predicate | said_as, info.text, anchor)
            after_bound = bound is not None and bound_before(info.text, t.start, bound.group(1))
            if bound and not after_bound:
                event = rules.time_bound_event.search(info.text[max(0, t.start - 50) : t.start])
                if event and fold(event.group(1)) == fold(bound.group(1)):
                    # "Until when ...?": "until his retirement in 2018" bounds it by 2018; the
                    # clause the bound opens is the one asked about.
                    other = max(other, 0.0) + 0.5
            score += other
            if info.caption or (
                t.kind in {"weekday_date", "day_month"}
                and re.search(r"\b(?:19|20)\d\d$", t.text)
                and info.text[max(0, t.start - 2) : t.start] == ", "
                and not info.text[t.end :].strip(" .")
            ):
                # "Rescue workers at the wreckage ..., Colombia, Nov. 29, 2016.": a photo
                # caption's closing date is when the picture was taken, often days after the event.
                score -= 0.4
            ahead = info.text[max(0, anchor - 40) : anchor]
            lead = _LEADING_WORDS.search(ahead)
            lead_stem = self.tokenizer.stem(fold(lead.group(1))) if lead else ""
            if (
                lead
                and (lead_stem in verbs or lead_stem in said_as)
                and not answer_rules().time_bound.search(ahead)
            ):
                # "The broadcasts began on August 10", "the summit, which begins May 26": the
                # time follows the question's own verb, so it dates that act.
                score += 0.4
            elif (
                lead
                and not rules.time_bound.search(ahead)
                and self._names_asked_event(lead.group(1), ahead, events)
            ):
                # "for the conference on May 12", "set a trial on April 30": the time
                # follows the noun of the asked event, as it may follow its verb.
                score += 0.4
            elif (
                lead
                and verb_at is not None
                and verb_at < max(0, anchor - 40) + lead.start()
                and self._is_past_verb(lead.group(1))
                and fold(lead.group(1)) not in _PLAN_VERBS
                and not rules.time_of_saying.search(ahead)
            ):
                score -= 0.4
            if after_bound:
                score += 0.6
            elif (
                not bound
                and _UNTIL_BEFORE.search(info.text[max(0, t.start - 12) : t.start])
                and not _NOT_UNTIL.search(info.text[max(0, t.start - 80) : t.start])
                and not predicate & _ending_stems(self.tokenizer.stem)
            ):
                # "issued a ruling on the suspension of Parliament until October 14": the time
                # ends the state the act set up, not the act. Not for an asked end ("When does
                # the ban expire?"), nor "will not return until October 14", which dates it.
                score -= 0.5
            if _DETERMINER_BEFORE.search(info.text[max(0, t.start - 8) : t.start]):
                noun = _NOUN_AFTER_TIME.match(info.text, t.end)
                if noun and self._names_asked_event(noun.group(1), "", events):
                    # "the May 4 stabbing", "an April 30 trial": the time is a modifier of the
                    # asked event's noun, so it dates that event.
                    score += 0.4
                elif (
                    t.kind in {"year", "bare_year"}
                    and _MODIFIED_WORD.match(info.text, t.end)
                    and any(o.kind in _DAY_KINDS for o in info.times if o is not t)
                ):
                    # "claiming the 2020 U.S. presidential election was stolen gathered on
                    # Saturday": a year before another noun tells which election, and the
                    # sentence's day dates what it reports.
                    score -= 0.4
            clause = _WHEN_CLAUSE.match(info.text, t.end)
            if (
                clause
                and not any(clause.start(1) <= o.start < clause.end(1) for o in info.times)
                and self._names_only_asked(frame, clause.group(1))
            ):
                # "on March 7, when the Greens hold a primary vote": the clause says what
                # happens at that time; in the question's own words, it is the asked event
                # (unless it names someone the question does not: another party's primary).
                said = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(clause.group(1))}
                score += 0.4 * min(2, len(said & predicate))
            saying = rules.time_of_saying.search(ahead)
            if saying and self.tokenizer.stem(fold(saying.group(1))) not in predicate:
                # "..., his supporters said on Thursday": the day of the report, not of the
                # trial it reports.
                score -= 0.5
            said_at = self._dates_the_saying(info.text, t.start, t.end, verbs) if verbs else None
            if said_at is not None:
                if _WILL.match(info.text, said_at, said_at + 40):
                    # "On Tuesday, the agency said it will hand out kits": the kits come later.
                    continue
                score -= 0.5
            if t.kind in _DEICTIC_KINDS and inside_quote(info.text, t.start):
                # 'tweeted, "Today, I signed ..."': a "today" someone says is the day they said
                # it, which the resolver cannot know (it takes the story's date); the story's
                # own words date the act better.
                score -= 0.4
            if asks_clock:
                # "What time did it land?" asks the hour, not the day.
                score += 0.6 if t.kind == "clock" else -0.3
            if asks_past and _PLANNED.search(info.text[max(0, t.start - 60) : t.start]):
                # "When did they meet?" is not answered by "they would meet again on Thursday".
                score -= 0.5
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
                # "in early March": the part of the month is what was said; only the year is
                # added.
                else f"{words} {resolved.split()[-1]}"
                if same and _PART_OF_MONTH.match(words)
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
            if t.kind in _VAGUE_KINDS and t.iso and len(t.iso) == 7:
                yield from self._exact_day_nearby(scored, t.iso, verbs, score)

    def _time_as_written(self, text: str, t: TimeMention) -> str:
        """The time with the words that narrow it, written around it: the zone of a clock time
        ("16:00 UTC"), the season of a year ("fall 2007", "the spring of 2019")."""
        rules = answer_rules()
        if t.kind == "clock":
            zone = rules.zone_after.match(text, t.end)
            if zone and zone.end() > t.end:
                return text[t.start : zone.end()].strip()
        elif t.kind in {"year", "bare_year"}:
            year = re.search(r"\d{4}", t.text)
            at = t.start + (year.start() if year else 0)
            low = max(0, at - 30)
            season = rules.season_before.search(text[low:at])
            if season and year:
                return text[low + season.start(1) : at] + year.group()
        return t.text

    def _more_specific_time(
        self, frame: QuestionFrame, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """A year, a month or "last week" says less than a day inside it that another sentence
        gives, scored not far below it ("ended his bid last week" - "On Wednesday, Orm ended
        his bid"). Not when the question asks the year or month. A headline's bare year ("...
        holds 2020 election") gives way further, to the days of its own story, and of those to
        the one written first: a story's lead reports its headline's event, later sentences
        its background."""
        span = _period(best)
        if span is None or _ASKS_PERIOD.search(frame.text):
            return best
        headline = best.sentence.info.index < 0
        margin = _DAY_OVER_YEAR_MARGIN if headline else _DAY_OVER_PERIOD_MARGIN
        days = [
            other
            for other in candidates[1:]
            if other.score >= best.score - margin
            and other.sentence.info.index >= 0
            # A sentence that writes both a vague time and a day apart ("in early March, after
            # the contests of March 3") dates two things.
            and (
                other.sentence.article.id != best.sentence.article.id
                or other.sentence.info.index != best.sentence.info.index
            )
            and (not headline or other.sentence.article.id == best.sentence.article.id)
            and (day := _day(other)) is not None
            and span[0] <= day <= span[1]
        ]
        if not days:
            return best
        chosen = min(days, key=lambda c: c.sentence.info.index) if headline else days[0]
        log.append(f"{chosen.short!r} gives the day of {best.short!r}")
        return chosen

    def _names_asked_event(self, word: str, ahead: str, predicate: frozenset[str]) -> bool:
        """Whether `word` is a noun naming the question's event: one of the question's words
        or a noun of the act of its verb ("stabbing" for "stabbed"), lower case, and, when `ahead`
        (the text before the time) is given, the head of a noun phrase there opened by a
        determiner ("the conference on"), not a verb's object or an adverb."""
        folded = fold(word)
        if not folded.isalpha() or word != folded:
            return False
        if ahead:
            phrase = _NOUN_BEFORE_TIME.search(ahead)
            if phrase is None or phrase.group(1) != word:
                return False
        stem = self.tokenizer.stem(folded)
        if stem in predicate:
            return True
        nouns = answer_rules().act_nouns
        return any(stem[:4] in nouns.get(p[:4], ()) for p in predicate)

    def _dated_in_question(self, frame: QuestionFrame) -> set[str]:
        """The stems of the words the question writes right after one of its own times, up to
        four ("the April 2026 Quell harbour deal": quell, harbour, deal)."""
        out: set[str] = set()
        for time in frame.times:
            at = frame.text.find(time)
            if at < 0:
                continue
            after = _WORDS.findall(frame.text[at + len(time) :])[:4]
            out |= {self.tokenizer.stem(fold(w)) for w in after}
        return out

    def _names_only_asked(self, frame: QuestionFrame, text: str) -> bool:
        """Whether `text` (a clause inside a sentence) names what the question names and
        nothing else: every name the question sets is in it, and every capitalised word of it
        (its names) is a word of the question."""
        folded = fold(text)
        if not all(fold(m.name or m.text) in folded for m in frame.strong_entities()):
            return False
        asked = {self.tokenizer.stem(fold(w)) for w in _WORDS.findall(frame.text)}
        return all(
            self.tokenizer.stem(fold(w)) in asked for w in _WORDS.findall(text) if w[:1].isupper()
        )

    def _is_past_verb(self, word: str) -> bool:
        """ "declared", "took": a past form, regular or one the irregular-verb list knows."""
        from assistant.prompts import irregular_forms

        folded = fold(word)
        return folded.islower() and (
            bool(re.fullmatch(r"[a-z]{3,}ed", folded)) or folded in irregular_forms()
        )

    def _exact_day_nearby(
        self, scored: Scored, month: str, verbs: frozenset[str] | set[str], score: float
    ) -> Iterable[Candidate]:
        """A vague time ("later this month") the next or previous sentence states exactly: a
        day of that month right after the question's own verb ("the summit, which begins May
        26"). That sentence need not repeat the names that anchor the vague one."""
        sentences = self.analyses.get(scored.article).sentences
        for index in (scored.info.index + 1, scored.info.index - 1):
            if not 0 <= index < len(sentences):
                continue
            info = sentences[index]
            for t in info.times:
                if not (t.iso and t.iso.startswith(month + "-")):
                    continue
                lead = _LEADING_WORDS.search(info.text[max(0, t.start - 40) : t.start])
                if not lead or self.tokenizer.stem(fold(lead.group(1))) not in verbs:
                    continue
                resolved = format_iso(t.iso)
                yield Candidate(
                    short=t.text if not resolved else f"{t.text}, {resolved}",
                    score=score + 0.3,
                    sentence=Scored(
                        scored.article, info, scored.score, scored.coverage, scored.entity_hits
                    ),
                    rule=f"time:exact-nearby:{t.kind}",
                    facts={"when_words": t.text, "when_iso": t.iso},
                    highlight=(t.text,),
                )

    def _dates_the_saying(
        self, text: str, start: int, end: int, verbs: frozenset[str]
    ) -> int | None:
        """Where what was said begins, when a time opening the sentence ("On Tuesday, the
        agency said it will ...") dates a verb of saying and the question's words are told only
        in what was said; None otherwise."""
        if len(_WORDS.findall(text[:start])) > 4:
            return None
        said = answer_rules().time_of_saying_after.match(text, end)
        if said is None or verbs & {self.tokenizer.stem(w) for w in _SAYING}:
            return None  # "When did Orm say ...?" asks the day of the saying
        stems = [(w.start(), self.tokenizer.stem(fold(w.group()))) for w in _WORDS.finditer(text)]
        told_after = any(s in verbs for at, s in stems if at > said.end(1))
        told_before = any(s in verbs for at, s in stems if at < said.start(1))
        return said.end(1) if told_after and not told_before else None

    def _time_of_other_event(self, predicate: frozenset[str], text: str, start: int) -> float:
        """How much less a time dates the asked event for the clause it stands in: none in the
        main clause, a little after "after", "by", "until" (a bound: "shortly after 2 a.m."),
        much inside a clause of its own ("since Vasse ended a call with him in February", ",
        who served as ambassador from 2002") unless that clause holds the question's own words
        ("after meeting with Rusk late Thursday", ", which begins May 26"), and much inside
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


def _converted(text: str, t: TimeMention, times: list[TimeMention]) -> bool:
    """Whether `t` stands in a bracket that gives an earlier time of the sentence in another
    zone ("(2024 Friday, UTC)", "(0617 GMT)")."""
    opened = text.rfind("(", 0, t.start)
    if opened < 0 or text.find(")", opened) < t.end:
        return False
    inside = text[opened : text.find(")", opened)]
    return bool(_ZONE.search(inside)) and any(o.end <= opened for o in times)


def _runs_of_times(
    text: str, times: Iterable[TimeMention], asks_clock: bool
) -> dict[int, tuple[int, bool]]:
    """Times written one after another as one moment ("next month on August 2 at 5 p.m."): for
    each time in such a run, by its start, where the run starts (the verb before it dates them
    all) and whether a more exact time of the run outranks it (a day outranks a month and a
    clock time, unless the question asks the hour)."""

    def rank(t: TimeMention) -> int:
        if t.kind == "clock":
            return 3 if asks_clock else 1
        return 2 if t.kind in _DAY_KINDS else 0

    out: dict[int, tuple[int, bool]] = {}
    run: list[TimeMention] = []
    for t in [*sorted(times, key=lambda t: t.start), None]:
        if t is not None and run and _JOINS_TIMES.fullmatch(text, run[-1].end, t.start):
            run.append(t)
            continue
        if len(run) > 1:
            best = max(rank(r) for r in run)
            for r in run:
                out[r.start] = (run[0].start, rank(r) < best)
        run = [t] if t is not None else []
    return out


def _ends_before(iso: str | None, day: dt.date) -> bool:
    """Whether all of the time `iso` ("2015", "2015-06", "2015-06-02") lies before `day`."""
    parts = (iso or "").split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            last = dt.date(year, 12, 31)
        elif len(parts) == 2:
            month = int(parts[1])
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            last = dt.date.fromisoformat(iso or "")
    except ValueError:
        return False
    return last < day


def _day(candidate: Candidate) -> dt.date | None:
    """The day a candidate names, if it names one (not "last week", resolved to its Monday)."""
    iso = candidate.facts.get("when_iso", "")
    if len(iso) != 10 or candidate.rule.endswith("relative_period"):
        return None
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None


def _period(candidate: Candidate) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the year, month or week a candidate names, if it names one."""
    iso = candidate.facts.get("when_iso", "")
    try:
        if len(iso) == 4:
            return dt.date(int(iso), 1, 1), dt.date(int(iso), 12, 31)
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if (
            len(iso) == 10
            and candidate.rule.endswith("relative_period")
            and "week" in fold(candidate.facts.get("when_words", ""))
        ):
            monday = dt.date.fromisoformat(iso)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:
        return None
    return None
