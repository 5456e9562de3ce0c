"""Numbers as results are written: "10·6" (Lancet middle dot), ".0245", "1,171", "nine",
intervals "(14.16 to 19.58)", "[12% to 30%]", "0.55–0.87", and p-values "P = .0245",
"one-sided p<0·0001", "p value 0.003"."""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.regex_prefilter import Prefiltered
from etl.vocab.numerals import NUMBER_WORDS, number_words

# A number as written: 1,171 / 10·6 / .0245 / 0.78 (not part of a word or a longer number).
# It is the alternation  \d{1,3}(?:,\d{3})+(?!\d) | \d+(?:[.·]\d+)? | [.·]\d+  written to start
# with a character class: the same matches in the same order, but the regex engine skips
# positions that cannot start a number without entering the alternation (most of a sentence).
_NUM_REST = r"(?:(?<=\d)(?:\d{0,2}(?:,\d{3})+(?![\d])|\d*(?:[.·]\d+)?)|(?<=[.·])\d+)"
NUM = rf"(?:[\d.·]{_NUM_REST})"


# the dashes an interval or a range is written with: hyphen, the Unicode hyphens and figure dash,
# en and em dash, horizontal bar, minus sign, and U+FFFD where a lost dash was decoded
DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufffd]"
# the hyphens other than "-" (a hyphen, a non-breaking one: "5\u2010year", "ESPAC\u20111"), each
# read as "-" (one character for one: offsets are kept)
AS_HYPHEN = str.maketrans({"\u2010": "-", "\u2011": "-"})
# an en or em dash between two words joins them as a hyphen does ("the capivasertib\u2013fulvestrant
# group", a combination); between numbers it is a range's, and stays
WORD_DASH = re.compile("(?<=[A-Za-z])[\u2013\u2014](?=[A-Za-z])")
# what joins an interval's bounds (or a "Q" between two decimals, where a lost en dash was
# decoded so: "95% CI=0.383Q0.798")
INTERVAL_SEP = rf"(?:to|{DASH}|(?<=\d)Q(?=\d))"


# the spread a value may be given with, right after it: "72% ± 4%", "0.64±0.12", "0.41 +/- 0.03",
# "72% (SE 4%)", "72% (± SE, 5%)", "12.1 (SD = 3.4)" (a standard deviation only with its "=": "(SD
# 12%)" after a rate is more often stable disease's share). Not a result of its own (masked), it is
# part of the span of the value it follows (etl.extract.values): what comes after it is the value's.
SPREAD = rf"(?:±|\+/-)\s*{NUM}(?:\s*%)?"
BRACKETED_SPREAD = (
    rf"[(\[]\s*(?:±\s*)?(?:(?-i:SEM?|s\.e\.)\s*[=:,]?|(?-i:SD)\s*=)\s*{NUM}\s*%?\s*[)\]]"
)
SPREAD_AFTER = rf"\s*(?:{SPREAD}|{BRACKETED_SPREAD})"
# the spread of a proportion, after it: "0.64±0.12" (its value a rate's: etl.extract.values)
PROPORTION_SPREAD = r"\s*(?:±|\+/-)\s*0?\.\d"


def num_not_after(chars: str) -> str:
    r"""NUM where the character before it is none of ``chars`` (a class body such as r"\w.·"):
    what (?<![chars]){NUM} matches, with the test made after the first character, so that a
    pattern that starts with it still starts with a character class (the engine skips to it)."""
    return rf"(?:[\d.·](?<![{chars}].){_NUM_REST})"


_WORDS = NUMBER_WORDS
WORD_NUMBER = (
    r"(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + rf")(?:[- ](?:{number_words(9)}))?"
)


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_WORD_SEP = re.compile(r"[- ]")


