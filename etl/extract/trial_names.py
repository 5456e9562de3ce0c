"""How a text names a trial, so that an ordinary capitalised abbreviation (HCC, TACE, OS), a
biomarker (PD-L1, CTLA-4, HER2) or a drug code (MK-3475) never becomes one.

A name is taken where the text uses it as a trial's name:
- as the head of "trial"/"study" ("the phase III HIMALAYA study", "EV-302 clinical trial",
  "CheckMate 9ER trial", "Study 309 trial"), unless it ends a comparison or a combination: in
  "drug A vs IFN phase III trial" IFN is a treatment of the trial, not its name (a numbered name
  may: "KEYNOTE-189 vs KEYNOTE-407 trials");
- in brackets that a trial noun or a trial's name introduces ("a phase 2 trial
  (DESTINY-Breast01)", "EV-302 (KEYNOTE-A39)"), or that closes a title ("... Versus Sunitinib
  (CLEAR)"), or a title "... (RESORCE): a randomised, phase 3 trial";
- as the study's investigators ("RUBY Investigators", "the ORION Study Group");
- a name with a number (KEYNOTE-826, CheckMate 227, TOPAZ-1, NAPOLI 3, LY-004) in a record's
  title or first line, as the subject of what a trial does ("TOPAZ-1 evaluated ..."), or after
  "in", "from", "of" a report ("5-year results from CheckMate 227");
- joined to a name by a slash ("Study 309/KEYNOTE-775");
- spelled out, its abbreviation defined before its number ("Cancer and Leukemia Group B (CALGB)
  50901 trial" names CALGB 50901).
Names known from one use are found wherever else they are used (etl.extract.trials).

An abbreviation that a list of abbreviations defines as a term ("Abbreviations: CI=confidence
interval; IFN=interferon") names no trial, wherever it is used (``defined_terms``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from etl.vocab.agents import regimen_forms
from etl.vocab.codes import (
    COG_COMMITTEES,
    DISEASE_INITIALS,
    DISEASE_NUMBERED_GENES,
    NOT_TRIAL_HEADS,
    STUDY_GROUPS,
)
from etl.vocab.lexicon import drug_lexicon

# A word of a name: two capitals or more (HIMALAYA, CheckMate, PROfound, IMbrave150), maybe after
# a one-letter prefix (J-ALEX), with hyphenated parts (DESTINY-Breast01, COU-AA-302, KEYNOTE-A39,
# ALTA-1L, IN-NOVATE) and a number after a space (CheckMate 227, CheckMate 9ER, NAPOLI 3); or a
# lower-case letter before three capitals (rEECur, iSTOPMM; not pCR, dMMR: two).
_WORD = r"(?:[A-Z]-|[a-z](?=[A-Z]{3}))?[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
# (or a cooperative group's study number, a capital and four digits or more: "SWOG S0016", "ECOG
# E1684", "NCCTG N0147"; not a mutation, "BRAF V600E", nor after a phase, "phase III E1684")
_GROUP_STUDY = r"[A-Z]\d{4,6}\b"
# (never a decimal's whole part, "HR 0.70", "CI 0.56-0.88" name no trial; nor a rate's, "IdR/BR 3%"
# names no "BR 3")
# (or a cooperative group's protocol, a capital, a hyphen and its number: "NSABP B-32", "NSABP
# C-07"; or numbers joined by hyphens, two digits or more each: "RTOG 98-02", "NCCTG 86-72-51")
_NUMBER = (
    rf"(?: \d{{2,4}}(?:-\d{{2,4}}){{1,2}}(?![\w.,·-]|\s*%)|[ -]\d{{1,5}}[A-Z]{{0,2}}\b(?![.,·]\d|\s*%)|(?<![IVX])[ -]{_GROUP_STUDY}"
    r"|(?<=[A-Z]{3})(?<!COHORT)(?<!GROUP)(?<!STAGE)(?<!PHASE)(?<!ARM)(?<!PART) [A-Z]-\d{1,3}\b(?![.,·]\d|-))"
)
# (a capitalised word may stand between a name and its number: "JAVELIN Bladder 100")
# (a programme's name before a numbered study of it: "EPCORE NHL-1", "EPCORE CLL-2")
_PROGRAMME = r"(?:[A-Z]{4,} (?=[A-Z]{2,}-\d))?"
NAME = rf"(?:{_WORD}(?: [A-Z][a-z]{{2,}})?{_NUMBER}|{_PROGRAMME}{_WORD}{_NUMBER}?|Study \d{{2,4}}(?:-\d{{2,4}})?\b)"
# a study its sponsor numbers, "Study" capitalised before the number, wherever it is named: "the
# multicenter Study 201", "in Study 12-230" (not a year: "Study 2019")
_STUDY_NUMBERED = re.compile(
    r"(?<![\w-])(?P<name>Study (?!(?:19|20)\d\d\b)\d{2,4}(?:-\d{2,4})?)(?![\w-]|\s*%)"
)
# the same, with a number (in the word or after it): what may name a trial without a trial noun
# (or a sponsor's protocol number, capitals glued to digits, a hyphen and more digits: "CA209-538",
# "RC48-C016"; capitals glued to digits alone are a drug's code as often as a study's,
# "BIBW2992", "JCOG1109": only a trial noun makes them a name; a word of capitals and small letters
# glued to its number is a study's, as no drug's code is written so: "IMvigor130", "AlphaStar7";
# so is a study group's protocol glued to its number, "JCOG1109", or the Children's Oncology
# Group's, a committee's letters after "A": "AALL1331", "ANBL0532")
_GROUP_GLUED = (
    rf"(?:{'|'.join(sorted(STUDY_GROUPS, key=len, reverse=True))})\d{{3,5}}"
    rf"|A(?:{'|'.join(sorted(COG_COMMITTEES))})\d{{4}}"
)
# a study group's trial numbered after its disease, the number glued on: "CLL8", "CLL13", "AML17"
# (not a gene so spelled: "AML1"; not a drug's code, whose number is longer)
_DISEASE_GLUED = (
    rf"(?!(?:{'|'.join(sorted(DISEASE_NUMBERED_GENES))})(?!\d))"
    rf"(?:{'|'.join(sorted(DISEASE_INITIALS, key=len, reverse=True))})\d{{1,3}}"
)
_DISEASE_STUDY = re.compile(_DISEASE_GLUED)
# (where no trial noun says so, a single digit names a study only as a heading, alone or with
# the references it cites: "CLL8 [18, 20]"; "the MCL1 inhibitor" names a gene)
_DISEASE_NAMED = rf"{_DISEASE_GLUED}(?:(?<=\d\d)(?![\w-])|(?=\s*(?:\[\d|$)))"
_NUMBERED = re.compile(
    rf"(?<![\w-])(?P<name>{_GROUP_GLUED}|{_DISEASE_NAMED}|(?:[A-Z]-)?[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Za-z]+)*(?:-[A-Za-z]*\d[A-Za-z0-9]*(?:-\d+)?|{_NUMBER})|[A-Z]{{2,}}\d{{2,4}}-[A-Z]?\d{{2,4}}"
    r"|[A-Z]{2,}[a-z]{3,}\d{1,4}|[A-Z][a-z]{2,}[A-Z][a-z]{2,}\d{1,4})(?![\w-]|\s*(?:%|mg|months?|weeks?|years?|days?)\b)"
)
# (a reference's number may be glued to the noun, as pages copy superscripts: "the ORCA study2")
_TRIAL_NOUN = r"(?:[Tt]rials?|[Ss]tud(?:y|ies)|[Pp]rotocol)(?:\d{1,2}(?:,\d{1,2})*(?![\d.]))?\b"
_NOUN_PHRASE = (
    rf"(?:(?:clinical|phase\s+[\dIV/]+[ab]?|randomi[sz]ed|pivotal|registrational)\s+)?{_TRIAL_NOUN}"
)
# (a group's study number may stand alone before a trial noun, "the E1684 trial"; elsewhere it may
# be a drug's code, "lenvatinib (E7080)")
# (or a name in capitals with the initials of its disease after it: "the BEACON CRC trial")
_PROTOCOL_NUMBER = r"[A-Z]{1,3}-\d{2,4}-\d{2,4}"
# the words of a trial's design that may stand between its name and its trial noun: "the ZOLTAN
# open-label, randomized, phase III trial", "the ZOLTAN double-blind placebo-controlled study"
_DESIGN = (
    r"(?:open-label|(?:double|single)-blind(?:ed)?|placebo-controlled|controlled|randomi[sz]ed"
    r"|multi-?cent(?:er|re)|multinational|international|global|pivotal|registrational"
    r"|confirmatory|prospective|non-?inferiority|clinical|phase\s+[\dIV/]+[ab]?)"
)
# (or a name whose number follows its disease's initials: "the BRIGHT AML 1003 trial"; or a
# sponsor's protocol, letters and two numbers: "the pivotal C-144-01 study")
_AS_HEAD = re.compile(
    rf"\b(?P<name>(?![IVX]+\b)[A-Z]{{3,}} (?:{'|'.join(sorted(DISEASE_INITIALS))})(?: \d{{1,5}}\b)?|{NAME}|(?<![\w-]){_GROUP_STUDY}"
    rf"|(?<![\w-]){_PROTOCOL_NUMBER}(?![\w-]))\s+(?:{_DESIGN}[\s,]+){{0,5}}" + _NOUN_PHRASE
)
# what puts a treatment right before a trial noun: "drug A vs IFN phase III trial"
_TREATMENT_BEFORE = re.compile(r"(?:\b(?:vs|versus|v|plus)\.?|\+)\s*$", re.IGNORECASE)
_IN_BRACKETS = re.compile(
    # (spaces may pad the bracket, as some pages set them: "trial ( ORION )")
    rf"\b{_TRIAL_NOUN}[^.;()]{{0,40}}?\(\s?(?P<name>{NAME})\s?\)"
    # (or the name and its noun in the bracket: "in patients with X ( ORION trial )")
    rf"|\(\s?(?P<noun_name>{NAME})\s+(?:trial|study)\s?\)"
    # a title's "(NAME): a randomised phase 3 trial", "(NAME): final analysis of a ... trial"
    rf"|\((?P<title>{NAME})\)\s*:\s*[^.;:()]{{0,120}}?\b{_TRIAL_NOUN}"
)
# a name set off by commas right after a trial noun: "The trial, RC48-C016, marks ..."
_NOUN_THEN_NAME = re.compile(rf"\b{_TRIAL_NOUN},\s+(?P<name>{NAME}),")
_ALIAS = re.compile(rf"\b(?P<name>{NAME})\s*(?:{_NOUN_PHRASE}\s*)?\((?P<alias>{NAME})\)")
# (not from a phase's numeral: "the phase III Study 309/KEYNOTE-775 trial")
_SLASHED = re.compile(rf"\b(?P<name>(?![IVX]+\s){NAME})/(?P<alias>{NAME})\b")
_INVESTIGATORS = re.compile(
    rf"\b(?P<name>{NAME})\s+(?:[Ii]nvestigators|[Ss]tudy [Gg]roup|[Cc]ollaborative [Gg]roup|[Tt]rialists)\b"
)
# a name spelled out, its abbreviation defined in brackets before its number: "the Cancer and
# Leukemia Group B (CALGB) 50901 trial" → CALGB 50901
_SPELLED = re.compile(
    rf"\((?P<acronym>[A-Z][A-Z0-9]{{1,7}})\)\s(?P<number>\d{{2,5}}[A-Z]{{0,2}})\s+{_NOUN_PHRASE}"
)
_TITLE_CLOSE = re.compile(rf"\((?P<name>{NAME})\)\s*\.?\s*$")
# what a trial does, after its name; what a report is of, before it
# what a name is, said right after it: "ARCHER 1050, a randomized, open-label, phase III study"
_APPOSITIVE = rf",\s+(?:an?|the)\s+(?:[\w,/-]+\s+){{0,6}}?{_NOUN_PHRASE}"
# a name without a number that an appositive says is a trial: "the final analysis of OPTiM, a
# randomized open-label phase III trial", "In MAGNITUDE, the phase 3 study evaluating ..."
# (the appositive's words describe the trial itself: "a therapy used in the phase 3 trial" is no
# trial)
_NAMED_APPOSITIVE = re.compile(
    rf"(?<![\w-])(?P<name>{_WORD})(?![\w-]),\s+(?:an?|the)\s+"
    rf"(?:(?!(?:in|of|from|with|used|for|as|than)\b)[\w,/-]+\s+){{0,6}}?{_NOUN_PHRASE}"
)
_SUBJECT_VERB = (
    r"\s+(?:trial\s+|study\s+)?(?:evaluated|compared|assessed|investigated|randomi[sz]ed|enrolled|"
    r"included|showed|demonstrated|met|achieved|reported|examined|tested|is|was)\b"
)
# a name in capitals without a number, five characters or more ("ANNOUNCE", "ELEVATE-TN"):
# written to start with the capital, the character before it tested after (the engine skips to
# the capitals of a text)
_CAPS_NAME = r"[A-Z](?<![\w-].)[A-Z-]{3,}[A-Z]"
# a name in capitals without a number, introduced as the subject of "was a ... trial": the
# study itself ("ANNOUNCE was a confirmatory, phase 3, double-blind, randomized trial")
# (a shorter name with its trial noun: "THE HERO STUDY was a multinational, randomized, open-label,
# phase 3 trial")
_CAPS_SUBJECT = re.compile(
    rf"(?:(?P<name>{_CAPS_NAME})|(?<![\w-])(?P<short>[A-Z]{{3,}})\s+(?:STUDY|TRIAL|[Ss]tudy|[Tt]rial))"
    rf"\s+(?:was|is)\s+(?:an?|the)\s+(?:[\w,/-]+\s+){{0,6}}?" + _NOUN_PHRASE
)
# a name in capitals without a number whose report a title announces, after its colon or at its
# start: "...: ASCEND final results", "FLAURA updated analysis" (a record's title or first line
# only; "... plus FOLFIRINOX 5-year outcomes" names a regimen)
_CAPS_REPORT = re.compile(
    rf"(?:^|:\s*)(?P<name>{_CAPS_NAME})\s+(?:final|primary|updated|long-term|extended"
    r"|mature|\d+-year)\s+(?:efficacy\s+|survival\s+|overall\s+survival\s+)?"
    r"(?:results|analys[ie]s|data|outcomes|follow-up)\b"
)
# a name in capitals without a number where a text puts a study: what a report is of ("results
# from CASSIOPEIA", "6-year follow-up of ELEVATE-TN"), the setting a sentence opens with ("In
# SELECT, lenvatinib improved ..."), a card's label before what the study was ("ADAURA: global
# phase III study"); lower-case words around it, so a title in capitals says nothing
_CAPS = rf"(?P<name>{_CAPS_NAME})(?![\w-])(?!\s*\d)"
_CAPS_PLACED = re.compile(
    rf"\b(?:results?|data|findings|analys[ie]s|follow-up|update|outcomes?|reports?)\s+(?:from|of)\s+"
    rf"(?:the\s+)?{_CAPS}"
    rf"|(?:^|[:.]\s)\s*(?:[-•*]\s+)?In\s+{_CAPS.replace('name', 'in_name')}\s*,"
    rf"|^\s*{_CAPS.replace('name', 'card_name')}\s*:\s*[^.:;]{{0,60}}?\b{_NOUN_PHRASE}"
    # a page's title over a study's results: "Secondary Endpoint - ZOLTAN Results | Brand"
    rf"|{_CAPS.replace('name', 'results_name')}\s+(?:Results|Data|Trial\s+Results)\b(?=\s*(?:[|:\-\u2013]|$))"
    # what a study is, and a drug or a molecule never: sponsored, funded ("Acknowledgement: ZOLTAN
    # was sponsored by a company")
    rf"|(?:^|[:.]\s)\s*(?:the\s+)?{_CAPS.replace('name', 'funded_name')}"
    r"(?:\s+(?:study|trial))?\s+(?:was|is)\s+(?:sponsored|funded)\s+by\b"
)
# a study a review cites by its first author and reference number, its name in brackets: "Smith
# et al. 9 (ORCA)", "Lee et al.12(ORCA-7)"
_AUTHOR_BRACKET = re.compile(
    rf"\bet\s+al\.?\s*(?:\d{{1,3}}(?:\s*[,\u2013-]\s*\d{{1,3}})*)?\s*"
    rf"\((?P<name>{NAME}|{_CAPS_NAME})\)"
)
# a record's title that is only a name in capitals, maybe with what the study was of in brackets:
# a trial card's heading, "ZOLTAN (advanced gastric cancer)"
_CAPS_TITLE = re.compile(rf"^\s*{_CAPS}\s*(?:\([^()]{{3,80}}\))?\s*$")
_VOWELS = frozenset("AEIOU")
# (section headings in capitals are never such a name)
_HEADINGS = frozenset(
    """ABSTRACT BACKGROUND METHOD METHODS RESULT RESULTS CONCLUSION CONCLUSIONS PURPOSE AIM AIMS
    OBJECTIVE OBJECTIVES FINDINGS INTERPRETATION SUMMARY INTRODUCTION DESIGN SETTING IMPORTANCE
    CONTEXT THIS THAT WHICH PATIENTS PARTICIPANTS EVIDENCE RATIONALE UPDATE HIGHLIGHTS KEYWORDS
    OUTCOME OUTCOMES MEASUREMENTS MEASURES CAUTION ADDITION OVERALL SETTINGS INTERVENTION
    INTERVENTIONS DISCUSSION LIMITATIONS FUNDING REGISTRATION SIGNIFICANCE RELEVANCE EXPOSURE
    EXPOSURES PARTICIPANT POPULATION SUBJECTS""".split()  # noqa: SIM905
)
# (a determiner in capitals before a trial noun names no study: "THE STUDY was a phase 3 trial")
_DETERMINERS = frozenset(["THE", "OUR", "EACH", "ONE", "ANY", "NEW", "HIS", "HER", "ITS"])
_REPORT_OF = r"(?:\b(?:in|from|of|based\s+on)\s+(?:the\s+)?(?:phase\s+[\dIV/]+[ab]?\s+)?)"
# biomarkers, scales, meetings and drug-code prefixes that look like numbered names, the words
# that never head a trial's name, and the endpoint codes (etl.vocab.codes.NOT_TRIAL_HEADS)
_NOT_NAMES = NOT_TRIAL_HEADS
_PREFIXED = re.compile(r"^[a-z](?=[A-Z])")
_WORD_AFTER_NUMBER = re.compile(r"\d[A-Z]{3,}")
# an abstract's section heading glued to its first word, as pages copy bold headings:
# "ResultsThe", "MethodsPatients", "PurposeThis" (no space, so it reads as one capitalised word)
_GLUED_HEADING = re.compile(
    r"(?:Abstract|Background|Purpose|Aims?|Objectives?|Introduction|Methods?|Design|Patients"
    r"|Results?|Findings|Conclusions?|Interpretation|Summary)[A-Z][a-z]"
)
_ROMAN = re.compile(r"^(?:[IVX]+[ab]?)(?:[/-][IVX]+[ab]?)?$")


# a plural of an abbreviation ("SAEs 40%", "IRRs 1"), a date in capitals ("SEPTEMBER 28")
_PLURAL = re.compile(r"^[A-Z]{2,}s$")
_MONTHS = frozenset(
    [
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ]
)


def clean_name(name: str) -> str | None:
    """The name as a trial identifier, or None when it is not one (a phase, an abbreviation, a
    plural of one, a date)."""
    name = name.strip()
    head = re.match(r"(?:[A-Z]-(?=[A-Za-z]{2}))?([A-Za-z]*)", name).group(1)
    # (a word after the head's number makes a name of it: "HER2CLIMB", not the marker "HER2")
    # (and a group's study number makes one of its group's name: "ECOG E1684")
    marker = (
        head.upper() in _NOT_NAMES
        and not _WORD_AFTER_NUMBER.search(name)
        and not _GROUP_NUMBERED.search(name)
        and not _DISEASE_STUDY.fullmatch(name)
    )
    if _ROMAN.match(head) or marker or head.startswith("NCT"):
        return None
    if _PLURAL.match(head) or head.upper() in _MONTHS or _GLUED_HEADING.match(name):
        return None
    if name.isalpha() and _PREFIXED.sub("", name).upper() in DISEASE_INITIALS:
        return None  # ("the CRPC trial", "the mCRPC study": a disease's initials)
    letters = sum(c.isalpha() for c in name)
    if _GROUP_STUDY_ALONE.fullmatch(name) or _PROTOCOL.fullmatch(name):
        return name  # ("E1684", "C-144-01": a study's number, read before a trial noun)
    if letters < 2 or (letters == 2 and not any(c.isdigit() for c in name)):
        return None
    return name


# (or five digits and more: "EORTC 62005", where a year, "ASCO 2021", "WHO 2016", is no study;
# or a protocol's letter and number: "NSABP B-32")
_GROUP_NUMBERED = re.compile(rf"^[A-Za-z-]+ (?:{_GROUP_STUDY}|\d{{5,6}}|[A-Z]-\d{{1,3}})$")
_GROUP_STUDY_ALONE = re.compile(_GROUP_STUDY)
_PROTOCOL = re.compile(_PROTOCOL_NUMBER)


def _numbered(name: str) -> bool:
    """A numbered name that is not a drug code: 'MK-3475' (two or three letters, then four
    digits or more) names a drug, 'KEYNOTE-3475', 'CALGB 50901' or 'SWOG S0016' may name a
    trial; so does a study group's, 'CCG-2961' (etl.vocab.codes.STUDY_GROUPS)."""
    if _GROUP_NUMBERED.match(name):
        return True
    m = re.match(r"^([A-Za-z-]+?)[- ]?(\d+)", name)
    if m is None:
        return False
    if m.group(1).rstrip("-").upper() in STUDY_GROUPS:
        return True
    letters = sum(c.isalpha() for c in m.group(1))
    return not (letters <= 3 and len(m.group(2)) >= 4)


