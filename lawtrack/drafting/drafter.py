"""Write the amendments that turn one version of a bill into another, in House style.

Provisions are aligned (by GUID, then number, then similarity, as for ``compare``); a clause that is new
becomes a new-clause amendment, one that went becomes "leave out Clause N", and within a clause that changed
the drafter works down the provision tree: whole subsections or paragraphs added or left out are inserted or left
out as structure, and changed words become word-level instructions on the printed line where they stand
("leave out “may” and insert “must”", "after “x” insert “y”"), quoting enough words to be unique on the line.
Every instruction is parsed back before it is returned; one that would not parse back to the same operation is
reported instead of emitted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.locate import find_words
from lawtrack.amendments.model import OBJECT, Amendment, Parsed
from lawtrack.diff.compare import align, body, units
from lawtrack.diff.renumber import Renumbering
from lawtrack.diff.words import word_diff
from lawtrack.formats.akn import NSMAP, akn
from lawtrack.formats.lawmaker import provisions_of
from lawtrack.model.bill import Bill
from lawtrack.model.provision import GROUPING_KINDS, Kind, LineSpan, Provision

House = Literal["commons", "lords"]
_KIND_WORD = {Kind.SUBSECTION: "subsection", Kind.PARAGRAPH: "paragraph", Kind.SUBPARAGRAPH: "sub-paragraph",
              Kind.SUBSUBPARAGRAPH: "sub-paragraph"}
_MAX_QUOTE = 400


@dataclass
class DraftResult:
    """Drafted amendments, and notes on what could not be drafted (see :func:`draft_with_notes`).

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> lawtrack.draft_with_notes(bill, bill)
    DraftResult(amendments=[], notes=[])
    """

    amendments: list[Amendment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Ctx:
    old: Bill
    new: Bill
    house: House
    out: DraftResult
    numbers: Renumbering
    count: int = 0

    def emit(self, instruction: str, structures: tuple[etree._Element, ...] = ()) -> None:
        blobs = (_blob(structures, self.numbers.to_old),) if structures else ()  # one quoted structure
        provisions = tuple(provisions_of(etree.fromstring(b)) for b in blobs)
        text = instruction + (OBJECT if structures else "")
        parsed = parse_instruction(text, provisions)
        if not isinstance(parsed, Parsed):
            self.out.notes.append(f"not emitted (does not parse back: {parsed.reason}): {instruction}")
            return
        self.count += 1
        self.out.amendments.append(Amendment(number=str(self.count), instruction=text, inserted=provisions,
                                             inserted_xml=blobs, type=parsed.lawmaker_type,
                                             house="House of Lords" if self.house == "lords" else "House of Commons",
                                             bill_title=self.old.metadata.short_title,
                                             bill_version=self.old.metadata.stage_version,
                                             bill_number=self.old.metadata.number,
                                             heading=provisions[0][0].heading if provisions and provisions[0]
                                             else None))


def _blob(elements: tuple[etree._Element, ...], to_old: Callable[[str], str]) -> bytes:
    """Provisions of the new print as the one quoted structure an amendment inserts, their cross-references to
    the bill's own provisions put in the old print's terms (see :class:`~lawtrack.diff.renumber.Renumbering`)."""
    from copy import deepcopy

    qs = etree.Element(akn("quotedStructure"), nsmap=NSMAP,  # type: ignore[arg-type]
                       attrib={"startQuote": "“", "endQuote": "”"})
    for el in elements:
        copy = deepcopy(el)
        copy.tail = None
        for node in copy.iter():
            if node.text:
                node.text = to_old(node.text)
            if node.tail and node is not copy:
                node.tail = to_old(node.tail)
        qs.append(copy)
    return etree.tostring(qs, encoding="UTF-8")


def _element(bill: Bill, p: Provision) -> etree._Element:
    found = bill.tree().xpath("//*[@eId=$e]", e=p.eid) if p.eid else []
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        raise KeyError(p.eid)
    return found[0]


def _top(bill: Bill, p: Provision) -> Provision:
    """The clause (or Schedule paragraph) a provision belongs to."""
    node = p
    for anc in [p, *bill.ancestors(p)]:
        if not anc.quoted and (anc.kind is Kind.CLAUSE or (anc.kind is Kind.PARAGRAPH and anc.element == "paragraph")):
            node = anc
            break
    return node


def _path(bill: Bill, p: Provision, top: Provision) -> list[str]:
    chain = [p, *bill.ancestors(p)]
    out = []
    for node in chain:
        if node is top:
            break
        if node.label and node.kind not in GROUPING_KINDS:
            out.append(node.label)
    return list(reversed(out))


def _address(bill: Bill, p: Provision, line: LineSpan | None) -> str:
    top = _top(bill, p)
    if top.kind is Kind.CLAUSE:
        head = f"Clause {top.label}"
    else:
        sched = bill.enclosing(top, Kind.SCHEDULE)
        head = f"Schedule {sched.label if sched else ''}".rstrip()
        if line is None:
            head += f", paragraph {top.label}"
    if line is not None:
        return f"{head}, page {line.page}, line {line.line}, "
    path = "".join(f"({x})" for x in _path(bill, p, top))
    return f"{head}{path}, "


def _line_at(p: Provision, pos: int) -> LineSpan | None:
    found = None
    for span in p.lines:
        if span.start <= pos <= max(span.end, span.start) and (span.start <= pos < span.end or found is None):
            found = span
    if found is None:
        before = [s for s in p.lines if s.start <= pos]
        found = before[-1] if before else (p.lines[0] if p.lines else None)
    return found


def _region(p: Provision, line: LineSpan | None) -> tuple[int, int]:
    if line is None:
        return 0, len(p.text)
    spans = [s for s in p.lines if (s.page, s.line) == (line.page, line.line)]
    return min(s.start for s in spans), max(s.end for s in spans)


def _balanced(words: str) -> bool:
    return words.count("“") == words.count("”") and words.count("‘") <= words.count("’")


def _unique(text: str, s: int, e: int, lo: int, hi: int, direction: str = "both") -> tuple[int, int] | None:
    """Widen text[s:e] word by word until it occurs once starting on the line [lo, hi).

    ``direction`` keeps one end fixed ("left" widens to the left only, for "after “…” insert"; "right" for
    "before “…” insert"); a quotation may not end up with unbalanced quotation marks.
    """
    for _ in range(40):
        words = text[s:e]
        hits = find_words(text, words, lo, hi) if words.strip() else []
        if len(hits) == 1 and hits[0] == (s, e) and _balanced(words):
            return s, e
        right = _next_word_end(text, e, hi) if direction in ("both", "right") else None
        left = _prev_word_start(text, s, lo) if direction in ("both", "left") else None
        if right is not None and (left is None or _balanced(text[s:right]) or not _balanced(text[left:e])):
            e = right
        elif left is not None:
            s = left
        else:
            return None
    return None


def _next_word_end(text: str, e: int, hi: int) -> int | None:
    i = e
    while i < hi and not text[i].isalnum():
        i += 1
    if i >= hi:
        return None
    while i < len(text) and (text[i].isalnum() or text[i] in "’'-") and i < max(hi, e + 1) + 40:
        i += 1
    while i < len(text) and text[i] in ",;:.)”’" and i < hi:
        i += 1
    return i


def _prev_word_start(text: str, s: int, lo: int) -> int | None:
    i = s
    while i > lo and not text[i - 1].isalnum():
        i -= 1
    if i <= lo:
        return None
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "’'-"):
        i -= 1
    if i > lo and text[i - 1] == "(" and re.match(r"[0-9A-Za-z]{1,6}\)", text[i:]):
        i -= 1  # a label is quoted whole, "(a)", never as "a)"
    return i


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _word_changes(ctx: _Ctx, p: Provision, old_text: str, new_text: str, base: int) -> None:
    """Instructions for word changes in ``p.text[base:base+len(old_text)]`` (its own words)."""
    segments = word_diff(old_text, new_text, fold_quotes=True)
    changes: list[tuple[int, int, str]] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        if seg.op == "equal":
            i += 1
            continue
        start = seg.old_start
        deleted, inserted = "", ""
        while i < len(segments) and segments[i].op != "equal":
            if segments[i].op == "delete":
                deleted += segments[i].text
            else:
                inserted += segments[i].text
            i += 1
        changes.append((base + start, base + start + len(deleted), inserted))
    for s, e, ins in _merged(p, changes):
        _one_change(ctx, p, s, e, ins)


_FEW_WORDS = 3


def _merged(p: Provision, changes: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Changes a clerk would table as one: on the same printed line, and either a few words apart, or such that the
    later one's words would be ambiguous once the earlier one is made ("after “194” insert “, 194A”" then "leave
    out “194A”" — which “194A”?)."""
    out: list[tuple[int, int, str]] = []
    for s, e, ins in changes:
        if out:
            ps, pe, pins = out[-1]
            gap = p.text[pe:s]
            same_line = _line_at(p, ps) == _line_at(p, max(s - 1, ps))
            key = p.text[s:e].strip() if e > s else p.text[_prev_word_start(p.text, s, pe) or s : s].strip()
            close = "\n" not in gap and len(re.findall(r"\w+", gap)) <= _FEW_WORDS
            ambiguous = bool(key) and (key in pins or key in gap)
            if same_line and "\n" not in gap and (close or ambiguous):
                out[-1] = (ps, e, pins + gap + ins)
                continue
        out.append((s, e, ins))
    return out


