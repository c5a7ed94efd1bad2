"""Compact storage of an indexed corpus, with lazy Article, Passage and Meeting views.

A pydantic `Sentence` costs ~1 KB and a `Passage` more; at 100,000 articles (3 million sentences)
objects for everything would take gigabytes and seconds to load. Instead the corpus is kept as a
few flat arrays (in memory after a build, memory-mapped from the index cache after a restart):

========================  =================  ===============================================
array                     shape, dtype       holds
========================  =================  ===============================================
``art_blob``/``art_off``  bytes, (n+1,) i8   each article's JSON (`Article` minus sentences
                                             and paragraphs), one after another
``art_date``              (n,) i4            date as a proleptic ordinal, -1 when undated
``sent``/``art_sent``     (S, 4) i4, (n+1,)  start, end, paragraph, caption of each sentence;
                                             article i's are rows art_sent[i]:art_sent[i+1]
``par``/``art_par``       (Pp, 2) i4         paragraph (start, end) offsets, the same way
``psg``/``art_psg``       (P, 4) i4          article, sentence, first and last sentence of
                                             each passage (passage id = row)
``meet_blob``/``meet_off``  bytes, (M+1,)    each meeting's JSON, grouped by article in corpus
``art_meet``              (n+1,) i8          order; article i's are art_meet[i]:art_meet[i+1]
``ana_blob``/``ana_off``  bytes, (n+1,) i8   each article's entity analysis (JSON, see
                                             knowledge/analysis.py), b"" when none was made
========================  =================  ===============================================

plus the article ids (JSON). `Article`, `Passage` and `Meeting` objects are made on access and
the most recently used articles are kept in a small LRU; the views are the Mapping/Sequence types
the rest of the program already uses (`engine.articles[aid]`, `engine.passages[i]`, iteration in
corpus order).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast, overload

import numpy as np
from pydantic import BaseModel

from assistant.models import Article, Meeting, Passage, Sentence

M = TypeVar("M", bound=BaseModel)

ARRAYS = (
    "art_blob",
    "art_off",
    "art_date",
    "sent",
    "art_sent",
    "par",
    "art_par",
    "psg",
    "art_psg",
    "meet_blob",
    "meet_off",
    "art_meet",
    "ana_blob",
    "ana_off",
)
ARTICLE_LRU = 2048
MEETING_LRU = 4096
NO_DATE = -1


_new = object.__new__
_set = object.__setattr__


def _fast(cls: type[M], data: dict[str, object]) -> M:
    """A pydantic model instance from already valid field values, without validation.

    pydantic's own `model_construct` costs ~10 us a call; this is what it leaves behind (the
    field dict, the set of fields given, no extra, no private attributes) at ~1 us. `_check_fast`
    compares the two once at import and falls back to model_construct if they ever differ.
    """
    obj = _new(cls)
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", set(data))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _check_fast() -> bool:
    try:
        sample = {"index": 1, "paragraph": 0, "start": 2, "end": 5, "caption": False}
        made, real = _fast(Sentence, dict(sample)), Sentence.model_validate(sample)
        return (
            made == real
            and hash(made) == hash(real)
            and made.model_dump() == real.model_dump()
            and made.model_dump_json() == real.model_dump_json()
            and made.model_fields_set == real.model_fields_set
        )
    except Exception:  # pragma: no cover - a pydantic without these internals
        return False


if not _check_fast():  # pragma: no cover

    def _fast(cls: type[M], data: dict[str, object]) -> M:
        made: M = cast(Any, cls).model_construct(**data)
        return made


def article_json(article: Article) -> bytes:
    """The stored form of an article: everything but its sentences and paragraphs."""
    return article.model_dump_json(exclude={"sentences", "paragraphs"}).encode()


@dataclass
class CompactCorpus:
    """The arrays above plus the ids; see the module docstring."""

    ids: list[str]
    arrays: dict[str, np.ndarray]

    def __post_init__(self) -> None:
        missing = [name for name in ARRAYS if name not in self.arrays]
        if missing:
            raise KeyError(f"corpus arrays missing: {', '.join(missing)}")
        a = self.arrays
        n = len(self.ids)
        for name in ("art_off", "art_sent", "art_par", "art_psg", "art_meet", "ana_off"):
            if a[name].shape != (n + 1,):
                raise ValueError(f"corpus array {name!r}: shape {a[name].shape}, expected {n + 1}")
        if a["art_date"].shape != (n,):
            raise ValueError("corpus array 'art_date' does not match the articles")
        checks = (
            ("art_off", "art_blob"),
            ("art_sent", "sent"),
            ("art_par", "par"),
            ("art_psg", "psg"),
            ("art_meet", "meet_off"),
            ("meet_off", "meet_blob"),
            ("ana_off", "ana_blob"),
        )
        for ptr, data in checks:
            last = int(a[ptr][-1]) if a[ptr].size else 0
            size = a[data].shape[0] - (1 if data == "meet_off" else 0)
            if last != size:
                raise ValueError(f"corpus arrays {ptr!r} and {data!r} do not match")
        self._lock = threading.Lock()
        self._articles: OrderedDict[int, Article] = OrderedDict()
        self._meetings: OrderedDict[int, Meeting] = OrderedDict()
        self._index: dict[str, int] | None = None
        # Plain Python lists of the small pointer arrays: faster to index than numpy scalars.
        self._psg_art: np.ndarray = a["psg"][:, 0] if a["psg"].size else np.zeros(0, np.int32)

    # ------------------------------------------------------------------ sizes

    @property
    def n_articles(self) -> int:
        return len(self.ids)

    @property
    def n_passages(self) -> int:
        return int(self.arrays["psg"].shape[0])

    @property
    def n_meetings(self) -> int:
        return int(self.arrays["meet_off"].shape[0]) - 1

    def position(self, article_id: str) -> int:
        """Index of an article in corpus order; KeyError if unknown."""
        index = self._index
        if index is None:
            index = self._index = {aid: i for i, aid in enumerate(self.ids)}
        return index[article_id]

    def has(self, article_id: str) -> bool:
        try:
            self.position(article_id)
        except KeyError:
            return False
        return True

    # ------------------------------------------------------------------ articles

    def _span(self, name: str, i: int) -> tuple[int, int]:
        ptr = self.arrays[name]
        return int(ptr[i]), int(ptr[i + 1])

    def article_bytes(self, i: int) -> bytes:
        s, e = self._span("art_off", i)
        return self.arrays["art_blob"][s:e].tobytes()

    def article(self, i: int) -> Article:
        with self._lock:
            cached = self._articles.get(i)
            if cached is not None:
                self._articles.move_to_end(i)
                return cached
        article = self._make_article(i)
        with self._lock:
            self._articles[i] = article
            if len(self._articles) > ARTICLE_LRU:
                self._articles.popitem(last=False)
        return article

    def _make_article(self, i: int) -> Article:
        article = Article.model_validate_json(self.article_bytes(i))
        s, e = self._span("art_par", i)
        article.paragraphs = [(p, q) for p, q in self.arrays["par"][s:e].tolist()]
        s, e = self._span("art_sent", i)
        article.sentences = [
            _fast(
                Sentence,
                {
                    "index": k,
                    "paragraph": par,
                    "start": start,
                    "end": end,
                    "caption": caption == 1,
                },
            )
            for k, (start, end, par, caption) in enumerate(self.arrays["sent"][s:e].tolist())
        ]
        return article

    def analysis_bytes(self, i: int) -> bytes:
        """Article i's entity analysis as the index build stored it (b"" when none was)."""
        s, e = self._span("ana_off", i)
        return self.arrays["ana_blob"][s:e].tobytes()

    def date(self, i: int) -> dt.date | None:
        ordinal = int(self.arrays["art_date"][i])
        return None if ordinal == NO_DATE else dt.date.fromordinal(ordinal)

    # ------------------------------------------------------------------ passages

    def passage(self, pid: int) -> Passage:
        art, sentence, first, last = self.arrays["psg"][pid].tolist()
        article = self.article(art)
        sentences = article.sentences
        start, end = sentences[first].start, sentences[last].end
        return _fast(
            Passage,
            {
                "id": pid,
                "article_id": article.id,
                "paragraph": sentences[sentence].paragraph,
                "sentence": sentence,
                "first_sentence": first,
                "last_sentence": last,
                "start": start,
                "end": end,
                "text": article.text[start:end],
            },
        )

    def passage_article(self, pid: int) -> int:
        return int(self._psg_art[pid])

    def passages_of(self, i: int) -> range:
        s, e = self._span("art_psg", i)
        return range(s, e)

    # ------------------------------------------------------------------ meetings

    def meeting(self, j: int) -> Meeting:
        with self._lock:
            cached = self._meetings.get(j)
            if cached is not None:
                self._meetings.move_to_end(j)
                return cached
        off = self.arrays["meet_off"]
        meeting = Meeting.model_validate_json(
            self.arrays["meet_blob"][int(off[j]) : int(off[j + 1])].tobytes()
        )
        with self._lock:
            self._meetings[j] = meeting
            if len(self._meetings) > MEETING_LRU:
                self._meetings.popitem(last=False)
        return meeting

    def meetings_of(self, i: int) -> range:
        s, e = self._span("art_meet", i)
        return range(s, e)

    def meeting_article(self, j: int) -> int:
        """The article index of meeting j (binary search in art_meet)."""
        return int(np.searchsorted(self.arrays["art_meet"], j, side="right")) - 1

    # ------------------------------------------------------------------ sizes in memory

    def nbytes(self) -> int:
        return sum(int(a.nbytes) for a in self.arrays.values())


