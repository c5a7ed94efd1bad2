"""Focusable pointers into articles (citations and ranked passages) and the sources panel."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from assistant.models import Answer, Citation, SearchHit
from assistant.tui.messages import SourceChosen
from assistant.tui.render import highlighted, literal, one_line


class SourceItem(Widget, can_focus=True):
    """A line that points into an article; enter or a click opens the article there."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"source--title", "source--meta", "source--match"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open article"),
        Binding("up", "app.focus_previous", "Previous", show=False),
        Binding("down", "app.focus_next", "Next", show=False),
    ]

    def __init__(self, article_id: str, sentence: int, highlight: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.article_id = article_id
        self.sentence = sentence
        self.highlight = highlight

    def action_open(self) -> None:
        self.post_message(SourceChosen(self.article_id, self.sentence, self.highlight))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_open()

    def _style(self, name: str) -> Style:
        # Rich styles resolved from the stylesheet, so highlights follow the theme.
        return self.get_component_rich_style(name, partial=True)


class CitationItem(SourceItem):
    """One citation of an answer: article title, date and the cited sentence."""

    def __init__(self, citation: Citation, number: int) -> None:
        super().__init__(citation.article_id, citation.sentence_index, citation.highlight)
        self.citation = citation
        self.number = number

    def render(self) -> RenderableType:
        citation = self.citation
        head = Text.assemble(
            (f"[{self.number}] ", self._style("source--meta")),
            one_line(citation.title or citation.article_id, self._style("source--title")),
        )
        if citation.date:
            head.append(f"  {citation.date}", self._style("source--meta"))
        body = highlighted(citation.sentence, citation.highlight, self._style("source--match"))
        return Text("\n").join([head, Text.assemble("“", body, "”")])


class PassageItem(SourceItem):
    """One ranked passage: rank, score, title, date and the text with matched words marked."""

    def __init__(self, hit: SearchHit) -> None:
        super().__init__(hit.passage.article_id, hit.passage.sentence, hit.matched)
        self.hit = hit

    def render(self) -> RenderableType:
        hit = self.hit
        head = Text.assemble(
            (f"#{hit.rank}  {hit.score:.2f}  ", self._style("source--meta")),
            one_line(hit.title or hit.passage.article_id, self._style("source--title")),
        )
        if hit.date:
            head.append(f"  {hit.date}", self._style("source--meta"))
        text = " ".join(hit.passage.text.split())
        body = highlighted(text, hit.matched, self._style("source--match"))
        return Text("\n").join([head, body])


class SourcesPanel(VerticalScroll):
    """The ranked passages behind the last answer (toggled with ctrl+o)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Sources"

    def compose(self) -> ComposeResult:
        yield Static(literal("Ask a question to see the passages behind its answer."))

    def show_answer(self, answer: Answer | None) -> None:
        """Replace the panel's contents with `answer`'s ranked passages."""
        self.remove_children()
        if answer is None:
            self.mount(Static(literal("Ask a question to see the passages behind its answer.")))
            return
        heading = Text.assemble(("Passages for: ", "bold"), one_line(answer.question))
        widgets: list[Widget] = [Static(heading, classes="sources-heading")]
        if not answer.passages:
            widgets.append(Static(literal("No passage matched the question.")))
        widgets.extend(PassageItem(hit) for hit in answer.passages)
        self.mount_all(widgets)
        self.scroll_home(animate=False)
