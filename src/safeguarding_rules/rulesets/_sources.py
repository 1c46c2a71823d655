"""Quoted evidence for the built-in rule sets, checked on 30 November 2026.

Each constant is one short verbatim quote (at most 30 words), the title of the page or
document it comes from, and the address where it was read. The rule set modules attach them
to rule versions and edition dates; ``docs/catalogue.md`` and ``safeguarding-rules rules``
show them. Where no quote could be found the rule says ``UNCONFIRMED`` and why instead.
"""

from __future__ import annotations

import datetime as dt

from ..rules import Evidence

#: The day every quote below was last checked against its source.
CHECKED = dt.date(2026, 11, 30)


def _q(quote: str, title: str, url: str) -> Evidence:
    return Evidence(quote=quote, title=title, url=url, checked=CHECKED)


# -- England ----------------------------------------------------------------------------------

WT2006_APRIL = _q(
    "A new edition of Working Together to Safeguard Children was published in April 2006.",
    "Family Law news, 'Working Together' (25 April 2006)",
    "https://www.familylaw.co.uk/news_and_comment/working-together",
)
WT2010_PUBLISHED = _q(
    "A revised Working Together to Safeguard Children was published on 17 March.",
    "DCSF, 'Working Together to Safeguard Children' (UK Government Web Archive, 16 Dec 2010)",
    "http://webarchive.nationalarchives.gov.uk/20101217164537/http:/www.dcsf.gov.uk/"
    "everychildmatters/safeguardingandsocialcare/safeguardingchildren/workingtogether/"
    "workingtogethertosafeguardchildren/",
)
WT2006_YEAR = _q(
    "This guidance was previously updated in 2006.",
    "Working Together to Safeguard Children 2010, executive summary (copy)",
    "http://www.barabarani.org.uk/pages/Working-Together-to-Safeguard-Children-2010/",
)
WT2013_IN_FORCE = _q(
    "The guidance, Working Together to Safeguard Children, is published by the Department of "
    "Education and will come into effect from 15 April 2013.",
    "Family Law, 'New guide on inter-agency working' (21 March 2013)",
    "https://familylaw.co.uk/news_and_comment/New-guide-on-inter-agency-working-210313-952",
)
WT2015_PUBLISHED = _q(
    "On 26th March 2015, a revised version of this document was published",
    "Safeguarding in Schools, 'Working Together to Safeguard Children 2013'",
    "https://www.safeguardinginschools.co.uk/new-working-together-to-safeguard-children-2013/",
)
WT2018_PUBLISHED = _q(
    "Revised statutory guidance on inter-agency working to safeguard children has been "
    "published by the Government.",
    "procedures.org.uk news, 'Revised Working Together published' (5 July 2018)",
    "https://www.procedures.org.uk/2018/07/05/revised-working-together-published/",
)
WT2023_LAUNCHED = _q(
    "On 15th December 2023 the Department for Education (DfE) launched the statutory guidance "
    "Working Together to Safeguarding Children 2023. This edition replaces the 2018 edition.",
    "Cumbria Safeguarding Children Partnership briefing, Working Together 2023",
    "https://content.govdelivery.com/accounts/UKCUMBERLAND/bulletins/38e23c6",
)
CPPCR_IN_FORCE = _q(
    "These Regulations may be cited as the Care Planning, Placement and Case Review (England) "
    "Regulations 2010 and come into force on 1st April 2011.",
    "Care Planning, Placement and Case Review (England) Regulations 2010, reg 1",
    "https://legislation.gov.uk/uksi/2010/959/part/1",
)
RCC1991_IN_FORCE = _q(
    "shall come into force on 14th October 1991.",
    "Review of Children's Cases Regulations 1991, reg 1",
    "https://legislation.gov.uk/uksi/1991/895/regulation/1/made",
)
CFA2014_IN_FORCE = _q(
    "The following provisions of the Act come into force on 22nd April 2014— (a)section 9; "
    "(b)section 12; (c)section 14;",
    "Children and Families Act 2014 (Commencement No. 2) Order 2014, art 4",
    "http://www.legislation.gov.uk/cy/uksi/2014/889/made",
)
CFA2014_S14 = _q(
    "in any event within twenty-six weeks beginning with the day on which the application was "
    "issued",
    "Children and Families Act 2014, s14(2) (Children Act 1989 s32(1)(a)(ii))",
    "https://legislation.gov.uk/id/ukpga/2014/6/section/14/2",
)
ICPC_LAST_SD = _q(
    "The Initial Child Protection Conference should be held within 15 working days of the "
    "Strategy Discussion / Meeting, or the last strategy discussion if more than one has been "
    "held.",
    "Isle of Man Children's Services procedures, glossary 'Initial Child Protection Conference'",
    "https://isleofmanchildcare.proceduresonline.com/local_keywords/init_cp_conf.html",
)
WT2015_ABOLISHED_LAST = _q(
    "counting the 15 days' timeframe from the date of the last Strategy meeting taking place, "
    "was abolished in Working Together 2015.",
    "'Child Protection Conferencing Process' (a local authority note)",
    "https://docsbay.net/child-protection-conferencing-process",
)
NORFOLK_ICPC = _q(
    "within a maximum of 15 days of the Strategy Discussion or where more than one has taken "
    "place, of the Strategy Discussion at which the Section 47 Enquiry was initiated.",
    "Norfolk Safeguarding Children Partnership procedures 3.6, Initial Child Protection "
    "Conferences",
    "http://www.norfolklscb.org/about/policies-procedures/managing-individual-cases-where-"
    "there-are-concerns-about-a-childs-safety-and-welfare/36-initial-child-protection-conferences",
)
SOLIHULL_ICPC = _q(
    "within a maximum of 15 working days of the Strategy Discussion or Meeting at which the "
    "Section 47 enquiries were initiated, if more than one has been held.",
    "Solihull Safeguarding Children Partnership procedures 3.5 (updated April 2017)",
    "http://solihulllscb.proceduresonline.com/chapters/p_init_CP_conf.html",
)
NORFOLK_CORE_GROUP = _q(
    "To set the date for the first Core Group meeting to take place within 10 working days of "
    "the Initial Conference.",
    "Norfolk Safeguarding Children Partnership procedures 3.6, Initial Child Protection "
    "Conferences",
    NORFOLK_ICPC.url,
)
TRIX_REVIEWS = _q(
    "The first review conference is normally convened three months after a Child Protection "
    "Plan is first drawn up, then at intervals of not more than six months.",
    "tri.x national keywords, 'Review Child Protection Conference'",
    "http://trixresources.proceduresonline.com/nat_key/keywords/rev_chi_prot_conf.html",
)
LG_INFORM_REFERRAL = _q(
    "On receipt of a referral the local authority has one working day to decide what further "
    "work needs to be done.",
    "LG Inform Plus metric type 2234 (DfE children in need census)",
    "http://id.esd.org.uk/metricType/2234",
)
TEES_WT2013_REFERRAL = _q(
    "Within one working day of a referral being received, a local authority social worker "
    "should make a decision about the type of response that is required;",
    "Tees Safeguarding Children Procedures, 'Working Together To Safeguard Children 2013'",
    "http://www.teescpp.org.uk/working-together-2013",
)
NORFOLK_TRANSFER_IN = _q(
    "The transfer-in conference is to be held within 15 working days of written notification "
    "from the transferring authority",
    "Norfolk Safeguarding Children Board procedures 3.8 (added May 2015)",
    "https://norfolklscb.org/about/policies-procedures/3-8-transfer-in-child-protection-"
    "conferences/",
)
COVENTRY_IA_7 = _q(
    "must be completed within a maximum of 7 working days of the date of the referral.",
    "Coventry Safeguarding Children Board procedures 1.3 (amended October 2010)",
    "http://coventryscb.proceduresonline.com/chapters/p_int_cor_ass.html",
)
COMMUNITY_CARE_IA_CA = _q(
    "Currently, initial assessments must take place within 10 working days of a referral and "
    "core assessments within 35 working days.",
    "Community Care, 'Ministers confirm removal of child assessment timescales' (12 June 2012)",
    "https://www.communitycare.co.uk/2012/06/12/ministers-confirm-removal-of-child-assessment-"
    "timescales/",
)
DEVON_CORE_ASSESSMENT = _q(
    "A Core Assessment must be completed for all cases that progress beyond an Initial "
    "Assessment within 35 working days.",
    "Devon child protection procedures 2.3.5, Core assessment",
    "http://www.devon.gov.uk/index/childrenfamilies/child-protection/child-protection-"
    "procedures/cp-sec-2/cp-sec-2-3/cp-sec-2-3-5.htm",
)
TRIX_SINGLE_ASSESSMENT = _q(
    "should be no longer than 45 working days from the point of referral.",
    "tri.x glossary, 'Assessment'",
    "https://proceduresonline.com/toolkit/glossary/a/cs-assessment",
)
OXFORDSHIRE_LAC = _q(
    "within four weeks of the child becoming Looked After; then within three months of an "
    "initial looked after review;",
    "Oxfordshire Safeguarding Children Board manual, keyword 'Looked After Review' (undated)",
    "https://portal.oxfordshire.gov.uk/content/publicnet/other_sites/oscb/manual/keywords/"
    "looked_aft_review.html",
)
OXFORDSHIRE_LAC_6 = _q(
    "then subsequent looked after reviews should be conducted not more than six months after "
    "any previous review.",
    OXFORDSHIRE_LAC.title,
    OXFORDSHIRE_LAC.url,
)
CHILDHOOD_FIRST_LAC = _q(
    "An Initial Looked After Children Review should be conducted within 20 days of the child "
    "being Looked After;",
    "Childhood First procedures, 'Looked After Children Reviews'",
    "https://childhoodfirst.proceduresonline.com/p_lac_rev.html",
)
CHILDHOOD_FIRST_LAC_2 = _q(
    "The 2nd Looked After Children Review should be conducted within three months of an Initial",
    CHILDHOOD_FIRST_LAC.title,
    CHILDHOOD_FIRST_LAC.url,
)
SUSSEX_QUORUM = _q(
    "Minimum representation is Children's Social Care and at least two other agencies or key "
    "disciplines that have had direct contact with the child and family.",
    "Pan-Sussex child protection procedures 7.8, Quorate Conferences (reviewed September 2022)",
    "https://sussexchildprotection.procedures.org.uk/skyloo//quorate-conferences",
)
SUSSEX_RECONVENE = _q(
    "Another Conference date, usually within a month, must be set immediately (within 10 "
    "working days for ICPC).",
    SUSSEX_QUORUM.title,
    SUSSEX_QUORUM.url,
)
SWINDON_QUORUM = _q(
    "The minimum representation is children's social work and at least two other professional "
    "groups or other agencies who have had direct involvement with the family",
    "Swindon children's services procedures, 'Quorate Child Protection Conferences'",
    "https://swindonchildcare.proceduresonline.com/p_quorate_conf.html",
)