def _abbreviates(short: str, before: str) -> bool:
    """Is ``short`` the abbreviation of the words right before it ("triple-negative breast
    cancer (TNBC)", "trastuzumab deruxtecan (T-DXd)")? Then the brackets define a term, not a
    trial's name. Tested as Schwartz and Hearst do, on the shortest run of words before it whose
    first word starts with its first letter: its letters in that order (all, or all but one of
    four or more), half of them or more the initials of the run's words ("Renal Cell Carcinoma
    (CLEAR)" is no abbreviation: C, L, E, A, R are not its initials)."""
    letters = "".join(c for c in short.lower() if c.isalpha())
    words = re.findall(r"[A-Za-z][A-Za-z']*", before)[-(len(letters) + 3) :]
    if len(letters) >= 3 and words and words[-1].lower().startswith(letters):
        return True  # a word cut short: "nivolumab (NIVO)", "ipilimumab (IPI)"
    for n in range(1, len(words) + 1):
        run = [w.lower() for w in words[-n:]]
        if run[0][:1] != letters[:1]:
            continue
        text, position, matched = " ".join(run), 0, 0
        for c in letters:
            found = text.find(c, position)
            if found >= 0:
                position, matched = found + 1, matched + 1
        initials, i = [w[0] for w in run], 0
        for c in letters:
            if i < len(initials) and initials[i] == c:
                i += 1
        in_order = matched == len(letters) or (len(letters) >= 4 and matched >= len(letters) - 1)
        if in_order and 2 * i >= len(letters):
            return True
    return False


