"""Fixtures for the TUI tests: a copy of the fixture corpus in a fresh current folder."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.config import Settings
from assistant.engine import Engine
from assistant.tui.app import NewsdeskApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tui"
SIZE = (100, 30)

MEETING_QUESTION = "Who did Ardelean meet in Port Serin?"
DECLINED_QUESTION = "Who did Cassian meet in Skarholm?"
MEETING_ARTICLE = "t1-port-serin-ferry-link"
MARKUP_ARTICLE = "t3-open-waters-markup"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture corpus copied into tmp_path, which is also the current folder.

    Paths shown by the app are relative to the current folder, so they read "corpus" and
    "cache" in every run: snapshots stay the same wherever the tests run.
    """
    shutil.copytree(FIXTURES, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSDESK_TRANSCRIPTS", str(tmp_path / "transcripts"))
    return tmp_path


@pytest.fixture
def settings(workspace: Path) -> Settings:
    return Settings(corpus=[workspace / "corpus"], cache_dir=workspace / "cache")


@pytest.fixture(scope="session")
def shared_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """One engine over the fixture corpus for the tests that do not test loading (it is read-only)."""
    cache = tmp_path_factory.mktemp("engine-cache")
    return Engine.open(Settings(corpus=[FIXTURES], cache_dir=cache), progress=False)


@pytest.fixture
def app(settings: Settings, shared_engine: Engine) -> NewsdeskApp:
    """The app on the fixture corpus; it still opens it in its worker, but gets the shared engine."""
    return NewsdeskApp(settings, loader=lambda _: shared_engine, cursor_blink=False)


@pytest.fixture
def fresh_app(settings: Settings) -> NewsdeskApp:
    """The app as `newsdesk` starts it: it opens the workspace's corpus itself."""
    return NewsdeskApp(settings, cursor_blink=False)


async def ready(pilot: Pilot[object]) -> None:
    """Wait until every worker (loading, answering) is done and its message handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def ask(pilot: Pilot[object], question: str) -> None:
    """Put `question` in the question line, press enter and wait for the answer."""
    prompt = pilot.app.query_one("#prompt", Input)
    prompt.value = question
    await pilot.press("enter")
    await ready(pilot)


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Type `text` key by key, as a person would."""
    await pilot.press(*text)


def screen_text(app: App[Any]) -> str:
    """What the current screen draws, as plain text lines (the way export_screenshot renders it)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)