# -- Wales ------------------------------------------------------------------------------------

WSP_PUBLISHED = _q(
    "The Wales Safeguarding Procedures were published on 11 November 2019",
    "CYSUR (Mid and West Wales Safeguarding Board), 'Wales Safeguarding Procedures'",
    "https://cysur.wales/new-national-guidance/wales-safeguarding-procedures",
)
WSP_ADOPTED = _q(
    "The procedures were adopted and implemented in every region of Wales by April 2020.",
    WSP_PUBLISHED.title,
    WSP_PUBLISHED.url,
)
NORTH_WALES_ADOPTION = _q(
    "Welsh Government have requested that all Safeguarding Boards adopt the New All Wales "
    "Safeguarding Procedures as originally planned in April.",
    "North Wales Safeguarding Board, 'Wales Safeguarding Procedures' (June 2020 update)",
    "https://www.northwalessafeguardingboard.wales/wales-safeguarding-procedures-coming-soon/",
)
AWCPP_IMPLEMENTED = _q(
    "New all-Wales child protection procedures, implemented on April 1st 2008, are helping to "
    "safeguard children and promote their welfare.",
    "Torfaen County Borough Council, 'All Wales Child Protection Procedures'",
    "https://www.torfaen.gov.uk/en/HealthSocialCare/Keeping-Children-and-Adults-Safe/"
    "Child-Protection/All-Wales-Child-Protection-Procedures.aspx",
)
SSWBA_IN_FORCE = _q(
    "The Social Services and Well-being (Wales) Act 2014 came into force on 6 April 2016.",
    "Torfaen County Borough Council, 'The Wales Safeguarding Procedures'",
    "https://www.torfaen.gov.uk/en/HealthSocialCare/Keeping-Children-and-Adults-Safe/"
    "Child-Protection/The-Wales-Safeguarding-Procedures.aspx",
)
CEREDIGION_ICPC = _q(
    "Initial child protection conference taking place within 15 working days was at 33 per cent",
    "Wales News Online, Ceredigion safeguarding report for October 2019 to March 2020",
    "https://walesnewsonline.com/ceredigion-council-to-discuss-increase-in-children-being-"
    "placed-on-child-protection-register/",
)
WSP_ICPC_LAST_SD = _q(
    "The initial child protection conference should take place within 15 working days of the "
    "last strategy discussion/meeting.",
    "Wales Safeguarding Procedures, section 3 part 2, page 4 'The initial child protection "
    "conference' (diogelu.cymru, the procedures' Welsh-domain address)",
    "https://diogelu.cymru/en/chi-i/chi-i-c3pt2/c3pt2-p4",
)
CONWY_ICPC_2014 = _q(
    "The percentage of initial case conferences held within 15 days of strategy "
    "discussion/referral had declined during 2013/ 2014.",
    "Conwy Social Services annual report 2014-15, 'Timeliness of initial child protection "
    "conferences'",
    "https://conwysocialservicesannualreport.org.uk/timeliness-of-initial-child-protection-"
    "conferences",
)
WSP_CORE_GROUP = _q(
    "The core group should meet within 10 working days of the date of the initial child "
    "protection conference and thereafter at monthly but no more than at 6 weekly intervals",
    "Wales Safeguarding Procedures, section 3 part 2, page 13",
    "https://safeguarding.wales/en/chi-i/chi-i-c3pt2/c3pt2-p13",
)
WSP_REVIEWS_P13 = _q(
    "3 monthly as a maximum time from the date of the initial child protection conference and "
    "thereafter at no more than 6 monthly intervals;",
    WSP_CORE_GROUP.title,
    WSP_CORE_GROUP.url,
)
WSP_CONTINUING_ASSESSMENT = _q(
    "with timescales for completion within 42 working days from the start of the section 47 "
    "enquiries;",
    WSP_CORE_GROUP.title,
    WSP_CORE_GROUP.url,
)
WSP_OUTLINE_PLAN = _q(
    "Within five working days a copy of the outline plan and a summary of decisions made at "
    "the initial child protection conference",
    "Wales Safeguarding Procedures, section 3 part 2, page 11",
    "https://safeguarding.wales/en/chi-i/chi-i-c3pt2/c3pt2-p11",
)
WSP_REVIEW_C4P8 = _q(
    "first child protection review conference should be held within three months of the "
    "initial conference and further review conferences should be held at regular intervals "
    "(at least every six months).",
    "Wales Safeguarding Procedures, children section 4, page 8 'The review conference'",
    "http://safeguarding.wales/chi/c4/c4.p8.html",
)
WSP_QUORUM = _q(
    "a minimum of three agencies or professional groupings, or in exceptional circumstances "
    "and at the discretion of the conference chair, two",
    WSP_REVIEW_C4P8.title,
    WSP_REVIEW_C4P8.url,
)
WSP_TRANSFER_IN = _q(
    "This should be held within 15 working days of the notification and agreement that this "
    "has become a permanent move for the child.",
    "Wales Safeguarding Procedures, children section 4, page 10",
    "https://safeguarding.wales/en/chi-i/chi-i-c4/c4-p10",
)
WALES_IA_CA_2014 = _q(
    "72 per cent were carried out within 7 working days of referral",
    "Welsh Government statistics, 'Referrals, assessments and social services for children' "
    "2013-14 (3 September 2014)",
    "http://wales.gov.uk/statistics-and-research/referrals-assessments-social-services-"
    "children/?lang=en",
)
WALES_CA_2014 = _q(
    "Over four-fifths (81 per cent) of required core assessments were completed within 35 "
    "working days",
    WALES_IA_CA_2014.title,
    WALES_IA_CA_2014.url,
)
PM24 = _q(
    "Number of assessments for children completed during the year within 42 working days from "
    "the point of referral.",
    "StatsWales, quantitative social services performance measures (PM24)",
    "https://statswales.gov.wales/Catalogue/Health-and-Social-Care/Social-Services/"
    "Performance-Measures/quantitativesocialservicesperformancechildren-by-measures",
)

