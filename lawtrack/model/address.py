"""Parse a provision reference as people write it: "clause 5(2)(a)", "schedule 2, paragraph 3(1)".

Pure: text in, :class:`ProvisionRef` out. Resolution against a bill lives in :mod:`lawtrack.model.bill`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawtrack.errors import LawtrackError
from lawtrack.model.record import Record


@dataclass(frozen=True, kw_only=True)
class ProvisionRef(Record):
    """A citation: optional Schedule and Part, then a path of labels from the clause or paragraph down."""

    schedule: str | None = None  # "2"; "" for an unnumbered sole Schedule
    part: str | None = None
    chapter: str | None = None
    path: tuple[str, ...] = ()

    def __str__(self) -> str:
        bits: list[str] = []
        if self.schedule is not None:
            bits.append(f"Schedule {self.schedule}".rstrip())
        if self.part is not None:
            bits.append(f"Part {self.part}")
        if self.chapter is not None:
            bits.append(f"Chapter {self.chapter}")
        if self.path:
            head = "paragraph" if self.schedule is not None else "clause"
            bits.append(f"{head} {self.path[0]}" + "".join(f"({p})" for p in self.path[1:]))
        return ", ".join(bits) if bits else "the bill"


_LABEL = r"[0-9]+[A-Z]*|[A-Za-z]{1,6}[0-9]*"
_WORD_KIND = r"(?:clause|section|sec\.?|s\.|cl\.?|paragraph|para\.?|sub-?paragraph|subsection|article|regulation)"
_PATH_RE = re.compile(rf"^(?:{_WORD_KIND}\s*)?(?P<first>[0-9]+[A-Z]*)(?P<rest>(?:\s*\((?:{_LABEL})\))*)$", re.I)
_PAREN_RE = re.compile(rf"\(({_LABEL})\)")
#: "Schedule 2", "Sch. 2", or "Schedule" / "the Schedule" for a bill's only Schedule
_SCHEDULE_RE = re.compile(r"^(?:the\s+schedule|(?:schedule|sch\.?)\s*(?P<n>[0-9]+[A-Z]*)?)$", re.I)
_PART_RE = re.compile(r"^part\s+(?P<n>[0-9]+[A-Z]*)$", re.I)
_CHAPTER_RE = re.compile(r"^chapter\s+(?P<n>[0-9]+[A-Z]*)$", re.I)
_SUB_RE = re.compile(
    rf"^(?:subsection|sub-?paragraph|paragraph|para\.?)\s*(?P<labels>(?:\s*\((?:{_LABEL})\))+)$", re.I
)


def parse_ref(text: str) -> ProvisionRef:
    """Parse a citation. Raises :class:`LawtrackError` saying what form was expected."""
    original = text
    parts = [p.strip() for p in re.split(r",|\bof\b", text.strip()) if p.strip()]
    if not parts:
        raise LawtrackError(f"empty provision reference {original!r}", expected="e.g. 'clause 5(2)(a)'")
    schedule: str | None = None
    part: str | None = None
    chapter: str | None = None
    path: list[str] = []
    pending_sub: list[str] = []
    for piece in parts:
        if m := _SCHEDULE_RE.match(piece):
            schedule = m.group("n") or ""
        elif m := _PART_RE.match(piece):
            part = m.group("n")
        elif m := _CHAPTER_RE.match(piece):
            chapter = m.group("n")
        elif (m := _PATH_RE.match(piece)) and not path:
            path = [m.group("first"), *_PAREN_RE.findall(m.group("rest"))]
        elif m := _SUB_RE.match(piece):
            pending_sub.extend(_PAREN_RE.findall(m.group("labels")))
        else:
            raise LawtrackError(
                f"cannot read provision reference {original!r} at {piece!r}",
                expected="'clause 5(2)(a)', 'schedule 2, paragraph 3(1)', 'clause 5, subsection (2)' or an eId/GUID",
            )
    if pending_sub and not path:
        raise LawtrackError(
            f"provision reference {original!r} names a subdivision but no clause or paragraph",
            expected="a clause or paragraph number first",
        )
    path.extend(pending_sub)
    return ProvisionRef(schedule=schedule, part=part, chapter=chapter, path=tuple(path))


def label_of(num: str | None) -> str | None:
    """The bare label of a printed number: "(2)" → "2", "Schedule 3" → "3", "Part 1" → "1", "12A" → "12A"."""
    if num is None:
        return None
    text = num.strip().rstrip(".")
    if not text:
        return None
    if text.startswith("(") and text.endswith(")"):
        return text[1:-1].strip() or None
    words = text.split()
    if len(words) >= 2 and words[0].lower() in {"schedule", "part", "chapter", "article", "section"}:
        return words[1]
    if words and words[0].lower() == "schedule":
        return ""
    return text
