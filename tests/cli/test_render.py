"""The CLI's text helpers, without a subprocess: snippets, highlighting, tables."""

from __future__ import annotations

from assistant.cli import HIGHLIGHT, RESET, build_parser, mark, snippet


def test_short_passage_is_kept_whole_on_one_line() -> None:
    assert snippet("Kovac met\nLaar  in Orvik.", ["Orvik"]) == "Kovac met Laar in Orvik."


def test_long_passage_is_cut_around_the_first_match() -> None:
    words = [f"w{i}" for i in range(200)]
    words[150] = "herring"
    text = " ".join(words)
    cut = snippet(text, ["herring"], width=120)
    assert "herring" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 122
    # Cut at word boundaries.
    assert all(part.startswith("w") or part == "herring" for part in cut.strip("…").split())


def test_match_near_the_start_keeps_the_start() -> None:
    text = "herring " + "filler " * 100
    cut = snippet(text, ["herring"], width=50)
    assert cut.startswith("herring") and cut.endswith("…")


def test_mark_wraps_whole_words_only() -> None:
    marked = mark("Herring and herrings, herring.", ["herring"])
    assert marked == f"{HIGHLIGHT}Herring{RESET} and herrings, {HIGHLIGHT}herring{RESET}."
    assert mark("text", []) == "text"


def test_common_options_before_and_after_the_command_are_merged() -> None:
    from assistant.cli import _settings

    args = build_parser().parse_args(
        ["--corpus", "a", "search", "q", "--corpus", "b", "--cache-dir", "c", "--no-cache"]
    )
    settings = _settings(args)
    assert [p.name for p in settings.corpus] == ["a", "b"]
    assert settings.cache_dir.name == "c" and settings.use_cache is False


def test_default_corpus_and_cache() -> None:
    from assistant.cli import _settings
    from assistant.config import DEFAULT_CORPUS, Settings

    settings = _settings(build_parser().parse_args(["corpus"]))
    assert settings.corpus == [DEFAULT_CORPUS]
    assert settings.cache_dir == Settings().cache_dir and settings.use_cache
