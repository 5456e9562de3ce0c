"""The Hyperscan pre-gate: it may name more patterns than match, never fewer, so the gates it
serves answer as they would without it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import masks
from etl.multiscan import MultiScan, prescanned, widened
from etl.regex_prefilter import admitted, case_folded

hyperscan = pytest.importorskip("hyperscan")


def test_widened_leaves_out_assertions_and_names():
    assert widened(r"(?<![\w-])(?P<n>\d+)\s*%(?!\d)") == r"(\d+)[\s\x1c-\x1f\x85]*%"
    assert widened(r"^\Bgrade\s*\d$") == r"grade[\s\x1c-\x1f\x85]*\d"
    assert widened(r"[\s,]+\u2265") == r"[\s\x1c-\x1f\x85,]+\x{2265}"


def test_a_pattern_hyperscan_cannot_widen_is_refused():
    assert widened(r"(?P<a>x)(?P=a)") is None  # a back-reference
    assert widened(r"(a)\1") is None
    assert widened(r"(?>atomic)") is None


def test_candidates_hold_every_pattern_that_matches():
    scan = MultiScan.build([r"\d+\s*mg\b", r"(?<=\d)\s*%", r"grade\s*[3-5]", None], True)
    assert scan is not None
    assert scan.candidates("10 mg daily; grade 3 events") == [0, 2, 3]
    assert scan.candidates("no numbers here") == [3]  # (None: asked of every text)


def test_a_text_python_reads_other_classes_in_is_not_scanned():
    scan = MultiScan.build([r"\w+\s+mg"], False)
    # "\u00a0" is a space to Python, not to Hyperscan's ASCII mode: every pattern is a candidate
    assert scan.candidates("10\u00a0mg") is None
    assert scan.candidates("≥ 10 mg") == [0]  # (no letter, digit or space beyond ASCII)


_PIECES = (
    "10",
    "3.5",
    "mg",
    "grade",
    "3",
    "%",
    "CI",
    "95",
    "-",
    "–",
    "≥",
    "aged",
    "years",
    "old",
    "n",
    "=",
    "/",
    "phase",
    "II",
    "NCT01234567",
    "cycles",
    "\u00a0",
    "é",
    "٣",
    "µg",
    "(",
    ")",
    " ",
    "of",
    "patients",
)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join))
def test_the_mask_gates_admit_what_they_admit_without_the_scan(text):
    folded = case_folded(text)
    if folded is None:
        return
    python = admitted(masks._MASK_GATES)
    assert masks._MASK_ALTERNATION.admitted(folded) == python(folded)


def test_prescanned_asks_only_the_candidates():
    asked: list[int] = []

    def test(i: int, pattern: str):
        rx = re.compile(pattern)

        def run(text: str) -> bool:
            asked.append(i)
            return rx.search(text) is not None

        return run

    patterns = [r"\d+\s*mg", r"grade\s*\d", r"phase\s+\d"]
    admitted_by = prescanned(patterns, [test(i, p) for i, p in enumerate(patterns)], False)
    assert admitted_by is not None
    assert admitted_by("grade 3 at 10 mg") == (0, 1)
    assert asked == [0, 1]  # (the phase pattern was never asked: the scan found no "phase")
