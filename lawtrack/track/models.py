"""Typed, frozen models of the UK Parliament Bills API responses lawtrack uses.

Field names follow the API's JSON (camelCase aliases). Enumerations are open: the API has grown from 5 to 14
amendment decisions and will change again, so an unknown value is kept as its raw string and warned about once.
Unknown fields are kept too (``model_extra``), so nothing the API adds is lost.
"""

from __future__ import annotations

import html
import re
import warnings
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

HOUSES = frozenset({"All", "Commons", "Lords", "Unassigned"})
DECISIONS = frozenset({
    "NoDecision", "Withdrawn", "Disagreed", "NotMoved", "Agreed", "QuestionProposed", "NotSelected",
    "WithdrawnBeforeDebate", "StoodPart", "NotStoodPart", "Preempted", "NotCalled", "NegativedOnDivision",
    "AgreedOnDivision",
})
AMENDMENT_TYPES = frozenset({"EditLongTitle", "EditBillBody", "AddClauseOrSchedule", "DeleteClauseOrSchedule"})
PINGPONG_TYPES = frozenset({"Motion", "Amendment"})

_warned: set[tuple[str, str]] = set()


def _open_enum(name: str, known: frozenset[str]) -> Any:
    def check(value: str | None) -> str | None:
        if value is not None and value not in known and (name, value) not in _warned:
            _warned.add((name, value))
            warnings.warn(f"Bills API sent an unknown {name} {value!r}; kept as is", stacklevel=2)
        return value

    return AfterValidator(check)


House = Annotated[str, _open_enum("house", HOUSES)]
Decision = Annotated[str, _open_enum("amendment decision", DECISIONS)]
AmendmentType = Annotated[str, _open_enum("amendment type", AMENDMENT_TYPES)]
PingPongType = Annotated[str, _open_enum("ping-pong item type", PINGPONG_TYPES)]

#: Readable names of the decisions, for pages and reports.
DECISION_LABELS = {
    "NoDecision": "no decision", "Withdrawn": "withdrawn", "Disagreed": "disagreed", "NotMoved": "not moved",
    "Agreed": "agreed", "QuestionProposed": "question proposed", "NotSelected": "not selected",
    "WithdrawnBeforeDebate": "withdrawn before debate", "StoodPart": "stood part", "NotStoodPart": "not stood part",
    "Preempted": "pre-empted", "NotCalled": "not called", "NegativedOnDivision": "negatived on division",
    "AgreedOnDivision": "agreed on division",
}


class ApiModel(BaseModel):
    model_config = ConfigDict(frozen=True, alias_generator=to_camel, populate_by_name=True, extra="allow")


T = TypeVar("T")


class Page(ApiModel, Generic[T]):
    """The ``{items, totalResults, itemsPerPage}`` wrapper of every search endpoint."""

    items: list[T] | None = None
    total_results: int = 0
    items_per_page: int = 0


class BillStageSitting(ApiModel):
    id: int
    stage_id: int
    bill_stage_id: int
    bill_id: int
    date: str | None = None


class StageSummary(ApiModel):
    id: int
    stage_id: int
    session_id: int
    description: str | None = None
    abbreviation: str | None = None
    house: House
    stage_sittings: list[BillStageSitting] | None = None
    sort_order: int


class Committee(ApiModel):
    id: int | None = None
    name: str | None = None
    category: str | None = None
    house: House | None = None
    url: str | None = None


class BillStageDetails(StageSummary):
    committee: Committee | None = None
    next_stage_bill_stage_id: int | None = None
    previous_stage_bill_stage_id: int | None = None
    last_update: str | None = None
    has_motions: bool = False


class Member(ApiModel):
    member_id: int
    name: str | None = None
    party: str | None = None
    party_colour: str | None = None
    house: House
    member_photo: str | None = None
    member_page: str | None = None
    member_from: str | None = None


