import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.extract.sentences import _ABBREVIATIONS, _is_abbreviation, sentences_frame, split_spans
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
    """The shortcut for long words gives what the word before the stop gives: an abbreviation
    ("vs.", "e.g.", "approx.") only when that word, its trailing dots dropped, is one."""
    text = "".join(w + g for w, g in parts) + dots + ". Next"
    stop = len(text) - len(". Next")
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:stop])
    expected = bool(word) and word.group(1).lower().rstrip(".") in _ABBREVIATIONS
    assert _is_abbreviation(text, stop) == expected
