"""Find a bill's amending provisions that act on an Act, and read each into an :class:`Instruction` (pure).

The bill is read as the House drafts it: a provision's own words either set the scene for what follows
("(1) The Housing Act 2004 is amended as follows.", "Section 72 of the Housing Act 2004 is amended in accordance
with subsections (2) to (4).", "(2) In section 212—") or act ("(a) in subsection (1), for “shorthold”
substitute “assured”;"). The scene passes down to the provision's children, and a sentence saying that an Act
"is amended as follows" passes on to the provisions after it in the same section, Schedule paragraph group
or cross-heading. "that section" and "that Act" mean the last section and Act named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from lawtrack.acts.citation import names as act_names
from lawtrack.acts.model import Instruction, Target, Unread
from lawtrack.acts.prose import Prose, Unreadable, mask
from lawtrack.acts.rules import RULES
from lawtrack.acts.rules.common import ACTS, EACH, Ctx, NotUnderstood, Read, act_of, ordinal_after, read_scope
from lawtrack.amendments.model import OBJECT
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import local
from lawtrack.model.bill import Bill
from lawtrack.model.provision import GROUPING_KINDS, Kind, Provision

_AMENDED = re.compile(rf"(?:Accordingly,?\s+)?(?:(?P<scope>.+?)\s+of\s+)?(?P<act>{ACTS})\s+(?:is|are)\s+(?:further\s+)?"
                      r"(?:amended|modified)\b", re.I)
_SCOPE_AMENDED = re.compile(r"(?:In\s+)?(?P<scope>(?:Section|Sections|Schedule|Part|Chapter|Paragraph)\b.+?)"
                            r"\s+(?:is|are)\s+(?:further\s+)?(?:amended|modified)\s+"
                            r"(?:as\s+follows|in\s+accordance|by|as\s+set)", re.I)
_IN = re.compile(r"in\s+", re.I)
#: Where the provision named after "In" may end: a comma (not one inside a list of labels), a dash, or the verb.
_IN_END = re.compile(r"\s*(?:,(?!\s*(?:\(|\d|«))\s*|—\s*|$)|\s+(?=(?:omit|for|after|before|at\s+the|insert)\b|"
                     r"the\s+(?:heading|title|words?)\b)", re.I)
_EACH_ALONE = re.compile(rf"^{EACH}\s*", re.I)
#: Why the change is made, before where: "In consequence of the amendment made by subsection (3)(a), in section 6
#: …" says nothing about the place.
_CONSEQUENCE = re.compile(r"^(?:In\s+consequence\s+of|As\s+a\s+consequence\s+of|In\s+connection\s+with)\s+[^,—]+?,\s*"
                          r"(?=in\s|for\s|omit\s|after\s|before\s|at\s)", re.I)
_HEADING_ALONE = re.compile(r"the\s+(?:italic\s+|cross-)?heading", re.I)
_BEFORE = re.compile(r"\s+(?:immediately\s+)?(?:before|preceding|above)\s+(?:section|paragraph)\b", re.I)
_APPLIES = re.compile(r"\s+as\s+(?:it\s+)?(?:applies|has\s+effect|extends)\b.*$", re.I)
_TRAILING = re.compile(r"[\s,;.:]*(?:\b(?:and|or)\b)?[\s,;.:]*$")
#: Words that show a provision means to change an Act's text.
_AMENDING = re.compile(r"\b(?:substitute[ds]?|omit(?:ted)?|insert(?:ed)?|repealed|becomes|amended|modified)\b",
                       re.I)
_AS_IF = re.compile(r"\bas\s+if\b", re.I)
#: "(and, accordingly, move the entry to the appropriate place)" after a change to an entry of an index table.
_MOVE_ENTRY = re.compile(r"\(\s*and,?\s+accordingly,?\s+move\s+the\s+entry\s+to\s+the\s+appropriate\s+place\s*\)",
                         re.I)
#: A change made in each provision the paragraphs below list: "In the following provisions omit “non-profit”—",
#: "In the following provisions of the Housing Act 2004, for “x” substitute “y”—".
_FOLLOWING = re.compile(rf"(?:In|in)\s+the\s+following\s+provisions(?:\s+of\s+(?P<act>{ACTS}))?\s*,?\s*"
                        r"(?P<action>.+?)\s*[—–-]$")
#: Provisions the paragraphs below list are omitted: "In the Housing and Regeneration Act 2008 omit—",
#: "In section 215 omit—", "The following provisions are repealed—".
_OMIT_LISTED = re.compile(r"(?:omit|repeal)\s*[—–-]$", re.I)
#: Words without any of these neither set the scene nor act: they are not read at all.
_RELEVANT = re.compile(r"^(?:In|in)\s|\b(?:amended|modified|substitute[ds]?|omit(?:ted)?|insert(?:ed)?|repealed|"
                       r"becomes)\b", re.I)


@dataclass
class Found:
    """What :func:`read_bill` found: the instructions on the Act, and the provisions it could not read."""

    instructions: list[Instruction] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)


def source_citation(bill: Bill, p: Provision) -> str:
    """ "s. 28(2)(a)" for a section's provision; "para. 61(a) of schedule 2" in a Schedule."""
    chain = [*reversed(bill.ancestors(p)), p]
    labels: list[str] = []
    head = ""
    sched: str | None = None
    for node in chain:
        if node.kind is Kind.SCHEDULE:
            sched = node.label or ""
        elif node.kind is Kind.CLAUSE and not head:
            head = f"s. {node.label}"
        elif node.kind is Kind.PARAGRAPH and sched is not None and not head:
            head = f"para. {node.label}"
        elif node.kind in (Kind.SUBSECTION, Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.SUBSUBPARAGRAPH) and head:
            labels.append(f"({node.label})")
    text = head + "".join(labels)
    if sched is not None:
        text += f" of schedule {sched}".rstrip()
    return text or (p.eid or "?")


