"""Cross-references across a reprint's renumbering (pure).

Between two prints, the bill's own clauses and Schedules may be renumbered ("Clause 16" becomes "Clause 18") and
new ones appear. Text of the new print refers to them by their new numbers; an amendment to the old print must
refer to them by their old numbers — and to a clause that does not exist yet by its heading, as House style does
("section (Receipt of transfer)"). :class:`Renumbering` rewrites new-print text into old-print terms, so that a
reference that only changed because of renumbering is no change at all, and one that now points elsewhere is.

A number is rewritten only after "section", "Clause", "Schedule" (and their plurals and lists: "sections 3 and
4"), only when the renumbering names it, and never when it is followed by "of the … Act" (another Act's section).
In a provision that amends another Act ("The Housing Act 2004 is amended as follows", "omit", "substitute",
"insert"), a bare "section 5" is that Act's: only "section 5 of this Act" is the bill's own (see :func:`amending`).
"""

from __future__ import annotations

import re

from lawtrack.diff.compare import align
from lawtrack.diff.words import word_diff
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

_WORDS = r"(?:[Ss]ections?|[Cc]lauses?|Schedules?)"
_REF = re.compile(rf"\b({_WORDS})(\s+)(\d+[A-Z]*)((?:(?:\s*,\s*|\s+(?:and|or|to)\s+)\d+[A-Z]*)*)")
_PARAGRAPH_REF = re.compile(r"\b([Pp]aragraphs?)(\s+)(\d+[A-Z]*)((?:(?:\s*,\s*|\s+(?:and|or|to)\s+)\d+[A-Z]*)*)")
_HEADING_REF = re.compile(rf"\b({_WORDS})(\s+)\(([^()]{{3,200}})\)")
_NUMBER = re.compile(r"\d+[A-Z]*")
#: What makes a number another instrument's: "of the Housing Act 2004", "of that Act", "of Schedule B1 to …".
_ELSEWHERE = re.compile(r"^(?:\([^)]*\))*\s+(?:of|to)\s+(?!this\b)")
#: "(inserted by section 23)", "as substituted by section 5": in a provision amending another Act, still this bill's.
_BY_THIS = re.compile(r"\b(?:inserted|substituted|amended|added|omitted|repealed|made)\s+by\s+$")
_THIS_ACT = re.compile(r"^(?:\([^)]*\))*\s+(?:of|to)\s+this\s+Act\b")
_AMENDING = re.compile(r"\b(?:is|are)\s+(?:amended|repealed)\b|\b[Oo]mit\b|\bsubstitute\b|\binsert\b|\bfor\s+[“\"]")


def amending(text: str) -> bool:
    """Whether a clause or Schedule paragraph reads as amending another Act (its bare section numbers are that
    Act's)."""
    return bool(_AMENDING.search(text))


