"""The Bills API client (imperative shell): requests + requests-cache + urllib3 retries + a polite rate limit.

Responses are cached in SQLite (in the user cache directory by default) and revalidated with ETag /
Last-Modified when the API sends them, so an unchanged re-sync downloads no bodies; a stale cached copy is
served if the API is failing. 429 and 5xx responses are retried, honouring ``Retry-After``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import requests
import requests_cache
from platformdirs import user_cache_dir
from pydantic import BaseModel
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, ReadTimeoutError
from urllib3.util.retry import Retry

from lawtrack import __version__
from lawtrack.track import protocol
from lawtrack.track.models import (
    AmendmentDetail,
    AmendmentSearchItem,
    Bill,
    BillPublication,
    BillPublicationList,
    BillStageDetails,
    BillSummary,
    Page,
    PingPongItem,
    StageSummary,
)
from lawtrack.track.protocol import ApiError, Request

M = TypeVar("M", bound=BaseModel)
USER_AGENT = f"lawtrack/{__version__} (+https://github.com/lawtrack; legislative amendment tracker)"


@dataclass
class Stats:
    requests: int = 0  # calls made by the client
    network: int = 0  # of those, answered by the server (not purely from cache)
    revalidated: int = 0  # answered 304 Not Modified: the cached body was reused
    from_cache: int = 0  # served from the cache without a body download


class BillsClient:
    """The UK Parliament Bills API, cached, retried and rate-limited (``$LAWTRACK_API_URL`` for a mirror).

    >>> import lawtrack
    >>> with lawtrack.BillsClient() as api:
    ...     bill = api.bill(3443)
    ...     stages = [s.description for s in api.stages(3443)]
    >>> bill.short_title, stages[0]
    ('Victims and Prisoners Bill', '1st reading')
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        cache_path: str | Path | None = None,
        ttl: float = 600,
        rate: float | None = None,
        timeout: tuple[float, float] = (5.0, 30.0),
        retries: int = 4,
        backoff: float = 0.5,
        take: int = protocol.DEFAULT_TAKE,
        cache: bool = True,
    ) -> None:
        self.base_url = base_url or os.environ.get("LAWTRACK_API_URL") or protocol.DEFAULT_BASE_URL
        self.timeout = timeout
        self.take = take
        if rate is None:
            rate = float(os.environ.get("LAWTRACK_RATE") or 5.0)  # requests per second; 0 turns the limit off
        self.min_interval = 1.0 / rate if rate > 0 else 0.0
        self._last = 0.0
        self._lock = threading.Lock()
        self.stats = Stats()
        if cache:
            path = Path(cache_path) if cache_path else Path(user_cache_dir("lawtrack")) / "bills-api"
            path.parent.mkdir(parents=True, exist_ok=True)
            self.session: requests.Session = requests_cache.CachedSession(
                str(path), backend="sqlite", expire_after=timedelta(seconds=ttl), always_revalidate=True,
                stale_if_error=True, cache_control=True, allowable_codes=(200,),
            )
        else:
            self.session = requests.Session()
        retry = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                      status_forcelist=(429, 500, 502, 503, 504), allowed_methods=frozenset({"GET"}),
                      respect_retry_after_header=True, raise_on_status=False)
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> BillsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request --------------------------------------------------------------------------------------------
    def _polite(self) -> None:
        with self._lock:
            wait = self._last + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last = time.monotonic()

    def get(self, request: Request, model: type[M]) -> M:
        url = request.url(self.base_url)
        self._polite()
        self.stats.requests += 1
        try:
            response = self.session.get(url, timeout=self.timeout)
        except requests.Timeout:
            raise ApiError(f"no answer within {self.timeout[1]:g} s", url=url) from None
        except requests.RequestException as exc:
            reason = getattr(exc.args[0], "reason", None) if exc.args else None
            if isinstance(reason, (ReadTimeoutError, ConnectTimeoutError)):
                raise ApiError(f"no answer within {self.timeout[1]:g} s (after retries)", url=url) from None
            raise ApiError(f"cannot reach the Bills API: {type(exc).__name__}: {exc}", url=url) from None
        from_cache = bool(getattr(response, "from_cache", False))
        if from_cache:
            self.stats.from_cache += 1
            if getattr(response, "revalidated", False):
                self.stats.revalidated += 1
                self.stats.network += 1
        else:
            self.stats.network += 1
        return protocol.parse(model, url=url, status=response.status_code,
                              content_type=response.headers.get("Content-Type"), body=response.content)

    def pages(self, request: Request, item: type[M]) -> Iterator[M]:
        """Every item of a paged search, fetching pages with Skip/Take until ``totalResults`` is reached."""
        skip: int | None = 0
        while skip is not None:
            page = self.get(request.with_page(skip, self.take), Page[item])  # type: ignore[valid-type]
            items: list[Any] = page.items or []
            yield from items
            skip = protocol.next_skip(skip, len(items), page.total_results)

    # -- endpoints ----------------------------------------------------------------------------------------------
    def search(self, term: str | None = None, *, session: int | None = None) -> Iterator[BillSummary]:
        return self.pages(protocol.search(term, session=session), BillSummary)

    def bill(self, bill_id: int) -> Bill:
        return self.get(protocol.bill(bill_id), Bill)

    def stages(self, bill_id: int) -> Iterator[StageSummary]:
        return self.pages(protocol.stages(bill_id), StageSummary)

    def stage(self, bill_id: int, bill_stage_id: int) -> BillStageDetails:
        return self.get(protocol.stage(bill_id, bill_stage_id), BillStageDetails)

    def amendments(self, bill_id: int, bill_stage_id: int, *, decision: str | None = None
                   ) -> Iterator[AmendmentSearchItem]:
        return self.pages(protocol.amendments(bill_id, bill_stage_id, decision=decision), AmendmentSearchItem)

    def amendment(self, bill_id: int, bill_stage_id: int, amendment_id: int) -> AmendmentDetail:
        return self.get(protocol.amendment(bill_id, bill_stage_id, amendment_id), AmendmentDetail)

    def publications(self, bill_id: int) -> list[BillPublication]:
        return self.get(protocol.publications(bill_id), BillPublicationList).publications or []

    def ping_pong(self, bill_id: int, bill_stage_id: int) -> Iterator[PingPongItem]:
        return self.pages(protocol.ping_pong(bill_id, bill_stage_id), PingPongItem)
