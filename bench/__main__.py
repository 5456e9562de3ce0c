"""`make bench`: extraction and full-build throughput and peak memory on synthetic corpora.

Peak memory of the extraction counts its worker processes (etl.extract.outcomes reads a large
input in several): the process tree's proportional set size (PSS: a page shared by k processes
counts 1/k in each, so the sum is the physical memory the tree holds), sampled every 50 ms from
/proc. A forked worker's max RSS would count the pages it shares with its parent again.

Each measurement runs in its own process so that peak memory (max RSS) is its own.
Usage: python -m bench [--sizes 1000,10000,100000] [--full-max 10000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus

_EXTRACT_ONLY = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from etl.documents import read_folder, stage_documents
from etl.extract import outcomes_frame, sentences_frame
from etl.extract.outcomes import _default_workers
t1 = time.perf_counter()
folder = read_folder(Path(sys.argv[1]))
staged = stage_documents(folder.files)
sentences = sentences_frame(staged.record_lines, staged.publications)
outcomes, _ = outcomes_frame(sentences)
t2 = time.perf_counter()
print(json.dumps({"seconds": t2 - t1, "import_seconds": t1 - t0, "records": staged.publications.height,
                  "sentences": sentences.height, "outcomes": outcomes.height,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers": _default_workers() if sentences.height >= 20_000 else 0}))
"""


def _children(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # (gone since the listing)
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(parents.get(p, []))
    return tree


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next(
            int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")
        )
    return total / 1024


def _extract(folder: Path) -> dict:
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", _EXTRACT_ONLY, str(folder)], stdout=out, stderr=err, text=True
        )
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, _pss_mb(_children(proc.pid)))
            time.sleep(0.05)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"extraction failed ({proc.returncode}):\n{err.read()}")
        result = json.loads(out.read().strip().splitlines()[-1])
    return result | {"pss_peak_mb": peak}


def _full_build(folder: Path, work: Path) -> dict:
    cmd = [
        sys.executable,
        "-c",
        "import resource, sys; from etl.cli import cli\n"
        "try:\n    cli()\nexcept SystemExit as e:\n"
        "    print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr); raise",
        "build",
        "--input",
        str(folder),
        "--warehouse",
        str(work / "wh.duckdb"),
        "--reports",
        str(work / "reports"),
    ]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t
    peak = next(
        (float(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK")),
        float("nan"),
    )
    return {"seconds": seconds, "exit": proc.returncode, "peak_mb_python": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--full-max", type=int, default=10000, help="largest size to run the full build on"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'abstracts':>9} {'MB':>7} {'extract s':>9} {'abstr/s':>9} {'MB/s':>6} {'peak MB':>8} {'build s':>8} {'build/s':>8} {'exit':>4}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"corpus_{n}"
            paths = write_corpus(folder, n)
            mb = sum(p.stat().st_size for p in paths) / 1e6
            ex = _extract(folder)
            # the extraction's memory: the process tree's, sampled (a single process: its max RSS)
            peak = max(ex["pss_peak_mb"], ex["peak_mb"])
            line = (
                f"{n:>9} {mb:>7.1f} {ex['seconds']:>9.2f} {n / ex['seconds']:>9.0f} {mb / ex['seconds']:>6.1f} "
                f"{peak:>8.0f}"
            )
            if n <= args.full_max:
                work = Path(tmp) / f"build_{n}"
                work.mkdir()
                full = _full_build(folder, work)
                line += f" {full['seconds']:>8.1f} {n / full['seconds']:>8.0f} {full['exit']:>4}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
