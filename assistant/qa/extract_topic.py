"""Extractor for topic questions: what a meeting was about (`_topic`).

A mixin of `Answerer` (assistant/qa/answerer.py), which calls it from `_extract`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.knowledge.meetings import find_topics
from assistant.lazy_re import lazy_compile
from assistant.models import EntityKind
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import Candidate, Scored, _has_word
from assistant.qa.questions import QuestionFrame
from assistant.text import fold, trim_words

if TYPE_CHECKING:
    from assistant.knowledge.analysis import SentenceInfo
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


_NEGATED_TOPIC = lazy_compile(
    r"\b(?:not|n't|never)\s+(?:been\s+|be\s+)?(?:discussed|raised|on\s+the\s+agenda|talked\s+about)\b",
    re.I,
)

_SETTING_ITEM = lazy_compile(
    r"(?:in|at|during|by|after|before|with|when|while|since|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)

# Where the subject of an agenda verb begins, read back from the verb.
_SUBJECT_OPENING = lazy_compile(r"\bthat\s+|[,;:]\s+|[\"“]")
_RELATIVE = lazy_compile(r",\s+(?:which|who|whose|where)\b")
_PRONOUN = lazy_compile(r"(?:it|this|that|these|those|they|he|she|we|which|what)", re.I)
_ITEM_END = lazy_compile(r"[;.]|\s[-–—]\s|,\s+(?:said|according|adding|he|she|they)\b|[\"”]")


# "discussed her career with a Wikinews reporter", "talked about trade with President Orm": who
# it was discussed with ends the topic.
_PARTNER = lazy_compile(
    r"\s+with\s+(?:(?:an?|the|his|her|their|its)\s+)?(?=(?-i:[A-Z]))"
    r"|\s+with\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:counterparts?|hosts?|guests?)\b"
)


def without_partner(item: str) -> str:
    """A topic item without the "with ..." that names whom it was discussed with."""
    match = _PARTNER.search(item)
    return item[: match.start()] if match and match.start() > 0 else item


def agenda_topics(text: str, previous: str | None = None) -> list[str]:
    """What a sentence says tops an agenda or is a top priority: the subject of "will top the
    agenda" / "is high on the agenda" / "is our top priority", or the object of "made X a top
    priority" / "the focus is on X". A noun that only points back ("the incident") names
    nothing and is left out; a pronoun points to what `previous`, the sentence before, puts
    first."""
    rules = answer_rules()
    out: list[str] = []
    for match in rules.agenda_subject.finditer(text):
        before = text[: match.start()]
        if before.rstrip().endswith(","):
            # "X, which has become a corridor for smugglers, will top the agenda": X.
            relatives = list(_RELATIVE.finditer(before))
            if relatives:
                before = before[: relatives[-1].start()]
        openings = list(_SUBJECT_OPENING.finditer(before))
        subject = before[openings[-1].end() if openings else 0 :].strip(" ,\"'“”")
        if _PRONOUN.fullmatch(subject) and previous is not None and not out:
            # "That's going to be a top priority": what the sentence before puts first.
            out.extend(t for t in agenda_topics(previous) if t not in out)
            continue
        if (
            not subject
            or _PRONOUN.fullmatch(subject)
            or rules.anaphora.match("over " + subject)
            or len(subject.split()) > 20
        ):
            continue
        out.append(subject)
    for match in rules.agenda_object.finditer(text):
        item = match.group(1) or match.group(2) or ""
        stop = _ITEM_END.search(item)
        item = item[: stop.start() if stop else len(item)].strip(" ,")
        if item and not _PRONOUN.fullmatch(item):
            out.append(trim_words(item, 30))
    return out


_TRAILING_PREPOSITION = lazy_compile(
    r"\b(of|for|on|to|against|about|over)(?:\s+do)?\s*[?.]?\s*$", re.I
)
# "warn of ...", "call for ...": a leading "to" is no preposition ("announce to sync ...": the
# purpose of what was announced, which is the answer).
_LEADING_PREPOSITION = lazy_compile(r"^\s*(of|for|on|against|about|over)\b", re.I)
# A participle after "be"/"was" or before "by" is passive: what follows it is no object.
_PASSIVE_BEFORE = lazy_compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?$", re.I)
_SUBJECT_PRONOUN = lazy_compile(
    r"(?:^|[,;]\s*|\band\s+)(?:he|she|they|it|we)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?$", re.I
)
_OBJECT_LEAD = lazy_compile(
    r"^(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday"
    r"|last\s+(?:week|month|year)|earlier|also|publicly|formally|on\s+\w+day)\b\s*,?\s*",
    re.I,
)
_TALK_VERB = lazy_compile(r"\b(?:discuss|talk|agree|meet|met|speak|spoke)\w*", re.I)
_SETTING_THEN_THAT = lazy_compile(
    r"(?:during|at|in|on|after|before|at)\s+(?:[\w'’-]+,?\s+){1,10}?that\s+", re.I
)
_COUNTED_ONLY = lazy_compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|a\s+number\s+of|\d+)"
    r"\s+(?:[a-z-]+\s+)?[a-z-]+s(?:\s+(?:before|for|to|on|in|against|with)\s+[^,]{1,80})?\s*$",
    re.I,
)
_ACTOR_STOP = {"the", "a", "an", "his", "her", "their", "its", "say", "said", "would", "will", "he"}
_ACTOR_STOP |= {"she", "they", "it", "and", "of", "in", "to", "that", "was", "were", "is"}


def _verb_forms(verb: str) -> re.Pattern[str]:
    """The forms of a question's verb in a sentence: "announce" finds "announced",
    "announcing" and "announcement"; "deny" finds "denied"; "ban" finds "banned"."""
    base = verb.lower()
    if base.endswith("e"):
        stem = re.escape(base[:-1]) + "(?:e|es|ed|ing|ement|ements|al|als|ation|ations)"
    elif base.endswith("y"):
        stem = re.escape(base[:-1]) + "(?:y|ies|ied|ying|ial|ials)"
    else:
        stem = re.escape(base) + "(?:s|ed|ing|" + re.escape(base[-1]) + "ed|" + re.escape(base[-1])
        stem += "ing|es)?"
    return re.compile(r"\b" + stem + r"\b", re.I)


# "I" or "we" right before a verb inside a quotation (its opening mark not yet closed).
_FIRST_PERSON_BEFORE = lazy_compile(r"\b(?-i:I|[Ww]e)\s+(?:[a-z]+ly\s+|also\s+)?$")
_QUOTE_CLOSE = lazy_compile(r"[\"”]")


def _quoted_first_person(actor_words: set[str], sentence: str, verb: int) -> bool:
    """Whether the verb at `verb` has "I" or "we" for its subject inside a quotation that the
    sentence attributes to the actor after it closes ('"I pledge that ...," Orm told the
    house'): the speaker of a quotation is its first person."""
    before = sentence[:verb]
    if not _FIRST_PERSON_BEFORE.search(before):
        return False
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    close = _QUOTE_CLOSE.search(sentence, verb)
    if not opened or close is None:
        return False
    attribution = sentence[close.end() : close.end() + 60]
    return any(re.search(r"\b" + re.escape(w) + r"\b", attribution, re.I) for w in actor_words)


def act_object(question: str, sentence: str) -> str | None:
    """The object of the question's own verb of announcing, asking or charging in a sentence
    that names the question's actor before it (or a pronoun standing for it): "What did the
    board announce?" over "The board announced on Monday that it would cut 40 jobs, ..." gives
    "it would cut 40 jobs". The object runs after the question's own preposition ("accuse the
    mayor of", "urge them to do", "call for") to the clause's end."""
    rules = answer_rules()
    asked = rules.act_question.search(question)
    if not asked:
        return None
    if _TALK_VERB.search(asked.group("actor")):
        # "What did Orm and Vask discuss in their call?": "call" is no verb of this question.
        return None
    rest = asked.group("rest")
    verb = asked.group("verb").lower()
    trailing = _TRAILING_PREPOSITION.search(rest)
    prep_match = trailing or _LEADING_PREPOSITION.search(rest)
    preposition = prep_match.group(1).lower() if prep_match else None
    if verb == "call" and preposition != "for":
        return None
    actor_words = {
        w
        for w in re.findall(r"[\w'’-]+", asked.group("actor").lower())
        if len(w) > 2 and w not in _ACTOR_STOP
    }
    # "the Cruz-Rooney amendment" names Cruz and Rooney, each of whom a sentence may name alone.
    actor_words |= {
        part.lower()
        for w in re.findall(r"[\w'’]+(?:-[\w'’]+)+", asked.group("actor"))
        if all(p[:1].isupper() for p in w.split("-"))
        for part in w.split("-")
        if len(part) > 2
    }
    same_act = next((g for g in rules.verb_groups if verb in g), frozenset({verb}))
    found_verbs = sorted(
        (m for v in sorted(same_act) for m in _verb_forms(v).finditer(sentence)),
        key=lambda m: m.start(),
    )
    for found in found_verbs:
        before = sentence[: found.start()]
        if _PASSIVE_BEFORE.search(before):
            continue
        named = actor_words and any(
            re.search(r"\b" + re.escape(w) + r"\b", before, re.I) for w in actor_words
        )
        quoted = not named and _quoted_first_person(actor_words, sentence, found.start())
        if not named and not _SUBJECT_PRONOUN.search(before) and not quoted:
            continue
        after = sentence[found.end() :]
        if quoted:
            # What the speaker pledged ends with the quotation, before who said it.
            close = _QUOTE_CLOSE.search(after)
            after = after[: close.start()] if close else after
        if re.match(r"\s+by\b", after):
            continue
        if preposition:
            # "accused the mayor of ...": the object starts after the question's preposition,
            # a few words on at most; "urged them not to ..." keeps its "not".
            start = re.search(r"\b(?:not\s+)?" + preposition + r"\b", after)
            # "accuse the mayor of": the mayor stands between; "warn of", "call for": nothing
            # but an adverb does.
            reach = 6 if trailing else 1
            if start and len(after[: start.start()].split()) <= reach:
                if not start.group(0).lower().startswith("not"):
                    after = after[start.end() :]
                else:
                    after = after[start.start() :]
            elif trailing:
                continue
            # else a leading preposition only said for whom ("set for the firm"): the object
            # follows the verb.
        if re.match(r"\s*[,.;:]", after):
            # "Orm denied, though ...": the verb has no object.
            continue
        after = _OBJECT_LEAD.sub("", after.strip(" ,"))
        said = _SETTING_THEN_THAT.match(after)
        if said:
            # "warned during the first round that ...": what was said, not when.
            after = after[said.end() :]
        after = re.sub(r"^that\s+", "", after, flags=re.I)
        stop = rules.object_end.search(after)
        item = after[: stop.start() if stop else len(after)]
        # "the start of an operation that he said ...": the relative word without its clause.
        item = re.sub(r"\s+(?:that|which|who)\s*$", "", item, flags=re.I).strip(" ,\"'“”")
        if len(item.split()) < 1 or _PRONOUN.fullmatch(item):
            continue
        return trim_words(item, 25)
    return None


# Where the subject of a verb of saying begins, read back from it.
_SPEAKER_OPENING = lazy_compile(r"[,;:\"“”]")


# "said Mosul will be ...", "told Wikinews he began ...": the reported clause right after the
# verb (and whom it was told to), without "that"; not a time or place after the verb.
_BARE_REPORT = lazy_compile(
    r"\b(?:said|says|told\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)\s+"
    r"(?P<clause>(?!(?:on|in|at|to|of|for|after|before|during|when|while|this|last|earlier|later|"
    r"yesterday|today|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"reporters|journalists)\b)[A-Za-z][^;:]{12,})"
)
# A clause set off by commas after the subject: ", speaking Tuesday in Washington,".
_SET_OFF_CLAUSE = lazy_compile(r"\s*(?:[a-z]+ing|who|which|the|a|an)\b")