# where data come from, and where, that a text puts as a study is put: never a trial's name
_NOT_STUDIES = frozenset(
    """MEDICARE MEDICAID FLATIRON EUROCARE GLOBOCAN NCDB TCGA UNICANCER GERCOR ARCAGY CHINA JAPAN
    KOREA TAIWAN ITALY FRANCE GERMANY SPAIN CANADA AUSTRALIA AFRICA EUROPE AMERICA ASIA INDIA
    BRAZIL""".split()  # noqa: SIM905
)


def _word_like(name: str) -> bool:
    """A name in capitals read as a word, as trials are named (SELECT, CASSIOPEIA, ELEVATE-TN),
    not a disease's or a marker's initials (NSCLC, DLBCL: two vowels at least), a heading, nor
    a regimen (FOLFIRINOX, BEACOPP) or a drug in capitals (NIVOLUMAB)."""
    return (
        sum(c in _VOWELS for c in name) >= 2
        and name not in _HEADINGS
        and name not in _NOT_STUDIES
        and name.lower() not in regimen_forms()
        and not drug_lexicon().get(name.lower())
    )


def _has_number(name: str) -> bool:
    return any(c.isdigit() for c in name)


# a bracket of a table's treatment cell, as reviews' tables name a row's trial: "Drug A versus
# placebo (GRID)", "Doxorubicin ± ifosfamide (EORTC 62012)"
_BRACKETED = re.compile(rf"\((?P<name>{NAME})\)")
# a drug's development code, which a bracket after a drug's name gives as often: "(MK-3475)"
_DRUG_CODE = re.compile(r"[A-Z]{1,4}-?\d{3,}[A-Z]?")


