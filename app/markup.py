"""The light text markup of plan texts (see docs/plan-format.md).

Paragraphs are separated by a blank line; a line starting with ``- `` is a bullet item
and ``1. `` a numbered item (two spaces of indentation per nesting level); inside a
block ``**bold**``, ``*italic*``, ``[text](https://…)`` and ``^[footnote]``. Everything
else is literal text, and a single line break inside a paragraph stays a line break.

The parser turns markup into plain dataclasses that the Word export and the editor
both use. It never fails: anything it does not recognise is text. It runs in linear
time, so a pasted 100 kB text with stray ``*`` or ``[`` is no problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Block", "BlockKind", "Footnote", "Inline", "Run", "parse", "parse_inline", "to_plain_text"]

MAX_LEVEL = 2  # three levels of lists: 0, 1, 2


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting; ``url`` makes it (part of) a link."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


@dataclass(frozen=True)
class Footnote:
    """A footnote anchored where it stands; its text holds runs (links allowed, no footnotes)."""

    runs: tuple[Run, ...]


Inline = Run | Footnote


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item. ``number`` is the number written before a numbered item."""

    kind: BlockKind
    inlines: tuple[Inline, ...] = field(default=())
    level: int = 0
    number: int | None = None

    @property
    def text(self) -> str:
        """The block's visible text without footnotes."""
        return "".join(i.text for i in self.inlines if isinstance(i, Run))


# --- blocks ------------------------------------------------------------------

_BULLET = re.compile(r"( *)- (.*)")
_NUMBERED = re.compile(r"( *)([0-9]{1,9})\. (.*)")


