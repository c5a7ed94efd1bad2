"""Extractor for generic what-questions: the object of the question's own verb (`_what`).

"What did X VERB?", "What are X VERBing?", "What did X say ...?" and "What was on/in N?" ask for
the content of an act or a thing, not a person, place or time: the answer is a phrase of the
sentence that writes the question's verb (or its noun) after the question's subject, not the
sentence itself. A question none of these shapes finds keeps the answerer's fallback.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls it from `_extract`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from assistant.lazy_re import lazy_compile
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import Candidate, Scored, _has_word
from assistant.qa.extract_who import _question_verb
from assistant.qa.questions import QuestionFrame
from assistant.text import fold, trim_words

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


_TOKEN = lazy_compile(r"[\w'’-]+")
_COPULA = frozenset({"is", "are", "was", "were"})
_MODALS = lazy_compile(
    r"\s(?:would|will|could|can|might|may|should|must|was\s+going\s+to|were\s+going\s+to)\s", re.I
)
_FUNCTION_WORDS = frozenset(
    "the a an of to in on at for by with and or his her their its this that these those".split()
)
_PRONOUN = lazy_compile(
    r"(?:it|this|that|these|those|they|he|she|we|which|what|them|him|her)", re.I
)
# A form of "be" (and an adverb) right before a participle: a passive, whose object is no
# object of the question's verb.
_PASSIVE_BEFORE = lazy_compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?$", re.I)
_AUXILIARY_BEFORE = lazy_compile(
    r"\b(?:will|would|to|can|could|did|does|do|may|might|must|shall|should)\s+(?:[a-z]+ly\s+)?$",
    re.I,
)
# A preposition the question's verb strands ("die of", "testify about ..., according to"):
# the answer is that preposition's object, so the sentence must write it.
_TRAILING_PREPOSITION = lazy_compile(
    r"^(?:.*\s)?(of|for|on|in|against|about|over|with|from)\s*$|^(of|for|on|in|against|about|over|with|from)\s*,",
    re.I,
)
_ADJUNCT_CLAUSE = lazy_compile(
    r"\s+(?:when|whenever|while|if|unless|once|until|because|although|though)\s+", re.I
)
_SOURCE = lazy_compile(r",?\s+according\s+to\b.*$", re.I)
# "According to Orm, what will the pause allow him to do?": the source fronted.
_LEADING_SOURCE = lazy_compile(r"^\s*according\s+to\s+[^,?]{1,60},\s*", re.I)
# What a question's object may open with when it is named right after the verb ("give him",
# "allow the council to ...").
_OBJECT_PRONOUNS = frozenset("him her them us me it".split())
_OBJECT_START = frozenset("the a an his her their its this these those".split()) | _OBJECT_PRONOUNS
# "the President to do", "users to have": the question's object and the verb it is to do.
_OBJECT_THEN_VERB = lazy_compile(r"^(?P<object>.*?)\s*\bto\s+(?P<verb>[\w'’-]+)\s*$", re.I)
# "What would the law do?" asks for an act, which "do" has no object to name.
_LIGHT_VERBS = frozenset({"do", "does", "did", "doing"})
_COUNT = lazy_compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+([a-z][\w-]*s)\b", re.I
)
_FIRST_OF_LIST = lazy_compile(r"^\s*(?:the\s+)?(?:first|one)\b", re.I)
_COPULA_NP = lazy_compile(
    r"^(?:is|was|are|were|would\s+be|will\s+be)\s+(?:the|a|an|his|her|their|its)\s+"
    r"(?P<np>(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:of|in|for|to|at|about|on|with|among|facing)\b|\s*$)",
    re.I,
)
# A "from" whose "to" is yet to come.
_OPEN_RANGE = lazy_compile(r"\bfrom\b(?!.*\bto\b)", re.I)
# Score of an answer found in the place the question's own verb gives it: above the sentence
# fallback, below nothing (no other rule answers a what-question).
_SCORE = 1.0
# The same answer to a topic question, which the topic rules answer first.
_TOPIC_SCORE = 0.5


def _cut(rest: str) -> str:
    """The object that opens `rest`, up to its clause's end or a closing quotation mark."""
    rules = answer_rules()
    stop = rules.object_end.search(rest)
    rest = rest[: stop.start()] if stop else rest
    for end in rules.what_answer_end.finditer(rest):
        before = rest[: end.start()]
        if end.group() in {'"', "”"} and (
            before.count('"') % 2 or before.count("“") > before.count("”")
        ):
            # It closes a quotation opened inside the object ('the "Hero" award').
            continue
        opened = _OPEN_RANGE.search(before)
        setting = end.group().split()[:1] in (["at"], ["during"])
        if setting and opened and re.search(r"\bto\b", rest[end.end() :]):
            # "everything from how the plane docks at the gate to the way ...": a setting
            # inside a "from ... to ..." range is part of the range, not of the act.
            continue
        rest = before
        break
    rest = re.sub(r"\s+(?:that|which|who)\s*$", "", rest, flags=re.I)
    return trim_words(rest.strip(" ,\"'“”‘’[]"), 30)


