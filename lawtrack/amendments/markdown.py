"""Amendments written in Markdown by policy officers (one file per amendment, under ``amendments/``).

    ---
    bill: victims-and-prisoners          # the bill manifest's slug (or its title)
    stage: Report stage, House of Commons
    number: NC36                         # optional until tabled
    proposer: {name: Sarah Champion, id: person-4267}
    supporters: [{name: Jess Phillips}]
    explanatory_statement: This new clause would …
    ---
    To move the following Clause—

    #### Protection of victims’ personal data

    - (1) …
    - (a) …

The body is the instruction in House style; text it inserts follows as Markdown in the bill layout (a new
clause opens with its ``####`` heading). Reads to the same :class:`Amendment` as a LawMaker paper.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from lxml import etree
from markdown_it import MarkdownIt
from pydantic import ValidationError

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import OBJECT, Amendment, Parsed, Person
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import NSMAP, akn
from lawtrack.formats.lawmaker import provisions_of
from lawtrack.formats.markdown_reader import markdown_fragment, split_front_matter
from lawtrack.model.provision import Provision

_MD = MarkdownIt("commonmark", {"html": False})
_STRUCTURE_START = re.compile(r"^(#{1,6}\s|[-*+]\s|>)")
#: ``notes`` is free text for the drafting team and is not part of the amendment.
_KNOWN = {"bill", "stage", "number", "dnum", "house", "proposer", "supporters", "sponsors", "explanatory_statement",
          "star", "paper_date", "bill_version", "bill_number", "notes"}


def _plain_inline(markdown: str) -> str:
    tokens = _MD.parseInline(markdown)
    out: list[str] = []
    for tok in tokens[0].children or [] if tokens else []:
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return " ".join("".join(out).split())


def _person(value: Any, source: str, field: str) -> Person:
    if isinstance(value, str):
        return Person(name=value)
    if isinstance(value, dict):
        try:
            return Person.model_validate(value)
        except ValidationError as exc:
            raise LawtrackError(f"front matter '{field}': {exc.errors()[0]['msg']}", source=source,
                                expected="a name, or {name: …, id: person-NNNN}") from None
    raise LawtrackError(f"front matter '{field}' has a {type(value).__name__}", source=source,
                        expected="a name, or {name: …, id: person-NNNN}")


def _quoted_structure(elements: list[etree._Element]) -> bytes:
    qs = etree.Element(akn("quotedStructure"), nsmap=NSMAP,  # type: ignore[arg-type]
                       attrib={"startQuote": "“", "endQuote": "”"})
    for el in elements:
        qs.append(el)
    return etree.tostring(qs, encoding="UTF-8")


def read_markdown_amendment(text: str, source: str = "<markdown>") -> Amendment:
    """Read one Markdown amendment. Raises :class:`LawtrackError` naming the file and line for bad input."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    fm, lines, offset = split_front_matter(text, source)
    unknown = sorted(set(fm) - _KNOWN)
    if unknown:
        raise LawtrackError(f"unknown front matter field '{unknown[0]}'", source=source, line=2,
                            expected=", ".join(sorted(_KNOWN)))
    instruction_lines: list[str] = []
    structure_start: int | None = None
    for i, line in enumerate(lines):
        if _STRUCTURE_START.match(line.strip()) and instruction_lines:
            structure_start = i
            break
        if line.strip():
            instruction_lines.append(line.strip())
    if not instruction_lines:
        raise LawtrackError("the amendment has no instruction", source=source, line=offset + 1,
                            expected="House-style prose such as 'Clause 2, page 3, line 15, leave out “x”'")
    prose = _plain_inline(" ".join(instruction_lines))
    structures: tuple[tuple[Provision, ...], ...] = ()
    xml: tuple[bytes, ...] = ()
    if structure_start is not None:
        fragment = "\n".join(lines[structure_start:])
        elements = markdown_fragment(fragment, source, offset + structure_start)
        if not elements:
            raise LawtrackError("the text after the instruction holds no provisions", source=source,
                                line=offset + structure_start + 1,
                                expected="'#### Heading' then '- (1) …' items, or '- (a) …' items")
        blob = _quoted_structure(elements)
        container = etree.fromstring(blob)
        structures = (provisions_of(container),)
        xml = (blob,)
        if OBJECT not in prose:
            prose = prose.rstrip() + OBJECT
    proposer = None
    supporters: list[Person] = []
    sponsors = fm.get("sponsors")
    if isinstance(sponsors, list) and sponsors:
        proposer = _person(sponsors[0], source, "sponsors")
        supporters = [_person(s, source, "sponsors") for s in sponsors[1:]]
    if "proposer" in fm:
        proposer = _person(fm["proposer"], source, "proposer")
    if isinstance(fm.get("supporters"), list):
        supporters = [_person(s, source, "supporters") for s in fm["supporters"]]
    parsed = parse_instruction(prose, structures)
    kind = parsed.lawmaker_type if isinstance(parsed, Parsed) else None
    heading = structures[0][0].heading if structures and structures[0] else None

    def text_field(name: str) -> str | None:
        value = fm.get(name)
        if value is None:
            return None
        return " ".join(str(value).split())

    return Amendment(
        number=str(fm.get("number") or ""),
        dnum=text_field("dnum"),
        type=kind,
        proposer=proposer,
        supporters=tuple(supporters),
        star=text_field("star"),
        instruction=prose,
        inserted=structures,
        inserted_xml=xml,
        explanatory_statement=text_field("explanatory_statement"),
        heading=heading,
        stage=text_field("stage"),
        paper_date=text_field("paper_date"),
        bill_title=text_field("bill"),
        bill_version=text_field("bill_version"),
        bill_number=text_field("bill_number"),
        house=text_field("house"),
        source=source,
        source_line=offset + 1,
    )


def write_markdown_amendment(amendment: Amendment) -> str:
    """An amendment as a Markdown draft that :func:`read_markdown_amendment` reads back to the same amendment:
    front matter written by the YAML library (so titles with quotes, colons or ``#`` survive), the
    instruction, then any text it inserts in the bill Markdown layout."""
    from lawtrack.formats.markdown_writer import provision_markdown

    a = amendment
    front: dict[str, Any] = {}
    for key, value in (("bill", a.bill_title), ("stage", a.stage), ("house", a.house), ("number", a.number),
                       ("dnum", a.dnum), ("star", a.star), ("paper_date", a.paper_date),
                       ("bill_version", a.bill_version), ("bill_number", a.bill_number)):
        if value:
            front[key] = value
    if a.proposer is not None:
        front["proposer"] = a.proposer.model_dump(exclude_none=True)
    if a.supporters:
        front["supporters"] = [p.model_dump(exclude_none=True) for p in a.supporters]
    if a.explanatory_statement:
        front["explanatory_statement"] = a.explanatory_statement
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100) if front else ""
    body = a.instruction.replace(OBJECT, "").strip()
    structure = "\n\n".join(provision_markdown(blob) for blob in a.inserted_xml)
    return f"---\n{head}---\n{body}\n" + (f"\n{structure}\n" if structure else "")
