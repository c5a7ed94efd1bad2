"""Sentence splitting (Punkt with our abbreviations) and passages."""

from __future__ import annotations

import time

import pytest

from assistant.corpus.clean import clean_body
from assistant.corpus.segment import MAX_SENTENCE, make_passages, sentence_spans, split_sentences
from assistant.models import Article


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met Gov. Smith on Jan. 13 in the U.S. capital. U.S. officials said so.",
            ["He met Gov. Smith on Jan. 13 in the U.S. capital.", "U.S. officials said so."],
        ),
        ("Dr. No is a film. Mr. Lee agreed.", ["Dr. No is a film.", "Mr. Lee agreed."]),
        ("John F. Kennedy was shot. He died.", ["John F. Kennedy was shot.", "He died."]),
        ("They met in the U.S. The talks ended.", ["They met in the U.S.", "The talks ended."]),
        (
            "Growth was 3.5 percent. Prices rose 0.2%.",
            ["Growth was 3.5 percent.", "Prices rose 0.2%."],
        ),
        ("It starts at 9 a.m. on Tuesday.", ["It starts at 9 a.m. on Tuesday."]),
        (
            "Acme Corp. and Beta Inc. merged. Shares rose.",
            ["Acme Corp. and Beta Inc. merged.", "Shares rose."],
        ),
        ("EADS N.V. (EADS) won. Boeing lost.", ["EADS N.V. (EADS) won.", "Boeing lost."]),
    ],
)
def test_abbreviations_numbers_and_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_quote_ending_inside_a_sentence() -> None:
    text = 'It is "a good deal," he said. Then he left.'
    assert sentences(text) == ['It is "a good deal," he said.', "Then he left."]


def test_quote_ending_a_sentence() -> None:
    assert sentences('"We will win." She left.') == ['"We will win."', "She left."]


def test_question_in_quotes_followed_by_lower_case() -> None:
    text = '"Why now?" he asked. "Because," she said.'
    assert sentences(text) == ['"Why now?" he asked.', '"Because," she said.']


def test_no_split_inside_a_dateline() -> None:
    text = "SEOUL, Jan. 13 (Yonhap) - South Korea said. It left."
    assert sentences(text) == ["SEOUL, Jan. 13 (Yonhap) - South Korea said.", "It left."]


def test_photo_credits_stay_with_their_caption() -> None:
    text = "Lee in Gyeongju, Oct. 30, 2025. (Pool photo) (Yonhap)"
    assert sentences(text) == [text]


def test_list_numbers_join_the_item() -> None:
    assert sentences("1. The first point. 2. The second.") == [
        "1. The first point.",
        "2. The second.",
    ]


def test_over_long_sentences_are_cut_at_semicolons_or_commas() -> None:
    text = ("alpha beta gamma delta, " * 30 + "epsilon; ") * 6 + "end."
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert text[spans[0][0] : spans[0][1]].endswith(";")
    joined = " ".join(text[start:end] for start, end in spans)
    assert joined.split() == text.split()


def test_megabyte_sentence_is_fast() -> None:
    text = "word " * 200_000
    started = time.process_time()
    spans = sentence_spans(text)
    assert time.process_time() - started < 1.0
    assert all(end - start <= MAX_SENTENCE for start, end in spans)


@pytest.mark.parametrize(
    "text",
    ["x" * 1_000_000, "!" * 1_000_000, "! " * 500_000, "a.)" * 333_000, "[(" * 500_000],
    ids=["no-spaces", "bangs", "spaced-bangs", "dot-paren", "brackets"],
)
def test_hostile_paragraphs_are_bounded(text: str) -> None:
    started = time.process_time()
    spans = sentence_spans(text)
    assert time.process_time() - started < 3.0
    assert all(end - start <= MAX_SENTENCE for start, end in spans)


def test_empty_paragraph() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("   ") == []


def article_from(raw: str) -> Article:
    body = clean_body(raw)
    return Article(
        id="t",
        text=body.text,
        paragraphs=body.paragraphs,
        sentences=split_sentences(body.text, body.paragraphs, body.captions),
    )


def test_split_sentences_offsets_paragraphs_and_captions() -> None:
    article = article_from(
        "First one. Second one.\n\nThird one.\n\n"
        "Ministers shake hands, in this file photo. (Yonhap)\n\n"
        "Fourth one. FILE - Ministers pose. Fifth one."
    )
    got = [
        (s.index, s.paragraph, article.sentence_text(s.index), s.caption) for s in article.sentences
    ]
    assert got == [
        (0, 0, "First one.", False),
        (1, 0, "Second one.", False),
        (2, 1, "Third one.", False),
        (3, 2, "Ministers shake hands, in this file photo. (Yonhap)", True),
        (4, 3, "Fourth one.", False),
        (5, 3, "FILE - Ministers pose.", True),
        (6, 3, "Fifth one.", False),
    ]


def test_passages_use_neighbours_in_the_same_paragraph() -> None:
    article = article_from("A one. A two. A three.\n\nB one. B two.")
    passages = make_passages(article, context=1, start_id=100)
    assert [p.id for p in passages] == [100, 101, 102, 103, 104]
    assert [p.text for p in passages] == [
        "A one. A two.",
        "A one. A two. A three.",
        "A two. A three.",
        "B one. B two.",
        "B one. B two.",
    ]
    second = passages[1]
    assert (second.sentence, second.first_sentence, second.last_sentence) == (1, 0, 2)
    assert article.text[second.start : second.end] == second.text
    assert all(p.article_id == "t" for p in passages)


def test_passages_skip_captions_and_never_include_them() -> None:
    article = article_from("One here. FILE - A photo caption. Two here. Three here.")
    passages = make_passages(article, context=1)
    assert [p.sentence for p in passages] == [0, 2, 3]
    assert all("FILE" not in p.text for p in passages)


def test_passage_context_zero_and_two() -> None:
    article = article_from("S1. S2 is here. S3 is here. S4 is here. S5 is here.")
    assert [p.text for p in make_passages(article, context=0)][:2] == ["S1.", "S2 is here."]
    wide = make_passages(article, context=2)
    assert wide[2].text == "S1. S2 is here. S3 is here. S4 is here. S5 is here."


def test_an_aside_in_parentheses_going_on_in_lower_case_continues_the_sentence() -> None:
    text = (
        "A paper said Tessan firm Orva Kft. (Orva Limited) acquired the Kessby works. It was sold."
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "A paper said Tessan firm Orva Kft. (Orva Limited) acquired the Kessby works.",
        "It was sold.",
    ]
