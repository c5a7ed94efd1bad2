"""Terminal safety: make text from articles and questions harmless to print.

Article text, titles and questions come from files nobody vetted. Printed raw, an escape
sequence in them could recolour the terminal, retitle the window, plant a hyperlink (OSC 8),
move the cursor to overwrite earlier output, or reorder what is shown (bidi overrides).
`plain` removes all of that and keeps the words. Rich/Textual markup such as "[bold]" is
ordinary text here and is left alone: not interpreting it is the renderer's job.
"""

from __future__ import annotations

from typing import Any

from assistant.lazy_re import lazy_compile

# Control strings: OSC (ESC ] or 0x9D), DCS (ESC P / 0x90), SOS (ESC X / 0x98),
# PM (ESC ^ / 0x9E) and APC (ESC _ / 0x9F). Their payload runs to BEL or the string
# terminator (ESC \ or 0x9C); an unterminated one is removed up to the next escape or the end.
_CONTROL_STRING = lazy_compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
# CSI: ESC [ or 0x9B, parameter bytes, intermediate bytes, one final byte (if present).
_CSI = lazy_compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?")
# Any other escape sequence: ESC, intermediate bytes, one final byte (ESC ( B, ESC 7, ESC c ...).
_ESCAPE = lazy_compile(r"\x1b[ -/]*[0-~]?")
# C0 controls except \t and \n, DEL, C1 controls.
_CONTROL = lazy_compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates (the "Trojan Source" characters).
_BIDI = lazy_compile("[\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """`text` without escape sequences, control characters (but \\n and \\t) or bidi overrides.

    Non-strings are converted with `str` first; `None` becomes the empty string.
    """
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    if s.isprintable():
        return s
    s = s.replace("\r\n", "\n")
    s = _CONTROL_STRING.sub("", s)
    s = _CSI.sub("", s)
    s = _ESCAPE.sub("", s)
    s = _CONTROL.sub("", s)
    return _BIDI.sub("", s)


def one_line(text: object) -> str:
    """`plain(text)` with every run of whitespace (newlines, tabs) folded to one space."""
    return " ".join(plain(text).split())


def plain_data(value: Any) -> Any:
    """A copy of a JSON-like value with `plain` applied to every string, keys included."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(k) if isinstance(k, str) else k: plain_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    return value