def own_words(p: Provision) -> str:
    """The provision's own words, quoted structures as U+FFFC, without its number and heading."""
    if any(not c.quoted for c in p.children):
        text = p.text[: p.own_end]
    else:
        text = p.text
        spans = sorted((m.start, m.end) for m in p.marks if m.tag == "quotedStructure")
        out, pos = [], 0
        for start, end in spans:
            if start < pos:
                continue
            out.append(text[pos:start])
            out.append(OBJECT)
            pos = end
        out.append(text[pos:])
        text = "".join(out)
    text = text.strip()
    if p.num and text.startswith(p.num):
        text = text[len(p.num):].lstrip()
    if p.heading and text.startswith(p.heading):
        text = text[len(p.heading):].lstrip()
    return text


def _structures(el: etree._Element | None) -> tuple[bytes, ...]:
    if el is None:
        return ()
    out = []
    for q in el.iter():
        if isinstance(q.tag, str) and local(q.tag) == "quotedStructure":
            outer = q.getparent()
            nested = False
            while outer is not None and outer is not el:
                if isinstance(outer.tag, str) and local(outer.tag) == "quotedStructure":
                    nested = True
                    break
                outer = outer.getparent()
            if not nested:
                out.append(etree.tostring(q, with_tail=False))
    return tuple(out)


