"""The Textual interface: the only package that imports textual; it asks the Engine for everything.

Import `assistant.tui.app` (or call `run_app`) only when the interface is wanted, so that the
engine, the CLI and the batch command never pull in textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.config import Settings


def run_app(settings: Settings) -> int:
    """Open the interactive app on `settings`' corpus; returns the exit code."""
    from assistant.tui.app import run_app as _run_app

    return _run_app(settings)
