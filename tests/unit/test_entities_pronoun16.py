"""What a story tells of a person's gender (a title, "X ..., where she ...") is kept with its
analysis; a follow-up's "she" picks the last turn's person of that gender."""

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
    "with Prime Minister Lina Sorvik in Orvik.\n\n"
    "Sorvik, who grew up in Halden, said she would show her guest the harbour.\n\n"
    "Having met his wife in Tessa, he later moved to Brenn.\n\n"
    "Harbour chairwoman Anna Pell welcomed them.\n"
)


def test_the_story_tells_genders(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    articles, _ = load_file(path)
    genders = analyse(articles[0]).genders
    # "Having" opens a sentence: no name, no gender.
    assert genders == {"ivo dahl": "m", "lina sorvik": "f", "anna pell": "f"}


def test_a_follow_up_pronoun_picks_the_last_turns_person_of_its_gender(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    engine = Engine.open(Settings(corpus=[tmp_path], cache_dir=tmp_path / "cache"), progress=False)
    conversation = Conversation()
    engine.ask("Who will Ivo Dahl hold talks with in Orvik?", conversation=conversation)
    answer = engine.ask("Where did she grow up?", conversation=conversation, explain=True)
    assert any("'she' is not Ivo Dahl" in line for line in answer.explain), answer.explain
    assert answer.answered and answer.short == "Halden", answer.short
