"""Body cleaning: characters, paragraphs, duplicates, furniture, captions, datelines, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.corpus.clean import (
    clean_body,
    clean_text,
    find_dateline,
    is_caption,
    is_caption_sentence,
    place_name,
    split_glued_heading,
    split_paragraphs,
)
from assistant.corpus.dates import find_date, parse_date


def paragraphs(body) -> list[str]:
    return [body.text[start:end] for start, end in body.paragraphs]


# --- characters -----------------------------------------------------------------------------


def test_curly_quotes_and_apostrophes_become_ascii() -> None:
    assert clean_text("Japan\u2019s \u201cshuttle diplomacy\u201d \u2018works\u2019") == (
        "Japan's \"shuttle diplomacy\" 'works'"
    )


def test_dashes_fold_to_hyphen() -> None:
    assert clean_text("1910\u201345 and WASHINGTON \u2014 x") == "1910-45 and WASHINGTON - x"


def test_nfc_normalisation() -> None:
    assert clean_text("Cafe\u0301") == "Caf\u00e9"


def test_control_characters_and_ansi_escapes_are_removed() -> None:
    raw = "\x1b[31mRed\x1b[0m alert\x07 here\x00\x1b]0;title\x07 now"
    assert clean_text(raw) == "Red alert here now"


def test_spaces_collapse_within_lines_and_lines_are_stripped() -> None:
    raw = "  one   two\t\tthree \u00a0four  \r\n five\u200b six \n"
    assert clean_text(raw) == "one two three four\nfive six\n"


def test_crlf_and_cr_newlines() -> None:
    assert clean_text("a\r\nb\rc") == "a\nb\nc"


# --- paragraphs -----------------------------------------------------------------------------


def test_paragraphs_are_blocks_between_blank_lines() -> None:
    assert split_paragraphs("First one.\n\n\nSecond one.\n \nThird.") == [
        "First one.",
        "Second one.",
        "Third.",
    ]


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    text = "The first paragraph ends here.\nThe second paragraph ends here.\nThird."
    assert split_paragraphs(text) == [
        "The first paragraph ends here.",
        "The second paragraph ends here.",
        "Third.",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "Dock workers in Halvik returned to work on Thursday after a\n"
        "nine-day strike over pay, the port operator said. Unions accepted a\n"
        "raise of 6 percent."
    )
    assert split_paragraphs(text) == [text.replace("\n", " ")]


def test_html_lines_are_paragraphs_even_when_short() -> None:
    text = "A line that is long enough to look wrapped in a text\nAnother line"
    assert split_paragraphs(text, lines_are_paragraphs=True) == [
        "A line that is long enough to look wrapped in a text",
        "Another line",
    ]


def test_paragraph_offsets_index_the_text() -> None:
    body = clean_body("One.\n\nTwo two.\n\nThree three three.")
    assert paragraphs(body) == ["One.", "Two two.", "Three three three."]
    assert body.text == "One.\n\nTwo two.\n\nThree three three."


def test_repeated_paragraph_kept_once() -> None:
    caption = "Ministers meet in Castelmar, in this file photo from Jan. 9, 2026. (Yonhap)"
    body = clean_body(f"{caption}\n{caption}\n\nThe ministers met on Tuesday.")
    assert paragraphs(body).count(caption) == 1


def test_short_repeated_paragraphs_are_kept() -> None:
    body = clean_body("Q: Did you agree?\n\nYes.\n\nQ: Will you sign?\n\nYes.")
    assert paragraphs(body).count("Yes.") == 2


# --- furniture ------------------------------------------------------------------------------


def test_trailing_furniture_is_dropped() -> None:
    raw = (
        "The talks ended on Tuesday.\n\nBoth sides signed the deal.\n\n"
        "Share\nPrint\nView enlarged image\nRelated articles\n"
        "Copyright 2026 Newsdesk Wire. All rights reserved.\n"
        "\uae30\uc0ac \uc774\ubbf8\uc9c0 \ud655\ub300 \ubcf4\uae30\n\ub2eb\uae30"
    )
    assert paragraphs(clean_body(raw)) == [
        "The talks ended on Tuesday.",
        "Both sides signed the deal.",
    ]


def test_exact_furniture_line_inside_the_body_is_dropped() -> None:
    raw = "The talks ended.\n\nAdvertisement\n\nBoth sides signed."
    assert paragraphs(clean_body(raw)) == ["The talks ended.", "Both sides signed."]


def test_furniture_word_inside_a_sentence_is_kept() -> None:
    raw = "The minister said she would share the plan.\n\nShe will print copies."
    assert len(clean_body(raw).paragraphs) == 2


def test_article_without_latin_letters_is_not_emptied() -> None:
    raw = "\ud68c\ub2f4\uc774 \uc5f4\ub838\ub2e4.\n\n\ub450 \uc815\uc0c1\uc774 \ub9cc\ub0ac\ub2e4."
    assert len(clean_body(raw).paragraphs) == 2


# --- captions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lee and Takaichi shake hands in Gyeongju on Oct. 30, 2025. (Pool photo) (Yonhap)",
        "Rescue workers search the rubble on Monday. (AP Photo/Jane Doe)",
        "Dockers march through Halvik. (Reuters)",
        "Ministers pose in Castelmar, in this file photo from Jan. 9, 2026.",
        "FILE - Ministers pose in Castelmar, Jan. 9, 2026.",
        "FILE PHOTO: Ministers pose in Castelmar.",
    ],
)
def test_caption_paragraphs(paragraph: str) -> None:
    assert is_caption(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ministers met on Tuesday, officials said.",
        "The vote (the first since 2019) passed.",
        "Files were handed to the court (see below).",
    ],
)
def test_body_paragraphs_are_not_captions(paragraph: str) -> None:
    assert not is_caption(paragraph)


def test_long_paragraph_with_caption_phrase_is_body() -> None:
    long = "The ministers met on Tuesday and talked for hours. " * 15
    assert not is_caption(long + "A photo, in this file photo from 2020.")


def test_caption_sentences_inside_body_text() -> None:
    assert is_caption_sentence("FILE - Raul Castro leads Cuba.")
    assert is_caption_sentence("Brazil -FILE - Brazil's President Dilma Rousseff.")
    assert is_caption_sentence("In this photo released by the agency, a soldier walks.")
    assert not is_caption_sentence("The file was sent to the court.")


def test_caption_before_dateline_is_marked_and_moved_after_the_body() -> None:
    caption = "Ministers shake hands in Castelmar, in this file photo. (Newsdesk Wire)"
    raw = f"{caption}\n\nCASTELMAR, March 4 (Newsdesk Wire) - Ministers met.\n\nThey agreed."
    body = clean_body(raw)
    assert paragraphs(body) == ["Ministers met.", "They agreed.", caption]
    assert body.captions == [False, False, True]


def test_short_credit_line_before_the_dateline_is_a_caption() -> None:
    raw = "Ministers in Castelmar / Newsdesk Wire\n\nCASTELMAR, March 4 - Ministers met."
    body = clean_body(raw)
    assert paragraphs(body) == ["Ministers met.", "Ministers in Castelmar / Newsdesk Wire"]
    assert body.captions == [False, True]
    assert body.dateline is not None and body.dateline.place == "Castelmar"


def test_dated_line_before_the_dateline_is_a_caption() -> None:
    raw = "Smoke rises over the plant in Vell, August 4, 2025.\n\nVELL, Aug 5 - A fire broke out."
    body = clean_body(raw)
    assert paragraphs(body) == [
        "A fire broke out.",
        "Smoke rises over the plant in Vell, August 4, 2025.",
    ]
    assert body.captions == [False, True]


def test_body_line_before_a_non_dateline_paragraph_is_not_a_caption() -> None:
    body = clean_body("The plant closed on August 4, 2025.\n\nWorkers went home.")
    assert body.captions == [False, False]
    assert body.dateline is None


# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        (
            "SEOUL, January 13 (AJP) -South Korean President Lee",
            "Seoul",
            "South Korean President Lee",
        ),
        ("CASTELMAR, March 4 (Newsdesk Wire) - Valdoria agreed", "Castelmar", "Valdoria agreed"),
        ("WASHINGTON - The harbour authority", "Washington", "The harbour authority"),
        ("PORT AVEL, Lumeria, May 2 (Reuters) - Leaders", "Port Avel", "Leaders"),
        ("ST. LOUIS, Jan. 5 - Officials", "St. Louis", "Officials"),
        ("KILIS, TURKEY - -The front lines", "Kilis", "The front lines"),
        ("LONDON, 5 March 2026 (AP) - Talks", "London", "Talks"),
    ],
)
def test_datelines(paragraph: str, place: str, rest: str) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    dateline, cut = found
    assert dateline.place == place
    assert paragraph[cut:] == rest


def test_dateline_parts() -> None:
    found = find_dateline("PORT AVEL, Lumeria, May 2 (Reuters) - Leaders met.")
    assert found is not None
    dateline = found[0]
    assert (dateline.region, dateline.date, dateline.agency) == ("Lumeria", "May 2", "Reuters")


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ministers met in Seoul on Tuesday.",
        "A - the first option - was chosen.",
        "Seoul, January 13 - lowercase place names are not datelines.",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_place_names_are_title_cased() -> None:
    assert place_name("PORT AVEL") == "Port Avel"
    assert place_name("GUINEA-BISSAU") == "Guinea-Bissau"


def test_dateline_only_checked_in_the_first_body_paragraph() -> None:
    body = clean_body("The talks began.\n\nWASHINGTON - Later, more talks.")
    assert body.dateline is None
    assert paragraphs(body)[1] == "WASHINGTON - Later, more talks."


# --- glued headings -------------------------------------------------------------------------


def test_glued_heading_is_split_off() -> None:
    assert split_glued_heading("Harbour Chief Says Ferries Are Late -The chief said so.") == (
        "Harbour Chief Says Ferries Are Late",
        "The chief said so.",
    )


def test_glued_heading_before_a_dateline() -> None:
    assert split_glued_heading("Can Rebels Hold the Port. HALVIK, ESTOVIA - -The port.") == (
        "Can Rebels Hold the Port",
        "HALVIK, ESTOVIA - -The port.",
    )


def test_ordinary_first_sentence_is_not_a_heading() -> None:
    assert split_glued_heading("In a statement, the minister said the plan -The end.") is None


def test_heading_used_only_when_asked() -> None:
    raw = "Harbour Chief Says Ferries Are Late -The chief said so."
    assert clean_body(raw).heading is None
    body = clean_body(raw, find_heading=True)
    assert body.heading == "Harbour Chief Says Ferries Are Late"
    assert body.text == "The chief said so."


def test_first_paragraph_repeating_the_title_is_dropped() -> None:
    body = clean_body("Ferries late\n\nThe ferries were late.", title="Ferries Late")
    assert body.text == "The ferries were late."


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-13",
        "2026-01-13T07:35:00Z",
        "2026-01-13T07:35:00+09:00",
        "January 13, 2026",
        "January 13, 2026, 07:35",
        "13 January 2026",
        "Jan. 13, 2026",
        "Tuesday, January 13, 2026",
        "Tue, 13 Jan 2026",
        "2026/01/13",
    ],
)
def test_parse_date(text: str) -> None:
    assert parse_date(text) == dt.date(2026, 1, 13)


@pytest.mark.parametrize("text", ["sometime in spring", "2026-02-30", "January 13", "13/01/2026"])
def test_unparseable_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_date_inside_text() -> None:
    found = find_date("Posted : January 13, 2026, 07:35 Updated")
    assert found is not None and found[0] == dt.date(2026, 1, 13)