def _noun_forms(noun: str) -> str:
    """A pattern of a noun in either number: "issue" or "issues", "priority" or "priorities"."""
    base = noun.lower()
    if base.endswith("ies"):
        return re.escape(base[:-3]) + "(?:y|ies)"
    if base.endswith("y"):
        return re.escape(base[:-1]) + "(?:y|ies)"
    return re.escape(base[:-1] if base.endswith("s") else base) + "s?"


def _name_parts(word: str) -> list[str]:
    """The names a hyphenated compound of names joins ("Cruz-Rooney"); none for one that is
    not all names ("Anti-tax")."""
    parts = word.split("-")
    return parts if len(parts) > 1 and all(p[:1].isupper() for p in parts) else []


def _object_readings(
    words: list[str], readings: list[tuple[str, list[str], str]]
) -> list[tuple[str, list[str], str]]:
    """More readings of "[subject] VERB OBJECT": a lower-case word followed by what opens an
    object (a pronoun, a determiner, a name, or "N to do") may be the verb: "the AP's call of
    Nevada give him", "a state of emergency allow Trump to do". The sentence decides which
    reading it writes."""
    out: list[tuple[str, list[str], str]] = []
    known = {verb for verb, _, _ in readings}
    for i in range(1, len(words) - 1):
        word = words[i]
        lower = word.lower()
        if not word[:1].islower() or lower in _FUNCTION_WORDS or lower in known:
            continue
        if words[i - 1].lower() in {"the", "a", "an", "of", "to", "for", "in", "on", "at"}:
            continue
        tail = words[i + 1 :]
        opener = tail[0]
        if (
            opener.lower() in _OBJECT_START
            or opener[:1].isupper()
            or (len(tail) == 3 and tail[1].lower() == "to")
        ):
            out.append((lower, words[:i], " ".join(tail)))
    return out


def _useful(item: str) -> bool:
    # "unveiled the new products": a noun that only points back to what the sentences before
    # name is no answer.
    return (
        bool(item)
        and not _PRONOUN.fullmatch(item)
        and len(item) > 2
        and not answer_rules().what_points_back.match(item)
        # "the" alone, cut off before a quotation: no content word, no answer.
        and any(w not in _FUNCTION_WORDS for w in re.findall(r"[a-z]+", item.lower()))
    )


