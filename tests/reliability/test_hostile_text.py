"""Rules and regular expressions stay fast on hostile text.

The cases come from benchmarks/hostile_bench.py (which prints the full table): a 1 MB article of
one sentence, runs of capitalised words, of "the", of digits, of punctuation, initials, weekdays,
months, hyphenated names, markup and escapes, one 1 MB token, mixed scripts. Loading each, and
parsing, searching and answering a 100,000-character question, must take less than BOUND seconds
of CPU (they take well under one); the meeting rules must cost no more on hostile text than on
ordinary prose of the same length. The bound is generous so a shared 2-core machine does not make
the tests flaky.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from assistant.config import Settings
from assistant.corpus import load_file
from assistant.engine import Engine
from assistant.knowledge.meetings import extract_meetings
from assistant.knowledge.timex import find_times
from assistant.models import Article
from assistant.qa.questions import parse_question
from benchmarks.hostile_bench import QUESTION_CHARS, hostile_cases, normal_case

from .checks import check_answer, check_article

BOUND = 5.0
CASES = hostile_cases()
# Sentences (of at most 1,000 characters: about 100 KB) of each case that go through the rules.
SLICE = 100

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    # The action alone: by the time this module runs, a collection of the whole test process's
    # heap costs ~0.25 s of CPU, and one falling inside the action failed a 0.3 s bound on a run
    # whose own work took 0.03 s.
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        started = time.process_time()
        result = action()
        return result, time.process_time() - started
    finally:
        if collecting:
            gc.enable()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Article, float]]:
    """Each case written as a .txt article and loaded once: (article, seconds to load)."""
    folder = tmp_path_factory.mktemp("hostile-text")
    out = {}
    for name, text in CASES.items():
        path = folder / f"{name}.txt"
        path.write_text("Hostile text\n\n" + text, encoding="utf-8")
        (articles, skipped), seconds = timed(partial(load_file, path))
        assert not skipped, skipped
        assert len(articles) == 1
        out[name] = (articles[0], seconds)
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_a_megabyte_of_hostile_text_loads_quickly(
    case: str, loaded: dict[str, tuple[Article, float]]
) -> None:
    article, seconds = loaded[case]
    assert seconds < BOUND, f"{case}: loading took {seconds:.2f}s"
    check_article(article)
    assert len(article.text) > 0.9 * len(CASES[case].replace("\x1b[31m", "").replace("\x1b[0m", ""))


# Meeting extraction (the sentence analysis included) on 1 MB of the text the issue names takes
# 0.3-1.0 s of CPU on the shared development machine, busy or quiet; before each sentence's facts
# were found once and the trigger patterns prefiltered it took 2.3-2.5 s for the runs and 4.4-5.4 s
# for the one sentence. The bound leaves room for a slow machine and still fails the old code.
MEETINGS_BOUND = 2.5


@pytest.mark.parametrize("case", ["one-sentence", "capitalised-run", "the-the-the"])
def test_meetings_in_a_megabyte_of_hostile_text_are_found_quickly(
    case: str, loaded: dict[str, tuple[Article, float]]
) -> None:
    article, _ = loaded[case]
    meetings, seconds = timed(lambda: extract_meetings(article))
    assert isinstance(meetings, list)
    assert seconds < MEETINGS_BOUND, f"{case}: meeting extraction took {seconds:.2f}s"


@pytest.mark.parametrize("case", ["many-meetings", "distinct-meetings"])
def test_an_article_of_many_meetings_costs_in_proportion_to_its_length(
    case: str, tmp_path: Path
) -> None:
    """100 KB of short sentences that each report a meeting: the same one every time, or a
    different pair of people each time (hundreds of events). Each draft used to look through
    every later sentence for a purpose and be compared with every event so far: 17 s and 10 s
    for these 100 KB, and minutes for a megabyte. About 0.3 s now."""
    path = tmp_path / f"{case}.txt"
    path.write_text("Many meetings\n\n" + hostile_cases(100_000)[case], encoding="utf-8")
    article = load_file(path)[0][0]
    meetings, seconds = timed(lambda: extract_meetings(article))
    assert len(meetings) >= 1 if case == "many-meetings" else len(meetings) > 500
    assert all(len(m.participants) >= 2 for m in meetings)
    assert seconds < BOUND, f"{case}: meeting extraction took {seconds:.2f}s"


def test_a_question_naming_dozens_of_people_over_thousands_of_meetings_is_answered_quickly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every sentence of the question's candidate article used to be checked against every
    name in the question (a million checks and 9-20 s for a megabyte); articles far longer than
    news are now scored only around the retrieved passages."""
    from assistant.qa.answerer import MAX_SCORED_SENTENCES, Answerer

    text = hostile_cases(150_000)["distinct-meetings"]
    path = tmp_path / "meetings.txt"
    path.write_text("Many meetings\n\n" + text, encoding="utf-8")
    engine = Engine.open(Settings(corpus=[path], use_cache=False), progress=False)
    assert len(engine.articles["meetings"].sentences) > 2 * MAX_SCORED_SENTENCES
    calls = 0
    checked = Answerer._sentence_has

    def counted(*args: object, **kwargs: object) -> bool:
        nonlocal calls
        calls += 1
        return checked(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Answerer, "_sentence_has", counted)
    answer, seconds = timed(lambda: engine.ask(text[:QUESTION_CHARS]))
    check_answer(engine, answer)
    assert calls < 60_000, calls
    assert seconds < BOUND, f"answering took {seconds:.2f}s"


