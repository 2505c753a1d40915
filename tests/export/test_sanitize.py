"""The one sanitiser for exported text (app/export/sanitize.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from app.export.sanitize import PAGE_BREAK, Sanitizer


def test_clean_text_is_returned_unchanged():
    s = Sanitizer()
    text = "Åäö – emoji 👍, RTL שלום, tab\there, 0x7F\x7f, NEL\x85, LS\u2028 & <xml>"
    assert s.text(text) == text
    assert s.warnings() == []


def test_vertical_tab_is_a_line_break_and_form_feed_a_page_break():
    s = Sanitizer()
    assert s.text("rad\vnästa\fsida") == "rad\nnästa" + PAGE_BREAK + "sida"
    assert s.plain("a\fb") == "a\nb"
    assert s.line("a\fb\vc\td") == "a b c d"
    assert s.warnings() == []


def test_carriage_returns_become_line_breaks():
    assert Sanitizer().text("a\r\nb\rc\x00") == "a\nb\nc"


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x08", "\x0e", "\x1b", "\x1f", "\ufffe", "\uffff"])
def test_illegal_characters_are_removed_and_counted(bad):
    s = Sanitizer()
    assert s.text(f"a{bad}b{bad}") == "ab"
    assert s.removed == 2
    assert s.warnings() == ["2 otillåtna tecken togs bort"]


def test_one_removed_character_is_singular():
    s = Sanitizer()
    s.text("x\x02")
    assert s.warnings() == ["1 otillåtet tecken togs bort"]


def test_lone_surrogates_become_replacement_characters():
    s = Sanitizer()
    assert s.text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert s.warnings() == ["2 ogiltiga tecken ersattes med \ufffd"]


def test_counts_add_up_over_several_texts():
    s = Sanitizer()
    for text in ("\x01", "\x02\x03", "ok", "\ud801"):
        s.text(text)
    assert (s.removed, s.replaced) == (3, 1)
    assert s.warnings() == ["3 otillåtna tecken togs bort", "1 ogiltigt tecken ersattes med \ufffd"]


def test_non_strings_are_text():
    s = Sanitizer()
    assert s.text(None) == ""
    assert s.text(1050000) == "1050000"


@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_every_result_is_valid_xml_text(text):
    s = Sanitizer()
    cleaned = s.text(text).replace(PAGE_BREAK, "")
    el = etree.Element("t")
    el.text = cleaned  # lxml refuses anything XML 1.0 cannot hold
    assert etree.fromstring(etree.tostring(el)).text in (cleaned, None)
    assert s.removed + s.replaced <= len(text)
