"""Shortcuts in running the grammar's patterns give the matches the patterns themselves give.

The grammar runs its patterns through etl.regex_prefilter (gates, case-folded execution) and
starts some searches late (value_groups._arm_before_start): if a shortcut were wrong, a result's group
or interval would silently change. Texts are drawn from the words the patterns look for, in
every case, with numbers, brackets and characters that case-folding cannot handle.
"""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from etl.extract import (
    context,
    endpoint_lists,
    facts,
    grammar,
    intervals,
    masks,
    numbers,
    result_kinds,
    sentence_comparison,
    trial_arms,
    trial_facts,
    value_endpoints,
    value_groups,
    values,
)
from etl.regex_prefilter import (
    FromStarts,
    GatedAlternation,
    Prefiltered,
    admitted,
    case_folded,
    cheap_scan,
    needed_texts,
)
from etl.vocab.endpoints import (
    ENDPOINT_RE,
    ENDPOINT_SYNONYMS,
    endpoint_mentions,
    scanned_mentions,
)

_VOCABULARY = (
    "in for with among the a of and or vs. versus compared to than was were had showed "
    "patients those who that received developed group groups arm arms cohort recipients "
    "sorafenib TACE plus + placebo drug A B Group G1 II Arm Cohort respectively "
    "hazard ratio HR OR odds RR risk relative confidence interval CI median mean survival "
    "overall progression-free months month years days weeks rate response partial complete "
    "stable disease clinical benefit grade phase n range IQR at least up to more than "
    "randomly assigned randomised allocated improvement difference increase non-inferior "
    "superior inferior p value one-sided QALY cost-effective follow-up every within "
    "mg old year-old cycles doses sites countries events deaths st nd th NCT01234567 2019"
)
_PIECES = (
    *_VOCABULARY.split(),
    "12",
    "3.5",
    "0.78",
    "10·6",
    "1,171",
    ".0245",
    "95%",
    "45 %",
    "(",
    ")",
    "[",
    "]",
    ",",
    ";",
    ":",
    "=",
    "<",
    "≥",
    "-",
    "–",
    "/",
    "±",
    "İ",  # lower-cases to two characters: the text cannot be case-folded
    "ſ",  # matches "s" when case is ignored
    "µg",
    "café",  # a non-ASCII letter, "\u00a0" a non-ASCII space, "٣" a non-ASCII digit
    "\u00a0",
    "٣",
    "[1]",
    "~",
    "≈",
    "∼",
    "−",  # (dashes other than the hyphen)
    "—",
)
_CASES = (str, str.lower, str.upper, str.title)


def _texts(pieces: tuple[str, ...], spaces: tuple[str, ...], max_size: int) -> st.SearchStrategy:
    """Texts of ``pieces``, each in one of _CASES and followed by one of ``spaces``."""
    return st.lists(
        st.tuples(st.sampled_from(pieces), st.sampled_from(_CASES), st.sampled_from(spaces)),
        max_size=max_size,
    ).map(lambda parts: "".join(case(piece) + space for piece, case, space in parts))


texts = _texts(_PIECES, ("", " ", "  "), 30)

# every module of the grammar that declares gated patterns
_MODULES = (
    grammar,
    masks,
    intervals,
    values,
    value_endpoints,
    value_groups,
    sentence_comparison,
    numbers,
    context,
    endpoint_lists,
    trial_facts,
)
_PATTERNS = [
    pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    for module in _MODULES
    for name, value in vars(module).items()
    if isinstance(value, (Prefiltered, FromStarts))
]


def _matches(found):
    return [(m.span(), m.group(0), m.lastgroup) for m in found]


