from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.clean import clean, clean_line, is_site_name, sentence_key
from archive.ingest.decode import decode
from archive.ingest.parse import parse_article
from archive.ingest.sentences import ABBREVIATIONS, DOMAIN_ENDINGS, sentences, split_glued
from tests.conftest import SEED_FILE

SEED_CLEAN = [
    "Most moves by the West since the start of Russia's military operation in Ukraine resemble "
    "an ultimatum to the Russian Federation, including Moscow's attempts to settle the conflict, "
    "Russian Foreign Minister Sergey Lavrov told a press conference following a meeting with his "
    "Belarussian counterpart.",
    'Russia\'s foreign minister has accused the West of giving Moscow an "ultimatum" on Ukraine.',
    '"Virtually everything the West does, what it declares, what it implements in practice since '
    "the beginning of the special military operation, is part of an ultimatum to the Russian "
    'Federation across all areas," Lavrov said.',
    'That includes "the prospects for a political and diplomatic settlement, which were '
    'sabotaged on the orders of the Anglo-Saxons in April 2022," along with "the creeping '
    "expansion of the range of weapons that the West itself allows to deliver to the Kiev Nazi "
    'regime," Lavrov told a press conference with Belarussian Foreign Minister Sergei Aleinik.',
    'Russia is not holding any "undercover" talks with the West on the situation in Ukraine, '
    "the foreign minister stressed.",
    '"We are not conducting any undercover negotiations with anyone," he told reporters.',
    "Lavrov also stated that Russia and Belarus will strengthen military-technical cooperation.",
    '"Special attention was paid to the formation of a common space of the Union State in the '
    'areas of defense and security," he told the press conference in Minsk. "We analyzed the '
    "progress of work on the drafts of the Union State security concept and the bilateral "
    "interstate treaty on security guarantees. We spoke in favor of strengthening "
    'military-technical cooperation."',
]


def seed_body() -> str:
    return parse_article(decode(SEED_FILE.read_bytes()).text).body


def test_the_seed_cleans_to_eight_paragraphs() -> None:
    result = clean(seed_body(), source="sputnikglobe.com")
    assert result.text == "\n".join(SEED_CLEAN)
    assert result.changes == (
        "joined 5 lines broken mid-sentence",
        "separated 4 glued sentences",
        "dropped 1 paragraph whose every sentence is repeated elsewhere",
    )


def test_another_crawl_of_the_seed_with_blank_lines_cleans_the_same() -> None:
    recrawl = "Sputnik International\n\n" + seed_body().replace("\n", "\n\n\n")
    result = clean(recrawl, source="sputnikglobe.com")
    assert result.text == "\n".join(SEED_CLEAN)
    assert "removed the site-name line 'Sputnik International'" in result.changes


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ('in April 2022\n," along with', 'in April 2022," along with'),
        ('any "undercover\n" talks with', 'any "undercover" talks with'),
        ("told a press conference\nwith Belarussian", "told a press conference with Belarussian"),
        ("in Ukraine,\nthe foreign minister", "in Ukraine, the foreign minister"),
        ("It rained.\nthe end.", "It rained.\nthe end."),  # a full stop ends the paragraph
        ("Headline Without Stop\nBody starts here.", "Headline Without Stop\nBody starts here."),
        ('He said "yes."\n"No," she said.', 'He said "yes."\n"No," she said.'),
    ],
)
def test_lines_broken_mid_sentence_are_joined(broken: str, joined: str) -> None:
    assert clean(broken).text == joined


@pytest.mark.parametrize(
    ("glued", "separated"),
    [
        ("on Ukraine.That includes", "on Ukraine. That includes"),
        ('the minister stressed."We are', 'the minister stressed. "We are'),
        ("Что дальше?Никто не знает.", "Что дальше? Никто не знает."),
        # left alone
        ("The U.S. said so.", "The U.S. said so."),
        ("It grew 3.5 percent.", "It grew 3.5 percent."),
        ("Read it on sputnikglobe.com today.", "Read it on sputnikglobe.com today."),
        ("Fruit, e.g. apples.", "Fruit, e.g. apples."),
        ("By J.R.R. Tolkien.", "By J.R.R. Tolkien."),
        ("Visit Example.Com now.", "Visit Example.Com now."),
        ("Mr.Smith arrived.", "Mr.Smith arrived."),
    ],
)
def test_glued_sentences(glued: str, separated: str) -> None:
    assert split_glued(glued)[0] == separated