class _Reader:
    def __init__(self, bill: Bill, title: str) -> None:
        self.bill = bill
        self.names = act_names(bill, title)
        self.found = Found()
        #: The provision of the Act named last, and what the bill renumbered so far (in the bill's order).
        self.last_named: Target | None = None
        self.renumbered: list[tuple[Target, str]] = []
        self.elements: dict[str, etree._Element] = {}
        try:
            root: etree._Element | None = bill.tree()
        except LawtrackError:  # a bill read from Markdown has no LawMaker document: no quoted structures
            root = None
        if root is not None:
            for el in root.iter():
                if isinstance(el.tag, str) and el.get("eId"):
                    self.elements.setdefault(el.get("eId", ""), el)

    # -- walking ----------------------------------------------------------------------------------------------
    def run(self) -> Found:
        for top in self.bill.provisions:
            self.visit(top, Ctx())
        return self.found

    def children(self, p: Provision, ctx: Ctx) -> None:
        running = ctx
        for child in p.children:
            if not child.quoted:
                running = self.visit(child, running)

    def _heading_act(self, heading: str | None) -> str | None:
        if not heading:
            return None
        text = " ".join(heading.split())
        for name in self.names:
            if re.search(rf"(?:^|\bof\s+)(?:the\s+)?{re.escape(name)}$", text, re.I):
                return "target"
        if re.fullmatch(r"[A-Z][\w’'(),\- ]*? Act \d{4}(?: \(\w+ \d+\))?", text):
            return "other"
        return None

    def visit(self, p: Provision, ctx: Ctx) -> Ctx:
        if p.kind in GROUPING_KINDS or p.kind is Kind.SCHEDULE:
            act = self._heading_act(p.heading)
            inner = Ctx() if p.kind is Kind.SCHEDULE else ctx
            if act is not None:
                inner = Ctx(act=act, last_act=act)
            self.children(p, inner)
            return ctx if p.kind is not Kind.SCHEDULE else Ctx()
        if p.kind is Kind.CLAUSE:
            ctx = Ctx()  # each section of the bill says afresh which Act it amends
        words = own_words(p)
        has_children = any(not c.quoted for c in p.children)
        if not words or not _RELEVANT.search(words):
            self.children(p, ctx)
            return ctx
        try:
            prose = mask(words, self.names)
        except Unreadable as exc:
            if ctx.act == "target" and _AMENDING.search(words):
                self.unread(p, words, f"its quotation marks cannot be read: {exc}")
            self.children(p, ctx)
            return ctx
        text = prose.masked
        ctx = replace(ctx, quotes=prose.quotes, last_named=self.last_named, renumbered=tuple(self.renumbered))
        # -- "X of the Act is amended as follows" -------------------------------------------------------------
        m = _AMENDED.match(text) or _SCOPE_AMENDED.match(text)
        if m and not _AS_IF.search(text):
            scene = self.scene(m, ctx)
            if scene is not None:
                if has_children:
                    self.children(p, scene)
                    return ctx
                return scene
        # -- "In the following provisions omit “x”—" (the provisions listed below) ------------------------------
        m = _FOLLOWING.fullmatch(text)
        if m and has_children:
            act = act_of(m.group("act"), ctx) if m.group("act") else ctx.act
            self.listed(p, words, prose, replace(ctx, act=act, last_act=act), action=m.group("action"))
            return ctx
        # -- "In section 212, in subsection (8)," … ------------------------------------------------------------
        here, action = phrases(text, ctx)
        action = _TRAILING.sub("", action)
        if here is None:  # a lead-in lawtrack cannot read: say so only where it is about this Act
            if (ctx.act == "target" or "ACT" in re.findall(r"\b[A-Z]+\b", text)) and _AMENDING.search(text):
                self.unread(p, words, "lawtrack cannot tell which provision of the Act these words are about")
            self.children(p, ctx)
            return ctx
        if here.scope != ctx.scope:
            self.last_named = here.scope
        if has_children and _OMIT_LISTED.fullmatch(action):  # "In section 215 omit— (a) subsection (1)(a); …"
            self.listed(p, words, prose, here, action=None)
            return replace(ctx, last_section=here.last_section, last_act=here.last_act)
        if not action:
            if has_children:
                self.children(p, here)
            return replace(ctx, last_section=here.last_section, last_act=here.last_act)
        self.act(p, words, prose, action, here)
        if has_children:
            self.children(p, here)
        return replace(ctx, last_section=here.last_section, last_act=here.last_act)

    def listed(self, p: Provision, words: str, prose: Prose, here: Ctx, *, action: str | None) -> None:
        """The change the words make in each provision the paragraphs below list, each paragraph's own
        instruction: ``action`` in the provision it cites ("In the following provisions omit “x”— (a) section
        160(1); …"), or, with no action, the provision it cites omitted ("omit— (a) section 209(1); …")."""
        for child in p.children:
            if child.quoted:
                continue
            own = own_words(child)
            source, eid = source_citation(self.bill, child), child.eid or ""
            try:
                cited = mask(own, self.names)
            except Unreadable as exc:
                self.unread(child, own, f"its quotation marks cannot be read: {exc}")
                continue
            listed = _TRAILING.sub("", cited.masked)
            text = f"{words} {own}"
            if action is None:
                got = instruction(text, cited, f"omit {listed}", replace(here, quotes=cited.quotes), (),
                                  source=source, source_eid=eid)
            else:
                try:
                    named, targets, _ = read_scope(listed, replace(here, quotes=cited.quotes))
                except NotUnderstood as exc:
                    self.unread(child, text, str(exc))
                    continue
                act = act_of(named, here) if named else here.act
                at = replace(here, act=act, scope=targets[0], many=tuple(targets) if len(targets) > 1 else ())
                got = instruction(text, prose, action, at, (), source=source, source_eid=eid)
            if isinstance(got, Instruction):
                self.found.instructions.append(got)
                self.named([got])
            elif got is not None:
                self.unread(child, text, got)

    # -- reading ------------------------------------------------------------------------------------------------
    def scene(self, m: re.Match[str], ctx: Ctx) -> Ctx | None:
        groups = m.groupdict()
        named = groups.get("act")
        act = act_of(named, ctx) if named else ctx.act
        scope = Target()
        last = ctx.last_section
        if groups.get("scope"):
            try:
                _named, targets, _ = read_scope(_APPLIES.sub("", m.group("scope")), replace(ctx, scope=Target()))
            except NotUnderstood:
                return None
            scope = targets[0]
            last = scope.section or last
        return Ctx(act=act, scope=scope, last_section=last, last_act=act)

    def act(self, p: Provision, words: str, prose: Prose, action: str, here: Ctx) -> None:
        objects = _structures(self.elements.get(p.eid or ""))
        source = source_citation(self.bill, p)
        got = instruction(words, prose, action, here, objects, source=source, source_eid=p.eid or "")
        if isinstance(got, str):
            parts = compound(words, prose, action, here, objects, source=source, source_eid=p.eid or "")
            if parts:
                self.found.instructions.extend(parts)
                self.named(parts)
                return
            self.unread(p, words, got)
        elif got is not None:
            self.found.instructions.append(got)
            self.named([got])

    def named(self, made: list[Instruction]) -> None:
        """Remember what the instructions just read named (for "that subsection"), and what they renumbered."""
        for ins in made:
            c = ins.change
            if c.action == "renumber":
                for t in ins.targets:
                    self.renumbered.append((t, c.labels[0]))
                last = ins.targets[-1]
                self.last_named = last.model_copy(update={"path": (*last.path, c.labels[0]), "existing_text": True})
            elif ins.targets:
                self.last_named = ins.targets[-1]

    def unread(self, p: Provision, words: str, reason: str) -> None:
        self.found.unread.append(Unread(source=source_citation(self.bill, p), source_eid=p.eid or "",
                                        text=" ".join(words.split()), reason=reason))


