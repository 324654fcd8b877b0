"""Tokens of House-style amendment prose: words, numbers, labels "(a)", quotations “…”, structures, punctuation.
(The Scottish Parliament's quotations are in angle brackets, <…>, and are read the same way.)

Quotations nest (“and “processing” have”) and may open into a quoted structure (insert “, and␣) where the
closing quote belongs to the structure. U+FFFC stands for each quoted structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lawtrack.amendments.model import OBJECT

Kind = Literal["word", "num", "label", "quote", "object", "punct"]

_DASHES = "—–-"
OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"


@dataclass(frozen=True, slots=True)
class Token:
    kind: Kind
    text: str  # the token's value (a quotation's inner words; a word as written)
    start: int
    end: int
    #: For quotations: True when the quotation runs on into a quoted structure (no closing quote in prose).
    open_ended: bool = False
    #: For quotations read leniently: how their unbalanced quotation marks were read.
    note: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


class LexError(Exception):
    def __init__(self, reason: str, position: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.position = position


def _quote(text: str, i: int) -> Token:
    opener = text[i]
    straight = opener == '"'
    angled = opener == "<"  # the Scottish Parliament quotes words in angle brackets: leave out <may>
    depth = 1
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == OBJECT:
            return Token("quote", text[i + 1 : j].strip(" "), i, j, open_ended=True)
        if angled:
            if ch == "<":
                depth += 1
            elif ch == ">":
                depth -= 1
                if depth == 0:
                    return Token("quote", text[i + 1 : j], i, j + 1)
        elif straight:
            if ch == '"':
                return Token("quote", text[i + 1 : j], i, j + 1)
        elif ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth -= 1
            if depth == 0:
                return Token("quote", text[i + 1 : j], i, j + 1)
        j += 1
    raise LexError("quotation opened here is never closed", i)


_TOKEN = re.compile(
    r"(?P<ws>\s+)|(?P<quote>[“\"<])|(?P<object>\ufffc)"
    r"|\((?P<label>[0-9]+[A-Z]{0,3}|[a-zA-Z]{1,6}[0-9]{0,2})\)"
    r"|(?P<num>[0-9]+[A-Z]{0,3}\b)|(?P<word>[A-Za-z][A-Za-z’'\-]*)|(?P<close>”)|(?P<other>.)",
    re.S,
)


#: What may follow a quotation in an instruction: the next instruction word, punctuation, or the end.
_FOLLOWER = re.compile(r"\s*(?:and\s+insert\b|insert\b|and\b|in\s+each\b|in\s+both\b|wherever\b|where\b|"
                       r"in\s+line\b|on\s+line\b|in\s+the\b|to\b|[—–,;.]|\ufffc|$|"
                       # an Act's amending provisions: for “x” substitute, “x” is repealed, the “or” at the end
                       r"substitute\b|is\b|are\b|immediately\b|at\s+the\b|there\b)", re.I)
#: Inside a quotation that never closed: where the next part of the instruction evidently begins.
_RUNS_ON = re.compile(r"\s+(?:and\s+)?insert\s+(?=[“\"])|\s+(?:and\s+)?insert\s*[—–-]\s*$", re.I)


def _quote_lenient(text: str, i: int) -> Token:
    """A quotation whose marks do not balance, read as a clerk reads it: from its opening mark to the closing
    mark that the rest of the instruction follows ("after “decision”” insert" quotes ``decision”``; in "leave out
    “(the electricity code”) and insert" the bracket belongs to the quoted words; an unclosed quotation ends where
    "and insert “" begins)."""
    for j in range(i + 1, len(text)):
        ch = text[j]
        if ch == OBJECT:
            inner = text[i + 1 : j]
            return Token("quote", inner.strip(" "), i, j, open_ended=True,
                         note=f"the quotation at character {i + 1} runs into the inserted text")
        if ch not in CLOSE_QUOTES + '"':
            continue
        inner, end = text[i + 1 : j], j + 1
        if text[end : end + 1] == ")" and inner.count("(") > inner.count(")"):
            inner, end = inner + ch + ")", end + 1  # “(the electricity code”): the bracket is quoted too
        cut = _RUNS_ON.search(inner)
        if cut is not None:  # never closed: the words stop where the instruction goes on
            return Token("quote", inner[: cut.start()].strip(), i, i + 1 + cut.start(),
                         note=f"the quotation at character {i + 1} is not closed; read as “{inner[: cut.start()]}”")
        if _FOLLOWER.match(text, end):
            return Token("quote", inner, i, end, note=f"the quotation marks at character {i + 1} do not balance; "
                                                      f"read as “{inner}”")
    raise LexError("quotation opened here is never closed", i)


def tokenize(text: str, *, lenient: bool = False) -> list[Token]:
    """Split instruction prose into tokens (one master pattern; quotations scanned for balance). With
    ``lenient``, unbalanced quotation marks are read as a clerk reads them (each such token carries a note)."""
    tokens: list[Token] = []
    i = 0
    n = len(text)
    match = _TOKEN.match
    while i < n:
        m = match(text, i)
        if m is None:  # pragma: no cover - "other" matches any character
            raise LexError("unreadable character", i)
        kind = m.lastgroup
        if kind == "ws":
            i = m.end()
        elif kind == "quote":
            try:
                tok = _quote(text, i)
                if lenient and not tok.open_ended and not _FOLLOWER.match(text, tok.end):
                    raise LexError("the quotation is followed by something no instruction has", i)
            except LexError:
                if not lenient:
                    raise
                tok = _quote_lenient(text, i)
            tokens.append(tok)
            i = tok.end
        elif kind == "object":
            tokens.append(Token("object", OBJECT, i, i + 1))
            i += 1
        elif kind == "label":
            tokens.append(Token("label", m.group("label"), i, m.end()))
            i = m.end()
        elif kind == "num":
            tokens.append(Token("num", m.group(0), i, m.end()))
            i = m.end()
        elif kind == "word":
            word = m.group(0).rstrip("-–")
            tokens.append(Token("word", word, i, i + len(word)))
            i += len(word)
        elif kind == "close":
            if not lenient:
                raise LexError("closing quotation mark with no opening one", i)
            tok = _quote_lenient(text, i)  # a closing mark where a quotation opens: read it as an opening one
            tokens.append(Token(tok.kind, tok.text, tok.start, tok.end, tok.open_ended,
                                note=f"a closing quotation mark opens the quotation at character {i + 1}"))
            i = tok.end
        else:
            ch = text[i]
            tokens.append(Token("punct", "—" if ch in _DASHES else ch, i, i + 1))
            i += 1
    return tokens