def _speaker_of(text: str, verb: int) -> str:
    """The folded subject of the verb of saying at `verb`: the words since the last comma or
    quotation mark, or, when a clause set off by commas stands right before the verb ("Obama,
    speaking Tuesday in Washington, said"), the words before that clause."""
    opening = list(_SPEAKER_OPENING.finditer(text, 0, verb))
    subject = text[opening[-1].end() if opening else 0 : verb]
    if (
        not subject.strip()
        and len(opening) >= 2
        and text[opening[-1].start()] == ","
        and text[opening[-2].start()] == ","
        and _SET_OFF_CLAUSE.match(text, opening[-2].end())
    ):
        start = opening[-3].end() if len(opening) >= 3 else 0
        subject = text[start : opening[-2].start()]
    return fold(subject)


def asked_speakers(frame: QuestionFrame) -> list[str]:
    """The folded surnames of whoever "What did Orm say ...?" asks about; none for other
    questions."""
    asked = answer_rules().speech_question.match(frame.text)
    if asked is None:
        return []
    start, end = asked.span("speaker")
    return [
        fold(m.name or m.text).split()[-1]
        for m in frame.strong_entities()
        if start <= m.start < end
        and m.kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
        and (m.name or m.text).strip()
    ]


def spoken_content(text: str, names: Iterable[str]) -> str | None:
    """What a sentence quotes or reports one of `names` (folded surnames) as saying: the
    quotation after "Orm said," or before "..., Orm said", or the clause after "Orm warned
    that". The speaker must be the subject of the verb of saying, in its own clause."""
    rules = answer_rules()
    folded = list(names)
    said: str | None = None
    for found in rules.quote_then_speaker.finditer(text):
        who = fold(found.group("who") or found.group("after") or "")
        if any(_has_word(who, n) for n in folded):
            said = found.group("quote")
            break
    if said is None:
        # 'Remarked scientist Tierra Curry, "This reprieve ..."': the verb first.
        inverted = _INVERTED_REPORT.match(text)
        if inverted and any(_has_word(fold(inverted.group("who")), n) for n in folded):
            said = inverted.group("quote")
    if said is None:
        for found in [*rules.speech_verb.finditer(text), *_BARE_REPORT.finditer(text)]:
            if not any(_has_word(_speaker_of(text, found.start()), n) for n in folded):
                continue
            if found.re.groupindex.get("quote") and found.group("quote"):
                said = found.group("quote")
            else:
                clause = found.group("clause")
                stop = rules.object_end.search(clause)
                said = clause[: stop.start() if stop else len(clause)]
            break
    if said is None:
        return None
    said = trim_words(said.strip(" ,.\"'“”"), 30).rstrip(".,")
    return said if len(said.split()) >= 3 else None


