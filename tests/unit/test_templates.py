"""Answer templates: the shipped file loads and renders; broken copies fail with file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.prompts import PROMPTS_DIR, PromptError
from assistant.qa.templates import (
    PLACEHOLDERS,
    REQUIRED_INTENTS,
    Templates,
    load_templates,
    templates,
)

ANSWERS = PROMPTS_DIR / "answers.toml"


def test_shipped_templates_load() -> None:
    loaded = load_templates(ANSWERS)
    for intent in REQUIRED_INTENTS:
        assert "default" in loaded.data[intent], intent


def test_default_path_is_the_prompts_file() -> None:
    assert load_templates().data == load_templates(ANSWERS).data
    assert templates().data == load_templates(ANSWERS).data


def test_every_shipped_template_renders_the_answer() -> None:
    loaded = load_templates(ANSWERS)
    values = {name: f"<{name}>" for name in PLACEHOLDERS}
    for intent, variants in loaded.data.items():
        for variant in variants:
            text = loaded.render(intent, variant, **values)
            assert "<answer>" in text, (intent, variant)
            assert "{" not in text and "}" not in text, (intent, variant)


# --- rendering ------------------------------------------------------------------------------

DATA = {
    "who_met": {
        "default": "{subject} met {answer}.",
        "with_place": "{subject} met {answer} in {place}.",
    },
    "fallback": {"default": "Best match: {answer}"},
}


def test_render_chosen_variant() -> None:
    text = Templates(DATA).render(
        "who_met", "with_place", subject="Danek", answer="Ardelean", place="Kelmora"
    )
    assert text == "Danek met Ardelean in Kelmora."


def test_unknown_variant_falls_back_to_default() -> None:
    text = Templates(DATA).render("who_met", "planned", subject="Danek", answer="Ardelean")
    assert text == "Danek met Ardelean."


def test_unknown_intent_uses_the_fallback_template() -> None:
    assert Templates(DATA).render("weather", "default", answer="Rain.") == "Best match: Rain."


def test_missing_fields_render_empty_and_spaces_collapse() -> None:
    assert Templates(DATA).render("who_met", "default", answer="Ardelean") == "met Ardelean."


def test_shipped_declined_template_names_the_reason() -> None:
    text = load_templates(ANSWERS).render("declined", "default", answer="no article mentions X")
    assert "no article mentions X" in text


# --- broken copies --------------------------------------------------------------------------


def broken(tmp_path: Path, old: str, new: str) -> str:
    text = ANSWERS.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in answers.toml"
    path = tmp_path / "answers.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PromptError) as caught:
        load_templates(path)
    message = str(caught.value)
    assert str(path) in message
    return message


def test_unknown_placeholder(tmp_path: Path) -> None:
    message = broken(tmp_path, '[who]\ndefault = "{answer}."', '[who]\ndefault = "{foo} {answer}."')
    assert "who.default" in message
    assert "unknown placeholder {foo}" in message


def test_unknown_placeholder_in_a_variant(tmp_path: Path) -> None:
    message = broken(
        tmp_path,
        'with_subject = "{subject}: {answer}."',
        'with_subject = "{who}: {answer}."',
    )
    assert "where.with_subject" in message
    assert "{who}" in message


def test_missing_default(tmp_path: Path) -> None:
    message = broken(tmp_path, '[who]\ndefault = "{answer}."', '[who]\nshort = "{answer}."')
    assert "'who'" in message
    assert "no 'default' template" in message


def test_missing_intent(tmp_path: Path) -> None:
    message = broken(tmp_path, "[count]", "[tally]")
    assert "'count'" in message
    assert "missing templates" in message


def test_template_without_the_answer(tmp_path: Path) -> None:
    message = broken(tmp_path, '[when]\ndefault = "{answer}."', '[when]\ndefault = "Some day."')
    assert "when.default" in message
    assert "{answer}" in message


def test_malformed_format_string(tmp_path: Path) -> None:
    message = broken(tmp_path, '[who]\ndefault = "{answer}."', '[who]\ndefault = "{answer."')
    assert "who.default" in message


def test_bad_toml(tmp_path: Path) -> None:
    message = broken(tmp_path, '[who]\ndefault = "{answer}."', '[who]\ndefault = "{answer}.')
    assert "not valid TOML" in message
    assert "line" in message


def test_template_that_is_not_text(tmp_path: Path) -> None:
    message = broken(tmp_path, '[who]\ndefault = "{answer}."', "[who]\ndefault = 3")
    assert "who.default" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="file not found"):
        load_templates(tmp_path / "answers.toml")