def _one_change(ctx: _Ctx, p: Provision, s: int, e: int, ins: str) -> None:
    text = p.text
    ins_words = " ".join(ins.split())
    if e > s:
        ts, te = _trim(text, s, e)
        if te <= ts:  # only whitespace changes: nothing a clerk would table
            return
        line = _line_at(p, ts)
        lo, hi = _region(p, line)
        if te - ts > _MAX_QUOTE:
            ctx.out.notes.append(f"{p.describe()}: a {te - ts}-character passage changed; quoted in full")
        found = _unique(text, ts, te, lo, hi) if ts >= lo else None
        if found is None:
            ctx.out.notes.append(f"not emitted: cannot quote “{text[ts:te][:60]}” uniquely on its line in "
                                 f"{p.describe()}")
            return
        ws, we = found
        if ins_words[:1] in ",;:.)" and ws > lo and text[ws - 1].isspace():
            # the words put in start with punctuation: quote the word before too, or a space would stand
            # before it ("194 , 194A")
            left = _prev_word_start(text, ws, lo)
            if left is not None:
                ws = left
        prefix = text[ws:ts].rstrip() if ins.lstrip()[:1] in ",;:.)" else text[ws:ts]
        new_words = (prefix + ins + text[te:we]) if ins_words else (text[ws:ts] + text[te:we])
        new_words = " ".join(new_words.split())
        quoted = " ".join(text[ws:we].split())
        if new_words:
            ctx.emit(f"{_address(ctx.old, p, line)}leave out “{quoted}” and insert “{new_words}”")
        else:
            ctx.emit(f"{_address(ctx.old, p, line)}leave out “{quoted}”")
        return
    if not ins_words:
        return
    # pure insertion at s: after the words before it on its line, else before the words after it
    line = _line_at(p, max(s - 1, 0))
    lo, hi = _region(p, line)
    prev = _prev_word_start(text, s, lo)
    if prev is not None:
        end = s
        while end > prev and text[end - 1].isspace():
            end -= 1
        found = _unique(text, prev, end, lo, hi, "left") or _unique(text, prev, end, lo, hi)
        if found is not None and found[1] == end:
            ctx.emit(f"{_address(ctx.old, p, line)}after “{' '.join(text[found[0]:end].split())}” insert "
                     f"“{ins_words}”")
            return
        if found is not None:  # widened to the right: becomes a substitution of the quoted words
            ws, we = found
            new_words = " ".join((text[ws:s] + ins + text[s:we]).split())
            ctx.emit(f"{_address(ctx.old, p, line)}leave out “{' '.join(text[ws:we].split())}” and insert "
                     f"“{new_words}”")
            return
    line = _line_at(p, s)
    lo, hi = _region(p, line)
    nxt = _next_word_end(text, s, hi)
    if nxt is not None:
        start = s
        while start < nxt and text[start].isspace():
            start += 1
        found = _unique(text, start, nxt, lo, hi, "right")
        if found is not None and found[0] == start:
            ctx.emit(f"{_address(ctx.old, p, line)}before “{' '.join(text[start:found[1]].split())}” insert "
                     f"“{ins_words}”")
            return
    ctx.out.notes.append(f"not emitted: no unique words to anchor “{ins_words[:60]}” in {p.describe()}")


