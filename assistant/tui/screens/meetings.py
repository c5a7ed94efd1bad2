"""Every extracted meeting in a table: filtered as you type, sortable, opening the evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from assistant.models import Meeting
from assistant.tui.messages import SourceChosen
from assistant.tui.render import one_line

if TYPE_CHECKING:
    from assistant.engine import Engine


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    share: float  # of the width left after cell padding
    minimum: int


COLUMNS: tuple[Column, ...] = (
    Column("who", "Who", 0.14, 10),
    Column("with", "With whom", 0.17, 10),
    Column("where", "Where", 0.13, 8),
    Column("when", "When", 0.11, 10),
    Column("status", "Status", 0.09, 9),
    Column("why", "Why", 0.18, 8),
    Column("article", "Article", 0.18, 8),
)


def column_widths(width: int, padding: int = 1, scrollbar: int = 1) -> dict[str, int]:
    """Column widths that fill `width` cells (each column also has `padding` on both sides)."""
    room = max(0, width - scrollbar - 2 * padding * len(COLUMNS))
    widths = {c.key: max(c.minimum, int(room * c.share)) for c in COLUMNS}
    # Minimums can add up to more than a narrow screen: take it back from the wordy columns.
    over = sum(widths.values()) - room
    for key in ("article", "why", "with", "who", "where"):
        if over <= 0:
            break
        cut = min(over, widths[key] - 6)
        widths[key] -= cut
        over -= cut
    return widths


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as table cells, the text the filter searches and the keys it sorts by."""

    meeting: Meeting
    cells: dict[str, str]
    search: str
    sort_keys: dict[str, tuple[object, ...]]


def meeting_row(engine: Engine, meeting: Meeting) -> MeetingRow:
    from assistant.text import fold  # loaded with the engine; not at start-up

    people = [p.name for p in meeting.participants]
    article = engine.articles.get(meeting.article_id)
    when_date = engine.meeting_date(meeting)
    when = meeting.time.iso or meeting.time.value if meeting.time else ""
    if not when and when_date:
        when = when_date.isoformat()
    cells = {
        "who": people[0] if people else "",
        "with": ", ".join(people[1:]),
        "where": meeting.place.value if meeting.place else "",
        "when": when,
        "status": meeting.status + (", background" if meeting.background else ""),
        "why": meeting.purpose.value if meeting.purpose else "",
        "article": (article.title if article and article.title else meeting.article_id),
    }
    cells = {key: " ".join(value.split()) for key, value in cells.items()}
    search = fold(
        " ".join([*cells.values(), meeting.time.value if meeting.time else "", meeting.article_id])
    )
    sort_keys: dict[str, tuple[object, ...]] = {
        key: (fold(value) == "", fold(value)) for key, value in cells.items()
    }
    sort_keys["when"] = (when_date is None, when_date or dt.date.min)
    return MeetingRow(meeting, cells, search, sort_keys)


