"""Read a drafted instruction back the way ``apply()`` will: against the old print (pure).

The drafter proposes quotations; the :class:`Checker` says where ``apply()`` would find them — the same address
resolution, the same word search, over the same print — so an amendment is only emitted when it acts exactly
where it was meant to, and "where it second occurs" is counted as ``apply()`` counts.
"""

from __future__ import annotations

from lxml import etree

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Amendment, InsertWords, LeaveOutWords, Parsed
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.plan import Session
from lawtrack.amendments.planners import PLANNERS
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Provision


class Checker:
    """Address resolution and word search over ``old``, as one ``apply()`` would do them."""

    def __init__(self, old: Bill) -> None:
        self.old = old
        self.session = Session(old)
        self.resolve = self.session.resolve
        self._offsets: dict[tuple[str, str], int] = {}
        #: The long title as ``apply()`` reads it (its offsets are the ones "Title, …" amendments use).
        self.title: Provision | None = self.resolve.title_unit()

    def offset(self, top: Provision, p: Provision) -> int | None:
        """Where ``p``'s text starts in ``top``'s (the text an address resolves in), or None."""
        if p is top or (p.eid is not None and p.eid == top.eid):
            return 0
        key = (top.eid or "", p.eid or "")
        if key not in self._offsets:
            try:
                top_el = self.resolve.element(top)
                span = self.resolve.span_of(top_el, self.resolve.element(p))
            except Failure:
                return None
            if top.text[span.start : span.start + len(p.text)] != p.text:
                return None
            self._offsets[key] = span.start
        return self._offsets[key]

    def failure(self, amendment: Amendment) -> str | None:
        """Why ``apply()`` would not apply ``amendment`` to the old print (its planner's failure), or None."""
        parsed = parse_instruction(amendment.instruction, amendment.inserted)
        if not isinstance(parsed, Parsed):
            return parsed.reason
        mark = self.session.checkpoint()
        try:
            PLANNERS[type(parsed.operation)](self.session, amendment, parsed, parsed.operation)
        except Failure as exc:
            return f"{exc.status}: {exc.detail}"
        finally:
            self.session.rollback(mark)
        return None

    def hits(self, instruction: str) -> tuple[Provision, list[tuple[int, int]]] | None:
        """The provision the instruction's address resolves to and every place its quoted words are found there
        (offsets in that provision's text) — or None when the address does not resolve."""
        parsed = parse_instruction(instruction)
        if not isinstance(parsed, Parsed):
            return None
        op = parsed.operation
        if isinstance(op, LeaveOutWords):
            words = op.words
        elif isinstance(op, InsertWords) and op.anchor:
            words = op.anchor
        else:
            return None
        try:
            top, _el, lo, hi, _note = self.resolve.scope(parsed)
            return top, self.resolve.find(top.text, words, lo, hi, top)
        except (Failure, etree.XPathError):
            return None
