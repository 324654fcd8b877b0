"""Find what an instruction cites in the Act: "section 212(8)", "paragraph 2(2) of Schedule 1", "the definition
of “x” in section 212(8)", "the italic heading before section 28" (pure)."""

from __future__ import annotations

from lxml import etree

from lawtrack.acts.model import Target
from lawtrack.errors import LawtrackError
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision


class NotFound(LookupError):
    """The Act has no such provision (the message says what it has)."""


def _labelled(scope: Provision, label: str) -> Provision | None:
    want = label.lower()
    for child in scope.numbered_children():
        if (child.label or "").lower() == want and not child.quoted:
            return child
    return None


def _descend(p: Provision, path: tuple[str, ...], where: str, within: str = "") -> Provision:
    for i, label in enumerate(path):
        found = _labelled(p, label)
        if found is None:
            have = ", ".join(f"({c.label})" for c in p.numbered_children() if c.label) or "none"
            cited = where + "".join(f"({x})" for x in path[: i + 1])
            raise NotFound(f"the Act has no {cited}{within} (its provisions there: {have})")
        p = found
    return p


def _schedule(act: Bill, label: str, schedules: list[Provision] | None = None) -> Provision:
    schedules = act.schedules() if schedules is None else schedules
    if label == "" and len(schedules) == 1:
        return schedules[0]
    for s in schedules:
        if (s.label or "").lower() == label.lower():
            return s
    raise NotFound(f"the Act has no Schedule {label}".rstrip())


def _paragraph(schedule: Provision, label: str) -> Provision | None:
    stack = list(schedule.children)
    while stack:
        node = stack.pop(0)
        if node.quoted:
            continue
        if node.kind is Kind.PARAGRAPH and (node.label or "").lower() == label.lower():
            return node
        if node.kind in (Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.LEVEL, Kind.OTHER):
            stack[0:0] = list(node.children)
    return None


def _definition(p: Provision, term: str) -> Provision:
    want = " ".join(term.split()).lower()
    for node in p.walk():
        if node.kind is not Kind.DEFINITION or node.quoted:
            continue
        for m in node.marks:
            if m.tag == "def" and " ".join(node.text[m.start : m.end].split()).strip("“”\"").lower() == want:
                return node
    raise NotFound(f"there is no definition of “{term}” in {p.eid}")


def _grouping(act: Bill, scope: Provision | None, kind: Kind, label: str) -> Provision:
    nodes = scope.walk() if scope is not None else act.walk()
    for node in nodes:
        if node.kind is kind and not node.quoted and (node.label or "").lower() == label.lower():
            return node
    raise NotFound(f"the Act has no {kind.value.title()} {label}")


class Finder:
    """Resolves targets in one Act, reading its list of Schedules once."""

    def __init__(self, act: Bill) -> None:
        self.act = act
        self.schedules = act.schedules()
        self._elements: dict[str, etree._Element] | None = None

    def __call__(self, target: Target) -> Provision:
        return resolve(self.act, target, self.schedules)

    def element(self, eid: str) -> etree._Element | None:
        """The Act's element with this eId (read-only), or None."""
        if self._elements is None:
            self._elements = {}
            try:
                root = self.act.tree()
            except LawtrackError:
                return None
            for el in root.iter():
                if isinstance(el.tag, str) and el.get("eId"):
                    self._elements.setdefault(el.get("eId", ""), el)
        return self._elements.get(eid)


def resolve(act: Bill, target: Target, schedules: list[Provision] | None = None) -> Provision:
    """The provision ``target`` cites (for a definition, the definition; for a heading, the headed provision; for
    the existing text an earlier provision of the bill renumbered, or an entry of a table, the provision that holds
    it)."""
    if target.existing_text and target.path:
        target = target.model_copy(update={"path": target.path[:-1], "existing_text": False})
    if target.entry is not None:  # a row of a table: the provision that holds the table (apply finds the row)
        target = target.model_copy(update={"entry": None, "column": None})
    if target.heading_before is not None:
        if target.schedule is not None:
            opened = _paragraph(_schedule(act, target.schedule, schedules), target.heading_before)
            named = f"paragraph {target.heading_before} of Schedule {target.schedule}".rstrip()
        else:
            opened = act.clause(target.heading_before)
            named = f"section {target.heading_before}"
        if opened is None:
            raise NotFound(f"the Act has no {named}")
        parent = act.parent(opened)
        if parent is None or parent.kind is not Kind.CROSSHEADING:
            raise NotFound(f"{named} has no italic heading before it")
        return parent
    if target.section is not None:
        section = act.clause(target.section)
        if section is None:
            raise NotFound(f"the Act has no section {target.section}")
        p = _descend(section, target.path, f"section {target.section}")
    elif target.schedule is not None:
        schedule = _schedule(act, target.schedule, schedules)
        if target.part is not None:
            p = _grouping(act, schedule, Kind.PART, target.part)
        elif target.path:
            para = _paragraph(schedule, target.path[0])
            if para is None:
                raise NotFound(f"Schedule {target.schedule} has no paragraph {target.path[0]}")
            p = _descend(para, target.path[1:], f"paragraph {target.path[0]}")
        else:
            p = schedule
    elif target.part is not None:
        p = _grouping(act, None, Kind.PART, target.part)
        if target.chapter is not None:
            p = _grouping(act, p, Kind.CHAPTER, target.chapter)
    else:
        raise NotFound("the instruction does not say which provision of the Act it changes")
    if target.definition is not None:
        p = _definition(p, target.definition)
        p = _descend(p, target.definition_path, "paragraph ", f" in the definition of “{target.definition}”")
    return p
