"""Parse amendment prose into a typed address and operation — or an explicit :class:`Unparsed`, never raising."""

from __future__ import annotations

from functools import lru_cache

from lawtrack.amendments.instructions.address import recognise_address
from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.lexer import LexError, Token, tokenize
from lawtrack.amendments.instructions.rules import RULES
from lawtrack.amendments.model import Parsed, Unparsed
from lawtrack.model.provision import Provision


def parse_instruction(text: str, structures: tuple[tuple[Provision, ...], ...] = ()) -> Parsed | Unparsed:
    """Parse one instruction into a typed address and operation, or an :class:`Unparsed` saying why not
    (never raises). ``structures`` are its quoted structures, one per U+FFFC in ``text``.

    >>> import lawtrack
    >>> parsed = lawtrack.parse_instruction("Clause 2, page 3, line 15, leave out “may” and insert “must”")
    >>> str(parsed.address), parsed.operation.op, parsed.lawmaker_type
    ('Clause 2, page 3, line 15', 'leave-out-words', 'substitute')
    >>> unread = lawtrack.parse_instruction("Clause 2, page 3, line 4, transmogrify “may”")
    >>> unread.status, unread.text[unread.position:]
    ('unparsed', 'transmogrify “may”')
    """
    try:
        return _parse(text, structures) if structures else _parse_words(text)
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - pathological input
        return Unparsed(reason=f"instruction too complex to read ({type(exc).__name__})", position=0, text=text)


@lru_cache(maxsize=4096)
def _parse_words(text: str) -> Parsed | Unparsed:
    """An instruction without quoted structures is read by the loader, by ``apply`` and by the renderers of its
    page: read it once (the result is immutable, so sharing it is safe). Instructions with structures are read
    each time, so that what they insert is always the caller's own provisions."""
    return _parse(text, ())


def _parse(text: str, structures: tuple[tuple[Provision, ...], ...]) -> Parsed | Unparsed:
    if not text.strip():
        return Unparsed(reason="the instruction is empty", position=0, text=text)
    try:
        strict: Parsed | Unparsed = _rules(text, tokenize(text), structures)
    except LexError as exc:
        strict = Unparsed(reason=exc.reason, position=exc.position, text=text)
    if isinstance(strict, Parsed) or not any(q in text for q in "“”\""):
        return strict
    # real papers have unbalanced quotation marks: read them as the clerk's text reads, and say so
    try:
        lenient = _rules(text, tokenize(text, lenient=True), structures)
    except LexError:
        return strict
    return lenient if isinstance(lenient, Parsed) else strict


def _rules(text: str, tokens: list[Token], structures: tuple[tuple[Provision, ...], ...]) -> Parsed | Unparsed:
    c = Cursor(tokens, structures, text)
    address = recognise_address(c)
    after_address = c.mark()
    for _name, rule in RULES:
        c.reset(after_address)
        op = rule(c)
        if op is not None and c.trailing():
            notes = tuple(t.note for t in tokens if t.note)
            return Parsed(address=address, operation=op, notes=notes)
    pos = c.tokens[c.best_pos].start if c.best_pos < len(c.tokens) else len(text)
    near = text[pos : pos + 30].strip() or "the end"
    return Unparsed(reason=f"expected {c.best_expected} at “{near}”", position=pos, text=text)
