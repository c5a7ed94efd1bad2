"""A one-line progress bar on stderr for long steps; silent unless the stream is a terminal.

    with Progress(len(files), "Reading") as progress:
        for file in files:
            ...
            progress.advance()

Nothing is drawn until `min_seconds` have passed (quick steps stay quiet), redraws are limited to
about ten a second, and the line is cleared when the block ends, so ``advance`` can be called per
item: between redraws it costs one clock read and a comparison. ``stream`` defaults to the
``sys.stderr`` of the moment; ``stream=None`` turns the bar off (for callers with progress disabled).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TextIO

REDRAW_SECONDS = 0.1
_STDERR: Any = object()  # default stream: sys.stderr as it is when the bar is created


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def _rate(per_second: float) -> str:
    if per_second >= 1e6:
        return f"{per_second / 1e6:.1f}M/s"
    if per_second >= 1e3:
        return f"{per_second / 1e3:.1f}k/s"
    return f"{per_second:.1f}/s"


def _size(n: float) -> str:
    for scale, suffix in ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")):
        if n >= scale:
            return f"{n / scale:.1f} {suffix}"
    return f"{int(n)} B"


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Count, percent, bar, rate and ETA on one line of `stream` (stderr by default)."""

    def __init__(
        self,
        total: int | None,
        label: str,
        stream: TextIO | None = _STDERR,
        min_seconds: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        columns: int | None = None,
        unit: str = "",
    ) -> None:
        self.total = total
        self.unit = unit  # "bytes": count, total and rate are shown as sizes
        self.label = label
        self.count = 0
        self.stream: TextIO | None = sys.stderr if stream is _STDERR else stream
        self._clock = clock
        self._start = clock()
        self._next_draw = self._start + min_seconds
        self._enabled = self.stream is not None and _is_tty(self.stream)
        if columns is None:
            columns = _columns(self.stream) if self._enabled and self.stream is not None else 80
        self._columns = columns
        self._drawn = 0  # width of what is on the line now

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        self.count += n
        if self._enabled:
            now = self._clock()
            if now >= self._next_draw:
                self._next_draw = now + REDRAW_SECONDS
                self._draw(self.render(now))

    def render(self, now: float | None = None) -> str:
        """The line as it would be drawn at `now` (clock time), fitted to the terminal width."""
        now = self._clock() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = self.count / elapsed
        width = max(self._columns - 1, 20)  # never touch the last column: no wrap
        if self.total:
            fraction = min(max(self.count / self.total, 0.0), 1.0)
            remaining = max(self.total - self.count, 0)
            eta = _duration(remaining / rate) if rate > 0 else "?"
            if self.unit == "bytes":
                tail = (
                    f" {_size(self.count)}/{_size(self.total)} {fraction:4.0%} "
                    f"{_size(rate)}/s ETA {eta}"
                )
            else:
                tail = f" {self.count}/{self.total} {fraction:4.0%} {_rate(rate)} ETA {eta}"
            bar_width = min(30, width - len(self.label) - len(tail) - 3)
            if bar_width >= 5:
                filled = int(fraction * bar_width)
                bar = " [" + "#" * filled + "." * (bar_width - filled) + "]"
            else:
                bar = ""
            line = f"{self.label}{bar}{tail}"
        elif self.unit == "bytes":
            line = f"{self.label} {_size(self.count)} {_size(rate)}/s {_duration(elapsed)}"
        else:
            line = f"{self.label} {self.count} {_rate(rate)} {_duration(elapsed)}"
        return line[:width]

    def _draw(self, line: str) -> None:
        if self.stream is None:
            return
        pad = " " * max(self._drawn - len(line), 0)
        try:
            self.stream.write("\r" + line + pad)
            self.stream.flush()
        except (OSError, ValueError):
            self._enabled = False  # the terminal went away; carry on silently
            return
        self._drawn = len(line)

    def close(self) -> None:
        """Clear the line if anything was drawn; further advances draw nothing."""
        if self._drawn and self.stream is not None:
            try:
                self.stream.write("\r" + " " * self._drawn + "\r")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self._drawn = 0
        self._enabled = False
