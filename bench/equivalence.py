"""Does a change to the extraction keep its output? Outcomes and rejections of a broad corpus,
saved before the change and compared after it, row for row.

For changes meant to keep the output (speed work, refactoring): the tests check behaviours one
sentence at a time, this checks every number of a few thousand documents at once. The corpus is
written by `save` (nothing of it is committed) and read again by `check`: the seeds, the test fixtures' documents,
every string of the test suite that holds a digit (each as the results of an abstract, alone and
in threes, so that context carries between sentences), the hostile numbers and 3,000 synthetic
abstracts (bench.corpus, another seed than `make bench`'s).

Usage: python -m bench.equivalence save [--into DIR]   (before the change)
       python -m bench.equivalence check [--into DIR] [--workers N]   (after; exit 1 if different)
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import tempfile
from pathlib import Path

import polars as pl

from bench.corpus import write_corpus

_ROOT = Path(__file__).resolve().parent.parent
_SHOWN = ("evidence_text", "value", "measure", "endpoint", "arm_label", "comparator_label")


def _test_strings() -> list[str]:
    """Every string constant of the tests that is long enough to be a sentence and holds a digit."""
    found = []
    for path in sorted((_ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(node, "value", None)
            if (
                isinstance(node, ast.Constant)
                and isinstance(value, str)
                and len(value) > 25
                and any(c.isdigit() for c in value)
            ):
                found.append(" ".join(value.split()))
    return found


def write_equivalence_corpus(folder: Path) -> None:
    from tests.fixtures import docs
    from tests.reliability.hostile import NUMBERS, _abstract

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for seed in sorted((_ROOT / "seeds").iterdir()):
        shutil.copy(seed, folder / seed.name)
    for name in sorted(dir(docs)):
        value = getattr(docs, name)
        if name.isupper() and isinstance(value, str) and len(value) > 50:
            (folder / f"fixture_{name.lower()}.txt").write_text(value, encoding="utf-8")
    strings = _test_strings()
    lines = [_abstract(s) for s in strings]
    lines += [_abstract(" ".join(strings[i : i + 3])) for i in range(0, len(strings), 3)]
    lines += [_abstract(s) for s in NUMBERS]
    (folder / "test_sentences.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_corpus(folder / "synthetic", 3000, per_file=1000, seed=11)


def extract(folder: Path, workers: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    from etl.documents import read_folder, stage_documents
    from etl.extract import outcomes_frame, sentences_frame

    staged = stage_documents(read_folder(folder).files)
    sentences = sentences_frame(staged.record_lines, staged.publications)
    outcomes, rejections = outcomes_frame(sentences, workers=workers)
    return outcomes.sort("outcome_id"), rejections.sort(pl.all())


def _differences(new: pl.DataFrame, old: pl.DataFrame, what: str) -> bool:
    if new.equals(old, null_equal=True):
        return False
    added = new.join(old, on=new.columns, how="anti", nulls_equal=True)
    lost = old.join(new, on=old.columns, how="anti", nulls_equal=True)
    shown = [c for c in _SHOWN if c in new.columns] or new.columns
    print(f"{what}: {added.height} rows new, {lost.height} rows gone")
    with pl.Config(fmt_str_lengths=80, tbl_rows=10):
        print("new:", added.select(shown).head(10), "gone:", lost.select(shown).head(10), sep="\n")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.equivalence", description=__doc__)
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument(
        "--into", type=Path, default=Path(tempfile.gettempdir()) / "etl-equivalence"
    )
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = args.into / "corpus"
    if args.action == "save":  # (check reads the corpus saved with the outcomes)
        write_equivalence_corpus(corpus)
    outcomes, rejections = extract(corpus, args.workers)
    if args.action == "save":
        outcomes.write_parquet(args.into / "outcomes.parquet")
        rejections.write_parquet(args.into / "rejections.parquet")
        print(f"saved {outcomes.height} outcomes, {rejections.height} rejections in {args.into}")
        return 0
    different = _differences(
        outcomes, pl.read_parquet(args.into / "outcomes.parquet"), "outcomes"
    ) | _differences(rejections, pl.read_parquet(args.into / "rejections.parquet"), "rejections")
    print(
        f"{'DIFFERENT' if different else 'identical'}: "
        f"{outcomes.height} outcomes, {rejections.height} rejections"
    )
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
