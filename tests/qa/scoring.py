"""The evaluation rules of the public scorer, restated for the project's own question suite.

A row is right when: an unanswerable question is declined; otherwise the row is answered, its
`short` answer is at most N words for its type, and contains one of `expected.any` (or every
phrase of `expected.all`) as whole words, after folding case, quotes, dashes and accents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

WORD_LIMIT = {"who_met": 16, "who": 16, "where": 10, "when": 10}
OTHER_WORD_LIMIT = 30
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_FOLD)
    return re.sub(r"\s+", " ", text).strip().lower()


def contains(answer: str, phrase: str) -> bool:
    phrase = normalise(phrase)
    return (
        bool(phrase) and re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", answer) is not None
    )


def is_right(question: dict, row: dict | None) -> bool:
    expected = question["expected"]
    if row is None:
        return False
    if expected.get("abstain"):
        return not row.get("answered")
    if not row.get("answered"):
        return False
    short = normalise(str(row.get("short") or ""))
    if not short or len(short.split()) > WORD_LIMIT.get(question["type"], OTHER_WORD_LIMIT):
        return False
    if "all" in expected:
        return all(contains(short, p) for p in expected["all"])
    return any(contains(short, p) for p in expected["any"])


@dataclass
class Report:
    right: int = 0
    total: int = 0
    unanswerable: int = 0
    unanswerable_answered: int = 0
    cited_right: int = 0
    answerable: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def score(questions: list[dict], rows: dict[str, dict]) -> Report:
    report = Report()
    for question in questions:
        row = rows.get(str(question["id"]))
        ok = is_right(question, row)
        report.total += 1
        report.right += ok
        if question["expected"].get("abstain"):
            report.unanswerable += 1
            report.unanswerable_answered += not ok
        else:
            report.answerable += 1
            cites = (row or {}).get("citations") or []
            report.cited_right += any(c.get("article_id") == question["article_id"] for c in cites)
        if not ok:
            got = (row or {}).get("short")
            report.wrong.append(
                f"{question['id']} [{question['type']}] {question['question']} -> {got!r}"
            )
    return report
