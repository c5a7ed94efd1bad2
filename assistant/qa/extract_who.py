"""Extractors for who-questions: who did something (`_who`), who met whom (`_who_met`), who
holds a role (`_who_role`), the roles a question asks for and the participants of a meeting.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls these from `_extract`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from assistant.knowledge.analysis import SentenceInfo
from assistant.knowledge.entities import _THE_BEFORE, Mention
from assistant.knowledge.meetings import PREPOSITION_BEFORE, group_np, group_np_over
from assistant.lazy_re import lazy_compile
from assistant.models import EntityKind
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import (
    _MEET_VERB,
    _QUESTION_WORDS,
    Candidate,
    Scored,
    _dedupe_names,
    _join,
    coordinated_run,
)
from assistant.qa.questions import QuestionFrame, person_nouns
from assistant.text import fold, trim_words

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


# Words for any body ("Which body voted 66 to 27 ...?" - the Legislative Yuan); the words
# before them say its level ("Which federal department"), which a story seldom writes.
ANY_BODY_FOCUS = frozenset(
    "body bodies institution institutions department departments authority authorities regulator regulators legislature parliament association associations federation league coalition court courts".split()
)
_ORG_FOCUS = ANY_BODY_FOCUS | frozenset(
    "company companies firm firms bank banks group organisation organization party union agency newspaper team club airline network institute university council committee ministry government".split()
    # (Their plurals: "Which agencies were among the responders?")
    + "agencies organisations organizations ministries institutes universities councils committees governments newspapers networks".split()
    # Trades a firm is named by ("Which carmaker announced a loss?").
    + "carmaker carmakers automaker automakers manufacturer manufacturers retailer retailers insurer insurers lender lenders carrier carriers conglomerate publisher publishers watchdog charity charities broadcaster broadcasters".split()
)

# "Who was Trump's special envoy ...": an owner's possessive stands where "the" would. "What is
# the name of the pilot who ...": the noun after "name(s) of" is the one asked for.
_WHO_OPENING = lazy_compile(
    r"^\s*(?:and\s+)?(?:what\s+(?:is|was|are|were)\s+the\s+(?:full\s+)?names?\s+of\s+"
    r"(?:the\s+|an?\s+)?"
    r"|(?:(?:according\s+)?(?:with|to|by|from|for|on|in|at|into|of|alongside|against|under|behind"
    r"|through)\s+)?(?:which|what)\s+"
    r"|who\s+(?:is|was|are|were)\s+the\s+"
    r"|who\s+(?:is|was|are|were)\s+(?=[\w.-]+['’]s\s))",
    re.IGNORECASE,
)

# Question words and auxiliaries: no verb is asked after one ("Who is ...", "Who was it ...").
_NOT_ASKED_VERBS = frozenset(
    "who that which did does do is was were are has had have will would can could".split()
)
_SAID_WORDS = frozenset(
    "said says told announced warned confirmed stated claimed insisted argued denied".split()
)
_FOCUS_STOP = _NOT_ASKED_VERBS | _SAID_WORDS

_BE_WORD = lazy_compile(r"\b(?:is|are|was|were|been|being)\b", re.I)
_HEAD_ENDS = frozenset("of in at for from on with to against until since during by".split())
_DETERMINERS = frozenset("the a an his her its their this that these those".split())
# Words right after a light verb that make another verb of it ("give up", "take over").
_PARTICLES = frozenset("over up off down back away".split())
_QUESTION_TOKENS = lazy_compile(r"[\w'’-]+|[?,;:]")

_WITH = lazy_compile(r"\bwith\b", re.I)


def _in_setting(text: str, low: int, start: int) -> bool:
    """Whether the name at `start` stands inside a prepositional phrase of setting ("on the
    sidelines of the summit"). "met on Monday with Dana Holt": a "with" after the setting's
    words opens the partner, so the name is not part of the setting."""
    found = PREPOSITION_BEFORE.search(text, low, start)
    return found is not None and not _WITH.search(found.group())


# The kinds of name that act as a party (one list of them is of one kind: a place ends it).
_PARTY_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.GROUP})
# An asked noun in the plural ("tribes", "companies"), not a singular ending in "s" ("press").
_PLURAL_ASKED = lazy_compile(r"^[a-z]+(?:[^su'’]s|ies)$")
# How far below the best single name a name standing in a list may score and answer instead.
_NAME_LIST_MARGIN = 0.3
# How far below the best a candidate the story gives the asked person noun may score and still
# answer "Which senator ...?" over one it never gives it.
_ASKED_NOUN_MARGIN = 0.3
# "called the deal 'a mistake'", "called it a disgrace": calling something a name.
_CALLED_A_NAME = lazy_compile(
    r"\bcall(?:ed|s|ing)?\s+(?=(?:[\w'’-]+\s+){0,8}?(?:[\"“'‘]|an?\s))", re.IGNORECASE
)
# An indefinite noun phrase without a name in it ("a woman", "an aide").
_INDEFINITE_NP = lazy_compile(r"(?:a|an|one)\s+(?!.*\b[A-Z])")
_NAME_OVER_DESCRIPTION_MARGIN = 0.5


# Plurals whose possessive modifies the next noun rather than owning it ("men's rights").
_PLURAL_MODIFIERS = frozenset("men women children people workers farmers veterans".split())


@lru_cache(maxsize=256)
def _who_focus(question: str) -> str | None:
    """The noun a who-question asks for: 'Which company leased ...' -> 'company'."""
    opening = _WHO_OPENING.match(question)
    if not opening:
        return None
    focus = None
    asks_holder = "who" in opening.group().lower()
    limit = 5
    # "Which leader, Orm complained, has ...": a comma ends the wh-phrase.
    words = re.findall(r"[\w'’-]+", re.split(r"[,;:?]", question[opening.end() :], maxsplit=1)[0])
    for number, word in enumerate(words):
        if number >= limit:
            break
        lower = word.lower()
        following = words[number + 1] if number + 1 < len(words) else ""
        if (
            focus
            and word.islower()
            and lower not in _HEAD_ENDS
            and lower not in {"and", "or"}
            and (
                following[:1].isupper()
                or following[:1].isdigit()
                or following.lower() in _DETERMINERS
            )
        ):
            # "Which president gave Ivo Dahl ...", "Which Tessel firm won 40 seats ...": a
            # lower-case word before a name, a number or an article is the verb (irregular
            # ones too), so the asked noun came before it.
            break
        if focus and lower in _HEAD_ENDS and lower != "of" and not asks_holder:
            # "Which chairman in the House ...": the asked noun came before the preposition
            # ("of" may still lead to it: "Which member of the board" is asked as the board's).
            break
        possessive = lower.endswith(("'s", "’s"))
        lower = re.sub(r"['’]s$", "", lower)
        if lower in _FOCUS_STOP or (focus and re.search(r"(?:ed|ly)$", lower)):
            break
        if focus and asks_holder and lower in _HEAD_ENDS:
            # "Who is the commander-in-chief of the Syrian Army?": the role, not the army.
            break
        focus = lower
        if possessive and lower in _PLURAL_MODIFIERS:
            # "Which men's rights group ...": a plural's possessive says what kind of group.
            continue
        if possessive:
            if not asks_holder:
                # "Which company's shares ...": the owner is what is asked.
                break
            # "Who is the African Union's trade commissioner?": the owner only places the
            # role; the asked noun is the role after it.
            focus = None
            limit = number + 6
    return focus


# A relative clause whose verb is in the present tense (group 1): "who chairs", "who now leads".
_WHO_HOLDS = lazy_compile(r"\bwho\s+(?:[a-z]+ly\s+)?([a-z]{3,}s)\b")

# Where a role phrase attached to a name ends: a clause mark or a spaced dash.
_ROLE_BOUNDARY = lazy_compile(r"[,;:.()\"“”—–]|\s-\s")

# After a person, the body they write or work for ("Ana Holt of the Harbour Post").
_OF_OWNER = lazy_compile(r"\s+(?:of|at|from|for|with)\s+(?:the\s+)?", re.I)

# A capitalised name right after the asked noun (group 1): "promotion Tarn-2".
_TITLED_BARE = lazy_compile(
    r"\s+([A-Z][\w&'’.-]*\w(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|du)(?:-|\s+))?[A-Z][\w&'’.-]*\w)*)"
)
# A noun of a person by its ending ("photojournalist", "guitarist", "musician").
_AGENT_NOUN = lazy_compile(r"(?:ist|ian)s?$")

# The rest of a role phrase after a comma inside a place (group 1).
_ROLE_REST = lazy_compile(r"([^,]{1,120}?)(?:,|\.|$|\s+said)")

_AFTER_APPOSITIVE = lazy_compile(
    r"\s*,\s+(?:who\s+(?:is|was|has\s+been|had\s+been)\s+)?([^,.;()]{3,100})"
    r"|\s*,?\s+(as\s+(?:the\s+)?[^,.;()]{3,60})"
)


def _attached_role(info: SentenceInfo, mention: Mention) -> str:
    """The role phrase written with a name: before it ("AU trade commissioner Oren Falk",
    "the Chairman of the Joint Chiefs, General Ivo Talven") or in apposition after it ("Lena
    Marsh, Executive Director of the Tarrow Fund,"; "Pell, as the new Duke"). Parts
    that hold another person's name belong to that person."""
    from assistant.knowledge.lexicon import lexicon

    text = info.text
    heads = lexicon().title_heads_folded
    others = [
        m
        for m in info.mentions
        if m.kind is EntityKind.PERSON
        and not m.role_only
        and m.start != mention.start
        # "Special Presidential Envoy" taken for a name ends in a title: it is a role.
        and not {fold(w).rstrip(".") for w in (m.name or m.text).split()[-1:]} & heads
    ]
    start = max(0, mention.start - 100)
    before = text[start : mention.start]
    marks = [b.end() for b in _ROLE_BOUNDARY.finditer(before)]
    phrase_start = start + (marks[-1] if marks else 0)
    if not re.search(r"[a-z]{3}", text[phrase_start : mention.start]) and len(marks) >= 1:
        # Only a title ("General") or nothing since the comma: the role stands before it.
        phrase_start = start + (marks[-2] if len(marks) >= 2 else 0)
    if re.match(r"\s*whose\b", text[phrase_start : mention.start], re.I):
        # "The Pellan Guard - whose commander is General Ivo Talven -": the role is the
        # Guard's, written before the relative.
        earlier = [mark for mark in marks if start + mark < phrase_start]
        phrase_start = start + (earlier[-1] if earlier else 0)
    for other in others:
        if phrase_start <= other.start < mention.start:
            phrase_start = max(phrase_start, other.end)
    phrase = text[phrase_start : mention.start]
    if re.search(r"\b(?:of|to|for|with|by|and|or|from|against|on)\s*$", phrase):
        # "a critic of Vasse": the name completes someone else's phrase.
        phrase = ""
    after = _AFTER_APPOSITIVE.match(text, mention.end)
    if after:
        start, end = after.span(1) if after.group(1) else after.span(2)
        # "Harlow, chairman of the committee and a critic of Vasse's policy": the apposition
        # stops at the next person; but one it opens with as an owner ("Pell, who was Vasse's
        # envoy") only says whose role it is.
        end = min(
            [end]
            + [
                o.start
                for o in others
                if start <= o.start < end
                and not (o.start == start and re.match(r"['’]s\b", text[o.end : o.end + 2]))
            ]
        )
        phrase += " " + text[start:end]
    return phrase


# "To whom did Orm say ...", "Who did Orm tell ...": the question asks who was addressed.
_ASKS_RECIPIENT = lazy_compile(
    r"^\s*(?:and\s+)?(?:to\s+whom\s+(?:did|does|do|has|had|will|would|was|were|is)\b"
    r"|(?:who(?:m)?\s+|(?:which|what)\s+(?:[\w'’-]+\s+){1,3}?)(?:did|does|do|has|had|will|would)\s+"
    r"(?:[\w'’.-]+\s+){1,6}?(?:tell|address)\b)",
    re.I,
)

# Where a sentence says whom someone addressed: the words after these.
_ADDRESSED = lazy_compile(
    r"\b(?:told|tells|tell|telling|(?:said|says|say|spoke|speaks|wrote|writes|explained|"
    r"explains|announced|announces|declared|declares|stated|states|admitted|admits|"
    r"confirmed|confirms|revealed|reveals|described|complained|complains)\s+to)\s+"
)

# Words of a role phrase that do not say which role it is.
_ROLE_FILLERS = frozenset({"the", "a", "an", "of", "and", "s", "then", "former", "new"})

# After a body: its person ("the Gazette's Ana Holm").
_OWNED_NAME = lazy_compile(r"['’]s\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")
# "told the press": the press as a whole.
_THE_PRESS = lazy_compile(r"(the\s+(?:press|media|news\s+media))\b")
# A capitalised name right after "told" ("told Dagbladet", "told Radio Vest on Monday").
_BARE_NAME = lazy_compile(r"([A-Z][\w&'’-]*[a-zA-Z](?:\s+[A-Z][\w&'’-]*)*)(?=[\s.,;:]|$)")


def _set_off(between: str) -> bool:
    """ "Orm, a lawyer of the Harbour Trust (HT), told ...": the speaker's apposition between
    commas separates the name from the verb."""
    return len(between) <= 160 and bool(re.fullmatch(r"\s*,[^;:\"“”,]*,\s*", between))


# "Who is the ...", "Who is Vasse's ...": a role asked in the present tense.
_HOLDS_NOW = lazy_compile(r"^\s*(?:and\s+)?who\s+(?:is|are)\s+(?:the\b|[\w.-]+['’]s\s)", re.I)

_WHO_VERB = lazy_compile(r"^\s*(?:and\s+)?who\s+([a-z]+)\b", re.I)


# The passive: a form of "be" (perhaps an adverb between) right before the participle.
@cache
def _passive_before() -> re.Pattern[str]:
    return re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+)?$", re.I)


# A question whose verb is active with the asked one as its subject ("Who poisoned ...",
# "Which firm leased ..."), not "Who was the mayor stabbed ...".
@cache
def _asks_doer() -> re.Pattern[str]:
    return re.compile(
        r"^\s*(?:and\s+)?(?:who\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\b)[a-z]+"
        r"|(?:which|what)\s+[\w-]+\s+[a-z]+ed)\b",
        re.I,
    )


# A comma right before a participle.
_AFTER_COMMA = lazy_compile(r",\s*$")


# The doer of a passive deed, after the participle ("was poisoned last month by ...").
@cache
def _by_agent() -> re.Pattern[str]:
    return re.compile(r"[^.;]{0,160}?\bby\b", re.I)


# "by a court", "by an unknown gunman": the doer, not named.
_UNNAMED_AGENT = lazy_compile(r"\s+(?:a|an)\s+[a-z]")

_AUXILIARIES = frozenset(
    "is was are were be been did does do has have had will would can could shall should may might must else".split()
)

_EXCLUDED = lazy_compile(
    r"\b(?:left\s+out|excluded|not\s+invited|uninvited|absent|missing|barred|kept\s+out|shut\s+out)\b",
    re.I,
)

# "Which Lumerian rider": a capitalised word and the word after it (overlapping pairs).
_CAPITALISED_THEN_WORD = lazy_compile(r"\b([A-Z][\w-]*)(?=\s+([\w-]+)\b)")

# "At his side were his wife Ana and ...": the companions of a "Who stood at X's side?".
_AT_SIDE = lazy_compile(
    r"\b(?:at|by)\s+(?:his|her|their|its)\s+side\s+(?:are|were|is|was|stood|stands|stand)\s+",
    re.IGNORECASE,
)
# Verbs of making a thing known, which a story may report by "according to" its source.
_REPORTING_VERBS = ("announce", "report", "confirm", "say", "said", "state", "reveal", "disclose")
_SAY_VERBS = r"(?:said|says|told|added|warned|stressed|noted|announced|confirmed|argued|insisted|explained|wrote|tweeted|stated|declared|according\s+to)"

# Between a subject and its verb: perhaps an apposition, perhaps an auxiliary ("Corvan has
# promised").
_SUBJECT_TO_VERB = lazy_compile(
    r"(?:,[^,.]{0,40},)?\s+(?:(?:has|have|had|will|would|can|could|may|might|must|should)\s+)?"
)
_MODAL_OR_PERFECT = frozenset("has have had will would can could may might must should".split())
_NOT_VERBS = frozenset(
    "been be not never also already still just the a an his her its their this that these those"
    " to".split()
)
# "told a meeting of EU foreign ministers": the members are whom the speaker addressed.
_GATHERING_OF = lazy_compile(
    r"(?:an?|the)\s+(?:meeting|gathering|session|conference|summit|assembly|rally|crowd)"
    r"\s+of\s+"
)
_PLACE_AFTER_GROUP = lazy_compile(
    r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$"
)
_TOLD = lazy_compile(r"\b(?:told|tells)\b")
_SAYING_FORMS = frozenset(
    "said says told tells stated states added adds wrote writes declared declares".split()
)

# What may stand between a clause's subject and its verb: an apposition between commas
# ("Dana Holt, the lawyer of one of the accused, Ivo Marr, told ..."), or the body the person
# is of ("Nils Aune of Tarrow Fire and Rescue said").
_SUBJECT_GAP = lazy_compile(
    r"\s*,(?:[^.;]|(?<=[A-Z])\.){2,140}?,\s+"
    # "Director Ivo Dahl of the Orvik Institute of Harbour and Fishery Studies (OIHFS), said":
    # a body's name of up to eight words, perhaps its initials in brackets and a comma.
    r"|\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+(?:(?:and|of|for|&)\s+)?){1,8}"
    r"(?:\([A-Z][\w.&-]{1,10}\),?\s+)?"
)

# A subject opens its clause: nothing but capitalised words (a place, a body, a title) stands
# between it and the clause's start. After a comma, "with" opens an absolute clause whose
# subject is the name after it ("..., with Ivo Dahl of Tessel calling the plan a disgrace").
_CLAUSE_OPENS = lazy_compile(
    r"(?:^|[,;:\"“”(]\s*)(?:(?<=,\s)with\s+)?(?:(?:the\s+)?[A-Z][\w.'’-]*\s+){0,5}$"
)


# A person's name between "the" and a common noun modifies the noun ("the Trump
# administration's spokeswoman", "the Obama era"): the person is not the one who acts.
_NOUN_AFTER = lazy_compile(r"\s+[a-z]")

# Between a subject pronoun and its verb: a space, perhaps an adverb or an auxiliary ("he
# later ended", "she had stepped down").
_PRONOUN_TO_VERB = lazy_compile(r"\s+(?:[a-z]+ly\s+|(?:had|has|have|was|were|is|also|then)\s+)?")


def _named_in_apposition(info: SentenceInfo, end: int, verb_start: int) -> bool:
    """Whether what stands between commas after a name, before the verb, is a person's name
    and nothing else ("the director of the Orvik Trust, Lena Dahl, said"): then that person
    is the one who said, and the words before describe them."""
    inner = re.fullmatch(r",\s*([^,]+?)\s*,\s+", info.text[end:verb_start])
    if inner is None:
        return False
    low, high = end + inner.start(1), end + inner.end(1)
    return any(
        m.kind is EntityKind.PERSON and m.start == low and m.end == high for m in info.mentions
    )


def _subject_of(text: str, mention: Mention, verb_start: int) -> bool:
    """Whether a name is the subject of the verb at `verb_start` across an apposition or an
    "of" phrase (the plain case, name right before the verb, is scored on its own)."""
    return (
        mention.end < verb_start
        and _SUBJECT_GAP.fullmatch(text, mention.end, verb_start) is not None
        and _CLAUSE_OPENS.search(text[: mention.start]) is not None
    )


def _demonym(country: str) -> str:
    from assistant.knowledge.lexicon import lexicon

    for demonym, c in lexicon().data.nationalities.items():
        if (c == country and " " not in demonym) or (
            c == country and demonym.startswith(("South", "North"))
        ):
            return demonym
    return country


# --- the asked argument of the question's own verb ----------------------------------------------

# Words that open a noun phrase (and may open a question's subject).
_NP_OPENERS = frozenset(
    "the a an his her their its our my one some several all both many other two three four five six seven eight nine ten eleven twelve dozens hundreds".split()
)
# After a question's verb: what its complement may start with, so the word before it is the verb
# ("Whom did the Arden council ask to ..."; "Which groups will the new centre work with?").
_AFTER_VERB = _NP_OPENERS | frozenset(
    "to with about on at in for by from against into alongside been him her them us me responsible up out off back over "
    "along across through around toward towards past during after before near inside outside under behind onto via".split()
)
# Between a question's subject and its verb: words that are neither.
_VERB_SKIP = frozenset("been being be also ever already once not never still just".split())
# Where a clause of a sentence ends, after the verb.
_CLAUSE_END = lazy_compile(
    r"[;:!?\"“”]|\.(?:\s|$)|\s[-–—]\s|,\s+(?:and|but|while|which|who|where|saying|adding|according)\b"
)
# A noun phrase without a name: an opener, then up to four words before a word that ends it.
_NP_OPENER = lazy_compile(
    r"(?:(?:all\s+the|dozens\s+of|hundreds\s+of|the|a|an|his|her|their|its|our|one|some|several|"
    r"both|many|other|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+){0,2}"
)
# Words that end a noun phrase, or are none.
_NP_STOP = frozenset(
    "to with about on at in for by from of against into and or but who whom which that was were "
    "is are had has have would will after before during when while as than another each every "
    "any either neither none himself herself themselves itself he she they it".split()
)
# After a phrase's head: more heads ("presidents and prime ministers"), then whose or where
# they are ("a man from Sudan", "a reporter for The Harbour Gazette", "of the world").
_NP_TAIL = lazy_compile(
    r"(?:\s+and\s+(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*s\b)?"
    r"(?:\s+(?:of|from|for|at|with)\s+(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"|\s+of\s+the\s+[a-z]+(?=\s*[,.;]|\s+(?:to|and|who|which)\b))?"
)
_NP_WORD = lazy_compile(r"\s*([A-Za-z][\w'’-]*)")