def _own(p: Provision) -> str:
    return p.text[: p.own_end] if p.children else p.text


def _after_num(p: Provision) -> int:
    """Where a provision's words start after its number. The bill's own numbers are renumbered at reprint and
    no amendment changes them; a number in quoted text (a section being inserted into another Act) is law
    text, but is drafted as a whole (see :func:`_provision`), never as a fragment ("after “a)”")."""
    if p.num and p.text.startswith(p.num) and p.text[len(p.num) : len(p.num) + 1] in (" ", "\n"):
        return len(p.num) + 1
    return 0


def _tail_text(p: Provision) -> tuple[int, str]:
    """Words after the last child (a wrap-up), with their offset."""
    if not p.children:
        return len(p.text), ""
    last = p.children[-1]
    at = p.text.rfind(last.text)
    if at < 0:
        return len(p.text), ""
    end = at + len(last.text)
    return end, p.text[end:]


def _same(ctx: _Ctx, p: Provision, q: Provision) -> bool:
    if p.quoted:
        return p.text == ctx.numbers.to_old(q.text)
    return body(p) == ctx.numbers.to_old(body(q)) and p.heading == q.heading


def _labels(provisions: list[Provision]) -> str:
    labels = [f"({x.label})" for x in provisions]
    if len(labels) == 1:
        return labels[0]
    return f"{labels[0]} and {labels[1]}" if len(labels) == 2 else f"{labels[0]} to {labels[-1]}"


