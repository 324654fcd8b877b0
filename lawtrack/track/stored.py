"""Typed views of a bill's stored record (pure): the JSON in the store, validated back into models.

What the store holds for an entity is the JSON of a Bills API model — or, for a bill tracked from a hand-kept
stage record, the same shape with a few fields of its own (``note``, ``sources``, ``decisionInferred``). These
lenient models read both: every field optional, unknown fields kept, ``null`` lists read as empty. Events,
status and the site read the record through them rather than through ``dict.get("camelCase")``.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic.alias_generators import to_camel

from lawtrack.errors import LawtrackError

T = TypeVar("T")


def _no_none(value: Any) -> Any:
    return [] if value is None else value


Items = Annotated[list[T], BeforeValidator(_no_none)]


class Stored(BaseModel):
    model_config = ConfigDict(frozen=True, alias_generator=to_camel, populate_by_name=True, extra="allow")


class StoredSitting(Stored):
    date: str | None = None


class StoredStage(Stored):
    id: int = 0
    description: str | None = None
    house: str | None = None
    sort_order: int = 0
    stage_sittings: Items[StoredSitting] = []
    note: str | None = None
    sources: Items[str] = []

    @property
    def dates(self) -> list[str]:
        """Sitting dates, as ISO dates, in order."""
        return sorted((s.date or "")[:10] for s in self.stage_sittings if s.date)

    @property
    def name(self) -> str:
        return f"{self.description} ({self.house})"


class StoredMember(Stored):
    name: str | None = None


class StoredSponsor(Stored):
    member: StoredMember | None = None
    organisation: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        if self.member is not None and self.member.name:
            return self.member.name
        return str((self.organisation or {}).get("name") or "")


class StoredBill(Stored):
    bill_id: int = 0
    short_title: str | None = None
    long_title: str | None = None
    current_house: str | None = None
    is_act: bool = False
    current_stage: StoredStage | None = None
    sponsors: Items[StoredSponsor] = []
    last_update: str | None = None
    sources: Items[str] = []


class StoredAmendmentSponsor(Stored):
    name: str | None = None
    is_lead: bool = False


class StoredLine(Stored):
    text: str | None = None


class StoredAmendment(Stored):
    amendment_id: int = 0
    bill_stage_id: int | None = None
    marshalled_list_text: str | None = None
    d_num: str | None = None
    decision: Annotated[str, BeforeValidator(lambda v: v or "NoDecision")] = "NoDecision"
    decision_inferred: bool = False
    status_indicator: str | None = None
    sponsors: Items[StoredAmendmentSponsor] = []
    amendment_lines: Items[StoredLine] = []
    summary_text: Items[str] = []
    main_header: str | None = None
    note: str | None = None
    sources: Items[str] = []
    stage_name: str | None = None
    house: str | None = None
    draft: str | None = None

    model_config = ConfigDict(frozen=True, alias_generator=lambda name: "dNum" if name == "d_num" else to_camel(name),
                              populate_by_name=True, extra="allow")

    @property
    def label(self) -> str:
        return self.marshalled_list_text or self.d_num or str(self.amendment_id)

    @property
    def sponsor_names(self) -> list[str]:
        return [s.name or "" for s in self.sponsors]

    @property
    def text(self) -> list[str]:
        """The amendment's lines (as sent), else its summary."""
        return [line.text or "" for line in self.amendment_lines] or list(self.summary_text)


class StoredPublication(Stored):
    id: int = 0
    title: str | None = None
    display_date: str | None = None


_KINDS: dict[str, type[Stored]] = {"bill": StoredBill, "stage": StoredStage, "amendment": StoredAmendment,
                                   "publication": StoredPublication}


def typed(kind: str, key: str, data: dict[str, Any]) -> Stored:
    """One stored entity as its typed view; a record that does not fit says which entity and field."""
    model = _KINDS.get(kind)
    if model is None:
        raise LawtrackError(f"the stored record has an entity of unknown kind {kind!r} ({key})",
                            expected=", ".join(_KINDS))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        raise LawtrackError(f"stored {kind} {key} does not fit at {field}: {first['msg']}",
                            expected="the record lawtrack itself wrote") from None


class Record:
    """A bill's stored record (a snapshot), typed."""

    def __init__(self, snapshot: dict[tuple[str, str], dict[str, Any]]) -> None:
        self.bills: dict[str, StoredBill] = {}
        self.stages: dict[str, StoredStage] = {}
        self.amendments: dict[str, StoredAmendment] = {}
        self.publications: dict[str, StoredPublication] = {}
        for (kind, key), data in snapshot.items():
            entity = typed(kind, key, data)
            {"bill": self.bills, "stage": self.stages, "amendment": self.amendments,
             "publication": self.publications}[kind][key] = entity  # type: ignore[index]

    def bill(self, bill_id: int | str) -> StoredBill:
        return self.bills.get(str(bill_id)) or StoredBill()

    def stages_in_order(self) -> list[tuple[str, StoredStage]]:
        return sorted(self.stages.items(), key=lambda kv: (kv[1].sort_order, kv[1].id))

    def stage_name(self, bill_stage_id: int | None) -> str:
        stage = self.stages.get(str(bill_stage_id))
        return (stage.description if stage is not None else None) or "Stage"