class WhatExtractors(_Base):
    """Generic what-questions: the content of the question's own act or thing."""

    if TYPE_CHECKING:
        # The topic rules' extractor, from `TopicExtractors` beside this mixin in `Answerer`.
        def _topic(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]: ...

        def _speech(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]: ...

    def _what(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        rules = answer_rules()
        if frame.intent == "what":
            # "What did Orm say in her statement?" asks all she said, as a topic question does.
            yield from self._speech(frame, scored)
        question_text = _LEADING_SOURCE.sub("", frame.text)
        area = rules.what_area_question.match(question_text)
        if area:
            # "In which areas did X say they would work?": what they would work in, or on.
            for preposition in dict.fromkeys((area.group("prep").lower(), "in", "on")):
                text = f"What {area.group('aux')} {area.group('rest')} {preposition}?"
                yield from self._what(dataclasses.replace(frame, text=text), scored)
            return
        asked = rules.what_question.match(question_text)
        info = scored.info
        if asked is None:
            doer = rules.what_doer.match(frame.text)
            if doer is not None:
                for item in self._passive_doer(doer.group("verb"), doer.group("object"), info.text):
                    if _useful(item):
                        yield Candidate(
                            short=item,
                            score=_SCORE,
                            sentence=scored,
                            rule="what-passive-doer",
                            highlight=(item,),
                        )
            return
        sentences = self.analyses.get(scored.article).sentences
        previous = sentences[info.index - 1].text if 0 < info.index <= len(sentences) else ""
        following = sentences[info.index + 1].text if info.index + 1 < len(sentences) else ""
        seen: set[str] = set()
        question = fold(frame.text)
        # "..., according to the agency": who reports it is no part of the asked clause.
        rest = _SOURCE.sub("", asked.group("rest"))
        noun = asked.group("noun")
        asked_noun = (
            (("what-asked-noun", i) for i in self._asked_noun(noun, info.text)) if noun else ()
        )
        found = self._what_items(frame, asked.group("aux"), rest, info.text, previous, following)
        for rule, item in itertools.chain(asked_noun, found):
            # (A phrase that names the question's person is still an answer: only one the
            # question already says all of is not.)
            words = [w for w in fold(item).split() if len(w) > 2]
            if not _useful(item) or item in seen or all(_has_word(question, w) for w in words):
                continue
            seen.add(item)
            yield Candidate(short=item, score=_SCORE, sentence=scored, rule=rule, highlight=(item,))

    def _topic_or_what(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """A topic question ("What does the deal cover?", "What measures did X impose?") is
        answered by the topic rules; where none finds anything in a sentence, the object of the
        question's own verb there may, below any topic the rules find elsewhere."""
        found = False
        for candidate in self._topic(frame, scored):
            found = True
            yield candidate
        if not found:
            for candidate in self._what(frame, scored):
                candidate.score = _TOPIC_SCORE
                yield candidate

    def _stem_set(self, text: str) -> set[str]:
        stop = self.tokenizer.stopwords
        words = _TOKEN.findall(re.sub(r"['’]s\b", "", text))
        # "the Cruz-Rooney amendment" names Cruz and Rooney, each of whom a sentence may name
        # alone.
        words += [p for w in words if "-" in w and w[:1].isupper() for p in _name_parts(w)]
        return {self.tokenizer.stem(fold(w)) for w in words if fold(w) not in stop and len(w) > 2}

    def _what_items(
        self, frame: QuestionFrame, aux: str, rest: str, text: str, previous: str, following: str
    ) -> Iterator[tuple[str, str]]:
        rules = answer_rules()
        said = rules.what_said.match(rest)
        clause = said.group("clause") if said else rest
        # "What will stop the outbreak, ... is X": the clause says what is asked.
        asked_stems = self._stem_set(clause) - self._stem_set(said.group("speaker") if said else "")
        yield from self._cleft(asked_stems, text)
        copular = (
            said.group("clause") if said else (aux + " " + rest if aux.lower() in _COPULA else "")
        )
        np = _COPULA_NP.match(copular) if copular else None
        if np:
            # "What is the biggest problem ...?" over "the biggest problem is that X".
            words = np.group("np").split()[-2:]
            found = re.search(
                r"\b"
                + r"\s+".join(re.escape(w) for w in words)
                + r"\s+(?:is|was|are|were|remains|remained)\s+(?:that\s+)?(.+)$",
                text,
                re.I,
            )
            if found:
                yield "what-copula-subject", _cut(found.group(1))
            elif len(np.group("np").split()) == 1:
                # "the theme of which is X", "The theme of the fair revolves around X", "the
                # theme 'X'": what the asked noun is, said another way. (A noun the question
                # narrows, "the hardest part", is only the one the sentence narrows so.)
                yield from self._noun_is(words[-1], text)
            if said and self._names_speaker(said.group("speaker"), text):
                spoken = rules.what_said_copula.search(text)
                if spoken:
                    yield "what-said-it-was", _cut(spoken.group("answer"))
        if said and rules.what_said_act.match(said.group("clause").strip()):
            # "What does Orm claim the firm did wrong?": no verb of content to take an object,
            # so what Orm claims, after the speaker's own verb, is the answer.
            for claim in rules.what_said_content.finditer(text):
                if self._names_speaker(said.group("speaker"), text[: claim.start()][-80:]):
                    yield "what-said-content", _cut(claim.group("content"))
        if said:
            # "What did Orm say the council would ban?": the object of the reported clause's
            # verb, its subject the speaker when the clause says "he" or "she".
            reported = re.sub(r"^(?:that\s+)?", "", said.group("clause"), flags=re.I)
            reported = re.sub(
                r"^(?:he|she|they|it|we)\b", said.group("speaker"), reported, flags=re.I
            )
            reported = _MODALS.sub(" ", reported)
            for verb, subject, tail in _question_verb(reported):
                if not verb.endswith(("s", "ing", "ed")) or verb.endswith(("ss", "us")):
                    yield from self._verb_object(verb, subject, tail, text, previous)
            return
        if aux.lower() in _COPULA:
            yield from self._noun_content(rest, text)
            yield from self._counted_list(rest, text, following)
        # "What could the coating reduce when sprayed onto a toilet?": a clause that opens with a
        # subordinating conjunction is an adjunct of the act, so the verb is the word before it.
        rest = _ADJUNCT_CLAUSE.split(rest, maxsplit=1)[0]
        readings = _question_verb(rest)
        words = rest.split()
        last = words[-1].lower() if words else ""
        if len(words) > 1 and all(v != last for v, _, _ in readings):
            # "What does the Air Canada deal with Boeing include?": the last word is the verb.
            readings.append((last, words[:-1], ""))
        readings.extend(_object_readings(words, readings))
        progressive = aux.lower() in _COPULA
        for verb, subject, tail in readings:
            if progressive != verb.endswith("ing") or (
                not progressive and verb.endswith("s") and not verb.endswith(("ss", "us"))
            ):
                # "What are the protesters demanding?" asks with a participle, "What did the
                # firm release?" with a bare verb: another word ("protesters") is no verb.
                continue
            yield from self._verb_object(verb, subject, tail, text, previous)
        for verb, subject, _tail in readings:
            if progressive == verb.endswith("ing"):
                yield from self._noun_complement(verb, subject, text)

    def _noun_complement(
        self, verb: str, subject: list[str], text: str
    ) -> Iterator[tuple[str, str]]:
        """ "What does the asylum plan involve?" over "Orm has a plan to cut delays, ...": a
        verb that asks for its subject's content is answered by the complement the sentence
        writes after the subject's head noun."""
        rules = answer_rules()
        stem = self.tokenizer.stem(fold(verb))
        if not subject or stem not in {
            self.tokenizer.stem(fold(v)) for v in rules.what_content_verbs if " " not in v
        }:
            return
        head = subject[-1]
        if not head[:1].islower() or len(head) < 3:
            # A name is no noun with a complement.
            return
        for found in re.finditer(r"\b" + _noun_forms(head) + r"\b", text, re.I):
            complement = rules.what_noun_complement.match(text, found.end())
            if complement:
                yield "what-noun-complement", _cut(text[complement.end() :])

    def _noun_is(self, noun: str, text: str) -> Iterator[tuple[str, str]]:
        rules = answer_rules()
        for found in re.finditer(r"\b" + _noun_forms(noun) + r"\b", text, re.I):
            if re.search(r"\b(?:which|what|whose)\s+$", text[: found.start()], re.I):
                # "Asked which theme was hardest, ...": a question the sentence reports.
                continue
            label = rules.what_noun_label.match(text, found.end())
            if label:
                yield "what-noun-label", label.group("answer").strip()
                continue
            said = rules.what_noun_is.match(text, found.end())
            if said:
                yield "what-noun-is", _cut(said.group("answer"))

    def _past_asked_object(self, tail: str, after: str) -> str:
        """ "What did the letter give Biden?" over "..., giving them permission to ...": the
        question's own object (its words, or a pronoun for it) opens the sentence's object,
        and the answer is what follows it; "allow the council to do" is answered after the
        "to". Where the sentence does not write the object so, `after` is kept."""
        wanted = _OBJECT_THEN_VERB.match(tail)
        asked_object = wanted.group("object") if wanted else tail
        object_stems = self._stem_set(asked_object)
        if not object_stems and not wanted:
            return after
        tokens = list(re.finditer(r"[\w'’.-]+", after))
        end = 0
        named = False
        for token in tokens[:8]:
            word = fold(token.group())
            if word in _OBJECT_PRONOUNS and not named and end == 0:
                end = token.end()
                named = True
                break
            if word in _OBJECT_START or word in {"and", "of"}:
                end = token.end()
                continue
            if self._stem_set(token.group()) & object_stems:
                end = token.end()
                named = True
                continue
            break
        if object_stems and not named:
            return after
        rest = after[end:] if named else after
        if wanted:
            to = re.match(r"\s*,?\s*to\s+", rest, re.I)
            if to is None:
                return after
            rest = rest[to.end() :]
            verb = wanted.group("verb").lower()
            if verb not in _LIGHT_VERBS:
                # "allow the frogs to have X": past the question's own verb.
                own = re.match(r"[\w'’-]+\s+", rest)
                if own and self.tokenizer.stem(fold(own.group().strip())) == self.tokenizer.stem(
                    fold(verb)
                ):
                    rest = rest[own.end() :]
        return rest

    def _names_speaker(self, speaker: str, text: str) -> bool:
        stems = self._stem_set(speaker)
        return bool(stems & self._stem_set(text))

    def _cleft(self, asked: set[str], text: str) -> Iterator[tuple[str, str]]:
        if not asked:
            return
        rules = answer_rules()
        for start in re.finditer(r"\bwhat\b", text, re.I):
            cleft = rules.what_cleft.match(text, max(0, start.start() - 1))
            if cleft is None:
                continue
            if asked & self._stem_set(cleft.group("clause")):
                yield "what-cleft", _cut(cleft.group("answer"))

    def _asked_noun(self, noun: str, text: str) -> Iterator[str]:
        """ "What issues did X raise?" over "Among the issues raised ... are X" or "The issues
        included X": what things of the asked kind are."""
        rules = answer_rules()
        forms = _noun_forms(noun)
        among = re.compile(rules.what_among.replace("NOUN", forms), re.I).search(text)
        if among:
            yield _cut(text[among.end() :])
        for found in re.finditer(r"\b" + forms + r"\b", text, re.I):
            content = rules.what_noun_content.match(text, found.end())
            if content:
                yield _cut(text[content.end() :])

    def _noun_content(self, rest: str, text: str) -> Iterator[tuple[str, str]]:
        """ "What was on the ballot in the town's elections?" over "The town's elections included
        X": what a common noun of the question is said to include."""
        rules = answer_rules()
        for word in _TOKEN.findall(re.sub(r"['’]s\b", "", rest)):
            if not word[:1].islower() or fold(word) in self.tokenizer.stopwords or len(word) < 4:
                continue
            stem = self.tokenizer.stem(fold(word))
            for use in _TOKEN.finditer(text):
                if self.tokenizer.stem(fold(use.group())) != stem:
                    continue
                content = rules.what_noun_content.match(text, use.end())
                if content:
                    yield "what-noun-content", _cut(text[content.end() :])

    def _counted_list(self, rest: str, text: str, following: str) -> Iterator[tuple[str, str]]:
        """ "What were the two charges ...?" over "... passed two articles. The first ..., and
        the second ...": the sentence after the count lists the counted things."""
        count = _COUNT.search(rest)
        if count is None or not following or not _FIRST_OF_LIST.match(following):
            return
        stem = self.tokenizer.stem(fold(count.group(2)))
        number = re.escape(count.group(1))
        for found in re.finditer(r"\b" + number + r"\b", text, re.I):
            nouns = _TOKEN.findall(text[found.end() : found.end() + 60])[:3]
            if any(self.tokenizer.stem(fold(n)) == stem for n in nouns):
                yield "what-counted-list", trim_words(following, 30).rstrip(".")
                return

    def _passive_doer(self, verb: str, asked_object: str, text: str) -> Iterator[str]:
        """ "What concerns sparked the protests?" over "the protests were sparked by concern
        about X": the doer after "by", where the question's object comes before the verb."""
        stem = self.tokenizer.stem(fold(verb))
        object_stems = self._stem_set(asked_object)
        if not object_stems:
            return
        for use in _TOKEN.finditer(text):
            if self.tokenizer.stem(fold(use.group())) != stem:
                continue
            before = text[: use.start()]
            by = re.match(r"\s+by\s+", text[use.end() :])
            if by is None or not _PASSIVE_BEFORE.search(before):
                continue
            if object_stems & self._stem_set(before):
                yield _cut(text[use.end() + by.end() :])

    def _verb_object(
        self, verb: str, subject: list[str], tail: str, text: str, previous: str
    ) -> Iterator[tuple[str, str]]:
        """The object of the question's verb (or what its noun is said to include) where the
        sentence writes it after the question's subject or a pronoun for it."""
        rules = answer_rules()
        if fold(verb) in self.tokenizer.stopwords or len(verb) < 3 or verb in _LIGHT_VERBS:
            return
        stem = self.tokenizer.stem(fold(verb))
        wanted = {stem}
        # The bare forms of the verb and its group's verbs: without an auxiliary before it, a
        # bare form is a noun ("the test flights"), not the act.
        bare = {verb.lower()}
        for group in rules.verb_groups:
            members = {self.tokenizer.stem(fold(v)) for v in group if " " not in v}
            if stem in members:
                wanted |= members
                bare |= {v for v in group if " " not in v}
        subject_stems = self._stem_set(" ".join(subject))
        if not subject_stems:
            return
        trailing = _TRAILING_PREPOSITION.search(tail)
        for use in _TOKEN.finditer(text):
            if self.tokenizer.stem(fold(use.group())) not in wanted:
                continue
            before = text[: use.start()]
            clause = re.split(r"[;:]|,\s+(?:and|but)\s", before)[-1]
            named = bool(subject_stems & self._stem_set(clause))
            opener = rules.what_noun_opener.search(before)
            if opener and subject_stems & self._stem_set(opener.group()):
                # "The deal covers X": the word after the determiner is the subject, so this
                # is the verb, not its noun.
                opener = None
            if opener:
                # "Their demands have included X": the verb's noun and its content.
                content = rules.what_noun_content.match(text, use.end())
                if content is None:
                    continue
                pointing = re.match(r"(?:their|his|her|its)\b", opener.group(), re.I)
                if not named and not (pointing and subject_stems & self._stem_set(previous)):
                    continue
                yield "what-verb-noun", _cut(text[content.end() :])
                continue
            # The doer's phrase: a few words after "by", within the clause.
            by_subject = re.match(r"\s+by\s+((?:[\w'’.-]+\s+){0,6}[\w'’.-]+)", text[use.end() :])
            if (
                by_subject
                and _PASSIVE_BEFORE.search(before)
                and subject_stems & self._stem_set(by_subject.group(1))
            ):
                # "The policy was confirmed by Orm": what Orm confirmed is the passive's
                # subject; a noun that only points back stands for the sentence before.
                thing = re.split(r"[,;:]\s+", _PASSIVE_BEFORE.sub("", before).strip())[-1]
                thing = re.sub(r"\s+(?:has|have|had)$", "", thing.strip())
                if answer_rules().what_points_back.match(thing) and previous:
                    yield "what-passive-subject", trim_words(previous, 30).rstrip(".")
                else:
                    yield "what-passive-subject", _cut(thing)
                continue
            if not named and not rules.what_subject_pronoun.search(before):
                continue
            word = use.group().lower()
            if word in bare and not _AUXILIARY_BEFORE.search(before):
                # A bare form with no auxiliary before it is a noun or another word ("the
                # event"): the sentence's verb is inflected ("released", "includes", "showed").
                continue
            if not word.endswith("ing") and _PASSIVE_BEFORE.search(before):
                continue
            after = text[use.end() :]
            if re.match(r"\s+by\b|\s*[,.;:]", after):
                continue
            after = rules.what_object_lead.sub("", after.strip(" ,"))
            after = rules.what_object_lead.sub("", after)
            if trailing:
                # "What did she testify about?": the object follows the question's preposition.
                preposition = trailing.group(1) or trailing.group(2)
                start = re.search(r"\b" + preposition + r"\b", after, re.I)
                if start is None or len(after[: start.start()].split()) > 6:
                    continue
                after = after[start.end() :]
            elif tail:
                after = self._past_asked_object(tail, after)
            after = re.sub(r"^\s*that\s+", "", after, flags=re.I)
            yield "what-verb-object", _cut(after)
