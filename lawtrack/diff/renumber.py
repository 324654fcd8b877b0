"""Cross-references across a reprint's renumbering (pure).

Between two prints, the bill's own clauses and Schedules may be renumbered ("Clause 16" becomes "Clause 18") and
new ones appear. Text of the new print refers to them by their new numbers; an amendment to the old print must
refer to them by their old numbers — and to a clause that does not exist yet by its heading, as House style does
("section (Receipt of transfer)"). :class:`Renumbering` rewrites new-print text into old-print terms, so that a
reference that only changed because of renumbering is no change at all, and one that now points elsewhere is.

A number is rewritten only after "section", "Clause", "Schedule" (and their plurals and lists: "sections 3 and
4"), only when the renumbering names it, and never when it is followed by "of the … Act" (another Act's section).
"""

from __future__ import annotations

import re

from lawtrack.diff.compare import align
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

_WORDS = r"(?:sections?|[Cc]lauses?|Schedules?)"
_REF = re.compile(rf"\b({_WORDS})(\s+)(\d+[A-Z]*)((?:(?:\s*,\s*|\s+(?:and|or|to)\s+)\d+[A-Z]*)*)")
_HEADING_REF = re.compile(rf"\b({_WORDS})(\s+)\(([^()]{{3,200}})\)")
_NUMBER = re.compile(r"\d+[A-Z]*")
#: What makes a number another instrument's: "of the Housing Act 2004", "of that Act", "of Schedule B1 to …".
_ELSEWHERE = re.compile(r"^(?:\([^)]*\))*\s+(?:of|to)\s+(?!this\b)")


def _own(bill: Bill, kind: Kind) -> list[Provision]:
    return [p for p in bill.walk() if p.kind is kind and not p.quoted]


class Renumbering:
    """How the numbers of ``new``'s own clauses and Schedules relate to ``old``'s."""

    def __init__(self, old: Bill, new: Bill) -> None:
        #: per kind word ("section", "schedule"): new number → old number, or None for a provision new to ``new``
        self.maps: dict[str, dict[str, str | None]] = {}
        #: new number → heading, for provisions new to ``new`` (cited by heading in an amendment)
        self.headings: dict[str, dict[str, str]] = {}
        #: old heading → old number (to read "section (Heading)" back as a number)
        self.by_heading: dict[str, dict[str, str]] = {}
        for word, kind in (("section", Kind.CLAUSE), ("schedule", Kind.SCHEDULE)):
            mapping: dict[str, str | None] = {}
            headings: dict[str, str] = {}
            for p, q in align(_own(old, kind), _own(new, kind)):
                if q is None or not q.label:
                    continue
                mapping[q.label] = p.label if p is not None else None
                if p is None and q.heading:
                    headings[q.label] = q.heading
            self.maps[word] = mapping
            self.headings[word] = headings
            self.by_heading[word] = {" ".join((p.heading or "").split()).lower(): p.label or ""
                                     for p in _own(old, kind) if p.heading and p.label}

    @staticmethod
    def _word(word: str) -> str:
        return "schedule" if word.lower().startswith("schedule") else "section"

    def changed(self) -> list[tuple[str, str]]:
        """(old number, new number) for every own clause or Schedule whose number changed."""
        return [(old, new) for mapping in self.maps.values() for new, old in mapping.items() if old and old != new]

    def to_old(self, text: str) -> str:
        """``text`` of the new print with its own cross-references in the old print's terms."""

        def swap(m: re.Match[str]) -> str:
            if _ELSEWHERE.match(text[m.end() :]):
                return m.group(0)
            kind = self._word(m.group(1))
            mapping, headings = self.maps[kind], self.headings[kind]

            def one(number: str) -> str:
                if number not in mapping:
                    return number
                old = mapping[number]
                if old is not None:
                    return old
                return f"({headings[number]})" if number in headings else number

            rest = _NUMBER.sub(lambda n: one(n.group(0)), m.group(4))
            return f"{m.group(1)}{m.group(2)}{one(m.group(3))}{rest}"

        return _REF.sub(swap, text)

    def numbers_of_headings(self, text: str) -> str:
        """``text`` of the old side with "section (Heading)" read back as the number that clause has there."""

        def swap(m: re.Match[str]) -> str:
            table = self.by_heading[self._word(m.group(1))]
            number = table.get(" ".join(m.group(3).split()).lower())
            return f"{m.group(1)}{m.group(2)}{number}" if number else m.group(0)

        return _HEADING_REF.sub(swap, text)