_INVERTED_REPORT = lazy_compile(
    r"^\s*(?:Remarked|Said|Added|Noted|Explained|Wrote|Commented|Stated|Declared)\s+"
    r"(?P<who>[^,\"“”]{2,90}),\s*[\"“](?P<quote>[^\"“”]{12,})"
)
# How many sentences after one that sets a speech its quotation may close.
_SPEECH_FOLLOWS = 3
# A quotation closed in this sentence and its speaker after it ('This is our top priority,"
# Medvedev said.'), the quotation opened in this sentence or the one before.
_CLOSED_QUOTE = lazy_compile(
    r"^\s*(?P<quote>[^\"“”]{3,})[\"”]\s*,?\s+(?P<who>(?:[\w'’.-]+\s+){1,5}?)"
    r"(?:said|says|added|told|stated)\b"
)
_OPEN_QUOTE = lazy_compile(r"^\s*[\"“](?P<quote>[^\"“”]+)$")


def closed_quotation(before: str, text: str, names: Iterable[str]) -> str | None:
    """What one of `names` (folded surnames) is quoted saying in a quotation that closes in
    `text` and opened there or in `before` (the sentence before): '"There is no more important
    task ... circumstances.' + 'This is our top priority," Medvedev said.'"""
    found = _CLOSED_QUOTE.match(text)
    if found is None or not any(_has_word(fold(found.group("who")), n) for n in names):
        return None
    said = found.group("quote")
    opened = _OPEN_QUOTE.match(before)
    if opened is not None:
        said = f"{opened.group('quote').strip()} {said}"
    said = trim_words(said.strip(" ,.\"'“”"), 30).rstrip(".,")
    return said if len(said.split()) >= 3 else None


