"""Loading each format, bad inputs, corpus discovery, and the public API."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.corpus import corpus_files, load_corpus, load_file, make_passages
from assistant.models import Article, SkippedFile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
REPO = Path(__file__).resolve().parent.parent.parent


def only(path: Path, **kwargs: int) -> Article:
    articles, skipped = load_file(path, **kwargs)
    assert skipped == []
    assert len(articles) == 1
    return articles[0]


def body_sentences(article: Article) -> list[str]:
    return [article.sentence_text(s.index) for s in article.sentences if not s.caption]


def skip_reason(path: Path, **kwargs: int) -> str:
    articles, skipped = load_file(path, **kwargs)
    assert articles == []
    assert len(skipped) == 1
    assert skipped[0].path == str(path)
    return skipped[0].reason


# --- .txt -----------------------------------------------------------------------------------


def test_txt_with_posted_updated_byline() -> None:
    article = only(FIXTURES / "posted_byline.txt")
    assert article.id == "posted_byline"
    assert article.title == "Valdoria and Estovia agree to reopen border rail link"
    assert article.author == "Anka Werli"
    assert article.date == dt.date(2026, 3, 4)
    assert article.dateline == "Castelmar"
    assert article.metadata["tags"] == "fictional sample"
    assert article.metadata["updated"] == "2026-03-04"
    assert article.text.startswith("Valdoria and Estovia agreed on Tuesday")
    assert body_sentences(article)[-1] == '"We are ready," she said.'


def test_txt_caption_kept_once_marked_and_furniture_dropped() -> None:
    article = only(FIXTURES / "posted_byline.txt")
    captions = [article.sentence_text(s.index) for s in article.sentences if s.caption]
    assert len(captions) == 1
    assert captions[0].startswith("Valdorian Transport Minister Petra Lund (L) greets")
    assert captions[0].endswith("(Pool photo) (Newsdesk Wire)")
    assert article.text.count("Petra Lund (L)") == 1
    for furniture in ("Share", "Copyright", "\ub2eb\uae30", "Posted", "Tags:"):
        assert furniture not in article.text


def test_txt_with_plain_byline_date_line_and_metadata() -> None:
    article = only(FIXTURES / "plain_byline.txt")
    assert article.title == "Harbour authority names new chief"
    assert article.author == "Jane Doe"
    assert article.date == dt.date(2026, 3, 3)
    assert article.source == "Quill Coast Gazette"
    assert article.url == "https://gazette.example/harbour-chief"
    assert article.metadata["source"] == "Quill Coast Gazette"
    assert article.dateline == "Washington"
    assert article.text.startswith("The Quill Coast harbour authority on Monday named Dr. Mara")


def test_txt_with_iso_date_line_and_reuters_dateline() -> None:
    article = only(FIXTURES / "date_line.txt")
    assert article.date == dt.date(2026, 5, 2)
    assert article.author is None
    assert article.dateline == "Port Avel"
    assert article.metadata["dateline_region"] == "Lumeria"
    assert article.text.startswith("Leaders of the coastal states arrived")


def test_txt_dateline_without_year_does_not_set_a_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("A title\n\nHALVIK, March 4 - Dockers struck.\n", encoding="utf-8")
    article = only(path)
    assert article.date is None
    assert article.metadata["dateline_date"] == "March 4"


def test_txt_body_line_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("A title\nBy the time talks ended, both sides agreed.\n", encoding="utf-8")
    article = only(path)
    assert article.author is None
    assert article.text == "By the time talks ended, both sides agreed."


def test_txt_header_lines_after_the_body_starts_stay_in_the_body(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("A title\n\nThe talks ended.\n\nSource: a statement.\n", encoding="utf-8")
    article = only(path)
    assert article.source is None
    assert article.text.endswith("Source: a statement.")


def test_txt_with_only_a_title_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "title.txt"
    path.write_text("Just a title\n", encoding="utf-8")
    assert skip_reason(path) == "no article text"


# --- .md ------------------------------------------------------------------------------------


def test_md_with_front_matter() -> None:
    article = only(FIXTURES / "front_matter.md")
    assert article.title == "Grain council meets in Brennmark"
    assert article.date == dt.date(2025, 3, 13)
    assert article.author == "Maren Lindqvist"
    assert article.source == "Newsdesk Wire"
    assert article.url == "https://wire.example/grain"
    assert article.metadata["tags"] == "grain, fictional sample"
    assert article.metadata["desk"] == "agriculture"
    assert "title" not in article.metadata
    assert (
        "Agriculture ministers met in Brennmark on Wednesday and agreed to share storage, "
        "according to a council statement." in body_sentences(article)
    )
    assert not any(mark in article.text for mark in ("**", "](", "# ", "- Export"))
    assert "Export quotas were discussed." in body_sentences(article)


def test_md_title_from_heading_with_byline_and_wrapped_lines() -> None:
    article = only(FIXTURES / "heading.md")
    assert article.title == "Dock strike ends in Halvik"
    assert article.author == "Oskar Nyland"
    assert article.date == dt.date(2025, 3, 20)
    assert article.dateline == "Halvik"
    assert body_sentences(article)[0] == (
        "Dock workers in Halvik returned to work on Thursday after a nine-day strike over pay, "
        "the port operator said."
    )
    assert len(article.paragraphs) == 2


def test_md_without_front_matter_or_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("Some _emphasised_ text with `code` and a snake_case_name.\n", encoding="utf-8")
    article = only(path)
    assert article.title == ""
    assert article.text == "Some emphasised text with code and a snake_case_name."


# --- .json / .jsonl -------------------------------------------------------------------------


def test_json_article() -> None:
    article = only(FIXTURES / "rennick.json")
    assert article.id == "rennick"
    assert article.title == "Rennick exchange slides for a third day"
    assert article.date == dt.date(2026, 1, 13)
    assert article.author == "Tomas Keel"
    assert article.source == "Newsdesk Wire"
    assert article.url == "https://wire.example/rennick"
    assert article.metadata == {
        "language": "en",
        "pages": "2",
        "featured": "true",
        "tags": "markets, fictional sample",
    }
    assert len(article.paragraphs) == 2


def test_json_id_field_wins_over_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "stem.json"
    path.write_text('{"id": 42, "text": "Talks ended."}', encoding="utf-8")
    assert only(path).id == "42"


def test_json_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty_text.json"
    path.write_text('{"title": "No body", "text": ""}', encoding="utf-8")
    assert "no article text" in skip_reason(path)


def test_invalid_json_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x", ', encoding="utf-8")
    assert skip_reason(path).startswith("not valid JSON")


def test_jsonl_bad_lines_are_skipped_and_the_rest_loads() -> None:
    path = FIXTURES / "articles.jsonl"
    articles, skipped = load_file(path)
    assert [a.id for a in articles] == ["a1", "a2", "a4"]
    assert [a.line for a in articles] == [1, 2, 8]
    assert [(s.line, s.reason.split(" (")[0]) for s in skipped] == [
        (3, "not valid JSON"),
        (4, "not a JSON object"),
        (5, "no article text"),
        (7, "no article id"),
        (9, "duplicate article id a1"),
    ]
    assert skipped[-1].reason == f"duplicate article id a1 (first in {path}:1)"
    assert all(s.path == str(path) for s in skipped)


def test_jsonl_fields_and_dates() -> None:
    articles, _ = load_file(FIXTURES / "articles.jsonl")
    by_id = {a.id: a for a in articles}
    assert by_id["a1"].date == dt.date(2026, 2, 3)
    assert by_id["a1"].metadata == {"license": "CC BY 4.0"}
    assert by_id["a2"].date == dt.date(2026, 1, 13)
    assert len(by_id["a2"].paragraphs) == 3  # single newlines, no blank lines
    assert by_id["a4"].date is None
    assert by_id["a4"].metadata["date_raw"] == "sometime in spring"


def test_jsonl_line_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = b'{"id": "ok", "text": "Fine."}\n'
    path.write_bytes(good + b'{"id": "bad", "text": "caf\xe9"}\n' + good.replace(b"ok", b"ok2"))
    articles, skipped = load_file(path)
    assert [a.id for a in articles] == ["ok", "ok2"]
    assert skipped == [
        SkippedFile(
            path=str(path),
            line=2,
            reason=f"not UTF-8 text (byte 0xe9 at offset {len(good) + 26})",
        )
    ]


def test_jsonl_size_limit_applies_per_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    small = '{"id": "s", "text": "Short."}\n'
    large = '{"id": "l", "text": "' + "word " * 400 + '"}\n'
    path.write_text(small + large + small.replace('"s"', '"t"'), encoding="utf-8")
    articles, skipped = load_file(path, max_bytes=1000)
    assert [a.id for a in articles] == ["s", "t"]
    assert len(skipped) == 1 and skipped[0].line == 2
    assert skipped[0].reason.startswith("line larger than 1000 bytes")


# --- .html ----------------------------------------------------------------------------------


def test_html_main_text_and_metadata_without_furniture() -> None:
    article = only(FIXTURES / "article.html")
    assert article.title == "Harbour ministers agree on ferry timetable"
    assert article.author == "Ilsa Marend"
    assert article.date == dt.date(2026, 2, 3)
    assert article.source == "Coastal Courier"
    assert article.url == "https://courier.example/news/ferry-timetable"
    assert "ferries" in article.metadata["keywords"]
    assert article.text.startswith("Transport ministers from the three harbour towns")
    for furniture in ("Subscribe", "Most read", "Celebrity chef", "Privacy", "Copyright"):
        assert furniture not in article.text
    assert len(article.paragraphs) == 4


# --- bad input ------------------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert skip_reason(path) == "binary file"


def test_non_utf8_file_names_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Title\n\nCaf\xe9 society.\n")
    assert skip_reason(path) == "not UTF-8 text (byte 0xe9 at offset 10)"


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Title\n\nBody.".encode("utf-16"))
    assert skip_reason(path) == "UTF-16 text, not UTF-8"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert skip_reason(path) == "empty file"


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    assert skip_reason(path) == "empty file"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle here\n\nBody text.\n")
    article = only(path)
    assert article.title == "Title here"


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Title\n\n" + b"word " * 1_500_000)
    assert skip_reason(path) == "larger than 5 MB (7.2 MB)"


def test_directory_passed_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert skip_reason(path) == "is a folder, not a file"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read chmod 000 files"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    path.chmod(0)
    try:
        assert skip_reason(path) == "cannot read file (permission denied)"
    finally:
        path.chmod(0o644)


def test_unreadable_file_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert skip_reason(path) == "cannot read file (permission denied)"


def test_load_corpus_never_raises_on_garbage(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[1, 2, {}]", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('null\n42\n"text"\n{"id": []}\n', encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: [unclosed\n", encoding="utf-8")
    (tmp_path / "d.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "e.txt").write_text("[" * 10_000 + "\x1b[" * 1000, encoding="utf-8")
    (tmp_path / "f.json").write_text("[" * 100_000, encoding="utf-8")
    report = load_corpus([tmp_path])
    assert len(report.skipped) >= 8
    assert all(isinstance(s, SkippedFile) and s.reason for s in report.skipped)


# --- corpus_files ---------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "c.json", "d.jsonl", "e.html", "f.htm", "g.csv", "h.TXT"):
        (root / name).write_text("x", encoding="utf-8")
    (root / "sub" / "i.txt").write_text("x", encoding="utf-8")
    (root / "sub" / "deeper" / "j.txt").write_text("x", encoding="utf-8")
    (root / ".hidden" / "k.txt").write_text("x", encoding="utf-8")
    (root / ".dotfile.txt").write_text("x", encoding="utf-8")
    (root / "README.md").write_text("x", encoding="utf-8")
    (root / "sub" / "readme.MD").write_text("x", encoding="utf-8")


def names(files: list[Path], root: Path) -> list[str]:
    return [str(f.relative_to(root)) for f in files]


def test_corpus_files_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, skipped = corpus_files([tmp_path])
    assert skipped == []
    assert names(files, tmp_path) == [
        "a.md",
        "b.txt",
        "c.json",
        "d.jsonl",
        "e.html",
        "f.htm",
        "h.TXT",
        "sub/deeper/j.txt",
        "sub/i.txt",
    ]


def test_corpus_files_deduplicates_overlaps_and_symlinks(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "sub" / "again").symlink_to(tmp_path / "sub" / "deeper")
    files, _ = corpus_files([tmp_path, tmp_path / "sub", tmp_path / "b.txt"])
    assert len(files) == len({f.resolve() for f in files}) == 9


def test_corpus_files_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    files, skipped = corpus_files([tmp_path])
    assert [f.name for f in files] == ["story.txt"]
    assert skipped == []


def test_corpus_files_reports_missing_unsupported_and_broken(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    files, skipped = corpus_files(
        [tmp_path / "missing", tmp_path / "notes.csv", tmp_path / "dangling.txt", folder]
    )
    assert files == []
    reasons = [s.reason for s in skipped]
    assert reasons[0] == "no such file or folder"
    assert reasons[1].startswith("unsupported file type '.csv'")
    assert reasons[2:] == ["broken symbolic link", "broken symbolic link"]


def test_explicit_readme_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Title\n\nBody.\n", encoding="utf-8")
    assert corpus_files([path])[0] == [path]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path)
    locked = tmp_path / "sub"
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, skipped = corpus_files([tmp_path])
    assert "sub/i.txt" not in names(files, tmp_path)
    assert skipped == [
        SkippedFile(path=str(locked), reason="cannot read folder (permission denied)")
    ]


# --- load_corpus ----------------------------------------------------------------------------


def test_load_corpus_fixtures_and_on_skip(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "corpus")
    (tmp_path / "corpus" / "article.txt").write_text("Same id\n\nAs the HTML.\n", encoding="utf-8")
    seen: list[SkippedFile] = []
    report = load_corpus([tmp_path / "corpus"], on_skip=seen.append)
    assert seen == report.skipped
    ids = [a.id for a in report.articles]
    assert len(ids) == len(set(ids)) == 10
    duplicate = [s for s in report.skipped if s.reason.startswith("duplicate article id article")]
    assert len(duplicate) == 1
    assert duplicate[0].path.endswith("article.txt")
    assert duplicate[0].reason.endswith("article.html)")


def test_every_fixture_article_has_consistent_offsets() -> None:
    report = load_corpus([FIXTURES])
    for article in report.articles:
        for start, end in article.paragraphs:
            assert article.text[start:end].strip() == article.text[start:end]
        for sentence in article.sentences:
            p_start, p_end = article.paragraphs[sentence.paragraph]
            assert p_start <= sentence.start < sentence.end <= p_end
            assert article.sentence_text(sentence.index).strip()
        for passage in make_passages(article):
            assert article.text[passage.start : passage.end] == passage.text


def test_pipeline_needs_no_nltk_data(tmp_path: Path) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    script = textwrap.dedent(
        f"""
        import nltk.data

        def refuse(*args, **kwargs):
            raise AssertionError("nltk data lookup: " + repr(args))

        nltk.data.find = refuse
        nltk.data.load = refuse
        from pathlib import Path
        from assistant.corpus import load_corpus, make_passages
        report = load_corpus([Path({str(FIXTURES)!r})])
        passages = sum(len(make_passages(a)) for a in report.articles)
        print(len(report.articles), len(report.skipped), passages > 0)
        """
    )
    env = {**os.environ, "NLTK_DATA": str(empty), "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["10", "5", "True"]