def test_only_paragraphs_repeated_in_full_are_dropped() -> None:
    body = "\n".join([
        "First sentence here. Second sentence here.",
        "Second sentence here.",
        "Second sentence here.",
        "A different closing sentence.",
    ])  # fmt: skip
    assert clean(body).text == "\n".join([
        "First sentence here. Second sentence here.",
        "A different closing sentence.",
    ])  # fmt: skip


def test_a_sentence_repeated_on_purpose_in_a_quote_stays() -> None:
    body = "\n".join([
        'The crowd chanted "No more war." again and again.',
        '"No more war."',
        'Organisers said "No more war." was the slogan of the day.',
    ])  # fmt: skip
    assert clean(body).text == body


def test_a_repeated_lede_goes_but_its_first_copy_stays() -> None:
    body = "The council met on Monday.\nIt approved the budget.\nThe council met on Monday."
    assert clean(body).text == "The council met on Monday.\nIt approved the budget."


def test_entities_spaces_and_mojibake() -> None:
    body = (
        "Caf&eacute; &amp; bar\u00a0opened &quot;today&quot;.\n"
        "Ge\u00c3\u00a4u\u00c3\u009fert wurde nichts."
    )
    result = clean(body)
    assert result.text == 'Café & bar opened "today".\nGeäußert wurde nichts.'
    assert result.mojibake_repaired
    assert result.changes == ("unescaped 4 HTML entities", "repaired mojibake")


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("Der Satz wurde geĂ¤uĂźert.", "Der Satz wurde geäußert."),  # Windows-1250
        ("ZaĹĽĂłĹ‚Ä‡ gÄ™Ĺ›lÄ… jaĹşĹ„", "Zażółć gęślą jaźń"),
        ("Im FrÃ¼hjahr wurde es geÃ¤uÃŸert.", "Im Frühjahr wurde es geäußert."),  # Windows-1252
        ("РЎРѕРІРµС‚ РјРёРЅРёСЃС‚СЂРѕРІ", "Совет министров"),  # Windows-1251
        ("Čeština a Ćwiczenia są dobre", "Čeština a Ćwiczenia są dobre"),  # already right
    ],
)
def test_mojibake_from_several_code_pages(broken: str, repaired: str) -> None:
    assert clean_line(broken)[0] == repaired


def test_clean_text_is_unchanged_and_says_so() -> None:
    result = clean("One paragraph.\nAnother one.")
    assert (result.text, result.changes, result.changed) == (
        "One paragraph.\nAnother one.", (), False
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "domain", "expected"),
    [
        ("Sputnik International", "sputnikglobe.com", True),
        ("Harbour Gazette", "harbourgazette.co.uk", True),
        ("Rheinkurier", "rheinkurier.de", True),
        ("Sputnik says the talks failed.", "sputnikglobe.com", False),
        ("Harbour Gazette", "dailyledger.com", False),
        ("Lavrov Accuses West of Issuing Ultimatum", "sputnikglobe.com", False),
    ],
)
def test_site_name_lines(line: str, domain: str, expected: bool) -> None:
    assert is_site_name(line, domain) is expected


def test_title_cleaning() -> None:
    assert clean_line("Tom &amp; Jerry\u00a0 return") == (
        "Tom & Jerry return",
        ["unescaped 1 HTML entity"],
        False,
    )


def test_sentences() -> None:
    assert sentences('He met Mr. Smith in the U.S. on Monday. "Fine," he said. It ended') == [
        "He met Mr. Smith in the U.S. on Monday.",
        '"Fine," he said.',
        "It ended",
    ]


PIECES = [*"abcdefgh ABCD.,!?\"'-", "ё", "é", "\u00a0", "&amp;", "U.S.", "3.5", "Mr."]
paragraph_text = st.lists(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join),
    min_size=1,
    max_size=8,
).map("\n".join)


@settings(max_examples=300)
@given(paragraph_text)
def test_clean_is_idempotent(body: str) -> None:
    once = clean(body).text
    assert clean(once).text == once


