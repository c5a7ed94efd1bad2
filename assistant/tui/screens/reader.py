"""The article reader: metadata, then the text, scrolled to a sentence that is highlighted."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from assistant.models import Article
from assistant.tui.render import (
    Span,
    display_path,
    highlighted,
    literal,
    one_line,
    styled,
    word_spans,
)

# The sentence index a citation gives when it cites the article's title.
TITLE_SENTENCE = -1


class Paragraph(Widget):
    """One paragraph of the article; it may hold the highlighted sentence."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"paragraph--sentence", "paragraph--match"}

    def __init__(
        self,
        article: Article,
        start: int,
        end: int,
        sentence: tuple[int, int] | None = None,
        highlight: tuple[str, ...] = (),
        caption: bool = False,
    ) -> None:
        super().__init__(classes="paragraph -caption" if caption else "paragraph")
        self.source = article.text[start:end]
        self.offset_start = start
        # The highlighted sentence, as offsets into this paragraph.
        self.sentence = (sentence[0] - start, sentence[1] - start) if sentence else None
        self.highlight = highlight

    def render(self) -> RenderableType:
        spans: list[Span] = []
        if self.sentence is not None:
            s_start, s_end = self.sentence
            spans.append(
                (s_start, s_end, self.get_component_rich_style("paragraph--sentence", partial=True))
            )
            match = self.get_component_rich_style("paragraph--match", partial=True)
            sentence_text = self.source[s_start:s_end]
            spans.extend(
                (s_start + a, s_start + b, match)
                for a, b in word_spans(sentence_text, self.highlight)
            )
        return styled(self.source, spans)

    def sentence_line(self) -> int:
        """The line, within this paragraph as wrapped now, where the highlighted sentence begins."""
        if self.sentence is None or self.sentence[0] <= 0:
            return 0
        width = max(1, self.content_region.width)
        start = self.sentence[0]
        # Wrap the text up to the sentence's first word: where that word lands is where it starts.
        first_word = re.match(r"\S*", self.source[start:])
        end = start + (first_word.end() if first_word else 0)
        wrapped = styled(self.source[:end]).wrap(self.app.console, width)
        return max(0, len(wrapped) - 1)


class ReaderScreen(Screen[None]):
    """One article, opened at a sentence (a citation, a passage or a meeting's evidence)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("q", "close", "Back", show=False),
        Binding("home", "top", "Top", show=False),
        Binding("end", "bottom", "End", show=False),
        Binding("c", "to_sentence", "Cited sentence"),
    ]

    def __init__(
        self, article: Article, sentence: int | None = None, highlight: tuple[str, ...] = ()
    ) -> None:
        super().__init__(classes="reader-screen")
        self.article = article
        self.sentence_index = (
            sentence if sentence is not None and 0 <= sentence < len(article.sentences) else None
        )
        # Citations give -1 when the title itself is the cited "sentence".
        self.title_cited = sentence == TITLE_SENTENCE
        self.highlight = highlight

    @property
    def sentence_text(self) -> str | None:
        """The highlighted sentence as it stands in the article."""
        if self.sentence_index is None:
            return None
        return self.article.sentence_text(self.sentence_index)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with VerticalScroll(id="reader"):
            yield Static(
                self._title(), id="reader-title", classes="-cited" if self.title_cited else ""
            )
            yield Static(self._meta(), id="reader-meta")
            yield from self._paragraphs()
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Newsdesk"
        self.sub_title = one_line(article_title(self.article)).plain
        body = self.query_one("#reader", VerticalScroll)
        body.focus()
        self.call_after_refresh(self.action_to_sentence)

    def _title(self) -> Text:
        title = " ".join((self.article.title or self.article.id).split())
        if not self.title_cited:
            return literal(title)
        return highlighted(title, self.highlight, "underline")

    def _meta(self) -> Text:
        article = self.article
        parts: list[tuple[str, str | None]] = [
            ("Date", article.date_text),
            ("Source", article.source),
            ("By", article.author),
            ("URL", article.url),
            ("File", self._file()),
        ]
        lines = [
            Text.assemble((f"{label}: ", "bold"), literal(value)) for label, value in parts if value
        ]
        return Text("\n").join(lines)

    def _file(self) -> str | None:
        article = self.article
        if not article.path:
            return None
        path = display_path(article.path)
        return f"{path}:{article.line}" if article.line is not None else path

    def _paragraphs(self) -> list[Paragraph]:
        article = self.article
        target = article.sentences[self.sentence_index] if self.sentence_index is not None else None
        ranges = list(article.paragraphs) or self._paragraph_ranges()
        widgets = []
        for start, end in ranges:
            if not article.text[start:end].strip():
                continue
            inside = target is not None and start <= target.start and target.end <= end
            sentences = [s for s in article.sentences if start <= s.start and s.end <= end]
            caption = bool(sentences) and all(s.caption for s in sentences)
            widgets.append(
                Paragraph(
                    article,
                    start,
                    end,
                    (target.start, target.end) if inside and target else None,
                    self.highlight,
                    caption,
                )
            )
        return widgets

    def _paragraph_ranges(self) -> list[tuple[int, int]]:
        # Without paragraph offsets: group sentences by paragraph number, else one block.
        article = self.article
        if not article.sentences:
            return [(0, len(article.text))]
        groups: dict[int, tuple[int, int]] = {}
        for s in article.sentences:
            first, last = groups.get(s.paragraph, (s.start, s.end))
            groups[s.paragraph] = (min(first, s.start), max(last, s.end))
        return sorted(groups.values())

    @property
    def target_paragraph(self) -> Paragraph | None:
        return next((p for p in self.query(Paragraph) if p.sentence is not None), None)

    def sentence_y(self) -> int | None:
        """The highlighted sentence's first line, in the scrolled body's coordinates."""
        paragraph = self.target_paragraph
        if paragraph is None:
            return None
        return paragraph.virtual_region.y + paragraph.gutter.top + paragraph.sentence_line()

    def action_to_sentence(self) -> None:
        body = self.query_one("#reader", VerticalScroll)
        y = self.sentence_y()
        if y is None:
            return
        # Put the sentence a third of the way down, with the lines before it for context.
        height = body.scrollable_content_region.height
        body.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    def action_top(self) -> None:
        self.query_one("#reader", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#reader", VerticalScroll).scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss()


def article_title(article: Article) -> str:
    return article.title or article.id
