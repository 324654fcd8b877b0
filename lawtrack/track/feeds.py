"""Atom feeds of change events (pure: events in, XML bytes out; all text escaped by the serializer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from lawtrack.formats.xmlsafe import xml_text

ATOM = "http://www.w3.org/2005/Atom"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrib={k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)  # API text may hold characters XML cannot
    return el


def atom(events: Sequence[dict[str, Any]], *, title: str, feed_id: str, link: str | None = None,
         updated: str | None = None) -> bytes:
    """An Atom 1.0 feed, newest event first."""
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]
    _el(feed, "title", title)
    _el(feed, "id", feed_id)
    last = max((e["at"] for e in events), default=updated or "1970-01-01T00:00:00+00:00")
    _el(feed, "updated", last)
    _el(feed, "generator", "lawtrack")
    if link:
        _el(feed, "link", href=link, rel="alternate")
    for e in sorted(events, key=lambda e: e["id"], reverse=True):
        entry = _el(feed, "entry")
        _el(entry, "title", e["summary"])
        _el(entry, "id", f"{feed_id}/events/{e['id']}")
        _el(entry, "updated", e["at"])
        _el(entry, "category", term=e["kind"])
        _el(entry, "summary", f"{e['summary']} (bill {e['bill_id']}, {e['entity']} {e['key']})")
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)
