"""How long each stage takes on hostile text: huge sentences, huge questions, pathological runs.

Every case is about 1 MB of text (the question cases 100,000 characters). For each case the
script times, in order:

  load       `load_file` on a .txt holding the text (read, clean, split into sentences)
  entities   `EntityRecognizer.mentions` over every sentence, as the analysis calls it
  times      `find_times` over every sentence
  meetings   `extract_meetings` on the loaded article (analysis plus trigger rules)
  index      `Engine.open` on the file, no cache (load again, passages, BM25, meetings...)
  question   `parse_question` on the first 100,000 characters
  search     `Engine.search` with those characters as the query (engine over the hostile article)
  ask        `Engine.ask` with those characters (engine over the hostile article)

and prints one row per case, in CPU seconds of this process (the machine may be shared; every
stage runs in this process). `--cases a,b` picks cases, `--stages x,y` picks stages, `--size N`
changes the article size in bytes, `--normal` adds a case of ordinary news prose for
comparison. Run from the repository root:

    .venv/bin/python benchmarks/hostile_bench.py
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.config import Settings
from assistant.corpus import load_file
from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from assistant.knowledge.meetings import extract_meetings
from assistant.knowledge.timex import find_times
from assistant.models import Article
from assistant.qa.questions import parse_question

MB = 1_000_000
QUESTION_CHARS = 100_000

_PROSE = (
    "Prime Minister Anna Kovac met President Tomas Ardelean in Port Serin on Tuesday to "
    "discuss the ferry link, the fishing quotas and a new trade agreement, officials said. "
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def hostile_cases(size: int = MB) -> dict[str, str]:
    """Name -> text of about `size` characters. Shared with tests/reliability."""
    return {
        # One sentence: words and commas, no full stop until the very end.
        "one-sentence": _repeat("the minister met officials, and talked about fish ", size - 1)
        + ".",
        "capitalised-run": _repeat("The Big Red ", size),
        "the-the-the": _repeat("the ", size),
        "digits": _repeat("0123456789", size),
        "punctuation": _repeat("!?.,;:-()[]\"'", size),
        "digits-and-dots": _repeat("12. 3.4, 56! ", size),
        "initials": _repeat("U.S. ", size),
        "weekdays": _repeat("Monday ", size),
        "months-and-years": _repeat("May 2025 June 2026 ", size),
        "hyphenated-names": _repeat("Al-Foo-Bar ", size),
        "markup-and-escapes": _repeat("[bold]x[/bold] \x1b[31mred\x1b[0m \x07 ", size),
        "long-token": _repeat("x", size),
        "mixed-scripts": _repeat("Лондон 東京 القاهرة Αθήνα Zürich ", size),
        # Meetings everywhere: one sentence of them, the same meeting in every sentence, and a
        # different pair of people in every sentence (each its own event).
        "meetings-one-sentence": _repeat(_PROSE.replace(", officials said.", ","), size - 1) + ".",
        "many-meetings": _repeat("Prime Minister Anna Kovac met President Tomas Ardelean. ", size),
        "distinct-meetings": _distinct_meetings(size),
    }


def _distinct_meetings(size: int) -> str:
    """Sentences "President A met Minister B." with a different pair in each (seeded)."""
    rng = random.Random(7)
    first = ["Anna", "Tomas", "Mara", "Elias", "Ivo", "Lena", "Ola", "Kari", "Jon", "Ada"]
    last = ["Kovac", "Ardelean", "Voss", "Brandt", "Pell", "Dahl", "Nord", "Holm", "Ecker"]
    names = [f"{f} {s}" for f in first for s in last]
    parts: list[str] = []
    length = 0
    while length < size:
        a, b = rng.sample(names, 2)
        parts.append(f"President {a} met Minister {b}. ")
        length += len(parts[-1])
    return "".join(parts)[:size]


def normal_case(size: int = MB) -> str:
    return _repeat(_PROSE, size)


def _time(action: Callable[[], object]) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def _engine(path: Path) -> Engine:
    """The engine over one file, built in this process with no cache (as a first start)."""
    return Engine.open(Settings(corpus=[path], use_cache=False), progress=False)


def run_case(name: str, text: str, stages: list[str], folder: Path) -> dict[str, float | str]:
    row: dict[str, float | str] = {}
    path = folder / f"{name}.txt"
    path.write_text("Hostile text\n\n" + text, encoding="utf-8")
    loaded: list[Article] = []

    def load() -> None:
        articles, skipped = load_file(path, max_bytes=8 * MB)
        loaded.extend(articles)
        if skipped:
            row["note"] = skipped[0].reason

    row["load"] = _time(load)
    article = loaded[0] if loaded else None
    sentences = (
        [article.text[s.start : s.end] for s in article.sentences] if article is not None else []
    )
    question = text[:QUESTION_CHARS]
    engine: list[Engine] = []

    def build() -> None:
        engine.append(_engine(path))

    actions: dict[str, Callable[[], object]] = {
        "entities": lambda: [EntityRecognizer().mentions(s, i) for i, s in enumerate(sentences)],
        "times": lambda: [find_times(s) for s in sentences],
        "meetings": lambda: extract_meetings(article) if article is not None else None,
        "index": build,
        "question": lambda: parse_question(question),
        "search": lambda: engine[0].search(question) if engine else None,
        "ask": lambda: engine[0].ask(question) if engine else None,
    }
    for stage in stages:
        if stage == "load":
            continue
        if stage in ("search", "ask") and not engine and article is not None:
            build()
        row[stage] = _time(actions[stage])
    row["sentences"] = float(len(sentences))
    return row


STAGES = ["load", "entities", "times", "meetings", "index", "question", "search", "ask"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--stages", help=f"comma-separated stages (default: {','.join(STAGES)})")
    parser.add_argument("--size", type=int, default=MB, help="article size in characters")
    parser.add_argument("--normal", action="store_true", help="add ordinary prose for comparison")
    args = parser.parse_args(argv)
    cases = hostile_cases(args.size)
    if args.normal:
        cases["normal-prose"] = normal_case(args.size)
    if args.cases:
        wanted = args.cases.split(",")
        unknown = [c for c in wanted if c not in cases]
        if unknown:
            parser.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(cases)}")
        cases = {c: cases[c] for c in wanted}
    stages = args.stages.split(",") if args.stages else STAGES
    if "load" not in stages:
        stages = ["load", *stages]
    # Warm up lazy loads (lexicon, prompts, nltk) so the first case is not charged for them.
    extract_meetings(_engine_article())
    parse_question("Who met whom?")

    header = f"{'case':<20}{'sent':>6}" + "".join(f"{s:>10}" for s in stages) + "   (CPU seconds)"
    print(header)
    print("-" * len(header))
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases.items():
            row = run_case(name, text, stages, Path(tmp))
            cells = []
            for stage in stages:
                value = row.get(stage)
                if isinstance(value, float):
                    worst = max(worst, value)
                    cells.append(f"{value:>10.3f}")
                else:
                    cells.append(f"{'-':>10}")
            sentences = int(row["sentences"]) if isinstance(row["sentences"], float) else 0
            note = f"  {row['note']}" if "note" in row else ""
            print(f"{name:<20}{sentences:>6}" + "".join(cells) + note, flush=True)
    print(f"\nslowest stage: {worst:.3f}s")
    return 0


def _engine_article() -> Article:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_text("Warm up\n\n" + _PROSE, encoding="utf-8")
        return load_file(path)[0][0]


if __name__ == "__main__":
    raise SystemExit(main())