# -- Scotland ---------------------------------------------------------------------------------

NGCPS2010_LAUNCHED = _q(
    "New national guidance to help social workers, police, health professionals and others "
    "better protect Scotland's most vulnerable children has been launched.",
    "Together (Scottish Alliance for Children's Rights) news, 13 December 2010",
    "https://togetherscotland.org.uk/news-and-events/news/2010/12/the-national-guidance-for-"
    "child-protection-in-scotland-2010/",
)
NGCPS2014_PUBLISHED = _q(
    "Website Publication DateMay 19, 2014",
    "gov.scot, National Guidance for Child Protection in Scotland (2014)",
    "https://www.gov.scot/Publications/2014/05/3052/0",
)
NGCPS2021_PUBLISHED = _q(
    "The Scottish Government has today (2 September) published new National Guidance for "
    "Child Protection in Scotland 2021.",
    "CELCIS news item (stored copy)",
    "https://resolvediraqimanifold.pages.dev/617621.html",
)
_APP_C = "National Guidance for Child Protection in Scotland 2014, Appendix C"
_APP_C_URL = (
    "https://www.gov.scot/publications/national-guidance-child-protection-scotland/pages/16/"
)
APP_C_INITIAL = _q(
    "The initial CPCC should be held as soon as practically possible and no later than 21 "
    "calendar days from the notification of concern",
    _APP_C,
    _APP_C_URL,
)
APP_C_NOTICE = _q(
    "Participants should be given a minimum of 5 calendar days' notice of the decision to "
    "convene a CPCC whenever possible",
    _APP_C,
    _APP_C_URL,
)
APP_C_REVIEW = _q(
    "The first review CPCC should be held within 3 months of the initial CPCC. Thereafter, "
    "reviews should take place 6 monthly or earlier if circumstances change",
    _APP_C,
    _APP_C_URL,
)
APP_C_CORE_GROUP = _q(
    "The initial core group meeting should be held within 15 calendar days of the initial CPCC",
    _APP_C,
    _APP_C_URL,
)
APP_C_MINUTES = _q(
    "Participants should receive the minutes within 15 calendar days of the CPCC",
    _APP_C,
    _APP_C_URL,
)
APP_C_PLAN = _q(
    "Participants should receive a copy of the agreed Child Protection Plan within 5 calendar "
    "days of the CPCC",
    _APP_C,
    _APP_C_URL,
)
_APP_D = "National Guidance for Child Protection in Scotland 2021 - updated 2023, Appendix D"
_APP_D_URL = (
    "https://www.gov.scot/publications/national-guidance-child-protection-scotland-2021-"
    "updated-2023/pages/12/"
)
APP_D_CPPM = _q(
    "If a child protection investigation has been progressed a CPPM will follow within 28 "
    "calendar days",
    _APP_D,
    _APP_D_URL,
)
APP_D_NOTICE = _q(
    "How much notice should participants be given of a CPPM? 5 calendar days (wherever possible).",
    _APP_D,
    _APP_D_URL,
)
APP_D_RECONVENE = _q(
    "When a CPPM is inquorate, how soon must it be reconvened? Within 10 working days",
    _APP_D,
    _APP_D_URL,
)
APP_D_RECORD = _q(
    "How soon should participants receive a record of the CPPM? Within 10 working days.",
    _APP_D,
    _APP_D_URL,
)
APP_D_CORE_GROUP = _q(
    "How soon should a Core Group meet after a CPPM? Within 15 working days",
    _APP_D,
    _APP_D_URL,
)
NGCPS2023_PUBLISHED = _q(
    "The Scottish Government has published (31 August) updated National Guidance for Child "
    "Protection in Scotland.",
    "Child Protection UK (CELCIS) news, 'National Guidance for Child Protection in Scotland'",
    "https://www.childprotectionuk.co.uk/national-guidance-scotland",
)
NGCPS2021_V1_CORE_GROUP = _q(
    "meet in person on a regular basis to carry out their functions, the first time being "
    "within 15 days of the CPPM",
    "National Guidance for Child Protection in Scotland 2021, version 1.0, para 3.137 (p. 113)",
    "https://scotgov.theapsgroup.scot/national-guidance-for-child-protection-in-scotland/119/",
)
NGCPS2021_REVIEW = _q(
    "Review CPPMs should be held within six months of the CPPM with the exception of reviews "
    "that follow a pre-birth CPPM",
    "Highland child protection procedures 2024 (text of the national guidance 2021)",
    "https://rds.staging.tactuum.com/getting-it-right-for-every-child-young-person-in-highland-"
    "interagency-practice-model-child-protection-procedures-2024/child-protection-procedures-"
    "effective-assessment-and-planning/responding-to-concerns-about-children-and-young-people-"
    "interagency-procedures-2023/inter-agency-referral-discussions-ird/child-protection-plan-"
    "and-fit-with-child-s-plan",
)
NGCPS2021_PLAN = _q(
    "Participants should receive a copy of the agreed Child Protection Plan within five "
    "working days of the CPPM.",
    "Highland child protection procedures 2024, 'Reaching decisions in the CPPM' (text of the "
    "national guidance 2021)",
    "https://rds.staging.tactuum.com/getting-it-right-for-every-child-young-person-in-highland-"
    "interagency-practice-model-child-protection-procedures-2024/child-protection-procedures-"
    "effective-assessment-and-planning/responding-to-concerns-about-children-and-young-people-"
    "interagency-procedures-2023/child-protection-planning-meetings-cppm/reaching-decisions-in-"
    "the-cppm",
)
NGCPS2021_CORE_AGENCIES = _q(
    "The CPPM is a formal multi-disciplinary meeting, which must include representation from "
    "the core agencies (social work, health and police)",
    "National Guidance for Child Protection in Scotland 2021, version 1.0, para 3.131 (p. 112)",
    "https://scotgov.theapsgroup.scot/national-guidance-for-child-protection-in-scotland/118/",
)