def parse(markup: str | None) -> list[Block]:
    """Split markup into blocks; an empty or blank text gives no blocks."""
    if not markup:
        return []
    text = markup.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    kind: BlockKind | None = None  # the open block, if any
    lines: list[str] = []
    level = 0
    number: int | None = None

    def close() -> None:
        nonlocal kind, lines
        if kind is not None:
            body = "\n".join(lines)
            if kind is not BlockKind.PARAGRAPH or body.strip():
                blocks.append(Block(kind, tuple(parse_inline(body)), level, number))
        kind, lines = None, []

    for line in text.split("\n"):
        if not line.strip():
            close()
            continue
        if m := _BULLET.fullmatch(line):
            close()
            kind, lines = BlockKind.BULLET, [m[2]]
            level, number = min(len(m[1]) // 2, MAX_LEVEL), None
        elif m := _NUMBERED.fullmatch(line):
            close()
            kind, lines = BlockKind.NUMBERED, [m[3]]
            level, number = min(len(m[1]) // 2, MAX_LEVEL), int(m[2])
        elif kind in (BlockKind.BULLET, BlockKind.NUMBERED) and line.startswith(" "):
            lines.append(line.strip())  # an indented line continues the item
        elif kind is BlockKind.PARAGRAPH:
            lines.append(line)
        else:
            close()
            kind, lines, level, number = BlockKind.PARAGRAPH, [line], 0, None
    close()
    return blocks


# --- inline ------------------------------------------------------------------

# A link target: no white space, parentheses only balanced one level deep.
_URL = re.compile(r"\(((?:[^\s()]|\([^\s()]*\))+)\)")
# Characters that may start markup; the text between them is taken in one piece.
_MAY_START = re.compile(r"[*\[^]")
_BRACKET = re.compile(r"[\[\]]")


def _bracket_pairs(s: str) -> dict[int, int]:
    """Position of each '[' that has a matching ']' → that ']' (one linear pass)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKET.finditer(s):
        if m[0] == "[":
            stack.append(m.start())
        elif stack:
            pairs[stack.pop()] = m.start()
    return pairs


@dataclass
class _Delim:
    mark: str  # "**" or "*"
    can_open: bool
    can_close: bool
    role: str = ""  # "open" or "close" once paired with a partner; "" stays literal


@dataclass
class _Link:
    tokens: list  # tokens of the link text
    url: str


def _tokenize(s: str, *, links: bool, footnotes: bool) -> list:
    """Text pieces (str), delimiters, links and footnotes, in order."""
    pairs = _bracket_pairs(s) if "[" in s else {}
    tokens: list = []
    buf: list[str] = []
    i, n = 0, len(s)

    def flush() -> None:
        if buf:
            tokens.append("".join(buf))
            buf.clear()

    while i < n:
        ch = s[i]
        if ch == "^" and footnotes and i + 1 < n and s[i + 1] == "[" and (i + 1) in pairs:
            close = pairs[i + 1]
            flush()
            tokens.append(Footnote(tuple(parse_inline(s[i + 2 : close], footnotes=False))))
            i = close + 1
        elif ch == "[" and links and i in pairs and (m := _URL.match(s, pairs[i] + 1)):
            close = pairs[i]
            flush()
            tokens.append(_Link(_tokenize(s[i + 1 : close], links=False, footnotes=False), m[1]))
            i = m.end()
        elif ch == "*":
            j = i
            while j < n and s[j] == "*":
                j += 1
            count = j - i
            before = s[i - 1] if i > 0 else " "
            after = s[j] if j < n else " "
            can_open, can_close = not after.isspace(), not before.isspace()
            if count > 3:
                buf.append(s[i:j])  # a row of stars is a line, not formatting
            else:
                flush()
                marks = {1: ["*"], 2: ["**"], 3: ["**", "*"]}[count]
                if count == 3 and can_close and not can_open:
                    marks = ["*", "**"]
                tokens.extend(_Delim(mk, can_open, can_close) for mk in marks)
            i = j
        else:
            special = _MAY_START.search(s, i + 1)
            j = special.start() if special else n
            buf.append(s[i:j])
            i = j
    flush()
    _pair(tokens)
    return tokens


def _pair(tokens: list) -> None:
    """Pair '*' with '*' and '**' with '**'; crossed or lone marks stay literal."""
    stack: list[_Delim] = []
    for tok in tokens:
        if not isinstance(tok, _Delim):
            continue
        if tok.can_close:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k].mark == tok.mark:
                    stack[k].role, tok.role = "open", "close"
                    del stack[k:]  # marks opened inside and never closed stay literal
                    break
            if tok.role:
                continue
        if tok.can_open:
            stack.append(tok)


def _runs(tokens: list, depth: dict[str, int], url: str | None, out: list[Inline]) -> None:
    """Turn tokens into runs; ``depth`` counts the open '**' and '*' marks."""
    for tok in tokens:
        if isinstance(tok, str):
            _append(out, Run(tok, depth["**"] > 0, depth["*"] > 0, url))
        elif isinstance(tok, _Delim):
            if not tok.role:
                _append(out, Run(tok.mark, depth["**"] > 0, depth["*"] > 0, url))
            else:
                depth[tok.mark] += 1 if tok.role == "open" else -1
        elif isinstance(tok, _Link):
            _runs(tok.tokens, depth, tok.url, out)
        else:
            out.append(tok)


def _append(out: list[Inline], run: Run) -> None:
    """Add a run, merging it with the previous one when the formatting is the same."""
    if not run.text:
        return
    prev = out[-1] if out else None
    if isinstance(prev, Run) and (prev.bold, prev.italic, prev.url) == (run.bold, run.italic, run.url):
        out[-1] = Run(prev.text + run.text, run.bold, run.italic, run.url)
    else:
        out.append(run)


def parse_inline(text: str, *, footnotes: bool = True) -> list[Inline]:
    """Runs and footnotes of one block's text (line breaks stay as "\\n")."""
    if not text:
        return []
    out: list[Inline] = []
    _runs(_tokenize(text, links=True, footnotes=footnotes), {"**": 0, "*": 0}, None, out)
    return out


# --- plain text --------------------------------------------------------------


def to_plain_text(markup: str | None) -> str:
    """The text without markup: bullets as "• ", numbers kept, links as their text,
    footnotes as [1], [2] … with their texts after a blank line at the end."""
    notes: list[str] = []
    text = ""
    previous: Block | None = None
    for block in parse(markup):
        parts = []
        for item in block.inlines:
            if isinstance(item, Footnote):
                notes.append("".join(r.text for r in item.runs))
                parts.append(f"[{len(notes)}]")
            else:
                parts.append(item.text)
        body = "".join(parts)
        indent = "  " * block.level
        if block.kind is BlockKind.BULLET:
            body = f"{indent}• {body}"
        elif block.kind is BlockKind.NUMBERED:
            body = f"{indent}{block.number}. {body}"
        if previous is not None:
            # Items of one list stay on consecutive lines; other blocks get a blank line between.
            in_list = BlockKind.PARAGRAPH not in (block.kind, previous.kind)
            text += "\n" if in_list else "\n\n"
        text += body
        previous = block
    if notes:
        text += "\n\n" + "\n".join(f"[{k}] {note}" for k, note in enumerate(notes, 1))
    return text
