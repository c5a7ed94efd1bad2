"""Answering through the engine on tests/fixtures/qa: answers, citations, limits, declining."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.engine import Engine
from assistant.models import Answer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "qa"
KELMORA = "q1-kelmora-rail-summit"
PORT_ITHEN = "q2-port-ithen-fisheries"
VESTRAND = "q3-vestrand-investors"
LOWMERE = "q4-lowmere-warehouse-fire"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    cache = tmp_path_factory.mktemp("cache")
    return Engine.open(Settings(corpus=[FIXTURES], cache_dir=cache), progress=False)


def cited(answer: Answer) -> set[str]:
    return {c.article_id for c in answer.citations}


def words(text: str) -> int:
    return len(text.split())


def test_fixture_corpus_loads(engine: Engine) -> None:
    assert sorted(engine.articles) == [KELMORA, PORT_ITHEN, VESTRAND, LOWMERE]
    assert engine.skipped == []


# --- who met --------------------------------------------------------------------------------


def test_who_met_with_citations(engine: Engine) -> None:
    answer = engine.ask("Who did Maelund meet?")
    assert answer.answered
    assert answer.intent == "who_met"
    assert answer.short == "Irena Tallis"
    assert "Irena Tallis" in answer.answer
    assert answer.citations
    first = answer.citations[0]
    article = engine.article(KELMORA)
    assert first.article_id == KELMORA
    assert first.sentence == article.sentence_text(first.sentence_index)
    assert "met Estovian Chancellor Irena Tallis" in first.sentence
    assert first.title == article.title
    assert first.date == "2026-05-14"
    assert "Irena Tallis" in first.highlight


def test_who_met_the_other_way_round(engine: Engine) -> None:
    answer = engine.ask("Who met Tallis?")
    assert answer.short == "Oskar Maelund"
    assert cited(answer) == {KELMORA}


def test_who_met_facts_carry_the_meeting(engine: Engine) -> None:
    facts = engine.ask("Who did Brandt visit?").facts
    assert facts["participants"] == ["Saskia Brandt", "Jorun Hale"]
    assert facts["where"] == "Port Ithen"
    assert facts["when_iso"] == "2026-06-02"
    assert facts["meeting_id"].startswith(PORT_ITHEN + "#")


def test_with_whom_lower_case(engine: Engine) -> None:
    answer = engine.ask("with whom did maelund hold talks")
    assert answer.short == "Irena Tallis"
    assert cited(answer) == {KELMORA}


def test_lower_case_names_are_recognised(engine: Engine) -> None:
    assert engine.ask("who did brandt visit").short == "Jorun Hale"


# --- where, when, why -----------------------------------------------------------------------


def test_where_building(engine: Engine) -> None:
    answer = engine.ask("In which building did Maelund and Tallis meet?")
    assert (answer.intent, answer.short) == ("where", "Sorrel Palace")
    assert answer.answer == "Maelund and Tallis: Sorrel Palace."
    assert cited(answer) == {KELMORA}


def test_where_place(engine: Engine) -> None:
    answer = engine.ask("Where did Brandt visit Hale?")
    assert answer.short == "Port Ithen"
    assert "Port Ithen" in answer.citations[0].sentence


def test_where_background_meeting(engine: Engine) -> None:
    assert engine.ask("Where did Maelund and Tallis first meet?").short == "Dravna"


def test_when_gives_words_and_resolved_date(engine: Engine) -> None:
    answer = engine.ask("When did Brandt visit Hale?")
    assert answer.intent == "when"
    assert answer.short == "on Tuesday, 2 June 2026"
    assert answer.facts["when_iso"] == "2026-06-02"
    assert cited(answer) == {PORT_ITHEN}


def test_when_background_meeting(engine: Engine) -> None:
    assert engine.ask("When did Maelund and Tallis first meet?").short == "2023"


def test_why_purpose_clause(engine: Engine) -> None:
    answer = engine.ask("Why did Maelund meet Tallis?")
    assert answer.intent == "why"
    assert answer.short.startswith("to restore the freight rail corridor")
    assert cited(answer) == {KELMORA}


def test_why_because(engine: Engine) -> None:
    answer = engine.ask("Why did Brandt visit Hale?")
    assert answer.short.startswith("because herring catches")
    assert answer.citations[0].sentence_index == 0


def test_who_role(engine: Engine) -> None:
    answer = engine.ask("Who is Saskia Brandt?")
    assert (answer.intent, answer.short) == ("who_role", "Lumerian Fisheries Minister")


def test_count_includes_the_background_meeting(engine: Engine) -> None:
    answer = engine.ask("How many times did Maelund meet Tallis?")
    assert (answer.intent, answer.short) == ("count", "2")


def test_list_meetings(engine: Engine) -> None:
    answer = engine.ask("List meetings of Maelund")
    assert answer.intent == "list_meetings"
    assert "Sorrel Palace" in answer.short
    assert "Dravna" in answer.short


# --- short answers and limits ---------------------------------------------------------------

LIMITS = {"who_met": 16, "who": 16, "who_role": 16, "where": 10, "when": 10}
QUESTIONS = [
    "Who did Maelund meet?",
    "Who did Quell meet?",
    "Who is Saskia Brandt?",
    "In which building did Maelund and Tallis meet?",
    "Where did Brandt visit Hale?",
    "When did Brandt visit Hale?",
    "When did Maelund meet Tallis?",
    "Why did Maelund meet Tallis?",
    "Why did Brandt visit Hale?",
    "List meetings of Maelund",
]
TEMPLATE_WORDS = re.compile(r"\b(?:met|is to meet|discussed|Topics|Not found|reported)\b|^\w+:")


@pytest.mark.parametrize("question", QUESTIONS)
def test_short_answer_is_bare_and_within_limits(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, question
    assert answer.short
    assert not TEMPLATE_WORDS.search(answer.short), answer.short
    assert not answer.short.endswith((".", ",", ";"))
    assert words(answer.short) <= LIMITS.get(answer.intent, 30)
    assert answer.short in answer.answer


@pytest.mark.parametrize("question", QUESTIONS)
def test_templated_answer_length(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert len(answer.answer) <= (200 if answer.intent in LIMITS else 400)


def test_long_purpose_is_cut_to_thirty_words(engine: Engine) -> None:
    answer = engine.ask("Why did Brandt visit Hale?")
    assert words(answer.short) <= 30
    assert len(answer.answer) <= 400


# --- declining and entity constraints -------------------------------------------------------


def test_declined_question_offers_closest_passages(engine: Engine) -> None:
    answer = engine.ask("Where did Quell meet Tallis?")
    assert not answer.answered
    assert answer.citations == []
    assert answer.short == ""
    assert answer.passages
    assert answer.answer.startswith("Not found in the corpus")
    assert "Quell and Tallis" in answer.answer
    assert answer.confidence == 0.0


def test_question_without_any_match_is_declined(engine: Engine) -> None:
    answer = engine.ask("Where?")
    assert not answer.answered
    assert answer.citations == []


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("Why did Maelund meet Tallis?", KELMORA),
        ("Who did Quell meet?", VESTRAND),
        ("When did Quell meet the investors?", VESTRAND),
        ("Why did Brandt visit Hale?", PORT_ITHEN),
    ],
)
def test_only_articles_naming_the_entities_answer(
    engine: Engine, question: str, article: str
) -> None:
    # The Kelmora and Vestrand stories share "freight rail corridor"; only names decide.
    answer = engine.ask(question)
    assert answer.answered
    assert cited(answer) == {article}


def test_names_never_seen_together_are_declined(engine: Engine) -> None:
    answer = engine.ask("Why did Quell meet Tallis?")
    assert not answer.answered
    assert answer.citations == []


def test_why_does_not_take_a_duration_as_the_cause(engine: Engine) -> None:
    # The article says the cause is still under investigation; "for six hours" is no cause.
    answer = engine.ask("What caused the fire in Lowmere?")
    assert "six hours" not in answer.short


def test_unknown_name_is_declined(engine: Engine) -> None:
    answer = engine.ask("Who did Ostrander meet in Kelmora?")
    assert not answer.answered


# --- determinism and explanations -----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Who did Maelund meet?", "Where did Quell meet Tallis?", "Why did Brandt visit Hale?"],
)
def test_same_question_twice_gives_identical_json(engine: Engine, question: str) -> None:
    assert engine.ask(question).model_dump_json() == engine.ask(question).model_dump_json()


def test_answer_from_the_cache_is_identical(engine: Engine) -> None:
    reopened = Engine.open(engine.settings, progress=False)
    assert reopened.from_cache
    question = "Why did Maelund meet Tallis?"
    assert reopened.ask(question).model_dump_json() == engine.ask(question).model_dump_json()


def test_explain_lists_intent_entities_and_rule(engine: Engine) -> None:
    answer = engine.ask("Who did Maelund meet?", explain=True)
    assert answer.explain[0] == "intent: who_met"
    assert answer.explain[1] == "entities: Maelund (person, lone-name)"
    assert any(line.startswith("retrieved ") for line in answer.explain)
    assert any(line.startswith("rule meeting-event -> 'Irena Tallis'") for line in answer.explain)
    assert answer.explain[-1] == "template who_met.with_place"


def test_explain_for_a_declined_question(engine: Engine) -> None:
    answer = engine.ask("Where did Quell meet Tallis?", explain=True)
    assert answer.explain[-1].startswith("declined: no article mentions Quell and Tallis")


def test_no_explanation_unless_asked(engine: Engine) -> None:
    assert engine.ask("Who did Maelund meet?").explain == []


def test_where_prefers_the_reported_meeting_over_the_background_one(engine: Engine) -> None:
    assert engine.ask("Where did Maelund meet Tallis?").short in {"Sorrel Palace", "Kelmora"}


# --- known gaps (bug reports for the rules) -------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="answerer: 'What did Maelund and Tallis discuss?' is declined (coverage 0: no "
    "sentence contains 'discuss'), although the meeting event has topics from 'The agenda "
    "included rail freight, customs checks and winter energy supplies'",
)
def test_topic_question_uses_the_meeting_agenda(engine: Engine) -> None:
    answer = engine.ask("What did Maelund and Tallis discuss?")
    assert answer.answered
    assert "rail freight" in answer.short


def test_passive_question_with_a_verb_the_corpus_lacks(engine: Engine) -> None:
    assert engine.ask("By whom was Brandt received?").short == "Jorun Hale"


def test_what_brought_x_to_y(engine: Engine) -> None:
    answer = engine.ask("What brought Brandt to Port Ithen?")
    assert answer.short.startswith("because herring catches")


def test_who_met_answer_does_not_repeat_the_place(engine: Engine) -> None:
    answer = engine.ask("Who did Quell meet?")
    assert answer.answer.count("Vestrand") == 1


def test_when_does_not_repeat_the_month(engine: Engine) -> None:
    assert engine.ask("When will Brandt come back?").short in {"September", "September 2026"}


def test_role_question_is_not_answered_from_an_unrelated_article(engine: Engine) -> None:
    answer = engine.ask("Who did the fire chief meet?")
    assert not answer.answered or cited(answer) <= {LOWMERE}


# --- analyses stored at index time ---------------------------------------------------------------


def test_stored_analyses_equal_fresh_ones(engine: Engine) -> None:
    from assistant.knowledge.analysis import analyse, decode_analysis

    assert engine.corpus is not None
    for i, aid in enumerate(engine.articles):
        article = engine.articles[aid]
        blob = engine.corpus.analysis_bytes(i)
        assert blob, aid
        stored = decode_analysis(article, blob)
        fresh = analyse(article)
        assert stored.sentences == fresh.sentences
        assert stored.title == fresh.title
        assert stored.people == fresh.people


def test_answering_reads_stored_analyses(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.knowledge import analysis
    from assistant.qa.answerer import Answerer

    def refuse(article: object) -> None:
        raise AssertionError("analysed at question time")

    monkeypatch.setattr(analysis, "analyse", refuse)
    answer = Answerer(engine).answer("Who did Maelund meet?")
    assert answer.short == "Irena Tallis"


def test_a_damaged_stored_analysis_is_made_again(engine: Engine) -> None:
    from assistant.knowledge.analysis import AnalysisCache, analyse

    article = engine.articles[KELMORA]
    for junk in (b"not deflated", b"x\x9c\x03\x00\x00\x00\x00\x01", b""):
        got = AnalysisCache(stored=lambda a, junk=junk: junk).get(article)
        assert got.sentences == analyse(article).sentences


def test_index_prefilter_never_drops_an_article_that_mentions_the_name(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The postings-based shortcut must only skip articles `_article_mentions` would reject:
    checked for every name the bundled corpus mentions, against every article."""
    from assistant.qa.answerer import Answerer

    bundled = FIXTURES.parent.parent.parent / "corpus"
    cache = tmp_path_factory.mktemp("bundled-cache")
    engine = Engine.open(Settings(corpus=[bundled], cache_dir=cache), progress=False)
    answerer = Answerer(engine)
    articles = [engine.articles[aid] for aid in engine.articles]
    mentions = {}
    for article in articles:
        for info in answerer.analyses.get(article).sentences:
            for m in info.mentions:
                mentions.setdefault((m.kind, m.name or m.text), m)
    assert len(mentions) > 200
    narrowed = 0
    for mention in mentions.values():
        possible = answerer._articles_that_may_mention([mention], [a.id for a in articles])
        if possible is None:
            continue
        for article in articles:
            if answerer._article_mentions(article, mention):
                read = article.id in possible or article.id in answerer._captioned_articles()
                assert read, (mention, article.id)
        narrowed += len(possible) < len(articles)
    assert narrowed > 100  # it does skip articles


