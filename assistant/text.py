"""The one tokenizer used for passages and queries alike, and shared text normalisation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball project's own English stemmer, in C

from assistant import prompts
from assistant.lazy_re import lazy_compile

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u00a0": " ",
    }
)
# Words are runs of letters/digits; "Japan's" yields "japan" and the clitic "s" (a stopword).
_WORD = lazy_compile(r"[^\W_]+", re.UNICODE)


# str.translate looks up every character of the text in the table (5% of answering went there,
# folding whole articles); most texts have none of these characters left after loading.
# A substring scan per character is ten times faster than a character-class regex here.
_QUOTE_CHARS = tuple(chr(code) for code in _QUOTES)


def normalise(text: str) -> str:
    """NFC-normalise and fold typographic quotes and dashes to ASCII."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_QUOTES) if any(c in text for c in _QUOTE_CHARS) else text


def fold(text: str) -> str:
    """Lower-case and strip accents, for matching names typed without them."""
    if text.isascii():
        return text.lower()
    return _fold_unicode(text)


def trim_words(text: str, limit: int) -> str:
    """At most `limit` words. A longer text is cut after its last whole clause (a word ending in
    a comma or semicolon) in the second half of the limit, so a list of purposes loses its last
    items rather than ending mid-phrase ("..., and to coordinate")."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    kept = words[:limit]
    for end in range(limit - 1, limit // 2 - 1, -1):
        if kept[end].endswith((",", ";")):
            return " ".join(kept[: end + 1]).rstrip(",;")
    return " ".join(kept)


_COMBINING = lazy_compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
    # Decompose, then drop the combining accents in one regex pass (a per-character loop
    # over whole articles was the slowest step of answering).
    return _COMBINING.sub("", unicodedata.normalize("NFKD", normalise(text))).lower()


class _StemMemo(dict[str, str]):
    """Word -> stem, stemming a word on its first look-up: a hit stays in C, which matters when
    every word of every sentence read is looked up."""

    def __init__(self, stemmer: Stemmer.Stemmer, irregular: dict[str, str]) -> None:
        super().__init__()
        self._stemmer = stemmer
        self._irregular = irregular

    def __missing__(self, word: str) -> str:
        stem: str = self._stemmer.stemWord(self._irregular.get(word, word))
        self[word] = stem
        return stem

    def learn(self, words: list[str]) -> None:
        """Stem new words in one call of the stemmer (a sentence read for the first time has
        several)."""
        irregular = self._irregular
        stems = self._stemmer.stemWords([irregular.get(w, w) for w in words])
        self.update(zip(words, stems, strict=True))


class Tokenizer:
    """Lower-casing, unicode word split, stopword removal and Snowball stemming."""

    def __init__(self, stopwords: Iterable[str] | None = None) -> None:
        self.stopwords = frozenset(stopwords) if stopwords is not None else prompts.stopwords()
        # Stemming is the slow step; a memo per distinct word makes it ~15x cheaper on real text.
        # (A British spelling is indexed as the American one: "advisor" as "adviser".)
        self._irregular = {**prompts.spelling_forms(), **prompts.irregular_forms()}
        self._memo = _StemMemo(Stemmer.Stemmer("english"), self._irregular)

    def words(self, text: str) -> list[str]:
        """Surface words, folded, before stopword removal and stemming."""
        return _WORD.findall(fold(text))

    def stem(self, word: str) -> str:
        return self._memo[word]

    def stems(self, words: Collection[str]) -> frozenset[str]:
        """The distinct stems of `words` (stopwords are not removed here)."""
        memo = self._memo
        new = [w for w in words if w not in memo]
        if new:
            memo.learn(new)
        return frozenset(map(memo.__getitem__, words))

    def __call__(self, text: str) -> list[str]:
        stop, memo = self.stopwords, self._memo
        return [memo[w] for w in _WORD.findall(fold(text)) if w not in stop]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, stem) for each indexed word of `text`, offsets into `text` itself."""
        stop = self.stopwords
        out = []
        folded = fold(text)
        if len(folded) != len(text):
            # Accent stripping changed lengths; fall back to matching on the unfolded text.
            folded = normalise(text).lower()
        for match in _WORD.finditer(folded):
            word = match.group()
            if word not in stop:
                out.append((match.start(), match.end(), self.stem(word)))
        return out