def bracketed_trial(text: str) -> str | None:
    """The trial a bracket of a treatment cell names, else None: not the abbreviation of the
    words before it ("bevacizumab (BEV)"), a regimen ("(FOLFOX)"), a disease's initials
    ("(NSCLC)"), a drug's code ("(MK-3475)") nor a drug."""
    for m in _BRACKETED.finditer(text):
        name = clean_name(m.group("name"))
        if (
            name is None
            or _abbreviates(name, text[: m.start()])
            or _DRUG_CODE.fullmatch(name)
            or name.upper() in DISEASE_INITIALS
            or name.lower() in regimen_forms()
            or name.lower() in drug_lexicon()
        ):
            continue
        if _has_number(name) or _word_like(name) or len(name) >= 4:
            return name
    return None


def named(text: str, first: bool = False) -> Iterable[tuple[str, int, int]]:
    """(name, start, end) of each use of a trial name the grammar above recognises; ``first``:
    the text is a record's title or first line."""
    for pattern in (_AS_HEAD, _INVESTIGATORS):
        for m in pattern.finditer(text):
            if (name := clean_name(m.group("name"))) is None:
                continue
            if _has_number(name) or not _TREATMENT_BEFORE.search(text, 0, m.start("name")):
                yield name, m.start("name"), m.end("name")
    for m in _SPELLED.finditer(text):
        if (name := clean_name(f"{m.group('acronym')} {m.group('number')}")) is not None:
            yield name, m.start("acronym"), m.end("number")
    for m in _IN_BRACKETS.finditer(text):
        g = next(g for g in ("name", "noun_name", "title") if m.group(g))
        name = clean_name(m.group(g))
        if name is not None and not _abbreviates(name, text[: m.start(g)]):
            yield name, m.start(g), m.end(g)
    for m in _NOUN_THEN_NAME.finditer(text):
        if (name := clean_name(m.group("name"))) is not None and _has_number(name):
            yield name, m.start("name"), m.end("name")
    for m in _AUTHOR_BRACKET.finditer(text) if "et al" in text else ():
        if (name := clean_name(m.group("name"))) is not None and (
            _has_number(name) or _word_like(name)
        ):
            yield name, m.start("name"), m.end("name")
    for m in _ALIAS.finditer(text):  # "EV-302 (KEYNOTE-A39)": both numbered, or a trial noun
        name, alias = clean_name(m.group("name")), clean_name(m.group("alias"))
        numbered = name and _has_number(name) and alias and _has_number(alias)
        if (
            numbered or (name and "(" not in m.group(0)[: len(name) + 1] and _noun_between(m))
        ) and (alias and not _abbreviates(alias, text[: m.start("alias")])):
            yield alias, m.start("alias"), m.end("alias")
    for m in _SLASHED.finditer(text):  # "Study 309/KEYNOTE-775", not "BC032422/ADQ31987"
        name, alias = clean_name(m.group("name")), clean_name(m.group("alias"))
        if name and alias and _slashed_pair(name, alias):
            yield name, m.start("name"), m.end("name")
            yield alias, m.start("alias"), m.end("alias")
    if first and (m := _TITLE_CLOSE.search(text)):
        name = clean_name(m.group("name"))
        if name is not None and not _abbreviates(name, text[: m.start("name")]):
            yield name, m.start("name"), m.end("name")
    for m in _CAPS_REPORT.finditer(text) if first else ():  # "...: ASCEND final results"
        if m.group("name") not in _HEADINGS and (name := clean_name(m.group("name"))):
            yield name, m.start("name"), m.end("name")
    if first and (m := _CAPS_TITLE.match(text)) and _word_like(m.group("name")):
        word = m.group("name")  # "ZOLTAN (advanced gastric cancer)"; not a brand, "KEYTRUDA"
        if word.lower() not in drug_lexicon() and (name := clean_name(word)):
            yield name, m.start("name"), m.end("name")
    for m in _NAMED_APPOSITIVE.finditer(text):  # "OPTiM, a randomized phase III trial"
        word = m.group("name")
        if (
            word.upper() not in _HEADINGS
            and word.upper() not in _NOT_STUDIES
            and word.lower() not in regimen_forms()
            and (name := clean_name(word))
        ):
            yield name, m.start("name"), m.end("name")
    for m in _CAPS_SUBJECT.finditer(text):  # "ANNOUNCE was a phase 3, randomized trial"
        g = "name" if m.group("name") else "short"
        word = m.group(g)
        if word not in _HEADINGS and word not in _DETERMINERS and (name := clean_name(word)):
            yield name, m.start(g), m.end(g)
    for m in _CAPS_PLACED.finditer(text):  # "results from CASSIOPEIA", "In SELECT, ..."
        names = ("name", "in_name", "card_name", "funded_name", "results_name")
        g = next(g for g in names if m.group(g))
        if _word_like(m.group(g)) and (name := clean_name(m.group(g))):
            yield name, m.start(g), m.end(g)
    for m in _STUDY_NUMBERED.finditer(text) if "Study " in text else ():
        yield m.group("name"), m.start("name"), m.end("name")
    for m in _NUMBERED.finditer(text):
        name = clean_name(m.group("name"))
        if name is None or not _numbered(name):
            continue
        before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 80]
        if (
            first
            or re.match(_SUBJECT_VERB, after)
            or re.match(_APPOSITIVE, after)
            or re.search(_REPORT_OF + r"$", before, re.IGNORECASE)
            or _NOUN_BEFORE.search(before)  # "Study MM-020", "trial CA209-057"
        ):
            yield name, m.start("name"), m.end("name")


