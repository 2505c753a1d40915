"""Search as you type: the plans' text in an in-memory full-text index (db.text_index).

The index is built from app.search when a file is opened and a plan's entry is
replaced whenever a Change names that plan. A query finds the plans in which
every word typed begins a word, so "prim nav" finds "primärvården som nav".

Case never matters. Å, ä, ö and other accents are ignored for a query written without
them ("overlamning" finds "Överlämning", "orebro" finds "Örebro") or when asked to; a
query written with them finds them as written ("ål" does not find "al"). Hits are ranked
with those in the title or diarienummer first, and each carries the text around its
first match.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from db.text_index import TextIndex

if TYPE_CHECKING:  # app.search is loaded by the first build, which runs after the window shows
    from app.search import PlanText
    from app.workspace import Change, Workspace

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 12


class Hit(NamedTuple):
    plan_id: int
    in_title: bool  # the title or the diarienummer matched


def has_diacritics(text: str) -> bool:
    """Whether `text` has letters with accents (å, ä, ö, é …): then it is searched as written."""
    return any(unicodedata.decomposition(c).split()[1:2] for c in text if c.isalpha() and not c.isascii())


# What an unaccented letter stands for when accents are ignored (unicode61's remove_diacritics 2).
_ACCENTED = {"a": "aåäáàâã", "o": "oöóòôõ", "e": "eéèêë", "u": "uüúùû", "i": "iíìîï", "c": "cç", "n": "nñ",
             "y": "yýÿ"}


def _letters(word: str, fold: bool) -> str:
    """A regular expression for `word` at the start of a word; with `fold`, any accent on its letters."""
    if not fold:
        return re.escape(word)
    out = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c):
            continue
        low = c.lower()
        out.append(f"[{_ACCENTED[low]}]" if low in _ACCENTED else re.escape(c))
    return "".join(out)


class SearchIndex:
    """The index of one open file: made by the first build, closed with the file."""

    def __init__(self) -> None:
        self.text = TextIndex()

    def rebuild(self, ws: Workspace) -> None:
        from app.search import all_plan_texts

        with self.text.batch():
            self.text.clear()
            for text in all_plan_texts(ws):
                self._insert(text)

    def refresh(self, ws: Workspace, change: Change) -> None:
        """Update the entries of the plans a change touched."""
        from app.search import plan_text

        if change.kind == "person":  # a person's name may appear in every plan
            self.rebuild(ws)
            return
        plan_ids = set(change.ids) if change.kind == "plan" else {change.plan_id}
        with self.text.batch():
            for plan_id in {i for i in plan_ids if i is not None}:
                self.text.remove(plan_id)
                text = plan_text(ws, plan_id)
                if text is not None:
                    self._insert(text)

    def _insert(self, text: PlanText) -> None:
        self.text.put(text.plan_id, text.title, text.diarienummer, text.body)

    def search(self, query: str, *, fold: bool | None = None) -> set[int] | None:
        """Ids of the plans matching every word of `query`; None for an empty query (all plans)."""
        hits = self.hits(query, fold=fold)
        return None if hits is None else {h.plan_id for h in hits}

    def hits(self, query: str, *, fold: bool | None = None) -> list[Hit] | None:
        """The plans matching every word of `query`: those whose title or diarienummer matches first
        (best first), then the rest in the order they came; None for an empty query. `fold` ignores
        accents (None: when the query has none). Ranking every hit by relevance would double the cost
        of a keystroke (measured with B4); the title hits are few, so only they are ranked."""
        words = _WORD.findall(query)
        if not words:
            return None
        if fold is None:
            fold = not has_diacritics(query)
        every = self.text.with_all_prefixes(words, fold=fold)
        found = set(every)
        first = [r for r in self.text.in_title(words, fold=fold) if r in found]
        rest = found - set(first)
        return [*(Hit(r, True) for r in first), *(Hit(r, False) for r in every if r in rest)]

    def snippet(self, query: str, plan_id: int, *, fold: bool | None = None) -> str:
        """The text of one plan around the first match of `query`, the matched word in [brackets].

        Found with a regular expression in the stored text (FTS5's own snippet() tokenises the
        whole plan again: about 9 ms for a large one, a third of a keystroke's budget)."""
        words = _WORD.findall(query)
        if not words:
            return ""
        if fold is None:
            fold = not has_diacritics(query)
        texts = self.text.texts(plan_id)
        if texts is None:
            return ""
        title, diarienummer, body = texts
        pattern = re.compile("|".join(rf"(?<!\w){_letters(w, fold)}\w*" for w in words), re.IGNORECASE)
        for text in (body, title, diarienummer):
            m = pattern.search(text)
            if m is not None:
                before = text[max(0, m.start() - 80):m.start()].split()[-SNIPPET_WORDS // 2:]
                after = text[m.end():m.end() + 120].split()[:SNIPPET_WORDS // 2]
                head = "…" if m.start() > 0 and before else ""
                tail = "…" if m.end() + 120 < len(text) or len(after) == SNIPPET_WORDS // 2 else ""
                return " ".join([head + " ".join(before), f"[{m.group(0)}]", " ".join(after) + tail]).strip()
        return ""

    def close(self) -> None:
        self.text.close()
