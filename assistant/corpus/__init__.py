"""Reading a corpus: find files, parse each format, clean bodies, split sentences, passages."""

from assistant.corpus.loaders import corpus_files, load_corpus, load_file
from assistant.corpus.segment import make_passages

__all__ = ["corpus_files", "load_corpus", "load_file", "make_passages"]
