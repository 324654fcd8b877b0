"""Amendments within a clause or Schedule paragraph, down its provision tree (pure).

Sub-provisions that went, came, or both are tabled as the House tables them — "leave out subsections (1) to (4)
and insert—", "leave out paragraph (b)", one "at end insert—" for several new ones together — and changed words
as word-level amendments (:mod:`lawtrack.drafting.words`). When a provision's changes cannot all be expressed
that way, it is left out and inserted again as it now reads, and the note says so.
"""

from __future__ import annotations

from lawtrack.diff.compare import align, body
from lawtrack.drafting.address import address, line_at
from lawtrack.drafting.context import Ctx
from lawtrack.drafting.words import after_num, change, own_words, tail_words
from lawtrack.model.labels import as_written
from lawtrack.model.provision import Kind, Provision

KIND_WORD = {Kind.SUBSECTION: "subsection", Kind.PARAGRAPH: "paragraph", Kind.SUBPARAGRAPH: "sub-paragraph",
             Kind.SUBSUBPARAGRAPH: "sub-paragraph"}


def same(ctx: Ctx, p: Provision, q: Provision) -> bool:
    if p.quoted:
        return p.text == ctx.in_old_terms(q, p.text, q.text)
    return body(p) == ctx.in_old_terms(q, body(p), body(q)) and p.heading == q.heading


def _labels(word: str, provisions: list[Provision]) -> str:
    labels = [as_written(word, x.label or "") for x in provisions]
    if len(labels) == 1:
        return labels[0]
    return f"{labels[0]} and {labels[1]}" if len(labels) == 2 else f"{labels[0]} to {labels[-1]}"


def children_changed(ctx: Ctx, p: Provision, previous: Provision | None, removed: list[Provision],
                     added: list[Provision]) -> None:
    """A run of sub-provisions of ``p`` that went, came, or both, as one amendment where House style has one."""
    word = KIND_WORD.get(removed[0].kind) if removed else None
    nameable = bool(removed) and word is not None and all(r.label and KIND_WORD.get(r.kind) == word for r in removed)
    if removed and not nameable:
        for r in removed:
            ctx.note(f"not emitted: cannot name {r.describe()} to leave it out")
        removed = []
    elements = tuple(ctx.element(ctx.new, b) for b in added)
    if removed and word is not None:
        first = removed[0]
        where = address(ctx.old, first, first.lines[0]) if first.lines else address(ctx.old, p, None)
        if where is None:
            ctx.note(f"not emitted: cannot address {first.describe()} to leave it out")
            return
        plural = word + "s" if len(removed) > 1 else word
        insert = " and insert—" if elements else ""
        ctx.emit(f"{where}leave out {plural} {_labels(word, removed)}{insert}", elements)
        return
    if not elements:
        return
    if previous is not None:
        line = previous.lines[-1] if previous.lines else None
        where = address(ctx.old, previous, line)
    else:
        line = line_at(p, max(p.own_end - 1, 0)) if p.lines else None
        where = address(ctx.old, p, line)
    if where is None:
        ctx.note(f"not emitted: cannot address {p.describe()} to insert after it")
        return
    ctx.emit(f"{where}at end insert—", elements)


def _reinsert_address(ctx: Ctx, p: Provision) -> tuple[str, str] | None:
    """Where and how to leave ``p`` out and insert it again ("Clause 5, page 3, line 4, " and "subsection")."""
    word = KIND_WORD.get(p.kind)
    parent = ctx.old.parent(p)
    if word is None or not p.label or parent is None:
        return None
    where = address(ctx.old, p, p.lines[0]) if p.lines else address(ctx.old, parent, None)
    return (where, word) if where is not None else None


def provision(ctx: Ctx, p: Provision, q: Provision) -> None:
    """Amendments turning ``p`` (old print) into ``q`` (new print)."""
    if same(ctx, p, q):
        return
    mark = ctx.mark()
    if p.quoted and p.num and q.num and p.num != q.num and after_num(p):
        change(ctx, p, 0, len(p.num), q.num, (0, len(p.num)))  # "(a)" becomes "(b)" in text for another Act
    own_words(ctx, p, q)
    pairs = align(list(p.children), list(q.children)) if p.children or q.children else []
    previous: Provision | None = None
    i = 0
    while i < len(pairs):
        a, b = pairs[i]
        if a is not None and b is not None:
            provision(ctx, a, b)
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
        children_changed(ctx, p, previous, removed, added)
        if removed:
            previous = removed[-1]
    tail_words(ctx, p, q)
    failed = ctx.failed_since(mark)
    if not failed:
        return
    because = failed[0].removeprefix("not emitted: ")
    if p.kind is Kind.CLAUSE and not p.quoted:
        # the clause's own words cannot all be expressed as words: put the clause as it now reads in its place
        where = f"Page {p.lines[0].page}, line {p.lines[0].line}, l" if p.lines and ctx.house == "commons" else "L"
        if ctx.emit(f"{where}eave out Clause {p.label} and insert the following new Clause—",
                    (ctx.element(ctx.new, q),)):
            ctx.instead(mark)
            ctx.note(f"{p.describe()}: left out and a new clause inserted in its place as it now reads, because "
                     f"{because}")
        return
    how = _reinsert_address(ctx, p)
    if how is not None:
        # some change could not be expressed as words: leave the provision out and insert it as it now reads
        where, word = how
        label = as_written(word, p.label or "")
        if ctx.emit(f"{where}leave out {word} {label} and insert—", (ctx.element(ctx.new, q),)):
            ctx.instead(mark)
            ctx.note(f"{p.describe()}: left out and inserted again as it now reads, because {because}")
