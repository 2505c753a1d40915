"""The XML of an MS Project file read safely, and the plain values in its elements.

Parsed without a DTD, entities or network (a file with a DOCTYPE is refused: MSPDI has none, and that
is where XML bombs and external entities live), at most MAX_BYTES; elements are read by their local
names (the file's default namespace taken off), values forgivingly (a value that does not read is
as if it were not there).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.mspdi import NS
from app.planfile.read import PlanFileError

MAX_BYTES = 100 * 1024 * 1024
MAX_SHOWN = 8  # names listed in one line of the summary before "och N till"

_UUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")


def shown_names(names: list[str], *, quoted: bool = True) -> str:
    """The first MAX_SHOWN of `names` for a line of the summary, and how many more there are."""
    shown = ", ".join(f"”{n}”" if quoted else n for n in names[:MAX_SHOWN])
    return shown + (tr(" och {count} till", count=len(names) - MAX_SHOWN) if len(names) > MAX_SHOWN else "")


def refuse(path: Path, why: str) -> PlanFileError:
    return PlanFileError(tr("Filen ”{name}” kan inte läsas som MS Project-XML: {why}", name=path.name, why=why))


_DEFAULT_NS = f' xmlns="{NS}"'.encode()


def parse_xml(path: Path) -> Any:
    """The file's root element, parsed without DTD, entities or network; PlanFileError in Swedish otherwise."""
    from lxml import etree

    try:
        if path.stat().st_size > MAX_BYTES:
            raise refuse(path, tr("den är större än {size} MB.", size=MAX_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(tr("Filen ”{path}” finns inte.", path=path)) from None
    except OSError as exc:
        raise PlanFileError(tr("Filen ”{name}” kan inte läsas: {why}.", name=path.name, why=exc.strerror)) from None
    if len(data) > MAX_BYTES:
        raise refuse(path, tr("den är större än {size} MB.", size=MAX_BYTES // (1024 * 1024)))
    if not data or data.isspace():  # (not data.strip(), without a copy of the whole file)
        raise refuse(path, tr("den är tom."))
    if _declares(data):
        raise refuse(path, tr("den innehåller en DOCTYPE- eller ENTITY-deklaration, vilket MS Project-filer "
                              "aldrig har (så ser XML-bomber och externa entiteter ut). Inget importerades."))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True, collect_ids=False)
    # MSPDI's default namespace, declared once on the root, is taken off before parsing: every element's
    # name is then its plain local name (about half of reading a file is asking each element its name).
    head = data[:512]
    at = head.find(_DEFAULT_NS)
    if at > 0 and head.rfind(b"<", 0, at) == head.find(b"<Project"):
        data = data[:at] + data[at + len(_DEFAULT_NS):]
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        ended = data.rstrip().endswith(b"</Project>") or data.rstrip(b"\x00 \r\n\t").endswith(
            "</Project>".encode("utf-16-le"))
        raise refuse(path, _syntax_text(str(exc), exc.lineno, ended)) from None
    except ValueError as exc:  # e.g. an encoding declaration lxml does not know
        raise refuse(path, tr("teckenkodningen stämmer inte ({why}).", why=exc)) from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise refuse(path, tr("den innehåller en DOCTYPE-deklaration. Inget importerades."))
    name = etree.QName(root)
    if name.localname != "Project" or name.namespace not in (NS, None):
        raise refuse(path, tr("det är ingen MS Project-XML (MSPDI): rotelementet ska vara <Project> "
                              "i namnrymden {ns}. Spara filen som ”XML-format” i MS Project.", ns=NS))
    return root


def _declares(data: bytes) -> bool:
    """Whether `data` holds "<!DOCTYPE" or "<!ENTITY" in UTF-8 or UTF-16 (either byte order). A file
    without "!" (in UTF-8) or without a NUL byte (UTF-16) cannot, which the usual file is told by one quick
    scan each instead of six full searches: a single byte is looked for many bytes at a time, while a search
    for "<!" stops at every "<", of which XML has one every few bytes."""
    if b"!" in data and b"<!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
        return True
    if b"\x00" not in data:
        return False
    return any("<!DOCTYPE".encode(e) in data or "<!ENTITY".encode(e) in data for e in ("utf-16-le", "utf-16-be"))


def _syntax_text(message: str, line: int | None, ended: bool) -> str:
    where = tr(" (rad {line})", line=line) if line else ""
    low = message.lower()
    if "start tag expected" in low:  # no element at all: text, JSON, or the binary .mpp picked by mistake
        return tr("det är ingen XML-fil (en .mpp-fil från MS Project kan inte läsas direkt). Spara projektet "
                  "som ”XML-format” i MS Project och välj den filen.")
    if "encoding" in low or "utf-8" in low or "char" in low and "range" in low:
        return tr("teckenkodningen stämmer inte med filens innehåll{where}; spara den som UTF-8 "
                  "(MS Project gör det med ”XML-format”).", where=where)
    if not ended or "premature end" in low or "end of data" in low:
        return tr("den tar slut mitt i{where}; filen verkar avkortad. Spara eller hämta den igen.", where=where)
    if "entity" in low:
        return tr("den innehåller en entitet som inte tillåts{where}.", where=where)
    return tr("den är inte giltig XML{where}: {message}", where=where, message=message)


def element_fields(element: Any, ns: str) -> tuple[dict[str, str], list[Any], list[tuple[str, str]]]:
    """An element's simple children by local name (an element with children of its own gives its
    text, usually empty), its PredecessorLink elements and its (FieldID, Value) extended attributes."""
    cut = len(ns)
    link, extended_tag, field_id, value_tag = f"{ns}PredecessorLink", f"{ns}ExtendedAttribute", f"{ns}FieldID", f"{ns}Value"
    simple: dict[str, str] = {}
    links: list[Any] = []
    extended: list[tuple[str, str]] = []
    for child in element:
        tag = child.tag
        if tag == extended_tag:
            if len(child) == 2 and (first := child[0]).tag == field_id and (second := child[1]).tag == value_tag:
                extended.append(((first.text or "").strip(), second.text or ""))  # as MS Project writes it
                continue
            fid = value = ""
            for c in child:
                part = c.tag
                if part == field_id:
                    fid = c.text or ""
                elif part == value_tag:
                    value = c.text or ""
            extended.append((fid.strip(), value))
        elif tag == link:
            links.append(child)
        else:  # comments and processing instructions are not parsed, entities refused before
            simple[tag[cut:] if cut else tag] = child.text or ""
    return simple, links, extended


def child_texts(element: Any, cut: int) -> dict[str, str]:
    """An element's children by local name (with no children of their own: a predecessor link, an assignment)."""
    if cut:
        return {c.tag[cut:]: c.text or "" for c in element}
    return {c.tag: c.text or "" for c in element}


@lru_cache(maxsize=8192)
def day_of(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def number_of(text: str | None, default: float = 0.0) -> float:
    try:
        value = float(text) if text not in (None, "") else default
    except ValueError:
        return default
    return value if value == value and abs(value) < 1e15 else default  # not NaN, not absurd


@lru_cache(maxsize=1024)
def duration_minutes(text: str | None) -> float | None:
    """An xsd duration such as PT80H0M0S as minutes; None if there is none."""
    if not text:
        return None
    m = re.fullmatch(r"-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                     r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?", text.strip())
    if m is None:
        return None
    y, mo, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return ((y * 365 + mo * 30 + d) * 24 + h) * 60 + mi + s / 60


_PLAIN_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def uuid_of(text: str | None) -> str | None:
    if text and len(text) == 36 and _PLAIN_UUID.fullmatch(text):  # as MS Project and Uppdrag write a GUID
        return text.lower()
    m = _UUID.match((text or "").strip())
    return m.group(1).lower() if m else None


def exact_day(day: date | None) -> str | None:
    """A day as the plan file writes it; None for none or one outside 1900–2200."""
    if day is None or not 1900 <= day.year <= 2200:
        return None
    return day.isoformat()
