"""The shortcuts that keep the rules fast give exactly the answers of the plain rules.

Literal prefilters (assistant/knowledge/prefilter.py) may only skip a pattern that cannot match;
the per-sentence facts of the meeting rules, the bisection in `find_times` and the indexed
merge of meeting drafts must equal the straightforward computations they replace. Each is
checked here against that straightforward computation, on examples and on generated text.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.knowledge import meetings, timex
from assistant.knowledge.analysis import SentenceInfo
from assistant.knowledge.prefilter import Guarded, Needles, Prefilter, fold, needles
from assistant.models import EntityKind, Evidence, Participant

# --- folding ---------------------------------------------------------------------------------


def test_fold_makes_every_character_re_matches_to_an_ascii_letter_that_letter() -> None:
    """`re` matches, ignoring case, a few characters outside ASCII to ASCII letters ("ſ" to
    "s", "K" to "k"): fold must make each of them that letter, or a prefilter looking for
    "visit" would skip a text `re` finds "VİSİT" in. Checked on every code point."""
    letter = re.compile(r"(?i)[a-z]")
    letters = {c: re.compile(f"(?i){c}") for c in string.ascii_lowercase}
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if letter.fullmatch(char):
            matched = [c for c, pattern in letters.items() if pattern.fullmatch(char)]
            assert [fold(char)] == matched, f"U+{code:04X}"


# --- what needles are derived ------------------------------------------------------------------


def test_needles_of_simple_patterns() -> None:
    assert needles(re.compile(r"\bmet(?:\s+with)?\b", re.I)) == Needles(("met",), True)
    assert needles(re.compile(r"\b(?:meet|meeting|met)\b")) == Needles(("meet", "met"), False)
    assert needles(re.compile(r"(?:ab)?c|d")) == Needles(("c", "d"), False)
    assert needles(re.compile(r"x(?i:Ab)")) == Needles(("xab",), True)
    # Nothing is known: the pattern is always run.
    assert needles(re.compile(r"\d+")) is None
    assert needles(re.compile(r"a|b?")) is None
    assert needles(re.compile("(?i)σ")) is None  # folding is proven for ASCII only


def test_every_bundled_rule_has_needles() -> None:
    """A rule whose needles cannot be worked out is always run: correct, but slow again."""
    rules = meetings.rules()
    patterns = [
        *(p for _, p in rules.triggers),
        *rules.purpose,
        *rules.statements,
        *rules.topics,
        rules.planned,
        rules.cancelled,
        rules.background,
        *(p for _, p in timex._COMPILED),
        meetings.PLURAL_REFERENCE,
    ]
    assert [p.pattern for p in patterns if needles(p) is None] == []


# --- prefilters never skip a match ---------------------------------------------------------------

_RULES = meetings.rules()
_ALL = [
    *(p for _, p in _RULES.triggers),
    *_RULES.purpose,
    *_RULES.statements,
    *_RULES.topics,
    _RULES.planned,
    _RULES.cancelled,
    _RULES.background,
    meetings.PLURAL_REFERENCE,
    *(p for _, p in timex._COMPILED),
]
_FRAGMENTS = sorted(
    {s for p in _ALL if (n := needles(p)) is not None for s in n.strings}
    | {
        "met with",
        "held talks with",
        "was warmly received by",
        "Lee-Kim summit",
        "talks between",
        "spoke by phone",
        "shook hands with",
        "paid a state visit to",
        "to discuss",
        "aimed at",
        "Monday",
        "Tuesday, March 4, 2026",
        "4th of May",
        "May 2025",
        "10:30 a.m.",
        "2026-01-13",
        "two weeks ago",
        "the two leaders",
        "will",
        "cancelled",
        "first met",
    }
)
_CHARS = " ,;:.-–—'\"()\nİıſKσΣ"
_texts = st.lists(
    st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.sampled_from(_FRAGMENTS).map(str.upper),
        st.sampled_from(_FRAGMENTS).map(str.title),
        st.text(alphabet=_CHARS, min_size=1, max_size=3),
        st.text(min_size=1, max_size=4),
    ),
    max_size=14,
).map(" ".join)


_PREFILTER = Prefilter(_ALL)
_GUARDED = [Guarded(p) for p in _ALL]


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_a_prefilter_never_skips_a_pattern_that_matches(text: str) -> None:
    possible = _PREFILTER.possible(text)
    for pattern, may, guarded in zip(_ALL, possible, _GUARDED, strict=True):
        found = pattern.search(text)
        if found:
            assert may, (pattern.pattern, text)
        by_guard = guarded.search(text)
        assert (by_guard and by_guard.span()) == (found and found.span())


# --- find_times equals its plain form --------------------------------------------------------------


def _find_times_plainly(sentence: str, anchor: dt.date | None) -> list[timex.TimeMention]:
    """find_times as it was: every pattern run, each match checked against every span taken."""
    quotes = timex._QUOTED.findall(sentence)
    # What is quoted has its own tense; the words around it date the rest.
    tense = timex.sentence_tense(timex._QUOTED.sub(" ", sentence) if quotes else sentence)
    quoted_tense = timex.sentence_tense(" ".join(quotes))
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in timex._COMPILED:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            text = match.group()
            if (
                kind == "relative_day"
                and text[:1].isupper()
                and re.search(r"\b[A-Z][\w.'’-]*\s$", sentence[:start])
            ):
                continue  # "USA Today": a name
            bare = timex._CASE_SENSITIVE_WORDS.sub("", text)
            if kind in {"month", "relative_month", "month_year"} and bare[:1].islower():
                continue
            if kind in {"month", "year"}:
                start, text = start + len(text) - len(bare), bare
            taken.append((start, end))
            inside = quotes and timex._quoted(sentence, start)
            iso = timex.resolve(text, kind, anchor, quoted_tense if inside else tense)
            if kind == "relative_weekday" and text.startswith("On "):
                text = text[3:]
            found.append(timex.TimeMention(text, start, end, kind, iso))
    found.sort(key=lambda t: t.start)
    return found


@settings(max_examples=300, deadline=None)
@given(_texts, st.sampled_from([None, dt.date(2026, 1, 13)]))
@example('expected " Thursday "', dt.date(2026, 1, 13))
@example('"We will meet on Thursday," he said', dt.date(2026, 1, 13))
@example("On Monday, they met", dt.date(2026, 1, 13))
@example("USA Today said Today", dt.date(2026, 1, 13))
def test_find_times_equals_its_plain_form(text: str, anchor: dt.date | None) -> None:
    assert timex.find_times(text, anchor) == _find_times_plainly(text, anchor)


# --- the meeting rules' per-sentence facts ---------------------------------------------------------


def _info(text: str) -> SentenceInfo:
    return SentenceInfo(0, text, [], [], [])


_CLAUSE_TEXT = st.lists(
    st.sampled_from(
        ["; ", ": ", ", but ", ", while ", ", and then ", ", which ", ", who ", ", whom ", " - ",
         " – ", "whom", "but", "met", "Lee", "to discuss", "aimed at", "the ", "x", " ", ","]
    ),
    max_size=20,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_CLAUSE_TEXT, st.lists(st.integers(0, 200), max_size=12))
def test_clause_starts_and_object_ends_equal_the_plain_searches(
    text: str, positions: list[int]
) -> None:
    facts = meetings._Sentence(_info(text))
    for position in [p % (len(text) + 1) for p in positions] + list(range(len(text) + 1)):
        assert facts.clause_start(position) == meetings._clause_start(text, position)
        assert facts.object_end(position) == meetings._object_end(text, position)


@settings(max_examples=300, deadline=None)
@given(_texts, st.lists(st.integers(0, 300), max_size=8))
def test_purposes_equal_find_purpose(text: str, afters: list[int]) -> None:
    info = _info(text)
    facts = meetings._Sentence(info)
    for after in [a % (len(text) + 1) for a in afters]:
        assert facts.purpose(after) == meetings.find_purpose(info, after)


def test_a_search_memo_answers_as_re_does() -> None:
    text = "to meet, to talk; to the end to agree to to visit"
    pattern = re.compile(r"\bto\s+\w+")
    scan = meetings._Scan(pattern, text)
    for position in [30, 0, 5, 29, 31, len(text), 12, 3, 44, 45, 46]:
        found, expected = scan.search(position), pattern.search(text, position)
        assert (found and found.span()) == (expected and expected.span())


# --- merging drafts ----------------------------------------------------------------------------------


def _merge_plainly(drafts: list[meetings.Draft]) -> list[meetings.Draft]:
    """_merge as it was: each draft compared with every event merged so far."""
    merged: list[meetings.Draft] = []
    for draft in drafts:
        target = None
        for existing in merged:
            if existing.background != draft.background:
                continue
            if {existing.status, draft.status} == {"planned", "happened"}:
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
            target.place = draft.place
        if not target.topics:
            target.topics = draft.topics
        if draft.status == "cancelled":
            target.status = "cancelled"
        target.sentences.extend(draft.sentences)
    return merged


_draft_specs = st.lists(
    st.tuples(
        st.sets(st.sampled_from("abcdefghijkl"), min_size=1, max_size=10),
        st.booleans(),
        st.sampled_from(["happened", "planned", "cancelled"]),
        st.sampled_from([None, "place:gazetteer-place", "place:gazetteer-country"]),
    ),
    max_size=40,
)


def _drafts(specs: list[tuple[set[str], bool, str, str | None]]) -> list[meetings.Draft]:
    out = []
    for n, (keys, background, status, place) in enumerate(specs):
        evidence = Evidence(value=f"v{n}", sentence=n, rule="trigger:met")
        out.append(
            meetings.Draft(
                kind="meeting",
                trigger=evidence,
                participants=[
                    Participant(key=k, name=k, kind=EntityKind.PERSON, sentence=n, rule="r")
                    for k in sorted(keys)
                ],
                status=status,
                sentences=[n],
                place=None if place is None else Evidence(value=f"p{n}", sentence=n, rule=place),
                background=background,
            )
        )
    return out


@settings(max_examples=150, deadline=None)
@given(_draft_specs)
def test_merging_equals_comparing_every_pair(
    specs: list[tuple[set[str], bool, str, str | None]],
) -> None:
    assert meetings._merge(_drafts(specs)) == _merge_plainly(_drafts(specs))


# --- needles kept in the cache folder ------------------------------------------------------


def test_derived_needles_are_kept_and_read_back_and_a_damaged_file_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.knowledge import lexicon
    from assistant.knowledge import prefilter as module

    monkeypatch.setattr(lexicon, "_cache_dir", tmp_path)
    monkeypatch.setattr(lexicon, "_configured", True)
    monkeypatch.setattr(module, "_known", {})
    monkeypatch.setattr(module, "_kept", None)  # what a new process has read: nothing
    patterns = [re.compile(r"\bvisit(?:ed|s)?\b", re.I), re.compile(r"[A-Z]\w+"), re.compile("ab")]
    derived = [module._derive_needles(p) for p in patterns]

    def deferred() -> list[Guarded]:
        return [Guarded(p, defer_chars=10**9) for p in patterns]

    kept = deferred()
    module.derive_all()
    [path] = tmp_path.glob("prefilter-needles-*.txt")
    assert [g.needles for g in kept] == derived

    # A new process: everything is read back, nothing derived again.
    monkeypatch.setattr(module, "_known", {})
    monkeypatch.setattr(module, "_kept", None)  # what a new process has read: nothing
    calls: list[str] = []
    original = module._derive_needles

    def counting(pattern: re.Pattern[str]) -> Needles | None:
        calls.append(pattern.pattern)
        return original(pattern)

    monkeypatch.setattr(module, "_derive_needles", counting)
    again = deferred()
    module.derive_all()
    assert calls == [] and [g.needles for g in again] == derived

    # A damaged file (here one needle changed) is ignored and written again.
    path.write_bytes(path.read_bytes().replace(b"visit", b"vixit"))
    monkeypatch.setattr(module, "_known", {})
    monkeypatch.setattr(module, "_kept", None)  # what a new process has read: nothing
    fresh = deferred()
    module.derive_all()
    assert len(calls) == len(patterns) and [g.needles for g in fresh] == derived
    assert b"vixit" not in path.read_bytes()


def test_needles_asked_for_before_derive_all_are_read_back_not_derived(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A batch asks for the intent rules' needles before `derive_all` reads the kept file: they
    # must come from the file all the same (deriving them again was ~150 ms of every start).
    from assistant.knowledge import lexicon
    from assistant.knowledge import prefilter as module

    monkeypatch.setattr(lexicon, "_cache_dir", tmp_path)
    monkeypatch.setattr(lexicon, "_configured", True)
    monkeypatch.setattr(module, "_known", {})
    monkeypatch.setattr(module, "_kept", None)
    pattern = re.compile(r"\bsummit(?:s)?\b", re.I)
    derived = module.needles(pattern)
    module.derive_all()  # keeps it in the cache folder

    monkeypatch.setattr(module, "_known", {})
    monkeypatch.setattr(module, "_kept", None)  # a new process
    calls: list[str] = []
    original = module._derive_needles

    def counting(p: re.Pattern[str]) -> Needles | None:
        calls.append(p.pattern)
        return original(p)

    monkeypatch.setattr(module, "_derive_needles", counting)
    assert module.needles(pattern) == derived
    assert calls == []