def _plain_np(text: str, at: int) -> str | None:
    """An unnamed noun phrase at `at`: an opener, then up to four words; the head is the last
    of them that names people ("sent his sister flowers": "his sister"), else the last."""
    opener = _NP_OPENER.match(text, at)
    pos = opener.end() if opener else at
    ends: list[int] = []
    heads: list[str] = []
    while len(ends) < 4:
        word = _NP_WORD.match(text, pos)
        if word is None or word.group(1).lower() in _NP_STOP:
            break
        if word.group(1)[:1].isupper() and ends and not heads[-1][:1].isupper():
            # "his sister Ana": a name after the phrase is another argument or apposition.
            break
        ends.append(word.end())
        heads.append(word.group(1))
        pos = word.end()
    if not ends or not heads[-1][:1].islower():
        return None
    chosen = next(
        (
            k
            for k in range(len(ends) - 1, -1, -1)
            if heads[k][:1].islower() and _of_people(heads[k])
        ),
        len(ends) - 1,
    )
    end = ends[chosen]
    tail = _NP_TAIL.match(text, end)
    phrase = text[at:end] + (tail.group() if tail else "")
    return _without_full_stop(phrase)


# A sentence that opens with a quotation mark.
_OPENS_QUOTE = lazy_compile(r"\s*[\"“]")
_QUOTE_MARK = lazy_compile(r"[\"“”]")
# How many sentences on a quotation may run before the one that says whose it is.
_QUOTE_SPAN = 5
# "Who said ...?", "Which official told ...?": a question about who spoke.
_ASKS_SAYING = lazy_compile(
    r"\b(?:said|say|says|told|warned|announced|confirmed|stressed|tweeted|likened|compared"
    r"|described|predicted|argued|claimed|insisted|vowed|pledged|promised|urged|remarked"
    r"|suggested|admitted|acknowledged|complained|praised|criticised|criticized|wrote)\b",
    re.I,
)
# How much less a speaker found in the sentence before a bare quotation weighs.
_QUOTE_CARRIED_COST = 0.3
# And a speaker named where the quotation closes (no other may be meant).
_QUOTE_CLOSED_COST = 0.1

# A sentence's full stop after a phrase's last word (not an abbreviation's: "U.S." keeps its own).
_FULL_STOP = lazy_compile(r"(?<=[a-z]{2})\.$")


def _without_full_stop(phrase: str) -> str:
    return _FULL_STOP.sub("", phrase)


_NAME_RUN = lazy_compile(r"(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*)*)")
_DATE_WORD = lazy_compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_NEGATED = lazy_compile(r"\b(?:not|n't|never|no\s+longer)\s+(?:[a-z]+ly\s+)?$", re.I)
_COORDINATED = lazy_compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _argument_at(info: SentenceInfo, pos: int) -> tuple[str, Mention | None, bool] | None:
    """The noun phrase a verb or a preposition takes at `pos`: a name (with the names listed
    after it: "the Arden Trust and the Veld Fund"), or an unnamed one ("his sister", "an
    informant", "a driver from Tessby"), and whether it is unnamed."""
    text = info.text
    lead = re.compile(r"\s*(?:the\s+|(?:his|her|their)\s+(?:[a-z-]+\s+){1,2})?").match(text, pos)
    start = lead.end() if lead else pos
    names = {
        m.start: m
        for m in info.mentions
        if m.kind is not EntityKind.PLACE and not m.role_only and m.start >= pos
    }
    first = names.get(start) or names.get(re.compile(r"\s*").match(text, pos).end())  # type: ignore[union-attr]
    at = re.compile(r"\s*").match(text, pos).end()  # type: ignore[union-attr]
    if first is None:
        # "by then-president Ivo Dahl": one title word before the name.
        title = re.compile(r"[a-z][\w.'’-]*\s+").match(text, start)
        first = names.get(title.end()) if title else None
    if first is None:
        # "selected fellow teacher Ana Holt": a person noun right before a name, with no
        # comma, is the name's title; the name says who.
        run = _TITLE_RUN.match(text, start)
        named = names.get(run.end()) if run else None
        if run and named is not None and named.kind is EntityKind.PERSON and _of_people(run[0]):
            first = named
    plain = _plain_np(text, at) if first is None else None
    if plain is not None:
        label = answer_rules().label_after.match(text, at + len(plain))
        if label:
            # "a user labelled "Quill"": the name it goes by says who.
            return label.group(1), None, False
        # "two guards, Pell Dahl and Osk Marr,": the names in apposition are who they are.
        comma = re.compile(r"\s*,\s*").match(text, at + len(plain))
        first = names.get(comma.end()) if comma else None
        if first is None:
            return plain, None, True
    if first is not None and first.kind is EntityKind.COUNTRY:
        # "with U.S. service members": a country before a noun of people says whose people
        # they are; the party is the whole phrase.
        people = _plain_np(text, first.end)
        if people is not None and _of_people(people):
            return text[first.start : first.end] + people, None, True
    if first is not None:
        found = [first]
        while True:
            joint = _COORDINATED.match(text, found[-1].end)
            following = names.get(joint.end()) if joint else None
            if following is None:
                break
            found.append(following)
        after = names.get(first.end + 1) if text[first.end : first.end + 1] == " " else None
        if (
            len(found) == 1
            and first.kind is EntityKind.ORGANISATION
            and after is not None
            and after.kind is EntityKind.PERSON
            and after.title
        ):
            # "by USA Today Washington Bureau Chief Susan Page": a body right before a titled
            # person is the person's employer.
            return after.name or after.text, after, False
        owned = _OWNED_NAME.match(text, first.end)
        if owned and len(found) == 1:
            # "the Gazette's Ana Holm": the person of the body.
            return owned.group(1), None, False
        possessive = re.compile(r"['’]s\s+").match(text, first.end)
        head = _plain_np(text, possessive.end()) if possessive and len(found) == 1 else None
        if possessive and head is not None:
            # "a letter to Corvan's board of directors": the name owns what was reached, the
            # body after it; it is unnamed only if that body is no one.
            return text[first.start : possessive.end()] + head, None, True
        group = re.compile(r"\s+([a-z]+s)\b").match(text, found[-1].end)
        if len(found) == 1 and group and _of_people(group.group(1)):
            # "Arden journalists": the body's people.
            return f"{first.name or first.text} {group.group(1)}", None, False
        return _join(_dedupe_names([m.name or m.text for m in found])), first, False
    # A name the entity rules did not type ("the Harbour Watch for ..."), not a date.
    shaped = _NAME_RUN.match(text, at)
    if shaped is not None and not _DATE_WORD.match(shaped.group(1)):
        return shaped.group(1), None, False
    return None


def _names_asked(frame: QuestionFrame, name: str) -> bool:
    """Whether an argument is the question's own one: its whole name is in the question
    ("Ana Holt" is not asked in "Who stood at Holt's side?")."""
    # "the Volgograd Arena." with the sentence's full stop is still the question's arena.
    words = re.escape(fold(_without_full_stop(name))).replace(r"\ ", r"\s+")
    return re.search(rf"(?<!\w){words}(?!\w)", fold(frame.text)) is not None


def _of_people(phrase: str) -> bool:
    """Whether an unnamed noun phrase stands for people: its head ("the rebels", "a trucker
    from Orvik") is a person or group noun, or has the shape of one."""
    from assistant.qa.questions import person_nouns

    head = re.sub(r"\s+(?:of|from|for|at|with)\s.*$", "", phrase).split()[-1:]
    if not head:
        return False
    word = fold(head[0])
    return (
        word in _group_nouns()
        or word in person_nouns()
        or word.rstrip("s") in person_nouns()
        or bool(answer_rules().person_head.search(word))
    )


@cache
def _group_nouns() -> frozenset[str]:
    from assistant.knowledge.lexicon import lexicon

    return lexicon().group_nouns


@cache
def _people_group_heads() -> frozenset[str]:
    """Heads of a common noun phrase for a body of people: the lexicon's group nouns, the answer
    rules' group heads and the extra heads of `[common_np]`."""
    rules = answer_rules()
    return _group_nouns() | {fold(g) for g in rules.group_heads} | rules.common_heads


@cache
def answer_group_np() -> re.Pattern[str]:
    """A body of people written as a common noun, as an answer: the meeting rules' group
    nouns and the answer rules' group heads."""
    from assistant.knowledge.lexicon import lexicon

    return group_np_over(lexicon().data.people.group_nouns + list(answer_rules().group_heads))