def phrases(text: str, ctx: Ctx) -> tuple[Ctx | None, str]:
    """Read the leading "In section 212, in subsection (8)," phrases: the context they set (None when the first
    cannot be read) and the words left (the action, or "" for a lead-in)."""
    here = ctx
    text = _CONSEQUENCE.sub("", text)
    rest = text
    while True:
        m = _EACH_ALONE.match(rest)
        if m and m.group(0).strip(" ,"):
            here = replace(here, each_place=True)
            rest = rest[m.end():]
            continue
        m = _IN.match(rest)
        if not m:
            return here, rest
        read = None
        for end in _IN_END.finditer(rest, m.end()):
            scope_text = _APPLIES.sub("", rest[m.end():end.start()])
            if not scope_text or (_HEADING_ALONE.fullmatch(scope_text) and _BEFORE.match(rest, end.start())):
                continue  # "In the heading before section 160, …" names the cross-heading: read on
            try:
                read = read_scope(scope_text, here)
            except NotUnderstood:
                continue
            rest_at = end.end()
            break
        if read is None:
            return (None if rest is text else here), rest
        named, targets, _ = read
        act = act_of(named, here)
        scope = targets[0]
        last_act = act if named is not None else here.last_act
        here = replace(here, act=act, scope=scope, last_section=scope.section or here.last_section,
                       last_act=last_act, many=tuple(targets) if len(targets) > 1 else ())
        rest = rest[rest_at:]