class MeetingsScreen(Screen[None]):
    """A DataTable of the meetings; type to filter, click a header or press 1-7 to sort.

    The highlighted row's meeting is shown in full below the table, with its evidence sentence.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("ctrl+f", "focus_filter", "Filter"),
        Binding("down", "focus_table", "Table", show=False),
        *(
            Binding(str(n), f"sort({n - 1})", f"Sort by {c.label.lower()}", show=False)
            for n, c in enumerate(COLUMNS, start=1)
        ),
    ]

    def __init__(self, engine: Engine, cursor_blink: bool = True) -> None:
        super().__init__(classes="meetings-screen")
        self.engine = engine
        self.rows = [meeting_row(engine, m) for m in engine.meetings]
        self.sort_column: str | None = None
        self.sort_reverse = False
        self.cursor_blink = cursor_blink
        self.shown: list[MeetingRow] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        filter_input = Input(
            placeholder="Filter: a name, place, date or word…", id="meetings-filter"
        )
        filter_input.cursor_blink = self.cursor_blink
        yield filter_input
        table: DataTable[Text] = DataTable(
            id="meetings-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static(id="meeting-detail")
        yield Static(id="meetings-count")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Meetings"
        self.refresh_rows()
        self.query_one("#meetings-filter", Input).focus()

    def _label(self, column: Column) -> Text:
        if column.key != self.sort_column:
            return Text(column.label)
        return Text(f"{column.label} {'▼' if self.sort_reverse else '▲'}", style="bold")

    @property
    def filter_text(self) -> str:
        return self.query_one("#meetings-filter", Input).value

    def refresh_rows(self) -> None:
        """Fill the table with the rows that match the filter, in the chosen order."""
        from assistant.text import fold

        terms = fold(self.filter_text).split()
        shown = [row for row in self.rows if all(term in row.search for term in terms)]
        if self.sort_column is not None:
            sort_key = self.sort_column
            shown.sort(key=lambda row: row.sort_keys[sort_key], reverse=self.sort_reverse)
        self.shown = shown
        table = self.query_one(DataTable)
        # Columns are rebuilt too, so that the sorted one shows its arrow.
        table.clear(columns=True)
        widths = column_widths(self.size.width or 100)
        for column in COLUMNS:
            table.add_column(self._label(column), width=widths[column.key], key=column.key)
        for row in shown:
            table.add_row(
                *(one_line(row.cells[c.key]) for c in COLUMNS),
                key=row.meeting.id,
            )
        total = len(self.rows)
        count = f"{len(shown)} of {total} meetings" if terms else f"{total} meetings"
        hint = "  ·  enter: open the evidence  ·  1-7 or a header click: sort"
        self.query_one("#meetings-count", Static).update(Text(count + hint))
        self.show_detail(shown[0].meeting if shown else None)

    def on_resize(self) -> None:
        self.refresh_rows()

    @on(DataTable.RowHighlighted)
    def on_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(self._meeting(event.row_key.value))

    def _meeting(self, meeting_id: str | None) -> Meeting | None:
        return next((r.meeting for r in self.rows if r.meeting.id == meeting_id), None)

    def show_detail(self, meeting: Meeting | None) -> None:
        """The whole meeting under the table: every field and the sentence it rests on."""
        detail = self.query_one("#meeting-detail", Static)
        if meeting is None:
            detail.update(
                Text("No meeting matches the filter." if self.rows else "No meetings were found.")
            )
            return
        detail.update(meeting_detail(self.engine, meeting))

    @on(Input.Changed, "#meetings-filter")
    def on_filter_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#meetings-filter")
    def on_filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.HeaderSelected)
    def on_header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(event.column_index)

    def action_sort(self, index: int) -> None:
        """Sort by column `index`; the same column again reverses the order."""
        if not 0 <= index < len(COLUMNS):
            return
        key = COLUMNS[index].key
        if self.sort_column == key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = key, False
        self.refresh_rows()

    @on(DataTable.RowSelected)
    def on_row_selected(self, event: DataTable.RowSelected) -> None:
        meeting = self._meeting(event.row_key.value)
        if meeting is None:
            return
        words = tuple(p.name for p in meeting.participants)
        if meeting.place:
            words += (meeting.place.value,)
        self.post_message(SourceChosen(meeting.article_id, meeting.trigger.sentence, words))

    def action_focus_filter(self) -> None:
        self.query_one("#meetings-filter", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        self.dismiss()


def meeting_detail(engine: Engine, meeting: Meeting) -> Text:
    """A few lines that say everything the table row cuts short."""
    people = [p.name for p in meeting.participants]
    status = f"{meeting.kind}, {meeting.status}" + (
        ", mentioned as background" if meeting.background else ""
    )
    head = Text.assemble(one_line(people[0] if people else "?", "bold"), f" ({status})")
    if len(people) > 1:
        head.append("  with ")
        head.append_text(one_line(", ".join(people[1:]), "bold"))
    lines = [head]
    for label, evidence in (
        ("Where", meeting.place),
        ("When", meeting.time),
        ("Why", meeting.purpose),
    ):
        if evidence is not None:
            value = evidence.value + (f" ({evidence.iso})" if evidence.iso else "")
            lines.append(Text.assemble((f"{label}: ", "bold"), one_line(value)))
    article = engine.articles.get(meeting.article_id)
    if article is not None and 0 <= meeting.trigger.sentence < len(article.sentences):
        sentence = one_line(article.sentence_text(meeting.trigger.sentence))
        source = one_line(
            (article.title or article.id) + (f", {article.date_text}" if article.date_text else "")
        )
        source.stylize("dim")
        lines.append(Text.assemble(("Evidence: ", "bold"), "“", sentence, "”  ", source))
    return Text("\n").join(lines)
