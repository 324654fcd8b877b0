"""Tokens of House-style amendment prose: words, numbers, labels "(a)", quotations “…”, structures, punctuation.

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
    depth = 1
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == OBJECT:
            return Token("quote", text[i + 1 : j].strip(" "), i, j, open_ended=True)
        if straight:
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
    r"(?P<ws>\s+)|(?P<quote>[“\"])|(?P<object>\ufffc)"
    r"|\((?P<label>[0-9]+[A-Z]{0,3}|[a-zA-Z]{1,6}[0-9]{0,2})\)"
    r"|(?P<num>[0-9]+[A-Z]{0,3}\b)|(?P<word>[A-Za-z][A-Za-z’'\-]*)|(?P<close>”)|(?P<other>.)",
    re.S,
)


def tokenize(text: str) -> list[Token]:
    """Split instruction prose into tokens (one master pattern; quotations scanned for balance)."""
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
            tok = _quote(text, i)
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
            raise LexError("closing quotation mark with no opening one", i)
        else:
            ch = text[i]
            tokens.append(Token("punct", "—" if ch in _DASHES else ch, i, i + 1))
            i += 1
    return tokens
