"""What a table cell names: a treatment (as a group's label and size) or a trial (as its name
and phase). Pure functions of the cell's text."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from etl.documents.table_grid import FOOTNOTE_SIGNS, GROUP_SIZE, REGISTRATION_AFTER
from etl.extract.numbers import AS_HYPHEN
from etl.extract.phrases import DOSE_SCHEDULE
from etl.vocab.codes import PHASES, code

_ROMAN: Final = {"I": "1", "II": "2", "III": "3", "IV": "4"}
_PHASE_TEXT: Final = re.compile(
    r"\bphase\s*(?P<p>(?:I{1,3}V?|IV|\d)[ab]?(?:\s*[/-]\s*(?:I{1,3}V?|IV|\d)[ab]?)?)\b",
    re.IGNORECASE,
)
_NCT: Final = re.compile(r"\bNCT\d{8}\b")
# "phase III trial", "randomized study": a trial noun and what may stand before it
_TRIAL_NOUN: Final = r"(?:(?:phase\s+\S+|randomi[sz]ed|clinical)\s+)*(?:trial|study)"
# "ORION-7 study", "ORION-7 phase III trial": the name before its trial noun
_TRIAL_NOUN_AFTER: Final = re.compile(rf"(?<=\S)\s+{_TRIAL_NOUN}$", re.IGNORECASE)
_DOSE: Final = re.compile(
    r"\s+(?:\d[\d.,]*\s*(?:mg|g|mcg|µg|μg|ml|Gy|IU|U|units?)\b|AUC\b|q\d+w\b).*$",
    re.IGNORECASE | re.DOTALL,
)
_SIZE_TAIL: Final = re.compile(
    r"\s*\(\s*(?:[nN]\s*=\s*)?(?P<n>\d[\d,]*)\s*(?:pts|patients)?\s*\)\s*$"
)
_TYPE_PREFIX: Final = re.compile(
    r"^(?:drug|biological|procedure|radiation|device|other|arm|group)\s*:\s*", re.IGNORECASE
)
_SCHEDULE: Final = re.compile(rf"[\s,;]*\b(?:{DOSE_SCHEDULE})(?![\w-])", re.IGNORECASE)
# a line of a wrapped treatment cell that names the study ("TARGET study", "phase II study")
_STUDY_LINE: Final = re.compile(rf"(?:\S+\s+)?{_TRIAL_NOUN}", re.IGNORECASE)
# a reference number set on a drug's name ("Sorafenib28,29", "Everolimus6"; not "FOLFOX6")
_REFERENCE_MARK: Final = re.compile(r"(?<=[a-z]{3})\d+(?:[,–-]\d+)*(?![\w.])")
_FOOTNOTE_SIGNS: Final = re.compile(rf"{FOOTNOTE_SIGNS}+")  # ("FC (N=296)*")
_LONGEST_LABEL: Final = 60  # a longer treatment cell describes a regimen, it names no group
_TRAILING_REMARK: Final = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
# the publications a review's treatment cell cites after its groups: "Drug A versus placebo
# Smith et al 53", "... van der Berg et al. [12]", "... García-Del-Muro et al. (2011)", with the
# journal and its reference number: "... Caplin et al, NEJM8", "... Yao et al, NEJM11 Yao et al,
# JCO12"
_CITATION: Final = re.compile(
    r"(?:[\s,;]+(?:(?:van|von|de|der|den|del|da|di|du|le|la|dos|das)\s+)*[A-ZÀ-Þ][\w'’-]*"
    r"\s+et\s+al\b\.?[\s,]*(?:[A-Z][A-Za-z.]{1,12}\s?\d{0,4}(?![\w-]))?"
    r"(?:[(\[]?\s*\d{1,4}\s*(?:[,–-]\s*\d{1,4}\s*)*[)\]]?)?)+\s*$"
)


def arm_label(text: str, keep_dose: bool = False) -> tuple[str | None, int | None]:
    """A treatment cell or group header as a group's label and size: "crizotinib 250 mg BID
    (151)" → ("crizotinib", 151); "platinum-based CT: cisplatin 75 mg/m2 ... (175)" →
    ("platinum-based CT", 175); "NALIRIFOX (n=383)" → ("NALIRIFOX", 383). ``keep_dose``: the
    dose tells the group from another of the same drug, only its schedule is left out ("drug X
    2 mg/kg every 3 weeks n = 180" → ("drug X 2 mg/kg", 180))."""
    size = None
    if "\n" in text:  # (a cell wrapped over lines: its treatment, without the study's line)
        lines = [line for line in text.split("\n") if not _STUDY_LINE.fullmatch(line.strip())]
        text = " ".join(lines or text.split("\n"))
    text = _CITATION.sub("", _FOOTNOTE_SIGNS.sub("", _REFERENCE_MARK.sub("", text)))
    m = _SIZE_TAIL.search(text) or GROUP_SIZE.search(text)
    if m:
        size = int(m.group("n").replace(",", ""))
        text = text[: m.start()] + text[m.end() :]
    text = _TYPE_PREFIX.sub("", text.strip())
    head, colon, _ = text.partition(":")
    if colon and 0 < len(head.strip()) <= 40:
        text = head
    text = _SCHEDULE.sub("", text)
    text = text if keep_dose else _DOSE.sub("", text)
    while _TRAILING_REMARK.search(text) and _TRAILING_REMARK.sub("", text).strip():
        text = _TRAILING_REMARK.sub("", text)
    text = text.strip(" ,;:-")
    return (text if 0 < len(text) <= _LONGEST_LABEL else None), size


def phase_code(note: str, numbers_allowed: bool = False) -> str | None:
    """ "III" → "3", "I/II" → "1/2", "IIa" → "2"; Arabic numbers only where the header says the
    bracket holds the phase ("Study (phase)")."""
    parts = re.split(r"\s*[/-]\s*", re.sub(r"(?i)^phase\s*", "", note.strip()))
    out = []
    for part in parts:
        part = part.rstrip("abAB") if len(part) > 1 else part
        if part.upper() in _ROMAN:
            out.append(_ROMAN[part.upper()])
        elif part.isdigit() and (numbers_allowed or note.lower().startswith("phase")):
            out.append(part)
        else:
            return None
    phase = "/".join(out)
    return code("phase", phase) if phase in PHASES and phase != "NA" else None


# a footnote's letter set on a name, flattened after a space: "START-2 a" ("a": see the table's
# notes); a name's own letter is a capital ("CheckMate 9ER", "KEYNOTE-A39")
_FOOTNOTE_LETTER: Final = re.compile(r"(?<=\w)\s+[a-z]$")


def trial_name(text: str, phase_in_brackets: bool = False) -> tuple[str | None, str | None]:
    """A trial cell as (name, phase): "COU-AA-302 (Nbib887198)" → ("COU-AA-302", None),
    "IN-NOVATE (III)" → ("IN-NOVATE", "3"), "ALEX (19)" → ("ALEX", None)."""
    name = re.split(r"\s*[(\[;,]", text.translate(AS_HYPHEN).strip(), maxsplit=1)[0].strip()
    name = _FOOTNOTE_LETTER.sub("", _TRIAL_NOUN_AFTER.sub("", REGISTRATION_AFTER.sub("", name)))
    phase = None
    for note in re.findall(r"[(\[]([^()\[\]]*)[)\]]", text):
        phase = phase or phase_code(note, phase_in_brackets)
    said = _PHASE_TEXT.search(text)
    if phase is None and said:
        phase = phase_code(said.group("p"), True)
    if not name or _PHASE_TEXT.fullmatch(name) or not any(ch.isalpha() for ch in name):
        nct = _NCT.search(text)
        name = nct.group(0) if nct else None
    return name, phase


def stated_phase(text: str) -> str | None:
    """The phase a cell states in words ("Phase II", "Subset phase III"), else None."""
    said = _PHASE_TEXT.search(text)
    return phase_code(said.group("p"), True) if said else None


def table_nct(text: str) -> str | None:
    """The one registry number a table (its text, caption included) gives, else None."""
    found = set(_NCT.findall(text))
    return found.pop() if len(found) == 1 else None


# what a name cut from a reference number set on it may end with: a letter or a bracket, or
# digits after letters ("ST03", "INT-0116"; not "KEYNOTE-0", "CheckMate 2"); where the name is
# written elsewhere, any letters and an end that is no separator ("ORION-7")
_NAMED: Final = re.compile(r"[A-Za-z].*[\w)\]]$")
_NAME_END: Final = re.compile(r"(?:[A-Za-z)\]]|(?<=[A-Za-z])\d{2,}|(?<=[A-Za-z]-)\d{3,})$")


# a year of publication after a trial's name, as reviews' tables write their "Study" column
# ("GEST 2013", "NCIC CTG PA.3 2007")
_YEAR_AFTER: Final = re.compile(r"(?<=\S)\s+(?:19[5-9]\d|20[0-4]\d)$")


def undated(names: list[str | None]) -> list[str | None]:
    """The trial names of a table's rows without the year of publication each is written with,
    where two rows or more are so written (a column's habit, not one name's number: "RTOG 2001"
    alone keeps its number)."""
    dated = [bool(name and _YEAR_AFTER.search(name)) for name in names]
    if sum(dated) < 2:
        return names
    undated_names = [
        _YEAR_AFTER.sub("", n) if n and d else n for n, d in zip(names, dated, strict=True)
    ]
    # (where the number is what tells two trials apart, "UKALL 2003" and "UKALL 2011", it stays)
    if len(set(undated_names)) < len(set(names)):
        return names
    return undated_names


# a reference number set after a name with a space: "JCOG1104 53", "CRITICS 58"
SPACED_REFERENCE: Final = re.compile(r"^(?P<base>.*[A-Za-z].*?)\s+(?P<ref>\d{1,3})$")
_NEAR_REFERENCES: Final = 10  # (an article cites one table's trials close together)


def unreferenced(names: list[str | None]) -> list[str | None]:
    """The trial names of a table's rows without the reference numbers written after them with
    a space. A number after a name that has its own ("JCOG1104 53", "ARTIST-2 57": a name holds
    one number) is a reference; where two names say so, the column's other names lose theirs
    where it stays in ascending order, near those and as long ("CRITICS 58" after "JCOG1104 53"
    and "ARTIST-2 57"; "CheckMate 227", "KEYNOTE 054", "ICON 7" keep their numbers)."""
    spaced = [SPACED_REFERENCE.match(name or "") for name in names]
    sure = {
        r: int(m.group("ref"))
        for r, m in enumerate(spaced)
        if m is not None and m.group("base")[-1].isdigit()
    }
    if not sure:
        return names
    cut = dict(sure)
    digits = {len(str(x)) for x in sure.values()}
    for r, m in enumerate(spaced):
        if m is None or r in cut or len(sure) < 2:
            continue
        # (a reference has as many digits as the others and no leading zero: "KEYNOTE 054",
        # "ICON 7" beside "GOG-0218 12" keep their numbers)
        if m.group("ref").startswith("0") or len(m.group("ref")) not in digits:
            continue
        ref = int(m.group("ref"))
        before = [x for row, x in sure.items() if row < r]
        after = [x for row, x in sure.items() if row > r]
        ordered = (not before or max(before) <= ref) and (not after or ref <= min(after))
        near = min(abs(ref - x) for x in sure.values()) <= _NEAR_REFERENCES
        if ordered and near:
            cut[r] = ref
    return [
        spaced[r].group("base") if r in cut and (m := spaced[r]) else name
        for r, name in enumerate(names)
    ]


def uncited(names: list[str | None], elsewhere: str) -> list[str | None]:
    """The trial names of a table's rows without the reference numbers set on them, as tables
    copied from articles write them ("ARTIST42", "SWOG 9008/INT-011631", "ST0349"). A name's last
    digits are a reference where the name without them is written ``elsewhere`` in the document
    (a legend: "ARTIST: Adjuvant ..."); then the other names of the column lose as many digits
    where the references stay in ascending order, as an article numbers them ("FLOT4-AIO48"
    after "MAGIC47")."""
    cut: dict[int, tuple[str, int, int]] = {}  # row: (name, digits cut, reference)
    for r, name in enumerate(names):
        for k in (2, 1, 3):
            base = (name or "")[:-k]
            if not (name and name[-k:].isdigit() and _NAMED.search(base)):
                continue
            if re.search(rf"(?<![\w-]){re.escape(base)}(?![\w-])", elsewhere):
                cut[r] = (base, k, int(name[-k:]))
                break
    if len(cut) >= 2:
        k = Counter(digits for _, digits, _ in cut.values()).most_common(1)[0][0]
        for r, name in enumerate(names):
            if r in cut or not name or not name[-k:].isdigit() or not _NAME_END.search(name[:-k]):
                continue
            before = [ref for row, (_, _, ref) in cut.items() if row < r]
            after = [ref for row, (_, _, ref) in cut.items() if row > r]
            ref = int(name[-k:])
            if (not before or max(before) <= ref) and (not after or ref <= min(after)):
                cut[r] = (name[:-k], k, ref)
    return [cut[r][0] if r in cut else name for r, name in enumerate(names)]
