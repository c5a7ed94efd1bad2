"""Literal prefilters: a cheap proof that a regular expression cannot match a text.

Python's `re` has no fast scan for a pattern such as `\\b(?:met|meet|meets)...` matched ignoring
case: it tries the whole pattern at every position, about a millisecond per 1,000 characters for
the meeting triggers, far more than all the rest of the analysis of a sentence. But every match
of such a pattern contains one of a few literal strings ("met" or "meet" here), and looking for
those with `in` is a hundred times cheaper. `needles` derives that set from the pattern itself
(RE2's prefilter, simplified), so the rules in prompts/ stay their only definition and a rule
that changes keeps a correct prefilter; a pattern whose literals cannot be worked out gets none
and is always run.

The test is sound, not exact: `Prefilter.possible` and `Guarded` can say yes where the pattern
finds nothing, never no where it would find something, so skipping on a no changes no result.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import weakref
import zlib
from pathlib import Path
from typing import Any, NamedTuple

try:  # the parser behind `re` (Python 3.11+); without it every pattern is simply always run
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose `re` is laid out differently
    C = _parser = None

# The most strings tracked for one part of a pattern; beyond, the part is "unknown".
_LIMIT = 64

# Characters outside ASCII that `re` matches, ignoring case, to an ASCII character, and to which
# one ("İ" lower-cases to two characters, so `str.lower` alone would not do). tests/unit checks
# every code point against the running Python's `re`.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Lower case, with every character `re` matches ignoring case to an ASCII one made it."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


class _Info(NamedTuple):
    exact: frozenset[str] | None  # all the strings this part can match, when few and known
    required: frozenset[str] | None  # every match holds one of these (None: nothing known)


_UNKNOWN = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _LIMIT:
        return None
    return frozenset(x + y for x in a for y in b)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two required sets: longer shortest string, then fewer strings."""
    usable = [s for s in (a, b) if s and "" not in s]
    if not usable:
        return None
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def _sequence(items: Any) -> _Info:
    run: frozenset[str] | None = frozenset({""})  # exact strings of the current run of parts
    required: frozenset[str] | None = None
    whole = True
    for op, av in items:
        info = _item(op, av)
        if run is not None and info.exact is not None:
            joined = _product(run, info.exact)
            if joined is not None:
                run = joined
                continue
        # The run ends here; what it matched is a contiguous part of every match.
        whole = False
        required = _better(required, run)
        required = _better(required, info.required)
        run = info.exact
    required = _better(required, run)
    return _Info(run if whole else None, required)


