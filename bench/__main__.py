"""`make bench`: extraction and full-build throughput and peak memory on synthetic corpora.

Peak memory of the extraction counts its worker processes (etl.extract.outcomes reads a large
input in several): the process tree's proportional set size (PSS: a page shared by k processes
counts 1/k in each, so the sum is the physical memory the tree holds), sampled from /proc every
50 ms or 30 times what a sample costs (reading a large process's PSS costs ~10 ms per GB, on the
cores being measured). A forked worker's max RSS would count the pages it shares with its parent
again.

The machines are shared and their speed varies from minute to minute (by a factor of two on
some days): each extraction runs --repeat times (default 3) and the fastest run is reported (as
timeit does: the slower runs measure the neighbours); peak memory is the largest of the runs.
"loop s" is how long a fixed pure-Python loop took just before, run on every core at once, a
gauge of the machine's speed at that moment: figures from two runs compare only as far as their
gauges agree.

"agents s" times the agent extractor (etl.extract.agents.agent_mentions_frame) over the same
sentences, after the outcomes; "agent/s" is abstracts per second of it.

Each measurement runs in its own process so that peak memory (max RSS) is its own.
The full build's columns include the evidence report's (reports/evidence.html) writing time and
size, as the build prints them (targets: under 10 s and 20 MB for 10,000 abstracts).

The PubMed XML case extracts one generated export (--pubmed articles, default 100,000, the same
abstracts as the text corpus of that size) once: articles per second and peak memory, printed
beside the text corpus's peak (the export is parsed as it is streamed from disk).

Validation is timed on a warehouse whose fct_outcomes is grown to --validate-rows rows (its
outcomes repeated under new ids), target under 30 s for 1,000,000.

Usage: python -m bench [--sizes 1000,10000,100000] [--full-max 10000] [--validate-rows 1000000]
                       [--repeat 3] [--pubmed 100000]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus, write_pubmed_export

_EXTRACT_ONLY = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from etl.documents import read_folder, stage_documents
from etl.extract import outcomes_frame, sentences_frame
from etl.extract.outcomes import PARALLEL_FROM, _default_workers
t1 = time.perf_counter()
folder = read_folder(Path(sys.argv[1]))
staged = stage_documents(folder.files)
sentences = sentences_frame(staged.record_lines, staged.publications)
outcomes, _ = outcomes_frame(sentences)
t2 = time.perf_counter()
try:  # (agents are timed apart, after the outcomes, so that "extract s" measures what it did)
    from etl.extract.agents import agent_mentions_frame
    agents = agent_mentions_frame(sentences)
    agent_seconds, agent_mentions = time.perf_counter() - t2, agents.height
except ImportError:  # (a tree from before the agent extractor)
    agent_seconds, agent_mentions = float("nan"), 0
print(json.dumps({"seconds": t2 - t1, "import_seconds": t1 - t0, "records": staged.publications.height,
                  "sentences": sentences.height, "outcomes": outcomes.height,
                  "agent_seconds": agent_seconds, "agent_mentions": agent_mentions,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers": _default_workers() if sentences.height >= PARALLEL_FROM else 0}))
"""


def _loop(_: object = None) -> float:
    t = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - t


def _gauge() -> float:
    """Seconds a fixed pure-Python loop takes when one runs on each usable core at once (the
    slowest of them, fastest of three tries): the machine's speed now, for work that uses every
    core as the extraction does."""
    cores = len(os.sched_getaffinity(0))
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        return min(max(pool.map(_loop, range(cores))) for _ in range(3))


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
            t = time.perf_counter()
            peak = max(peak, _pss_mb(_children(proc.pid)))
            # a sample costs ~10 ms per GB the tree holds (the kernel walks its page tables) and
            # runs on the cores it measures: wait 30 times its cost, at least 50 ms, so that the
            # sampler takes under 4% of one core (the main process's own peak is exact, below)
            time.sleep(max(0.05, 30 * (time.perf_counter() - t)))
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
    # "evidence report: <path> (0.6 MB, 1.3 s)", as the build says it
    said = re.search(r"evidence report: \S+ \(([\d.]+) MB, ([\d.]+) s\)", proc.stdout + proc.stderr)
    return {
        "seconds": seconds,
        "exit": proc.returncode,
        "peak_mb_python": peak,
        "report_mb": float(said.group(1)) if said else float("nan"),
        "report_seconds": float(said.group(2)) if said else float("nan"),
    }


