"""A small LawMaker bill written by hand, for table tests whose expected texts are checked by eye.

Printed as (page-line):

    1-1   1  Duties
    1-2   (1) The Secretary of State may publish a code of practice about the
    1-3   support of victims, and may revise the code at any time.
    1-4   (2) The code must—
    1-5   (a) set out the services available to victims,
    1-6   (b) say how victims may complain, and
    1-7   (c) say how the code is kept under review.
    1-8   (3) In this section “victim” means a person who has suffered harm.
    1-9   2  Reports
    1-10  (1) The Secretary of State must lay a report on the café before
    2-1   Parliament in each year, and must publish the report.
    2-2   (2) A report under this section may be combined with the café notice.
    2-3   3  Short title
    2-4   This Act may be cited as the Mini Act 2026.
    2-5   SCHEDULE 1  Consequential amendments
    2-6   1  In section 1 of the Old Act, for “may” substitute “must”.
    2-7   2 (1) The Old Act is amended as follows.
    2-8   (2) Omit section 2.
"""

from __future__ import annotations

import lawtrack

_CLAUSE_1 = """
<section GUID="_c1" eId="sec_1"><num><?L 1-1?>1</num><heading>Duties</heading>
 <subsection GUID="_c1s1" eId="sec_1__subsec_1"><num><?L 1-2?>(1)</num><content><p>The Secretary of State may
  publish a code of practice about the <?L 1-3?>support of victims, and may revise the code at any time.</p></content>
 </subsection>
 <subsection GUID="_c1s2" eId="sec_1__subsec_2"><num><?L 1-4?>(2)</num><intro><p>The code must—</p></intro>
  <level class="para1" GUID="_c1s2a" eId="sec_1__subsec_2__para_a"><num><?L 1-5?>(a)</num><content><p>set out the
   services available to victims,</p></content></level>
  <level class="para1" GUID="_c1s2b" eId="sec_1__subsec_2__para_b"><num><?L 1-6?>(b)</num><content><p>say how victims
   may complain, and</p></content></level>
  <level class="para1" GUID="_c1s2c" eId="sec_1__subsec_2__para_c"><num><?L 1-7?>(c)</num><content><p>say how the code
   is kept under review.</p></content></level>
 </subsection>
 <subsection GUID="_c1s3" eId="sec_1__subsec_3"><num><?L 1-8?>(3)</num><content><p>In this section “victim” means a
  person who has suffered harm.</p></content></subsection>
</section>"""

_CLAUSE_2 = """
<section GUID="_c2" eId="sec_2"><num><?L 1-9?>2</num><heading>Reports</heading>
 <subsection GUID="_c2s1" eId="sec_2__subsec_1"><num><?L 1-10?>(1)</num><content><p>The Secretary of State must lay a
  report on the café before <?L 2-1?>Parliament in each year, and must publish the report.</p></content></subsection>
 <subsection GUID="_c2s2" eId="sec_2__subsec_2"><num><?L 2-2?>(2)</num><content><p>A report under this section may be
  combined with the café notice.</p></content></subsection>
</section>"""

_CLAUSE_3 = """
<section GUID="_c3" eId="sec_3"><num><?L 2-3?>3</num><heading>Short title</heading>
 <content><p><?L 2-4?>This Act may be cited as the Mini Act 2026.</p></content>
</section>"""

_SCHEDULE = """
<hcontainer name="schedules" eId="scheds">
 <hcontainer name="schedule" GUID="_s1" eId="sched_1"><num><?L 2-5?>SCHEDULE 1</num>
  <heading>Consequential amendments</heading>
  <paragraph GUID="_s1p1" eId="sched_1__para_1"><num><?L 2-6?>1</num><content><p>In section 1 of the Old Act, for
   “may” substitute “must”.</p></content></paragraph>
  <paragraph GUID="_s1p2" eId="sched_1__para_2"><num><?L 2-7?>2</num>
   <subparagraph GUID="_s1p2s1" eId="sched_1__para_2__subpara_1"><num>(1)</num><content><p>The Old Act is amended as
    follows.</p></content></subparagraph>
   <subparagraph GUID="_s1p2s2" eId="sched_1__para_2__subpara_2"><num><?L 2-8?>(2)</num><content><p>Omit
    section 2.</p></content></subparagraph>
  </paragraph>
 </hcontainer>
</hcontainer>"""


def xml(*, clause_2: str = _CLAUSE_2, swap_2_and_3: bool = False, title: str = "Mini Bill",
        edit: tuple[str, str] | None = None) -> bytes:
    """The bill's XML; ``edit`` = (old, new) replaces one piece of its text (an edited version)."""
    from xml.sax.saxutils import quoteattr

    body = _CLAUSE_1 + ((_CLAUSE_3 + clause_2) if swap_2_and_3 else (clause_2 + _CLAUSE_3)) + _SCHEDULE
    if edit is not None:
        assert body.count(edit[0]) == 1, edit
        body = body.replace(*edit)
    return _xml(body, quoteattr(title))


def _xml(body: str, title: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ukl="https://www.legislation.gov.uk/namespaces/UK-AKN">
 <bill name="ukpubb">
  <meta><references source="#author">
   <TLCConcept eId="varBillTitle" href="" showAs={title}/>
   <TLCConcept eId="varStageVersion" href="" showAs="As introduced"/>
   <TLCConcept eId="varBillNo" href="" showAs="Bill 1"/>
  </references></meta>
  <preface><longTitle><p>A Bill to test lawtrack.</p></longTitle></preface>
  <body>{body}
  </body>
 </bill>
</akomaNtoso>
""".encode()


def bill() -> lawtrack.Bill:
    return lawtrack.load_bill(xml(), name="<mini bill>")


def bill_with_decomposed_cafe() -> lawtrack.Bill:
    """The same bill, but the second “café” (clause 2(2)) is written decomposed (e + U+0301) in the XML."""
    decomposed = _CLAUSE_2.replace("the café notice", "the cafe\u0301 notice")
    assert decomposed != _CLAUSE_2
    return lawtrack.load_bill(xml(clause_2=decomposed), name="<mini bill, not NFC>")
