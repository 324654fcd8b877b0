"""Amendments and the typed operations their instructions parse into (frozen, pure data)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from lawtrack.model.provision import Kind, Provision


class _Frozen(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True)


class Person(_Frozen):
    name: str
    id: str | None = None  # "person-4267" (Parliament's member id)


class Insertion(_Frozen):
    """What an instruction inserts: words, structure (provisions), or words leading into a structure."""

    words: str = ""
    structure: tuple[Provision, ...] = ()

    def describe(self) -> str:
        """In words: “the words”, "subsections (3A) to (3C)", "a new clause “Heading”", "paragraph (d)"; "the
        text that follows (not given)" when it has neither."""
        bits = []
        if self.words:
            bits.append(f"“{self.words}”")
        if self.structure:
            bits.append(structure_phrase(self.structure))
        # an instruction read alone ("… at end insert—", its text not given): never "insert nothing", which
        # would say the amendment does nothing
        return " followed by ".join(bits) or "the text that follows (not given)"


_KIND_WORDS = {
    Kind.SUBSECTION: ("subsection", "subsections"),
    Kind.PARAGRAPH: ("paragraph", "paragraphs"),
    Kind.SUBPARAGRAPH: ("sub-paragraph", "sub-paragraphs"),
    Kind.SUBSUBPARAGRAPH: ("sub-paragraph", "sub-paragraphs"),
    Kind.CLAUSE: ("clause", "clauses"),
    Kind.SCHEDULE: ("Schedule", "Schedules"),
    Kind.PART: ("Part", "Parts"),
    Kind.CHAPTER: ("Chapter", "Chapters"),
    Kind.CROSSHEADING: ("cross-heading", "cross-headings"),
    Kind.DEFINITION: ("definition", "definitions"),
}


def kind_word(p: Provision, plural: bool = False) -> str:
    """"subsection", "paragraph", "clause" … (a clause of a quoted Act is a "section")."""
    if p.kind is Kind.CLAUSE and p.quoted:
        return "sections" if plural else "section"
    words = _KIND_WORDS.get(p.kind, ("provision", "provisions"))
    return words[1] if plural else words[0]


