"""Random Unicode in every text field still gives documents that open.

Control characters, lone surrogates, emoji, right-to-left text, markup characters and
strings up to 100 kB go into titles, metadata (and so the document properties),
section bodies and every table cell; each export must open in python-docx, and a few
must also convert in LibreOffice.
"""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from app.export.docx_export import export_docx
from tests.export.fixtures import DIRECTIVE, PLAN, clone, load, open_docx, rows, small_plan, table_with_header

SPECIAL = list(
    "\x00\x01\x07\x08\t\n\v\f\r\x0e\x1b\x1f\x7f\x85\u00a0\u00ad\u200b\u200e\u200f\u202a\u202e\u2028\u2029"
    "\ufeff\ufffd\ufffe\uffff\ud800\udbff\udc00\udfff"
    "שלום עולם مرحبا بالعالم"  # right-to-left
    "👍🏽👨‍👩‍👧🇸🇪😀𝔘"  # emoji, ZWJ sequences, astral letters
    "e\u0301a\u0308"  # combining marks
    "*_[]()^-1.#<>&\"'\\%{}$"  # markup and XML characters
    "åäöÅÄÖ"
)
ANY = st.characters(exclude_categories=())  # every code point, surrogates included
SHORT = st.one_of(st.text(ANY, max_size=30), st.text(st.sampled_from(SPECIAL), max_size=40),
                  st.sampled_from(["", " ", "\n\n", "- ", "1. ", "**", "^[", "[a](b)", "2025-13", "Q5 2025"]))
def long_texts(low: int, high: int):
    return st.builds(lambda s, n: (s * (n // max(1, len(s)) + 1))[:n],
                     st.text(st.one_of(ANY, st.sampled_from(SPECIAL)), min_size=1, max_size=12),
                     st.integers(low, high))
STRUCTURAL = {"kind", "doc_type", "content", "start", "end", "date", "due", "document_date", "person",
              "responsible_person", "uuid", "choice", "status", "signature_date", "created_at", "modified_at"}


def _leaves(value, path=()):
    """Paths of every string and number in the plan."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, path + (i,))
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        yield path


def _set(plan, path, value):
    target = plan
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def _base(which: str) -> dict:
    if which == "small" or not (DIRECTIVE.exists() and PLAN.exists()):
        return small_plan()
    return load(DIRECTIVE if which == "directive" else PLAN)


@st.composite
def random_plans(draw, long_max: int = 100_000):
    plan = clone(_base(draw(st.sampled_from(["small", "directive", "plan"]))))
    paths = list(_leaves(plan))
    for path in paths:
        key = next((k for k in reversed(path) if isinstance(k, str)), "")
        if key in STRUCTURAL and draw(st.integers(0, 4)):
            continue  # mostly keep what makes tables appear, sometimes break it too
        if isinstance(plan_value(plan, path), (int, float)):
            value = draw(st.one_of(st.none(), st.integers(-10**15, 10**15), st.floats(allow_nan=True), SHORT))
        else:
            value = draw(SHORT)
        _set(plan, path, value)
    for path in draw(st.lists(st.sampled_from(paths), max_size=2, unique=True)):
        _set(plan, path, draw(long_texts(long_max // 10, long_max)))  # up to 100 kB in one or two places
    return plan


def plan_value(plan, path):
    value = plan
    for key in path:
        value = value[key]
    return value


def _check_opens(path):
    doc = open_docx(path)
    assert doc.sections and doc.core_properties.title is not None
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))  # well-formed XML 1.0 in every part
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(plan=random_plans(), toc=st.booleans(), scale=st.sampled_from([4, 5, 0, 99]))
def test_random_text_in_every_field_still_opens(plan, toc, scale, tmp_path_factory):
    out = tmp_path_factory.mktemp("fuzz") / "plan.docx"
    result = export_docx(plan, out, toc=toc, risk_scale=scale)
    doc = _check_opens(out)
    assert all(isinstance(w, str) and w for w in result.warnings)
    title = plan.get("title")
    if isinstance(title, str) and title.strip() and title.isprintable() and len(title) < 200 and title.isascii():
        assert doc.core_properties.title == " ".join(title.split())


# LibreOffice 7.4 can loop for ever laying out an 80 kB footnote without spaces among
# other footnotes in table rows (the export's timeout stops it with a message, see
# test_pdf_export); here texts stay under about a page so the conversion itself is tested.
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(plan=random_plans(long_max=3_000))
def test_random_plans_convert_in_libreoffice(plan, tmp_path_factory):
    from app.export.pdf_export import export_pdf
    from tests.export.test_pdf_export import page_count, require_libreoffice

    require_libreoffice()
    out = tmp_path_factory.mktemp("fuzzpdf") / "plan.pdf"
    export_pdf(plan, out, timeout=300)
    assert out.read_bytes().startswith(b"%PDF-")
    assert page_count(out) >= 1


@pytest.mark.parametrize("field", ["title", "metadata.organisation", "metadata.diarienummer", "metadata.authors"])
def test_control_characters_in_core_properties(field, tmp_path):
    plan = small_plan()
    bad = "A\x01B\x0bC\ud800D\uffffE"
    if field == "title":
        plan["title"] = bad
    elif field == "metadata.authors":
        plan["metadata"]["authors"] = [bad, "\x00"]
    else:
        plan["metadata"][field.split(".")[1]] = bad
    result = export_docx(plan, tmp_path / "p.docx")
    cp = _check_opens(tmp_path / "p.docx").core_properties
    assert any("AB C\ufffdDE" in v for v in (cp.title, cp.subject, cp.author, cp.keywords))
    assert not cp.author.endswith(", ")
    assert any("otillåtna tecken togs bort" in w for w in result.warnings)


def test_absurd_numbers_are_shown_not_computed(tmp_path):
    """Found by the property test: a score of 5e151 overflowed the risk colour."""
    plan = small_plan()
    plan["risks"][1].update(probability=5.005617254400648e151, impact=5.7e157)
    plan["risks"][0].update(probability=float("nan"), impact=10**30)
    plan["budget"][0]["amount"] = float("inf")
    plan["budget"][1]["amount"] = float("nan")
    plan["budget"][2]["amount"] = "0" * 10_000  # beyond Python's int-from-text limit
    plan["resources"][0]["allocation"] = -1e300
    export_docx(plan, tmp_path / "n.docx")
    doc = _check_opens(tmp_path / "n.docx")
    values = [r[5] for r in rows(table_with_header(doc, "Risk"))[1:]]
    assert values == ["6", "", ""]  # only the sane risk gets a value
    budget = rows(table_with_header(doc, "Post"))
    assert budget[2][2] == "inf" and budget[-1][2] == "0" * 10_000  # no sane amount: no total rows
    assert not any(r[0].startswith("Summa") for r in budget)
