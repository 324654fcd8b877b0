"""The generated site does not change under the speed work of issue 12: every page's hash is the one recorded
before it (tests/site_pages.json, recorded from the code before the change and checked identical after).

When a page changes on purpose, record the new hashes with ``.venv/bin/python -m tests.test_site_identical``
and say why in the commit."""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

from lawtrack.site.generate import generate
from tests.conftest import ROOT

RECORD = ROOT / "tests" / "site_pages.json"


def page_hashes() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bills"
        generate(out, bills_dir=ROOT / "bills")
        return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(out.rglob("*")) if p.is_file()}


def test_every_generated_page_is_byte_identical_to_the_recorded_one() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = page_hashes()
    assert sorted(now) == sorted(recorded), "the same pages"
    changed = [name for name in now if now[name] != recorded[name]]
    assert not changed, f"pages differ from the record: {changed[:10]}"


if __name__ == "__main__":
    RECORD.write_text(json.dumps(page_hashes(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"recorded {RECORD}\n")