_VALIDATE = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from etl.quality.validate import run_validation
from etl.settings import load_settings
t1 = time.perf_counter()
outcome = run_validation(load_settings(warehouse=Path(sys.argv[1]), reports_dir=Path(sys.argv[2])))
t2 = time.perf_counter()
failed = outcome.results.filter(~outcome.results["success"])
print(json.dumps({"seconds": t2 - t1, "import_seconds": t1 - t0, "rules": outcome.results.height,
                  "failed": failed.height, "ok": outcome.ok,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _grow_outcomes(warehouse: Path, rows: int) -> int:
    """Repeat the warehouse's outcomes (staging and mart, new ids; same sources and offsets, so
    every rule still applies) until fct_outcomes has ``rows`` rows."""
    import duckdb

    with duckdb.connect(str(warehouse)) as con:
        n = con.execute("select count(*) from main.fct_outcomes").fetchall()[0][0]
        copies = -(-rows // max(n, 1))
        for table in ("raw.outcomes", "main.fct_outcomes"):
            con.execute(
                f"create or replace table {table} as select * replace (case when k = 0 then "
                "outcome_id else outcome_id || '_' || k end as outcome_id) "
                f"from {table}, range({copies}) t(k) order by k, outcome_id limit {rows}"
            )
        return con.execute("select count(*) from main.fct_outcomes").fetchall()[0][0]


def _validate(warehouse: Path, rows: int, work: Path) -> dict:
    grown = work / "validate.duckdb"
    shutil.copy(warehouse, grown)
    n = _grow_outcomes(grown, rows)
    proc = subprocess.run(
        [sys.executable, "-c", _VALIDATE, str(grown), str(work / "validate_reports")],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"validation failed ({proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1]) | {"rows": n}


def _pubmed_case(tmp: Path, n: int, text_peak: float | None) -> None:
    """One PubMed XML export of ``n`` articles (the abstracts of the text corpus of that size),
    extracted once: articles/s, and peak memory beside the text corpus's (the export is parsed
    as it is streamed, so its size should add little beyond the same abstracts' working set)."""
    folder = tmp / f"pubmed_{n}"
    path = write_pubmed_export(folder / "export.xml", n)
    mb = path.stat().st_size / 1e6
    ex = _extract(folder)
    peak = max(ex["pss_peak_mb"], ex["peak_mb"])
    beside = f"; the same abstracts as text: peak {text_peak:.0f} MB" if text_peak else ""
    print(
        f"\nPubMed XML export: {ex['records']:,} articles in one {mb:.0f} MB file: "
        f"{ex['seconds']:.1f} s, {ex['records'] / ex['seconds']:.0f} articles/s, "
        f"{ex['outcomes']:,} outcomes, peak {peak:.0f} MB{beside}",
        flush=True,
    )
    shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--full-max", type=int, default=10000, help="largest size to run the full build on"
    )
    parser.add_argument(
        "--validate-rows",
        type=int,
        default=1_000_000,
        help="fct_outcomes rows to time validation on (0: skip)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="extractions per size; the fastest is reported"
    )
    parser.add_argument(
        "--pubmed",
        type=int,
        default=100_000,
        help="articles in the PubMed XML export case (0: skip)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'abstracts':>9} {'MB':>7} {'loop s':>6} {'extract s':>9} {'abstr/s':>9} {'MB/s':>6} "
        f"{'agents s':>8} {'agent/s':>8} "
        f"{'peak MB':>8} {'build s':>8} {'build/s':>8} {'exit':>4} {'report s':>8} {'rep MB':>6}"
    )
    built: Path | None = None
    text_peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"corpus_{n}"
            paths = write_corpus(folder, n)
            mb = sum(p.stat().st_size for p in paths) / 1e6
            gauge = _gauge()
            runs = [_extract(folder) for _ in range(max(1, args.repeat))]
            ex = min(runs, key=lambda r: r["seconds"]) | {
                "agent_seconds": min(r["agent_seconds"] for r in runs),
                "pss_peak_mb": max(r["pss_peak_mb"] for r in runs),
                "peak_mb": max(r["peak_mb"] for r in runs),
            }
            # the extraction's memory: the process tree's, sampled (a single process: its max RSS)
            peak = max(ex["pss_peak_mb"], ex["peak_mb"])
            text_peaks[n] = peak
            line = (
                f"{n:>9} {mb:>7.1f} {gauge:>6.2f} {ex['seconds']:>9.2f} {n / ex['seconds']:>9.0f} {mb / ex['seconds']:>6.1f} "
                f"{ex['agent_seconds']:>8.2f} {n / ex['agent_seconds']:>8.0f} "
                f"{peak:>8.0f}"
            )
            if n <= args.full_max:
                work = Path(tmp) / f"build_{n}"
                work.mkdir()
                full = _full_build(folder, work)
                line += f" {full['seconds']:>8.1f} {n / full['seconds']:>8.0f} {full['exit']:>4}"
                line += f" {full['report_seconds']:>8.1f} {full['report_mb']:>6.1f}"
                built = built or work / "wh.duckdb"
            print(line, flush=True)
        if args.pubmed:
            _pubmed_case(Path(tmp), args.pubmed, text_peaks.get(args.pubmed))
        if args.validate_rows:
            if built is None:  # (no full build ran: build the smallest corpus)
                work = Path(tmp) / "build_validate"
                work.mkdir()
                _full_build(Path(tmp) / f"corpus_{sizes[0]}", work)
                built = work / "wh.duckdb"
            v = _validate(built, args.validate_rows, Path(tmp))
            print(
                f"\nvalidation of {v['rows']:,} fct_outcomes rows: {v['seconds']:.1f} s "
                f"(+ {v['import_seconds']:.1f} s importing GX), peak {v['peak_mb']:.0f} MB, "
                f"{v['rules']} rules, {v['failed']} failed"
            )


if __name__ == "__main__":
    main()
