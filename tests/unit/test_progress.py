"""Progress: draws on a terminal only, after min_seconds, at most ~10 times a second, then clears."""

from __future__ import annotations

import io
import re
import sys

import pytest

from assistant.progress import Progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def lines(text: str) -> list[str]:
    """What was drawn each time, without the carriage returns and padding."""
    return [part.rstrip() for part in text.split("\r") if part.strip()]


def test_draws_count_percent_rate_and_eta_after_min_seconds() -> None:
    stream, clock = FakeTTY(), Clock()
    with Progress(200, "Indexing", stream=stream, min_seconds=1.0, clock=clock, columns=100) as p:
        for _ in range(50):
            p.advance()
        assert stream.getvalue() == ""  # nothing before min_seconds
        clock.now += 1.0
        p.advance(50)
        drawn = lines(stream.getvalue())
        assert len(drawn) == 1
        line = drawn[0]
        assert line.startswith("Indexing [")
        assert "100/200" in line
        assert "50%" in line
        assert "100.0/s" in line
        assert "ETA 0:01" in line
        assert len(line) <= 99
    # The line is cleared at the end: the last write blanks it and returns the cursor.
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().split("\r")[-2].strip() == ""


def test_redraws_are_rate_limited() -> None:
    stream, clock = FakeTTY(), Clock()
    progress = Progress(None, "Reading", stream=stream, min_seconds=0.0, clock=clock)
    for _ in range(1000):
        progress.advance()  # same instant: one draw only
    assert len(lines(stream.getvalue())) == 1
    for _ in range(10):
        clock.now += 0.0625  # exact in binary
        progress.advance()
    assert len(lines(stream.getvalue())) == 6  # every other step is >= 0.1 s after the last draw
    progress.close()
    assert re.fullmatch(r"Reading \d+ [\d.]+k?/s \d+:\d\d", lines(stream.getvalue())[-1])


def test_silent_when_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    with Progress(10, "Quiet", stream=stream, min_seconds=0.0, clock=clock) as progress:
        clock.now += 5
        progress.advance(10)
    assert stream.getvalue() == ""


def test_fits_a_narrow_terminal_and_handles_odd_totals() -> None:
    clock = Clock()
    progress = Progress(0, "A rather long label for a narrow terminal", FakeTTY(), 0.0, clock=clock)
    clock.now += 2
    progress.advance(3)
    assert "3" in progress.render()
    narrow = Progress(10, "Label", FakeTTY(), 0.0, clock=clock, columns=30)
    clock.now += 1
    narrow.advance(20)  # more than the total
    line = narrow.render()
    assert len(line) <= 29
    assert "100%" in line


def test_defaults_to_stderr_and_clears_on_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    clock = Clock()
    with pytest.raises(RuntimeError), Progress(5, "Boom", min_seconds=0.0, clock=clock) as p:
        p.advance()
        raise RuntimeError
    assert p.stream is fake
    assert fake.getvalue().startswith("\rBoom")
    assert fake.getvalue().endswith("\r")


def test_closed_stream_does_not_raise() -> None:
    stream, clock = FakeTTY(), Clock()
    progress = Progress(5, "Gone", stream=stream, min_seconds=0.0, clock=clock)
    stream.close()
    progress.advance()
    progress.close()


def test_stream_none_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    clock = Clock()
    with Progress(5, "Off", stream=None, min_seconds=0.0, clock=clock) as progress:
        clock.now += 1
        progress.advance(5)
    assert fake.getvalue() == ""
