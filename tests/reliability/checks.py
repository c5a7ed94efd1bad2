"""What every loaded article and every answer must satisfy, whatever the input was."""

from __future__ import annotations

import re
from typing import Any

from assistant.corpus import make_passages
from assistant.engine import Engine
from assistant.models import Answer, Article, SkippedFile

# C0 and C1 controls except tab and newline: never in cleaned text, answers or printed output.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What must never reach a terminal: those, and the bidi overrides that reorder what is shown.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_article(article: Article) -> None:
    """Everything a consumer relies on: valid model, offsets in range, sentences in order."""
    Article.model_validate(article.model_dump())
    text = article.text
    assert text.strip(), "an article always has text"
    assert not CONTROL.search(text), repr(text)
    assert not CONTROL.search(article.id) and article.id.strip()
    assert not CONTROL.search(article.title) and "\n" not in article.title
    assert len(article.title) <= 300
    for key, value in article.metadata.items():
        assert not CONTROL.search(key) and not CONTROL.search(value)
    for field in (article.author, article.source, article.url, article.dateline):
        assert field is None or not CONTROL.search(field)
    previous_end = 0
    for start, end in article.paragraphs:
        assert previous_end <= start <= end <= len(text)
        previous_end = end
    previous_end = 0
    for number, sentence in enumerate(article.sentences):
        assert sentence.index == number
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert 0 <= sentence.paragraph < len(article.paragraphs)
        p_start, p_end = article.paragraphs[sentence.paragraph]
        assert p_start <= sentence.start and sentence.end <= p_end
        assert article.sentence_text(number).strip()
        previous_end = sentence.end
    for passage in make_passages(article):
        assert 0 <= passage.start < passage.end <= len(text)
        assert passage.text == text[passage.start : passage.end]
        assert passage.first_sentence <= passage.sentence <= passage.last_sentence


def check_skip(skip: SkippedFile) -> None:
    assert skip.reason.strip()
    assert "\n" not in skip.reason


def check_answer(engine: Engine, answer: Answer) -> None:
    Answer.model_validate(answer.model_dump())
    for text in (answer.answer, answer.short, *strings(answer.facts)):
        assert not CONTROL.search(text), repr(text)
    assert answer.answer.strip()
    assert 0.0 <= answer.confidence <= 1.0
    for citation in answer.citations:
        article = engine.articles[citation.article_id]
        if citation.sentence_index == -1:
            assert citation.sentence == article.title
        else:
            assert 0 <= citation.sentence_index < len(article.sentences)
            assert citation.sentence == article.sentence_text(citation.sentence_index)
        assert not CONTROL.search(citation.sentence)
    for hit in answer.passages:
        passage = hit.passage
        text = engine.articles[passage.article_id].text
        assert passage.text == text[passage.start : passage.end]


def strings(value: Any) -> list[str]:
    """Every string inside a JSON-like value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [*strings(k), *strings(v)]]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []
