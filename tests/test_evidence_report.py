"""The evidence report (reports/evidence.html): forest plots, charts of medians and rates, trial
pages; self-contained, and true to fct_outcomes row for row."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.evidence import page
from etl.evidence.query import EvidenceData
from etl.quality.offline import linked_site, offline_html

_ROW = re.compile(
    r'<tr class="estimate[^"]*" data-outcome-id="(?P<id>[^"]+)"[^>]*>(?P<cells>.*?)</tr>', re.S
)
_FOREST = re.compile(
    r'<section class="forest plot" id="forest-(?P<endpoint>[^"-]+)-(?P<measure>[^"]+)"'
    r'[^>]*data-total="(?P<total>\d+)">(?P<body>.*?)</section>',
    re.S,
)
_URL = re.compile(
    r"""<(?P<tag>\w+)\b[^>]*?\b(?P<attr>src|href)\s*=\s*["'](?P<url>(?:https?:)?//[^"']+)""", re.I
)


def _query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def report(seed_build) -> tuple[str, Path, Path]:
    result, warehouse, reports = seed_build
    assert result.exit_code in (0, 3), result.output
    assert "evidence report:" in result.output and "NOT WRITTEN" not in result.output
    return (reports / "evidence.html").read_text(encoding="utf-8"), warehouse, reports


def test_each_forest_plot_holds_every_matching_outcome_with_its_evidence(report):
    text, warehouse, _ = report
    forests = list(_FOREST.finditer(text))
    assert forests, "the seeds hold hazard ratios: there must be a forest plot"
    expected = dict(
        ((e, m), n)
        for e, m, n in _query(
            warehouse,
            "select endpoint, measure, count(*) from fct_outcomes where measure in "
            "('hazard_ratio', 'odds_ratio', 'risk_ratio') and value > 0 group by all "
            "having count(*) >= 2",
        )
    )
    assert {(f["endpoint"], f["measure"]) for f in forests} == set(expected)
    evidence = dict(_query(warehouse, "select outcome_id, evidence_text from fct_outcomes"))
    for f in forests:
        rows = list(_ROW.finditer(f["body"]))
        assert int(f["total"]) == expected[(f["endpoint"], f["measure"])] == len(rows)
        assert "<svg" in f["body"]
        for row in rows:  # every row carries its sentence, as fct_outcomes has it
            assert html.escape(evidence[row["id"]]) in row["cells"]


def test_the_report_fetches_nothing_from_the_network(report):
    _, _, reports = report
    pages = list(reports.rglob("*.html"))
    assert any(p.name == "evidence.html" for p in pages) and len(pages) > 2  # (+ Data Docs)
    for path in pages:
        for m in _URL.finditer(path.read_text(encoding="utf-8")):
            # only plain links to registries and PubMed; nothing loaded
            assert m["tag"].lower() == "a" and linked_site(m["url"]), (path, m.group(0))
        assert "@import" not in path.read_text(encoding="utf-8")


def test_offline_html_keeps_registry_links_and_drops_what_loads():
    dirty = (
        '<link rel="stylesheet" href="https://cdn.example.org/x.css">'
        '<script src="https://cdn.example.org/x.js"></script><img src="//cdn.example.org/l.png">'
        '<a href="https://clinicaltrials.gov/study/NCT01234567">NCT01234567</a>'
        '<a href="https://vendor.example.com/newsletter">news</a><a href="#top">top</a>'
    )
    assert offline_html(dirty) == (
        '<a href="https://clinicaltrials.gov/study/NCT01234567">NCT01234567</a>'
        '<a>news</a><a href="#top">top</a>'
    )


def _outcome(i: int, **fields) -> dict:
    row = {
        "outcome_id": f"out_{i}",
        "trial_id": "trial_a",
        "source_file": "a.txt",
        "source_kind": "publication",
        "endpoint": "OS",
        "endpoint_label": "overall survival",
        "measure": "hazard_ratio",
        "value": 0.5 + i / 100,
        "unit": "ratio",
        "timepoint_months": None,
        "ci_level": 95.0,
        "ci_lower": 0.4,
        "ci_upper": 0.9 + i / 100,
        "p_value": 0.01,
        "p_operator": "=",
        "arm_label": "drug A",
        "comparator_label": "placebo",
        "subgroup_label": None,
        "evidence_text": f"The hazard ratio was {0.5 + i / 100:g} in sentence {i}.",
        "char_start": 10 * i,
        "char_end": 10 * i + 9,
        "trial_name": "ORCA-7",
        "study": "ORCA-7",
        "condition": "melanoma",
        "in_conflict": False,
    }
    return row | fields


def _data(outcomes: list[dict]) -> EvidenceData:
    trials = pl.DataFrame(
        [
            {
                "trial_id": "trial_a",
                "acronym": "ORCA-7",
                "nct_id": "NCT01234567",
                "title": "Drug A versus placebo",
                "phase": "3",
                "is_randomized": True,
                "blinding": "double-blind",
                "design": "randomised trial",
                "n_enrolled": 400,
                "condition": "melanoma",
                "status": None,
                "sponsor": None,
                "n_sources": 1,
                "sources": ["a.txt"],
            }
        ]
    )
    arms = pl.DataFrame(
        [
            {
                "arm_id": "arm_1",
                "trial_id": "trial_a",
                "label": "drug A",
                "n_patients": 200,
                "regimen": "drug A 10 mg",
                "agents": ["drug a"],
            },
        ]
    )
    return EvidenceData(pl.DataFrame(outcomes), trials, arms)


def test_a_long_forest_plot_says_how_many_rows_it_leaves_out(monkeypatch):
    monkeypatch.setattr(page, "MAX_CHART_ROWS", 5)
    text = page.render_evidence(_data([_outcome(i) for i in range(12)]))
    (forest,) = _FOREST.finditer(text)
    assert forest["total"] == "12" and len(list(_ROW.finditer(forest["body"]))) == 5
    assert "… and 7 more estimates" in forest["body"]


def test_an_estimate_without_its_interval_says_so_and_a_conflict_is_marked():
    rows = [
        _outcome(0, ci_lower=None, ci_upper=None, ci_level=None),
        _outcome(1, in_conflict=True),
    ]
    text = page.render_evidence(_data(rows))
    (forest,) = _FOREST.finditer(text)
    first, second = list(_ROW.finditer(forest["body"]))
    assert "(no CI stated)" in first["cells"]
    assert 'class="estimate conflict"' in forest["body"] and "no CI" not in second["cells"]
    assert "another source disagrees" in second["cells"]
    assert "(no CI)</text>" in forest["body"]  # (the plot's own label says it too)


def test_a_single_ratio_gets_no_forest_plot_but_its_trial_page_shows_it():
    text = page.render_evidence(_data([_outcome(0)]))
    assert not list(_FOREST.finditer(text))
    assert 'id="trial-trial_a"' in text and "The hazard ratio was 0.5 in sentence 0." in text
    assert 'href="https://clinicaltrials.gov/study/NCT01234567"' in text


_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_CHROMIUM is None, reason="no Chromium here (.ci/run installs it)")
def test_the_report_renders_in_a_real_browser(report, tmp_path):
    text, _, reports = report
    url = (reports / "evidence.html").resolve().as_uri()
    flags = [
        _CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1280,4000",
    ]
    dom = subprocess.run(
        [*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    )
    # the page's script ran without an error (Chromium logs one as 'CONSOLE … "Uncaught …"')
    assert "Uncaught" not in dom.stderr, dom.stderr
    himalaya = [
        r
        for r in _ROW.finditer(dom.stdout)
        if "HIMALAYA" in r["cells"]
        and "STRIDE vs sorafenib" in r["cells"]
        and "0.65–0.93" in r["cells"]
    ]
    assert himalaya, "the HIMALAYA OS hazard ratio row (0.78, 0.65–0.93) is in the rendered page"
    rendered = sum(len(list(_ROW.finditer(f["body"]))) for f in _FOREST.finditer(dom.stdout))
    assert rendered == sum(len(list(_ROW.finditer(f["body"]))) for f in _FOREST.finditer(text))
    # the filters: a view of one endpoint hides the other endpoints' plots and rows
    filtered = subprocess.run(
        [*flags, "--dump-dom", url + "?endpoint=AE"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert re.search(r'<section class="forest plot hidden" id="forest-OS-hazard_ratio"', filtered)
    assert re.search(r'<section class="values plot" data-filtered="" data-endpoint="AE"', filtered)
    shot = tmp_path / "reports" / "evidence.png"
    shot.parent.mkdir()
    subprocess.run(
        [*flags, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_medians_are_charted_for_the_largest_groups_and_the_rest_counted(monkeypatch):
    monkeypatch.setattr(page, "MAX_VALUE_CHARTS", 1)
    median = {"measure": "median", "unit": "months", "ci_lower": None, "ci_upper": None}
    rows = [
        *(_outcome(i, **median, arm_label=f"arm {i}") for i in range(3)),  # OS medians: 3
        *(_outcome(10 + i, **median, endpoint="PFS") for i in range(2)),  # PFS medians: 2
        _outcome(20, **median, endpoint="DOR"),  # a single value: never charted
    ]
    text = page.render_evidence(_data(rows))
    charts = re.findall(r'<section class="values plot"[^>]*data-endpoint="(\w+)"', text)
    assert charts == ["OS"]
    assert "… and 3 more values not charted" in text


def _svg_width_pt(svg: str) -> float:
    return float(re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"', svg)[1])


def test_a_chart_is_as_wide_as_its_longest_label_needs():
    """Labels are measured before drawing: a chart whose longest label is longer is wider by at
    least what that label takes when drawn (wide capitals included), so no label is cut at the
    figure's edge."""
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from etl.evidence.plots import Row, values_svg

    added = " MW-4 WIDE CAPITALS MMWW"
    short = [Row("A vs B", 1.0, 0.5, 1.5), Row("C vs D", 2.0, None, None)]
    longer = [Row("A vs B" + added, 1.0, 0.5, 1.5), short[1]]
    grown = _svg_width_pt(values_svg(longer, "x")) - _svg_width_pt(values_svg(short, "x"))
    fig = plt.figure(dpi=72)
    canvas = FigureCanvasAgg(fig)
    drawn = fig.text(0, 0, added, fontsize=plt.rcParams["font.size"])
    needed = drawn.get_window_extent(canvas.get_renderer()).width  # (points, at 72 dpi)
    plt.close(fig)
    assert needed * 0.97 <= grown <= needed * 1.1
    assert "WIDE CAPITALS" in values_svg(longer, "x")  # (text kept as text)
