"""The conversation as Markdown (questions, answers, citations) and where to save it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.models import Answer
from assistant.safe import one_line, plain

TRANSCRIPTS_ENV = "NEWSDESK_TRANSCRIPTS"


@dataclass
class Exchange:
    """One question of the session and what came of it."""

    id: int
    question: str
    answer: Answer | None = None
    error: str | None = None


def answer_text(answer: Answer) -> str:
    """The answer with its sources, as plain text (what ctrl+y copies)."""
    lines = [one_line(answer.answer)]
    for citation in answer.citations:
        when = f", {citation.date}" if citation.date else ""
        lines.append(f"- {one_line(citation.title)}{when}: {one_line(citation.sentence)}")
        if citation.url:
            lines.append(f"  {one_line(citation.url)}")
    return "\n".join(lines)


def transcript_markdown(exchanges: Sequence[Exchange], corpus: str = "") -> str:
    """The whole conversation as a Markdown document."""
    out = ["# Newsdesk conversation", ""]
    if corpus:
        out += [f"Corpus: {plain(corpus)}", ""]
    for exchange in exchanges:
        out += [f"## {one_line(exchange.question)}", ""]
        if exchange.error is not None:
            out += [f"**Error:** {one_line(exchange.error)}", ""]
            continue
        answer = exchange.answer
        if answer is None:
            out += ["*(no answer yet)*", ""]
            continue
        out += [one_line(answer.answer), ""]
        if answer.answered and answer.citations:
            out += ["Sources:", ""]
            for n, citation in enumerate(answer.citations, start=1):
                when = f" ({citation.date})" if citation.date else ""
                out.append(
                    f'{n}. *{one_line(citation.title)}*{when}: "{one_line(citation.sentence)}"'
                )
                if citation.url:
                    out.append(f"   <{one_line(citation.url)}>")
            out.append("")
        elif answer.passages:
            out += ["Closest passages:", ""]
            for hit in answer.passages[:3]:
                when = f" ({hit.date})" if hit.date else ""
                out.append(
                    f"{hit.rank}. *{one_line(hit.title)}*{when}, score {hit.score:.2f}: "
                    f"{one_line(hit.passage.text)}"
                )
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def transcript_path(now: dt.datetime | None = None) -> Path:
    """A new file name like newsdesk-20260113-091500.md in $NEWSDESK_TRANSCRIPTS or here."""
    folder = Path(os.environ.get(TRANSCRIPTS_ENV) or ".")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = folder / f"newsdesk-{stamp}.md"
    n = 2
    while path.exists():
        path = folder / f"newsdesk-{stamp}-{n}.md"
        n += 1
    return path


def save_transcript(exchanges: Sequence[Exchange], corpus: str = "") -> Path:
    """Write the conversation to a new Markdown file and return its path."""
    path = transcript_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(transcript_markdown(exchanges, corpus))
    return path