@pytest.mark.parametrize("pattern", _PATTERNS)
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_a_prefiltered_pattern_finds_what_its_pattern_finds(pattern, text):
    assert _matches(pattern.finditer(text)) == _matches(pattern.compiled.finditer(text))
    found, expected = pattern.search(text), pattern.compiled.search(text)
    assert (found and found.groupdict()) == (expected and expected.groupdict())
    if isinstance(pattern, Prefiltered):  # the same matches, their groups in any case
        lowered = [
            (m.span(), {k: v and v.lower() for k, v in m.groupdict().items()})
            for m in pattern.finditer_lowered(text)
        ]
        assert lowered == [
            (m.span(), {k: v and v.lower() for k, v in m.groupdict().items()})
            for m in pattern.compiled.finditer(text)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "the relative risk ratio was 0.5",  # (a keyword inside another)
        "HRs: HR 0.61, hr 0.7, OR=1.2 or RR 2; Hazard Ratio 0.8; odds ratio, 1.4",
        "XHR 0.5, HR0.5",
    ],
)
def test_a_ratio_is_found_where_its_keyword_starts(text):
    assert _matches(values._RATIO.finditer(text)) == _matches(values._RATIO.compiled.finditer(text))


def test_a_folded_match_keeps_the_case_of_the_text():
    m = sentence_comparison._SENTENCE_COMPARISON.search(
        "longer In The TACE Group than with Sorafenib."
    )
    assert (m.group("a"), m.group("b")) == ("TACE", "Sorafenib")
    assert m.span("a") == (14, 18)


def test_a_part_that_keeps_case_is_widened_only_where_that_finds_more():
    # (widened, "(?-i:[A-Z])" takes any letter on the folded text: tried there, the pattern
    # itself decides; inside a negative look-around widening would find less, so it is not)
    pattern = Prefiltered(re.compile(r"\bwith\s+(?P<g>\d+-?(?-i:[A-Z])\w*)", re.IGNORECASE))
    assert pattern.widened is not None
    text = "with 5-fu, With 5-FU alone, WITH 5-Fu"
    assert _matches(pattern.finditer(text)) == _matches(pattern.compiled.finditer(text))
    assert [m.group("g") for m in pattern.finditer(text)] == ["5-FU", "5-Fu"]
    negated = Prefiltered(re.compile(r"with\s+(?!(?-i:[A-Z]))\w+", re.IGNORECASE))
    assert negated.widened is None
    assert Prefiltered(re.compile(r"(?-i:[A-Z])?", re.IGNORECASE)).widened is None  # (empty)


def test_a_part_that_keeps_case_is_not_read_on_folded_text():
    # ("(?-i:[A-Z])" inside an IGNORECASE pattern: "5-FU" is a name, "2019in" none)
    pattern = Prefiltered(re.compile(r"\bwith\s+(?P<g>\d+-?(?-i:[A-Z])\w*)", re.IGNORECASE))
    assert pattern.search("With 5-FU alone").group("g") == "5-FU"
    assert pattern.search("with 2019in") is None
    assert list(pattern.finditer("with 12months")) == []


# (?:a)\s*$|(?:b)\s*$|... is (?:a|b|...)\s*$: the one pattern the grammar runs in parts
_WHOLE_ARM_BEFORE = re.compile(
    "|".join(p.compiled.pattern for p in value_groups._ARM_BEFORE), re.IGNORECASE
)


def _groups_before(gap: str) -> dict[str, str] | None:
    m = _WHOLE_ARM_BEFORE.search(gap)
    return m and {k: v for k, v in m.groupdict().items() if v is not None}


def _found_before(gap: str) -> dict[str, str] | None:
    found = value_groups._arm_before(gap)
    return found and {k: v for k, v in found.items() if v is not None}


@settings(max_examples=300, deadline=None)
@given(gap=texts)
def test_the_group_before_a_value_is_what_the_whole_pattern_finds(gap):
    # (its alternatives are run apart, from where a match can start)
    assert _found_before(gap) == _groups_before(gap)


@pytest.mark.parametrize(
    "gap",
    [
        "; in contrast, Group II, ",
        "rates were 1,171 and, for the TACE group was ",
        "in all, rates were high, patients who developed rash had a median ",
        "(95% CI, 5.5 to 9.2); in all sorafenib recipients (1,171 (",
        # two alternatives match: the leftmost is the one
        "patients who developed rash had a longer survival in the TACE group was ",
        # two start at the same place: the first of them is the one
        "those who received TACE arm had higher rates of ",
    ],
)
def test_groups_before_a_value_across_commas_semicolons_and_alternatives(gap):
    expected = _groups_before(gap)
    assert expected is not None and _found_before(gap) == expected


