"""Snapshot tests at 100x30: the chat with an answer, the reader, the meetings table and help.

Deterministic by construction: the fixture corpus copied into a fresh current folder (so paths
read "corpus" and "cache"), a fresh cache (so the index is always "built"), no clock in the
header and no cursor blink. Regenerate with `pytest tests/tui --snapshot-update` and look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from assistant.tui.app import NewsdeskApp

from .conftest import DECLINED_QUESTION, MEETING_QUESTION, SIZE, ask, ready

SnapCompare = Callable[..., bool]


def test_chat_with_an_answer(snap_compare: SnapCompare, fresh_app: NewsdeskApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)

    assert snap_compare(fresh_app, terminal_size=SIZE, run_before=run_before)


def test_chat_declined_with_sources_panel(
    snap_compare: SnapCompare, fresh_app: NewsdeskApp
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await ask(pilot, DECLINED_QUESTION)
        await pilot.press("ctrl+o")

    assert snap_compare(fresh_app, terminal_size=SIZE, run_before=run_before)


def test_reader_at_a_citation(snap_compare: SnapCompare, fresh_app: NewsdeskApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)
        await pilot.press("shift+tab", "enter")
        await pilot.pause()

    assert snap_compare(fresh_app, terminal_size=SIZE, run_before=run_before)


def test_meetings_table(snap_compare: SnapCompare, fresh_app: NewsdeskApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()

    assert snap_compare(fresh_app, terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare: SnapCompare, fresh_app: NewsdeskApp) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(fresh_app, terminal_size=SIZE, run_before=run_before)
