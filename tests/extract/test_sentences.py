import re

import polars as pl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.extract.sentences import (
    _ABBREVIATIONS,
    _SPACE,
    _UNIT_ABBREVIATIONS,
    _is_abbreviation,
    line_spans,
    sentences_frame,
    split_spans,
)
from tests.conftest import files_frame
from tests.fixtures import docs


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Median OS was 21.7 vs. 11.5 months in the two groups.",
        "As reported by Smith et al. the median PFS was 5.9 months.",
        "The HR was 0.78 (95% CI, 0.67-0.92) for STRIDE.",
        "Median overall survival was 10·6 months (6·3-8·8).",
        "The difference was significant (P = .0245) at 2 years.",
        "Responses were seen (e.g. in 4 patients) at week 8.",
        "Survival at 1 year was 60% (p value 0.003) in Fig. 2 of the report.",
    ],
)
def test_no_split_inside_these(text):
    assert sentences(text) == [text]


def test_splits_at_real_sentence_ends():
    text = "Median OS was 16.43 months. The HR was 0.78 (P=0.0035). 31 patients responded! Why? (A note.)"
    assert sentences(text) == [
        "Median OS was 16.43 months.",
        "The HR was 0.78 (P=0.0035).",
        "31 patients responded!",
        "Why?",
        "(A note.)",
    ]


def test_labelled_sections_start_new_sentences():
    text = "Twelve patients were enrolled. RESULTS: The ORR was 25%. CONCLUSIONS: Active."
    assert sentences(text) == [
        "Twelve patients were enrolled.",
        "RESULTS: The ORR was 25%.",
        "CONCLUSIONS: Active.",
    ]


def test_lines_never_share_a_sentence():
    assert sentences("Median PFS\n5.9 months") == ["Median PFS", "5.9 months"]


@given(st.text(max_size=300))
def test_spans_are_ordered_disjoint_and_trimmed(text):
    spans = split_spans(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and "\n" not in piece
        last = e


def test_sentence_frame_offsets_point_into_the_file():
    # (with a line long enough that its sentences are cut apart from the others: see _LONG_LINE)
    long_line = (
        "RESULTS: Median OS was 10·2 months (95% CI 8·1-12·3). " + "The team saw them. " * 1500
    )
    texts = {
        "listing.txt": docs.LISTING,
        "abstracts.txt": docs.ABSTRACTS + "\n" + long_line + "\n" + docs.ABSTRACTS,
    }
    staged = stage_documents(files_frame(texts))
    frame = sentences_frame(staged.record_lines, staged.publications)
    for name, s, e, text in frame.select(
        "source_file", "char_start", "char_end", "text"
    ).iter_rows():
        assert texts[name][s:e] == text
    roles = set(frame.get_column("role"))
    assert roles == {"authors", "title", "citation", "body"}
    assert frame.get_column("sentence_id").is_unique().all()


_WORDS = st.sampled_from(
    ["vs", "e.g", "al", "approx", "b.i.d", "Fig", "sorafenib", "patients", "mo", "ab", "x", "É"]
)
_GAPS = st.sampled_from([" ", ".", "..", "\n", "(", "1", ""])


@given(st.lists(st.tuples(_WORDS, _GAPS), max_size=8), st.sampled_from(["", "."]))
@example([("approx", "")], "")  # (the longest abbreviation)
@example([("b.i.d", "")], ".")
@example([("sorafenib", " "), ("vs", "")], "")
@example([("ab", ""), ("approx", "")], "")  # (longer than any abbreviation)
@settings(max_examples=300)
def test_a_stop_after_an_abbreviation_is_no_sentence_end(parts, dots):
    """A stop ends no sentence after an abbreviation ("vs.", "e.g.", "approx."): the word before
    the stop, its trailing dots dropped, is one."""
    text = "".join(w + g for w, g in parts) + dots + ". Next"
    stop = len(text) - len(". Next")
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:stop])
    # (an abbreviated unit before a capitalised word ends its sentence)
    abbreviation = word.group(1).lower().rstrip(".") if word else ""
    expected = abbreviation in _ABBREVIATIONS and abbreviation not in _UNIT_ABBREVIATIONS
    assert _is_abbreviation(text, stop) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Median OS was 20.1 mo. Median PFS was 8.8 mo.",
            ["Median OS was 20.1 mo.", "Median PFS was 8.8 mo."],
        ),
        (
            "AEs occurred in 70% of pts. Among 50 pts treated for 2 yrs. (A note.)",
            ["AEs occurred in 70% of pts.", "Among 50 pts treated for 2 yrs.", "(A note.)"],
        ),
        ("Follow-up was 14 mo. 12 pts had died.", ["Follow-up was 14 mo. 12 pts had died."]),
        # an abbreviation whose first letters only are small starts a sentence like a capital
        (
            "PFS improved (HR 0.30; P<0.001). rPFS in the subgroup was 15.7 vs 4.0 mo. mOS was "
            "NR. ctDNA cleared in 40%. e.g. is no start.",
            [
                "PFS improved (HR 0.30; P<0.001).",
                "rPFS in the subgroup was 15.7 vs 4.0 mo.",
                "mOS was NR.",
                "ctDNA cleared in 40%. e.g. is no start.",
            ],
        ),
    ],
)
def test_an_abbreviated_unit_ends_a_sentence_before_a_capitalised_word(text, expected):
    assert sentences(text) == expected
    frame = pl.DataFrame({"_row": [0], "line": [text]}, schema_overrides={"_row": pl.UInt32})
    assert line_spans(frame).get_column("text").to_list() == expected