def _labels(labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    if len(labels) == 2:
        return f"{labels[0]} and {labels[1]}"
    return f"{labels[0]} to {labels[-1]}"


def structure_phrase(structure: tuple[Provision, ...]) -> str:
    """Inserted provisions in words, grouped by kind: "subsections (3A) to (3C)", "a new clause “Heading”"."""
    groups: list[list[Provision]] = []
    for p in structure:
        if groups and groups[-1][0].kind is p.kind:
            groups[-1].append(p)
        else:
            groups.append([p])
    out = []
    for group in groups:
        first = group[0]
        if first.kind in (Kind.CLAUSE, Kind.SCHEDULE) and not first.quoted:
            headings = [f"“{p.heading}”" for p in group if p.heading]
            noun = kind_word(first, plural=len(group) > 1)
            named = f" {_labels(headings)}" if headings else ""
            out.append(f"{'a ' if len(group) == 1 else ''}new {noun}{named}")
        elif first.kind is Kind.DEFINITION:
            terms = [f"“{p.label or p.text[:40]}”" for p in group]
            out.append(f"{kind_word(first, plural=len(group) > 1)} of {_labels(terms)}")
        else:
            nums = [p.num or (f"“{p.heading}”" if p.heading else "") for p in group]
            nums = [n for n in nums if n]
            noun = kind_word(first, plural=len(nums) > 1)
            out.append(f"{noun} {_labels(nums)}" if nums else noun)
    return ", then ".join(out)


class Address(_Frozen):
    """Where an instruction points, as written: "Clause 2, page 3, line 15", "Schedule 2, page 40, line 3"."""

    clause: str | None = None
    schedule: str | None = None  # "" for an unnumbered Schedule
    part: str | None = None
    chapter: str | None = None
    #: "Cross-heading before Clause 5" (or, with ``schedule``, before paragraph 5): the clause or paragraph the
    #: cross-heading stands before — lawtrack's address for a heading on a print without page/line markers.
    heading_before: str | None = None
    page: int | None = None
    line: int | None = None
    #: Subdivisions named in the address itself, for bills without a print: "Clause 5(2)(a)" → ("2", "a").
    path: tuple[str, ...] = ()
    title: bool = False
    #: For an amendment to an amendment: the amendment amended, when the instruction names it ("As an amendment
    #: to Amendment 96, line 3,"); None when it does not ("Line 25, at end insert—" on a Commons paper).
    amendment: str | None = None

    def __str__(self) -> str:
        bits: list[str] = []
        if self.amendment is not None:
            bits.append(f"As an amendment to Amendment {self.amendment}")
        if self.title:
            bits.append("Title")
        if self.clause is not None:
            bits.append(f"Clause {self.clause}" + "".join(f"({p})" for p in self.path))
        if self.schedule is not None:
            head = f"Schedule {self.schedule}".rstrip()
            if self.clause is None and self.path:
                head += ", paragraph " + self.path[0] + "".join(f"({p})" for p in self.path[1:])
            bits.append(head)
        if self.part is not None:
            bits.append(f"Part {self.part}")
        if self.chapter is not None:
            bits.append(f"Chapter {self.chapter}")
        if self.heading_before is not None:
            bits.append(f"cross-heading before {'paragraph' if self.schedule is not None else 'Clause'} "
                        f"{self.heading_before}")
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.line is not None:
            bits.append(f"line {self.line}")
        return ", ".join(bits) or "(no address)"


# -- operations ------------------------------------------------------------------------------------------------


class Point(_Frozen):
    """One end of a "leave out from … to …" range: quoted words (kept: the range runs from just after “x” to just
    before “y”), the beginning (of the line, or of line N), the end of line N (with no N, "to end of line", the
    line addressed), or the end of a provision ("to the end of subsection (1)")."""

    kind: Literal["words", "beginning", "end-of-line", "end-of-provision"]
    words: str = ""
    line: int | None = None
    page: int | None = None
    #: For "end-of-provision": the kind ("subsection", "paragraph", "sub-paragraph") and labels ("1", "a"), or
    #: "clause" with no labels (the end of the clause the address names).
    provision: str = ""
    labels: tuple[str, ...] = ()
    #: "the first “x”": which occurrence on the line (1-based); None means it must be unique.
    occurrence: int | None = None


class LeaveOutWords(_Frozen):
    """"leave out “x”" (and insert …). ``each_place`` for "in each place"/"in both places"."""

    op: Literal["leave-out-words"] = "leave-out-words"
    words: str
    each_place: bool = False
    occurrence: int | None = None
    insert: Insertion | None = None


class InsertWords(_Frozen):
    """"after “x” insert …", "before “x” insert …", "at end insert …", "at beginning insert …"."""

    op: Literal["insert"] = "insert"
    where: Literal["after", "before", "at-end", "at-beginning"]
    anchor: str = ""
    each_place: bool = False
    #: "after “x” where it second occurs": which occurrence of the anchor (1-based, -1 the last); None: the only one.
    occurrence: int | None = None
    insert: Insertion


class LeaveOutRange(_Frozen):
    """"leave out from “x” to “y” (in line N)" / "from beginning to end of line N" (and insert …)."""

    op: Literal["leave-out-range"] = "leave-out-range"
    start: Point
    end: Point
    insert: Insertion | None = None


class LeaveOutLines(_Frozen):
    """"leave out lines 20 to 23" / "lines 18 and 19" (and insert …)."""

    op: Literal["leave-out-lines"] = "leave-out-lines"
    first: int
    last: int
    insert: Insertion | None = None


class LeaveOutProvisions(_Frozen):
    """"leave out subsection (10)", "paragraphs (a) and (b)", "sub-paragraphs (iii) to (v)" (and insert …)."""

    op: Literal["leave-out-provisions"] = "leave-out-provisions"
    kind: Literal["subsection", "paragraph", "sub-paragraph"]
    labels: tuple[str, ...]
    through: bool = False  # "(a) to (c)": every provision from the first to the last label
    insert: Insertion | None = None


class LeaveOutClause(_Frozen):
    """"leave out Clause 69" / "Leave out Clause 4" / "leave out Schedule 2" — and "Leave out Clause 4 and insert
    the following new Clause—", which puts the new clause where the old one stood."""

    op: Literal["leave-out-clause"] = "leave-out-clause"
    clause: str | None = None
    schedule: str | None = None
    insert: Insertion | None = None


class NewProvision(_Frozen):
    """"To move the following Clause—" / "After Clause 26, insert the following new Clause—" / a new Schedule
    ("To move the following Schedule—", "After Schedule 2, insert the following new Schedule—")."""

    op: Literal["new-provision"] = "new-provision"
    kind: Literal["clause", "schedule"]
    after: str | None = None
    before: str | None = None
    #: What ``after`` / ``before`` numbers: a clause ("After Clause 26") or a Schedule ("After Schedule 2").
    anchor: Literal["clause", "schedule"] = "clause"
    insert: Insertion


Operation = Annotated[
    LeaveOutWords | InsertWords | LeaveOutRange | LeaveOutLines | LeaveOutProvisions | LeaveOutClause | NewProvision,
    Field(discriminator="op"),
]


class Parsed(_Frozen):
    """An instruction understood: where it points and what it does.

    >>> import lawtrack
    >>> parsed = lawtrack.parse_instruction("Clause 5, page 4, line 12, after “must” insert “, within 28 days,”")
    >>> parsed.address.page, parsed.address.line, parsed.operation.where, parsed.operation.insert.words
    (4, 12, 'after', ', within 28 days,')
    """

    status: Literal["parsed"] = "parsed"
    address: Address
    operation: Operation
    #: How lawtrack read what was not quite House style (unbalanced quotation marks), for the outcome to say.
    notes: tuple[str, ...] = ()

    @property
    def lawmaker_type(self) -> str:
        """The LawMaker ``ukl:type`` this operation corresponds to."""
        return lawmaker_type(self.operation)


class Unparsed(_Frozen):
    """An instruction lawtrack could not read: why, and at which character of the instruction.

    >>> import lawtrack
    >>> lawtrack.parse_instruction("").reason
    'the instruction is empty'
    """

    status: Literal["unparsed"] = "unparsed"
    reason: str
    position: int
    text: str = ""


def lawmaker_type(op: Operation) -> str:
    if isinstance(op, NewProvision):
        return "newClause" if op.kind == "clause" else "newSchedule"
    if isinstance(op, LeaveOutClause):
        if op.insert is not None:
            return "substitute"
        return "leaveOutClause" if op.clause is not None else "leaveOutSchedule"
    if isinstance(op, InsertWords):
        return "insert"
    inserts = op.insert is not None
    return "substitute" if inserts else "leaveOut"


class Amendment(_Frozen):
    """One amendment as tabled (or drafted): its number, sponsors, instruction and what it inserts.

    >>> import lawtrack
    >>> a = lawtrack.load_paper("bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml").amendments[3]
    >>> a.number, a.dnum, a.proposer.name, a.instruction
    ('2', 'HoC238', 'Layla Moran', 'Clause 1, page 1, line 16, at end insert— \ufffc')
    """

    number: str  # marshalled number: "27", "NC14", "96"; "" for a draft not yet numbered
    dnum: str | None = None  # LawMaker's ukl:dnum ("HoC238"), the Bills API's dNum
    type: str | None = None  # LawMaker ukl:type as given in the paper
    target_provision: str | None = None  # ukl:targetProvision as given ("sec_22", "sch_2", "amnd_NC4")
    target_page: str | None = None  # ukl:targetPage as given ("p_18__ln_11")
    proposer: Person | None = None
    supporters: tuple[Person, ...] = ()
    star: str | None = None  # "★" (new today) or "☆" (new yesterday), as printed
    instruction: str = ""  # the prose; each quoted structure is one U+FFFC character
    inserted: tuple[tuple[Provision, ...], ...] = ()  # the quoted structures, in order
    #: The same structures as LawMaker XML (each a serialised ``quotedStructure``), for applying them.
    inserted_xml: tuple[bytes, ...] = Field(default=(), exclude=True, repr=False)
    explanatory_statement: str | None = None
    heading: str | None = None  # the heading of a new clause, for lists
    stage: str | None = None  # "Report Stage", "Public Bill Committee"
    paper_date: str | None = None
    bill_title: str | None = None
    bill_version: str | None = None  # varBillStageVersion: the print the amendment refers to
    bill_number: str | None = None
    house: str | None = None
    source: str = ""  # file it was read from
    source_line: int | None = None

    @property
    def label(self) -> str:
        """How outcomes and Keeling views name it: its number, else its dNum, else (an unnumbered draft) the
        name of its file without the suffix ("03-victims-code-support")."""
        if self.number or self.dnum:
            return self.number or self.dnum or ""
        stem = re.split(r"[\\/]", self.source)[-1].rsplit(".", 1)[0] if self.source else ""
        return stem or "draft"


class OrderComponent(_Frozen):
    """A non-amendment component of a paper (e.g. an Order of the House), kept as such."""

    kind: str  # "hcOrder"
    heading: str | None = None
    text: str = ""


class AmendmentPaper(_Frozen):
    """A LawMaker amendment paper: which bill and print it is for, its amendments and other components.

    >>> import lawtrack
    >>> paper = lawtrack.load_paper("bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml")
    >>> paper.bill_title, paper.bill_number, paper.date, len(paper.amendments)
    ('Victims and Prisoners Bill', 'Bill 351', '2023-09-06', 6)
    """

    title: str | None = None
    bill_title: str | None = None
    bill_version: str | None = None
    bill_number: str | None = None  # varBillNo: the print's number, "Bill 286"
    stage: str | None = None
    house: str | None = None
    date: str | None = None
    project_id: str | None = None
    amendments: tuple[Amendment, ...] = ()
    orders: tuple[OrderComponent, ...] = ()
    source: str = ""


OBJECT = "\ufffc"  # stands for a quoted structure inside instruction prose