def instruction(words: str, prose: Prose, action: str, here: Ctx, objects: tuple[bytes, ...], *, source: str,
                source_eid: str) -> Instruction | str | None:
    """Read one action against its context: the :class:`Instruction`, the reason it cannot be read (a string),
    or None when it is not about the Act."""
    read: Read | None = None
    action = ordinal_after(action)
    try:
        for _form, recognise in RULES:
            read = recognise(action, prose, here)
            if read is not None:
                break
    except NotUnderstood as exc:
        return str(exc) if act_of(None, here) == "target" or "ACT" in action.split() else None
    act = act_of(read.act, here) if read is not None and read.act else here.act
    if read is None:
        names_it = "ACT" in re.findall(r"\b[A-Z]+\b", action)
        if (act == "target" or names_it) and _AMENDING.search(action):
            return ("it modifies how the Act is read (“as if …”), not its text" if _AS_IF.search(action)
                    else f"lawtrack does not know this form of words: “{action}”")
        return None
    if act != "target":
        return None
    targets = read.targets if read.targets is not None else (list(here.many) or [here.scope])
    if all(t == Target() for t in targets):
        return "it does not say which provision of the Act it changes"
    targets = [as_renumbered(t, here.renumbered) for t in targets]
    change = read.change
    if _MOVE_ENTRY.search(words) and change.unit == "words" and all(t.entry is not None for t in targets):
        change = change.model_copy(update={"move_entry": True})
    wants = read.change.with_structure or (read.change.unit == "provision" and not read.change.entries
                                           and read.change.action not in ("omit", "renumber"))
    if wants and not objects:
        return "it inserts provisions but the bill has no quoted structure here"
    return Instruction(source=source, source_eid=source_eid, text=" ".join(words.split()), targets=tuple(targets),
                       change=change, through=read.through, notes=prose.notes,
                       structure_xml=objects if wants else ())


def as_renumbered(target: Target, renumbered: tuple[tuple[Target, str], ...]) -> Target:
    """``target`` in the Act as it stands, where an earlier provision of the bill renumbered its existing text:
    "subsection (1)" of a section whose text became subsection (1) is that text (``existing_text``), and
    "subsection (1)(a)" its paragraph (a)."""
    if target.existing_text:
        return target
    for holder, label in renumbered:
        n = len(holder.path)
        if ((target.section, target.schedule) == (holder.section, holder.schedule) and len(target.path) > n
                and target.path[:n] == holder.path and target.path[n].lower() == label.lower()
                and target.definition is None and holder.definition is None):
            rest = target.path[n + 1:]
            if not rest:
                return target.model_copy(update={"existing_text": True})
            return target.model_copy(update={"path": (*holder.path, *rest)})
    return target


#: Where one provision's words join two changes: "for “x” substitute “y”, and omit “z”".
_AND_THEN = re.compile(r"\s*,?\s+and\s+(?=(?:for|after|before|omit|at\s+the)\b)", re.I)


def compound(words: str, prose: Prose, action: str, here: Ctx, objects: tuple[bytes, ...], *, source: str,
             source_eid: str) -> list[Instruction]:
    """The changes of an action that joins several with "and" ("for «0» substitute «1» and omit «2»"), each read
    on its own in the same place — or [] unless every one of them reads (and at most one carries the quoted
    structures, which are then its own)."""
    parts = _AND_THEN.split(action)
    if len(parts) < 2 or sum(OBJECT in part for part in parts) > 1:
        return []
    out = []
    for part in parts:
        got = instruction(words, prose, part, here, objects if OBJECT in part else (), source=source,
                          source_eid=source_eid)
        if not isinstance(got, Instruction):
            return []
        out.append(got)
    return out


def read_words(words: str, title: str, *, structures: tuple[bytes, ...] = (), source: str = "",
               source_eid: str = "") -> Instruction | str | None:
    """Read one amending provision's words on their own, as if the Act ``title`` were already named (the
    provision is in a section that says "The <title> is amended as follows"). Quoted structures are U+FFFC in
    ``words``, their XML in ``structures``. Gives an :class:`Instruction`, the reason it cannot be read, or None
    when it is not about the Act.

    >>> from lawtrack.acts.read import read_words
    >>> ins = read_words("In section 213, in each place it occurs, for “a shorthold” substitute “an assured”.",
    ...                  "Housing Act 2004")
    >>> ins.targets[0].describe(), ins.change.words, ins.change.new, ins.change.each_place
    ('section 213', 'a shorthold', 'an assured', True)
    """
    try:
        prose = mask(words, [title])
    except Unreadable as exc:
        return f"its quotation marks cannot be read: {exc}"
    ctx = Ctx(act="target", last_act="target", quotes=prose.quotes)
    here, action = phrases(prose.masked, ctx)
    if here is None:
        return "lawtrack cannot tell which provision of the Act these words are about"
    return instruction(words, prose, _TRAILING.sub("", action), here, structures, source=source,
                       source_eid=source_eid)


def read_bill(bill: Bill, title: str) -> Found:
    """Every amending provision of ``bill`` that acts on the Act called ``title`` (its short title)."""
    return _Reader(bill, title).run()
