"""docs/python-api.md, generated from the docstrings of the names ``import lawtrack`` exports.

``python -m tests.python_api_doc`` (``make api-docs``) rewrites the page; ``tests/test_python_api.py`` checks that
the page is up to date and runs every example in it.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import lawtrack

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "python-api.md"

SECTIONS: list[tuple[str, list[str]]] = [
    ("Reading and writing bills", ["load_bill", "to_xml", "to_markdown", "to_json"]),
    ("The bill model", ["Bill", "BillMetadata", "Provision", "Kind", "LineSpan", "LineHit", "Mark"]),
    ("Amendments", ["load_amendments", "load_paper", "read_paper", "parse_instruction", "Parsed", "Unparsed",
                    "Amendment", "AmendmentPaper"]),
    ("Applying amendments", ["apply", "ApplyResult", "Outcome", "keeling_view"]),
    ("Comparing and drafting", ["compare", "BillDiff", "ProvisionDiff", "word_diff", "draft", "draft_with_notes",
                                "DraftResult"]),
    ("What a bill does to existing law", ["keeling", "KeelingSchedule", "AmendmentRow"]),
    ("Tracking bills", ["BillsClient", "Store", "sync"]),
    ("Errors", ["LawtrackError"]),
]


def _markdown(doc: str) -> str:
    """A docstring as Markdown: prose as is, each run of ``>>>`` lines (and their output) as a pycon block."""
    out: list[str] = []
    in_example = False
    for line in inspect.cleandoc(doc).splitlines():
        if line.startswith(">>>") and not in_example:
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


def _signature(name: str, obj: object) -> str:
    if inspect.isclass(obj):
        return f"class lawtrack.{name}"
    sig = inspect.signature(obj)  # type: ignore[arg-type]

    def annotation(a: object) -> str:
        return a if isinstance(a, str) else inspect.formatannotation(a)

    params = []
    star = False
    for p in sig.parameters.values():
        if p.kind is p.KEYWORD_ONLY and not star:
            params.append("*")
            star = True
        text = ("*" if p.kind is p.VAR_POSITIONAL else "") + p.name
        if p.kind is p.VAR_POSITIONAL:
            star = True
        if p.annotation is not p.empty:
            text += f": {annotation(p.annotation)}"
        if p.default is not p.empty:
            text += f" = {p.default!r}"
        params.append(text)
    result = f" -> {annotation(sig.return_annotation)}" if sig.return_annotation is not sig.empty else ""
    return f"lawtrack.{name}({', '.join(params)}){result}"


def render() -> str:
    listed = [n for _, names in SECTIONS for n in names]
    missing = sorted(set(lawtrack.__all__) - set(listed))
    if missing:
        raise SystemExit(f"tests/python_api_doc.py: list these exports in SECTIONS: {', '.join(missing)}")
    lines = ["# Python API", "",
             "<!-- Generated from the docstrings by `make api-docs` (tests/python_api_doc.py); do not edit. -->", "",
             _markdown(lawtrack.__doc__ or ""), "",
             "Every example on this page is run by the test suite (`tests/test_python_api.py`) from the "
             "repository's top folder; the tracking examples talk to `$LAWTRACK_API_URL` (in the tests, a local "
             "server), else to the live Bills API.", ""]
    for title, names in SECTIONS:
        lines += [f"## {title}", ""]
        for name in names:
            obj = getattr(lawtrack, name)
            doc = inspect.getdoc(obj) or ""
            if not doc or ">>>" not in doc:
                raise SystemExit(f"lawtrack.{name} needs a docstring with an example")
            lines += [f"### `{_signature(name, obj)}`", "", _markdown(doc), ""]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    PAGE.write_text(render(), encoding="utf-8")
    sys.stderr.write(f"wrote {PAGE}\n")