def _paragraphs(schedule: Provision) -> list[Provision]:
    return [p for p in schedule.walk() if p.kind is Kind.PARAGRAPH and p.element == "paragraph" and p.label
            and not p.quoted]


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
                if q is None or not q.label or mapping.get(q.label) is not None:
                    continue  # a number printed twice: the provision that was there keeps it
                mapping[q.label] = p.label if p is not None else None
                if p is None and q.heading:
                    headings[q.label] = q.heading
            self.maps[word] = mapping
            self.headings[word] = headings
            self.by_heading[word] = {" ".join((p.heading or "").split()).lower(): p.label or ""
                                     for p in _own(old, kind) if p.heading and p.label}
        #: per Schedule (its number in ``new``): new paragraph number → old, for "paragraphs 2 to 41" in it
        self.paragraphs: dict[str, dict[str, str | None]] = {}
        for p, q in align(_own(old, Kind.SCHEDULE), _own(new, Kind.SCHEDULE)):
            if p is None or q is None or q.label is None:
                continue
            table: dict[str, str | None] = {}
            for a, b in align(_paragraphs(p), _paragraphs(q)):
                if b is not None and b.label and table.get(b.label) is None:
                    table[b.label] = a.label if a is not None else None
            self.paragraphs[q.label] = table

    @staticmethod
    def _word(word: str) -> str:
        return "schedule" if word.lower().startswith("schedule") else "section"

    def changed(self) -> list[tuple[str, str]]:
        """("Clause 16", "Clause 18") for every own clause or Schedule whose number changed."""
        names = {"section": "Clause", "schedule": "Schedule"}
        out = [(f"{names[word]} {old}", f"{names[word]} {new}") for word, mapping in self.maps.items()
               for new, old in mapping.items() if old and old != new]
        return out + [(f"Schedule {sched}, paragraph {old}", f"Schedule {sched}, paragraph {new}")
                      for sched, table in self.paragraphs.items() for new, old in table.items() if old and old != new]

    def _edits(self, text: str, amending: bool, schedule: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, old-print number) for each cross-reference number in ``text`` the renumbering changes
        (with ``schedule``, the number in ``new`` of the Schedule the text is in, its "paragraph 5" too)."""
        out: list[tuple[int, int, str]] = []
        paragraphs = self.paragraphs.get(schedule or "") if schedule is not None else None
        refs = list(_REF.finditer(text)) + (list(_PARAGRAPH_REF.finditer(text)) if paragraphs else [])
        for m in sorted(refs, key=lambda m: m.start()):
            after, before = text[m.end() :], text[max(0, m.start() - 40) : m.start()]
            if _ELSEWHERE.match(after):
                continue
            if amending and not _THIS_ACT.match(after) and not _BY_THIS.search(before):
                continue
            if m.re is _PARAGRAPH_REF:
                mapping, headings = paragraphs or {}, {}
            else:
                kind = self._word(m.group(1))
                mapping, headings = self.maps[kind], self.headings[kind]
            numbers = [(m.start(3), m.end(3), m.group(3))] + [
                (m.start(4) + n.start(), m.start(4) + n.end(), n.group(0)) for n in _NUMBER.finditer(m.group(4))]
            for a, b, number in numbers:
                if number not in mapping:
                    continue
                old = mapping[number]
                replacement = old if old is not None else (f"({headings[number]})" if number in headings else number)
                if replacement != number:
                    out.append((a, b, replacement))
        return out

    @staticmethod
    def _apply(text: str, edits: list[tuple[int, int, str]], lo: int = 0, hi: int | None = None) -> str:
        hi = len(text) if hi is None else hi
        out, pos = [], lo
        for a, b, repl in edits:
            if a >= lo and b <= hi:
                out += [text[pos:a], repl]
                pos = b
        out.append(text[pos:hi])
        return "".join(out)

    def to_old(self, text: str, *, amending: bool = False, schedule: str | None = None) -> str:
        """``text`` of the new print with its own cross-references in the old print's terms (in a provision that
        is ``amending`` another Act, only those "of this Act" or "inserted by section …"; in Schedule
        ``schedule``, its own paragraph numbers too)."""
        return self._apply(text, self._edits(text, amending, schedule))

    def reconcile(self, old: str, new: str, *, amending: bool = False, schedule: str | None = None) -> str:
        """``new`` (a provision's text in the new print) in the terms of ``old`` (the same provision's text in
        the old print): where the two differ only as the renumbering says ("section 27" where ``old`` has
        "section 23", and Clause 23 became 27) the old number stands; text the two share is left as it is (a
        "section 2" in both is the same reference, whatever was renumbered); other words new to the text are put
        in the old print's terms by :meth:`to_old`."""
        if old == new:
            return new
        forced, guessed = self._edits(new, False, schedule), self._edits(new, amending, schedule)
        if not forced:
            return new
        out: list[str] = []
        segments = word_diff(old, new)
        i = 0
        while i < len(segments):
            if segments[i].op == "equal":
                out.append(segments[i].text)
                i += 1
                continue
            deleted, lo, hi = "", None, None
            while i < len(segments) and segments[i].op != "equal":
                seg = segments[i]
                if seg.op == "delete":
                    deleted += seg.text
                else:
                    lo = seg.new_start if lo is None else lo
                    hi = seg.new_start + len(seg.text)
                i += 1
            if lo is None or hi is None:
                continue
            # a number's words are "section " before it: widen the range to whole references it touches
            as_old = self._apply(new, forced, lo, hi)
            out.append(deleted if " ".join(as_old.split()) == " ".join(deleted.split()) and deleted
                       else self._apply(new, guessed, lo, hi))
        return "".join(out)

    def numbers_of_headings(self, text: str) -> str:
        """``text`` of the old side with "section (Heading)" read back as the number that clause has there."""

        def swap(m: re.Match[str]) -> str:
            table = self.by_heading[self._word(m.group(1))]
            number = table.get(" ".join(m.group(3).split()).lower())
            return f"{m.group(1)}{m.group(2)}{number}" if number else m.group(0)

        return _HEADING_REF.sub(swap, text)