def _item(op: Any, av: Any) -> _Info:
    if op is C.LITERAL:
        return _Info(frozenset({chr(av)}), None)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        # Zero-width: matches the empty string here (a lookahead's own needs are ignored).
        return _EMPTY
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif kind is C.RANGE and value[1] - value[0] < _LIMIT:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY, a wide range
                return _UNKNOWN
        return _Info(frozenset(chars), None) if 0 < len(chars) <= _LIMIT else _UNKNOWN
    if op is C.SUBPATTERN:
        return _sequence(av[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is C.BRANCH:
        infos = [_sequence(alternative) for alternative in av[1]]
        exact: frozenset[str] | None = None
        if all(i.exact is not None for i in infos):
            exact = frozenset().union(*(i.exact for i in infos if i.exact is not None))
            if len(exact) > _LIMIT:
                exact = None
        needs = [_better(i.required, i.exact) for i in infos]
        required = (
            frozenset().union(*(n for n in needs if n is not None))
            if all(n is not None for n in needs)
            else None
        )
        if required is not None and len(required) > _LIMIT:
            required = None
        return _Info(exact, required)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av
        info = _sequence(sub)
        if low == 0:
            if high == 1 and info.exact is not None:
                return _Info(info.exact | {""}, None)
            return _UNKNOWN
        if low == high == 1:
            return info
        return _Info(None, _better(info.required, info.exact))
    return _UNKNOWN


class Needles(NamedTuple):
    """Strings one of which every match contains; `folded` when they are to be looked for in
    fold(text) (the pattern ignores case somewhere), else in the text as it is."""

    strings: tuple[str, ...]
    folded: bool

    def possible(self, text: str) -> bool:
        """False only when no match can be in `text`."""
        searched = fold(text) if self.folded else text
        return any(s in searched for s in self.strings)


def _ignores_case(tree: Any) -> bool:
    for op, av in tree:
        if op is C.SUBPATTERN:
            if av[1] & re.IGNORECASE or _ignores_case(av[3]):
                return True
        elif op is C.BRANCH:
            if any(_ignores_case(alternative) for alternative in av[1]):
                return True
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            if _ignores_case(av[2]):
                return True
        elif op is getattr(C, "ATOMIC_GROUP", None) and _ignores_case(av):
            return True
    return False


# Needles already derived in this process (or read from the cache folder by `derive_all`), by
# pattern and flags: several prefilters share patterns.
_known: dict[tuple[str, int], Needles | None] = {}


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """What every match of `pattern` contains; None when nothing is known (always run it)."""
    key = (pattern.pattern, int(pattern.flags))
    if key not in _known and _kept is None:
        # Kept in the cache folder by an earlier batch: reading them back takes a fraction of
        # deriving them again (the intent rules' alone took ~150 ms of every batch's start).
        _read_kept(_needles_file())
    if key not in _known:
        _known[key] = _derive_needles(pattern)
    return _known[key]


def _derive_needles(pattern: re.Pattern[str]) -> Needles | None:
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        info = _sequence(tree)
        folded = bool(pattern.flags & re.IGNORECASE) or _ignores_case(tree)
    except Exception:  # an internal parser we could not read: no prefilter, always run
        return None
    found = _better(info.required, info.exact)
    if found is None:
        return None
    if folded:
        found = frozenset(fold(s) for s in found)
        # Folding is proven for ASCII only (see _FOLD); "Σ" and "ς" are one letter to `re`.
        if not all(s.isascii() for s in found):
            return None
    # "meet" is in every text that holds "meeting": the longer one need not be looked for.
    kept = [s for s in found if not any(o != s and o in s for o in found)]
    return Needles(tuple(sorted(kept)), folded)


# How much text the patterns of a module-level prefilter are simply run over before their needles
# are derived. Deriving costs ~1 ms a pattern (the timex set alone is 14 ms) while running a
# pattern over a short text costs microseconds: a one-question command never reads enough text
# to repay it, an index build or a batch does within a few sentences. More than a question
# (MAX_QUESTION_CHARS), less than an article.
DEFER_CHARS = 5_000
# The prefilters still deferring, for `derive_all`.
_DEFERRED: weakref.WeakSet[Prefilter | Guarded] = weakref.WeakSet()


def derive_all() -> None:
    """Derive every deferred prefilter's needles now: a batch does it once before forking its
    workers, which would otherwise each derive their own (or run every pattern over the
    questions until they have read DEFER_CHARS). Deriving them all takes ~50 ms, the parent's
    longest step before forking, so they are kept in the cache folder and read back next time,
    with any other needles this process derived (the intent rules': `cached_needles`)."""
    path = _needles_file()
    kept = _read_kept(path)
    for item in list(_DEFERRED):
        item.needles  # noqa: B018 - derived on access
    _DEFERRED.clear()
    if path is not None and any(key not in kept for key in _known):
        _write_needles(path)


# What the needles file held when this process first read it (None: not read yet).
_kept: dict[tuple[str, int], Needles | None] | None = None


def _read_kept(path: Path | None) -> dict[tuple[str, int], Needles | None]:
    global _kept
    if _kept is None:
        _kept = _read_needles(path) if path is not None else {}
        for key, found in _kept.items():
            _known.setdefault(key, found)
    return _kept


def cached_needles(pattern: str, flags: int) -> Needles | None:
    """The needles of `pattern` compiled with `flags`, as derived before and kept in the cache
    folder, without compiling it: a question can then skip a rule that cannot match it. None
    when they are not known yet, or none can be derived (the rule must be run)."""
    if _kept is None:
        _read_kept(_needles_file())
    return _known.get((pattern, flags | re.UNICODE))


NEEDLES_FORMAT = 1
_NEEDLES_MAGIC = b"newsdesk-needles"


def _needles_file() -> Path | None:
    from assistant.knowledge.lexicon import derived_cache_file

    # The derivation depends on this module and on the running Python's `re` parser.
    digest = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()
    return derived_cache_file(f"prefilter-needles-{NEEDLES_FORMAT}-{digest[:16]}.txt")


def _read_needles(path: Path) -> dict[tuple[str, int], Needles | None]:
    """The needles kept in `path`; nothing if it is missing, damaged or not of this form (a
    wrong needle would make a rule miss a match, so the file is checked, never trusted)."""
    try:
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        magic, size, crc = head.split(b" ")
        if magic != _NEEDLES_MAGIC or int(size) != len(body) or int(crc, 16) != zlib.crc32(body):
            return {}
        rows = json.loads(body)
        out: dict[tuple[str, int], Needles | None] = {}
        for pattern, flags, strings, folded in rows:
            if not (isinstance(pattern, str) and isinstance(flags, int)):
                return {}
            if strings is None:
                out[(pattern, flags)] = None
            elif isinstance(strings, list) and all(isinstance(x, str) for x in strings):
                out[(pattern, flags)] = Needles(tuple(strings), bool(folded))
            else:
                return {}
        return out
    except (OSError, ValueError, TypeError):
        return {}


def _write_needles(path: Path) -> None:
    from assistant.knowledge.lexicon import write_derived

    rows = [
        [
            pattern,
            flags,
            None if found is None else list(found.strings),
            bool(found and found.folded),
        ]
        for (pattern, flags), found in sorted(_known.items())
    ]
    body = json.dumps(rows, ensure_ascii=False).encode("utf-8")
    write_derived(path, b"%s %d %08x\n" % (_NEEDLES_MAGIC, len(body), zlib.crc32(body)) + body)


class Prefilter:
    """Which of a list of patterns can match a text, by looking for their needles once each.

    With `defer_chars`, the needles are derived only once that many characters have been asked
    about; until then every pattern is possible (always sound: the caller runs them all)."""

    def __init__(self, patterns: list[re.Pattern[str]], defer_chars: int = 0) -> None:
        self._patterns = patterns
        self._defer = defer_chars
        self._needles: list[Needles | None] | None = None
        self._always: list[bool] = [True] * len(patterns)
        self._raw: list[tuple[str, list[int]]] = []
        self._folded: list[tuple[str, list[int]]] = []
        if defer_chars > 0:
            _DEFERRED.add(self)

    @property
    def needles(self) -> list[Needles | None]:
        if self._needles is None:
            self._derive()
        assert self._needles is not None
        return self._needles

    def _derive(self) -> None:
        found_needles = [needles(pattern) for pattern in self._patterns]
        raw: dict[str, list[int]] = {}
        folded: dict[str, list[int]] = {}
        for number, found in enumerate(found_needles):
            if found is not None:
                for s in found.strings:
                    (folded if found.folded else raw).setdefault(s, []).append(number)
        self._always = [n is None for n in found_needles]
        self._raw = list(raw.items())
        self._folded = list(folded.items())
        self._needles = found_needles

    def possible(self, text: str) -> list[bool]:
        """For each pattern: False only when it cannot match `text`."""
        if self._needles is None:
            if self._defer > 0:
                self._defer -= len(text)
                return [True] * len(self._patterns)
            self._derive()
        out = list(self._always)
        for s, numbers in self._raw:
            if s in text:
                for number in numbers:
                    out[number] = True
        if self._folded:
            folded = fold(text)
            for s, numbers in self._folded:
                if s in folded:
                    for number in numbers:
                        out[number] = True
        return out


_NOT_YET = Needles((), False)


class Guarded:
    """A pattern searched only in texts that hold one of its needles (derived as `Prefilter`
    does, after `defer_chars` characters)."""

    __slots__ = ("__weakref__", "_defer", "_needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], defer_chars: int = 0) -> None:
        self.pattern = pattern
        self._defer = defer_chars
        self._needles: Needles | None = _NOT_YET
        if defer_chars > 0:
            _DEFERRED.add(self)

    @property
    def needles(self) -> Needles | None:
        if self._needles is _NOT_YET:
            self._needles = needles(self.pattern)
        return self._needles

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """`pattern.search(text)`, skipped when it cannot match; `folded` is fold(text) if the
        caller has it already."""
        if self._needles is _NOT_YET and self._defer > 0:
            self._defer -= len(text)
            return self.pattern.search(text)
        found = self.needles
        if found is not None:
            if found.folded:
                haystack = fold(text) if folded is None else folded
            else:
                haystack = text
            if not any(s in haystack for s in found.strings):
                return None
        return self.pattern.search(text)
