"""Sentence splitting with NLTK's Punkt (no downloaded model) and passages for retrieval.

Punkt runs with our own parameters: the abbreviations in prompts/abbreviations.toml and a
small list of words that start sentences. It needs no nltk data, so nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from assistant import prompts
from assistant.corpus.clean import is_caption_sentence
from assistant.lazy_re import lazy_compile
from assistant.models import Article, Passage, Sentence


@cache
def sentence_starters() -> frozenset[str]:
    """prompts/sentence_starters.toml: words that start a sentence even after an abbreviation."""
    return frozenset(
        w.lower() for w in prompts.load_prompt("sentence_starters", prompts.WordList).words
    )


# Longest sentence kept whole; longer ones are cut at "; ", ", " or a space.
MAX_SENTENCE = 1000
_MIN_PIECE = 200

# Tokens this long (URLs, hostile runs of punctuation) are masked before Punkt sees them:
# Punkt's candidate search is quadratic in the length of a token with many periods in it.
_LONG_TOKEN = lazy_compile(r"(?<!\S)\S{64,}")
_TRAILING_PUNCT = lazy_compile(r"[.!?\"')\]]{1,3}$")
_HAS_WORD = lazy_compile(r"[^\W_]")
_LOWER_START = lazy_compile(r"[\"'(\[]*[a-z]")
# A piece that is only parenthesised credits: "(Pool photo) (Yonhap)".
_PARENS_ONLY = lazy_compile(r"(?:\([^()\n]{0,80}\)\s*)+")


class _LanguageVars(PunktLanguageVars):
    """Punkt's own patterns, compiled with the standard `re` module.

    nltk routes its regexes through a timeout wrapper on the third-party `regex` engine, which
    doubles the cost of splitting. These patterns are nltk's linear ones; the long tokens that
    could still make them slow are masked before Punkt runs (see `_mask_long_tokens`).
    """

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        try:
            return self._re_word_tokenizer  # type: ignore[has-type]
        except AttributeError:
            self._re_word_tokenizer = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            return self._re_word_tokenizer

    def period_context_re(self) -> re.Pattern[str]:
        try:
            return self._re_period_context  # type: ignore[has-type]
        except AttributeError:
            self._re_period_context = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE,
            )
            return self._re_period_context


class _Token(PunktToken):
    __slots__ = ()
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
    _RE_ALPHA = re.compile(r"[^\W\d]+$", re.UNICODE)


# A candidate context "word. Next": a plain word, the end mark, a plain next word.
_PLAIN_CONTEXT = lazy_compile(r"([^\W\d_]{2,})([.?!])\s+([^\W\d_]+)")


class _Punkt(PunktSentenceTokenizer):
    """Punkt with a memo of its decision per candidate context ("said. He").

    With our parameters (no trained collocations or orthographic context) Punkt decides a plain
    "word. Next" context from only: is the word an abbreviation, the end mark, and whether the
    next word is a sentence starter or else its case. Such contexts share one memo key
    ("word. Xxxx"), so Punkt itself still makes every decision, once per kind.
    """

    _MEMO_LIMIT = 500_000

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params, lang_vars=_LanguageVars(), token_cls=_Token)
        self._memo: dict[str, bool] = {}
        self._abbrevs = frozenset(params.abbrev_types)
        self._starters = frozenset(params.sent_starters)

    def _key(self, text: str) -> str:
        match = _PLAIN_CONTEXT.fullmatch(text)
        if match is None or match.group(1).lower() in self._abbrevs:
            return text
        following = match.group(3)
        if following.lower() not in self._starters:
            if following[0].isupper():
                following = "Xxxx"
            elif following[0].islower():
                following = "xxxx"
        return "word" + match.group(2) + " " + following

    def text_contains_sentbreak(self, text: str) -> bool:
        key = self._key(text)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= self._MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[key] = super().text_contains_sentbreak(key)
        return found


@cache
def splitter() -> _Punkt:
    params = PunktParameters()
    params.abbrev_types = set(prompts.abbreviations())
    params.sent_starters = set(sentence_starters())
    return _Punkt(params)


def _mask_long_tokens(text: str) -> str:
    """Same-length text where each long token is "xxx... xxx" plus its final punctuation."""
    if not _LONG_TOKEN.search(text):
        return text

    def mask(match: re.Match[str]) -> str:
        token = match.group()
        tail = _TRAILING_PUNCT.search(token)
        keep = len(tail.group()) if tail else 0
        # Spaces inside keep Punkt's backward search for the previous word short.
        filler = (_FILLER * (len(token) // len(_FILLER) + 1))[: len(token) - keep - 1] + "x"
        return filler + token[len(token) - keep :]

    return _LONG_TOKEN.sub(mask, text)


_FILLER = "x" * 31 + " "
_END_MARK = lazy_compile(r"[.!?]")
_CANDIDATE = lazy_compile(r"[.!?][\"')\]]*\s")
# Paragraphs longer than this with a candidate break every few characters are not prose
# ("! ! ! ..."): Punkt would spend seconds on them, so they are only cut by length.
_HOSTILE_LENGTH = 10_000
_HOSTILE_DENSITY = 15


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    end = len(text.rstrip())
    if not _END_MARK.search(text):
        return [(0, end)]
    if len(text) > _HOSTILE_LENGTH:
        candidates = len(_CANDIDATE.findall(text))
        if candidates * _HOSTILE_DENSITY > len(text):
            return [(0, end)]
    try:
        return list(splitter().span_tokenize(_mask_long_tokens(text)))
    except (ValueError, IndexError):
        # Defensive: never let one odd paragraph stop a load; keep it whole, cut below.
        return [(0, end)]


# "N.V.", "C.T.": dotted initials not in the abbreviation list; Punkt ends a sentence there.
_DOTTED_END = lazy_compile(r"(?:^|[\s(])[\"']?(?:[^\W\d_]\.){2,}[\"')]*$")
_FIRST_WORD = lazy_compile(r"[\"'(\[]*([^\W_]+)")
# An aside in parentheses that the sentence goes on after in lower case ("... Ipari Kft.
# (HDT Limited) acquired ..."): the break before it was an abbreviation's period.
_ASIDE_START = lazy_compile(r"\([^()]{1,60}\)\s+[a-z]")
# A list number standing alone: "1.", "(2)", "3)".
_LIST_NUMBER = lazy_compile(r"\(?\d{1,3}[.)]")


def _joins_previous(previous: str, piece: str) -> bool:
    if _LOWER_START.match(piece) or _PARENS_ONLY.fullmatch(piece) or _ASIDE_START.match(piece):
        return True
    if _DOTTED_END.search(previous[-40:]):
        first = _FIRST_WORD.match(piece)
        return first is None or first.group(1).lower() not in sentence_starters()
    return False


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces that cannot stand alone: lower-case starts, bare punctuation, list numbers,
    credits in parentheses, and breaks after dotted initials ("C.T. Vivian")."""
    out: list[tuple[int, int]] = []
    pending: int | None = None  # start of a fragment waiting to join the next piece
    for start, end in spans:
        piece = text[start:end]
        if pending is not None:
            start, pending = pending, None
        elif out and _joins_previous(text[out[-1][0] : out[-1][1]], piece):
            out[-1] = (out[-1][0], end)
            continue
        if not _HAS_WORD.search(piece) or _LIST_NUMBER.fullmatch(piece):
            if out and not _LIST_NUMBER.fullmatch(piece):
                out[-1] = (out[-1][0], end)
            else:
                pending = start
            continue
        out.append((start, end))
    if pending is not None:
        end = len(text.rstrip())
        if out:
            out[-1] = (out[-1][0], end)
        else:
            out.append((pending, end))
    return out