def parse_number(text: str) -> float:
    """'10·6' → 10.6, '.0245' → 0.0245, '1,171' → 1171.0. Raises ValueError otherwise."""
    whole, dot, decimals = text.partition(".")
    if (
        text.isascii()
        and (whole.isdigit() or (dot and not whole))
        and decimals.isdigit() == bool(dot)
    ):
        return float(text)  # (the common case, as _DECIMAL would read it: ASCII digits, one dot)
    cleaned = text.strip().replace("·", ".").replace("\u2009", "")
    if "," in cleaned and _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _DECIMAL.fullmatch(cleaned):
        raise ValueError(f"not a number: {text!r}")
    return float(cleaned)


def parse_word_number(text: str) -> int:
    """'nine' → 9, 'Twenty-one' → 21."""
    parts = _WORD_SEP.split(text.strip().lower())
    if not parts or any(p not in _WORDS for p in parts):
        raise ValueError(f"not a number word: {text!r}")
    return sum(_WORDS[p] for p in parts)


class Interval(NamedTuple):
    """An interval as read (a named tuple: made for every interval of every sentence)."""

    lower: float
    upper: float
    level: float | None


class IntervalError(ValueError):
    """An interval that cannot be an interval (reversed, empty)."""


def make_interval(lower: str, upper: str, level: str | None = None) -> Interval:
    lo, hi = parse_number(lower), parse_number(upper)
    if lo > hi:
        raise IntervalError(f"reversed interval ({lower} to {upper})")
    if lo == hi:
        raise IntervalError(f"empty interval ({lower} to {upper})")
    lvl = parse_number(level) if level is not None else None
    if lvl is not None and not 50 <= lvl < 100:
        raise IntervalError(f"confidence level {level}% is not a confidence level")
    return Interval(lo, hi, lvl)


# white space as texts carry it: spaces, and the thin and no-break spaces mis-decoded ("ā€‰")
_SPACE = r"(?:\s|â€‰|ā€‰|Â)"
# a "<" a PDF's text layer turned into a comma, an "=" into a 5: "P , .001", "P 5 .0004"; an
# operator in words (news): "P less than .001"
_P_TAIL = (
    rf"p(?:\s*[- ]?value)?{_SPACE}*(?:(?P<op><=|>=|=<|=>|[=<>≤≥]|,(?={_SPACE}*\.\d)|5(?={_SPACE}+0?\.\d)"
    rf"|less\s+than(?:\s+or\s+equal\s+to)?|greater\s+than|equal\s+to){_SPACE}*"
    r"|\s+(?:of\s+|was\s+)?)"
)
_P = Prefiltered(
    # (a number with a unit is no p-value: "drug P was 5.6 months")
    re.compile(
        rf"\b(?:(?:one|two)[- ]sided\s+)?{_P_TAIL}(?P<num>{NUM})(?![\d])"
        r"(?!\s*(?:%|(?:months?|mos?|weeks?|wks?|years?|yrs?|days?)\b))",
        re.IGNORECASE,
    ),
    # what every p-value holds, from its "p" to the first character of its number: a scan that
    # the engine runs fast (it skips to each "p"), and most sentences have no p-value
    re.compile(rf"{_P_TAIL}[\d.·]"),
)
_OPS = {
    "=": "=",
    "<": "<",
    ">": ">",
    "≤": "<=",
    "≥": ">=",
    "<=": "<=",
    ">=": ">=",
    "=<": "<=",
    "=>": ">=",
    ",": "<",
    "5": "=",
    "less than": "<",
    "less than or equal to": "<=",
    "greater than": ">",
    "equal to": "=",
}


class PValue(NamedTuple):
    """A p-value as read, with its span in the sentence."""

    value: float
    operator: str
    start: int
    end: int


def find_p_values(text: str) -> list[PValue]:
    """Every p-value in the text, with its operator (default '=') and span."""
    found = []
    for m in _P.finditer_lowered(text):  # (a number and a sign: no case to keep)
        num, op = m.group("num", "op")
        start, end = m.span()
        operator = _OPS.get(" ".join(op.split()) if op else "=", "=")
        found.append(PValue(parse_number(num), operator, start, end))
    return found
