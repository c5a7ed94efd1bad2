"""Module-level patterns compiled when first used.

A `newsdesk ask` imports every rule module but runs few of their ~170 module-level patterns (one
question reached 9 to 21 of them); compiling the rest at import was ~6% of the command. A
`LazyPattern` compiles on its first search and then keeps the compiled pattern's methods as its
own attributes, so later calls cost what a real pattern's do. `re` functions that take a
pattern object (`re.search(P, ...)`) do not accept one: call its methods instead.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

# Every lazy pattern made, so that a batch can compile them all before forking its workers.
_MADE: list[LazyPattern] = []


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        _MADE.append(self)

    def _compile(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        self.compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for names not set yet: the methods before the first compile, and the
        # rest of a pattern's attributes (flags, groups, groupindex) at any time.
        if name.startswith("__") or name == "compiled":
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return (lazy_compile, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def compile_all() -> None:
    """Compile every lazy pattern made so far: a batch does it before forking its workers,
    which would otherwise each compile the ones their questions reach."""
    for pattern in _MADE:
        if "compiled" not in vars(pattern):
            pattern._compile()


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile`, deferred to the pattern's first use (typed as the pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, int(flags)))
