"""Load the data files in `prompts/` into pydantic models, with errors that name the file and key."""

from __future__ import annotations

import os
import re
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


def check_pattern(pattern: str) -> str:
    """A regular expression from a prompt file, or ValueError saying why it is not one (the
    loader adds the file and key). Compiled with the flag the rules use, so the rule's own
    compile later finds it in re's cache instead of compiling it again."""
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"bad regular expression {pattern!r}: {error}") from None
    return pattern


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
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        loc = [table] if table is not None else []
        key = ".".join(str(part) for part in [*loc, *first["loc"]]) or "(top level)"
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        raise PromptError(f"{path}: key '{key}': {first['msg']}{more}") from None


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
def irregular_forms() -> dict[str, str]:
    return {
        k.lower(): v.lower()
        for k, v in load_prompt("irregular_verbs", IrregularForms).forms.items()
    }
