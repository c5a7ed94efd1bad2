"""The core never imports the UI: textual is loaded only when the TUI is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import sys
import assistant.engine, assistant.cli, assistant.batch
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not loaded, loaded
import assistant.tui
assert "textual" not in sys.modules, "assistant.tui itself must import textual lazily"
import assistant.tui.app
assert "textual" in sys.modules
"""


def test_core_cli_and_batch_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_no_binding_shadows_enter_or_tab() -> None:
    # Terminals send ctrl+m for Enter, ctrl+i for Tab and ctrl+j for a newline.
    from textual.binding import Binding

    from assistant.tui import app, screens, widgets  # noqa: F401
    from assistant.tui.app import NewsdeskApp
    from assistant.tui.screens.chat import ChatScreen
    from assistant.tui.screens.help import HelpScreen
    from assistant.tui.screens.meetings import MeetingsScreen
    from assistant.tui.screens.reader import ReaderScreen
    from assistant.tui.widgets.prompt import PromptInput
    from assistant.tui.widgets.sources import SourceItem
    from assistant.tui.widgets.transcript import ExampleItem

    keys = set()
    for owner in (
        NewsdeskApp,
        ChatScreen,
        HelpScreen,
        MeetingsScreen,
        ReaderScreen,
        PromptInput,
        SourceItem,
        ExampleItem,
    ):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            keys.update(k.strip() for k in binding.key.split(","))
    assert not keys & {"ctrl+m", "ctrl+i", "ctrl+j"}
