"""Load the data files in `prompts/` into pydantic models, with errors that name the file and key."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, field_validator

REPO_ROOT = Path(__file__).resolve().parent.parent
PROMPTS_DIR = Path(os.environ.get("NEWSDESK_PROMPTS", REPO_ROOT / "prompts"))

M = TypeVar("M", bound=BaseModel)


class PromptError(ValueError):
    """A data file in prompts/ is missing or invalid; the message names file and key."""


def check_pattern(pattern: str, flags: int = re.IGNORECASE) -> str:
    """A regular expression from a prompt file, or ValueError saying why it is not one (the
    loader adds the file and key). A pattern that compiled before, under this Python, is not
    compiled again to check it (`_compiled_before`): the rules compile each of their patterns
    only when first used, and checking all of them cost every `newsdesk ask` ~25 ms."""
    if _compiled_before.has(pattern, flags):
        return pattern
    try:
        re.compile(pattern, flags)
    except re.error as error:
        raise ValueError(f"bad regular expression {pattern!r}: {error}") from None
    _compiled_before.add(pattern, flags)
    return pattern


class _CompiledBefore:
    """Digests of the prompt patterns known to compile, kept in the cache folder per Python
    version (whether a pattern compiles depends on nothing else). A lost or damaged file only
    means checking every pattern again."""

    MAGIC = "newsdesk-patterns-1"

    def __init__(self) -> None:
        self._known: set[str] | None = None
        self._new: set[str] = set()

    @staticmethod
    def _digest(pattern: str, flags: int) -> str:
        data = f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=12).hexdigest()

    def _file(self) -> Path | None:
        from assistant.knowledge.lexicon import derived_cache_file

        major, minor = sys.version_info[:2]
        return derived_cache_file(f"prompt-patterns-{major}.{minor}.txt")

    def _load(self) -> set[str]:
        if self._known is None:
            self._known = set()
            path = self._file()
            try:
                lines = path.read_text(encoding="ascii").split("\n") if path else []
            except (OSError, UnicodeDecodeError):
                lines = []
            if lines[:1] == [self.MAGIC] and lines[-1:] == ["end"]:
                self._known.update(lines[1:-1])
        return self._known

    def has(self, pattern: str, flags: int) -> bool:
        return self._digest(pattern, flags) in self._load()

    def add(self, pattern: str, flags: int) -> None:
        digest = self._digest(pattern, flags)
        self._load().add(digest)
        self._new.add(digest)

    def save(self) -> None:
        """Keep what this process found out (called once a prompt file has loaded)."""
        if not self._new:
            return
        from assistant.knowledge.lexicon import write_derived

        path = self._file()
        if path is not None:
            lines = [self.MAGIC, *sorted(self._load()), "end"]
            write_derived(path, "\n".join(lines).encode("ascii"))
        self._new.clear()


_compiled_before = _CompiledBefore()


# A regular expression field of a prompt file: checked when the file loads (named by its key).
Pattern = Annotated[str, AfterValidator(check_pattern)]


def load_toml(path: Path, model: type[M], table: str | None = None) -> M:
    """The file validated as `model`; with `table`, only that top-level table of it."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PromptError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PromptError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise PromptError(f"{path}: not valid TOML: {error}") from None
    if table is not None:
        if not isinstance(raw.get(table), dict):
            raise PromptError(f"{path}: key '{table}': missing or not a table")
        raw = raw[table]
    try:
        loaded = model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        loc = [table] if table is not None else []
        key = ".".join(str(part) for part in [*loc, *first["loc"]]) or "(top level)"
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        raise PromptError(f"{path}: key '{key}': {first['msg']}{more}") from None
    _compiled_before.save()
    return loaded


def load_prompt(
    name: str, model: type[M], directory: Path | None = None, table: str | None = None
) -> M:
    return load_toml((directory or PROMPTS_DIR) / f"{name}.toml", model, table)


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean_words(words: list[str]) -> list[str]:
    for word in words:
        if not word.strip():
            raise ValueError("empty entry")
    return words


class WordList(StrictModel):
    """A plain list of words, e.g. stopwords."""

    words: list[str]

    @field_validator("words")
    @classmethod
    def _non_empty(cls, words: list[str]) -> list[str]:
        return _clean_words(words)


class Abbreviations(StrictModel):
    """Abbreviations whose final period does not end a sentence (without the period)."""

    abbreviations: list[str]

    @field_validator("abbreviations")
    @classmethod
    def _non_empty(cls, words: list[str]) -> list[str]:
        return _clean_words(words)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_prompt("stopwords", WordList).words)


@cache
def abbreviations() -> tuple[str, ...]:
    return tuple(
        a.lower().rstrip(".") for a in load_prompt("abbreviations", Abbreviations).abbreviations
    )


class IrregularForms(StrictModel):
    """Irregular verb forms and the base form they are indexed under."""

    forms: dict[str, str]

    @field_validator("forms")
    @classmethod
    def _lower_words(cls, forms: dict[str, str]) -> dict[str, str]:
        for form, base in forms.items():
            if not form.isalpha() or not base.isalpha():
                raise ValueError(f"entry {form!r} = {base!r} must be single words")
        return forms


@cache
def spelling_forms() -> dict[str, str]:
    """British spellings mapped to the American ones they are indexed under."""
    return {k.lower(): v.lower() for k, v in load_prompt("spellings", IrregularForms).forms.items()}


@cache
def irregular_forms() -> dict[str, str]:
    return {
        k.lower(): v.lower()
        for k, v in load_prompt("irregular_verbs", IrregularForms).forms.items()
    }
