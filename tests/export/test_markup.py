"""The light markup of plan texts (app/markup.py)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.markup import Block, BlockKind, Footnote, Run, parse, parse_inline, to_plain_text


def test_paragraphs_are_split_by_blank_lines_and_keep_line_breaks():
    blocks = parse("Första raden\nandra raden\n\n\nNytt stycke")
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert blocks[0].text == "Första raden\nandra raden"
    assert blocks[1].text == "Nytt stycke"


def test_windows_line_endings_are_the_same_as_unix():
    assert parse("a\r\n\r\nb") == parse("a\n\nb")


@pytest.mark.parametrize("empty", ["", None, "   ", "\n\n \n"])
def test_empty_markup_gives_no_blocks(empty):
    assert parse(empty) == []


def test_bullets_numbers_and_levels():
    blocks = parse("Inledning:\n- ett\n- två\n  - under två\n1. första\n2. andra\n  fortsättning\n\nSlut")
    assert [(b.kind, b.level, b.number, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, 0, None, "Inledning:"),
        (BlockKind.BULLET, 0, None, "ett"),
        (BlockKind.BULLET, 0, None, "två"),
        (BlockKind.BULLET, 1, None, "under två"),
        (BlockKind.NUMBERED, 0, 1, "första"),
        (BlockKind.NUMBERED, 0, 2, "andra\nfortsättning"),
        (BlockKind.PARAGRAPH, 0, None, "Slut"),
    ]


def test_a_dash_without_space_or_a_number_without_dot_is_text():
    assert [b.kind for b in parse("-ej punkt\n\n2024 var ett år\n\n3.ej heller")] == [BlockKind.PARAGRAPH] * 3


def test_bold_italic_and_links():
    inl = parse_inline("Vi **måste** läsa *noga* på [SKR](https://skr.se/a_(b)) nu")
    assert inl == [
        Run("Vi "), Run("måste", bold=True), Run(" läsa "), Run("noga", italic=True), Run(" på "),
        Run("SKR", url="https://skr.se/a_(b)"), Run(" nu"),
    ]


def test_bold_and_italic_together_and_bold_link():
    assert parse_inline("***båda***") == [Run("båda", bold=True, italic=True)]
    assert parse_inline("**[fet länk](https://a.se)**") == [Run("fet länk", bold=True, url="https://a.se")]


def test_footnote_holds_runs_and_links():
    inl = parse_inline("citat.”^[[Överenskommelse (skr.se)](https://skr.se/x.html)] Mer")
    assert inl[0] == Run("citat.”")
    assert inl[1] == Footnote((Run("Överenskommelse (skr.se)", url="https://skr.se/x.html"),))
    assert inl[2] == Run(" Mer")


@pytest.mark.parametrize("literal", [
    "2 * 3 * 4", "a ** b", "**ej stängd", "*", "[ingen länk]", "[text](utan slut", "[a](b c)", "^[", "^[öppen",
    "****", "pris: 5*", "[](", "x]y[z",
])
def test_unmatched_markup_stays_literal(literal):
    blocks = parse(literal)
    assert len(blocks) == 1
    assert blocks[0].text == literal
    assert all(isinstance(i, Run) and not (i.bold or i.italic or i.url) for i in blocks[0].inlines)


def test_crossed_marks_do_not_lose_text():
    assert "".join(r.text for r in parse_inline("**a *b** c*")) == "a *b c*"


def test_no_footnote_inside_a_footnote():
    (note,) = [i for i in parse_inline("x^[a ^[b] c]") if isinstance(i, Footnote)]
    assert "".join(r.text for r in note.runs) == "a ^[b] c"


def test_to_plain_text():
    text = "Rubrik **fet** och [länk](https://a.se)^[Källa *X*]\n\n- ett\n- två\n\n1. steg\n  2. under"
    assert to_plain_text(text) == "Rubrik fet och länk[1]\n\n• ett\n• två\n1. steg\n  2. under\n\n[1] Källa X"
    assert to_plain_text("") == ""


@pytest.mark.parametrize("bad", ["*" * 50_000 + "a", "[" * 50_000, "^[" * 30_000, "[a](" * 25_000,
                                 "**a " * 25_000, "]" * 50_000 + "[" * 50_000])
def test_pathological_texts_parse_in_linear_time(bad):
    start = time.perf_counter()
    blocks = parse(bad)
    assert time.perf_counter() - start < 5, "markup parsing must not be quadratic"
    assert blocks and sum(len(b.text) for b in blocks) > 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *[]()^-1.\n\\_`")) | st.characters(), max_size=200))
def test_parsing_never_fails_and_keeps_the_words(text):
    blocks = parse(text)
    assert all(isinstance(b, Block) for b in blocks)
    plain = to_plain_text(text)
    for word in text.split():
        core = word.strip("*[]()^-.0123456789\\_`")
        if core.isalpha():  # plain words survive, whatever markup surrounds them
            assert core in plain
