"""assistant.safe: what is stripped before printing untrusted text, and what is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.safe import one_line, plain, plain_data


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("\x1b[1;33;41mbold\x1b[m", "bold"),
        ("cursor\x1b[2J\x1b[Hhome", "cursorhome"),
        ("\x1b[?25lhidden cursor\x1b[?25h", "hidden cursor"),
        ("8-bit \x9b31mCSI\x9b0m", "8-bit CSI"),
    ],
)
def test_csi_sequences_are_removed(raw: str, expected: str) -> None:
    assert plain(raw) == expected


def test_osc8_hyperlink_keeps_only_the_label() -> None:
    link = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
    assert plain(f"see {link} now") == "see click here now"


def test_osc8_with_bel_terminator() -> None:
    assert plain("\x1b]8;;http://x.example\x07label\x1b]8;;\x07") == "label"


def test_osc_window_title_is_removed() -> None:
    assert plain("a\x1b]0;pwned title\x07b") == "ab"
    assert plain("a\x9d0;title\x9cb") == "ab"


def test_unterminated_osc_does_not_leak_an_escape() -> None:
    result = plain("before\x1b]8;;http://x")
    assert result == "before"


def test_other_escape_strings_and_sequences() -> None:
    assert plain("x\x1bPdevice control\x1b\\y") == "xy"
    assert plain("x\x1b_app command\x1b\\y") == "xy"
    assert plain("x\x1b(By\x1b7z\x1bc") == "xyz"
    assert plain("lone escape \x1b") == "lone escape "


def test_bell_and_c0_controls_are_removed_but_newline_and_tab_kept() -> None:
    assert plain("ding\x07 dong\x00\x08\x0b\x0c") == "ding dong"
    assert plain("line one\nline\ttwo") == "line one\nline\ttwo"
    assert plain("crlf\r\nnext") == "crlf\nnext"
    assert plain("over\rwrite") == "overwrite"
    assert plain("del\x7fete") == "delete"


def test_c1_controls_are_removed() -> None:
    assert plain("a\x85b\x8dc\x96d") == "abcd"
    # 0x9F (APC) opens a control string, which runs to its terminator like ESC _ does.
    assert plain("a\x9fhidden\x9cb") == "ab"


def test_bidi_overrides_and_isolates_are_removed() -> None:
    trojan = "access\u202e level\u202c \u2066admin\u2069 \u202aok\u202b\u202d"
    assert plain(trojan) == "access level admin ok"


def test_rich_markup_is_left_as_literal_text() -> None:
    text = "[bold red]not bold[/bold red] and [link=https://x.example]x[/link]"
    assert plain(text) == text


def test_ordinary_text_is_unchanged() -> None:
    text = "Drăgan met Voss-Aalen in Brennmark — «talks» 50 % ✓ 日本"
    assert plain(text) is text or plain(text) == text


def test_non_strings_and_none() -> None:
    assert plain(None) == ""
    assert plain(3.5) == "3.5"


def test_one_line_folds_whitespace() -> None:
    assert one_line("  a\n\nb\tc \x1b[1m d\x1b[0m ") == "a b c d"


def test_plain_data_cleans_nested_strings() -> None:
    data = {"t\x1b[1m": ["\x07x", {"y": "\u202ez"}], "n": 1, "b": True, "none": None}
    assert plain_data(data) == {"t": ["x", {"y": "z"}], "n": 1, "b": True, "none": None}


@given(st.text())
def test_no_escape_or_control_survives(text: str) -> None:
    result = plain(text)
    assert "\x1b" not in result
    assert not any(
        (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F for ch in result
    )
    assert not any(ch in result for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(st.text())
def test_plain_is_idempotent(text: str) -> None:
    once = plain(text)
    assert plain(once) == once