def _cut_point(text: str, start: int, end: int) -> int:
    """Where to cut text[start:end] (longer than MAX_SENTENCE): after "; ", ", " or a space."""
    low, high = start + _MIN_PIECE, start + MAX_SENTENCE
    for mark in ("; ", ", ", " "):
        at = text.rfind(mark, low, high)
        if at != -1:
            return at + len(mark.rstrip())
    return high


def _break_long(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE:
            cut = _cut_point(text, start, end)
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, offsets into `paragraph`."""
    if not paragraph.strip():
        return []
    spans = _merge_fragments(paragraph, _punkt_spans(paragraph))
    return _break_long(paragraph, spans)


def split_sentences(
    text: str, paragraphs: list[tuple[int, int]], captions: list[bool] | None = None
) -> list[Sentence]:
    """Sentences of a cleaned text, paragraph by paragraph; caption paragraphs mark theirs."""
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        caption_paragraph = bool(captions and captions[number])
        for start, end in sentence_spans(paragraph):
            caption = caption_paragraph or is_caption_sentence(paragraph[start:end])
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=number,
                    start=p_start + start,
                    end=p_start + end,
                    caption=caption,
                )
            )
    return sentences


def passage_spans(
    paragraphs: list[int], captions: list[bool], context: int = 1
) -> list[tuple[int, int, int]]:
    """(sentence, first, last) of each passage, from each sentence's paragraph and caption flag.

    One passage per body sentence: it and up to `context` neighbours on each side, staying within
    the sentence's paragraph and never including a caption sentence.
    """
    n = len(paragraphs)
    out: list[tuple[int, int, int]] = []
    for index in range(n):
        if captions[index]:
            continue
        paragraph = paragraphs[index]
        first = last = index
        for _ in range(context):
            before = first - 1
            if before < 0 or paragraphs[before] != paragraph or captions[before]:
                break
            first = before
        for _ in range(context):
            after = last + 1
            if after >= n or paragraphs[after] != paragraph or captions[after]:
                break
            last = after
        out.append((index, first, last))
    return out


def make_passages(article: Article, context: int = 1, start_id: int = 0) -> list[Passage]:
    """One passage per body sentence: it and up to `context` neighbours on each side.

    Neighbours stay within the sentence's paragraph and never include a caption sentence.
    """
    sentences = article.sentences
    spans = passage_spans([s.paragraph for s in sentences], [s.caption for s in sentences], context)
    passages: list[Passage] = []
    for index, first, last in spans:
        start, end = sentences[first].start, sentences[last].end
        passages.append(
            Passage(
                id=start_id + len(passages),
                article_id=article.id,
                paragraph=sentences[index].paragraph,
                sentence=index,
                first_sentence=first,
                last_sentence=last,
                start=start,
                end=end,
                text=article.text[start:end],
            )
        )
    return passages
