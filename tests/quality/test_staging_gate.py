"""A number the grammar misreads into an impossible value is rejected at staging, into
audit_rejections, with the rest of its document kept: it never reaches the marts, where a
blocking rule would refuse to publish the whole folder."""

from __future__ import annotations

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from etl.schemas.gate import gate
from etl.schemas.staging import Outcomes
from tests.conftest import files_frame


def test_a_ratio_or_time_read_as_zero_is_rejected_and_the_others_kept():
    # (a PDF's broken decimal, "0. 35", reads as the number 0)
    text = (
        "A Phase 3 Trial of Drug K\n\n"
        "In the subgroup with a partial response, the PFS HR: 0. 35 (0.23-0.51). "
        "Median PFS was 0 months in a few patients. "
        "Median OS was 21.3 months with drug K (HR 0.70; 95% CI 0.55-0.89).\n"
    )
    staged = stage_documents(files_frame({"garbled.txt": text}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    gated = gate(outcomes, Outcomes, "outcomes")
    kept = sorted(gated.valid.select("measure", "value").rows())
    assert kept == [("hazard_ratio", 0.70), ("median", 21.3)]
    checks = gated.rejections.get_column("rule").to_list()
    assert any("ratio is above 0" in c for c in checks)
    assert any("time (a median, a mean) is above 0" in c for c in checks)
