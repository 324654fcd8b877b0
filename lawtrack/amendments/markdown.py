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

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any

import yaml
from lxml import etree
from markdown_it import MarkdownIt
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import OBJECT, Amendment, Parsed, Person
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import NSMAP, akn
from lawtrack.formats.frontmatter import FrontMatter, read_front_matter
from lawtrack.formats.lawmaker import provisions_of
from lawtrack.formats.markdown_reader import markdown_fragment
from lawtrack.formats.xmlsafe import refuse_invalid_characters
from lawtrack.model.provision import Provision

_MD = MarkdownIt("commonmark", {"html": False})
_STRUCTURE_START = re.compile(r"^(#{1,6}\s|[-*+]\s|>)")
#: A draft is read like a bill: no bigger than the largest document lawtrack accepts.
MAX_DRAFT_CHARS = 4 * 1024 * 1024
_PERSON = "a name, or {name: …, id: person-NNNN}"


def _text(value: Any) -> Any:
    """Text fields: whitespace collapsed; other types left for validation to refuse."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _person_value(value: Any) -> Any:
    """A name alone, or a mapping; the name's white space collapsed (as a paper's names are read)."""
    if isinstance(value, str):
        return {"name": _text(value)}
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return {**value, "name": _text(value["name"])}
    return value


def _people(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        raise ValueError(f"a list is expected (one name per item, e.g. [Jess Phillips, Sarah Champion]), not "
                         f"{'a single name' if isinstance(value, str) else 'a mapping'}")
    if not isinstance(value, list):
        raise ValueError(f"a list of names is expected, not {type(value).__name__}")
    return [_person_value(v) for v in value]


def _iso_date(value: Any) -> Any:
    if isinstance(value, str) and value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


Text = Annotated[str | None, BeforeValidator(_text)]


class DraftFrontMatter(BaseModel):
    """The front matter of a Markdown draft: every field typed, no field lawtrack would ignore.

    ``notes`` is free text for the drafting team and is not part of the amendment.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    bill: Text = None
    stage: Text = None
    number: Text = None
    dnum: Text = None
    house: Text = None
    proposer: Annotated[Person | None, BeforeValidator(_person_value)] = None
    supporters: Annotated[list[Person], BeforeValidator(_people)] = []
    sponsors: Annotated[list[Person], BeforeValidator(_people)] = []
    explanatory_statement: Text = None
    star: Text = None
    paper_date: Annotated[Text, AfterValidator(_iso_date)] = None
    bill_version: Text = None
    bill_number: Text = None
    notes: Text = None


def _front(data: dict[str, Any], front: FrontMatter, source: str) -> DraftFrontMatter:
    try:
        return DraftFrontMatter.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        where = ".".join(str(x) for x in first["loc"])
        if first["type"] == "extra_forbidden":
            raise LawtrackError(f"unknown front matter field '{key}'", source=source, line=front.line_of(key),
                                expected=", ".join(DraftFrontMatter.model_fields)) from None
        expected = (_PERSON if key in ("proposer", "supporters", "sponsors")
                    else "a date such as 2024-04-30" if key == "paper_date" else "text")
        message = str(first["msg"]).removeprefix("Value error, ")
        raise LawtrackError(f"front matter '{where}': {message}", source=source, line=front.line_of(key),
                            expected=expected) from None


def _plain_inline(markdown: str) -> str:
    tokens = _MD.parseInline(markdown)
    out: list[str] = []
    for tok in tokens[0].children or [] if tokens else []:
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return " ".join("".join(out).split())


def _quoted_structure(elements: list[etree._Element]) -> bytes:
    qs = etree.Element(akn("quotedStructure"), nsmap=NSMAP,  # type: ignore[arg-type]
                       attrib={"startQuote": "“", "endQuote": "”"})
    for el in elements:
        qs.append(el)
    return etree.tostring(qs, encoding="UTF-8")


def read_markdown_amendment(text: str, source: str = "<markdown>") -> Amendment:
    """Read one Markdown amendment. Raises :class:`LawtrackError` naming the file and line for bad input."""
    if len(text) > MAX_DRAFT_CHARS:
        raise LawtrackError(f"the draft is {len(text):,} characters long", source=source,
                            expected=f"an amendment of at most {MAX_DRAFT_CHARS:,}")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").lstrip("\ufeff"))  # as bills and papers are
    refuse_invalid_characters(text, source, "draft")
    front = read_front_matter(text, source)
    fm = _front(front.data, front, source)
    lines, offset = front.lines, front.offset
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
    proposer = fm.proposer
    supporters = list(fm.supporters)
    if fm.sponsors:
        proposer = proposer or fm.sponsors[0]
        supporters = supporters or list(fm.sponsors[1:])
    parsed = parse_instruction(prose, structures)
    kind = parsed.lawmaker_type if isinstance(parsed, Parsed) else None
    heading = structures[0][0].heading if structures and structures[0] else None
    return Amendment(
        number=fm.number or "",
        dnum=fm.dnum,
        type=kind,
        proposer=proposer,
        supporters=tuple(supporters),
        star=fm.star,
        instruction=prose,
        inserted=structures,
        inserted_xml=xml,
        explanatory_statement=fm.explanatory_statement,
        heading=heading,
        stage=fm.stage,
        paper_date=fm.paper_date,
        bill_title=fm.bill,
        bill_version=fm.bill_version,
        bill_number=fm.bill_number,
        house=fm.house,
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