@functools.lru_cache(maxsize=64)
def _noun_forms(noun: str) -> re.Pattern[str]:
    """A noun of a question in either number: "charge" or "charges", "priority" or "priorities"."""
    base = noun.lower()
    if base.endswith("ies"):
        form = re.escape(base[:-3]) + "(?:y|ies)"
    elif base.endswith("y"):
        form = re.escape(base[:-1]) + "(?:y|ies)"
    else:
        form = re.escape(base[:-1] if base.endswith("s") else base) + "s?"
    return re.compile(r"\b" + form + r"\b", re.I)


def noun_content(question: str, sentence: str) -> str | None:
    """What things of the kind a question asks for are, by a sentence that says what they
    include: "What were the charges against Orm?" over "The charges included fraud and
    bribery, prosecutors said." gives "fraud and bribery"."""
    rules = answer_rules()
    asked = rules.asked_noun.search(question)
    if not asked:
        return None
    for found in _noun_forms(asked.group("noun")).finditer(sentence):
        content = rules.noun_content.match(sentence, found.end())
        if not content:
            continue
        rest = sentence[content.end() :]
        stop = rules.object_end.search(rest)
        item = rest[: stop.start() if stop else len(rest)].strip(" ,\"'“”")
        if len(item.split()) >= 1 and not _PRONOUN.fullmatch(item):
            return trim_words(item, 25)
    return None


