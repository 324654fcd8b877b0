"""Word-level amendments: "leave out “x” and insert “y”", "after “x” insert “y”", "before “x” insert “y”" (pure).

A provision's own words are compared element by element — its heading, each defined term, and the words around
them (the *zones*) — so that an amendment never quotes across a heading and the text below it, or a defined
term and "means". Within a zone, changes on the same printed line a few words apart are tabled as one. Each
change is quoted as narrowly as ``apply()`` allows: the quotation is widened until the checker finds it once,
where it was meant, and is not among words an earlier amendment puts in at the same place; failing that, the
occurrence is counted ("leave out “x” where it second occurs").
"""

from __future__ import annotations

import re

from lawtrack.amendments.locate import spaced
from lawtrack.amendments.plan import absorb_space
from lawtrack.diff.words import word_diff
from lawtrack.drafting.address import address, line_at, line_region
from lawtrack.drafting.context import Ctx
from lawtrack.drafting.quote import ORDINALS, next_word_end, normal, prev_word_start, trim, widenings
from lawtrack.model.provision import Provision

Zone = tuple[str, int, int]
_FEW_WORDS = 3
_MAX_QUOTE = 400


def after_num(p: Provision) -> int:
    """Where a provision's words start after its number. The bill's own numbers are renumbered at reprint and
    no amendment changes them; a number in quoted text (a section being inserted into another Act) is law text,
    drafted whole (see :func:`lawtrack.drafting.provisions.provision`), never as a fragment ("after “a)”")."""
    if p.num and p.text.startswith(p.num) and p.text[len(p.num) : len(p.num) + 1] in (" ", "\n"):
        return len(p.num) + 1
    return 0


def own_end(p: Provision) -> int:
    return p.own_end if p.children else len(p.text)


def zones(p: Provision, start: int, end: int) -> list[Zone]:
    """The elements of ``p``'s text in [start, end): its heading, its defined terms, and the words between."""
    out: list[Zone] = []
    pos = start
    if p.heading:
        at = p.text.find(p.heading, pos, end)
        if at >= 0:
            out.append(("text", pos, at))
            out.append(("heading", at, at + len(p.heading)))
            pos = at + len(p.heading)
    for m in sorted(p.marks, key=lambda m: m.start):
        if m.tag == "def" and pos <= m.start < m.end <= end:
            out.append(("text", pos, m.start))
            out.append(("def", m.start, m.end))
            pos = m.end
    out.append(("text", pos, end))
    return out


def own_words(ctx: Ctx, p: Provision, q: Provision, *, title: bool = False) -> None:
    """Amendments for the words ``p`` has before its first sub-provision (number, heading, opening words)."""
    a, b = after_num(p), own_end(p)
    c, d = after_num(q), own_end(q)
    zp, zq = zones(p, a, b), zones(q, c, d)
    if [z[0] for z in zp] != [z[0] for z in zq]:  # a heading or defined term came or went: compare as one
        zp, zq = [("text", a, b)], [("text", c, d)]
    for (_, s, e), (_, t, u) in zip(zp, zq, strict=True):
        old = p.text[s:e]
        new = ctx.in_old_terms(q, old, q.text[t:u])
        if old != new:
            changes(ctx, p, old, new, s, (s, e), title=title)


def tail(p: Provision) -> tuple[int, str]:
    """The words after the last sub-provision (a wrap-up), with their offset."""
    if not p.children:
        return len(p.text), ""
    last = p.children[-1]
    at = p.text.rfind(last.text)
    if at < 0:
        return len(p.text), ""
    end = at + len(last.text)
    return end, p.text[end:]


def tail_words(ctx: Ctx, p: Provision, q: Provision) -> None:
    at, old = tail(p)
    _, new = tail(q)
    new = ctx.in_old_terms(q, old, new)
    if old != new and old.strip() and new.strip():
        changes(ctx, p, old, new, at, (at, len(p.text)))


def changes(ctx: Ctx, p: Provision, old_text: str, new_text: str, base: int, zone: tuple[int, int], *,
            title: bool = False) -> None:
    """Amendments turning ``p.text[base:base+len(old_text)]`` (within ``zone``) into ``new_text``."""
    segments = word_diff(old_text, new_text, fold_quotes=True)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(segments):
        if segments[i].op == "equal":
            i += 1
            continue
        start = segments[i].old_start
        deleted, inserted = "", ""
        while i < len(segments) and segments[i].op != "equal":
            if segments[i].op == "delete":
                deleted += segments[i].text
            else:
                inserted += segments[i].text
            i += 1
        found.append((base + start, base + start + len(deleted), inserted))
    for s, e, ins in merged(p, found):
        change(ctx, p, s, e, ins, zone, title=title)


