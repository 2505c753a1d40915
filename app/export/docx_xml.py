"""Making WordprocessingML elements quickly, for the export's hot paths.

python-docx's ``OxmlElement("w:t")`` parses its prefixed tag and builds a namespace
map on every call, and its schema-ordered ``add_*``/``get_or_add_*`` methods search
the children; in a 30-page plan with ~8,000 table cells that was the largest cost.
Here a tag is turned into its Clark name once, and children are appended with
lxml's ``SubElement``. The elements are still python-docx's classes (``CT_P``,
``CT_R`` …): lxml picks the class from the parser of the document they belong to.

Imported only while an export runs (it imports python-docx's parser).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from docx.oxml.ns import nsmap
from lxml import etree

__all__ = ["W", "front_child", "sub", "tag"]


@cache
def tag(name: str) -> str:
    """Clark name of a prefixed name: "w:p" → "{http://…/main}p"."""
    prefix, local = name.split(":")
    return f"{{{nsmap[prefix]}}}{local}"


class W:
    """Clark names used on hot paths."""

    P = tag("w:p")
    PPR = tag("w:pPr")
    PSTYLE = tag("w:pStyle")
    NUMPR = tag("w:numPr")
    ILVL = tag("w:ilvl")
    NUMID = tag("w:numId")
    SECTPR = tag("w:sectPr")
    TBL = tag("w:tbl")
    TR = tag("w:tr")
    TC = tag("w:tc")
    R = tag("w:r")
    RPR = tag("w:rPr")
    RSTYLE = tag("w:rStyle")
    B = tag("w:b")
    I = tag("w:i")  # noqa: E741 - Word's own name
    T = tag("w:t")
    BR = tag("w:br")
    TAB = tag("w:tab")
    SOFT_HYPHEN = tag("w:softHyphen")
    VAL = tag("w:val")
    TYPE = tag("w:type")
    SPACE = tag("xml:space")


def sub(parent: Any, clark: str, val: str | None = None) -> Any:
    """Append a child given by Clark name (see W), with an optional w:val."""
    el = etree.SubElement(parent, clark)
    if val is not None:
        el.set(W.VAL, val)
    return el


def front_child(parent: Any, clark: str) -> Any:
    """The child ``clark`` of ``parent``, added as the first child when missing; for
    children the schema puts first (pPr in w:p, pStyle in pPr)."""
    el = parent.find(clark)
    if el is None:
        el = etree.SubElement(parent, clark)
        parent.insert(0, el)
    return el