def test_meetings_of_a_person_found_through_the_index_are_all_of_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """`_meetings_naming` reads only articles with the surname; the meetings a person is in
    must be exactly those a walk over every meeting finds, in the same order."""
    from assistant.knowledge.entities import Mention
    from assistant.models import EntityKind
    from assistant.qa.answerer import Answerer
    from assistant.text import fold

    bundled = FIXTURES.parent.parent.parent / "corpus"
    cache = tmp_path_factory.mktemp("bundled-meetings")
    engine = Engine.open(Settings(corpus=[bundled], cache_dir=cache), progress=False)
    answerer = Answerer(engine)
    names = sorted({p.name for m in engine.meetings for p in m.participants})
    assert len(names) > 30

    def naming(meetings: object, person: Mention) -> list[str]:
        surname = fold(person.name).split()[-1]
        return [
            m.id
            for m in meetings  # type: ignore[attr-defined]
            if any(surname in fold(p.name).split() for p in m.participants)
        ]

    for name in names:
        person = Mention(name, 0, 0, EntityKind.PERSON, fold(name), name)
        fast = naming(answerer._meetings_naming([person]), person)
        assert fast == naming(engine.meetings, person), name
        assert fast


def test_has_word_is_the_whole_word_search_it_replaces() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from assistant.qa.answerer import _has_word

    alphabet = st.sampled_from([*"ab_-' 1é\u00a0.", "ß", "\u0301"])

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet, max_size=12), st.text(alphabet, min_size=1, max_size=4))
    def same(text: str, phrase: str) -> None:
        expected = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None
        assert _has_word(text, phrase) == expected

    same()