_WHOLE_MASK = re.compile("|".join(f"(?:{b})" for b in masks._MASK_BRANCHES), re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_the_masked_spans_are_those_of_the_whole_mask_alternation(text):
    # (only the branches whose gates admit the text are run)
    expected = [m.span() for m in _WHOLE_MASK.finditer(text)]
    assert [tuple(span) for span in masks.mask_spans(text)] == expected


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_admitted_gives_the_gates_that_admit_a_text(text):
    folded = case_folded(text)
    if folded is not None:
        gates = masks._MASK_GATES
        expected = tuple(i for i, gate in enumerate(gates) if gate.admits(folded))
        assert masks._MASK_ALTERNATION.admitted(folded) == expected


_GATES = [
    gate
    for module in _MODULES
    for value in vars(module).values()
    for gate in (value if isinstance(value, (tuple, list)) else [value])
    if isinstance(gate, Prefiltered)
]


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_each_pattern_runs_its_gate_as_defined(text):
    # (the test the patterns run is admits written out as code)
    for gate in _GATES:
        haystack = case_folded(text) if gate.fold else text
        if haystack is not None:
            assert gate._admits(haystack) == gate.admits(haystack), gate.compiled.pattern


def test_an_alternation_runs_only_the_alternatives_a_text_admits():
    alternation = GatedAlternation(
        [Prefiltered(re.compile(p, re.IGNORECASE)) for p in ("grade \\d", "phase \\d")]
    )
    assert alternation.for_text("no numbers here") is None
    assert alternation.for_text("Grade 3 events").pattern == "(?:grade \\d)"
    with pytest.raises(ValueError, match="flags"):
        GatedAlternation(
            [Prefiltered(re.compile("a", re.IGNORECASE)), Prefiltered(re.compile("b"))]
        )


_ALTERNATIONS = [
    pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    for module in (grammar, context, result_kinds)
    for name, value in vars(module).items()
    if isinstance(value, GatedAlternation)
]


def _whole(alternation: GatedAlternation) -> re.Pattern[str]:
    """(?:a)|(?:b)|...: the alternation of all its alternatives."""
    return re.compile(
        "|".join(f"(?:{gate.compiled.pattern})" for gate in alternation.gates),
        alternation.gates[0].compiled.flags,
    )


@pytest.mark.parametrize("alternation", _ALTERNATIONS)
@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_an_alternation_is_found_where_the_whole_alternation_matches(alternation, text):
    # (its alternatives are asked one at a time, folded, and only those the text admits)
    assert alternation.found(text) == (_whole(alternation).search(text) is not None)


@pytest.mark.parametrize("alternation", _ALTERNATIONS)
@pytest.mark.parametrize(
    "text",
    [
        "Grade 3 adverse events occurred in 12% (range, 3-40%)",
        "12 deaths OCCURRED; 38% had prior therapy and 5% were still on treatment",
        "a 25% Reduction in the risk of death; median follow-up was 3 years",
        "sorafenib 400 mg twice daily, or TACE every 4 weeks on days 1 and 8 (n = 12)",
        "İ: 40 µg WEEKLY; ſorafenib Daily",  # (texts that cannot be case-folded)
    ],
)
def test_an_alternation_is_found_in_sentences_with_its_words(alternation, text):
    assert alternation.found(text) == (_whole(alternation).search(text) is not None)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("a[-–]b", ({"a"}, {"-", "–"}, {"b"})),
        (r"[\(\[]x", ({"(", "["}, {"x"})),
        ("[^ab]c", ({"c"},)),  # (a negated class names no character that must be there)
        ("[a-z]c", ({"c"},)),  # (nor does a range)
        (r"[\d.]c", ({"c"},)),  # (nor a class escape)
        ("[ab]?c", ({"c"},)),  # (nor an optional class)
        ("[abcdefghijk]c", ({"c"},)),  # (a long class is not worth looking for)
    ],
)
def test_a_class_needs_one_of_its_characters(pattern, needs):
    assert needed_texts(pattern) == tuple(frozenset(n) for n in needs)


