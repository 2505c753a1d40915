"""Is a text shown by the program in the other language? Swedish in English mode is found by its letters
(å, ä, ö) and by its commonest words that have none of them; English in Swedish mode by its commonest
words, most of them the ones Qt's own dialogs and buttons use. Words both languages write alike (plan,
risk, status, budget, start, version, server, data, export, format, team, metadata) are in neither list.

A few names are allowed in either mode: the program's name, products and formats, and each language's
own name in the language menu (a menu of languages names each language in itself).
"""

from __future__ import annotations

import re

# Swedish words without å, ä or ö (those letters alone give Swedish away), lower case.
SWEDISH_WORDS = (
    "och", "eller", "inte", "att", "med", "till", "som", "av", "om", "den", "det", "ett", "ingen", "inga",
    "inget", "alla", "allt", "har", "kan", "ska", "finns", "gick", "utan", "mot", "efter", "vid", "sedan",
    "ny", "nytt", "nya", "visa", "ta bort", "filen", "filer", "fil", "planen", "planer", "planens", "mall",
    "mallen", "sida", "sidan", "sidor", "spara", "avbryt", "ja", "nej", "skriv", "skapa", "kopiera", "klistra",
    "arkiv", "redigera", "tidplan", "tidslinje", "tidslinjen", "risker", "avsnitt", "beslut", "resursplan",
    "sammanslagning", "kopia", "kopian", "sammanfattning", "titel", "rubrik", "namn", "typ", "uppgift",
    "direktiv", "ansvarig", "kolumn", "rad", "rader", "tabell", "lista", "fel", "varning", "klar", "klart",
    "datum", "dag", "dagar", "vecka", "veckor", "januari", "februari", "mars", "maj", "juni", "juli", "augusti",
    "oktober", "tisdag", "onsdag", "torsdag", "fredag", "idag", "utfall", "mallar", "poster",
    "punkt", "punkter", "milstolpe", "milstolpar", "fas", "faser", "aktivitet", "aktiviteter", "beroende",
    "beroenden", "kostnad", "kostnader", "ansvar", "roll", "roller", "resurs", "resurser", "ordlista",
    "referenser", "logg", "inloggning", "anslut", "ansluten", "synka", "synkad", "lokal", "lokala", "delad",
    "delade", "diarienummer", "bilaga", "bilagor", "utskrift", "skriv ut", "inkl", "bakgrund", "syfte",
    "ange", "anges", "saknas", "senast", "senaste", "tillbaka", "vald", "valda", "ut",
)
# English words Swedish mode must not show, lower case.
ENGLISH_WORDS = (
    "the", "and", "of", "to", "is", "are", "with", "from", "for", "not", "this", "that", "these", "there",
    "file", "files", "open", "save", "cancel", "close", "yes", "no", "delete", "print", "look in", "zoom",
    "today", "settings", "help", "edit", "view", "new", "name", "size", "date modified", "back", "forward",
    "detail view", "list view", "create new folder", "all files", "directory", "folder", "apply", "reset",
    "discard", "abort", "retry", "ignore", "select", "show", "hide", "remove", "add", "undo", "redo", "find",
    "search", "page", "next", "previous", "week", "weeks", "month", "year", "january", "february", "march",
    "june", "july", "august", "october", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "item", "items", "click", "unknown", "none", "loading", "ready", "error", "warning",
    "please", "could", "would", "cannot", "failed", "schedule", "timeline", "risk register", "goals", "sections",
    "decision", "decisions", "edition", "owner", "title", "description", "yesterday", "tomorrow", "copy",
    "paste", "cut", "quit", "exit", "about", "overview", "preview", "choose", "import", "merge", "conflict",
    "sync", "checkout", "local", "shared", "password", "user", "connect", "connected",
    "history", "changed", "added", "removed", "restore", "backup", "template", "templates",
)
# Names either mode may show: the program, products and formats, and the languages in the language menu.
ALLOWED = ("Uppdrag", "Microsoft Word", "Word", "Excel", "LibreOffice", "PDF", "MS Project", "PostgreSQL",
           "SQLite", "Qt", "Svenska", "English", "iCalendar")


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])({alternatives})(?![\w'’-])", re.IGNORECASE)


_SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
_SWEDISH_WORDS = _words(SWEDISH_WORDS)
_ENGLISH_WORDS = _words(ENGLISH_WORDS)
_ALLOWED = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(ALLOWED, key=len, reverse=True)) + r")\b")


def _without_names(text: str) -> str:
    """The text as read: no markup, no mnemonic ampersands, no allowed names."""
    text = re.sub(r"<[^>]*>", " ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return _ALLOWED.sub(" ", text)


def swedish_in(text: str) -> list[str]:
    """What in `text` is Swedish: its letters' words and the Swedish words of the list."""
    text = _without_names(text)
    found = [m.group(0) for m in re.finditer(r"\w*[åäöÅÄÖ]\w*", text)]
    return found + [m.group(0) for m in _SWEDISH_WORDS.finditer(text)]


def english_in(text: str) -> list[str]:
    """What in `text` is English, by the words of the list."""
    return [m.group(0) for m in _ENGLISH_WORDS.finditer(_without_names(text))]


def wrong_in(text: str, language: str) -> list[str]:
    """The other language's words in a text shown in `language` ("sv" or "en")."""
    return english_in(text) if language == "sv" else swedish_in(text)


class _Finder:
    """A stand-in for a compiled pattern (`.search(text)`), for the checks written that way."""

    def __init__(self, find) -> None:
        self.find = find

    def search(self, text: str) -> list[str] | None:
        return self.find(text) or None


SWEDISH = _Finder(swedish_in)
ENGLISH = _Finder(english_in)