def test_window_counts_match_a_per_sentence_count() -> None:
    from assistant.qa.answerer import _column_sums, _windowed

    rows = [[True, False, False, False, True], [False, False, True, False, False]]
    n = len(rows[0])
    per_sentence = [sum(True in row[max(0, j - 1) : j + 2] for row in rows) for j in range(n)]
    assert _column_sums([_windowed(row) for row in rows], n) == per_sentence == [1, 2, 1, 2, 1]
    assert _column_sums(rows, n) == [1, 0, 1, 0, 1]
    assert _column_sums([], 3) == [0, 0, 0]
    assert _windowed([]) == []


def test_folded_text_finds_what_words_finds() -> None:
    from assistant.qa.answerer import FoldedText, Words

    texts = [
        "Prime Minister Ana Vélez met the Kelmoran envoy, Jo-Ann Brisk, in São Tomé on Monday.",
        "Talks__resumed; the envoys' talks (talks!) resumed at 10:30 in Room 4B. Vélez-Ortiz left",
        "Brisk brisket Brisk's BRISK; an anabranch, Ana. ana",
        "",
    ]
    phrases = [
        "Ana Vélez", "ana velez", "Velez", "Brisk", "brisket", "jo ann", "Jo-Ann Brisk",
        "envoy", "envoys", "talks resumed", "resumed at", "10 30", "30", "4b", "room 4b",
        "Vélez Ortiz", "ortiz left", "sao tome on monday", "an", "ana", "talks", "__", "",
        "Kelmoran envoy Jo Ann", "minister ana", "brisk s", "s", "ortiz left now",
    ]  # fmt: skip
    for text in texts:
        folded, words = FoldedText(text), Words(text)
        for phrase in phrases:
            assert folded.has(phrase) == words.has(phrase), (text, phrase)
        for word in set(words.words) | {"ana", "bris", "t", "4"}:
            assert folded.has_word(word) == (word in words.words), (text, word)