def _children_changed(ctx: _Ctx, p: Provision, previous: Provision | None, removed: list[Provision],
                      added: list[Provision]) -> None:
    """A run of sub-provisions of ``p`` that went, came, or both, tabled as one amendment where House style
    has one: "leave out subsections (1) to (4) and insert—", "leave out paragraph (b)", or one "at end insert—"
    for several new ones together."""
    word = _KIND_WORD.get(removed[0].kind) if removed else None
    nameable = bool(removed) and word is not None and all(
        r.label and _KIND_WORD.get(r.kind) == word for r in removed)
    if removed and not nameable:
        for r in removed:
            ctx.out.notes.append(f"not emitted: cannot name {r.describe()} to leave it out")
        removed = []
    elements = tuple(_element(ctx.new, b) for b in added)
    if removed and word is not None:
        first = removed[0]
        line = first.lines[0] if first.lines else None
        where = _address(ctx.old, first, line) if line else _address(ctx.old, p, None)
        plural = word + "s" if len(removed) > 1 else word
        insert = " and insert—" if elements else ""
        ctx.emit(f"{where}leave out {plural} {_labels(removed)}{insert}", elements)
        return
    if not elements:
        return
    anchor = previous if previous is not None else p
    line = anchor.lines[-1] if anchor.lines and previous is not None else (
        _line_at(p, max(p.own_end - 1, 0)) if p.lines else None)
    where = _address(ctx.old, anchor if previous is not None else p, line)
    ctx.emit(f"{where}at end insert—", elements)