# Between a subject and its verb: auxiliaries, adverbs, and a short named place or origin
# ("leaders from 14 countries in the Gulf offered"); no comma, so no apposition or aside.
_GROUP_VERB_GAP = lazy_compile(
    r"(?:\s+(?:in|from|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,4})?"
    r"(?:\s+(?:are|is|was|were|have|has|had|will|would|also|[a-z]+ly|then|now|still))*"
)
# A second kind of person joined to a group met, and where they are from ("reporters and
# editors from the Gazette"); group 1 the second kind's head.
_AND_GROUP = lazy_compile(
    r"\s+and\s+(?:[a-z-]+\s+){0,2}?([a-z]+s)\b(?:\s+(?:from|of|at)\s+(?:the\s+|The\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})?"
)
# Where a clause opens: the sentence's start, after a comma or semicolon, or after a reporting
# verb, "that" or a subordinator ("Orm said several unions are ...", "as envoys gathered").
_CLAUSE_OPENING = lazy_compile(
    r"^|(?<=[,;:])\s+|\b(?:said|says|say|told|that|as|when|while|after|before|because|since|where)\s+"
)
_NOT_IN_GROUP = lazy_compile(
    r"\b(?:but|as|and|or|so|when|while|after|before|because|since|where|if|then|said|says|told|that|who|which)\b",
    re.I,
)
_NEXT_WORD = lazy_compile(r"\s*([a-z][\w'’-]*)")
# "Who rallied ...?", "Which members of the crew attended ...?": a subject is asked (no "did",
# "does" or "do" after the asking words, and no "whom").
_ASKS_ANY_SUBJECT = lazy_compile(
    r"^\s*(?:and\s+)?(?:who|(?:which|what)\s+[\w'’-]+)\b(?![^?]*\b(?:did|does|do|whom)\b)", re.I
)
_GROUP_SUBJECT_SCORE = 0.6
# A common noun phrase in the asked verb's subject slot: below a name in that slot (which
# `_who` scores near 2), above a name that is only elsewhere in the sentence (near 1).
_COMMON_SUBJECT_SCORE = 1.4
# "Who met ...?", "Who is holding talks ...?": the subject is asked (no "did" before a subject).
_ASKS_SUBJECT = lazy_compile(
    r"^\s*(?:and\s+)?who\s+(?:(?:is|are|was|were|has|have|had|will|would)\s+)?(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|else)\b)[a-z]+",
    re.I,
)


def _question_verb(rest: str) -> list[tuple[str, list[str], str]]:
    """The verb of "[subject] VERB [rest]" (the words after a question's auxiliary), the
    subject's words and what follows the verb. The subject is a name, or a noun phrase whose
    last word comes right before a word that opens a complement. Readings with a longer
    subject follow ("the Obama administration urged": not "administration" as the verb); the
    sentence decides which verb it writes."""
    from assistant.qa.questions import person_nouns

    readings: list[tuple[str, list[str], str]] = []

    words = re.findall(r"[\w'’.-]+|[\"“]", rest)
    subject: list[str] = []
    opened = False
    only_names = True
    previous_name = False
    for i, word in enumerate(words):
        lower = word.lower()
        # "been working closely on ...": an adverb after the verb is skipped, as before it.
        following = next(
            (w.lower() for w in words[i + 1 :] if not (w.islower() and w.endswith("ly"))), ""
        )
        if word in {'"', "“"}:
            break
        if word[:1].isupper() or word[:1].isdigit():
            subject.append(word)
            possessive = bool(re.search(r"['’]s?$", word))
            previous_name = not possessive
            only_names = only_names and not possessive
            continue
        if lower in _VERB_SKIP or (subject and lower.endswith("ly")):
            continue
        if not subject and lower in _NP_OPENERS:
            opened = True
            continue
        if lower in {"of", "from", "and"} and subject:
            continue
        if not subject:
            if not opened:
                # "Who has been negotiating with ...": no subject before the verb, so "who"
                # is the subject and nothing here is asked of the verb's arguments.
                return []
            # "the general manager of ...": after its opener a subject may be in lower case.
            subject.append(word)
            only_names = False
            continue
        if lower in _PREPOSITIONS or lower in {"who", "that", "which"} or word[:1] in {"'", "‘"}:
            # What the question quotes or places is no reading's verb.
            break
        after_opener = i > 0 and words[i - 1].lower() in _NP_OPENERS
        if not after_opener and (
            (previous_name and only_names and lower not in person_nouns())
            or not following
            or following in _AFTER_VERB
            or following[:1] in {'"', "“", "'", "‘"}
        ):
            readings.append((lower, list(subject), " ".join(words[i + 1 :])))
            if len(readings) == 3:
                break
        subject.append(word)
        only_names = False
        previous_name = False
    return readings


# An argument found in the place the question's own verb gives it outweighs a name that is only
# near the question's words.
_ARGUMENT_SCORE = 2.0
# A name the sentence gives the asked noun as its title ("illustrator Ana Holt").
_NAMED_AS_ASKED_SCORE = 1.4
ACTOR_KINDS_WHO = frozenset(
    {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.GROUP, EntityKind.COUNTRY}
)
# The object of a light verb that makes it a meeting ("hold talks with", "had a call with").
_MEETING_NOUN = lazy_compile(
    r"(?:(?:a|an|the|their|his|her|several|two|three)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meetings?|summit|call|conversations?|discussions?|negotiations|consultations)\b",
    re.I,
)
# Up to four lower-case words with no function word among them ("fellow teacher ", "current
# chief operating officer ").
_TITLE_RUN = lazy_compile(
    r"(?:[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)\s+)?"  # "Italian artist ...": a demonym may lead
    r"(?:(?!(?:of|in|on|at|to|for|from|with|by|and|or|the|a|an|as|who|that|which)\b)"
    r"[a-z][\w.'’-]*\s+){1,4}"
)


# Between a name and the title in apposition after it: ", the vice ", ", a senior ".
_APPOSED_TITLE = lazy_compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}")


def _rank_of(text: str, title: str, ranks: frozenset[str]) -> str | None:
    """The word that makes `title` another office where `text` writes it ("vice" in "vice
    chairman", "deputy" in "deputy-mayor"), or None."""
    found = re.search(rf"(?<![\w-])(?:([\w]+)[\s-]+)?{re.escape(title)}\b", text)
    if found is None or not found.group(1):
        return None
    return found.group(1) if found.group(1) in ranks else None


# A capitalised name joined by "and" after or before another one (group 1 the name).
_JOINED_AFTER = lazy_compile(r"\s+and\s+((?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3})")
_JOINED_BEFORE = lazy_compile(
    r"(?<![\w'’-])((?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3})\s+and\s+"
)
# "call" with a particle that makes it a demand, not a call: "called on Congress to act".
# The particle of a phrasal verb, first in the words after the question's verb and stranded:
# no noun phrase of its own follows ("call on to build ...", "turn to for help"), so "whom" is
# its object; "helping with the story" is an adjunct, not a particle.
_PARTICLE = lazy_compile(
    r"(on|upon|to|for|from|with|at)(?=\s*$|\s+(?:to|for|in|at|on|from|with|about|after|before|during|instead|when|while|as|because|over|since|despite)\b)",
    re.I,
)
_CALL_NOT_MEETING = lazy_compile(r"call(?:s|ed|ing)?\s+(?:on|upon|for)\b", re.I)
# A reading of a question: its verb, the subject's words and the words after the verb.
_Reading = tuple[str, tuple[str, ...], str]
# Words that open an adjunct after a stranded preposition ("partner with for the launch").
_ADJUNCT = frozenset("for in at on during after before since to over".split())
_PREPOSITIONS = frozenset("to with from for by about alongside against".split())


@cache
def _asked_argument(question: str) -> tuple[str, tuple[_Reading, ...]] | None:
    """What a question asks of its own verb's arguments: the role and the readings of the
    question (verb, subject words, the words after the verb), likeliest first. The role is
    "object" (whom the verb reaches), a preposition ("to", "with": whom it reaches through
    that word) or "companion" (who did it together with the named one; the subject words are
    then the companion's)."""
    rules = answer_rules()
    together = rules.asks_companion.match(question)
    if together:
        opening = re.match(r"^\s*(?:and\s+)?(who|which)\s", question, re.I)
        if opening is None:
            return None
        after = re.findall(r"[\w'’-]+", question[opening.end() : together.start(1)])
        if after and after[0].lower() in {"has", "have", "had", "will", "would"}:
            after = after[1:]
        # "Which store chain lowered ...": after "which" the verb may follow a noun of one to
        # three words; each reading is tried, nearest first, and the sentence decides.
        verbs = after[:1] if opening.group(1).lower() == "who" else after[1:4]
        words = tuple(re.findall(r"[\w'’.-]+", together.group(1)))
        joint = tuple(
            (verb.lower(), words, together.group(1))
            for verb in verbs
            if re.fullmatch(r"[a-z]+", verb, re.I)
            and verb.lower() not in {"along", "together", "alongside", "with", "at"}
        )
        return ("companion", joint) if joint else None
    asked = rules.asks_argument.match(question)
    if asked is None:
        doer = rules.asks_doer_of.match(question)
        if doer is None:
            return None
        # "Who brought the charges?": "charges brought by the navy" names the doer.
        return "agent", ((doer.group(1).lower(), (), doer.group(2)),)
    readings = _question_verb(asked.group(3))
    if not readings:
        return None
    role = (asked.group(1) or asked.group(2) or "").lower() or "object"
    if role == "with" and re.match(r"\s*(?:and\s+)?(?:together|along)\s", question, re.I):
        # "Together with whom did Orm file the suit?": who did it with Orm, not whom Orm met.
        role = "companion"
    after = [w.lower() for w in readings[0][2].split()]
    for i, word in enumerate(after):
        following = after[i + 1] if i + 1 < len(after) else ""
        if role == "object" and word in _PREPOSITIONS and (not following or following in _ADJUNCT):
            # "Which groups will the centre work with?", "Which firm did Orm partner with for
            # the launch?": a preposition with no noun after it is the one asked through.
            role = word
            break
    return role, tuple((verb, tuple(subject), tail) for verb, subject, tail in readings)


