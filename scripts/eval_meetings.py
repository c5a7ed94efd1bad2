"""Evaluate the meeting extractor on a corpus: counts, timings and a sample to check by eye.

Usage: python scripts/eval_meetings.py [PATH ...] [--sample N] [--seed S] [--json]

PATH defaults to ../shared/eval/corpus relative to the repository root. The sample is drawn with
a fixed seed, so two runs over the same corpus and rules print the same events.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from assistant.corpus import load_corpus  # noqa: E402
from assistant.knowledge.meetings import extract_meetings  # noqa: E402
from assistant.models import Article, Evidence, Meeting  # noqa: E402

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "eval" / "corpus"
SENTENCE_CHARS = 240


@dataclass
class Run:
    paths: list[Path]
    articles: list[Article]
    skipped: int
    meetings: list[Meeting]
    load_seconds: float
    extract_seconds: float


def run(paths: list[Path]) -> Run:
    started = time.perf_counter()
    report = load_corpus(paths)
    loaded = time.perf_counter()
    meetings: list[Meeting] = []
    for article in report.articles:
        meetings.extend(extract_meetings(article))
    done = time.perf_counter()
    return Run(
        paths=paths,
        articles=report.articles,
        skipped=len(report.skipped),
        meetings=meetings,
        load_seconds=loaded - started,
        extract_seconds=done - loaded,
    )


def summary(result: Run) -> dict[str, Any]:
    meetings = result.meetings
    with_articles = {m.article_id for m in meetings}
    return {
        "paths": [str(p) for p in result.paths],
        "articles": len(result.articles),
        "skipped": result.skipped,
        "articles_with_events": len(with_articles),
        "seconds": {
            "load": round(result.load_seconds, 3),
            "extract": round(result.extract_seconds, 3),
            "extract_per_article_ms": round(
                1000 * result.extract_seconds / max(len(result.articles), 1), 2
            ),
        },
        "events": len(meetings),
        "with_place": sum(m.place is not None for m in meetings),
        "with_time": sum(m.time is not None for m in meetings),
        "with_time_iso": sum(m.time is not None and m.time.iso is not None for m in meetings),
        "with_purpose": sum(m.purpose is not None for m in meetings),
        "with_topics": sum(bool(m.topics) for m in meetings),
        "background": sum(m.background for m in meetings),
        "by_kind": dict(Counter(m.kind for m in meetings).most_common()),
        "by_status": dict(Counter(m.status for m in meetings).most_common()),
        "by_trigger_rule": dict(Counter(m.trigger.rule for m in meetings).most_common()),
        "participants": dict(
            sorted(Counter(len(m.participants) for m in meetings).items(), key=lambda kv: kv[0])
        ),
    }


def sample(result: Run, size: int, seed: int) -> list[Meeting]:
    """A seeded sample, shown in corpus order."""
    if size <= 0 or not result.meetings:
        return []
    order = {id(m): i for i, m in enumerate(result.meetings)}
    chosen = random.Random(seed).sample(result.meetings, min(size, len(result.meetings)))
    return sorted(chosen, key=lambda m: order[id(m)])


def _clip(text: str, limit: int = SENTENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sentence(article: Article, index: int) -> str:
    if 0 <= index < len(article.sentences):
        return article.sentence_text(index)
    return article.title if index == -1 else ""


def _evidence(evidence: Evidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    out: dict[str, Any] = {
        "value": evidence.value,
        "sentence": evidence.sentence,
        "rule": evidence.rule,
    }
    if evidence.iso is not None:
        out["iso"] = evidence.iso
    return out


def event_record(meeting: Meeting, article: Article) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "article_id": meeting.article_id,
        "title": article.title,
        "date": article.date_text,
        "kind": meeting.kind,
        "status": meeting.status,
        "background": meeting.background,
        "participants": [
            {"name": p.name, "kind": p.kind.value, "title": p.title, "rule": p.rule}
            for p in meeting.participants
        ],
        "trigger": _evidence(meeting.trigger),
        "place": _evidence(meeting.place),
        "time": _evidence(meeting.time),
        "purpose": _evidence(meeting.purpose),
        "topics": [t.value for t in meeting.topics],
        "sentences": {str(i): _sentence(article, i) for i in meeting.sentences},
    }


def _field(label: str, evidence: Evidence | None, trigger_sentence: int) -> str:
    if evidence is None:
        return f"  {label:<9} -"
    value = evidence.value
    if evidence.iso and evidence.iso != value:
        value += f"  (= {evidence.iso})"
    where = "" if evidence.sentence == trigger_sentence else f" s{evidence.sentence}"
    return f"  {label:<9} {value}   [{evidence.rule}{where}]"


def print_text(stats: dict[str, Any], events: list[Meeting], articles: dict[str, Article]) -> None:
    n = stats["events"] or 1
    seconds = stats["seconds"]

    def share(count: int) -> str:
        return f"{count:>6}  ({100 * count / n:5.1f}%)"

    print(f"corpus:            {', '.join(stats['paths'])}")
    print(f"articles:          {stats['articles']}  (skipped inputs: {stats['skipped']})")
    print(
        f"time:              load {seconds['load']:.2f} s, extraction {seconds['extract']:.2f} s "
        f"({seconds['extract_per_article_ms']:.1f} ms per article)"
    )
    print(
        f"events:            {stats['events']}  in {stats['articles_with_events']} articles "
        f"({stats['events'] / max(stats['articles'], 1):.2f} per article)"
    )
    print(f"  with place:      {share(stats['with_place'])}")
    print(f"  with time:       {share(stats['with_time'])}")
    print(f"    resolved ISO:  {share(stats['with_time_iso'])}")
    print(f"  with purpose:    {share(stats['with_purpose'])}")
    print(f"  with topics:     {share(stats['with_topics'])}")
    print(f"  background:      {share(stats['background'])}")
    for title, key in (
        ("by kind", "by_kind"),
        ("by status", "by_status"),
        ("by trigger rule", "by_trigger_rule"),
    ):
        print(f"{title}:")
        for name, count in stats[key].items():
            print(f"  {name:<22}{share(count)}")
    print(
        "participants per event: "
        + ", ".join(f"{k}: {v}" for k, v in stats["participants"].items())
    )
    if not events:
        return
    print()
    print(f"sample of {len(events)} events (seed {stats['seed']}):")
    for number, meeting in enumerate(events, start=1):
        article = articles[meeting.article_id]
        flags = [meeting.kind, meeting.status] + (["background"] if meeting.background else [])
        print()
        print(f"[{number}] {meeting.id}  ({', '.join(flags)})  {article.date_text or 'no date'}")
        print(f"  title:    {_clip(article.title, 120)}")
        people = "; ".join(
            f"{p.name} ({p.kind.value}{', ' + p.title if p.title else ''}) [{p.rule}]"
            for p in meeting.participants
        )
        print(f"  who:      {people}")
        trigger = meeting.trigger.sentence
        print(f"  trigger:  {meeting.trigger.value!r}   [{meeting.trigger.rule} s{trigger}]")
        print(_field("where:", meeting.place, trigger))
        print(_field("when:", meeting.time, trigger))
        print(_field("why:", meeting.purpose, trigger))
        if meeting.topics:
            print(f"  topics:   {' | '.join(t.value for t in meeting.topics)}")
        print(f"  s{trigger}: {_clip(_sentence(article, trigger))}")
        for index in meeting.sentences:
            if index != trigger:
                print(f"  s{index}: {_clip(_sentence(article, index))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run the meeting extractor over a corpus and report what it finds."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help=f"files or folders to read (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument("--sample", type=int, default=15, help="events to show (default 15)")
    parser.add_argument("--seed", type=int, default=13, help="seed for the sample (default 13)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)

    paths = args.paths or [DEFAULT_CORPUS]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"eval_meetings: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    result = run(paths)
    if not result.articles:
        print("eval_meetings: no articles could be read", file=sys.stderr)
        return 1
    stats = summary(result)
    stats["seed"] = args.seed
    events = sample(result, args.sample, args.seed)
    articles = {a.id: a for a in result.articles}
    if args.json:
        stats["sample"] = [event_record(m, articles[m.article_id]) for m in events]
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print_text(stats, events, articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