# a trial noun right before a numbered name: a label's "Study MM-020", a sponsor's "Trial AB-12"
_NOUN_BEFORE = re.compile(r"\b(?:[Ss]tudy|[Tt]rial|STUDY|TRIAL)\s+$")


def _slashed_pair(a: str, b: str) -> bool:
    """Two names a slash joins that may be one trial's: one numbered at least, and no accession
    or drug code among them ("BC032422/ADQ31987" are a sequence's accession numbers)."""
    numbered = [n for n in (a, b) if _has_number(n)]
    return bool(numbered) and all(_numbered(n) for n in numbered)


def _noun_between(m: re.Match) -> bool:
    return re.search(_TRIAL_NOUN, m.group(0)) is not None


def aliases(text: str) -> Iterable[tuple[str, str]]:
    """(name, alias) pairs a text ties: "EV-302 (KEYNOTE-A39)", "Study 309/KEYNOTE-775"."""
    for m in _ALIAS.finditer(text):
        a, b = clean_name(m.group("name")), clean_name(m.group("alias"))
        tied = (_has_number(a or "") and _has_number(b or "")) or _noun_between(m)
        if a and b and a != b and tied and not _abbreviates(b, text[: m.start("alias")]):
            yield a, b
    for m in _SLASHED.finditer(text):
        a, b = clean_name(m.group("name")), clean_name(m.group("alias"))
        if a and b and a != b and _slashed_pair(a, b):
            yield a, b


