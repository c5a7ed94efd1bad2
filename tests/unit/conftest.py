"""Shared fixtures of the unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.engine import Engine

RULE_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """One engine over tests/fixtures/rules for all the answer-rule test modules (indexing
    those articles takes seconds, once per session instead of once per module). Answering
    does not change it. A module that needs another corpus defines its own `engine`."""
    cache = tmp_path_factory.mktemp("rules-cache")
    return Engine.open(Settings(corpus=[RULE_FIXTURES], cache_dir=cache), progress=False)
