"""Turn corpus text into rich `Text`: always literal (never markup), cleaned, with styled spans.

Everything from an article, a question or an answer goes through `plain` (no escape sequences or
control characters) and into `Text(...)`, so "[bold]" inside an article is drawn as "[bold]".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path

from rich.style import Style
from rich.text import Text

from assistant.safe import plain

StyleLike = Style | str

Span = tuple[int, int, StyleLike]


def literal(value: object, style: StyleLike = "") -> Text:
    """`value` as cleaned, literal text."""
    return Text(plain(value), style=style)


def one_line(value: object, style: StyleLike = "") -> Text:
    """`value` as literal text on one line (runs of whitespace folded to a space)."""
    return Text(" ".join(plain(value).split()), style=style)


def word_spans(source: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of `words` (a word or a phrase) occurs in `source` as whole words, any case."""
    spans: list[tuple[int, int]] = []
    for word in dict.fromkeys(w.strip() for w in words):
        if not word:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
        spans.extend(match.span() for match in pattern.finditer(source))
    return sorted(spans)


def styled(source: str, spans: Sequence[Span] = (), base: StyleLike = "") -> Text:
    """`source` as literal text with `spans` (offsets into `source`) styled.

    Offsets refer to the raw string; each piece is cleaned separately, so a control character
    removed by `plain` never shifts a highlight onto the wrong words.
    """
    cuts = {0, len(source)}
    for start, end, _ in spans:
        cuts.add(max(0, min(start, len(source))))
        cuts.add(max(0, min(end, len(source))))
    text = Text(style=base)
    for start, end in pairwise(sorted(cuts)):
        piece = plain(source[start:end])
        if not piece:
            continue
        styles = [_as_style(style) for s, e, style in spans if s <= start and end <= e]
        text.append(piece, Style.combine(styles) if styles else None)
    return text


def highlighted(source: str, words: Iterable[str], style: StyleLike, base: StyleLike = "") -> Text:
    """`source` as literal text with every occurrence of `words` styled."""
    return styled(source, [(s, e, style) for s, e in word_spans(source, words)], base=base)


def display_path(path: str | Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except (ValueError, OSError):
        pass
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def _as_style(style: StyleLike) -> Style:
    return style if isinstance(style, Style) else Style.parse(style)