def merged(p: Provision, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Changes a clerk would table as one: on the same printed line, and either a few words apart, or such that the
    later one's words would be ambiguous once the earlier one is made ("after “194” insert “, 194A”" then "leave
    out “194A”" — which “194A”?)."""
    out: list[tuple[int, int, str]] = []
    for s, e, ins in found:
        if out:
            ps, pe, pins = out[-1]
            gap = p.text[pe:s]
            same_line = line_at(p, ps) == line_at(p, max(s - 1, ps))
            key = p.text[s:e].strip() if e > s else p.text[prev_word_start(p.text, s, pe) or s : s].strip()
            close = "\n" not in gap and len(re.findall(r"\w+", gap)) <= _FEW_WORDS
            ambiguous = bool(key) and (key in pins or key in gap)
            if same_line and "\n" not in gap and (close or ambiguous):
                out[-1] = (ps, e, pins + gap + ins)
                continue
        out.append((s, e, ins))
    return out


def _acts(ctx: Ctx, instruction: str, p: Provision, start: int, end: int, *, at: str = "span") -> list[int] | None:
    """Where the instruction's quoted words are found, as apply() finds them, and which of them is the intended
    place: ``[index, count]`` — or None when the address does not resolve or the words are not there."""
    found = ctx.checker.hits(instruction)
    if found is None:
        return None
    top, hits = found
    off = ctx.checker.offset(top, p)
    if off is None:
        return None
    for i, (hs, he) in enumerate(hits):
        if (at == "span" and (hs, he) == (off + start, off + end)) or (at == "end" and he == off + end) or (
                at == "start" and hs == off + start):
            return [i, len(hits)]
    return None


def _reads(text: str, s: int, e: int, ins: str, ws: int, we: int, put: str, how: str) -> bool:
    """Whether the amendment (leave out text[ws:we] and insert ``put``; or insert ``put`` after / before it) leaves
    the words reading as replacing text[s:e] with ``ins`` does — spaces included, as ``apply()`` spaces them
    ("“ in section 145”" is not "“in section 145”")."""
    lo, hi = max(0, min(s, ws) - 20), min(len(text), max(e, we) + 20)
    wanted = text[lo:s] + ins + text[e:hi]
    if how == "replace":
        start = absorb_space(text, ws, we, put)
        got = text[lo:start] + put + text[we:hi]
    else:
        pos = we if how == "after" else ws
        got = text[lo:pos] + spaced(put, text[pos - 1] if pos else "", text[pos] if pos < len(text) else "") + \
            text[pos:hi]
    return wanted.split() == got.split()


def _bounds(p: Provision, pos: int, zone: tuple[int, int]) -> tuple[int, int, object]:
    """Where a quotation containing offset ``pos`` may start (its printed line, within the zone) and how far
    right it may run (the end of the zone), and the line."""
    line = line_at(p, pos) if p.lines else None
    lo, _hi = line_region(p, line)
    return max(lo, zone[0]), zone[1], line


def change(ctx: Ctx, p: Provision, s: int, e: int, ins: str, zone: tuple[int, int], *, title: bool = False) -> None:
    """One amendment for replacing ``p.text[s:e]`` with ``ins`` (either may be empty)."""
    text = p.text
    ins_words = normal(ins)
    if e > s:
        _replace(ctx, p, s, e, ins, zone, title)
        return
    if not ins_words:
        return
    # a pure insertion: after the words before it on its line, else before the words after it, else as a
    # replacement of the word before (or after) it
    end = s
    while end > zone[0] and text[end - 1].isspace():
        end -= 1
    lo, hi, line = _bounds(p, max(end - 1, zone[0]), zone)
    addr = address(ctx.old, p, line, title=title)  # type: ignore[arg-type]
    if addr is None:
        ctx.note(f"not emitted: cannot address {p.describe()} to insert “{ins_words[:60]}”")
        return
    prev = prev_word_start(text, end, lo) if end > lo else None
    if prev is not None:
        for ws, we in widenings(text, prev, end, lo, hi, "left"):
            quoted = normal(text[ws:we])
            instruction = f"{addr}after “{quoted}” insert “{ins_words}”"
            if ctx.clashes(addr, quoted):
                continue
            if _reads(text, s, s, ins, ws, we, ins_words, "after") and \
                    _acts(ctx, instruction, p, ws, we, at="end") == [0, 1]:
                ctx.emit(instruction, address=addr, inserts=ins_words)
                return
    start = s
    while start < zone[1] and text[start].isspace():
        start += 1
    lo2, hi2, line2 = _bounds(p, start, zone)
    addr2 = address(ctx.old, p, line2, title=title)  # type: ignore[arg-type]
    nxt = next_word_end(text, start, hi2) if addr2 is not None and start >= lo2 else None
    if nxt is not None and addr2 is not None:
        for ws, we in widenings(text, start, nxt, lo2, hi2, "right"):
            quoted = normal(text[ws:we])
            instruction = f"{addr2}before “{quoted}” insert “{ins_words}”"
            if ctx.clashes(addr2, quoted):
                continue
            if _reads(text, s, s, ins, ws, we, ins_words, "before") and \
                    _acts(ctx, instruction, p, ws, we, at="start") == [0, 1]:
                ctx.emit(instruction, address=addr2, inserts=ins_words)
                return
    if prev is not None:
        _replace(ctx, p, prev, s, text[prev:s] + ins, zone, title)
    elif nxt is not None:
        _replace(ctx, p, start, nxt, text[s:start] + ins + text[start:nxt], zone, title)
    else:
        ctx.note(f"not emitted: “{ins_words[:60]}” comes where {p.describe()} had no words of that kind (a "
                 "heading, opening words, a definition) to put it after or before")


def _replace(ctx: Ctx, p: Provision, s: int, e: int, ins: str, zone: tuple[int, int], title: bool) -> None:
    text = p.text
    ins_words = normal(ins)
    ts, te = trim(text, s, e)
    if te <= ts:  # only whitespace changes: nothing a clerk would table
        return
    lo, hi, line = _bounds(p, ts, zone)
    addr = address(ctx.old, p, line, title=title)  # type: ignore[arg-type]
    if addr is None:
        ctx.note(f"not emitted: cannot address {p.describe()} to change “{normal(text[ts:te])[:60]}”")
        return
    if te - ts > _MAX_QUOTE:
        ctx.note(f"{p.describe()}: a {te - ts}-character passage changed; quoted in full")
    first: tuple[str, str, int, int] | None = None
    for ws, we in widenings(text, ts, te, min(lo, ts), max(hi, te)):
        if ins_words[:1] in tuple(",;:.)") and ws > lo and text[ws - 1].isspace():
            # the words put in start with punctuation: quote the word before too, or a space would stand
            # before it ("194 , 194A")
            left = prev_word_start(text, ws, lo)
            if left is not None:
                ws = left
        a, b = (s, e) if ws <= s and e <= we else (ts, te)  # the spaces the change takes, when quoted
        prefix = text[ws:a].rstrip() if ins.lstrip()[:1] in tuple(",;:.)") else text[ws:a]
        new_words = normal(prefix + ins + text[b:we])
        quoted = normal(text[ws:we])
        then = f" and insert “{new_words}”" if new_words else ""
        if not _reads(text, s, e, ins, ws, we, new_words, "replace"):
            continue
        if first is None:
            first = (quoted, then, ws, we)
        if ctx.clashes(addr, quoted):
            continue
        instruction = f"{addr}leave out “{quoted}”{then}"
        if _acts(ctx, instruction, p, ws, we) == [0, 1]:
            ctx.emit(instruction, address=addr, inserts=new_words)
            return
    if first is not None:  # not unique however widened: say which occurrence
        quoted, then, ws, we = first
        where = _acts(ctx, f"{addr}leave out “{quoted}”", p, ws, we)
        if where is not None and where[0] < len(ORDINALS):
            instruction = f"{addr}leave out “{quoted}” where it {ORDINALS[where[0]]} occurs{then}"
            ctx.emit(instruction, address=addr, inserts=then)
            return
    ctx.note(f"not emitted: cannot quote “{normal(text[ts:te])[:60]}” so that it is found once in {p.describe()}")
