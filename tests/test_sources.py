"""The demo's documents ship with the repository: listed with their origin and checksum, byte-identical to the
shared copies, and every manifest path stays inside the repository."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from tests.conftest import ROOT, SHARED

BILLS = ROOT / "bills"


def _listed() -> dict[str, str]:
    text = (BILLS / "SOURCES.md").read_text(encoding="utf-8")
    block = text.split("```text", 1)[1].split("```", 1)[0]
    return {name: digest for digest, name in (line.split() for line in block.strip().splitlines())}


def test_every_shipped_document_is_listed_with_its_checksum() -> None:
    listed = _listed()
    shipped = {str(p.relative_to(BILLS)) for p in BILLS.glob("*/*") if p.is_file()}
    assert shipped == set(listed), "every document under bills/ is listed in SOURCES.md, and only those"
    for name, digest in listed.items():
        assert hashlib.sha256((BILLS / name).read_bytes()).hexdigest() == digest, name
    text = (BILLS / "SOURCES.md").read_text(encoding="utf-8")
    for name in listed:
        assert f"`{Path(name).name}`" in text, f"{name} has a row saying where it comes from"
    assert "Open Parliament Licence" in text and "Open Government Licence v3.0" in text


def test_shipped_documents_are_byte_for_byte_the_shared_ones() -> None:
    if not SHARED.exists():
        return  # a user's clone: the checksums above are the check
    compared = 0
    for name in _listed():
        copies = list(SHARED.rglob(Path(name).name))
        assert copies, f"{name} is not in ../shared/data"
        assert any(c.read_bytes() == (BILLS / name).read_bytes() for c in copies), name
        compared += 1
    assert compared == len(_listed())


def _paths(data: object) -> list[str]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in ([v] if k in ("path", "amendments") and isinstance(v, str)
                                                      else _paths(v))]
    if isinstance(data, list):
        return [p for v in data for p in ([v] if isinstance(v, str) and re.search(r"\.(xml|md)$", v) else _paths(v))]
    return []


def test_manifests_point_only_inside_the_repository() -> None:
    manifests = sorted(BILLS.glob("*.toml"))
    assert manifests
    for manifest in manifests:
        paths = _paths(tomllib.loads(manifest.read_text(encoding="utf-8")))
        assert paths, manifest
        for relative in paths:
            resolved = (ROOT / relative).resolve()
            assert resolved.is_relative_to(ROOT), f"{manifest.name}: {relative} reaches outside the repository"
            assert resolved.exists(), f"{manifest.name}: {relative} does not exist"