class Organisation(ApiModel):
    name: str | None = None
    url: str | None = None


class Sponsor(ApiModel):
    member: Member | None = None
    organisation: Organisation | None = None
    sort_order: int


class BillSummary(ApiModel):
    bill_id: int
    short_title: str | None = None
    former_short_title: str | None = None
    current_house: House
    originating_house: House
    last_update: str
    bill_withdrawn: str | None = None
    is_defeated: bool
    bill_type_id: int
    introduced_session_id: int
    included_session_ids: list[int] | None = None
    is_act: bool
    current_stage: StageSummary | None = None


class Bill(BillSummary):
    long_title: str | None = None
    summary: str | None = None
    sponsors: list[Sponsor] | None = None
    promoters: list[dict[str, Any]] | None = None
    petitioning_period: str | None = None
    petition_information: str | None = None
    agent: dict[str, Any] | None = None


class AmendmentMember(Member):
    sort_order: int
    is_lead: bool


class Decided(ApiModel):
    """What amendments, ping-pong amendments and motions share: identity, star, decision, sponsors."""

    id: int
    bill_id: int
    bill_stage_id: int
    status_indicator: str | None = None
    decision: Decision
    decision_explanation: str | None = None
    sponsors: list[AmendmentMember] | None = None


class AmendmentSearchItem(Decided):
    amendment_id: int
    amendment_type: AmendmentType
    clause: int | None = None
    schedule: int | None = None
    page_number: int | None = None
    line_number: int | None = None
    amendment_position: str | None = None
    marshalled_list_text: str | None = None
    summary_text: list[str] | None = None
    #: Not in the OpenAPI document, but sent by the live API: LawMaker's ``ukl:dnum`` ("hoc1", "HoC238").
    d_num: str | None = Field(default=None, alias="dNum")


_TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment from the API (tags dropped, entities decoded, spaces collapsed)."""
    if not fragment:
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


class AmendmentLine(ApiModel):
    text: str | None = None  # an HTML fragment, kept as sent
    indentation: int = 0
    hanging_indentation: str | None = None
    is_image: bool = False
    image_type: str | None = None

    @property
    def plain(self) -> str:
        return html_to_text(self.text)


class AmendmentDetail(AmendmentSearchItem):
    amendment_lines: list[AmendmentLine] | None = None
    explanatory_text_prefix: str | None = None
    explanatory_text: str | None = None
    amendment_note: str | None = None
    amendment_location: str | None = None
    main_header: str | None = None

    @property
    def plain_text(self) -> str:
        return "\n".join(line.plain for line in self.amendment_lines or [] if line.plain)


class PublicationType(ApiModel):
    id: int
    name: str | None = None
    description: str | None = None


class PublicationLink(ApiModel):
    id: int
    title: str | None = None
    url: str | None = None
    content_type: str | None = None


class PublicationDocument(ApiModel):
    id: int
    filename: str | None = None
    content_type: str | None = None
    content_length: int = 0


class BillPublication(ApiModel):
    id: int
    title: str | None = None
    publication_type: PublicationType | None = None
    display_date: str
    links: list[PublicationLink] | None = None
    files: list[PublicationDocument] | None = None
    house: House | None = None


class BillPublicationList(ApiModel):
    bill_id: int
    publications: list[BillPublication] | None = None


class PingPongSummary(Decided):
    """An amendment or motion in ping-pong (``PingPongAmendmentSummary`` / ``MotionSummary``)."""

    type: PingPongType
    number: str | None = None
    summary: str | None = None


class PingPongItem(ApiModel):
    type: PingPongType
    amendment: PingPongSummary | None = None
    motion: PingPongSummary | None = None


class StageReference(ApiModel):
    id: int
    name: str | None = None
    house: House


class BillType(ApiModel):
    id: int
    category: str | None = None  # BillTypeCategory: Public, Private, Hybrid
    name: str | None = None
    description: str | None = None
