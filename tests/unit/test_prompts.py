"""Every data file in prompts/ loads; a broken copy fails at load with the file and key named."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from assistant.corpus.clean import Furniture
from assistant.knowledge.lexicon import LexiconFile
from assistant.knowledge.meetings import MeetingRules
from assistant.prompts import (
    PROMPTS_DIR,
    Abbreviations,
    IrregularForms,
    PromptError,
    WordList,
    load_prompt,
    load_toml,
)
from assistant.qa.answer_rules import AnswerRuleFile
from assistant.qa.questions import IntentFile
from assistant.qa.templates import TemplateFile

MODELS: dict[str, type[BaseModel]] = {
    "abbreviations": Abbreviations,
    "answer_rules": AnswerRuleFile,
    "answers": TemplateFile,
    "furniture": Furniture,
    "intents": IntentFile,
    "irregular_verbs": IrregularForms,
    "lexicon": LexiconFile,
    "meetings": MeetingRules,
    "sentence_starters": WordList,
    "spellings": IrregularForms,
    "stopwords": WordList,
}


def test_every_prompt_file_has_a_model_here() -> None:
    # A new data file must be added to MODELS so that it is checked below.
    assert sorted(p.stem for p in PROMPTS_DIR.glob("*.toml")) == sorted(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_prompt_file_loads(name: str) -> None:
    assert isinstance(load_prompt(name, MODELS[name]), MODELS[name])


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (PROMPTS_DIR / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {name}.toml"
    path = tmp_path / f"{name}.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def error_for(path: Path, model: type[BaseModel]) -> str:
    with pytest.raises(PromptError) as caught:
        load_toml(path, model)
    message = str(caught.value)
    assert str(path) in message
    return message


def raw(name: str) -> dict[str, Any]:
    return tomllib.loads((PROMPTS_DIR / f"{name}.toml").read_text(encoding="utf-8"))


# --- files that cannot be read or parsed ----------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    message = error_for(tmp_path / "nowhere.toml", WordList)
    assert "file not found" in message


@pytest.mark.parametrize("name", sorted(MODELS))
def test_bad_toml_names_the_file_and_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.toml"
    text = (PROMPTS_DIR / f"{name}.toml").read_text(encoding="utf-8")
    path.write_text(text + "\nthis line = = is broken\n", encoding="utf-8")
    message = error_for(path, MODELS[name])
    assert "not valid TOML" in message
    assert f"line {text.count(chr(10)) + 2}" in message


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "stopwords.toml"
    path.write_bytes(b'words = ["caf\xe9"]\n')
    assert "cannot read" in error_for(path, WordList)


# --- meetings.toml --------------------------------------------------------------------------


def trigger_index(name: str) -> tuple[int, str]:
    triggers = raw("meetings")["triggers"]
    index = next(i for i, t in enumerate(triggers) if t["name"] == name)
    return index, triggers[index]["pattern"]


def test_bad_regex_in_a_meeting_trigger(tmp_path: Path) -> None:
    index, pattern = trigger_index("met")
    path = broken_copy(tmp_path, "meetings", f"'''{pattern}'''", "'''\\b(?:met|meet'''")
    message = error_for(path, MeetingRules)
    assert f"key 'triggers.{index}.pattern'" in message
    assert "bad regular expression" in message


def test_unknown_meeting_kind(tmp_path: Path) -> None:
    index, _ = trigger_index("handshake")
    path = broken_copy(tmp_path, "meetings", 'kind = "handshake"', 'kind = "picnic"')
    message = error_for(path, MeetingRules)
    assert f"key 'triggers.{index}.kind'" in message
    assert "picnic" in message


def test_bad_regex_in_a_purpose_cue(tmp_path: Path) -> None:
    cue = raw("meetings")["purpose"]["cues"][0]
    path = broken_copy(tmp_path, "meetings", f"'''{cue}'''", "'''\\bin\\s+(order'''")
    message = error_for(path, MeetingRules)
    assert "key 'purpose.cues'" in message
    assert "bad regular expression" in message


def test_bad_regex_in_a_status_rule(tmp_path: Path) -> None:
    planned = raw("meetings")["status"]["planned"]
    path = broken_copy(tmp_path, "meetings", f"'''{planned}'''", "'''[will'''")
    assert "key 'status.planned'" in error_for(path, MeetingRules)


def test_missing_section_in_meetings(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "meetings", "[concepts]", "[concept]")
    message = error_for(path, MeetingRules)
    assert "concept" in message


# --- intents.toml ---------------------------------------------------------------------------


def test_bad_regex_in_an_intent_pattern(tmp_path: Path) -> None:
    first = raw("intents")["intents"][0]["pattern"]
    path = broken_copy(tmp_path, "intents", f"'''{first}'''", "'''^\\s*how\\s+(?:many'''")
    message = error_for(path, IntentFile)
    assert "key 'intents.0.pattern'" in message
    assert "bad regular expression" in message


def test_bad_regex_in_an_intent_requirement(tmp_path: Path) -> None:
    intents = raw("intents")["intents"]
    index = next(i for i, rule in enumerate(intents) if rule.get("requires"))
    requires = intents[index]["requires"]
    path = broken_copy(tmp_path, "intents", f"'''{requires}'''", "'''(who'''")
    assert f"key 'intents.{index}.requires'" in error_for(path, IntentFile)


def test_bad_regex_in_a_pattern_with_the_person_slot(tmp_path: Path) -> None:
    # Checked once the slot is filled in: the error still names the file and the rule.
    intents = raw("intents")["intents"]
    index = next(i for i, rule in enumerate(intents) if "{person}" in rule.get("requires", ""))
    requires = intents[index]["requires"]
    quotes = "'" * 3
    path = broken_copy(
        tmp_path, "intents", quotes + requires + quotes, quotes + "(?:{person}" + quotes
    )
    message = error_for(path, IntentFile)
    assert "key 'intents'" in message and f"rule {index}, requires" in message


def test_person_nouns_written_as_a_trie_match_as_a_sorted_alternation() -> None:
    import re

    from assistant.qa.questions import _word_trie

    nouns = frozenset(raw("intents")["person_nouns"]) | {"man", "manager", "men", "a", "ab"}
    trie = re.compile(f"(?:{_word_trie(nouns)})(?:s|es)?")
    plain = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    alternation = re.compile(f"(?:{plain})(?:s|es)?")
    text = " ".join(sorted(nouns)) + " managers mens abs chairwomanly spokes envoyes x"
    for start in range(len(text)):
        found, expected = trie.match(text, start), alternation.match(text, start)
        assert (found and found.group()) == (expected and expected.group()), text[start:]


def test_bad_regex_in_an_answer_rule_names_its_key(tmp_path: Path) -> None:
    # Every pattern field of answer_rules.toml is typed `Pattern`, so none goes unchecked.
    quotes = "'" * 3
    end = raw("answer_rules")["topic"]["object_end"]
    path = broken_copy(
        tmp_path,
        "answer_rules",
        "object_end = " + quotes + end,
        "object_end = " + quotes + "(" + end,
    )
    message = error_for(path, AnswerRuleFile)
    assert "key 'topic.object_end'" in message and "bad regular expression" in message


def test_unknown_key_in_an_intent(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "intents", 'name = "count"', 'name = "count"\nflavour = "x"')
    assert "key 'intents.0.flavour'" in error_for(path, IntentFile)


# --- lexicon.toml ---------------------------------------------------------------------------


def test_wrong_type_in_the_lexicon(tmp_path: Path) -> None:
    # A string where a list belongs; the old list is kept under another key.
    path = broken_copy(tmp_path, "lexicon", "prefixes = [", 'prefixes = "Port"\nunused = [')
    message = error_for(path, LexiconFile)
    assert "key 'places.prefixes'" in message
    assert "valid list" in message


def test_number_in_a_lexicon_word_list(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "lexicon", 'acronym_stoplist = ["I"', 'acronym_stoplist = [1, "I"')
    message = error_for(path, LexiconFile)
    assert "key 'organisations.acronym_stoplist.0'" in message
    assert "valid string" in message


def test_demonym_that_is_not_a_string(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "lexicon", '"Valdorian" = "Valdoria"', '"Valdorian" = 3')
    assert "key 'nationalities.Valdorian'" in error_for(path, LexiconFile)


def test_empty_demonym_country(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "lexicon", '"Valdorian" = "Valdoria"', '"Valdorian" = " "')
    message = error_for(path, LexiconFile)
    assert "key 'nationalities'" in message
    assert "Valdorian" in message


def test_misspelt_lexicon_key(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "lexicon", "title_heads = [", "title_head = [")
    message = error_for(path, LexiconFile)
    assert "people.title_head" in message


# --- word lists -----------------------------------------------------------------------------


def test_empty_stopword(tmp_path: Path) -> None:
    path = tmp_path / "stopwords.toml"
    path.write_text('words = ["the", " "]\n', encoding="utf-8")
    message = error_for(path, WordList)
    assert "key 'words'" in message
    assert "empty entry" in message


def test_irregular_form_must_be_one_word(tmp_path: Path) -> None:
    path = tmp_path / "irregular_verbs.toml"
    path.write_text('[forms]\n"sat down" = "sit"\n', encoding="utf-8")
    message = error_for(path, IrregularForms)
    assert "key 'forms'" in message
    assert "sat down" in message


# --- patterns known to compile ---------------------------------------------------------------


def test_a_pattern_that_compiled_once_is_not_compiled_again_to_check_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import prompts
    from assistant.knowledge import lexicon

    monkeypatch.setattr(lexicon, "_cache_dir", tmp_path)
    monkeypatch.setattr(lexicon, "_configured", True)
    monkeypatch.setattr(prompts, "_compiled_before", prompts._CompiledBefore())
    prompts.check_pattern(r"\bkestrel\s+(?:harbour|bay)\b")
    with pytest.raises(ValueError, match="bad regular expression"):
        prompts.check_pattern(r"\b(?:kestrel")
    prompts._compiled_before.save()
    (kept,) = tmp_path.glob("prompt-patterns-*.txt")

    # Another process: the good pattern is taken as checked, the bad one is checked again.
    monkeypatch.setattr(prompts, "_compiled_before", prompts._CompiledBefore())
    compiled: list[str] = []
    real_compile = prompts.re.compile

    def counting(pattern: str, flags: int = 0) -> Any:
        compiled.append(pattern)
        return real_compile(pattern, flags)

    monkeypatch.setattr(prompts.re, "compile", counting)
    prompts.check_pattern(r"\bkestrel\s+(?:harbour|bay)\b")
    assert compiled == []
    with pytest.raises(ValueError, match="bad regular expression"):
        prompts.check_pattern(r"\b(?:kestrel")

    # A damaged file is not trusted: everything is checked again.
    kept.write_text(kept.read_text().removesuffix("end"))
    monkeypatch.setattr(prompts, "_compiled_before", prompts._CompiledBefore())
    prompts.check_pattern(r"\bkestrel\s+(?:harbour|bay)\b")
    assert compiled[-1] == r"\bkestrel\s+(?:harbour|bay)\b"


def test_every_answer_rule_compiles_when_first_asked_for() -> None:
    from assistant.qa.answer_rules import _MAKERS, AnswerRules, answer_rules

    assert set(_MAKERS) == set(AnswerRules.__annotations__)
    rules = answer_rules()
    for name in AnswerRules.__annotations__:
        assert getattr(rules, name) is getattr(rules, name)  # made once
    with pytest.raises(AttributeError):
        rules.no_such_rule  # noqa: B018


def test_every_intent_rule_compiles_when_first_reached() -> None:
    from assistant.qa.questions import intent_rules

    for matcher in intent_rules():
        matcher.match("Who met whom, where, when and why?")


def test_a_batch_can_compile_every_rule_before_forking() -> None:
    from assistant.qa.answer_rules import _MAKERS, answer_rules
    from assistant.qa.questions import compile_intents, intent_rules

    rules = answer_rules()
    rules.compile_all()
    assert set(_MAKERS) <= set(vars(rules))
    compile_intents()
    assert all(matcher._compiled is not None for matcher in intent_rules())
