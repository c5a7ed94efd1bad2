"""The answerer is one class made of per-question-type mixins (assistant/qa/extract_*.py)."""

from __future__ import annotations

from collections import defaultdict

from assistant.qa.answerer import Answerer


def test_no_two_parts_of_the_answerer_define_the_same_name() -> None:
    # A helper method named like another part's would silently replace it for every caller
    # (two `_counted` methods with different arguments once met in a merge).
    owners: dict[str, list[str]] = defaultdict(list)
    for part in Answerer.__mro__:
        if part.__module__.startswith("assistant."):
            for name in vars(part):
                if not name.startswith("__"):
                    owners[name].append(part.__name__)
    assert {name: parts for name, parts in owners.items() if len(parts) > 1} == {}
