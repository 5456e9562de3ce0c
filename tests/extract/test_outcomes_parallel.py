"""A large input is read by several worker processes: the rows must be those of one process."""

from __future__ import annotations

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from tests.conftest import files_frame

_ABSTRACTS = [
    "Patients were randomly assigned to drug {a} or placebo. Median overall survival was "
    "{x}.1 months (95% CI 8.0-12.0) with drug {a} and 7.{x} months with placebo (hazard ratio, "
    "0.{x}1; P = 0.00{x}). The objective response rate was 2{x}% and 5% in the drug {a} and "
    "placebo groups, respectively."
]


def test_workers_give_the_rows_one_process_gives_in_the_same_order():
    filler = " Safety, tolerability and quality of life were assessed throughout." * 5
    lines = [_ABSTRACTS[0].format(a=chr(65 + i % 26), x=1 + i % 9) + filler for i in range(40)]
    staged = stage_documents(files_frame({"abstracts.txt": "\n".join(lines) + "\n"}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    one, _ = outcomes_frame(sentences, workers=1)
    several, _ = outcomes_frame(sentences, workers=3, parallel_from=0, chunk=50)
    assert one.height == 40 * 5
    assert several.equals(one)
    assert several.get_column("publication_id").n_unique() == 40