def _provision(ctx: _Ctx, p: Provision, q: Provision) -> None:
    if _same(ctx, p, q):
        return
    old_own, new_own = _own(p), ctx.numbers.to_old(_own(q))
    old_at, new_at = _after_num(p), _after_num(q)  # numbers are not words: renumbering is not amended
    if p.quoted and p.num and q.num and p.num != q.num and old_at:
        _one_change(ctx, p, 0, len(p.num), q.num)  # "(a)" becomes "(b)" in the text for the other Act
    if old_own[old_at:] != new_own[new_at:]:
        _word_changes(ctx, p, old_own[old_at:], new_own[new_at:], old_at)
    old_children = list(p.children)
    new_children = list(q.children)
    pairs = align(old_children, new_children) if old_children or new_children else []
    previous: Provision | None = None
    i = 0
    while i < len(pairs):
        a, b = pairs[i]
        if a is not None and b is not None:
            _provision(ctx, a, b)
            previous = a
            i += 1
            continue
        removed: list[Provision] = []
        added: list[Provision] = []
        while i < len(pairs) and (pairs[i][0] is None or pairs[i][1] is None):
            gone, come = pairs[i]
            if gone is not None:
                removed.append(gone)
            if come is not None:
                added.append(come)
            i += 1
        _children_changed(ctx, p, previous, removed, added)
        if removed:
            previous = removed[-1]
    old_tail_at, old_tail = _tail_text(p)
    _, new_tail = _tail_text(q)
    new_tail = ctx.numbers.to_old(new_tail)
    if old_tail != new_tail and old_tail.strip() and new_tail.strip():
        _word_changes(ctx, p, old_tail, new_tail, old_tail_at)


def draft_with_notes(old: Bill, new: Bill, *, house: House = "commons") -> DraftResult:
    """Like :func:`draft`, with notes on every change that could not be drafted (and why).

    >>> import lawtrack
    >>> old = lawtrack.load_bill("bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml")
    >>> new = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> result = lawtrack.draft_with_notes(old, new, house="lords")
    >>> len(result.amendments) > 0, all(a.house == "House of Lords" for a in result.amendments)
    (True, True)
    """
    ctx = _Ctx(old, new, house, DraftResult(), Renumbering(old, new))
    previous_old: Provision | None = None
    previous_unit: Provision | None = None
    for p, q in align(units(old), units(new)):
        if p is not None and q is not None:
            _provision(ctx, p, q)
            if p.kind is Kind.CLAUSE:
                previous_old = p
            previous_unit = p
        elif p is not None:
            if p.kind is Kind.CLAUSE:
                if house == "lords" or not p.lines:
                    ctx.emit(f"Leave out Clause {p.label}")
                else:
                    first = p.lines[0]
                    ctx.emit(f"Page {first.page}, line {first.line}, leave out Clause {p.label}")
            elif p.lines and p.label:
                ctx.emit(f"{_address(old, p, p.lines[0])}leave out paragraph ({p.label})")
            else:
                ctx.out.notes.append(f"not emitted: cannot name Schedule paragraph {p.label} to leave it out")
            previous_unit = p
        elif q is not None:
            if q.kind is not Kind.CLAUSE:
                anchor = previous_unit
                if anchor is None or not anchor.lines:
                    ctx.out.notes.append(f"not emitted: no printed line to insert Schedule paragraph {q.label} after")
                    continue
                ctx.emit(f"{_address(old, anchor, anchor.lines[-1])}at end insert—", (_element(new, q),))
                continue
            el = _element(new, q)
            if house == "lords" or previous_old is not None:
                position = (f"After Clause {previous_old.label}, insert the following new Clause—"
                            if previous_old is not None else "Before Clause 1, insert the following new Clause—")
                ctx.emit(position, (el,)) if house == "lords" else ctx.emit("To move the following Clause—", (el,))
            else:
                ctx.emit("To move the following Clause—", (el,))
    return ctx.out


def draft(old: Bill, new: Bill, *, house: House = "commons") -> list[Amendment]:
    """The amendments that turn ``old`` into ``new`` (House style; page/line from ``old``'s print). Each was
    parsed back before it was returned; applying them to ``old`` gives ``new``.

    >>> import lawtrack
    >>> old = lawtrack.load_bill("bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml")
    >>> new = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> amendments = lawtrack.draft(old, new)
    >>> amendments[0].instruction.startswith("Clause 44, page 37, line 9,")
    True
    >>> lawtrack.apply(old, amendments).all_applied
    True
    """
    return draft_with_notes(old, new, house=house).amendments
