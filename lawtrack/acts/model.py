"""What a bill does to an Act: where in the Act (:class:`Target`), what (:class:`Change`), said by which bill
provision (:class:`Instruction`), and the table of amendments (:class:`Row`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from lawtrack.model.provision import Provision


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Target(_Frozen):
    """A place in the Act, as the bill cites it: "section 212(8)", "paragraph 2(2) of Schedule 1", "the heading of
    section 32", "the definition of “tenancy deposit” in section 212(8)", "the opening words of section 76", "the
    closing words of section 76(1)"."""

    schedule: str | None = None  # "" for an unnumbered Schedule
    section: str | None = None
    part: str | None = None
    chapter: str | None = None
    #: Labels below the section ("8", "a") or, in a Schedule, the paragraph and below ("2", "2").
    path: tuple[str, ...] = ()
    heading: bool = False
    #: "the italic heading before section 28": the cross-heading that section 28 opens (with ``schedule``, the one
    #: that paragraph 28 of that Schedule opens).
    heading_before: str | None = None
    definition: str | None = None
    #: Labels inside the definition: "in the definition of “worker”, in paragraph (b)" is ("b",).
    definition_path: tuple[str, ...] = ()
    opening_words: bool = False
    #: "the closing words of section 76", "the words after paragraph (b)": the words after its last sub-provision.
    closing_words: bool = False
    #: The last label of ``path`` is the number an earlier provision of the bill gave the existing text ("(a) the
    #: existing text becomes subsection (1); (b) after that subsection insert—"): the Act has no such provision
    #: yet, and the target is the provision that holds that text.
    existing_text: bool = False
    #: "the entry for “assured shorthold tenancy”" (or "relating to"): a row of the table the provision holds, by
    #: the words of its first column; ``column`` narrows it to one cell ("in the first column").
    entry: str | None = None
    column: int | None = None

    def describe(self) -> str:
        bits: list[str] = []
        if self.heading_before is not None:
            if self.schedule is not None:  # a cross-heading in a Schedule, before one of its paragraphs
                return f"the italic heading before paragraph {self.heading_before} of Schedule {self.schedule}".rstrip()
            return f"the italic heading before section {self.heading_before}"
        if self.section is not None:
            bits.append(f"section {self.section}" + "".join(f"({p})" for p in self.path))
        elif self.schedule is not None:
            if self.path:
                bits.append(f"paragraph {self.path[0]}" + "".join(f"({p})" for p in self.path[1:]) + " of")
            bits.append(f"Schedule {self.schedule}".rstrip())
        if self.part is not None and self.section is None:
            bits.insert(0, (f"Chapter {self.chapter} of " if self.chapter else "") + f"Part {self.part}"
                        + (" of" if bits else ""))
        where = " ".join(bits) or "the Act"
        if self.heading:
            return f"the heading of {where}"
        if self.definition is not None:
            inside = (f"paragraph ({self.definition_path[0]})" + "".join(f"({x})" for x in self.definition_path[1:])
                      + " of ") if self.definition_path else ""
            return f"{inside}the definition of “{self.definition}” in {where}"
        if self.entry is not None:
            cell = f"the {ORDINAL_WORDS.get(self.column, str(self.column))} column of " if self.column else ""
            return f"{cell}the entry for “{self.entry}” in {where}"
        if self.existing_text and self.path:
            holder = self.model_copy(update={"path": self.path[:-1], "existing_text": False}).describe()
            return f"{where} (the existing text of {holder}, renumbered)"
        if self.opening_words:
            return f"the opening words of {where}"
        if self.closing_words:
            return f"the closing words of {where}"
        return where


#: Ordinals as the House writes them: "in the second place", "in the first column", "the last" (-1).
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": -1}
ORDINAL_WORDS = {n: word for word, n in ORDINALS.items()}

Action = Literal["substitute", "omit", "insert", "renumber"]
Where = Literal["replace", "after", "before", "at-end", "at-beginning", "appropriate-place"]


