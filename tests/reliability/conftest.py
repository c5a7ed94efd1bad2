"""Shared fixtures for the reliability suite: a corpus full of hostile text, engines over it.

The hostile articles are written at test time (raw control bytes do not belong in git): Rich
markup, ANSI colour and OSC 8 hyperlink sequences, a bell and other control characters in the
title, the body (inside the sentence a question cites), the metadata and the article id.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.engine import Engine

REPO = Path(__file__).resolve().parents[2]
GOOD_NEWS = REPO / "tests" / "fixtures" / "cli" / "news"
GOOD_FILES = ("c01-orvik-fisheries-talks.txt", "c02-kestrel-bridge-opening.md", "c-bundle.jsonl")

ESC = "\x1b"
BEL = "\x07"
RED = f"{ESC}[31m"
RESET = f"{ESC}[0m"
OSC8 = f"{ESC}]8;;http://evil.example{ESC}\\"
OSC8_END = f"{ESC}]8;;{ESC}\\"
TITLE_SET = f"{ESC}]0;pwned{BEL}"
CLEAR = f"{ESC}[2J"
MARKUP = "[bold]"
LINK_MARKUP = "[link=http://x]"

# The question whose answer cites the hostile sentence of h01, and the words it must show.
HOSTILE_QUESTION = "Who did Mara Voss meet in Tellhaven?"
HOSTILE_ARTICLE = "h01-tellhaven-pier"
HOSTILE_TITLE_LITERAL = "Voss and Brandt meet in Tellhaven over [bold]pier[/bold] tariffs"
HOSTILE_SENTENCE_LITERAL = "[bold]ferry tariffs[/bold] and a [link=http://x]new pier[/link]"

H01 = (
    f"Voss and Brandt meet in Tellhaven over [bold]pier[/bold] tariffs{RED}{BEL}\n"
    "\n"
    f"By {RED}Jon Ecker{RESET}\n"
    "March 3, 2026\n"
    "\n"
    "TELLHAVEN, March 3 (Newsdesk Wire) - Harbour Minister Mara Voss met Trade Commissioner "
    "Elias Brandt in Tellhaven on Monday to discuss [bold]ferry tariffs[/bold] and a "
    f"[link=http://x]new pier[/link], {RED}officials{RESET} said.{BEL}\n"
    "\n"
    f"The talks lasted {OSC8}two hours{OSC8_END} and ended without a deal.{TITLE_SET}{CLEAR}"
    " Brandt called it \u202egnirob\u202c.\n"
    "\n"
    f"Voss said the pier would be \x0efinished\x08 by [italic]June[/italic].\x1b[1A\x1b[K\x9b31m\n"
)

H02 = {
    "id": f"h02-{RED}red-id{RESET}{BEL}",
    "title": f"[link=http://x]Grain[/link] ministers {OSC8}gather{OSC8_END} in Skarholm",
    "date": "2026-02-01",
    "author": f"{TITLE_SET}Ola Nord",
    "source": f"[red]Wire[/red]{BEL}",
    "url": f"https://example.org/{RED}grain",
    f"{RED}tag{RESET}": f"{BEL}[blink]x[/blink]",
    "text": (
        "SKARHOLM, February 1 (Newsdesk Wire) - Grain Minister Ivo Pell hosted Farm Minister "
        f"Lena Dahl in Skarholm on Sunday {RED}to agree{RESET} on [b]export quotas[/b].{BEL}\n\n"
        f"Both ministers said the {ESC}]8;;http://x{BEL}harvest{ESC}]8;;{BEL} was good."
    ),
}

H03 = (
    "---\n"
    f'title: "[bold]Storm[/bold] {RED}closes{RESET} the Brennmark road"\n'
    "date: 2026-01-20\n"
    f"author: {BEL}Kari Holm\n"
    "---\n"
    "BRENNMARK, January 20 (Newsdesk Wire) - A storm closed the coast road near Brennmark on "
    f"Tuesday, [dim]officials[/dim] said.{CLEAR}\n"
)


def write_hostile_corpus(folder: Path, good: bool = True) -> Path:
    """Write the hostile articles (and, with `good`, three ordinary ones) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{HOSTILE_ARTICLE}.txt").write_text(H01, encoding="utf-8")
    (folder / "h02-bundle.jsonl").write_text(json.dumps(H02) + "\n", encoding="utf-8")
    (folder / "h03-storm.md").write_text(H03, encoding="utf-8")
    if good:
        for name in GOOD_FILES:
            shutil.copy(GOOD_NEWS / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "news")


@pytest.fixture(scope="session")
def hostile_engine(hostile_corpus: Path) -> Engine:
    """A read-only engine over the hostile corpus, shared by the tests that only ask."""
    return Engine.open(Settings(corpus=[hostile_corpus], use_cache=False), progress=False)


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("NO_COLOR", None)
    return env


def newsdesk_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "assistant", *map(str, args)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked slow here (minutes: 100,000 files) run only when asked for: `-m slow`, or
    NEWSDESK_SLOW_TESTS=1. The rest of the folder runs in well under two minutes."""
    if "slow" in (config.getoption("markexpr", "") or "") or os.environ.get("NEWSDESK_SLOW_TESTS"):
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="slow: run with -m slow or NEWSDESK_SLOW_TESTS=1")
    for item in items:
        if item.get_closest_marker("slow") and here in Path(str(item.fspath)).parents:
            item.add_marker(skip)
