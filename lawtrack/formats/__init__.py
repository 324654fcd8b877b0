"""Readers and writers of bills: LawMaker XML, Markdown and JSON.

The model (:mod:`lawtrack.model`) is the bottom floor and imports nothing above it; ``Bill.to_xml()`` and its
siblings call the writers this package registers with the model when it is imported (a bill can only be built
by a reader here, so they are always registered before a bill exists).
"""

from lawtrack.formats.write import to_json, to_markdown, to_xml
from lawtrack.model.bill import register_writers

register_writers(xml=to_xml, markdown=to_markdown, json=to_json)

__all__ = ["to_json", "to_markdown", "to_xml"]