class ArticleView(Mapping[str, Article]):
    """`engine.articles`: id -> Article in corpus order, Article objects made on access."""

    def __init__(self, corpus: CompactCorpus) -> None:
        self._c = corpus

    def __getitem__(self, article_id: str) -> Article:
        return self._c.article(self._c.position(article_id))

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._c.has(article_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._c.ids)

    def __len__(self) -> int:
        return self._c.n_articles

    def __repr__(self) -> str:
        return f"<ArticleView of {len(self)} articles>"


class PassageView(Sequence[Passage]):
    """`engine.passages`: Passage by id, made on access."""

    def __init__(self, corpus: CompactCorpus) -> None:
        self._c = corpus

    def __len__(self) -> int:
        return self._c.n_passages

    @overload
    def __getitem__(self, i: int) -> Passage: ...
    @overload
    def __getitem__(self, i: slice) -> list[Passage]: ...
    def __getitem__(self, i: int | slice) -> Passage | list[Passage]:
        if isinstance(i, slice):
            return [self._c.passage(j) for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("passage index out of range")
        return self._c.passage(i)

    def __iter__(self) -> Iterator[Passage]:
        for j in range(len(self)):
            yield self._c.passage(j)

    def __repr__(self) -> str:
        return f"<PassageView of {len(self)} passages>"


class MeetingView(Sequence[Meeting]):
    """`engine.meetings`: every meeting, grouped by article in corpus order, made on access.

    A full iteration keeps the parsed meetings (so the second pass is a list walk)."""

    def __init__(self, corpus: CompactCorpus) -> None:
        self._c = corpus
        self._all: list[Meeting] | None = None

    def __len__(self) -> int:
        return self._c.n_meetings

    @overload
    def __getitem__(self, i: int) -> Meeting: ...
    @overload
    def __getitem__(self, i: slice) -> list[Meeting]: ...
    def __getitem__(self, i: int | slice) -> Meeting | list[Meeting]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("meeting index out of range")
        if self._all is not None:
            return self._all[i]
        return self._c.meeting(i)

    def __iter__(self) -> Iterator[Meeting]:
        return iter(self.materialise())

    def materialise(self) -> list[Meeting]:
        if self._all is None:
            blob = self._c.arrays["meet_blob"]
            off = self._c.arrays["meet_off"].tolist()
            data = blob.tobytes() if len(self) else b""
            validate = Meeting.model_validate_json
            self._all = [validate(data[off[j] : off[j + 1]]) for j in range(len(self))]
        return self._all

    def __repr__(self) -> str:
        return f"<MeetingView of {len(self)} meetings>"


def empty_arrays() -> dict[str, np.ndarray]:
    z8 = np.zeros(1, dtype=np.int64)
    return {
        "art_blob": np.zeros(0, dtype=np.uint8),
        "art_off": z8.copy(),
        "art_date": np.zeros(0, dtype=np.int32),
        "sent": np.zeros((0, 4), dtype=np.int32),
        "art_sent": z8.copy(),
        "par": np.zeros((0, 2), dtype=np.int32),
        "art_par": z8.copy(),
        "psg": np.zeros((0, 4), dtype=np.int32),
        "art_psg": z8.copy(),
        "meet_blob": np.zeros(0, dtype=np.uint8),
        "meet_off": z8.copy(),
        "art_meet": z8.copy(),
        "ana_blob": np.zeros(0, dtype=np.uint8),
        "ana_off": z8.copy(),
    }


def ids_json(ids: Sequence[str]) -> bytes:
    return json.dumps(list(ids), ensure_ascii=False).encode("utf-8", "surrogatepass")