# -- Guernsey ---------------------------------------------------------------------------------

GG_SECTION_35 = _q(
    "If there is to be an child protection case conference then this must happen within 15 "
    "working days of the strategy discussion / meeting.",
    "HSC Child Care Procedures, 'Section 35 enquiries'",
    "https://hscchildcareprocedures.gov.gg/article/118395/Section-35-enquiries",
)
GG_FLOWCHART = _q(
    "Child protection conference (convened within 10 days of strategy discussion).",
    "ISCP, 'Referral to Child Protection Conference Flowchart'",
    "http://iscp.gg/article/118097/Referral-to-Child-Protection-Conference-Flowchart",
)
GG_FLOWCHART_ADDED = _q(
    "This page was added to the website on 2 December 2015",
    GG_FLOWCHART.title,
    GG_FLOWCHART.url,
)
GG_FLOWCHART_48H = _q(
    "to be shared with the parents/carers and given to the chair of the conference 48 hours "
    "before the conference is due to be held.",
    GG_FLOWCHART.title,
    GG_FLOWCHART.url,
)
GG_MANUAL_15 = _q(
    "must be held within 15 working days of the Strategy Discussion/Meeting where the "
    "investigation were initiated.",
    "Islands Safeguarding Children Partnership procedures manual, 'Child Protection Enquiries'",
    "https://guernseyscp.trixonline.co.uk/chapter/child-protection-enquiries",
)
GG_TRANSFER_IN = _q(
    "The transfer child protection case conference should take place within the same "
    "timescale as an initial child protection case conference, i.e. 10 working days.",
    "ISCP, 'Children moving into Guernsey or Alderney'",
    "http://iscp.gg/article/118067/Children-moving-into-Guernsey-or-Alderney",
)
GG_REVIEWS = _q(
    "The first review Child Protection conference needs to happen within 3 months of initial "
    "conference, further review conferences within 6 months of each other.",
    "ISCP, 'Meetings'",
    "http://iscp.gg/article/118099/Meetings",
)
GG_CONVENOR = _q(
    "The referral will be made no later than within two working days.",
    "ISCP, 'Initial child protection case conference'",
    "http://iscp.gg/article/118058/Initial-child-protection-case-conference",
)
GG_QUORUM = _q(
    "A minimum of three agencies or professional groupings will normally need to be present "
    "before a conference can proceed. Health services staff will be counted as one agency",
    "ISCP, 'Quorum'",
    "http://iscp.gg/article/118060/Quorum",
)
GG_LAW_2010 = _q(
    "The Children Law commenced in 2010",
    "Islands Safeguarding Children Partnership procedures manual, 'Legal basis underpinning "
    "our procedures'",
    "https://guernseyscp.trixonline.co.uk/chapter/legal-basis-underpinning-our-procedures",
)

# -- Isle of Man ------------------------------------------------------------------------------

IOM_REVIEWS = _q(
    "A review conference will take place three months after the first conference. After that, "
    "there will be a review conference at least every six months.",
    "Isle of Man Safeguarding Board, 'Child protection conferences' (for parents and carers)",
    "https://safeguardingboard.im/safeguarding-children/information-for-parents-and-carers/"
    "child-protection-conferences",
)

# -- Northern Ireland -------------------------------------------------------------------------

SBNI_OPERATIONAL = _q(
    "These are now accessible on an e-based platform at the following link "
    "http://www.proceduresonline.com/sbni/ and are operational as of 15 December 2017.",
    "Safeguarding Board for Northern Ireland, 'Policy and Procedures Committee'",
    "https://www.safeguardingni.org/policies-and-procedure-committee",
)
SBNI_LAUNCHED = _q(
    "On the 28th November 2017, SBNI launched the revised Regional Core Child Protection "
    "Policies and Procedures.",
    "Safeguarding Board for Northern Ireland, 'Procedure manual'",
    "http://safeguardingni.org/procedure-manual",
)