# The preposition a who-question opens with ("With whom ...", "To which paper ...").
_PARTY_OPENING = lazy_compile(
    r"^\s*(?:and\s+)?(?:together\s+|along\s+)?(with|to|from|by)\s+(?:whom|which|what)\b", re.I
)
# The wh-phrase a question opens with, whose words are not the question's interaction.
_QUESTION_WORD_RUN = lazy_compile(
    r"^\s*(?:and\s+)?(?:(?:with|to|from|by)\s+)?(?:whom|who|which|what)(?:\s+[a-z][\w'’-]*){0,3}?"
    r"(?=\s+(?:did|does|do|was|were|is|are|has|have|had|will|would)\b)|^\s*(?:and\s+)?(?:who|whom)\b",
    re.I,
)
# A preposition left at the end of the question's clause ("... speak to about the fire?", "...
# on the phone with?"): it is the one the asked party stands after.
_STRANDED_PREPOSITION = lazy_compile(
    r"\b(with|to|from)\s*(?=\?|$|(?:on|in|at|after|before|during|about|by|over|last|this|when|while|regarding)\b)",
    re.I,
)
# "Which outlet interviewed Orm ...": the asked one is the interaction's subject.
_ASKS_INTERACTOR = lazy_compile(
    r"^\s*(?:and\s+)?(?:who\s+|which\s+(?:[a-z][\w'’-]*\s+){1,3}?)(?!(?:did|does|do|is|was|were|are|has|have|had|will|would)\b)[a-z]+(?:ed|ote|oke|ave|ent|ew)\b",
    re.I,
)
# A determiner or preposition right before a word makes it a noun ("an interview with", "in
# an e-mail to", "a conference call with").
_DETERMINED = lazy_compile(
    r"\b(?:an?|the|his|her|their|its|our|this|that|by|in|on|during)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
# Between a subject's name and its verb: an apposition set off by commas, or an adverb.
_SUBJECT_TO_VERB = lazy_compile(r"(?:\s*,[^,;:]{1,80},)?\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?")


def _subject_before(info: SentenceInfo, verb: int) -> list[tuple[str, Mention | None, bool]]:
    """The name right before a verb at `verb` (an apposition or an adverb between), as a
    party: "Dawn interviewed Orm", "Ivo Dahl told Wikinews"; none when no name is there."""
    before = [
        m
        for m in info.mentions
        if m.end <= verb
        and _SUBJECT_TO_VERB.fullmatch(info.text, m.end, verb)
        and m.kind is not EntityKind.PLACE
    ]
    return [(m.name or m.text, m, False) for m in before[-1:]]


# Words an unnamed party cannot start or end with.
_NOT_PARTY_WORDS = _NP_STOP | _PARTICLES | frozenset("them him us me you it".split())


# Words that, between an interaction word and a preposition, show the preposition is another
# clause's.
_NOT_ATTACHED = frozenset(
    "whether that which who was were is are be been has have had said says to and but because if "
    "when while as".split()
)
# "Which leader ...", "With which cleric ...": a wh-phrase of "which" and a noun.
_WHICH_ONE = lazy_compile(r"^\s*(?:and\s+)?(?:(?:with|to|from|by)\s+)?which\s+[a-z]", re.I)
# Nouns of an outlet or a body a question may ask as the other party ("Which outlet ...").
_OUTLET_NOUNS = frozenset(
    "outlet outlets newspaper newspapers paper magazine broadcaster channel station service "
    "network publication agencies".split()
)


# Between names of one list: a separator, then the next one's title ("Ana Holt, Tessel Prime
# Minister Ivo Dahl and ...").
_LIST_GAP = lazy_compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[\w.'’-]+\s+){0,4}", re.I)
_TITLE_RUN_BEFORE_NAME = lazy_compile(r"\s*(?:the\s+)?(?:[A-Z][\w.'’-]*(?:['’]s)?\s+){1,5}")
# Between a body's name and its person: the person's title ("Orm Bank governor Ana Holt").
_BODY_TITLE_GAP = lazy_compile(r"\s+(?:[\w.'’-]+\s+){0,3}")


def _party_at(
    info: SentenceInfo, at: int, hit: tuple[str, Mention | None, bool] | None
) -> tuple[str, Mention | None, bool] | None:
    """The named party a slot at `at` holds, whole: the person a body's name is the title of
    ("met Orm Bank governor Ana Holt"), and every name listed with the first ("spoke with
    Chancellor Ana Holt, Prime Minister Ivo Dahl and ..."), titles and all."""
    if hit is None or hit[2]:
        return hit
    text = info.text
    names = [m for m in info.mentions if not m.role_only and m.kind is not EntityKind.PLACE]
    # "with Pakistan's National Security Adviser Ana Holt", "with Tessel President Ivo Dahl":
    # a title run before a person's name is the name's, and the person is the party.
    titled = next(
        (
            m
            for m in names
            if m.kind is EntityKind.PERSON
            and at < m.start <= at + 80
            and (
                _TITLE_RUN_BEFORE_NAME.fullmatch(text, at, m.start)
                # "to Assistant Secretary of the Navy for Research Ana Holt": her whole title.
                or (m.title is not None and text[at : m.start].strip() == m.title)
            )
        ),
        None,
    )
    lead = re.compile(r"\s*(?:the\s+)?(?:[\w.'’-]+\s+){0,3}").match(text, at)
    first = titled or next(
        (m for m in names if at <= m.start <= (lead.end() if lead else at) and m.text in hit[0]),
        hit[1],
    )
    if first is None:
        return hit
    if first.kind is not EntityKind.PERSON:
        body = first
        person = next(
            (
                m
                for m in names
                if m.kind is EntityKind.PERSON
                and m.start > body.end
                and _BODY_TITLE_GAP.fullmatch(text, body.end, m.start)
            ),
            None,
        )
        first = person or first
    found = [first]
    while True:
        following = next(
            (
                m
                for m in names
                if m.start > found[-1].end
                and (m.kind is EntityKind.PERSON) == (first.kind is EntityKind.PERSON)
                and _LIST_GAP.fullmatch(text, found[-1].end, m.start)
            ),
            None,
        )
        if following is None:
            break
        found.append(following)
    return _join(_dedupe_names([m.name or m.text for m in found])), first, False


# A noun of one who does something ("engineers", "analysts", "editor"): a person by its
# suffix. "-ent" and "-ant" make things as often as people ("moment", "pageant").
_AGENT_HEAD = lazy_compile(r"(?:er|or|ist|ian)s?$")
# A named party in the slot: as strong as a meeting found in its own sentence, so that which
# sentence tells more of the question decides between them.
_PARTY_SCORE = 1.5
# An unnamed party ("a tribal elder") is the answer only where no other rule names one: the
# group rules give a body's phrase whole ("leaders in law enforcement").
_UNNAMED_PARTY_SCORE = 0.6


@cache
def _party_heads() -> frozenset[str]:
    """Nouns an unnamed party may end with: person nouns, their plurals, and bodies."""
    from assistant.knowledge.lexicon import lexicon

    nouns = {
        fold(n)
        for n in (
            *person_nouns(),
            *_group_nouns(),
            *answer_rules().group_heads,
            *lexicon().title_heads_folded,
        )
    }
    singular = {n[:-1] for n in nouns if n.endswith("s")}
    plural = {n + "s" for n in nouns} | {n[:-1] + "ies" for n in nouns if n.endswith("y")}
    return frozenset(nouns | singular | plural)


@cache
def _word_groups(stem: Callable[[str], str], word: str, modes: bool) -> frozenset[int]:
    """The interaction groups (or media) of one folded word, found once per word."""
    table = _interaction_table(stem, modes)
    base = word
    if not modes:
        from assistant.prompts import irregular_forms

        base = irregular_forms().get(word, word)
    stemmed = stem(base)
    if stemmed in table:
        return table[stemmed]
    out: set[int] = set()
    for tail, groups in table.items():
        if len(tail) >= 4 and stemmed.endswith(tail) and len(stemmed) - len(tail) >= 3:
            out |= groups
    return frozenset(out)


def _same_person(mention: Mention, asked: Mention) -> bool:
    """Whether a sentence's mention is the question's own one: the same key or name, or the
    same surname ("Sergio Orm" is not "Sergio Dahl")."""
    a, b = fold(mention.name or mention.text), fold(asked.name or asked.text)
    return mention.key == asked.key or a == b or a.split()[-1:] == b.split()[-1:]


@cache
def light_verb_stems(stem: Callable[[str], str]) -> frozenset[str]:
    """Stems of the verbs whose meaning lies in their object ("hold talks"), in any inflection
    ("held" through the irregular table, "staged" through the stem)."""
    return frozenset(stem(v) for v in answer_rules().light_verbs)


@cache
def _interaction_table(
    stem: Callable[[str], str], modes: bool = False
) -> dict[str, frozenset[int]]:
    """Stem of each interaction word (or of each medium word) -> the groups it belongs to."""
    out: dict[str, set[int]] = {}
    rules = answer_rules()
    table = rules.interaction_modes if modes else rules.interaction_words
    for number, group in enumerate(table):
        for word in group:
            out.setdefault(stem(fold(word)), set()).add(number)
    return {k: frozenset(v) for k, v in out.items()}


class WhoExtractors(_Base):
    """Who-questions: people and bodies that did, met or hold what the question asks."""

    def _holds_asked_noun(
        self, frame: QuestionFrame, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """ "Which senator ...?" states what the answer is: of the candidates scored nearly as
        well, one the story calls by the asked noun ("Senator Ivo Dahl", "Dahl, a senator")
        answers over one it never does (a firm named in a better-matching sentence)."""
        focus = _who_focus(frame.text)
        if focus is None or focus not in person_nouns():
            return best
        stem = self.tokenizer.stem(focus)
        if self._given_noun(best, focus, stem):
            return best
        for other in candidates:
            if other.score < best.score - _ASKED_NOUN_MARGIN:
                break
            if other is not best and self._given_noun(other, focus, stem):
                log.append(f"{other.short!r} is called {focus!r}; {best.short!r} is not")
                return other
        return best

    def _name_over_description(
        self, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """ "Whom did Orm pick as his running mate?": "a woman" describes the one picked, a
        name scored nearly as well ("Ana Holt") says who it is."""
        if not _INDEFINITE_NP.match(best.short):
            return best
        for other in candidates:
            if other.score < best.score - _NAME_OVER_DESCRIPTION_MARGIN:
                break
            if other.kind is EntityKind.PERSON and other.short[:1].isupper():
                log.append(f"{other.short!r} names whom {best.short!r} describes")
                return other
        return best

    def _given_noun(self, candidate: Candidate, noun: str, stem: str) -> bool:
        """Whether the candidate's sentence writes `noun` beside its name, or its story
        describes the name by it elsewhere."""
        text = candidate.sentence.info.text
        surface = next((h for h in (*candidate.highlight, candidate.short) if h and h in text), "")
        if surface:
            at = text.find(surface)
            window = text[max(0, at - 40) : at + len(surface) + 40]
            if any(self.tokenizer.stem(fold(w)) == stem for w in re.findall(r"[\w'’-]+", window)):
                return True
        analysis = self.analyses.get(candidate.sentence.article)
        return self._describes_name(analysis, candidate.short, noun)

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
        asked = _asked_argument(frame.text)
        if asked is not None and asked[0] == "companion" and "side" in asked[1][0][1]:
            # "Who stood at Orm's side?": the story writes "at his side were ...", the place
            # beside him and not the light verb.
            return None
        stems = self.tokenizer(match.group(1))
        return stems[0] if stems else None

    def _verb_reported_as(self, frame: QuestionFrame, verb: str) -> set[str]:
        """Other words a sentence may report the question's verb with, as prefixes of their
        stems. "Who called Orm the best mayor?" and "Who told the paper that ...?" ask who said
        so: the story quotes the words and writes "said" (a phone call is a who_met question,
        never here). A light verb's meaning lies in its object: "Who put the questions to
        Orm?" is answered by "questions from Ivo Dahl", "Who gave them a briefing?" by "a
        briefing from ..."."""
        said = {self.tokenizer.stem(w)[:4] for w in ("said", "told", "described")}
        if verb in {self.tokenizer.stem("call"), self.tokenizer.stem("tell"), "told"}:
            return said
        if verb in {self.tokenizer.stem(w) for w in _REPORTING_VERBS}:
            # "Who announced his death?": "has died, according to Ivo Dahl" names who did.
            return {"acco"}
        head = self._light_verb_object(frame)
        return {head} if head else set()

    def _light_verb_object(self, frame: QuestionFrame) -> str | None:
        """The stem of the head noun after a light verb ("Who put the interview questions to
        ..." -> question), or None when the question's verb is no light verb or has a particle
        ("give up")."""
        from assistant.prompts import irregular_forms

        match = _WHO_VERB.match(frame.text)
        if not match:
            return None
        rules = answer_rules()
        word = fold(match.group(1))
        # Any inflection: "staged", "offered" are as light as "held" (the irregular table
        # only knows the irregular ones).
        base = irregular_forms().get(word, word)
        if base not in rules.light_verbs and self.tokenizer.stem(base) not in light_verb_stems(
            self.tokenizer.stem
        ):
            return None
        head = None
        for number, token in enumerate(_QUESTION_TOKENS.findall(frame.text[match.end() :])):
            lower = fold(token)
            if number == 0 and lower in _PARTICLES:
                return None
            if lower in _DETERMINERS or token[:1].isupper() or lower == "out":
                continue
            if lower in rules.phrase_closers or not token.isalpha():
                break
            head = lower
        return self.tokenizer.stem(head) if head else None

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

        # "Who did the Ardish prime minister meet?": the person the sentence gives that role
        # is the question's own, named by role only, and not whom they met.
        described: set[str] = set()
        if not persons:
            asked_words = set(re.findall(r"[a-z]+", fold(frame.text)))

            def by_role(role: str) -> bool:
                words = [w for w in re.findall(r"[a-z]+", fold(role)) if w not in _ROLE_FILLERS]
                return len(words) >= 2 and all(w in asked_words for w in words)

            # The lead usually introduces a person with the role; later sentences use the name.
            lead = self.analyses.get(scored.article).sentences[:3]
            described = {
                fold(m.name or m.text)
                for sentence in (info, *lead)
                for m in sentence.mentions
                if m.kind is EntityKind.PERSON
                and not m.role_only
                and by_role(_attached_role(sentence, m))
            }

        # "Who did President-elect Orm meet?": a question's name the entity rules dropped (a
        # common word in it) still names the asker's side: its surname, capitalised as written
        # and ending the name ("Orm Tower" is a building, not Orm).
        asked_surnames = set(
            re.findall(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]{2,})\b(?!['’-]|\s+[A-Z])", frame.text)
        )

        def asked(name: str) -> bool:
            words = name.split()
            return (
                self._in_question(frame, name)
                or fold(name) in described
                or (len(words) >= 2 and words[-1] in asked_surnames)
            )

        here_keys = {m.key for m in info.mentions} | {r.key for r in info.references}
        nearby = {
            m.id: m
            for m in self.engine.meetings_for(scored.article.id)
            if any(abs(i - info.index) <= 1 for i in m.sentences)
            and any(p.key in here_keys for p in m.participants)
        }
        # "a meeting with congressional Democrats": a body named by a word the meeting rules
        # took as its name is answered with the words that say which of them.
        first_verb = _MEET_VERB.search(info.text)
        met_group = self._group_object(info.text, first_verb.end()) if first_verb else None
        for meeting in {**nearby, **{m.id: m for m in self._meetings_for(frame, scored)}}.values():
            anchors = persons or frame.strong_entities()
            involved = (
                not anchors
                or any(self._same_entity(p.name, m) for p in meeting.participants for m in anchors)
                or (not persons and meeting.id in nearby)
            )
            others = [(p.name, p.kind) for p in meeting.participants if both or not asked(p.name)]
            names = pick(others)
            if not names:
                continue
            if met_group is not None:
                names = [
                    met_group[0] if met_group[0].endswith(" " + n) and n[:1].isupper() else n
                    for n in names
                ]
            named_here = {m.key for m in info.mentions}
            triggered_here = meeting.trigger.sentence == info.index or (
                bool(_MEET_VERB.search(info.text))
                and any(p.key in named_here for p in meeting.participants if not asked(p.name))
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
        asked_noun = _who_focus(frame.text)
        if asked_noun:
            # "Which illustrator joined Orm ...": the one the sentence calls an illustrator.
            yield from self._named_as_asked(frame, scored, asked_noun, _NAMED_AS_ASKED_SCORE)
        if answer_rules().asks_spoken_to.search(frame.text):
            # "Who did Orm speak to?": "Orm told the Harbour Gazette ..." says whom.
            yield from self._recipients(frame, scored)
        yield from self._interaction_party(frame, scored)
        yield from self._verb_argument(frame, scored)
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
            free = [m for m in actors if not _in_setting(info.text, max(0, m.start - 40), m.start)]
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
        if group is None and not persons and _ASKS_SUBJECT.search(frame.text):
            # "Who is holding talks?": "several opposition parties are holding talks" - the
            # subject of the question's verb is a body of people, and no name is asked with it.
            subject = self._group_subject(frame, info.text)
            if subject is not None:
                yield Candidate(
                    short=subject,
                    score=window_score,
                    sentence=scored,
                    rule="sentence-group-subject",
                    highlight=(subject,),
                )
                return
        objects = [
            m
            for m in actors
            if m.start >= verb.end()
            and not asked(m.name or m.text)
            and (passive or not _in_setting(info.text, max(verb.end(), m.start - 40), m.start))
            # A group met ("with leaders in law enforcement, ... said that America ..."): names
            # after it belong to another clause.
            and (group is None or m.start < group[1])
        ]
        if (passive or not objects) and group is None:
            objects += [m for m in actors if m.end <= verb.start() and not asked(m.name or m.text)]
        elif (
            objects
            and not wants_countries
            and all(m.kind is EntityKind.COUNTRY for m in objects)
            and group is None
        ):
            # "Holt asked Mirel, during a meeting this week, to keep Norvessa out of it": only
            # a country follows the meeting word, so the person the actor addressed before
            # it is the one met (a person was asked for, and the country is no person).
            objects += [
                m
                for m in actors
                if m.end <= verb.start()
                and m.kind is EntityKind.PERSON
                and not self._in_question(frame, m.name or m.text)
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

    def _name_list(
        self, frame: QuestionFrame, best: Candidate, candidates: list[Candidate], log: list[str]
    ) -> Candidate:
        """ "Which tribes ...?" asks for several: a name that the evidence lists with others of
        its kind ("the Orvik Sioux and Tessa Sioux") answers with the whole list. "With whom did
        Holt found the band?" asks the others of a joint act: when the name stands in a list
        with the question's own party ("Holt, Mirel and drummer Ana Brask formed it"), the
        answer is the rest of that list. Names the question gives are never part of it."""
        if len(best.highlight) > 1 or " and " in best.short:
            return best  # already a list
        asked_noun = fold(_who_focus(frame.text) or "")
        several = answer_rules().asks_several.search(frame.text)
        if several and not _PLURAL_ASKED.match(asked_noun):
            asked_noun = fold(several.group().split()[-1])
        plural = bool(_PLURAL_ASKED.match(asked_noun))
        joint = bool(answer_rules().asks_joint.search(frame.text))
        if not (plural or joint):
            return best
        for other in candidates:
            if other.score < best.score - _NAME_LIST_MARGIN or (joint and other is not best):
                break
            if plural and (len(other.highlight) > 1 or " and " in other.short):
                # A list scored nearly as well as the single name answers the plural better.
                log.append(f"{other.short!r}: the question asks for several")
                return other
            if not other.highlight or len(other.highlight) > 1:
                continue
            run = coordinated_run(other.sentence.info, other.highlight[0], _PARTY_KINDS)
            if not run:
                continue
            mine = [
                m
                for m in run
                if self._in_question(frame, m.text) or self._in_question(frame, m.name)
            ]
            rest = [m for m in run if m not in mine]
            names = _dedupe_names([m.name or m.text for m in rest])
            if (joint and not mine) or len(names) < (1 if joint else 2):
                # A joint act's list must hold the question's party; a plural asks for two.
                continue
            log.append(f"{other.short!r} stands in a list of {_join(names)!r}")
            return replace(
                other,
                short=_join(names),
                rule=f"name-list:{other.rule}",
                highlight=tuple(m.text for m in rest),
            )
        if plural:
            return self._members_of_asked(frame, best, asked_noun, log)
        return best

    def _members_of_asked(
        self, frame: QuestionFrame, best: Candidate, noun: str, log: list[str]
    ) -> Candidate:
        """ "Which tribes ...?" - "led by Native tribes, notably the Orvik Sioux and Tessa
        Sioux": the best sentence writes the asked plural noun and lists its members right
        after it; they answer, not the name the noun was modified by."""
        info = best.sentence.info
        after = answer_rules().list_members_after
        folded = fold(info.text)
        for found in re.finditer(rf"\b{re.escape(noun)}\b", folded):
            opening = after.match(info.text, found.end())
            if opening is None:
                continue
            first = next(
                (
                    m
                    for m in info.mentions
                    if m.start == opening.end() and m.kind in _PARTY_KINDS and not m.role_only
                ),
                None,
            )
            if first is None:
                continue
            run = coordinated_run(info, first.text, _PARTY_KINDS)
            rest = [
                m
                for m in run
                if not self._in_question(frame, m.text) and not self._in_question(frame, m.name)
            ]
            names = _dedupe_names([m.name or m.text for m in rest])
            if not run or run[0] is not first or len(names) < 2:
                continue
            log.append(f"the sentence lists the {noun} asked: {_join(names)!r}")
            return replace(
                best,
                short=_join(names),
                rule="name-list:members",
                highlight=tuple(m.text for m in rest),
                kind=first.kind,
            )
        return best

    def _group_object(self, text: str, after: int) -> tuple[str, int] | None:
        """The group a meeting verb takes as its object, right after it ("met the families") or
        after "with" later in the same clause ("a meeting at the White House Wednesday with
        leaders in law enforcement"); the phrase and where it ends."""
        group = answer_group_np().match(text, after)
        to = re.compile(r"\s+to\s+").match(text, after)
        if not group and to:
            # "spoke to reporters outside the court": whom one speaks to is whom one met.
            group = answer_group_np().match(text, to.end())
        if not group:
            with_ = re.compile(r"\bwith\s+").search(text, after, after + 80)
            if with_ is None or re.search(r"[,;:.]", text[after : with_.start()]):
                return None
            group = answer_group_np().match(text, with_.start())
            if not group:
                return None
        phrase, end = group.group(1).strip(), group.end()
        more = _AND_GROUP.match(text, end)
        if more and _of_people(more.group(1)):
            # "met with reporters and editors from the Gazette": one group of two kinds.
            phrase, end = text[group.start(1) : more.end()].strip(), more.end()
        return re.sub(r"^(?:with|the)\s+", "", phrase), end

    def _group_subject(self, frame: QuestionFrame, text: str) -> str | None:
        """A body of people that opens a clause and is the subject of the question's own verb
        (or a verb of meeting): "Sunday, relief crews from two states offered help"."""
        asked = {
            self.tokenizer.stem(w) for w in self.tokenizer.words(frame.text) if len(w) > 3
        } | self._meeting_verb_stems()
        pattern = answer_group_np()
        for opening in _CLAUSE_OPENING.finditer(text):
            at = opening.end()
            # "Relatives of the boy attended": a sentence's capital is no name's.
            probe = text[:at] + text[at : at + 1].lower() + text[at + 1 :] if at == 0 else text
            found = pattern.match(probe, at)
            if found is None or found.start(1) != at or _NOT_IN_GROUP.search(found.group(1)):
                # "But as political leaders": a clause's own opening words are not the body's.
                continue
            gap = _GROUP_VERB_GAP.match(text, found.end())
            word = _NEXT_WORD.match(text, gap.end() if gap else found.end())
            if word is None:
                continue
            if self.tokenizer.stem(fold(word.group(1))) in asked:
                phrase = text[found.start(1) : found.end(1)].strip()
                return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
        return None

    def _common_subject(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """Who did the asked act when the story gives no name but a common noun phrase in the
        subject slot of the question's own verb ("A senior official told us ...", "Relief
        crews from two towns carried ..."). Only for "Who VERB ...?": a question that asks for
        a name ("Who is ...", "Which officer ...") is not answered by a common noun. Ranked
        below any name, so a named doer in any pooled sentence wins."""
        rules = answer_rules()
        asked = rules.common_asks_subject.match(frame.text)
        if asked is None:
            return
        verb = fold(asked.group(1))
        if verb in _DETERMINERS or verb in _NOT_ASKED_VERBS:
            # "Who is the ...", "Who was it that ...": no verb is asked.
            return
        text = scored.info.text
        stem = self.tokenizer.stem
        passive = _BE_WORD.search(frame.text, 0, asked.start(1)) is not None and not verb.endswith(
            "ing"
        )
        thing = rules.common_asked_object.match(frame.text, asked.end())
        if (
            thing
            and thing.group(1)[:1].islower()
            and not self._people_head(fold(thing.group(1).split()[-1]))
        ):
            # "Who won the costume contest?": the thing the act is done to makes the act;
            # whom one told is anyone ("told us").
            wanted = {
                stem(fold(w))
                for w in thing.group(1).split()
                if len(w) > 3 and fold(w) not in self.tokenizer.stopwords
            }
            if wanted and not wanted & self._sentence_stems(scored.article, scored.info):
                return
        stems = self._verb_stems(verb, frame.text[asked.end() :])
        stems |= self._synonym_stems([verb]).get(stem(verb), frozenset())
        question_stems = {stem(fold(w)) for w in re.findall(r"[\w'’-]+", frame.text)}
        names = [(m.start, m.end) for m in scored.info.mentions if m.kind is EntityKind.PERSON]
        for use in re.finditer(r"[\w'’-]+", text):
            if stem(fold(use.group())) not in stems:
                continue
            found = rules.common_subject_before.search(text, 0, use.start())
            if found is None:
                continue
            if (_BE_WORD.search(found.group("gap")) is not None) != passive and not fold(
                use.group()
            ).endswith("ing"):
                # "Who was arrested?" asks whom the act was done to; the subject of "officials
                # arrested a man" did it. The voices must agree.
                continue
            words = found.group("np").split()
            while words and fold(words[0]) in rules.common_determiners:
                words = words[1:]
            # "a group of protesters": the collective's "of" is the phrase's own.
            inner = words[2:] if len(words) > 2 and fold(words[1]) == "of" else words
            if not inner or any(fold(w) in rules.common_not_in_phrase for w in inner):
                continue
            if any(a <= found.start("np") < b or a < found.end("np") <= b for a, b in names):
                # A named person's title ("Judge Ana Holt ruled") is the name's to answer.
                continue
            before = text[: found.start("np")].rstrip()
            if before.endswith(",") and any(
                re.fullmatch(r"\s*,\s*", text[m.end : found.start("np")])
                for m in scored.info.mentions
                if m.kind is not EntityKind.PLACE
            ):
                # "Ana Holt, a nurse, said ...": the phrase describes the name before it.
                continue
            head = fold(words[-1])
            post = (found.group("post") or "").split()
            if not self._people_head(head) and post[:1] == ["of"]:
                # "A group of protesters", "a team of divers": the people are after "of".
                head = fold(post[-1])
            if not (self._people_head(head) and stem(head) not in question_stems):
                # "Lawmakers told lawmakers ..." : the question's own words are no answer.
                continue
            phrase = " ".join(words) + (found.group("post") or "")
            if self._in_question(frame, phrase):
                continue
            yield Candidate(
                short=phrase,
                score=_COMMON_SUBJECT_SCORE,
                sentence=scored,
                rule="common-noun-subject",
                highlight=(phrase,),
            )
            return

    def _people_head(self, head: str) -> bool:
        """Whether a lower-case head noun stands for people: a person noun (or its plural), a
        group noun of the lexicon or the answer rules, one of the extra heads listed, or a plural
        agent noun."""
        nouns = person_nouns()
        return (
            head in nouns
            or (head.endswith("s") and head[:-1] in nouns)
            or head in _people_group_heads()
            or bool(answer_rules().common_agent_plural.match(head))
        )

    def _who(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        text = info.text
        speaker = self.quote_speaker(frame, scored)
        if speaker is not None:
            before, cost, mark = speaker
            for candidate in self._who(frame, before):
                candidate.score -= cost
                candidate.rule += mark
                yield candidate
            return
        whose = re.match(r"^\s*whose\s+(\w+)", frame.text, re.I)
        if whose:
            # "Orm's data", and a name written as the noun's modifier: "Johns Hopkins
            # University (JHU) data".
            for hit in re.finditer(
                r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)(?:['’]s|\s+\([A-Z]{2,}\))?\s+"
                + re.escape(whose.group(1))
                + r"\b",
                text,
            ):
                if not self._in_question(frame, hit.group(1)):
                    yield Candidate(
                        short=hit.group(1),
                        score=1.0,
                        sentence=scored,
                        rule="possessive",
                        highlight=(hit.group(1),),
                    )
        addressed_body = answer_rules().asks_addressed_body.match(frame.text)
        if _ASKS_RECIPIENT.match(frame.text) or addressed_body:
            yield from self._recipients(frame, scored)
        if (
            _PARTY_OPENING.match(frame.text)
            or _ASKS_INTERACTOR.match(frame.text)
            or _STRANDED_PREPOSITION.search(frame.text)
        ) and any(m.kind is not EntityKind.PLACE for m in frame.strong_entities()):
            # "To which paper did Orm write?", "Which outlet interviewed Orm?": the body asked
            # is the other party of an interaction with a named one.
            yield from self._interaction_party(frame, scored)
        asked_noun = _who_focus(frame.text)
        if asked_noun:
            as_asked = list(self._named_as_asked(frame, scored, asked_noun, _NAMED_AS_ASKED_SCORE))
            yield from as_asked
            if any(c.rule.endswith(":nearest") for c in as_asked):
                # The sentence names several holders of the asked noun and the question's words
                # chose one; any other name in it is someone else's.
                return
        if addressed_body:
            return
        yield from self._verb_argument(frame, scored)
        if _ASKS_ANY_SUBJECT.match(frame.text) and all(
            self._sentence_has(info, m) for m in frame.strong_entities()
        ):
            # "Who rallied in Orvik?": "The protesters rallied in Orvik" - a body of people as
            # the subject of the question's verb, in a sentence that writes all it names.
            subject = self._group_subject(frame, text)
            if subject is not None and not self._in_question(frame, subject):
                yield Candidate(
                    short=subject,
                    score=_GROUP_SUBJECT_SCORE,
                    sentence=scored,
                    rule="sentence-group-subject",
                    highlight=(subject,),
                )
        yield from self._common_subject(frame, scored)
        people = [
            m
            for m in info.mentions
            if m.kind in {EntityKind.PERSON, EntityKind.ORGANISATION} and not m.role_only
        ]
        people += [r for r in info.references if r.rule == "title-reference"]
        # "..., he told a German newspaper" / "He finished second": the subject pronoun stands
        # for the person it was resolved to.
        agent_verbs = self._agent_verb_spans(frame, text, scored.article.text)
        people += [
            r
            for r in info.references
            if r.rule == "pronoun"
            and r.text.lower() in {"he", "she"}
            and (
                re.match(r"\s+" + _SAY_VERBS, info.text[r.end :])
                or r.start == 0
                # "During his presidency he ended ...": the subject of the question's own verb.
                or any(_PRONOUN_TO_VERB.fullmatch(text, r.end, v) for v, _ in agent_verbs)
            )
        ]
        candidates = [m for m in people if not self._in_question(frame, m.name or m.text)]
        if not candidates:
            return
        if (
            agent_verbs
            and _asks_doer().match(frame.text)
            and all(_passive_before().search(text, 0, v) for v, _ in agent_verbs)
            and not any(
                (by := _by_agent().match(text, v_end)) is not None
                # "sentenced ... by a court in Multan": an agent the story leaves unnamed (not
                # "by a detainee, believed to be Kaspar Ovington").
                and not (
                    _UNNAMED_AGENT.match(text, by.end())
                    and not any(
                        m.kind is EntityKind.PERSON and m.start > by.end() for m in info.mentions
                    )
                )
                for _, v_end in agent_verbs
            )
        ):
            # "Ivo Dahl was poisoned": the asked deed in the passive with no "by" says who
            # suffered it, not who did it; any other name here is someone else.
            return
        entity_stems = {s for m in frame.entities for s in self.tokenizer(m.name or m.text)}
        q_stems = set(self.tokenizer(frame.text)) - entity_stems
        anchors = [
            w.start()
            for w in re.finditer(r"[\w'-]+", text)
            if self.tokenizer.stem(fold(w.group())) in q_stems
        ]
        say = [m.start() for m in re.finditer(_SAY_VERBS, text)]
        asks_says = _ASKS_SAYING.search(frame.text) is not None
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
        from assistant.knowledge.lexicon import lexicon

        # "Who is the presidential spokesman ...": a title the answer must carry.
        asked_title = focus if focus and focus in lexicon().title_heads_folded else None
        ranks = answer_rules().rank_modifiers
        asked_rank = _rank_of(fold(frame.text), asked_title, ranks) if asked_title else None
        roles, successor = self._asked_roles(frame, focus)
        holds_now = bool(_HOLDS_NOW.match(frame.text))
        role_stems = {self.tokenizer.stem(r) for r in roles}
        owner_stems = q_stems - role_stems - {self.tokenizer.stem(w) for w in _QUESTION_WORDS}
        proper = self.engine.proper_words
        # "Which Danish retailer ...": a noun that is no known kind of body still asks for one
        # when the sentence writes it as an organisation's title ("retailer Corvan Group").
        titled_body = (
            focus is not None
            and focus_stem is not None
            and focus not in _ORG_FOCUS
            and focus not in lexicon().title_heads_folded
            and any(
                m.kind is EntityKind.ORGANISATION and self._titled_with(text, m, focus_stem)
                for m in candidates
            )
        )
        # The subject of the asked verb across an apposition ("Dana Holt, the lawyer of one of
        # the accused, Ivo Marr, told ..."): names inside the apposition are not who told.
        subjects = [
            (m, v_start)
            for m in candidates
            for v_start, _ in agent_verbs
            if _subject_of(text, m, v_start)
        ]
        scored_people = []
        heads = lexicon().title_heads_folded
        for m in candidates:
            held = ""
            if m.kind is EntityKind.ORGANISATION and not (focus in _ORG_FOCUS or titled_body):
                # "said Ivo Press, the vice chairman of Corvan": a name that holds a person's
                # title is a person's, whatever word of it looked like a body's.
                role = _attached_role(info, m)
                if {fold(w).rstrip(".") for w in re.findall(r"[\w.'’-]+", role)} & heads:
                    held = role
            distance = min((abs(m.start - a) for a in anchors), default=200)
            score = 0.8 - min(distance, 200) / 400
            if focus in _ORG_FOCUS or titled_body:
                # A capitalised name of unknown kind may be a firm; a titled person is not.
                score += (
                    0.6
                    if m.kind is EntityKind.ORGANISATION
                    else 0.0
                    if m.rule == "name-shape"
                    else -0.4
                )
            elif m.kind is EntityKind.PERSON or held:
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
            is_subject = any(subject is m for subject, _ in subjects)
            if asks_says and say and (is_subject or min(abs(m.start - s) for s in say) < 40):
                score += 0.4
            if m.rule == "title-reference":
                score -= 0.2
            if (
                m.kind is EntityKind.PERSON
                # (A name only shaped like a person's may be a body's: "the Malaysia Tourism
                # board".)
                and m.rule != "name-shape"
                and _THE_BEFORE.search(text, max(0, m.start - 6), m.start)
                and _NOUN_AFTER.match(text, m.end)
            ):
                score -= 0.6
            if any(
                re.fullmatch(r"\s+(?:by\s+(?:the\s+)?)", text[v_end : m.start])
                or (
                    _SUBJECT_TO_VERB.fullmatch(text, m.end, v_start)
                    and not _named_in_apposition(info, m.end, v_start)
                )
                for v_start, v_end in agent_verbs
            ):
                # "The warehouse was leased by Corvan Logistics", "Corvan leased ...": who did
                # what the question asks.
                score += 0.4
            if is_subject:
                score += 0.4
            elif any(subject.end <= m.start < v_start for subject, v_start in subjects):
                score -= 0.4
            if asked_title and ((m.kind is EntityKind.PERSON and m.title) or held):
                # A president is not the spokesman the question asks for; but "Pentagon
                # spokesman Navy Capt. Ivo Dahl" is one, with a rank nearer his name. A vice
                # chairman is not the chairman, nor the other way round.
                role_text = f"{fold(m.title or '')} {fold(held or _attached_role(info, m))}"
                fits = (
                    asked_title in role_text or self._holds_by_verb(role_text, asked_title)
                ) and _rank_of(role_text, asked_title, ranks) == asked_rank
                score += 0.3 if fits else -0.5
            if roles or successor:
                attached = _attached_role(info, m)
                words = {fold(w) for w in re.findall(r"[\w'’-]+", attached)}
                if roles and {w.rstrip("s") for w in words} & roles:
                    # "Lena Marsh, Executive Director of the Tarrow Fund": the holder
                    # of the asked role, the more so when it is the asked body's.
                    stems = {self.tokenizer.stem(w) for w in words}
                    score += 0.2 + 0.25 * min(3, len(stems & owner_stems))
                if successor:
                    lex = lexicon()
                    if words & lex.successor_cues:
                        score += 0.4
                    if words & lex.predecessor_cues:
                        score -= 0.4
                elif holds_now and words & lexicon().predecessor_cues:
                    # "Who is the commander ...?" asks for the holder now, not "a former
                    # commander".
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

        def named(score: float, m: Mention, kind: str = "person") -> Candidate:
            return Candidate(
                short=m.name or m.text,
                score=score,
                sentence=scored,
                rule=f"sentence-{kind}:{m.rule}",
                highlight=(m.text,),
                kind=m.kind,
            )

        chosen = None
        for score, best in scored_people:
            kind = "body" if titled_body and best.kind is EntityKind.ORGANISATION else "person"
            candidate = named(score, best, kind)
            chosen = chosen or candidate
            if self._misfit_reason(frame, candidate) is None:
                # The sentence's best name that can answer at all: "Congressman Ivo Dahl, who
                # chairs the House Oversight ..." is not lost to "House Oversight", which the
                # question names.
                chosen = candidate
                break
        if chosen is not None:
            yield chosen
            if chosen.kind is EntityKind.ORGANISATION and not (focus in _ORG_FOCUS or titled_body):
                # "said Ivo Dahl, head of the Property Agency (PA), after opening the offer":
                # a "Who ...?" may be the person the body's name stands next to; the person
                # is offered too, for the answer to weigh against the body.
                person = next(
                    (
                        named(score, m)
                        for score, m in scored_people
                        if m.kind is EntityKind.PERSON and not m.role_only
                    ),
                    None,
                )
                if person is not None and self._misfit_reason(frame, person) is None:
                    yield person

    def _named_as_asked(
        self, frame: QuestionFrame, scored: Scored, noun: str, score: float
    ) -> Iterable[Candidate]:
        """Names the sentence gives the question's asked noun (the head of its wh-phrase): the
        noun as a title right before them ("illustrator Ana Holt", "Harbour associates Ivo Dahl
        and Ana Holt": every name of the list when the noun is plural, "executive director
        Ana Holt": a role noun may follow it), or after a name ("the Harbour Post news
        service"). Whatever the question's verb, the noun says which of the names is asked."""
        from assistant.knowledge.lexicon import lexicon

        if any(
            m.kind in {EntityKind.PLACE, EntityKind.COUNTRY} and fold(m.text) == noun
            for m in frame.entities
        ):
            # "Which park in Reading": a place's name, not the asked noun.
            return
        info = scored.info
        text = info.text
        stem = self.tokenizer.stem(fold(noun))
        plural = noun.endswith("s") and not noun.endswith("ss")
        asked_words = {fold(w) for w in re.findall(r"[\w'’-]+", frame.text)}
        roles = lexicon().title_heads_folded | person_nouns()
        # Any kind of name: the asked noun says what it is ("reality show Terrace House" is a
        # show, whatever the recogniser took it for).
        # A person noun ("Which illustrator") asks for a person.
        person = (
            noun in person_nouns()
            or noun.rstrip("s") in person_nouns()
            or bool(_AGENT_NOUN.search(noun))
        )
        names = sorted(
            (
                m
                for m in info.mentions
                if not m.role_only
                and not self._in_question(frame, m.name or m.text)
                and (m.kind is EntityKind.PERSON or not person)
            ),
            key=lambda m: m.start,
        )
        ranks = answer_rules().rank_modifiers
        asked_rank = _rank_of(fold(frame.text), fold(noun), ranks)
        picks: list[tuple[int, Candidate]] = []
        for word in re.finditer(r"[\w'’-]+", text):
            if self.tokenizer.stem(fold(word.group())) != stem:
                continue
            prior = re.search(r"(\w+)[\s-]+$", text[max(0, word.start() - 30) : word.start()])
            rank = fold(prior.group(1)) if prior else None
            if (rank if rank in ranks else None) != asked_rank:
                # "vice chairman Ivo Dahl" is not the chairman asked for, nor the other way.
                continue
            # "the Tarrow Heritage Program": the noun ends the name itself; or opens it, as a
            # head noun does in French or Spanish ("Agence Tessaire-Presse" for "agency").
            found: list[Mention] = [
                m
                for m in names
                if word.group()[:1].isupper()
                and (
                    (m.end == word.end() and m.start < word.start())
                    or (m.start == word.start() and m.end > word.end())
                )
                and m.kind is not EntityKind.PERSON
            ]
            if found:
                picks.append((word.start(), self._named_candidate(scored, found, score)))
                continue
            if person:
                # "said Ivo Press, the vice chairman of Corvan": the title in apposition after
                # a name names it as a title before it would (a name that holds a person's
                # title is a person's, whatever the recogniser took it for).
                found = [
                    m
                    for m in info.mentions
                    if m.kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
                    and not m.role_only
                    and m.end <= word.start()
                    and _APPOSED_TITLE.fullmatch(text, m.end, word.start())
                    # "At the Gazette, Corvan vice chairman ...": another name between.
                    and not any(
                        m.end < o.start < word.start() and not o.role_only for o in info.mentions
                    )
                    and not self._in_question(frame, m.name or m.text)
                ][-1:]
                if found:
                    picks.append((word.start(), self._named_candidate(scored, found, score)))
                    continue
            for m in names:
                between = text[word.end() : m.start]
                # "Two Harbour Representatives, Ana Holt and Ivo Dahl, ...": the names may
                # follow the noun's phrase in apposition.
                if m.start >= word.end() and re.fullmatch(r"(?:\s+[\w-]+){0,2}\s*,?\s+", between):
                    if all(
                        fold(w) in roles or fold(w).removesuffix("s") in roles
                        for w in between.replace(",", " ").split()
                    ):
                        found = [m]
                    break
            while plural and found:
                following = next((m for m in names if m.start >= found[-1].end), None)
                if following is None or not _COORDINATED.fullmatch(
                    text, found[-1].end, following.start
                ):
                    break
                found.append(following)
            if not found and not person:
                # "the Harbour Post news service"; before a person noun a name is the
                # person's employer ("Harbour TV photographer Ana Holt"), not the person.
                before = [
                    m
                    for m in names
                    if m.end <= word.start()
                    and re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s+", text[m.end : word.start()])
                    and all(fold(w) in asked_words for w in text[m.end : word.start()].split())
                ]
                found = before[-1:]
            if not found:
                # "debut for promotion Tarn-2": a name the entity rules did not keep.
                bare = _TITLED_BARE.match(text, word.end())
                if (
                    bare
                    and not _DATE_WORD.match(bare.group(1))
                    and not self._in_question(frame, bare.group(1))
                ):
                    bare_name = Candidate(
                        short=bare.group(1),
                        score=score,
                        sentence=scored,
                        rule="named-as-asked:bare",
                        highlight=(bare.group(1),),
                    )
                    picks.append((word.start(), bare_name))
                continue
            picks.append((word.start(), self._named_candidate(scored, found, score)))
        if picks:
            yield self._nearest_asked(frame, text, picks)
            return
        yield from self._of_asked_owner(frame, scored, noun, names, score)

    def _speaker_sentence_before(self, frame: QuestionFrame, scored: Scored) -> Scored | None:
        """For "Who said ...?", the sentence before one that is a bare quotation (it opens with
        a quote mark and has no verb of saying; the people it names are spoken of) when that
        sentence reports someone speaking."""
        info = scored.info
        if (
            info.index <= 0
            or not _ASKS_SAYING.search(frame.text)
            or not _OPENS_QUOTE.match(info.text)
            or answer_rules().speaker_verb.search(info.text)
        ):
            return None
        sentence = self.analyses.get(scored.article).sentences[info.index - 1]
        if not answer_rules().speaker_verb.search(sentence.text) or not sentence.people():
            return None
        return Scored(scored.article, sentence, scored.score, scored.coverage, scored.entity_hits)

    def quote_speaker(
        self, frame: QuestionFrame, scored: Scored
    ) -> tuple[Scored, float, str] | None:
        """For a question about who said something, the sentence that names the speaker of a
        quotation standing without one, with how much less its names weigh and the rule's
        mark: '... said Trump's campaign manager, Kelleyanne Conway, on ABC. "Clinton is
        having a hard time ..."' (the sentence before), or '"It's pretty ugly. ...?" said
        Bill Strazzullo.' (where a quotation of several sentences closes, and only there)."""
        before = self._speaker_sentence_before(frame, scored)
        if before is not None:
            return before, _QUOTE_CARRIED_COST, ":quote-before"
        if _ASKS_SAYING.search(frame.text) or self._quoted_phrases(frame):
            closer = self.quotation_closer(scored)
            if closer is not None:
                return closer, _QUOTE_CLOSED_COST, ":quote-closed"
        return None

    def quotation_closer(self, scored: Scored) -> Scored | None:
        """The sentence that closes a quotation this one opens and names who spoke it:
        '"It's pretty ugly. ... Is global growth really that strong?" said ... Bill
        Strazzullo.' (a quotation of several sentences is attributed once, at its end)."""
        info = scored.info
        says = answer_rules().speaker_verb
        if (
            not _OPENS_QUOTE.match(info.text)
            or len(_QUOTE_MARK.findall(info.text)) % 2 == 0
            or says.search(info.text)
        ):
            return None
        sentences = self.analyses.get(scored.article).sentences
        for index in range(info.index + 1, min(len(sentences), info.index + _QUOTE_SPAN)):
            sentence = sentences[index]
            close = _QUOTE_MARK.search(sentence.text)
            if close is None:
                continue
            if says.match(sentence.text, close.end() + 1) is None and not says.search(
                sentence.text, close.end(), close.end() + 40
            ):
                return None
            if not sentence.people():
                return None
            return Scored(
                scored.article, sentence, scored.score, scored.coverage, scored.entity_hits
            )
        return None

    def _nearest_asked(
        self, frame: QuestionFrame, text: str, picks: list[tuple[int, Candidate]]
    ) -> Candidate:
        """Of several names the sentence gives the asked noun ("Plotena, the mayor of
        Esperanza, announced ..., while Duterte, the mayor of Davao City, cancelled ..."), the
        one whose stretch of the sentence (up to the next such noun) holds most of the
        question's words; the first on a tie."""
        if len({fold(c.short) for _, c in picks}) == 1:
            # "Major General Bradley Becker, commanding general of ...": one person.
            return picks[0][1]
        asked = {
            self.tokenizer.stem(fold(w))
            for w in re.findall(r"[\w'’-]+", frame.text)
            if fold(w) not in self.tokenizer.stopwords
        }
        bounds = [at for at, _ in picks] + [len(text)]
        best, best_hits = picks[0][1], -1
        for (at, candidate), until in zip(picks, bounds[1:], strict=True):
            # The name may stand before its noun ("Duterte, the mayor"): its words count too.
            begin = min([at, *(text.find(h) for h in candidate.highlight if h in text)])
            hits = len(
                asked
                & {self.tokenizer.stem(fold(w)) for w in re.findall(r"[\w'’-]+", text[begin:until])}
            )
            if hits > best_hits:
                best, best_hits = candidate, hits
        return replace(best, rule=f"{best.rule}:nearest")

    def _of_asked_owner(
        self,
        frame: QuestionFrame,
        scored: Scored,
        noun: str,
        names: list[Mention],
        score: float,
    ) -> Iterable[Candidate]:
        """ "Which Harbour Post reporter ...": the body named before the asked noun owns the
        person, whom the sentence writes as "Ana Holt of the Harbour Post" or "the Harbour
        Post's Ana Holt"."""
        words = re.findall(r"[\w'’.&-]+", frame.text)
        lower = [w.lower() for w in words]
        at = next(
            (
                i
                for i, w in enumerate(lower)
                if w in {"which", "what"} and noun in lower[i + 2 : i + 6]
            ),
            None,
        )
        if at is None:
            return
        owner = [fold(w) for w in words[at + 1 : lower.index(noun, at + 2)]]
        if not any(w[:1].isupper() for w in words[at + 1 : at + 1 + len(owner)]):
            return
        text = scored.info.text
        for m in names:
            if m.kind is not EntityKind.PERSON:
                continue
            # No pattern made per question: the owner's words are compared as words.
            of = _OF_OWNER.match(text, m.end)
            after = [fold(w) for w in re.findall(r"[\w'’.&-]+", text[of.end() :])] if of else []
            before = [
                fold(w) for w in re.findall(r"[\w'’.&-]+", text[max(0, m.start - 80) : m.start])
            ]
            if after[: len(owner)] == owner or (
                before[-len(owner) :][:-1] == owner[:-1]
                and before[-1:] in ([owner[-1] + "'s"], [owner[-1] + "’s"])
            ):
                yield self._named_candidate(scored, [m], score)
                return

    def _named_candidate(self, scored: Scored, found: list[Mention], score: float) -> Candidate:
        short = _join(_dedupe_names([m.name or m.text for m in found]))
        return Candidate(
            short=short,
            score=score,
            sentence=scored,
            rule="named-as-asked",
            highlight=tuple(m.text for m in found),
            # A body the sentence names by the asked noun is no lesser answer than a person.
            kind=EntityKind.PERSON if found[0].kind is EntityKind.PERSON else None,
        )

    def _meeting_verb_stems(self) -> frozenset[str]:
        return frozenset(self.tokenizer.stem(v) for v in answer_rules().meeting_verbs)

    def _verb_stems(self, verb: str, tail: str) -> frozenset[str]:
        """The stems a sentence may write the question's verb with: its own, and those of the
        verbs `argument_verbs` groups with it."""
        stem = self.tokenizer.stem(fold(verb))
        stems = {stem}
        after = {fold(w) for w in tail.split()}
        for group in answer_rules().argument_verbs:
            for entry in group:
                head, *needed = entry.split()
                if self.tokenizer.stem(head) == stem and all(w in after for w in needed):
                    stems |= {self.tokenizer.stem(e.split()[0]) for e in group}
        return frozenset(stems)

    def _verb_argument(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """The one the question asks for as an argument of its own verb: whom the question's
        subject sent, told, urged or helped ("sent his sister a letter", "told an informant"),
        whom it worked or rode with ("with a driver"), who did the deed together with the
        named one ("Dahl and Orm held a briefing"). The sentence must write the verb (or a
        verb grouped with it) after the question's subject."""
        asked = _asked_argument(frame.text)
        if asked is None:
            return
        role, readings = asked
        if any(
            (
                self.tokenizer.stem(fold(verb)) in self._meeting_verb_stems()
                # "called on Congress to ...", "called for a vote": a demand, not a call.
                and not _CALL_NOT_MEETING.match(f"{verb} {tail}")
            )
            or (role != "companion" and _MEETING_NOUN.match(tail))
            for verb, _, tail in readings
        ):
            # Whom someone met, visited, joined or held talks with is the meeting rules' to
            # find (under any reading: "the Ardish prime minister meet" is not "prime").
            return
        for verb, subject, tail in readings:
            found = list(self._reading_argument(frame, scored, role, verb, subject, tail))
            if found:
                yield from found
                return

    def _reading_argument(
        self,
        frame: QuestionFrame,
        scored: Scored,
        role: str,
        verb: str,
        subject: tuple[str, ...],
        tail: str,
    ) -> Iterable[Candidate]:
        """The asked argument under one reading of the question (see `_verb_argument`)."""
        info = scored.info
        text = info.text
        stems = self._verb_stems(verb, tail)
        uses = [
            w
            for w in re.finditer(r"[\w'’-]+", text)
            if self.tokenizer.stem(fold(w.group())) in stems
        ]
        if role == "companion" and "side" in subject:
            # "Who stood at Orm's side?": "At his side were his wife Ana and ...".
            beside = _AT_SIDE.search(text)
            found = _argument_at(info, beside.end()) if beside else None
            if found is not None and not found[2] and not _names_asked(frame, found[0]):
                yield Candidate(
                    short=found[0],
                    score=_ARGUMENT_SCORE,
                    sentence=scored,
                    rule="verb-argument:beside",
                    highlight=(found[0],),
                )
        if not uses:
            return
        named = [
            m
            for m in list(info.mentions) + list(info.references)
            if self._in_question(frame, m.name or m.text)
            and any(fold(w) in fold(m.name or m.text) or fold(w) in fold(m.text) for w in subject)
        ]
        # The subject's own words, when the sentence names it in a way the entity rules did
        # not keep ("Fox, which partnered with ...", "One resident told ...").
        subject_stems = {
            self.tokenizer.stem(fold(re.sub(r"['’]s?$", "", w)))
            for w in subject
            if fold(w) not in _NP_OPENERS and len(w) > 2
        }
        if role == "agent":
            yield from self._passive_agent(frame, scored, uses, tail)
            return
        # Where the sentence writes the question's subject: its mentions, and the capitalised
        # words of its name the entity rules did not keep ("..., Apple and Orm agreed").
        own_spans = [(m.start, m.end) for m in named]
        own_spans += [
            (w.start(), w.end())
            for w in re.finditer(r"[A-Z][\w'’-]*", text)
            if self.tokenizer.stem(fold(w.group())) in subject_stems
            and not any(m.start <= w.start() < m.end for m in info.mentions)
        ]
        for use in uses:
            if role == "companion":
                yield from self._companion(frame, scored, own_spans, use.start())
                continue
            window = text[max(0, use.start() - 160) : use.start()]
            has_subject = any(m.end <= use.start() and use.start() - m.end <= 160 for m in named)
            if not has_subject and subject_stems:
                has_subject = any(
                    self.tokenizer.stem(fold(w)) in subject_stems
                    for w in re.findall(r"[\w'’-]+", window)
                )
            if (
                not has_subject
                and role == "object"
                and self.tokenizer.stem(fold(use.group())) in self._symmetric_stems()
            ):
                # "Which team did England face?" - "Tunisia faced England": who plays whom is
                # the same match either way round, so the subject answers.
                yield from self._symmetric_subject(frame, scored, subject, use)
                continue
            if not has_subject or _NEGATED.search(text, 0, use.start()):
                # "She did not endorse anyone" names no one she endorsed.
                continue
            if not use.group().endswith("ing") and _passive_before().search(text, 0, use.start()):
                # "Orm was told by ...": the question's subject is not the doer here.
                continue
            end = _CLAUSE_END.search(text, use.end())
            limit = min(end.start() if end else len(text), use.end() + 160)
            found = None
            if role == "with":
                # "Orm and Dahl signed the deal": what one did with the other, written as one
                # subject of two; a "with" later in the sentence may be another clause's
                # ("..., with Dahl present").
                joint = list(self._companion(frame, scored, own_spans, use.start()))
                if joint:
                    yield from joint
                    continue
            if role in _PREPOSITIONS:
                through = re.compile(rf"\b{role}\s+").search(text, use.end(), limit)
                found = _argument_at(info, through.end()) if through else None
                if found is None and role == "with":
                    # "the messages between Orm and four aides": the other side of "between".
                    between = re.compile(r"\bbetween\s+[^,;]{1,60}?\s+and\s+").search(
                        text, max(0, use.start() - 80), limit
                    )
                    found = _argument_at(info, between.end()) if between else None
            if found is None and role in {"object", "to"}:
                adverb = re.compile(r"\s+(?:[a-z]+ly\s+)?").match(text, use.end())
                particle = _PARTICLE.match(tail)
                after = (
                    re.compile(rf"\s+(?:[a-z]+ly\s+)?{particle[1]}\s+[\"“]?", re.I).match(
                        text, use.end()
                    )
                    if particle
                    else None
                )
                # "Whom did Orm call on?": a phrasal verb's argument comes after its particle
                # ("called on "the village elders" to ..."), opening quote and all.
                found = _argument_at(
                    info, after.end() if after else adverb.end() if adverb else use.end()
                )
                thing = found is not None and found[2] and not _of_people(found[0])
                if found is None or thing:
                    # "attributed the blast to rebels": the thing first, then whom.
                    to = re.compile(r"\bto\s+").search(text, use.end(), limit)
                    found = _argument_at(info, to.end()) if to else None
            if found is None:
                continue
            short, mention, plain = found
            if plain and not _of_people(short):
                continue
            if _names_asked(frame, short):
                continue
            yield Candidate(
                short=short,
                score=_ARGUMENT_SCORE,
                sentence=scored,
                rule=f"verb-argument:{role}",
                highlight=(short,),
                kind=EntityKind.PERSON if mention and mention.kind is EntityKind.PERSON else None,
            )

    def _symmetric_stems(self) -> frozenset[str]:
        return frozenset(self.tokenizer.stem(w) for w in answer_rules().symmetric_verbs)

    def _symmetric_subject(
        self, frame: QuestionFrame, scored: Scored, subject: tuple[str, ...], use: re.Match[str]
    ) -> Iterable[Candidate]:
        """The name right before a symmetric verb ("Tunisia faced England") whose object is the
        question's subject, the word right after the verb."""
        info = scored.info
        text = info.text
        after = re.match(r"\s+(?:the\s+)?([\w'’-]+)", text[use.end() :])
        if after is None or fold(after.group(1)) not in {fold(w) for w in subject}:
            return
        before = [
            m
            for m in info.mentions
            if not m.role_only
            and m.kind is not EntityKind.PLACE
            and re.fullmatch(r"\s+", text[m.end : use.start()])
        ]
        for m in before:
            short = m.name or m.text
            if not _names_asked(frame, short):
                yield Candidate(
                    short=short,
                    score=_ARGUMENT_SCORE,
                    sentence=scored,
                    rule="verb-argument:symmetric",
                    highlight=(m.text,),
                    kind=m.kind,
                )

    def _passive_agent(
        self, frame: QuestionFrame, scored: Scored, uses: list[re.Match[str]], tail: str
    ) -> Iterable[Candidate]:
        """ "Who brought the charges?": "faces charges brought by the Tessel navy" - the doer
        after "by", when the question's object stands right before the participle."""
        info = scored.info
        text = info.text
        objects = {
            self.tokenizer.stem(fold(w))
            for w in re.findall(r"[\w'’-]+", tail)[:4]
            if fold(w) not in _NP_OPENERS and len(w) > 2
        }
        for use in uses:
            passive = _passive_before().search(text, 0, use.start()) is not None
            # "charges brought by the navy"; with "was" before it the second object may come
            # first ("Dahl was awarded the medal by President Orm").
            gap = r"(?:[^,.;:]{1,40}?)?" if passive else ""
            by = re.compile(rf"{gap}\s+(?:[a-z]+ly\s+)?by\s+").match(text, use.end())
            if by is None:
                continue
            around = re.findall(r"[\w'’-]+", text[max(0, use.start() - 40) : use.start()])[-3:]
            around += re.findall(r"[\w'’-]+", text[use.end() : by.start()])
            if not passive and _AFTER_COMMA.search(text, 0, use.start()):
                # "the debate between Orm and Dahl took place in Tessa, moderated by ...": a
                # participle set off by a comma tells of the clause's subject.
                around += re.findall(r"[\w'’-]+", text[: use.start()])
            # "He was chosen by ...": a pronoun before the verb stands for the name it was
            # resolved to.
            around += [
                word
                for r in info.references
                if r.end <= use.start() and use.start() - r.end <= 20
                for word in (r.name or "").split()
            ]
            if not any(self.tokenizer.stem(fold(w)) in objects for w in around):
                continue
            found = _argument_at(info, by.end())
            if found is None or _names_asked(frame, found[0]):
                continue
            if found[2] and not _of_people(found[0]):
                continue
            yield Candidate(
                short=found[0],
                score=_ARGUMENT_SCORE,
                sentence=scored,
                rule="verb-argument:agent",
                highlight=(found[0],),
                kind=EntityKind.PERSON if found[1] and found[1].kind is EntityKind.PERSON else None,
            )

    def _companion(
        self,
        frame: QuestionFrame,
        scored: Scored,
        own_spans: list[tuple[int, int]],
        verb_start: int,
    ) -> Iterable[Candidate]:
        """ "Dahl and Orm held a briefing", "he and his wife Ana Holt tested positive": the name
        written in one subject with the question's own, before its verb."""
        info = scored.info
        text = info.text
        # "Dahl, right, and Orm", "he and his wife Lady Ana Holt", "Dahl and port director
        # Ana Holt": one subject of two. "Dahl, along with Orm of Tessby, filed ...": the
        # second set off by commas, with what places it.
        joint = re.compile(
            r"\s*(?:,\s*[a-z]+\s*)?,?\s+and\s+(?:(?:his|her|their)\s+)?(?:[a-z-]+\s+){0,2}"
            r"(?:[A-Z][\w.-]*\s+){0,2}"
            r"|\s*,\s*(?:along\s+with|together\s+with|alongside)\s+(?:(?:his|her|their|the)\s+)?"
            r"(?:[a-z-]+\s+){0,2}(?:[A-Z][\w.-]*\s+){0,2}"
        )
        set_off = re.compile(r"\s*,\s*(?:along\s+with|together\s+with|alongside)\s")
        # "Dahl and Orm have signed": an auxiliary may stand before the verb.
        to_verb = re.compile(
            r"[\s,]*(?:(?:have|has|had|will|would|were|was|are|is|did|do|does)\s+)?"
            r"(?:[a-z]+ly\s+)?"
        )
        placed = re.compile(r"\s+(?:of|from|in)\s+[^,.;]{1,40},\s*")
        for own_start, own_end in own_spans:
            if own_end > verb_start:
                continue
            found = False
            for other in info.mentions:
                if other.kind not in ACTOR_KINDS_WHO or other.role_only:
                    continue
                if other.start < own_end and own_start < other.end:
                    continue
                if fold(other.name or other.text) in fold(frame.text):
                    continue
                first, second = (
                    ((other.start, other.end), (own_start, own_end))
                    if other.start < own_start
                    else ((own_start, own_end), (other.start, other.end))
                )
                if not joint.fullmatch(text, first[1], second[0]):
                    continue
                rest = text[second[1] : verb_start]
                if not to_verb.fullmatch(rest) and not (
                    set_off.match(text, first[1])
                    and (tail := placed.match(rest)) is not None
                    and to_verb.fullmatch(rest, tail.end())
                ):
                    continue
                short = other.name or other.text
                found = True
                yield Candidate(
                    short=short,
                    score=_ARGUMENT_SCORE,
                    sentence=scored,
                    rule="verb-argument:companion",
                    highlight=(short,),
                    kind=other.kind if other.kind is EntityKind.PERSON else None,
                )
            if found:
                continue
            # "chains Kessel and Marrow lowered ...": a name the entity rules did not keep,
            # joined to the question's own by "and" right before the verb.
            after = _JOINED_AFTER.match(text, own_end)
            before = [
                hit for hit in _JOINED_BEFORE.finditer(text, 0, own_start) if hit.end() == own_start
            ]
            shaped = [
                (hit.group(1), hit.end())
                for hit in ([after] if after else [])
                if to_verb.fullmatch(text, hit.end(), verb_start)
            ] + [
                (hit.group(1), own_end)
                for hit in before
                if to_verb.fullmatch(text, own_end, verb_start)
            ]
            for name, _ in shaped:
                short = re.sub(r"^(?:The|A|An|On|In|At|By)\s+", "", name)
                if _names_asked(frame, short) or fold(short) in _NP_OPENERS:
                    continue
                yield Candidate(
                    short=short,
                    score=_ARGUMENT_SCORE,
                    sentence=scored,
                    rule="verb-argument:companion-shape",
                    highlight=(short,),
                )

    def _interaction_classes(self, words: Iterable[str]) -> set[int]:
        """Which groups of `interaction_words` the words belong to: by stem, by an irregular
        form's base ("spoke" -> speak), or as the last part of a compound ("cellphone")."""
        out: set[int] = set()
        for word in words:
            out |= _word_groups(self.tokenizer.stem, fold(word), False)
        return out

    def _interaction_modes(self, words: Iterable[str]) -> set[int]:
        """Which media of `interaction_modes` (phone, email, interview, ...) the words name."""
        out: set[int] = set()
        for word in words:
            out |= _word_groups(self.tokenizer.stem, fold(word), True)
        return out

    def _interaction_party(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """The other party of an interaction the question asks about ("Who was Orm on the
        phone with?", "Which paper did Orm write to?", "Which outlet interviewed Orm?"): in a
        sentence that writes a word of the same kind of interaction as the question's, the
        noun phrase in the slot the question asks through - the object of the preposition it
        uses (or of with/to, which a story swaps: "spoke to" = "talked with"), the verb's
        object, or its subject when the question's person is the one acted on. A name outside
        that slot is not the party, nor is the question's own person."""
        info = scored.info
        text = info.text
        question = frame.text
        opening = _PARTY_OPENING.match(question)
        first_word = _QUESTION_WORD_RUN.match(question)
        rest = question[first_word.end() :] if first_word else question
        asked_classes = self._interaction_classes(re.findall(r"[A-Za-z][\w'’-]*", rest))
        if not asked_classes:
            return
        stranded = [m.group(1).lower() for m in _STRANDED_PREPOSITION.finditer(question)]
        preposition = opening.group(1).lower() if opening else stranded[-1] if stranded else None
        # "Which outlet interviewed Orm?": a past verb right after the wh-phrase, the question's
        # person after it, so the asked one did the interacting.
        subject_asked = preposition is None and bool(_ASKS_INTERACTOR.match(question))
        own = [m for m in frame.strong_entities() if m.kind is not EntityKind.PLACE]
        own_spans = [
            (m.start, m.end)
            for m in list(info.mentions) + list(info.references)
            if self._in_question(frame, m.name or m.text) or self._in_question(frame, m.text)
        ]
        if own and not own_spans and not any(self._sentence_has(info, m) for m in own):
            return
        score = _PARTY_SCORE if own else _PARTY_SCORE - 0.5
        countries_asked = bool(re.search(r"\b(?:countries|country|nations?)\b", question, re.I))
        focus = _who_focus(question)
        body_asked = focus in _ORG_FOCUS | _OUTLET_NOUNS
        one_asked = (
            focus is not None and not focus.endswith("s") and bool(_WHICH_ONE.match(question))
        )
        # "when he called the plan 'a mistake'": naming, no phone call.
        modes = self._interaction_modes(
            re.findall(r"[A-Za-z][\w'’-]*", _CALLED_A_NAME.sub(" ", rest))
        )
        if modes and not modes <= self._interaction_modes(re.findall(r"[A-Za-z][\w'’-]*", text)):
            # "With whom did Orm hold a conference call?": a story that only says Orm told a
            # paper something does not tell of the call; the medium the question names must be
            # the sentence's too.
            return
        # The meeting rules list everyone a meeting near this sentence had (and the person
        # after a body's name): a name of that list found here would only cut it short.
        listed = [
            fold(p.name)
            for meeting in self.engine.meetings_for(scored.article.id)
            if any(abs(i - info.index) <= 1 for i in meeting.sentences)
            for p in meeting.participants
            if p.kind is not EntityKind.PLACE
        ]
        slots = [preposition] if preposition else []
        slots += [p for p in ("with", "to") if p not in slots]
        seen: set[str] = set()
        for use in re.finditer(r"[A-Za-z][\w'’-]*", text):
            if not (self._interaction_classes([use.group()]) & asked_classes):
                continue
            if _NEGATED.search(text, 0, use.start()):
                continue
            end = _CLAUSE_END.search(text, use.end())
            limit = min(end.start() if end else len(text), use.end() + 90)
            found: list[tuple[str, Mention | None, bool]] = []
            noun = _DETERMINED.search(text, 0, use.start()) is not None
            if subject_asked and not noun:
                # "Dawn interviewed Orm": the name right before the verb did it; "Orm was
                # interviewed by Dawn": the one after "by".
                by = re.compile(r"\s+(?:[a-z]+ly\s+)?by\s+").match(text, use.end())
                if by:
                    agent = _party_at(info, by.end(), _argument_at(info, by.end()))
                    found.append(agent or ("", None, True))
                found += _subject_before(info, use.start())
            elif not subject_asked and not noun:
                # "told the Gazette", "met a tribal elder": the verb's own object.
                adverb = re.compile(r"\s+(?:[a-z]+ly\s+)?").match(text, use.end())
                at = adverb.end() if adverb else use.end()
                # "talks with ...": a preposition opens no object.
                opens = re.compile(r"[A-Za-z]+").match(text, at)
                direct = (
                    None
                    if opens is not None and opens.group().lower() in _NP_STOP
                    else _party_at(info, at, _argument_at(info, at))
                )
                if direct is not None and not (direct[2] and not _of_people(direct[0])):
                    found.append(direct)
                if (
                    preposition == "with"
                    and direct is not None
                    and (
                        self._in_question(frame, direct[0])
                        or (direct[1] is not None and any(_same_person(direct[1], q) for q in own))
                    )
                ):
                    # "Which astronomer did Wikinews speak with?": "Ivo Dahl told Wikinews ..."
                    # - who speaks with one speaks to them, so the subject is the party.
                    found += _subject_before(info, use.start())
                # "Dahl and Orm spoke by telephone": the other of one subject of two.
                for joint in self._companion(frame, scored, own_spans, use.start()):
                    found.append((joint.short, None, False))
            for slot in slots:
                through = re.compile(rf"\b{slot}\s+").search(text, use.end(), limit)
                between = text[use.end() : through.start()].lower().split() if through else []
                if through is None or len(between) > 6 or set(between) & _NOT_ATTACHED:
                    # "questioned whether Orm was running to help ...": the preposition
                    # belongs to another verb's clause, not to the interaction word.
                    continue
                hit = _party_at(info, through.end(), _argument_at(info, through.end()))
                pronoun = next((r for r in info.references if r.start == through.end()), None)
                if pronoun is not None and pronoun.name:
                    # "spoke with her by email": whom the pronoun was resolved to.
                    hit = (pronoun.name, None, False)
                if hit is not None:
                    found.append(hit)
                    break
            for short, mention, plain in found:
                short = _without_full_stop(short)
                words = short.lower().split()
                if not plain and any(n in fold(short) or fold(short) in n for n in listed):
                    continue
                if plain and not (words[-1] in _party_heads() or _AGENT_HEAD.search(words[-1])):
                    # "the most closely watched moment": an unnamed party is people by its
                    # head noun, not by a suffix.
                    continue
                if not words or (plain and not _of_people(short)):
                    continue
                if plain and (words[0] in _NOT_PARTY_WORDS or words[-1] in _NOT_PARTY_WORDS):
                    # "hand them over", "gave it back": a pronoun or a particle is no party.
                    continue
                if plain and one_asked and words[-1].endswith("s"):
                    # "Which leader did Orm meet?" asks for one: "met with world leaders"
                    # names many, and none of them.
                    continue
                if mention is not None and any(_same_person(mention, q) for q in own):
                    continue
                if mention is not None and _names_asked(frame, short):
                    # "an interview with Dawn, Orm said": a list the name rules ran on into
                    # the question's own person; the slot holds the first name.
                    short = mention.name or mention.text
                elif _names_asked(frame, short) or (
                    mention is None and self._in_question(frame, short)
                ):
                    continue
                if not body_asked and any(
                    m.start <= text.find(short) < m.end
                    for m in info.mentions
                    if m.kind is EntityKind.PLACE
                ):
                    # A place is where, not whom, unless a body (an outlet, an agency) is
                    # asked: its name may be typed as a place.
                    continue
                if fold(short) in seen:
                    continue
                seen.add(fold(short))
                listed_more = 0.0
                if not plain and focus and focus.endswith("s"):
                    # "Which ministers ...": all the slot lists, over any one of them.
                    listed_more = 0.1 * short.count(",") + 0.1 * (" and " in short)
                yield Candidate(
                    # A name in the slot says more than a noun phrase of people there.
                    short=short,
                    score=_UNNAMED_PARTY_SCORE
                    if plain
                    # A country where a person or a body is asked is the weakest party.
                    else score - 1.0
                    if mention is not None
                    and mention.kind is EntityKind.COUNTRY
                    and not countries_asked
                    # A name the entity rules did not find ("Galen-On Monday" where a dash
                    # was lost) may be words of the next clause: weaker than one they found.
                    else score + listed_more - (0.6 if mention is None else 0.0),
                    sentence=scored,
                    rule="interaction-party",
                    highlight=(short,),
                    kind=mention.kind if mention and mention.kind is EntityKind.PERSON else None,
                )

    def _recipients(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        """Whom the question's person addressed: the name or the group right after "told" or
        "said to" ("Orm told delegates at the congress ..."), when the question's person is
        the one speaking (named before the verb)."""
        info = scored.info
        text = info.text
        speakers = [
            m
            for m in list(info.mentions) + list(info.references)
            if self._in_question(frame, m.text) or self._in_question(frame, m.name or m.text)
        ]
        # "Which paper did a coalition spokesperson speak to?": a speaker the question names
        # only by a person noun is found by that noun ("A spokesperson told ...").
        asked = _who_focus(frame.text)
        speaker_nouns = {
            self.tokenizer.stem(fold(w))
            for w in re.findall(r"[a-z][\w-]*", frame.text)
            if (fold(w) in person_nouns() or fold(w).rstrip("s") in person_nouns())
            and fold(w) != asked
        }
        verbs = [(v, False) for v in _ADDRESSED.finditer(text)]
        verbs += [(v, True) for v in answer_rules().sent_to.finditer(text)]
        for verb, sent in verbs:
            if not any(
                m.end <= verb.start()
                and (verb.start() - m.end <= 60 or _set_off(text[m.end : verb.start()]))
                for m in speakers
            ) and not (
                speaker_nouns
                and any(
                    self.tokenizer.stem(fold(w)) in speaker_nouns
                    for w in re.findall(r"[\w'’-]+", text[max(0, verb.start() - 60) : verb.start()])
                )
            ):
                continue
            gathering = _GATHERING_OF.match(text, verb.end())
            members = group_np().match(text, gathering.end()) if gathering else None
            # "told a meeting of EU foreign ministers in Brussels": whom the meeting was of (not
            # where it met).
            met = _PLACE_AFTER_GROUP.sub("", members.group(1).strip()) if members else ""
            if met and self._in_question(frame, met):
                met = ""
            named = (
                None
                if met
                else next(
                    (
                        m
                        for m in info.mentions
                        # After "sent a letter ... to", a name typed as a place (from the "to"
                        # before it) is still whom it went to: a letter goes to people or
                        # offices.
                        if (sent or m.kind is not EntityKind.PLACE)
                        and not m.role_only
                        and m.start >= verb.end()
                        # "told her husband Anders": a kin or role word may come before the name.
                        and re.fullmatch(
                            r"(?:the\s+|(?:his|her|their)\s+(?:[a-z-]+\s+){1,2})?",
                            text[verb.end() : m.start],
                        )
                    ),
                    None,
                )
            )
            group = None if named or met else group_np().match(text, verb.end())
            short = (
                met
                or ((named.name or named.text) if named else "")
                or (group.group(1).strip() if group else "")
            )
            if named:
                # "told the Gazette's Ana Holm": the person of the body is whom.
                owned = _OWNED_NAME.match(text, named.end)
                short = owned.group(1) if owned else short
            if not short:
                short = self._one_of_body(info, verb.end())
            if not short:
                # "told Dagbladet": a one-word outlet the entity rules did not type.
                bare = _BARE_NAME.match(text, verb.end())
                short = bare.group(1) if bare else ""
            if not short:
                # "Musk told the press after the launch": the press as a whole.
                press = _THE_PRESS.match(text, verb.end())
                short = press.group(1) if press else ""
            if not short or self._in_question(frame, short):
                continue
            yield Candidate(
                short=short,
                score=1.2,
                sentence=scored,
                rule="recipient:gathering" if met else "recipient",
                highlight=(short,),
                kind=named.kind if named else None,
            )

    def _one_of_body(self, info: SentenceInfo, after: int) -> str:
        """ "told a reporter for the Harbour Gazette": one person, unnamed, of a named body; the
        person's noun and the body together say whom (the body alone is the usual answer)."""
        one = re.compile(r"(?:an?|one)\s+([a-z][\w-]*\s+(?:for|from|of|with|at)\s+(?:[Tt]he\s+)?)")
        match = one.match(info.text, after)
        if not match:
            return ""
        body = next(
            (
                m
                for m in info.mentions
                if m.start == match.end()
                and m.kind in {EntityKind.ORGANISATION, EntityKind.GROUP, EntityKind.PERSON}
            ),
            None,
        )
        # The body must end the phrase: "a meeting of EU foreign ministers" names no body.
        if body is None or not re.match(
            r"\s*(?:[.,;:]|$|(?:on|in|at|that|about|last|this)\b)", info.text[body.end :]
        ):
            return ""
        return info.text[match.start(1) : body.end]

    def _titled_with(self, text: str, mention: Mention, stem: str) -> bool:
        """Whether the sentence calls the name by the noun of that stem: right before it
        ("Denmark-based retailer Corvan Group") or as the head of an apposition after it
        ("Corvan, a Danish retailer,"); not "a researcher at Corvan"."""
        before = re.search(r"([\w'’-]+)\s+$", text[max(0, mention.start - 40) : mention.start])
        after = re.match(
            r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?([\w'’-]+)\s*(?:[,.;]|$)",
            text[mention.end :],
        )
        words = [m.group(1) for m in (before, after) if m]
        return any(self.tokenizer.stem(fold(w)) == stem for w in words)

    def _asked_roles(self, frame: QuestionFrame, focus: str | None) -> tuple[frozenset[str], bool]:
        """The role nouns a who-question asks the holder of ("Who is the chairman of ...",
        "Who runs ..." -> director, head, ...), and whether it asks who took a role over
        ("Who became the new Duke?")."""
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

    def _agent_verb_spans(
        self, frame: QuestionFrame, text: str, story: str = ""
    ) -> list[tuple[int, int]]:
        """Where a sentence uses the verb of a who-question ("Which company leased ...",
        "Who hosted ..."), as (start, end) spans."""
        opening = _WHO_OPENING.match(frame.text) or re.match(
            r"^\s*(?:and\s+)?who\s+", frame.text, re.I
        )
        if not opening:
            return []
        verb = None
        plain = opening.group().strip().lower() in {"who", "and who"}
        words = re.findall(r"[\w'’-]+", frame.text[opening.end() :])[:7]
        for i, word in enumerate(words[:6]):
            lower = word.lower()
            if lower in {"who", "that", "which"}:
                continue
            if lower in _AUXILIARIES:
                after = words[i + 1] if i + 1 < len(words) else ""
                if lower in _MODAL_OR_PERFECT and after.islower() and after not in _NOT_VERBS:
                    # "Which company has promised ...", "... will supply ...": the asked one is
                    # the verb's subject ("Which firm will Orm buy?" puts a name there).
                    verb = after
                    break
                return []
            if lower.endswith("ed") or lower in _FOCUS_STOP or (plain and i == 0):
                # Right after a bare "who" stands the verb, irregular ones too ("Who wrote").
                verb = lower
                break
        if verb is None:
            return []
        stem = self.tokenizer.stem(verb)
        # "Which spokesman said ...?" is answered by who "told reporters" or "stated" it, and
        # "Which official told a press conference ...?" by who "said at a press conference"
        # in a story that tells no one's telling (where it does, "told" singles one out).
        says = verb in {"said", "says"} or (verb in {"told", "tells"} and not _TOLD.search(story))
        return [
            w.span()
            for w in re.finditer(r"[\w'-]+", text)
            if (
                w.group() in _SAYING_FORMS if says else self.tokenizer.stem(fold(w.group())) == stem
            )
        ]

    def _holds_by_verb(self, role_text: str, title: str) -> bool:
        """Whether a relative clause holds the office by its verb: "Congressman Ivo Dahl, who
        chairs the House committee" is its chairman ("presides": president, "leads": leader).
        Only the present tense in "-s" says one holds it now."""
        found = _WHO_HOLDS.search(role_text)
        if found is None:
            return False
        stem = self.tokenizer.stem(found.group(1))
        return len(stem) >= 4 and title.startswith(stem)

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
            score = 1.2 if m.rule == "title+name" else 0.8
            if answer_rules().honorific.match(fold(role)):
                # "Professor Ana Holt, director of the Tarrow Fund": the apposition says what
                # she is; the form of address only how she is called.
                score = 0.6
            yield Candidate(
                short=role,
                score=score,
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
                phrase = appositive.group(2)
                # "president of the Harlow, TX-based firm Orm Group": a comma inside a place
                # does not end the role.
                more = (
                    _ROLE_REST.match(after, appositive.end(2) + 1)
                    if answer_rules().place_comma.match(after, appositive.end(2))
                    else None
                )
                if more:
                    phrase = after[appositive.start(2) : more.end(1)]
                yield Candidate(
                    short=trim_words(phrase, 16),
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