_ABBREVIATIONS = re.compile(r"\babbreviations?\b(?:\s+used)?\s*[:.-]", re.IGNORECASE)
_DEFINED = re.compile(r"\s*(?P<short>[A-Za-z][\w/+-]{0,15})\s*(?:=|,|:)\s*(?P<term>[^=]{2,80})")
_OF_A_TRIAL = re.compile(rf"{_TRIAL_NOUN}|\bgroup\b", re.IGNORECASE)


def defined_terms(text: str) -> Iterable[str]:
    """The abbreviations a list of abbreviations defines as terms ("Abbreviations: CI=confidence
    interval; HR, hazard ratio; IFN=interferon" → CI, HR, IFN); not those it defines as a trial
    or a group of trialists."""
    opening = _ABBREVIATIONS.search(text)
    if opening is None:
        return
    for entry in text[opening.end() :].split(";"):
        m = _DEFINED.match(entry)
        if m is not None and not _OF_A_TRIAL.search(m.group("term")):
            yield m.group("short")


# a text saying what a code is, a drug: "CPX-351 is a dual-drug liposomal encapsulation of ...",
# "ZX-101, a selective inhibitor of ..."
_DRUG_DEFINED = re.compile(
    rf"(?P<name>{NAME})(?:\s+(?:is|was)|\s*,)\s+an?\s+"
    rf"(?:(?!(?:{_TRIAL_NOUN}|phase\b|randomi))[\w,/-]+\s+){{0,6}}?"
    r"(?:inhibitors?|antibod(?:y|ies)|agents?|drugs?|formulations?|encapsulations?|conjugates?"
    r"|compounds?|molecules?|vaccines?|analogu?e?s?|antagonists?|agonists?|degraders?"
    r"|prodrugs?|engagers?|modulators?|blockers?)\b"
)


