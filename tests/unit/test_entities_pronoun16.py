"""Pronouns stand for a person named before them - in their own sentence first, its subject
first - and not for one of the other gender; a follow-up's "she" picks the last turn's woman."""

from __future__ import annotations

from pathlib import Path

from assistant.config import Settings
from assistant.corpus.loaders import load_file
from assistant.engine import Engine
from assistant.knowledge.analysis import analyse
from assistant.qa.conversation import Conversation

STORY = (
    "Dahl heads to Orvik for talks with Sorvik\n\n"
    "By Test Writer Posted : March 4, 2031, 10:00\n\n"
    "Kelvan President Ivo Dahl sets off on Tuesday on a trip to Tessa, where he will hold talks "
    "with Prime Minister Lina Sorvik in Orvik, the city she calls home.\n\n"
    "Sorvik invited Dahl to her hometown for the talks, her office said.\n\n"
    "Before he flies home, Dahl will also meet Kelvan workers in the port.\n"
)


def pronouns(tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    articles, _ = load_file(path)
    return [
        (r.text, r.name.split()[-1])
        for info in analyse(articles[0]).sentences
        for r in info.references
        if r.rule == "pronoun"
    ]


def test_pronouns_stand_for_the_person_of_their_gender_named_before(tmp_path: Path) -> None:
    assert pronouns(tmp_path) == [
        ("he", "Dahl"),
        ("she", "Sorvik"),
        ("her", "Sorvik"),
        ("her", "Sorvik"),
        ("he", "Dahl"),
    ]


def test_a_follow_up_pronoun_picks_the_last_turns_person_of_its_gender(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    engine = Engine.open(Settings(corpus=[tmp_path], cache_dir=tmp_path / "cache"), progress=False)
    conversation = Conversation()
    engine.ask("Who will Ivo Dahl hold talks with in Orvik?", conversation=conversation)
    answer = engine.ask("Which city does she call home?", conversation=conversation, explain=True)
    assert any("'she' is not Ivo Dahl" in line for line in answer.explain), answer.explain


def test_a_lone_opening_word_is_no_antecedent_and_no_one_of_the_other_gender(
    tmp_path: Path,
) -> None:
    path = tmp_path / "brewer.txt"
    path.write_text(
        "Brewer leaves\n\nBy Test Writer Posted : June 9, 2031, 10:30\n\n"
        "After two years in Orvik, Piet Randal has left his brewery for good.\n\n"
        "Having met his wife in Tessa, he followed her to Tarnby.\n",
        encoding="utf-8",
    )
    articles, _ = load_file(path)
    links = [
        (r.text, r.name)
        for info in analyse(articles[0]).sentences
        for r in info.references
        if r.rule == "pronoun"
    ]
    # "Having" opens the sentence; "her" is the wife the story does not name.
    assert links == [("his", "Piet Randal"), ("his", "Piet Randal"), ("he", "Piet Randal")]
