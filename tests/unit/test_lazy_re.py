"""Module-level patterns compiled on first use (assistant/lazy_re.py)."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys

from assistant.lazy_re import LazyPattern, lazy_compile


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_like_the_pattern() -> None:
    pattern = lazy_compile(r"\b(o\w+)", re.IGNORECASE)
    assert isinstance(pattern, LazyPattern)
    assert "compiled" not in vars(pattern)
    assert pattern.pattern == r"\b(o\w+)"
    assert pattern.search("the Orm Ferry").group(1) == "Orm"  # type: ignore[union-attr]
    assert "compiled" in vars(pattern)
    real = re.compile(r"\b(o\w+)", re.IGNORECASE)
    text = "Orm met Oda in Olt"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert pattern.sub("X", text) == real.sub("X", text)
    assert pattern.findall(text) == real.findall(text)
    assert pattern.fullmatch("orm") and not pattern.match(" orm")
    assert pattern.flags == real.flags and pattern.groups == 1


def test_a_lazy_pattern_survives_pickling() -> None:
    copy = pickle.loads(pickle.dumps(lazy_compile(r"a+b", re.I)))
    assert copy.search("xAAb").group() == "AAb"  # type: ignore[union-attr]


def test_importing_the_answering_modules_compiles_few_of_their_module_patterns() -> None:
    # Guards the start-up saving: a module that touches its patterns at import (a
    # `.flags`, a search run at import) would compile them all again for every `ask`.
    code = (
        "import sys, assistant.cli, assistant.engine, assistant.qa.answerer\n"
        "from assistant.lazy_re import LazyPattern\n"
        "found = [v for m in list(sys.modules.values()) if (m.__name__ or '').startswith('assistant')"
        " for v in vars(m).values() if isinstance(v, LazyPattern)]\n"
        "print(len(found), sum('compiled' in vars(v) for v in found))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    total, compiled = int(out[0]), int(out[1])
    assert total > 100
    assert compiled <= total // 10


def test_compile_all_compiles_every_lazy_pattern_made() -> None:
    from assistant.lazy_re import compile_all

    pattern = lazy_compile(r"x+y")
    compile_all()
    assert "compiled" in vars(pattern)