def unique_sentences(text: str) -> set[str]:
    counts: dict[str, int] = {}
    for paragraph in text.split("\n"):
        for sentence in sentences(paragraph):
            key = sentence_key(sentence)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count == 1}


@settings(max_examples=300)
@given(st.lists(st.sampled_from([
    "The talks resumed.", "They failed.", "Prices rose.", "It rained.", "Nobody came.",
    "The talks resumed. They failed.", "Prices rose. It rained. Nobody came.",
]), min_size=1, max_size=8))  # fmt: skip
def test_clean_never_loses_a_sentence_that_occurs_once(paragraphs: list[str]) -> None:
    body = "\n".join(paragraphs)
    output = clean(body).text
    kept = {sentence_key(s) for paragraph in output.split("\n") for s in sentences(paragraph)}
    assert unique_sentences(body) <= kept
    # and every sentence of the input is still there at least once
    every = {sentence_key(s) for paragraph in paragraphs for s in sentences(paragraph)}
    assert every == kept


@pytest.mark.parametrize(
    ("body", "cleaned"),
    [
        # a lede scraped twice, its sentences glued after closing quotes
        (
            'Negotiators met in Vienna. "We know what the deal is." Peace will come, he said.\n'
            'Negotiators met in Vienna."We know what the deal is."Peace will come, he said.\n'
            "The talks go on.",
            'Negotiators met in Vienna. "We know what the deal is." Peace will come, he said.\n'
            "The talks go on.",
        ),
        # the glued copy first: it goes, the well-spaced one stays
        (
            "The minister resigned.The cabinet met at noon.Elections are due in May.\n"
            "The minister resigned. The cabinet met at noon. Elections are due in May.",
            "The minister resigned. The cabinet met at noon. Elections are due in May.",
        ),
        (
            "«Сделка готова.»«Мир будет», — сказал министр.Переговоры продолжатся.\n"
            "«Сделка готова». «Мир будет», — сказал министр. Переговоры продолжатся.",
            "«Сделка готова». «Мир будет», — сказал министр. Переговоры продолжатся.",
        ),
        (
            "Die Regierung hat entschieden.„Wir bleiben dabei“, sagte der Sprecher.\n"
            "Die Regierung hat entschieden. „Wir bleiben dabei“, sagte der Sprecher.",
            "Die Regierung hat entschieden. „Wir bleiben dabei“, sagte der Sprecher.",
        ),
        # equal once white space is ignored: the copy with spaces stays
        ("The talks ended.Ca marks the end.\nThe talks ended. Ca marks the end.",
         "The talks ended. Ca marks the end."),
        ("Prices rose in 2022.15 firms closed.\nPrices rose in 2022. 15 firms closed.",
         "Prices rose in 2022. 15 firms closed."),
        ("政府宣布新措施。市场反应积极！\n政府宣布新措施。 市场反应积极！",
         "政府宣布新措施。市场反应积极！"),
    ],
)  # fmt: skip
def test_a_repeated_lede_with_glued_sentences_goes(body: str, cleaned: str) -> None:
    assert clean(body).text == cleaned


@pytest.mark.parametrize(
    ("glued", "separated"),
    [
        ('He said "the deal is."Peace will', 'He said "the deal is." Peace will'),
        ('the deal is."Peace will', 'the deal is. "Peace will'),
        ("said.”The minister", "said.” The minister"),
        ("сделка.»Мир будет", "сделка.» Мир будет"),
        ("sagte er.„Wir bleiben", "sagte er. „Wir bleiben"),
        ("the end?)Next", "the end?) Next"),
        ("NATO.The alliance", "NATO. The alliance"),
        ("He said.It was over.", "He said. It was over."),
        ("Sie sagte.Es ist vorbei.", "Sie sagte. Es ist vorbei."),
        ("Read sputnikglobe.Com daily", "Read sputnikglobe.Com daily"),
        ("in 2022.The war", "in 2022. The war"),
        ("J.R.R.Tolkien wrote", "J.R.R.Tolkien wrote"),
    ],
)
def test_glued_sentences_after_quotes_and_brackets(glued: str, separated: str) -> None:
    assert split_glued(glued)[0] == separated