# lines built of pieces where the two splits could part: words that are abbreviations, hold one or
# follow dots; stops with closing quotes and brackets; Python's white space that Rust's lacks
# (U+001C-U+001F) and some it shares; letters that only Unicode case folding makes ASCII (ſ, the
# Kelvin sign); what may start a sentence; the characters line_spans marks its cuts with
_LINE_WORDS = st.sampled_from(
    [
        *("vs", "v", "al", "e.g", "U.S", "Fig", "wk", "approx", "b.i.d", "Ph.D", "The", "median"),
        *("mo", "Pts", "MO", "yrs."),
        *("vſ", "w\u212a", "xvs", "x.vs", ".vs", "É", "a", "٣", "1", ""),
    ]
)
_AFTER_WORDS = st.sampled_from(
    [
        *(".", "..", "!", "?", ". ", ".. ", ".  ", '." ', ".) ", ".] ", "’ ", "? (", ".\x1c"),
        *(".\x1f", ".\x85", ".\xa0", ".\u200b", ".\u3000", " ", "\t", "", "\ue000", "\ue001"),
        "\ue002",
        *("\n", ". \n"),
    ]
)
_NEXT = st.sampled_from(
    ["A", "Z", "0", "The ", "(A", "[1", "“T", "‘", "a", "É", "", " ", "Mo. ", "Pts. A", "rP", "ctD"]
)
_LINES = st.lists(st.tuples(_LINE_WORDS, _AFTER_WORDS, _NEXT), max_size=10).map(
    lambda parts: "".join(map("".join, parts))
)


@given(st.lists(_LINES, min_size=1, max_size=12))
@example(["Median OS was 21.7 vs. 11.5 months. The HR was 0.78! Why? (A note.)"])
@example(["As in Smith et al. (2019). Fig. 2 shows it.. E.g. here.\x1c\x1cNext"])
@settings(max_examples=300, deadline=None)
def test_line_spans_are_split_spans(lines):
    """Polars' split (look-around spelt out, Python's white space spelt out) cuts every line
    where split_spans does: the same sentences, with the same offsets."""
    frame = pl.DataFrame(
        {"_row": range(len(lines)), "line": lines}, schema_overrides={"_row": pl.UInt32}
    )
    found = sorted(line_spans(frame).select("_row", "start", "end", "text").iter_rows())
    expected = [
        (row, s, e, line[s:e]) for row, line in enumerate(lines) for s, e in split_spans(line)
    ]
    assert found == expected


def test_white_space_is_pythons():
    """line_spans trims what Python's str.strip trims, no more, no less."""
    pythons = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert pythons == _SPACE


def test_a_blank_line_between_a_records_lines_starts_its_next_paragraph():
    text = (
        "A summary of two trials\n\n"
        "Drug K improved survival in the first trial. Data on the rest are immature.\n"
        "Side effects were mild.\n\n"
        "Drug L was tested in a second trial. It improved survival too.\n"
    )
    staged = stage_documents(files_frame({"summary.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications).sort("char_start")
    assert staged.publications.height == 1
    assert sentences.get_column("paragraph_index").to_list() == [0, 1, 1, 1, 2, 2]
