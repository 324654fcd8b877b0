"""The API models against the Bills API OpenAPI document, and every real response sample."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from lawtrack.track import models as m
from tests.conftest import shared_file

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "AmendmentSearchItem": m.AmendmentSearchItem,
    "AmendmentDetail": m.AmendmentDetail,
    "AmendmentLine": m.AmendmentLine,
    "AmendmentMember": m.AmendmentMember,
    "Bill": m.Bill,
    "BillSummary": m.BillSummary,
    "StageSummary": m.StageSummary,
    "BillStageSitting": m.BillStageSitting,
    "BillStageDetails": m.BillStageDetails,
    "BillPublication": m.BillPublication,
    "BillPublicationList": m.BillPublicationList,
    "PublicationLink": m.PublicationLink,
    "PublicationDocument": m.PublicationDocument,
    "PublicationType": m.PublicationType,
    "Sponsor": m.Sponsor,
    "Member": m.Member,
    "Organisation": m.Organisation,
    "PingPongAmendmentSummary": m.PingPongSummary,
    "MotionSummary": m.PingPongSummary,
    "AmendmentSummaryMotionSummaryPingPongItem": m.PingPongItem,
    "StageReference": m.StageReference,
    "BillType": m.BillType,
}
ENUMS = {"AmendmentDecision": m.DECISIONS, "House": m.HOUSES, "AmendmentType": m.AMENDMENT_TYPES,
         "PingpongItemType": m.PINGPONG_TYPES}


def spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(shared_file("bills-api/openapi.json").read_text())
    return spec


def _strip(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional?) of an annotation such as ``list[int] | None``."""
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0] if len(args) == 1 else annotation
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation, optional


def _ref(schema: dict[str, Any]) -> str | None:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for part in schema.get("allOf", []):
        if "$ref" in part:
            return str(part["$ref"]).rsplit("/", 1)[-1]
    return None


def _check_type(where: str, schema: dict[str, Any], annotation: Any, schemas: dict[str, Any]) -> None:
    inner, optional = _strip(annotation)
    if schema.get("nullable"):
        assert optional, f"{where} is nullable in the spec but required in the model"
    ref = _ref(schema)
    kind = schema.get("type")
    if ref in ENUMS:
        assert inner is str, f"{where}: an enum kept as an open string"
        assert set(schemas[ref]["enum"]) <= ENUMS[ref], f"{where}: the model knows every value of {ref}"
    elif ref is not None:
        target = SCHEMA_MODELS.get(ref)
        if target is not None:
            assert (isinstance(inner, type) and issubclass(inner, target)) or inner is target, f"{where} → {ref}"
    elif kind == "integer":
        assert inner is int, where
    elif kind == "boolean":
        assert inner is bool, where
    elif kind == "string":
        assert inner is str, where
    elif kind == "array":
        assert typing.get_origin(inner) is list, where
        _check_type(where + "[]", schema["items"], typing.get_args(inner)[0], schemas)


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_model_fields_conform_to_the_openapi_schema(name: str) -> None:
    schemas = spec()["components"]["schemas"]
    model = SCHEMA_MODELS[name]
    by_alias = {(f.alias or k): (k, f) for k, f in model.model_fields.items()}
    for prop, prop_schema in schemas[name]["properties"].items():
        assert prop in by_alias, f"{name}.{prop} is in the spec but not in {model.__name__}"
        _, field = by_alias[prop]
        _check_type(f"{name}.{prop}", prop_schema, field.annotation, schemas)


def test_search_results_use_the_page_wrapper() -> None:
    schemas = spec()["components"]["schemas"]
    for name, schema in schemas.items():
        if name.endswith("SearchResult"):
            assert set(schema["properties"]) == {"items", "totalResults", "itemsPerPage"}, name


def test_every_enum_value_is_known() -> None:
    schemas = spec()["components"]["schemas"]
    assert len(schemas["AmendmentDecision"]["enum"]) == 14
    for name, known in ENUMS.items():
        assert set(schemas[name]["enum"]) <= known


SAMPLES: dict[str, Any] = {
    "snommoc/bills.json": m.Page[m.BillSummary],
    "snommoc/bill-2818.json": m.Bill,
    "snommoc/bill-2818_stages.json": m.Page[m.StageSummary],
    "snommoc/bill-2818_publications.json": m.BillPublicationList,
    "snommoc/bill_stages.json": m.Page[m.StageReference],
    "snommoc/bill_types.json": m.Page[m.BillType],
}


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_real_samples_parse(sample: str) -> None:
    data = json.loads(shared_file(f"bills-api/samples/{sample}").read_text())
    parsed = SAMPLES[sample].model_validate(data)
    # lossless: every field the API sent, known or not, comes back out exactly
    assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == data


def test_lawchecker_amendment_items_parse_with_dnum() -> None:
    items = json.loads(shared_file("bills-api/samples/lawchecker/amendments-items_bill-3786_stage-20099.json")
                       .read_text())
    parsed = [m.AmendmentSearchItem.model_validate(i) for i in items]
    assert [p.d_num for p in parsed] == [f"hoc{n}" for n in range(1, len(parsed) + 1)]
    assert parsed[0].decision == "NoDecision" and parsed[0].status_indicator == "☆"
    assert parsed[0].sponsors and parsed[0].sponsors[0].name == "Sir Christopher Chope"


def test_amendment_lines_keep_html_and_give_text() -> None:
    line = m.AmendmentLine.model_validate({"text": "<p>leave out &#8220;may&#8221; and <b>insert</b></p>",
                                           "indentation": 0, "isImage": False})
    assert line.text == "<p>leave out &#8220;may&#8221; and <b>insert</b></p>"
    assert line.plain == "leave out “may” and insert"


def test_samples_folder_is_fully_covered() -> None:
    folder = Path(shared_file("bills-api/samples"))
    files = {str(p.relative_to(folder)) for p in folder.rglob("*.json")}
    assert files == set(SAMPLES) | {"lawchecker/amendments-items_bill-3786_stage-20099.json"}