def defined_drugs(text: str) -> Iterable[str]:
    """The codes a text defines as drugs ("CPX-351 is a dual-drug liposomal encapsulation of
    cytarabine and daunorubicin"): shaped as trials' names, never one."""
    for m in _DRUG_DEFINED.finditer(text):
        if (name := clean_name(m.group("name"))) is not None:
            yield name


# A molecule, a cell line or a reagent is named the way a trial is (TTF-1, MMP-9, KIR 2D, INS-1,
# clone AC-1A1): what the text says around the name tells them apart. After it: what one measures
# of a molecule ("TTF-1 expression", "MMP-2 gene", "KIR 2D (L1, L3) positive", "INS-1 cells") or
# the reagent's maker in brackets ("TTF-1 (Dako, 8G7G3/1)"); before it: "expression of", "anti-",
# "clone", "staining for", up to a list of such names ("expression of SOX11, PAX5 and TTF-1").
_MOLECULAR_AFTER = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?-?\s*(?:proteins?|genes?|mRNAs?|miRNAs?|transcripts?|expression|"
    r"expressing|overexpression|staining|stained|immunostaining|immunoreactivity|"
    r"immunohistochemi\w*|antibod(?:y|ies)|clones?|cells?|cell\s+lines?|levels?|receptors?|"
    r"mutations?|mutant|amplification|positive|negative|positivity|knockdown|silencing|"
    r"inhibitors?|promoter|polymorphisms?|alleles?|deletion|methylation|markers?|activity)\b"
    r"|\s*\([^()]*\b(?:Dako|Abcam|Ventana|Leica|Novocastra|Santa\s+Cruz|Cell\s+Marque|"
    r"Cell\s+Signaling|Sigma|Thermo|Invitrogen|BioGenex|Biocare|Roche|clone)\b",
    re.IGNORECASE,
)
_MOLECULAR_BEFORE = re.compile(
    r"(?:\banti-?|\bclones?\s+|\b(?:over)?expression\s+of\s+|\blevels?\s+of\s+|"
    r"\bstaining\s+(?:for|of)\s+|\bantibod(?:y|ies)\s+(?:to|against)\s+|\bknockdown\s+of\s+|"
    r"\bsilencing\s+(?:of\s+)?(?:the\s+)?|\bantibod(?:y|ies)\s*[\[(]\s*)"
    r"(?:[\w./-]+(?:\s*\([^()]{0,60}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)){0,6}$",
    re.IGNORECASE,
)


