"""Fuzzing the reader and every extractor with mutated seed text: whatever the bytes, no
unhandled exception, and every offset the staging tables carry lies inside the file's text (a
span's text is the text at its offsets)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.documents import read_folder
from etl.documents.decode import decode_bytes
from etl.pipeline import extract_tables
from tests.conftest import SEEDS

_SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
# what scrapers and copy-paste put into text: typography, controls, BOMs, look-alike letters
_NOISE = list("0123456789.,;:%()[]-–—·±≥≤<>=/ \n\r\t\x00\x0b\ufeffPpCIHRvsſİıKµé™\u2009\u00a0")
_NOISE += ["95% CI", " months", "P<.0001", "P = 1.2", "(19.58 to 14.16)", "1,025", "\r\n", "vs."]


@st.composite
def mutated_seed(draw) -> bytes:
    source = draw(st.sampled_from(_SEED_TEXTS))
    start = draw(st.integers(0, max(0, len(source) - 1)))
    text = source[start : start + draw(st.integers(200, 6000))]
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "case"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(_NOISE)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif action == "duplicate":
            text = text[:at] + text[at : at + 200] * 2 + text[at + 200 :]
        else:
            text = text[:at] + text[at : at + 300].swapcase() + text[at + 300 :]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut anywhere, even mid-character
    return data


def _spans_inside(text: str, frame, evidence: str | None = None) -> None:
    for row in frame.iter_rows(named=True):
        start, end = row["char_start"], row["char_end"]
        assert 0 <= start <= end <= len(text), row
        if evidence:
            # (a hard-wrapped text is read with its wrapping breaks as spaces, offsets kept:
            # etl.documents.wraps; the evidence rule reads it so too)
            source = text[start:end]
            assert row[evidence] in (source, re.sub(r"[\r\n]", " ", source)), row
        if "value_start" in row:
            assert start <= row["value_start"] <= row["value_end"] <= end, row


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_seed())
def test_reader_and_extractors_survive_mutated_text(data):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "doc.txt").write_bytes(data)
        read = read_folder(Path(folder))
    tables, summary = extract_tables(read)
    text = decode_bytes(data).text
    assert summary.n_files == 1
    for name, frame in tables.items():
        if name in ("documents", "vocab", "agent_vocab", "rejections") or frame.is_empty():
            continue
        evidence = {"sentences": "text", "outcomes": "evidence_text"}.get(name)
        _spans_inside(text, frame, evidence)
    assert tables["documents"].height + tables["rejections"].height >= 1  # (never lost)