class TopicExtractors(_Base):
    """Topic questions: what was discussed."""

    def _speech(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """ "What did Orm talk about in her speech?": what Orm is quoted or reported saying,
        below any topic the sentence names as discussed."""
        names = asked_speakers(frame)
        if not names:
            return
        # '"... profitable growth," he said': the pronoun the story resolved to the speaker.
        names += [
            fold(r.text).lower()
            for r in scored.info.references
            if r.rule == "pronoun" and r.name and fold(r.name).split()[-1:] == names[-1:]
        ]
        said = spoken_content(scored.info.text, names)
        # What was said may name the question's people ("a pivotal year for Ford"); only
        # the question's own words are no answer.
        if said and not self._in_question(frame, said, person_words=False):
            yield Candidate(
                short=said,
                score=0.75,
                sentence=scored,
                rule="topic-speech",
                highlight=(said,),
            )
            return
        if said is None and any(_has_word(fold(scored.info.text), n) for n in names):
            # "Medvedev went on national television to appease the public." and then
            # '"There is no more important task ... This is our top priority," Medvedev said.':
            # the speech the sentence sets is quoted in the sentences after it.
            sentences = self.analyses.get(scored.article).sentences
            index = scored.info.index
            for at in range(index + 1, min(len(sentences), index + _SPEECH_FOLLOWS + 1)):
                said = closed_quotation(sentences[at - 1].text, sentences[at].text, names)
                if said and not self._in_question(frame, said, person_words=False):
                    following = Scored(
                        scored.article, sentences[at], scored.score, scored.coverage, 0
                    )
                    yield Candidate(
                        short=said,
                        score=0.6,
                        sentence=following,
                        rule="topic-speech-after",
                        highlight=(said,),
                    )
                    return

    def _topic(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        yield from self._speech(frame, scored)
        for meeting in self._meetings_for(frame, scored):
            if meeting.topics and meeting.topics[0].sentence == info.index:
                items = [
                    without_partner(t.value)
                    for t in meeting.topics
                    if not self._in_question(frame, without_partner(t.value))
                ]
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
            without_partner(t.value)
            for t in topics
            if not self._in_question(frame, without_partner(t.value))
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
        sentences = self.analyses.get(scored.article).sentences
        previous = sentences[info.index - 1].text if 0 < info.index <= len(sentences) else None
        agenda = [t for t in agenda_topics(info.text, previous) if not self._in_question(frame, t)]
        if agenda:
            yield Candidate(
                short=trim_words(", ".join(agenda), 30),
                score=0.9,
                sentence=scored,
                rule="topic-agenda",
                highlight=tuple(agenda),
            )
        acted = act_object(frame.text, info.text)
        if acted and _COUNTED_ONLY.match(acted):
            # "set three conditions for the firm." says how many, and the next sentence what
            # they are.
            sentences = self.analyses.get(scored.article).sentences
            following = info.index + 1
            acted = (
                trim_words(sentences[following].text, 30).rstrip(".")
                if following < len(sentences)
                else None
            )
        listed = noun_content(frame.text, info.text)
        if listed and not self._in_question(frame, listed):
            yield Candidate(
                short=listed,
                score=0.95,
                sentence=scored,
                rule="topic-noun-content",
                highlight=(listed,),
            )
        if acted and not self._in_question(frame, acted):
            yield Candidate(
                short=acted,
                score=0.95,
                sentence=scored,
                rule="topic-act-object",
                highlight=(acted,),
            )
        if not items and not agenda:
            # A sentence without a verb of discussing may still name the talks and what they
            # are about ("a brief discussion of ...", "holding talks to form ...").
            rules = answer_rules()
            talked = rules.talk_noun.search(info.text)
            if talked:
                item = talked.group(1)
                for end in (rules.object_end, rules.talk_noun_end):
                    stop = end.search(item)
                    item = item[: stop.start()] if stop else item
                item = re.sub(r"^(?:of|over|regarding|concerning)\s+", "", item, flags=re.I)
                item = trim_words(item.strip(" ,\"'“”"), 20)
                if len(item.split()) >= 2 and not self._in_question(frame, item):
                    yield Candidate(
                        short=item,
                        score=0.6,
                        sentence=scored,
                        rule="topic-talk-noun",
                        highlight=(talked.group(0),),
                    )
        about = re.search(r"\b(?:about|concerning|regarding)\s+(.{6,})", info.text)
        if about:
            said = about.group(1)
            asker = self._asker_after(info, about.start(1))
            if asker is not None:
                # "answered questions about his campaign from Wikinews reporter Ivo Dahl": the
                # topic ends where whoever asked is named.
                said = info.text[about.start(1) : asker]
            yield Candidate(
                short=trim_words(said, 30).rstrip(".,"),
                score=0.2,
                sentence=scored,
                rule="topic-about",
                highlight=(about.group(1),),
            )

    @staticmethod
    def _asker_after(info: SentenceInfo, start: int) -> int | None:
        """Where a "from" that names a person opens after `start`: a person's name within a
        few words of it, or a person's noun ("from Wikinews reporter ...", "from Ivo Dahl");
        "imports from China" names no one and goes on being the topic."""
        from assistant.qa.questions import person_nouns

        for found in re.finditer(r"\s+from\s+", info.text[start:]):
            at = start + found.start()
            after = info.text[start + found.end() : start + found.end() + 50]
            words = [fold(w) for w in re.findall(r"[\w'’-]+", after)][:4]
            if any(w in person_nouns() for w in words) or any(
                m.kind is EntityKind.PERSON and start + found.end() <= m.start < at + 40
                for m in info.mentions
            ):
                return at
        return None
