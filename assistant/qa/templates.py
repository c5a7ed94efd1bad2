"""Answer templates from `prompts/answers.toml`, checked at load: unknown placeholders are errors."""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

from pydantic import RootModel, field_validator

from assistant.prompts import PROMPTS_DIR, PromptError, load_toml

PLACEHOLDERS = frozenset({"subject", "answer", "place", "time", "purpose", "others"})
REQUIRED_INTENTS = (
    "who_met",
    "who",
    "who_role",
    "where",
    "when",
    "why",
    "topic",
    "count",
    "list_meetings",
    "quantity",
    "fallback",
    "declined",
)


class TemplateFile(RootModel[dict[str, dict[str, str]]]):
    @field_validator("root")
    @classmethod
    def _check(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for intent, variants in value.items():
            if "default" not in variants:
                raise ValueError(f"intent {intent!r} has no 'default' template")
            for variant, text in variants.items():
                try:
                    fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
                except ValueError as error:
                    raise ValueError(f"{intent}.{variant}: {error}") from None
                unknown = fields - PLACEHOLDERS
                if unknown:
                    raise ValueError(
                        f"{intent}.{variant}: unknown placeholder {{{sorted(unknown)[0]}}}"
                    )
                if "answer" not in fields:
                    raise ValueError(f"{intent}.{variant}: template never shows {{answer}}")
        missing = [i for i in REQUIRED_INTENTS if i not in value]
        if missing:
            raise ValueError(f"missing templates for intent {missing[0]!r}")
        return value


class Templates:
    def __init__(self, data: dict[str, dict[str, str]]) -> None:
        self.data = data

    def render(self, intent: str, variant: str, **fields: str) -> str:
        variants = self.data.get(intent) or self.data["fallback"]
        template = variants.get(variant) or variants["default"]
        values = {name: fields.get(name) or "" for name in PLACEHOLDERS}
        text = template.format(**values)
        return " ".join(text.split())


def load_templates(path: Path | None = None) -> Templates:
    path = path or PROMPTS_DIR / "answers.toml"
    try:
        data = load_toml(path, TemplateFile).root
    except PromptError:
        raise
    return Templates(data)


@cache
def templates() -> Templates:
    return load_templates()