def test_admitted_takes_gates_that_read_the_text_alike():
    folded = Prefiltered(re.compile("grade", re.IGNORECASE))
    plain = Prefiltered(re.compile("Grade"))
    with pytest.raises(ValueError, match="folded"):
        admitted([folded, plain])


_PERCENT = re.compile(rf"(?P<num>{values._ALONE}){values._SPREAD}\s*%")
_TIME = re.compile(rf"(?P<num>{values._ALONE}){values._SPREAD}\s*(?P<unit>{facts.UNIT})")


_NUMBER = st.sampled_from(["12", "3.5", "0.78", "10·6", "1,171", ".5"])
# a number, maybe with a spread, then maybe a unit or a sign: "12 ± 3.5 %", "3.5months", "12-"
_VALUE = st.tuples(
    _NUMBER,
    st.sampled_from(["", " ± ", "±"]),
    _NUMBER,
    st.sampled_from(["", " "]),
    st.sampled_from(["%", "months", "mo", "days", "yr", "", "-", "/"]),
).map(lambda t: t[0] + (t[1] + t[2] if t[1] else "") + t[3] + t[4])
_NUMBERS_AND_UNITS = st.lists(
    st.one_of(_VALUE, st.sampled_from([" ", "(", ")", ",", "of", "a", "-", "%"])), max_size=8
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_NUMBERS_AND_UNITS)
def test_one_scan_finds_the_rates_and_the_times_two_scans_find(text):
    # (a number is followed by "%" or by a unit: no rate can overlap a time)
    expected = sorted(
        [(m.span(), m.group("num"), "%") for m in _PERCENT.finditer(text)]
        + [(m.span(), m.group("num"), m.group("unit")) for m in _TIME.finditer(text)]
    )
    found = [
        (m.span(), m.group("num"), m.group("pct") or m.group("unit"))
        for m in values._PERCENT_OR_TIME.finditer(text)
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("pattern", "scan"),
    [
        (rf"{numbers.NUM}\s*%\s*of", r"%\s*of"),  # (the engine skips to the sign)
        (rf"(?P<n>{numbers.NUM})\s*/\s*\d", r"/\s*\d"),
        (rf"{numbers.NUM}\s*[-–—]\s*\d", r"[-–—]\s*\d"),
        (rf"{numbers.NUM}\s*mg", r"\d\s*mg"),  # (a letter: the number's last digit leads)
        (rf"{numbers.NUM}\s*[+-/]", r"\d\s*[+-/]"),  # (a range of signs is not read)
    ],
)
def test_a_scan_starts_at_the_sign_after_a_number(pattern, scan):
    assert cheap_scan(re.compile(pattern), numbers.NUM).pattern == scan


_SCANNED = [
    pytest.param(rx, id=rx.pattern[:30])
    for rx in (grammar._HEADING, *(g.compiled for g in masks._MASK_GATES))
]


@pytest.mark.parametrize("compiled", _SCANNED)
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_a_scan_finds_something_wherever_its_pattern_matches(compiled, text):
    scan = cheap_scan(compiled, numbers.NUM)
    folded = case_folded(text) if compiled.flags & re.IGNORECASE else text
    if scan is not None and folded is not None and compiled.search(text):
        assert scan.search(folded)


_factor = st.tuples(
    st.sampled_from(("age", "Child-Pugh score 5", "absent toxicity", "stage")),
    st.sampled_from(("", "hazard ratio", "Hazard Ratio", "HR", "OR", "odds ratio", "hr", "RR")),
    st.sampled_from(("", " ", "=", " = ", ": ", ", ")),
    st.sampled_from(("0.49", "3.423", "1,171", ".5", "2")),
    st.sampled_from((",", ";", " ;", ":")),
    st.sampled_from((" p = 0.04", " P<0.001", " p-value 0.3", "p", " pts")),
).map(lambda t: f"{t[0]} ({t[1]}{t[2]}{t[3]}{t[4]}{t[5]})")
factor_lists = st.tuples(
    st.lists(_factor, min_size=1, max_size=4),
    st.sampled_from((", ", "; ", " and ", ", and ")),
    texts,
).map(lambda t: t[2] + t[1].join(t[0]))


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(texts, factor_lists))
def test_a_list_of_factors_is_read_wherever_one_names_its_ratio(text):
    # (the grammar reads the list only when _FACTOR_NAMED finds something)
    if any(m.group("kw") for m in values._FACTOR_ITEM.finditer(text)):
        assert values._FACTOR_NAMED.search(text)