def molecular_use(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` used as a molecule's, a cell line's or a reagent's?"""
    return (
        _MOLECULAR_AFTER.match(text, end) is not None
        or _MOLECULAR_BEFORE.search(text[max(0, start - 120) : start]) is not None
    )


def investigators_only(text: str) -> str:
    """An author line with everything but its study groups blanked out, offsets kept ("Reni M;
    ORCA-7 Investigators" keeps "ORCA-7 Investigators"): an author's name or initials is no
    trial, a study's investigators name it."""
    kept = [" " if c != "\n" else c for c in text]
    for m in _INVESTIGATORS.finditer(text):
        kept[m.start() : m.end()] = text[m.start() : m.end()]
    return "".join(kept)


def headed(text: str) -> Iterable[str]:
    """The names a text uses as a trial's and nothing else's: the head of "trial"/"study", its
    investigators, or in brackets a trial noun introduces ("the phase 3 ORCA-7 trial", "ORCA-7
    Investigators", "a randomised trial (ORCA-7)")."""
    for pattern in (_AS_HEAD, _INVESTIGATORS):
        for m in pattern.finditer(text):
            if (name := clean_name(m.group("name"))) is not None:
                yield name
    for m in _IN_BRACKETS.finditer(text):
        g = "name" if m.group("name") else "noun_name"
        if m.group(g) and (name := clean_name(m.group(g))) is not None:
            yield name
