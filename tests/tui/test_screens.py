"""Pilot tests of the reader, the meetings table and help, and of showing article text literally."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from assistant.models import Article, Sentence
from assistant.tui.app import NewsdeskApp
from assistant.tui.messages import SourceChosen
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.screens.meetings import MeetingsScreen
from assistant.tui.screens.reader import Paragraph, ReaderScreen
from assistant.tui.widgets.sources import CitationItem
from assistant.tui.widgets.transcript import AnswerView

from .conftest import (
    MARKUP_ARTICLE,
    MEETING_ARTICLE,
    MEETING_QUESTION,
    SIZE,
    ask,
    ready,
    screen_text,
    type_text,
)

pytestmark = pytest.mark.asyncio


def assert_sentence_in_view(reader: ReaderScreen) -> None:
    body = reader.query_one("#reader")
    y = reader.sentence_y()
    assert y is not None
    assert body.scroll_y <= y < body.scroll_y + body.scrollable_content_region.height


def highlighted_text(reader: ReaderScreen) -> str:
    """The text of the highlighted sentence as drawn (the span with the sentence style)."""
    paragraph = reader.target_paragraph
    assert paragraph is not None
    text = paragraph.render()
    style = paragraph.get_component_rich_style("paragraph--sentence", partial=True)
    pieces = [
        text.plain[s.start : s.end]
        for s in text.spans
        if s.style == style or style.bgcolor == getattr(s.style, "bgcolor", None)
    ]
    return "".join(pieces)


async def test_citation_opens_reader_at_the_cited_sentence(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)
        citation = app.chat.query(CitationItem).first()
        # Keyboard: shift+tab from the question line reaches the last citation; enter opens it.
        await pilot.press("shift+tab")
        assert app.focused is citation
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.id == MEETING_ARTICLE == citation.citation.article_id
        assert reader.sentence_index == citation.citation.sentence_index
        assert reader.sentence_text == citation.citation.sentence
        assert highlighted_text(reader) == citation.citation.sentence
        # The sentence is far down the article: the reader scrolled to bring it into view.
        body = reader.query_one("#reader")
        assert body.scroll_y > 0
        assert_sentence_in_view(reader)
        title = reader.query_one("#reader-title").render()
        meta = reader.query_one("#reader-meta").render()
        assert str(title) == reader.article.title
        for value in (
            "2025-06-10",
            "Newsdesk Wire",
            "https://example.org/news/port-serin-ferry-link",
        ):
            assert value in str(meta)
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)
        # Mouse: a click on the citation opens it too.
        await pilot.click(citation)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_meetings_table_filters_sorts_and_opens_evidence(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        assert app.focused is screen.query_one("#meetings-filter", Input)
        await type_text(pilot, "brenn")
        await pilot.pause()
        assert table.row_count == 1
        assert [r.meeting.article_id for r in screen.shown] == ["t2-brennmark-fishing-talks"]
        screen.query_one("#meetings-filter", Input).value = "brenn tuesday"
        await pilot.pause()
        assert table.row_count == 0
        screen.query_one("#meetings-filter", Input).value = ""
        await pilot.pause()
        assert table.row_count == 2

        # Sort by "who" with the key 1 (the table focused), again to reverse; by date with a header click.
        await pilot.press("down")
        assert app.focused is table
        await pilot.press("1")
        assert [r.cells["who"] for r in screen.shown] == ["Katrin Voss-Aalen", "Tomas Ardelean"]
        await pilot.press("1")
        assert [r.cells["who"] for r in screen.shown] == ["Tomas Ardelean", "Katrin Voss-Aalen"]
        # A click on the "When" header (the fourth column).
        x = sum(c.get_render_width(table) for c in table.ordered_columns[:3]) + 2
        await pilot.click(table, offset=(x, 0))
        await pilot.pause()
        assert screen.sort_column == "when"
        assert [r.cells["when"] for r in screen.shown] == ["2025-05-19", "2025-06-10"]
        assert "When ▲" in str(table.ordered_columns[3].label)

        # Enter on the second row opens the reader at that meeting's evidence sentence.
        await pilot.press("down", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        meeting = screen.shown[1].meeting
        assert reader.article.id == meeting.article_id
        assert reader.sentence_index == meeting.trigger.sentence
        assert_sentence_in_view(reader)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)


async def test_help_shows_keys_examples_and_corpus(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        await pilot.press("end")
        text = screen_text(app)
        for expected in (
            "ctrl+t",
            "ctrl+s",
            "Paths: corpus",
            "Cache: cache",
            f"4 articles, {app.engine.stats.passages} passages, 2 meetings",
            "newsdesk --corpus PATH --cache-dir DIR",
        ):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)


async def test_markup_in_an_article_is_shown_literally(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.post_message(SourceChosen(MARKUP_ARTICLE, 0))
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        title = str(reader.query_one("#reader-title").render())
        assert title == "Harbour council publishes [bold]Open Waters[/bold] report"
        body = "\n".join(p.render().plain for p in reader.query(Paragraph))
        assert "its [bold]Open Waters[/bold] report" in body
        assert "[link=http://x]online annex[/link]" in body
        assert "RED WARNING" in body
        assert "\x1b" not in body and "\x07" not in body
        # What is drawn on the screen shows the brackets too, and nothing of the escape codes.
        drawn = screen_text(app)
        assert "Harbour council publishes [bold]Open Waters[/bold] report" in drawn
        assert "[link=http://x]online" in drawn
        assert "RED WARNING" in drawn and "[31m" not in drawn and "\x1b" not in drawn


async def test_escape_sequences_in_an_article_never_reach_the_screen(app: NewsdeskApp) -> None:
    text = "Plain start. Then \x1b[31mRED\x1b[0m and a bell\x07 and \x1b]8;;http://x\x07a link\x1b]8;;\x07 end."
    article = Article(
        id="raw",
        title="\x1b[2JRaw [bold]title[/bold]",
        text=text,
        paragraphs=[(0, len(text))],
        sentences=[
            Sentence(index=0, paragraph=0, start=0, end=12),
            Sentence(index=1, paragraph=0, start=13, end=len(text)),
        ],
    )
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await app.push_screen(ReaderScreen(article, 1, ("RED",)))
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        drawn = reader.query_one(Paragraph).render()
        assert drawn.plain == "Plain start. Then RED and a bell and a link end."
        assert str(reader.query_one("#reader-title").render()) == "Raw [bold]title[/bold]"
        assert highlighted_text(reader) == "Then RED and a bell and a link end."
        drawn = screen_text(app)
        assert "Raw [bold]title[/bold]" in drawn
        assert "Then RED and a bell and a link end." in drawn
        assert "[31m" not in drawn and "]8;;" not in drawn and "[2J" not in drawn


async def test_markup_in_questions_and_answers_is_shown_literally(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, "What did the council report say? [bold]x[/bold]")
        view = app.chat.query_one(AnswerView)
        question = app.chat.query_one(".question").render()
        assert "[bold]x[/bold]" in str(question)
        answer = str(view.query_one(".answer-text").render())
        assert answer == " ".join(view.answer.answer.split()) or answer == view.answer.answer
