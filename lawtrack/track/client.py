"""The Bills API client (imperative shell): requests + requests-cache + urllib3 retries + a polite rate limit.

Responses are cached in SQLite (in the user cache directory by default) and revalidated with ETag /
Last-Modified when the API sends them, so an unchanged re-sync downloads no bodies; a stale cached copy is
served if the API is failing. 429 and 5xx responses are retried, honouring ``Retry-After``.
"""

from __future__ import annotations

import json
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
from urllib3.exceptions import ConnectTimeoutError, ProtocolError, ReadTimeoutError
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


#: The longest a server's Retry-After is obeyed for, in seconds (a server asking for an hour gets this).
MAX_RETRY_AFTER = 30.0
#: The longest one request may take in all (a body trickled a byte at a time is cut off here), in seconds.
DEADLINE = 90.0
#: The largest body accepted (the largest real Bills API page is well under 1 MB).
MAX_BODY = 32 * 1024 * 1024


class CappedRetry(Retry):
    """urllib3's retries, obeying a server's Retry-After only up to :data:`MAX_RETRY_AFTER` seconds."""

    def get_retry_after(self, response: Any) -> float | None:
        value = super().get_retry_after(response)
        return None if value is None else min(value, MAX_RETRY_AFTER)


class DeadlineAdapter(HTTPAdapter):
    """Reads each body itself, within a deadline for the whole request and a size limit (requests' own timeout
    is per read of the socket, so a server trickling a body could hold a sync for ever)."""

    def __init__(self, *, deadline: float = DEADLINE, max_bytes: int = MAX_BODY, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.deadline = deadline
        self.max_bytes = max_bytes

    def send(self, request: Any, stream: bool = False, timeout: Any = None, verify: Any = True, cert: Any = None,
             proxies: Any = None) -> requests.Response:
        start = time.monotonic()
        response = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies)
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.raw.read1(64 * 1024, decode_content=True):  # whatever has arrived
                size += len(chunk)
                if size > self.max_bytes:
                    raise requests.exceptions.ContentDecodingError(
                        f"the response is larger than {self.max_bytes:,} bytes")
                if time.monotonic() - start > self.deadline:
                    raise requests.exceptions.ReadTimeout(f"the whole response took more than {self.deadline:g} s")
                chunks.append(chunk)
        except (ReadTimeoutError, ProtocolError) as exc:
            raise requests.exceptions.ReadTimeout(str(exc)) from None
        finally:
            response.close()
        response._content = b"".join(chunks)
        response._content_consumed = True  # type: ignore[attr-defined]  # requests' own flag: the body is read
        return response


def _json_ok(response: requests.Response) -> bool:
    """Only responses that are JSON (and parse) are cached: a truncated body or an HTML error page served
    with 200 must never be kept, or later syncs would keep failing after the API recovers."""
    kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if kind and "json" not in kind:
        return False
    try:
        json.loads(response.content)
    except ValueError:
        return False
    return True


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
        deadline: float = DEADLINE,
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
                stale_if_error=True, cache_control=True, allowable_codes=(200,), filter_fn=_json_ok,
            )
        else:
            self.session = requests.Session()
        retry = CappedRetry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                            status_forcelist=(429, 500, 502, 503, 504), allowed_methods=frozenset({"GET"}),
                            respect_retry_after_header=True, raise_on_status=False)
        adapter = DeadlineAdapter(max_retries=retry, deadline=deadline)
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
        try:
            return protocol.parse(model, url=url, status=response.status_code,
                                  content_type=response.headers.get("Content-Type"), body=response.content)
        except ApiError:
            self._evict(url)  # a response that does not parse is never answered from the cache again
            raise

    def _evict(self, url: str) -> None:
        cache = getattr(self.session, "cache", None)
        if cache is not None:
            cache.delete(urls=[url])

    def pages(self, request: Request, item: type[M]) -> Iterator[M]:
        """Every item of a paged search, fetching pages with Skip/Take until ``totalResults`` is reached.

        A server that claims an implausible number of results, or answers a page with nothing it has not
        already sent (it ignores ``Skip``), is an error: paging stops there instead of running for ever.
        """
        skip: int | None = 0
        seen: set[str] = set()
        while skip is not None:
            url = request.with_page(skip, self.take).url(self.base_url)
            page = self.get(request.with_page(skip, self.take), Page[item])  # type: ignore[valid-type]
            if page.total_results > protocol.MAX_RESULTS:
                raise ApiError(f"the Bills API claims {page.total_results:,} results, more than lawtrack believes "
                               f"({protocol.MAX_RESULTS:,})", url=url)
            items: list[Any] = page.items or []
            fresh = [x for x in items if protocol.item_key(x) not in seen]
            if items and not fresh:
                raise ApiError(f"the page at Skip={skip} repeats items already received (the server ignores "
                               "Skip?); stopped paging", url=url)
            seen.update(protocol.item_key(x) for x in fresh)
            yield from fresh
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
