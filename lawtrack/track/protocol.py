"""The Bills API protocol without I/O (after h11): build requests, parse responses, plan pagination.

Nothing here opens a socket; :mod:`lawtrack.track.client` is the thin ``requests`` shell around it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from pydantic import BaseModel, ValidationError

from lawtrack.errors import LawtrackError

DEFAULT_BASE_URL = "https://bills-api.parliament.uk"
DEFAULT_TAKE = 100  # the API's own maximum page size for amendments is larger; 100 keeps pages small
#: More results than any search of one bill could have (a whole session is ~30,000 amendments).
MAX_RESULTS = 200_000

M = TypeVar("M", bound=BaseModel)


class ApiError(LawtrackError):
    """The Bills API answered with something lawtrack cannot use."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        self.url = url
        self.status = status
        super().__init__(message, source=url)


@dataclass(frozen=True)
class Request:
    path: str
    params: tuple[tuple[str, str], ...] = ()

    def url(self, base: str) -> str:
        query = f"?{urlencode(self.params)}" if self.params else ""
        return base.rstrip("/") + self.path + query

    def with_page(self, skip: int, take: int) -> Request:
        params = tuple(p for p in self.params if p[0] not in ("Skip", "Take"))
        return Request(self.path, (*params, ("Skip", str(skip)), ("Take", str(take))))


def search(term: str | None = None, *, session: int | None = None, current_house: str | None = None) -> Request:
    params = []
    if term:
        params.append(("SearchTerm", term))
    if session is not None:
        params.append(("Session", str(session)))
    if current_house:
        params.append(("CurrentHouse", current_house))
    return Request("/api/v1/Bills", tuple(params))


def bill(bill_id: int) -> Request:
    return Request(f"/api/v1/Bills/{bill_id}")


def stages(bill_id: int) -> Request:
    return Request(f"/api/v1/Bills/{bill_id}/Stages")


def stage(bill_id: int, bill_stage_id: int) -> Request:
    return Request(f"/api/v1/Bills/{bill_id}/Stages/{bill_stage_id}")


def amendments(bill_id: int, bill_stage_id: int, *, decision: str | None = None) -> Request:
    params = (("Decision", decision),) if decision else ()
    return Request(f"/api/v1/Bills/{bill_id}/Stages/{bill_stage_id}/Amendments", params)


def amendment(bill_id: int, bill_stage_id: int, amendment_id: int) -> Request:
    return Request(f"/api/v1/Bills/{bill_id}/Stages/{bill_stage_id}/Amendments/{amendment_id}")


def publications(bill_id: int) -> Request:
    return Request(f"/api/v1/Bills/{bill_id}/Publications")


def ping_pong(bill_id: int, bill_stage_id: int) -> Request:
    return Request(f"/api/v1/Bills/{bill_id}/Stages/{bill_stage_id}/PingPongItems")


def parse(model: type[M], *, url: str, status: int, content_type: str | None, body: bytes) -> M:
    """Turn an HTTP response into ``model``, or raise :class:`ApiError` saying what was wrong."""
    if status != 200:
        raise ApiError(f"HTTP {status} from the Bills API", url=url, status=status)
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind and "json" not in kind:
        snippet = body[:80].decode("utf-8", "replace").strip()
        raise ApiError(f"expected JSON but got {kind} ({snippet!r}…)", url=url, status=status)
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = getattr(exc, "pos", None)
        raise ApiError(f"response is not valid JSON (truncated?) at byte {where}: {exc}", url=url,
                       status=status) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        raise ApiError(f"response does not match the Bills API schema at {field}: {first['msg']}", url=url,
                       status=status) from None


def item_key(item: BaseModel) -> str:
    """An item's identity across pages: its id where it has one, else all of it."""
    for name in ("amendment_id", "bill_id", "id"):
        value = getattr(item, name, None)
        if value is not None:
            return f"{name}:{value}"
    return item.model_dump_json()


def next_skip(skip: int, received: int, total: int) -> int | None:
    """Where the next page starts, or None when every item has been fetched."""
    if received <= 0:
        return None
    nxt = skip + received
    return nxt if nxt < total else None
