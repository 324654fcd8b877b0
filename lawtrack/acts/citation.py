"""Which Act a document is, and the names a bill calls it by (pure).

An Act is known by its short title ("Housing Act 2004") — from the document's metadata when it has one, else from
its short-title section ("This Act may be cited as the Housing Act 2004", "The short title of this Act is the
Bankruptcy (Scotland) Act 2016"). A bill may define a shorter name for it ("“the 2004 Act” means the Housing Act
2004", "the Housing Act 2004 (“the 2004 Act”)", "the Data Protection Act 2018 (referred to in this Act as “the 2018
Act”)"); all are recognised.
"""

from __future__ import annotations

import re

from lawtrack.model.bill import Bill

_TITLE = r"[A-Z][\w’'(),\- ]*? Act \d{4}"
_CITED = re.compile(rf"(?:may be cited as|short title of this Act is)\s+(?:the\s+)?(?P<title>{_TITLE})\b")
_ENDS_AS_ACT = re.compile(r"\bAct \d{4}$")


def act_title(act: Bill) -> str | None:
    """The Act's short title, or None when the document does not say."""
    title = " ".join(act.metadata.short_title.split())
    if _ENDS_AS_ACT.search(title):
        return title
    for clause in reversed(act.clauses()):
        m = _CITED.search(" ".join(clause.text.split()))
        if m:
            return m.group("title")
    return None


def names(bill: Bill, title: str) -> list[str]:
    """Every name the bill uses for the Act ``title``: the title itself and the abbreviations it defines."""
    found = [title]
    escaped = re.escape(title)
    # "(“the 2018 Act”)", "(referred to in this Act as “the 2018 Act”)", "(in this Part referred to as …)"
    referred = (r"(?:(?:referred\s+to\s+)?in\s+this\s+(?:Act|Part|Chapter|Schedule|section)\s+"
                r"(?:referred\s+to\s+)?as\s+)?")
    patterns = (re.compile(rf"[“\"](the [^”\"]{{2,40}})[”\"]\s+means\s+the\s+{escaped}"),
                re.compile(rf"{escaped}\s*\(\s*{referred}[“\"](the [^”\"]{{2,40}})[”\"]\s*\)"))
    # LawMaker marks a defined term with <def> and keeps its quotation marks in attributes: "the 1988 Act means …"
    means = re.compile(rf"\s*(?:means|is|refers\s+to)\s+the\s+{escaped}\b")
    for p in bill.walk():
        if p.quoted or not p.text:
            continue
        text = " ".join(p.text.split())
        if title not in text:
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                if m.group(1) not in found:
                    found.append(m.group(1))
        for mark in p.marks:
            if mark.tag != "def":
                continue
            term = " ".join(p.text[mark.start:mark.end].split())
            after = " " + " ".join(p.text[mark.end : mark.end + len(title) + 40].split())
            if term.lower().startswith("the ") and len(term) <= 44 and term not in found and means.match(after):
                found.append(term)
    return found
