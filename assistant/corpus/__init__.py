"""Reading a corpus: find files, parse each format, clean bodies, split sentences, passages.

`corpus_files` is imported eagerly (it is light); the loaders and the sentence splitter, which
pull in NLTK's Punkt, trafilatura and the cleaning rules, only when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.corpus.files import corpus_files

if TYPE_CHECKING:
    from assistant.corpus.loaders import load_corpus, load_file
    from assistant.corpus.segment import make_passages

__all__ = ["corpus_files", "load_corpus", "load_file", "make_passages"]


def __getattr__(name: str) -> Any:
    if name in ("load_corpus", "load_file"):
        from assistant.corpus import loaders

        return getattr(loaders, name)
    if name == "make_passages":
        from assistant.corpus import segment

        return segment.make_passages
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