class Change(_Frozen):
    """One change to the Act's text, as the bill words it.

    Words: ``for “x” substitute “y”`` (action substitute, words x, new y), ``omit “x”``, ``after “x” insert “y”``
    (where after), ``at the end insert “y”``, ``for the words from “x” to “y” substitute`` (to y; both ends
    included, as in an Act), ``for “x” to the end of that paragraph`` (to ""), ``the words following “x”``.
    Provisions: ``omit subsection (3)``, ``for section 215 substitute—``, ``after subsection (4) insert—``, ``at the
    appropriate place insert—`` (a definition), ``omit the definition of “x”``. Headings: ``the heading of the
    section becomes “…”``. Renumbering: ``the existing text becomes subsection (1)`` (action renumber, unit
    provision, kind subsection, labels ("1",)).
    """

    action: Action
    unit: Literal["words", "provision", "heading"] = "words"
    words: str = ""
    to: str | None = None
    following: bool = False
    #: "the words from the beginning to “x”": the span starts where the provision's text does (``words`` is "").
    from_beginning: bool = False
    new: str = ""
    where: Where = "replace"
    each_place: bool = False
    occurrence: int | None = None
    #: For provisions: what is named ("section", "subsection", "paragraph", "sub-paragraph", "definition", "Part",
    #: "Schedule", "Chapter", "cross-heading") and its labels (for a definition, its term).
    kind: str = ""
    labels: tuple[str, ...] = ()
    structure: tuple[Provision, ...] = ()
    #: For provisions inserted after another, ``new`` is the words the quotation opens with ("after paragraph (c)
    #: insert “and (d) …”"), which end the provision named.
    #: "(together with the “or” at the end of it)" / "(but before the “or” at the end)".
    #: Words followed by inserted provisions ("substitute “that—” ￼": the words, then paragraphs).
    with_structure: bool = False
    together_with: str = ""
    but_before: str = ""
    #: "omit paragraph (b) (but not the “and” following it)": the word that ends the omitted provision stays, at
    #: the end of the provision before it.
    keep_word: str = ""
    #: "omit section 19 and the italic heading before it": the cross-heading the section opens goes too.
    heading_too: bool = False
    #: "in the entry for “x”, … (and, accordingly, move the entry to the appropriate place)": the changed entry
    #: goes where its new words sort.
    move_entry: bool = False
    #: "at the appropriate places insert— “designation notice (in Part 4) section 84”; …": entries of a table given
    #: as quoted words, each (first column, second column).
    entries: tuple[tuple[str, str], ...] = ()


class Instruction(_Frozen):
    """One amending provision of the bill that acts on the Act: which provision says it, where and what."""

    source: str  # "s. 28(2)(a)", "para. 61(a) of schedule 2"
    source_eid: str
    text: str  # the bill's words (quoted structures shown as ￼)
    targets: tuple[Target, ...]
    change: Change
    #: True when the two targets are the ends of a range ("omit sections 96 to 100").
    through: bool = False
    #: How unbalanced quotation marks were read, and other notes on the reading.
    notes: tuple[str, ...] = ()
    #: The quoted structure(s) the change inserts, as XML (one ``quotedStructure`` each).
    structure_xml: tuple[bytes, ...] = ()


class Unread(_Frozen):
    """A provision of the bill that seems to amend the Act but whose words lawtrack could not read."""

    source: str
    source_eid: str
    text: str
    reason: str


Status = Literal["applied", "not-found", "ambiguous", "unparsed", "error"]


class Row(_Frozen):
    """One row of the table of amendments (the keys of LawMaker's Keeling service, and lawtrack's own);
    ``lawtrack.AmendmentRow``.

    >>> import lawtrack
    >>> act = lawtrack.load_bill("bills/housing-act-2004/act.xml")
    >>> row = lawtrack.keeling(act, lawtrack.load_bill("bills/housing-act-2004/bill.xml")).rows[12]
    >>> row.source, row.type_of_amendment, row.affected_provision, row.whole_provision
    ('s. 28(6)', 'deletion', 'sec_215A', True)
    """

    source: str
    source_eid: str
    type_of_amendment: Literal["insertion", "substitution", "deletion"]
    affected_provision: str
    location: Literal["Before", "After", "Replace"]
    whole_provision: bool
    #: lawtrack's own: what the bill says, in words; the outcome of applying it, and why.
    operation: str = ""
    status: Status = "applied"
    detail: str = ""

    def table_dict(self) -> dict[str, object]:
        return {"source": self.source, "source_eid": self.source_eid, "type_of_amendment": self.type_of_amendment,
                "affected_provision": self.affected_provision, "location": self.location,
                "whole_provision": self.whole_provision}
