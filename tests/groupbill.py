"""A small LawMaker bill with Parts, Chapters and cross-headings (in the body and in a Schedule), written by hand
for table tests of how addresses find headings. Printed as (page-line):

    1-1   PART 1  Victims
    1-2   CHAPTER 1  The code
    1-3   Publication of the code
    1-4   1  Code of practice
          (1) The Secretary of State must issue a code.
    1-5   (2) The code must—
    1-6   (a) set out services,
          (b) say how to complain, and
    1-7   (c) say how it is reviewed.
    1-8   (3) In subsection (2)—
          (a) “services” includes advice;
    1-9   (b) “complain” includes appeal.
    1-10  2  Revision
          The code may be revised.
    2-1   CHAPTER 2  Reports
    2-2   3  Annual report
          A report must be laid.
    2-3   PART 2  Prisoners
    2-4   CHAPTER 1  Parole
    2-5   Release of prisoners
    2-6   4  Release
          A prisoner may be released.
    3-1   SCHEDULE 1  Amendments
    3-2   PART 1  Amendments of the Old Act
    3-3   Publication
    3-4   1  In section 1 of the Old Act, omit “may”.
    3-5   2 (1) The Old Act is amended.
    3-6   (2) Omit section 2.
    3-7   PART 2  Amendments of the New Act
    3-8   3  In section 3 of the New Act, omit “must”.
"""

from __future__ import annotations

import lawtrack

_BODY = """
<part eId="pt_1"><num><?L 1-1?>PART 1</num><heading>Victims</heading>
 <chapter eId="pt_1__chp_1"><num><?L 1-2?>CHAPTER 1</num><heading>The code</heading>
  <hcontainer name="crossheading" eId="pt_1__chp_1__xhdg_1"><heading><?L 1-3?>Publication of the code</heading>
   <section eId="sec_1"><num><?L 1-4?>1</num><heading>Code of practice</heading>
    <subsection eId="sec_1__subsec_1"><num>(1)</num><content><p>The Secretary of State must issue a code.</p>
     </content></subsection>
    <subsection eId="sec_1__subsec_2"><num><?L 1-5?>(2)</num><intro><p>The code must—</p></intro>
     <level class="para1" eId="sec_1__subsec_2__para_a"><num><?L 1-6?>(a)</num><content><p>set out services,</p>
      </content></level>
     <level class="para1" eId="sec_1__subsec_2__para_b"><num>(b)</num><content><p>say how to complain, and</p>
      </content></level>
     <level class="para1" eId="sec_1__subsec_2__para_c"><num><?L 1-7?>(c)</num><content><p>say how it is
      reviewed.</p></content></level>
    </subsection>
    <subsection eId="sec_1__subsec_3"><num><?L 1-8?>(3)</num><intro><p>In subsection (2)—</p></intro>
     <level class="para1" eId="sec_1__subsec_3__para_a"><num>(a)</num><content><p>“services” includes advice;</p>
      </content></level>
     <level class="para1" eId="sec_1__subsec_3__para_b"><num><?L 1-9?>(b)</num><content><p>“complain” includes
      appeal.</p></content></level>
    </subsection>
   </section>
   <section eId="sec_2"><num><?L 1-10?>2</num><heading>Revision</heading><content><p>The code may be revised.</p>
    </content></section>
  </hcontainer>
 </chapter>
 <chapter eId="pt_1__chp_2"><num><?L 2-1?>CHAPTER 2</num><heading>Reports</heading>
  <section eId="sec_3"><num><?L 2-2?>3</num><heading>Annual report</heading><content><p>A report must be laid.</p>
   </content></section>
 </chapter>
</part>
<part eId="pt_2"><num><?L 2-3?>PART 2</num><heading>Prisoners</heading>
 <chapter eId="pt_2__chp_1"><num><?L 2-4?>CHAPTER 1</num><heading>Parole</heading>
  <hcontainer name="crossheading" eId="pt_2__chp_1__xhdg_1"><heading><?L 2-5?>Release of prisoners</heading>
   <section eId="sec_4"><num><?L 2-6?>4</num><heading>Release</heading><content><p>A prisoner may be released.</p>
    </content></section>
  </hcontainer>
 </chapter>
</part>
<hcontainer name="schedules" eId="scheds">
 <hcontainer name="schedule" eId="sched_1"><num><?L 3-1?>SCHEDULE 1</num><heading>Amendments</heading>
  <part eId="sched_1__pt_1"><num><?L 3-2?>PART 1</num><heading>Amendments of the Old Act</heading>
   <hcontainer name="crossheading" eId="sched_1__pt_1__xhdg_1"><heading><?L 3-3?>Publication</heading>
    <paragraph eId="sched_1__para_1"><num><?L 3-4?>1</num><content><p>In section 1 of the Old Act, omit
     “may”.</p></content></paragraph>
    <paragraph eId="sched_1__para_2"><num><?L 3-5?>2</num>
     <subparagraph eId="sched_1__para_2__subpara_1"><num>(1)</num><content><p>The Old Act is amended.</p>
      </content></subparagraph>
     <subparagraph eId="sched_1__para_2__subpara_2"><num><?L 3-6?>(2)</num><content><p>Omit section 2.</p>
      </content></subparagraph>
    </paragraph>
   </hcontainer>
  </part>
  <part eId="sched_1__pt_2"><num><?L 3-7?>PART 2</num><heading>Amendments of the New Act</heading>
   <paragraph eId="sched_1__para_3"><num><?L 3-8?>3</num><content><p>In section 3 of the New Act, omit
    “must”.</p></content></paragraph>
  </part>
 </hcontainer>
</hcontainer>"""


def xml(*, lines: bool = True, title: str = "<p>A Bill to make provision about victims.</p>") -> bytes:
    """The bill's XML; without ``lines`` it has no line markers at all (as some prints have none)."""
    import re

    body = _BODY if lines else re.sub(r"<\?L [0-9-]+\?>", "", _BODY)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ukl="https://www.legislation.gov.uk/namespaces/UK-AKN">
 <bill name="ukpubb">
  <meta><references source="#author">
   <TLCConcept eId="varBillTitle" href="" showAs="Group Bill"/>
   <TLCConcept eId="varStageVersion" href="" showAs="As introduced"/>
  </references></meta>
  <preface><longTitle>{title}</longTitle></preface>
  <body>{body}
  </body>
 </bill>
</akomaNtoso>
""".encode()


def bill(*, lines: bool = True) -> lawtrack.Bill:
    return lawtrack.load_bill(xml(lines=lines), name="<group bill>")