LETTERS = {
    "latin": "abcdefghijklmnopqrstuvwxyz",
    "polish": "aąbcćdeęfghijklłmnńoóprsśtuwyzźż",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщыэюяёіїє",
    "spanish": "abcdefghijklmnñopqrstuvwxyzáéíóú",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",
}
DEVANAGARI_SIGNS = "ािीुूेैोौं"
OPENING_CLOSING = [("", ""), ('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("« ", " »")]
FINAL_MARKS = {"devanagari": "।?!", "arabic": ".؟!"}


@st.composite
def word(draw: st.DrawFn, script: str) -> str:
    """A word of the script: a Devanagari word starts with a consonant, then signs may follow."""
    letters = LETTERS[script]
    if script != "devanagari":
        return draw(st.text(letters, min_size=2, max_size=9))
    return draw(st.sampled_from(letters)) + draw(
        st.text(letters + DEVANAGARI_SIGNS, min_size=1, max_size=6)
    )


@st.composite
def glueable_sentence(draw: st.DrawFn, script: str) -> str:
    """A sentence as an outlet writes it: capital first, final mark, perhaps quoted.

    Spanish sentences may open with ¿ or ¡, and any may be a line of dialogue
    after a dash; Arabic and Devanagari have no capitals, and Devanagari ends
    its sentences with a danda.
    """
    words = draw(
        st.lists(word(script), min_size=3, max_size=12).filter(
            lambda words: words[-1] not in ABBREVIATIONS and words[0] not in DOMAIN_ENDINGS
        )
    )
    mark = draw(st.sampled_from(FINAL_MARKS.get(script, ".!?")))
    text = " ".join([words[0].capitalize(), *words[1:]]) + mark
    if script == "spanish" and mark in "?!" and draw(st.booleans()):
        text = {"?": "¿", "!": "¡"}[mark] + text
    style = draw(st.sampled_from(["quoted", "quote at the end", "dialogue"]))
    if style == "dialogue":
        return f"— {text}"
    opening, closing = draw(st.sampled_from(OPENING_CLOSING))
    if style == "quoted":
        return f"{opening}{text}{closing}"
    cut = draw(st.integers(1, len(words) - 1))
    quoted = " ".join(text.split(" ")[cut:])
    return " ".join(text.split(" ")[:cut]) + f" {opening}{quoted}{closing}"


@st.composite
def repeated_lede(draw: st.DrawFn) -> tuple[list[str], str]:
    """A paragraph's sentences, and a body holding it twice: once with its gaps removed."""
    script = draw(st.sampled_from(sorted(LETTERS)))
    lede = draw(st.lists(glueable_sentence(script), min_size=2, max_size=6))
    spaced, glued = " ".join(lede), "".join(lede)
    copies = [glued, spaced] if draw(st.booleans()) else [spaced, glued]
    return lede, "\n".join([*copies, "Another paragraph ends the article."])


@settings(max_examples=600)
@given(repeated_lede())
def test_a_lede_repeated_with_its_gaps_removed_cleans_to_one_copy(
    case: tuple[list[str], str],
) -> None:
    lede, body = case
    output = clean(body).text
    paragraphs = output.split("\n")
    assert len(paragraphs) == 2, output
    assert paragraphs[1] == "Another paragraph ends the article."
    # No sentence is lost: each is in the copy that stays, quotes and spacing aside.
    kept = sentence_key(paragraphs[0])
    assert all(sentence_key(sentence) in kept for sentence in lede)
    assert sentence_key(paragraphs[0]) == sentence_key(" ".join(lede))


@settings(max_examples=500)
@given(paragraph_text)
def test_no_two_paragraphs_are_equal_after_cleaning(body: str) -> None:
    paragraphs = clean(body + "\n" + body).text.split("\n")
    keys = ["".join(paragraph.split()) for paragraph in paragraphs]
    assert len(keys) == len(set(keys))


@settings(max_examples=600)
@given(repeated_lede(), st.data())
def test_a_glued_teaser_of_some_sentences_goes(
    case: tuple[list[str], str], data: st.DataObject
) -> None:
    lede, _ = case
    start = data.draw(st.integers(0, len(lede) - 2))
    end = data.draw(st.integers(start + 2, len(lede)))
    teaser = "".join(lede[start:end])
    spaced = " ".join(lede)
    assert clean(f"{teaser}\n{spaced}").text == clean(spaced).text
