"""A cursor over instruction tokens with the small vocabulary the recognisers share."""

from __future__ import annotations

from lawtrack.amendments.instructions.lexer import Token
from lawtrack.amendments.model import Insertion
from lawtrack.model.provision import Provision


class Cursor:
    """Position in a token list; recognisers advance it on success and :meth:`reset` it on failure.

    ``structures`` are the quoted structures of the instruction, consumed in order by ``object`` tokens.
    The furthest point any recogniser reached, and what it expected there, makes the error message.
    """

    def __init__(self, tokens: list[Token], structures: tuple[tuple[Provision, ...], ...], text: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.structures = structures
        self.next_structure = 0
        self.text = text
        self.best_pos = 0
        self.best_expected = "an instruction"

    # -- state --------------------------------------------------------------------------------------------------
    def mark(self) -> tuple[int, int]:
        return self.pos, self.next_structure

    def reset(self, mark: tuple[int, int]) -> None:
        self.pos, self.next_structure = mark

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def peek(self, ahead: int = 0) -> Token | None:
        i = self.pos + ahead
        return self.tokens[i] if i < len(self.tokens) else None

    def expected(self, what: str) -> None:
        """Record that ``what`` was expected here (kept if this is the furthest point reached)."""
        if self.pos >= self.best_pos:
            if self.pos > self.best_pos:
                self.best_expected = what
            elif what not in self.best_expected:
                self.best_expected = f"{self.best_expected} or {what}"
            self.best_pos = self.pos

    # -- vocabulary ---------------------------------------------------------------------------------------------
    def word(self, *choices: str) -> str | None:
        """Accept one word from ``choices`` (case-insensitive, "sub-paragraph" counts as one word)."""
        pos = self.pos
        if pos < len(self.tokens):
            tok = self.tokens[pos]
            if tok.kind == "word":
                lower = tok.text.lower()
                if lower in choices:
                    self.pos = pos + 1
                    return lower
        if pos >= self.best_pos:  # only the furthest point reached is reported: build its words only then
            self.expected(" / ".join(f"'{c}'" for c in choices))
        return None

    def words(self, phrase: str) -> bool:
        """Accept a whole phrase of words ("the following Clause")."""
        mark = self.mark()
        for w in phrase.lower().split():
            if self.word(w) is None:
                self.reset(mark)
                return False
        return True

    def num(self) -> str | None:
        tok = self.peek()
        if tok is not None and tok.kind == "num":
            self.pos += 1
            return tok.text
        self.expected("a number")
        return None

    def int_(self) -> int | None:
        """A page or line number (at most 6 digits: no print has a million pages)."""
        tok = self.peek()
        if tok is not None and tok.kind == "num" and tok.text.isdigit() and len(tok.text) <= 6:
            self.pos += 1
            return int(tok.text)
        self.expected("a number")
        return None

    def label(self) -> str | None:
        tok = self.peek()
        if tok is not None and tok.kind == "label":
            self.pos += 1
            return tok.text
        self.expected("a label such as (a) or (3)")
        return None

    def punct(self, *choices: str) -> str | None:
        tok = self.peek()
        if tok is not None and tok.kind == "punct" and tok.text in choices:
            self.pos += 1
            return tok.text
        self.expected(" or ".join(f"'{c}'" for c in choices))
        return None

    def comma(self) -> None:
        """Optional comma (House style has one; drafts often forget it)."""
        self.punct(",")

    def quote(self, *, allow_open: bool = False) -> Token | None:
        tok = self.peek()
        if tok is not None and tok.kind == "quote" and (allow_open or not tok.open_ended):
            self.pos += 1
            return tok
        self.expected("quoted words “…”")
        return None

    def structure(self) -> tuple[Provision, ...] | None:
        tok = self.peek()
        if tok is not None and tok.kind == "object":
            self.pos += 1
            if self.next_structure < len(self.structures):
                found = self.structures[self.next_structure]
                self.next_structure += 1
                return found
            return ()
        self.expected("a quoted structure")
        return None

    def insertion(self) -> Insertion | None:
        """What follows "insert": “words”, —structure(s), or “words running into a structure."""
        mark = self.mark()
        tok = self.quote(allow_open=True)
        if tok is not None:
            if not tok.open_ended:
                return Insertion(words=tok.text)
            parts: list[Provision] = []
            while (found := self.structure()) is not None:
                parts.extend(found)
            return Insertion(words=tok.text, structure=tuple(parts))
        self.reset(mark)
        self.punct("—", ":")
        parts = []
        while (found := self.structure()) is not None:
            parts.extend(found)
            self.punct(",", ";")
        if self.pos > mark[0]:
            return Insertion(structure=tuple(parts))
        self.reset(mark)
        self.expected("what to insert: “words” or —followed by text")
        return None

    def trailing(self) -> bool:
        """Only closing punctuation left."""
        while not self.at_end():
            tok = self.peek()
            if tok is not None and tok.kind == "punct" and tok.text in ".;,":
                self.pos += 1
                continue
            self.expected("the end of the instruction")
            return False
        return True