# the words endpoints are named with, and what may stand next to them (word characters where a
# name must start or end a word)
_ENDPOINT_PIECES = (
    *sorted({w for _, pattern in ENDPOINT_SYNONYMS for w in re.findall(r"[A-Za-z]+", pattern)}),
    *("x", "_", "2", "-", "/", "+", "(", ")", ",", "ana", "emia", "İ", "ſ"),
)
endpoint_texts = _texts(_ENDPOINT_PIECES, ("", " ", "  ", "-"), 25)


@settings(max_examples=500, deadline=None)
@given(text=endpoint_texts)
@example("PRIMARY progression-free survival and PR; Pr, xPR, PR2, PR_ (pr)")
@example("those at the dose of OS, mOS, OSx, os; TTTF, TTF and ttf")
@example("12 mos and 7 mpfs, MOS, mOs")
@example("anaemia and anemia, ana emia, for death, FOR Death, risk of death")
@example("Time to Progression; next treatment, CR/CRi, CR + CRi, cr with incomplete recovery")
@example("İ OS ſurvival, progression or death")
def test_endpoints_are_read_where_the_whole_pattern_reads_them(text):
    # (the pattern is only tried where a name can start: at its first words, where a name must
    # start or end a word only there; what endpoint_mentions then reads off the names found,
    # "non-" or "12 mos", is tested on sentences below)
    assert scanned_mentions(text) == [
        (m.start(), m.end(), m.lastgroup or "OTHER", m.group(0)) for m in ENDPOINT_RE.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a name after "non" is the other outcome: not a mention of it
        ("Non-CR/non-PD was seen in 12 patients and CR in 4.", ["CR"]),
        ("non AE", []),
        # "mos" in lower case after a number is months, "mOS" the median's name
        ("PFS was 7.1 mos; mOS was 14.2 mos.", ["PFS", "OS"]),
        # the follow-up of a survival is the follow-up, not that survival
        ("Median follow-up for overall survival was 31 months.", ["FOLLOWUP"]),
    ],
)
def test_what_is_read_off_the_names_found(text, codes):
    assert [m[2] for m in endpoint_mentions(text)] == codes


# the scan that found the last delimiter before a sized group ("... to A (n = 12)") in
# trial_arms._n_equals, and texts of delimiters, words that hold them and sizes
_DELIMITER = re.compile(r"[,;:()]|\b(?:to|or|and|into|versus|vs)\b", re.IGNORECASE)
_DELIMITER_PIECES = ("to", "into", "or", "and", "versus", "vs", "vs.", "toro", "x", "(n = 12)")
delimiter_texts = _texts((*_DELIMITER_PIECES, *",;:()", "İ", "\n"), ("", " ", "-"), 20)


@settings(max_examples=300, deadline=None)
@given(text=delimiter_texts, data=st.data())
def test_the_last_delimiter_is_the_last_that_a_scan_finds(text, data):
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    scanned = None
    for scanned in _DELIMITER.finditer(text, pos, end):  # noqa: B007
        pass
    found = trial_arms._LAST_DELIMITER.match(text, pos, end)
    assert (found and found.start("d")) == (scanned and scanned.start())


def test_every_endpoint_name_has_starts_a_scan_can_skip_to():
    # (a name whose start cannot be read off its pattern, "(?-i:...)" for one, turns the scan
    # off for every name: endpoint_mentions then tries the whole alternation at every
    # character, and extraction took twice as long)
    from etl.vocab import endpoints

    assert endpoints._STARTS is not None
