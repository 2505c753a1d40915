"""Between the light markup of plan texts (docs/plan-format.md) and a QTextDocument.

markup → document uses app.markup.parse; document → markup walks the blocks
and their formatted fragments. Footnotes are kept as their literal markup
(``^[…]``) so that they survive a round trip unchanged.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat

from app.markup import Block, BlockKind, Footnote, Run, parse

LINE_BREAK = "\u2028"  # Shift+Enter in a QTextEdit: a line break inside a paragraph

_LIST_STYLE = {
    BlockKind.BULLET: (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare),
    BlockKind.NUMBERED: (QTextListFormat.Style.ListDecimal,) * 3,
}


def _run_format(run: Run) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    if run.url:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.url)
        fmt.setFontUnderline(True)
    return fmt


def _runs_markup(runs: tuple[Run, ...]) -> str:
    return "".join(_wrap(r.text, r.bold, r.italic, r.url) for r in runs)


def fill_document(doc: QTextDocument, markup: str) -> None:
    """Replace the document's content with `markup`."""
    doc.clear()
    cursor = QTextCursor(doc)
    open_lists: dict[tuple[BlockKind, int], object] = {}
    paragraph = QTextBlockFormat()
    paragraph.setBottomMargin(6)
    for i, block in enumerate(parse(markup)):
        if i > 0:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if block.kind is BlockKind.PARAGRAPH:
            open_lists.clear()
            cursor.setBlockFormat(paragraph)
        else:
            for key in [k for k in open_lists if k[1] > block.level or (k[1] == block.level and k[0] != block.kind)]:
                del open_lists[key]
            key = (block.kind, block.level)
            if key in open_lists:
                open_lists[key].add(cursor.block())
            else:
                fmt = QTextListFormat()
                fmt.setStyle(_LIST_STYLE[block.kind][block.level])
                fmt.setIndent(block.level + 1)
                if block.kind is BlockKind.NUMBERED and block.number and block.number != 1:
                    fmt.setStart(block.number)
                open_lists[key] = cursor.createList(fmt)
        _insert_inlines(cursor, block)
    doc.setModified(False)


def _insert_inlines(cursor: QTextCursor, block: Block) -> None:
    for item in block.inlines:
        if isinstance(item, Footnote):
            cursor.insertText(f"^[{_runs_markup(item.runs)}]", QTextCharFormat())
        else:
            cursor.insertText(item.text.replace("\n", LINE_BREAK), _run_format(item))


def _wrap(text: str, bold: bool, italic: bool, url: str | None) -> str:
    if not text:
        return ""
    # Markers hug the text: spaces stay outside so the markup parses back the same.
    stripped = text.strip(" ")
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")):]
    inner = stripped
    if italic:
        inner = f"*{inner}*"
    if bold:
        inner = f"**{inner}**"
    if url:
        inner = f"[{inner}]({url})"
    return f"{lead}{inner}{trail}"


def _block_text(block) -> str:
    pieces: list[tuple[str, bool, bool, str | None]] = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            fmt = frag.charFormat()
            key = (fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic(),
                   fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None)
            text = frag.text().replace(LINE_BREAK, "\n")
            if pieces and pieces[-1][1:] == key:
                pieces[-1] = (pieces[-1][0] + text, *key)
            else:
                pieces.append((text, *key))
        it += 1
    return "".join(_wrap(*p) for p in pieces)


def document_markup(doc: QTextDocument) -> str:
    """The document as markup: blocks in order, list items on consecutive lines."""
    out: list[tuple[int | None, int, str]] = []  # (list object or None, level, text)
    block = doc.begin()
    while block.isValid():
        text = _block_text(block)
        lst = block.textList()
        if lst is not None:
            fmt = lst.format()
            level = max(0, min(fmt.indent() - 1, 2))
            if fmt.style() == QTextListFormat.Style.ListDecimal:
                marker = f"{lst.itemNumber(block) + max(fmt.start(), 1)}. "
            else:
                marker = "- "
            out.append((lst.objectIndex(), level, "  " * level + marker + text.replace("\n", " ")))
        elif text.strip():
            out.append((None, 0, text))
        block = block.next()
    result = ""
    for i, (list_id, level, text) in enumerate(out):
        if i:
            prev_id, prev_level, _ = out[i - 1]
            same_list = list_id is not None and prev_id is not None and (
                list_id == prev_id or level > 0 or prev_level > 0)
            result += "\n" if same_list else "\n\n"
        result += text
    return result
