"""Property-based tests: arbitrary input never raises, and every output is well formed.

Loaders (every format), the sentence splitter, the question parser, the template renderer and
`Engine.ask` get text hypothesis makes up: any unicode, long lines, empty strings, only
punctuation, mixed scripts, NUL and other control bytes, markup and escape sequences.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus import load_file
from assistant.corpus.segment import MAX_SENTENCE, sentence_spans, split_sentences
from assistant.engine import Engine
from assistant.knowledge.meetings import extract_meetings
from assistant.qa.conversation import Conversation
from assistant.qa.questions import QuestionFrame, parse_question
from assistant.qa.templates import PLACEHOLDERS, templates

from .checks import check_answer, check_article, check_skip
from .conftest import BEL, CLEAR, ESC, OSC8, RED, TITLE_SET

FAST = settings(
    max_examples=int(__import__("os").environ.get("REL_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- strategies -------------------------------------------------------------------------------

HOSTILE_PIECES = [
    ESC,
    BEL,
    RED,
    CLEAR,
    OSC8,
    TITLE_SET,
    "\x00",
    "\x9b31m",
    "\u202e",
    "\ufeff",
    "\r\n",
    "\r",
    "\x0b",
    "\x0c",
    "\u2028",
    "[bold]",
    "[/bold]",
    "[link=http://x]",
    "{",
    "}",
    "{answer}",
    "{0}",
    "%s",
    "...",
    "!!!",
    "U.S.",
    "Mr.",
    "\n\n",
    " ",
    "  ",
    "\t",
    "Lee Jae Myung",
    "met",
    "The Big Red",
    "Monday",
    "May 2025",
    "Tokyo",
    "東京",
    "القاهرة",
    "Αθήνα",
    "Zürich",
    "e\u0301",
    "İ",
    "ß",
    "\U0001f600",
]
PUNCTUATION = st.text(alphabet=st.sampled_from(list("!?.,;:-()[]{}\"'`*_#>|/\\~")), max_size=300)
LONG_LINE = st.builds(
    lambda unit, n: unit * n,
    st.sampled_from(["word ", "x", "Big Red ", "the ", "1.", "! ", "a.)", "[(", "é"]),
    st.integers(min_value=200, max_value=3000),
)
PIECES = st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=20), max_size=40).map("".join)
TEXT = st.one_of(st.text(max_size=400), PIECES, PUNCTUATION, LONG_LINE, st.just(""))


def _json_value(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=10,
    )


JSON_LEAF = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT
ARTICLE_OBJECT = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(TEXT, st.integers(), st.none(), st.booleans()),
        "title": JSON_LEAF,
        "date": JSON_LEAF,
        "author": _json_value(JSON_LEAF),
        "source": JSON_LEAF,
        "url": JSON_LEAF,
        "text": TEXT,
        "body": JSON_LEAF,
        "tags": _json_value(JSON_LEAF),
    },
)


def _jsonl(objects: list[Any], junk: list[str]) -> str:
    lines = [json.dumps(o, ensure_ascii=False) for o in objects] + junk
    return "\n".join(lines)


JSONL_TEXT = st.builds(
    _jsonl,
    st.lists(ARTICLE_OBJECT | _json_value(JSON_LEAF), max_size=5),
    st.lists(TEXT, max_size=2),
)
JSON_TEXT = st.one_of(
    ARTICLE_OBJECT.map(lambda o: json.dumps(o, ensure_ascii=False)),
    st.lists(ARTICLE_OBJECT, max_size=3).map(json.dumps),
    TEXT,
)
HTML_TEXT = st.one_of(
    TEXT,
    st.tuples(TEXT, TEXT).map(
        lambda parts: (
            f"<html><head><title>{parts[0]}</title></head><body><article><h1>"
            f"{parts[0]}</h1><p>{parts[1]}</p><p>{parts[1]}</p></article></body></html>"
        )
    ),
)
MD_TEXT = st.one_of(
    TEXT,
    st.tuples(TEXT, TEXT).map(
        lambda p: f"---\ntitle: {p[0]}\ndate: {p[0]}\n---\n# {p[0]}\n\n{p[1]}"
    ),
)
TXT_TEXT = st.one_of(
    TEXT, st.tuples(TEXT, TEXT).map(lambda p: f"{p[0]}\n\nBy {p[0]}\n{p[0]}\n\nLONDON - {p[1]}")
)
CONTENT = {
    ".txt": TXT_TEXT,
    ".md": MD_TEXT,
    ".json": JSON_TEXT,
    ".jsonl": JSONL_TEXT,
    ".html": HTML_TEXT,
}


@pytest.mark.parametrize("suffix", list(CONTENT))
def test_load_file_accepts_any_text(suffix: str) -> None:
    @FAST
    @given(content=CONTENT[suffix])
    def run(content: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"article{suffix}"
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
            articles, skipped = load_file(path)
        for article in articles:
            check_article(article)
            # Indexing runs the meeting rules on every loaded article: they must not raise.
            for meeting in extract_meetings(article):
                assert meeting.article_id == article.id
                assert all(0 <= i < len(article.sentences) for i in meeting.sentences)
        for skip in skipped:
            check_skip(skip)
        assert articles or skipped, "every file is either loaded or reported"

    run()


@pytest.mark.parametrize("suffix", list(CONTENT))
@FAST
@given(data=st.binary(max_size=600))
def test_load_file_accepts_any_bytes(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        articles, skipped = load_file(path)
    for article in articles:
        check_article(article)
    for skip in skipped:
        check_skip(skip)
    assert articles or skipped


# --- sentence splitter ------------------------------------------------------------------------


@FAST
@given(paragraph=TEXT)
def test_sentence_spans_cover_the_paragraph_in_order(paragraph: str) -> None:
    spans = sentence_spans(paragraph)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(paragraph)
        assert end - start <= MAX_SENTENCE
        assert paragraph[start:end].strip()
        previous = end
    # No word is lost: every non-space character lies inside a sentence.
    covered = [False] * len(paragraph)
    for start, end in spans:
        covered[start:end] = [True] * (end - start)
    lost = [
        c for c, inside in zip(paragraph, covered, strict=True) if not inside and not c.isspace()
    ]
    assert not lost, f"characters outside every sentence: {''.join(lost)[:80]!r}"


@FAST
@given(paragraphs=st.lists(TEXT.filter(lambda t: "\n\n" not in t), min_size=1, max_size=5))
def test_split_sentences_offsets_point_into_the_text(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    offsets = []
    position = 0
    for paragraph in paragraphs:
        offsets.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    sentences = split_sentences(text, offsets, [False] * len(offsets))
    previous = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number
        assert previous <= sentence.start < sentence.end <= len(text)
        p_start, p_end = offsets[sentence.paragraph]
        assert p_start <= sentence.start and sentence.end <= p_end
        previous = sentence.end


# --- questions and templates ------------------------------------------------------------------


@FAST
@given(question=TEXT, known=st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=5))
def test_parse_question_accepts_anything(question: str, known: dict[str, str]) -> None:
    for names in (None, known):
        frame = parse_question(question, names)
        assert isinstance(frame, QuestionFrame)
        assert isinstance(frame.intent, str) and frame.intent
        assert len(frame.text) <= len(question)
        for mention in frame.entities:
            assert mention.text


FIELD = st.one_of(TEXT, st.sampled_from(["{", "}", "{}", "{answer}", "{0}", "{subject!r}", "%s"]))


@FAST
@given(
    intent=st.sampled_from([*templates().data, "no-such-intent", ""]),
    variant=st.sampled_from(["default", "with_place", "no_subject", "nope", ""]),
    fields=st.fixed_dictionaries({name: FIELD for name in PLACEHOLDERS}),
)
def test_templates_render_any_field_values(
    intent: str, variant: str, fields: dict[str, str]
) -> None:
    text = templates().render(intent, variant, **fields)
    assert isinstance(text, str)
    assert text == " ".join(text.split())
    # Field values are inserted as they are: braces in them are never interpreted.
    answer = " ".join(fields["answer"].split())
    assert answer in text


# --- Engine.ask -------------------------------------------------------------------------------

QUESTION_WORDS = [
    "Who",
    "did",
    "meet",
    "met",
    "Where",
    "When",
    "Why",
    "What",
    "about",
    "How many",
    "and",
    "with",
    "in",
    "they",
    "Mara Voss",
    "Elias Brandt",
    "Tellhaven",
    "Ivo Pell",
    "Lena Dahl",
    "Anna Kovac",
    "Piet Laar",
    "Orvik",
    "Kestrel Bridge",
    "?",
    "mara voss",
    "ORVIK",
]
QUESTION = st.one_of(
    TEXT,
    st.lists(st.sampled_from(QUESTION_WORDS + HOSTILE_PIECES), min_size=1, max_size=12).map(
        " ".join
    ),
)


@FAST
@given(question=QUESTION)
def test_engine_ask_answers_anything(hostile_engine: Engine, question: str) -> None:
    check_answer(hostile_engine, hostile_engine.ask(question))


@FAST
@given(questions=st.lists(QUESTION, min_size=2, max_size=4))
def test_engine_ask_follow_ups_answer_anything(
    hostile_engine: Engine, questions: list[str]
) -> None:
    conversation = Conversation()
    for question in questions:
        check_answer(hostile_engine, hostile_engine.ask(question, conversation, explain=True))
