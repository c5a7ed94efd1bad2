"""Corpus folders that fight back: loops, unreadable and vanishing files, very many or very big
files. Indexing always finishes, skips what it must with one report line each, and counts.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from assistant import engine as engine_module
from assistant.cli import main
from assistant.config import Settings
from assistant.corpus import loaders
from assistant.engine import Engine
from assistant.models import SkippedFile

from .checks import check_article
from .conftest import REPO, subprocess_env


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Index in this process (no worker pool), so the monkeypatched faults apply."""
    monkeypatch.setenv("NEWSDESK_WORKERS", "1")


ARTICLE = "Harbour note {n}\n\nThe harbour council met on Tuesday to discuss berth {n}.\n"


def write_articles(folder: Path, count: int, per_folder: int = 1000) -> list[Path]:
    paths = []
    for n in range(count):
        sub = folder / f"part-{n // per_folder:03d}"
        if n % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"note-{n:06d}.txt"
        path.write_text(ARTICLE.format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


def open_engine(
    corpus: Sequence[Path], cache: Path | None = None
) -> tuple[Engine, list[SkippedFile]]:
    seen: list[SkippedFile] = []
    settings = (
        Settings(corpus=list(corpus), cache_dir=cache)
        if cache is not None
        else Settings(corpus=list(corpus), use_cache=False)
    )
    engine = Engine.open(settings, on_skip=seen.append, progress=False)
    return engine, seen


# --- symlinks ---------------------------------------------------------------------------------


def test_symlink_loops_and_repeated_links_are_read_once(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write_articles(root, 3)
    part = root / "part-000"
    (part / "loop").symlink_to(root)  # back to the top
    (part / "self").symlink_to(part)  # to itself
    (root / "a").mkdir()
    (root / "a" / "to-b").symlink_to(root / "b", target_is_directory=True)
    (root / "b").mkdir()
    (root / "b" / "to-a").symlink_to(root / "a", target_is_directory=True)  # a <-> b
    (root / "same-note.txt").symlink_to(part / "note-000000.txt")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    started = time.monotonic()
    engine, seen = open_engine([root, part])
    assert time.monotonic() - started < 30
    # Each real file once (note 0 under the first name the walk meets: the link at the top).
    assert sorted(engine.articles) == ["note-000001", "note-000002", "same-note"]
    assert "berth 0." in engine.articles["same-note"].text
    assert [s.reason for s in seen] == ["broken symbolic link"]
    assert engine.stats.skipped == 1


# --- unreadable, vanishing and changing files -------------------------------------------------


@pytest.mark.usefixtures("in_process")
def test_unreadable_files_and_folders_are_skipped_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """We run as root, so permission errors are simulated where the loaders meet the OS."""
    root = tmp_path / "news"
    paths = write_articles(root, 6, per_folder=3)
    bundle = root / "bundle.jsonl"
    bundle.write_text(json.dumps({"id": "j1", "text": "The port reopened."}) + "\n")
    locked_file, locked_folder = paths[0], root / "part-001"
    real_open, real_scandir = Path.open, os.scandir

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self in (locked_file, bundle):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def guarded_scandir(path: str | os.PathLike[str]) -> Any:
        if Path(path) == locked_folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    engine, seen = open_engine([root])
    assert sorted(engine.articles) == ["note-000001", "note-000002"]
    lines = sorted(s.describe() for s in seen)
    assert lines == sorted(
        [
            f"{locked_file}: cannot read file (permission denied)",
            f"{bundle}: cannot read file (permission denied)",
            f"{locked_folder}: cannot read folder (permission denied)",
        ]
    )
    assert all("\n" not in line for line in lines)


def _after_listing(monkeypatch: pytest.MonkeyPatch, action: Callable[[list[Path]], None]) -> None:
    """Run `action(files)` after the engine has listed the corpus, before it reads anything."""
    real = engine_module.corpus_files

    def listing(paths: Sequence[Path]) -> tuple[list[Path], list[SkippedFile]]:
        files, skipped = real(paths)
        action(files)
        return files, skipped

    monkeypatch.setattr(engine_module, "corpus_files", listing)


@pytest.mark.usefixtures("in_process")
def test_files_that_vanish_while_indexing_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "news"
    paths = write_articles(root, 5)
    bundle = root / "bundle.jsonl"
    bundle.write_text(json.dumps({"id": "j1", "text": "The port reopened."}) + "\n")

    def vanish(files: list[Path]) -> None:
        paths[2].unlink()
        bundle.unlink()

    _after_listing(monkeypatch, vanish)
    engine, seen = open_engine([root], cache=tmp_path / "cache")
    assert len(engine.articles) == 4 and "note-000002" not in engine.articles
    assert sorted(s.describe() for s in seen) == sorted(
        [
            f"{bundle}: cannot read file (no such file or directory)",
            f"{paths[2]}: cannot read file (no such file or directory)",
        ]
    )
    # The next start sees the folder as it is now: nothing is missing any more.
    monkeypatch.undo()
    again, seen = open_engine([root], cache=tmp_path / "cache")
    assert len(again.articles) == 4 and seen == [] and not again.from_cache


@pytest.mark.usefixtures("in_process")
def test_files_that_change_while_indexing_never_leave_a_stale_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "news"
    paths = write_articles(root, 4)
    changed, emptied, replaced = paths[0], paths[1], paths[2]

    def change(files: list[Path]) -> None:
        changed.write_text(ARTICLE.format(n="NEW") + "Quartermaster Ines Falk arrived.\n")
        emptied.write_text("")
        replaced.unlink()
        replaced.mkdir()  # a file turned into a folder

    _after_listing(monkeypatch, change)
    cache = tmp_path / "cache"
    engine, seen = open_engine([root], cache=cache)
    # What was read is what the files held when they were read.
    assert "Ines Falk" in engine.articles["note-000000"].text
    assert sorted(s.reason for s in seen) == ["empty file", "is a folder, not a file"]
    for article in engine.articles.values():
        check_article(article)
    # The cache entry was keyed before the change, so the next start rebuilds from the files.
    monkeypatch.undo()
    again, seen = open_engine([root], cache=cache)
    assert not again.from_cache
    assert "Ines Falk" in again.articles["note-000000"].text
    answer = again.ask("Who arrived?")
    assert all(c.article_id in again.articles for c in answer.citations)
    # A start with no change uses the cache.
    third, _ = open_engine([root], cache=cache)
    assert third.from_cache and sorted(third.articles) == sorted(again.articles)


# --- many files, big files --------------------------------------------------------------------


def test_a_thousand_tiny_files_with_bad_ones_among_them(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write_articles(root, 1000, per_folder=250)
    bad = {
        root / "part-000" / "binary.txt": b"\x00\x01\x02binary",
        root / "part-001" / "latin1.txt": "Caf\xe9 news\n\nBody.".encode("latin-1"),
        root / "part-002" / "empty.md": b"",
        root / "part-002" / "broken.json": b'{"id": "x", "text": ',
    }
    for path, data in bad.items():
        path.write_bytes(data)
    cache = tmp_path / "cache"
    started = time.monotonic()
    engine, seen = open_engine([root], cache=cache)
    first = time.monotonic() - started
    assert engine.stats.articles == 1000 and engine.stats.passages == 1000
    assert sorted(s.path for s in seen) == sorted(str(p) for p in bad)
    assert engine.stats.skipped == 4
    started = time.monotonic()
    again, seen_again = open_engine([root], cache=cache)
    assert again.from_cache
    assert again.stats.articles == 1000 and again.stats.skipped == 4
    assert sorted(s.describe() for s in seen_again) == sorted(s.describe() for s in seen)
    assert time.monotonic() - started < first
    assert "berth 999." in again.articles["note-000999"].text


HUNDRED_K_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from assistant.config import Settings
    from assistant.engine import Engine
    root, cache = Path(sys.argv[1]), Path(sys.argv[2])
    skipped = []
    started = time.monotonic()
    engine = Engine.open(Settings(corpus=[root], cache_dir=cache), on_skip=skipped.append,
                         progress=False)
    built = time.monotonic() - started
    started = time.monotonic()
    again = Engine.open(Settings(corpus=[root], cache_dir=cache), progress=False)
    reopened = time.monotonic() - started
    print(json.dumps({"articles": engine.stats.articles, "skipped": [s.describe() for s in skipped],
                      "built": built, "reopened": reopened, "from_cache": again.from_cache,
                      "again": again.stats.articles, "messages": engine.messages}))
    """
)


@pytest.mark.slow
def test_a_hundred_thousand_tiny_files(tmp_path: Path) -> None:
    """Indexing 100,000 files, then starting again from the cache, each within HUNDRED_K_LIMIT.
    Run in a subprocess so that a hang fails the test instead of the suite."""
    root = tmp_path / "news"
    started = time.monotonic()
    write_articles(root, 100_000)
    (root / "part-000" / "binary.txt").write_bytes(b"\x00binary")
    written = time.monotonic() - started
    try:
        result = subprocess.run(
            [sys.executable, "-c", HUNDRED_K_SCRIPT, str(root), str(tmp_path / "cache")],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            cwd=REPO,
            timeout=HUNDRED_K_LIMIT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"indexing 100,000 files did not finish in {HUNDRED_K_LIMIT} s")
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    print(f"written in {written:.0f}s; {report}")
    assert report["articles"] == 100_000 and report["again"] == 100_000
    assert report["from_cache"]
    assert report["skipped"] == [f"{root / 'part-000' / 'binary.txt'}: binary file"]


HUNDRED_K_LIMIT = 600


def test_a_fifty_megabyte_jsonl_file_loads_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    # Long sentences (cut at 1,000 characters): loading cost grows with sentences, and 50 MB of
    # short ones would make this test the slowest of the suite without proving more.
    clause = "the council met on Tuesday to discuss the harbour, the ferry link and the quotas, "
    body = ("The harbour. " + clause * 45 + "officials said.\n\n") * 2
    bad_lines = {
        100: "{not json",
        2000: json.dumps({"id": "no-text"}),
        4000: json.dumps({"id": "a-10", "text": "A duplicate id."}),
    }
    with path.open("w", encoding="utf-8") as handle:
        number = 0
        while handle.tell() < 50_000_000:
            number += 1
            line = bad_lines.get(number) or json.dumps(
                {
                    "id": f"a-{number}",
                    "title": f"Story {number}",
                    "date": "2026-01-02",
                    "text": body,
                }
            )
            handle.write(line + "\n")
    lines = number
    started = time.process_time()
    articles, skipped = loaders.load_file(path)
    seconds = time.process_time() - started
    assert seconds < 90, f"loading 50 MB took {seconds:.0f}s"
    assert len(articles) == lines - 3
    assert [(s.line, s.reason.split(" (")[0]) for s in skipped] == [
        (100, "not valid JSON"),
        (2000, "no article text"),
        (4000, "duplicate article id a-10"),
    ]
    check_article(articles[-1])
    assert articles[-1].line == lines


def test_one_huge_jsonl_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge-line.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "small", "text": "The port reopened."}) + "\n")
        handle.write('{"id": "huge", "text": "' + "x" * 20_000_000 + '"}\n')
        handle.write(json.dumps({"id": "after", "text": "The ferry sailed."}) + "\n")
    articles, skipped = loaders.load_file(path, max_bytes=1_000_000)
    assert [a.id for a in articles] == ["small", "after"]
    assert len(skipped) == 1 and skipped[0].line == 2
    assert skipped[0].reason.startswith("line larger than 976.6 KB")


def test_the_cli_reports_each_skipped_input_once_with_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsdesk: skipped PATH: reason` once per bad input, then `N articles loaded, M skipped`;
    the same lines when the index comes from the cache."""
    root = tmp_path / "news"
    write_articles(root, 3)
    bad = {
        "binary.txt": b"\x00\x01binary",
        "latin1.txt": "Caf\xe9\n\nBody.".encode("latin-1"),
        "utf16.md": "Title\n\nBody".encode("utf-16"),
        "empty.html": b"   \n",
        "broken.json": b'{"id": ',
        "lines.jsonl": b'{"id": "j1", "text": "The port reopened."}\nnot json\n{"id": "j2"}\n',
        "huge.txt": b"Title\n\n" + b"word " * 1_100_000,  # over the 5 MB default
    }
    for name, data in bad.items():
        (root / name).write_bytes(data)
    (root / "dangling.md").symlink_to(root / "nowhere.md")
    (root / "loop").symlink_to(root)
    missing = tmp_path / "no-such-folder"
    args = ["corpus", "--corpus", str(root), "--corpus", str(missing)]
    args += ["--cache-dir", str(tmp_path / "cache")]
    outputs = []
    for _ in range(2):  # built, then from the cache
        assert main([*args, "--json"]) == 0
        captured = capsys.readouterr()
        report = json.loads(captured.out)
        outputs.append((captured.err.splitlines(), report))
    (lines, report), (cached_lines, cached_report) = outputs
    skipped = [line for line in lines if line.startswith("newsdesk: skipped ")]
    expected = {
        f"{root / 'binary.txt'}: binary file",
        f"{root / 'latin1.txt'}: not UTF-8 text (byte 0xe9 at offset 3)",
        f"{root / 'utf16.md'}: UTF-16 text, not UTF-8",
        f"{root / 'empty.html'}: empty file",
        f"{root / 'broken.json'}: not valid JSON (Expecting value at line 1 column 8)",
        f"{root / 'lines.jsonl'}:2: not valid JSON (Expecting value at column 1)",
        f"{root / 'lines.jsonl'}:3: no article text ('text' missing or empty)",
        f"{root / 'huge.txt'}: {loaders.too_large(5_500_007, 5 * loaders.MiB)}",
        f"{root / 'dangling.md'}: broken symbolic link",
        f"{missing}: no such file or folder",
    }
    assert sorted(line.removeprefix("newsdesk: skipped ") for line in skipped) == sorted(expected)
    assert lines[-1].startswith(f"newsdesk: 4 articles loaded, {len(expected)} skipped (indexed")
    assert len(report["articles"]) == 4 and len(report["skipped"]) == len(expected)
    assert cached_lines[:-1] == lines[:-1]
    assert cached_lines[-1] == f"newsdesk: 4 articles loaded, {len(expected)} skipped (from cache)"
    assert cached_report == report


def test_pipes_sockets_and_devices_are_never_opened_and_each_is_one_line(tmp_path: Path) -> None:
    """A FIFO named like an article would block a reader forever: no pipe, socket or device is
    ever opened. Named on the command line, or met inside a folder (whatever its name, or
    through a symbolic link named like an article), each is skipped with one line saying what it
    is, and counted; the articles beside them load."""
    root = tmp_path / "news"
    write_articles(root, 2)
    os.mkfifo(root / "pipe.txt")
    os.mkfifo(root / "control")  # no article suffix: still reported
    (root / "null.md").symlink_to("/dev/null")
    os.mkfifo(root / ".hidden-pipe")  # hidden entries are ignored, as always
    os.mkfifo(tmp_path / "named.jsonl")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(root / "feed.sock"))
        started = time.monotonic()
        engine, seen = open_engine([root, tmp_path / "named.jsonl", Path("/dev/null")])
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert elapsed < 30
    assert len(engine.articles) == 2
    expected = [
        "/dev/null: not a regular file or folder",
        f"{tmp_path / 'named.jsonl'}: not a regular file or folder",
        f"{root / 'control'}: not a regular file (named pipe)",
        f"{root / 'feed.sock'}: not a regular file (socket)",
        f"{root / 'null.md'}: not a regular file (character device)",
        f"{root / 'pipe.txt'}: not a regular file (named pipe)",
    ]
    assert sorted(s.describe() for s in seen) == expected
    assert sorted(s.describe() for s in engine.skipped) == expected
    report = loaders.load_corpus([root])
    assert len(report.articles) == 2 and len(report.skipped) == 4


@pytest.mark.usefixtures("in_process")
def test_an_error_while_building_one_article_costs_only_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any exception from cleaning or splitting one article (a bug, not only bad data) skips
    that article with one line naming its file and the error, counted; the rest is indexed, and
    the same line comes back when the index is opened from the cache."""
    root = tmp_path / "news"
    paths = write_articles(root, 3)
    real = loaders.build_article

    def fails_on_the_second(draft: Any, path: Path) -> Any:
        if path.name == paths[1].name:
            raise KeyError("no paragraphs\x1b[31m at\nall")
        return real(draft, path)

    monkeypatch.setattr(loaders, "build_article", fails_on_the_second)
    line = f"{paths[1]}: cannot build article (KeyError: 'no paragraphs\\x1b[31m at\\nall')"
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):
        engine, seen = open_engine([root], cache)
        assert [s.describe() for s in seen] == [line]
        assert [s.describe() for s in engine.skipped] == [line]
        assert sorted(a.path for a in engine.articles.values()) == [str(paths[0]), str(paths[2])]
    assert engine.from_cache
    monkeypatch.setattr(
        loaders, "build_article", lambda draft, path: (_ for _ in ()).throw(TypeError("a\nb"))
    )
    report = loaders.load_corpus([root])
    assert report.articles == []
    assert [s.describe() for s in report.skipped] == [
        f"{p}: cannot build article (TypeError: a b)" for p in paths
    ]


@pytest.mark.usefixtures("in_process")
def test_a_failure_inside_indexing_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the worker pool raises when a worker dies (or any bug while indexing) reaches the
    CLI user as one error line and exit status 1."""
    from assistant import build

    root = tmp_path / "news"
    write_articles(root, 2)

    def die(*args: object, **kwargs: object) -> None:
        raise RuntimeError("an indexing worker died (out of memory?); try NEWSDESK_WORKERS=1")

    monkeypatch.setattr(build, "process_item", die)
    code = main(["corpus", "--corpus", str(root), "--cache-dir", str(tmp_path / "cache")])
    assert code == 1
    err = capsys.readouterr().err
    assert err == (
        "newsdesk: error: cannot load the corpus: RuntimeError: an indexing worker died "
        "(out of memory?); try NEWSDESK_WORKERS=1\n"
    )