@pytest.fixture(scope="module")
def prose_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    """CPU seconds to extract meetings from SLICE sentences of ordinary news prose."""
    path = tmp_path_factory.mktemp("prose") / "prose.txt"
    path.write_text("Ordinary prose\n\n" + normal_case(SLICE * 1000), encoding="utf-8")
    article = load_file(path)[0][0]
    extract_meetings(article)  # warm the lexicon and rule caches
    return timed(lambda: extract_meetings(article))[1]


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_text_is_analysed_no_slower_than_prose(
    case: str, loaded: dict[str, tuple[Article, float]], prose_seconds: float
) -> None:
    """Entities, time expressions and meeting rules over SLICE sentences of each case (100 KB)
    cost no more than twice the same length of ordinary prose: nothing is superlinear. Measured
    against prose on the same machine, so the test does not depend on its speed."""
    article, _ = loaded[case]
    part = article.model_copy(update={"sentences": article.sentences[:SLICE]})
    meetings, seconds = timed(lambda: extract_meetings(part))
    assert isinstance(meetings, list)
    assert seconds < 2 * prose_seconds + 0.2, (
        f"{case}: {seconds:.2f}s for {SLICE} sentences, ordinary prose {prose_seconds:.2f}s"
    )


@pytest.mark.parametrize("case", list(CASES))
def test_a_hundred_thousand_character_question_is_answered_quickly(
    case: str, hostile_engine: Engine
) -> None:
    question = ("Who did Mara Voss meet? " + CASES[case])[:QUESTION_CHARS]
    assert len(question) == QUESTION_CHARS
    frame, seconds = timed(lambda: parse_question(question))
    assert seconds < BOUND, f"{case}: parsing the question took {seconds:.2f}s"
    assert frame.intent
    hits, seconds = timed(lambda: hostile_engine.search(question))
    assert seconds < BOUND, f"{case}: searching took {seconds:.2f}s"
    answer, seconds = timed(lambda: hostile_engine.ask(question))
    assert seconds < BOUND, f"{case}: answering took {seconds:.2f}s"
    check_answer(hostile_engine, answer)
    assert all(h.passage.article_id in hostile_engine.articles for h in hits)


def test_a_title_of_a_megabyte_is_cut_and_indexing_stays_small(tmp_path: Path) -> None:
    """A JSON "title" of 1 MB over a 2,000-sentence body: its words used to be indexed with every
    passage (100 KB took 12 s and 1.8 GB; 1 MB would not fit in memory). Titles are now cut to
    300 characters when the article is loaded."""
    title = "Kovac meets Laar " * 60_000
    body = "\n\n".join(f"Sentence {i} says the minister met officials." for i in range(2000))
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "big-title.jsonl").write_text(
        json.dumps({"id": "t", "title": title, "text": body}) + "\n", encoding="utf-8"
    )
    settings = Settings(corpus=[folder], use_cache=False)
    engine, seconds = timed(lambda: Engine.open(settings, progress=False))
    assert seconds < BOUND, f"indexing took {seconds:.2f}s"
    article = engine.articles["t"]
    assert len(article.title) <= 300 and article.title.endswith("…")
    assert article.title.startswith("Kovac meets Laar Kovac")
    assert len(engine.passages) == 2000


def test_time_expressions_in_long_text_are_found_in_linear_time() -> None:
    """Each match used to be checked against every span taken so far: 4,000 expressions took
    0.4 s and 8,000 took 1.9 s. A bisection over the sorted spans makes it n log n."""
    text = "Monday " * 4_000  # 28,000 characters, 4,000 time expressions (now ~0.03 s)
    times, seconds = timed(lambda: find_times(text))
    assert len(times) == 4_000
    assert seconds < 0.3, f"find_times on 28,000 characters took {seconds:.2f}s"
