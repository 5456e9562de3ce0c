"""The evidence report as one self-contained HTML page: forest plots of the ratios, charts of the
medians and rates per arm, and a page per trial, every number with its sentence and offsets.

Everything is inline (the SVG charts, the style sheet, a few lines of script for the filters):
the file opens from a USB stick with no network. Large warehouses are capped per chart and in
the trial list, and each cap says how many rows it leaves out."""

from __future__ import annotations

import html
from collections.abc import Iterable

import polars as pl

from etl.evidence.plots import Row, forest_svg, values_svg
from etl.evidence.query import EvidenceData
from etl.vocab.codes import ENDPOINTS, RATIO_MEASURES

MAX_CHART_ROWS = 40  # estimates per chart (and its table): the rest are counted, not drawn
MAX_VALUE_CHARTS = 30  # charts of medians and rates: the groups with the most values
MAX_TRIALS = 300  # trial pages: named trials first
_VALUE_MEASURES = ("median", "rate")
_REGISTRY_LINK = "https://clinicaltrials.gov/study/"

_CSS = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1180px;padding:0 16px;color:#222}
h1{margin-top:18px}h2{border-bottom:2px solid #1f4e79;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px;width:100%}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f2f5f9}tr.conflict td{background:#fdecea}
td.evidence{color:#555;font-size:12px}td.evidence small{color:#888}
.num{border-bottom:1px dotted #1f4e79;cursor:help}
.more{font-style:italic;color:#7a4b00}.flag{color:#c0392b;font-size:12px}.muted{color:#777}
#filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #ddd}
#filters label{margin-right:14px}figure{margin:8px 0}figure svg{max-width:100%;height:auto}
nav ul{columns:3}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
dt{font-weight:600}dd{margin:0}.hidden{display:none}
"""

# hides what does not match the chosen condition, agent and endpoint (a row or section without
# the attribute is not filtered by it); the choice may come with the address (?endpoint=OS)
_SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  function matches(el, key, value) {
    if (!value) return true;
    var have = el.getAttribute('data-' + key);
    return have === null || have.split('|').indexOf(value) >= 0;
  }
  function apply() {
    var c = form.condition.value, a = form.agent.value, e = form.endpoint.value;
    var items = document.querySelectorAll('[data-filtered]');
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var show = matches(el, 'condition', c) && matches(el, 'agents', a) && matches(el, 'endpoint', e);
      el.classList.toggle('hidden', !show);
    }
  }
  form.addEventListener('change', apply);
  // a filtered view can be linked: evidence.html?endpoint=OS&condition=melanoma
  var query = new URLSearchParams(window.location.search);
  ['condition', 'agent', 'endpoint'].forEach(function (key) {
    if (query.has(key)) form[key].value = query.get(key);
  });
  apply();
})();
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _interval(lower: float | None, upper: float | None, level: float | None) -> str:
    if lower is None or upper is None:
        return ""
    return f"{_num(lower)}–{_num(upper)}" + (f" ({level:g}%)" if level else "")


def _p(value: float | None, operator: str | None) -> str:
    return "" if value is None else f"p {operator or '='} {value:g}"


def _source(o: dict) -> str:
    return f"{o['source_file']} [{o['char_start']}:{o['char_end']}]"


def _hover(o: dict) -> str:
    """What a number shows on hover: its sentence, its file and offsets."""
    return f"{o['evidence_text']} — {_source(o)}"


def _trial_agents(data: EvidenceData) -> dict[str, list[str]]:
    exploded = data.arms.select("trial_id", "agents").explode("agents").drop_nulls()
    return {
        t: sorted(set(agents))
        for t, agents in exploded.group_by("trial_id").agg("agents").iter_rows()
    }


def _groups(o: dict) -> str:
    """The groups a number is of: "A vs B", "A", "all patients"; its subgroup in brackets."""
    groups = " vs ".join(g for g in (o["arm_label"], o["comparator_label"]) if g) or "all patients"
    return groups + (f" [{o['subgroup_label']}]" if o.get("subgroup_label") else "")


def _label(o: dict) -> str:
    return f"{o['trial_name'] or 'unnamed study'}: {_groups(o)}"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _attrs(o: dict, agents: dict[str, list[str]]) -> str:
    return (
        f' data-filtered data-condition="{_e(o["condition"])}"'
        f' data-agents="{_e("|".join(agents.get(o["trial_id"] or "", [])))}"'
        f' data-endpoint="{_e(o["endpoint"])}"'
    )


def _rows_table(rows: list[dict], agents: dict[str, list[str]]) -> str:
    head = (
        "<tr><th>Trial</th><th>Groups</th><th>Value</th><th>CI</th><th>p</th>"
        "<th>Condition</th><th>Evidence</th></tr>"
    )
    body = []
    for o in rows:
        conflict = " conflict" if o["in_conflict"] else ""
        note = "" if o["ci_lower"] is not None else ' <span class="muted">(no CI stated)</span>'
        if o["in_conflict"]:  # (said in words too, not by colour alone)
            note += ' <span class="flag">⚑ another source disagrees</span>'
        body.append(
            f'<tr class="estimate{conflict}" data-outcome-id="{_e(o["outcome_id"])}"'
            f'{_attrs(o, agents)} title="{_e(_hover(o))}">'
            f"<td>{_e(o['trial_name'] or 'unnamed study')}</td>"
            f"<td>{_e(_groups(o))}</td>"
            f"<td>{_e(_num(o['value']))}{note}</td>"
            f"<td>{_e(_interval(o['ci_lower'], o['ci_upper'], o['ci_level']))}</td>"
            f"<td>{_e(_p(o['p_value'], o['p_operator']))}</td>"
            f"<td>{_e(o['condition'])}</td>"
            f'<td class="evidence">{_e(o["evidence_text"])} <small>{_e(_source(o))}</small></td></tr>'
        )
    return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def _more(total: int, shown: int, what: str) -> str:
    if total <= shown:
        return ""
    return f'<p class="more">… and {total - shown} more {what}, not drawn (fct_outcomes holds them all)</p>'


def _chart_rows(rows: list[dict], group: str) -> list[Row]:
    """Chart rows, a heading row wherever ``group`` changes."""
    out: list[Row] = []
    last = None
    for o in rows:
        if o[group] != last:
            last = o[group]
            out.append(Row(_short(str(last or "unnamed study")), 0.0, None, None, heading=True))
        bare = " (no CI)" if o["ci_lower"] is None or o["ci_upper"] is None else ""
        out.append(
            Row(
                _short(_label(o), 60 - len(bare)) + bare,
                o["value"],
                o["ci_lower"],
                o["ci_upper"],
                o["in_conflict"],
            )
        )
    return out


def forest_sections(data: EvidenceData, agents: dict[str, list[str]]) -> list[str]:
    """A forest plot per endpoint and ratio measure with two estimates or more: rows grouped by
    condition and sorted by estimate."""
    ratios = data.outcomes.filter(
        pl.col("measure").is_in(sorted(RATIO_MEASURES)) & (pl.col("value") > 0)
    )
    sections = []
    for (endpoint, measure), frame in sorted(
        ratios.group_by("endpoint", "measure"), key=lambda g: (str(g[0][0]), str(g[0][1]))
    ):
        if frame.height < 2:
            continue
        ordered = frame.sort("condition", "value", "outcome_id").to_dicts()
        shown = ordered[:MAX_CHART_ROWS]
        # (a bound at or below 0 has no place on a log axis: such a row is in the table only)
        plotted = [o for o in shown if o["ci_lower"] is None or o["ci_lower"] > 0]
        title = f"{endpoint} — {measure.replace('_', ' ')}"
        sections.append(
            f'<section class="forest plot" id="forest-{_e(endpoint)}-{_e(measure)}"'
            f' data-filtered data-endpoint="{_e(endpoint)}" data-measure="{_e(measure)}"'
            f' data-total="{frame.height}">'
            f"<h3>{_e(title)} ({frame.height} estimates; {_e(ENDPOINTS.get(endpoint, ''))})</h3>"
            f"<figure>{forest_svg(_chart_rows(plotted, 'condition'), title)}</figure>"
            f"{_more(frame.height, len(shown), 'estimates')}"
            f"{_rows_table(shown, agents)}</section>"
        )
    return sections


def value_sections(data: EvidenceData, agents: dict[str, list[str]]) -> list[str]:
    """Per endpoint, measure (median, rate), unit and time point: each arm's value with its CI,
    grouped by trial, so that experimental and control arms sit side by side. A chart is drawn
    for the MAX_VALUE_CHARTS groups with the most values (two or more); the other groups are
    named in a closing line (their values are on the trial pages)."""
    values = data.outcomes.filter(pl.col("measure").is_in(_VALUE_MEASURES))
    keys = ("endpoint", "measure", "unit", "timepoint_months")
    groups = [(key, frame) for key, frame in values.group_by(*keys) if frame.height >= 2]
    drawn = sorted(groups, key=lambda g: (-g[1].height, tuple(map(str, g[0]))))[:MAX_VALUE_CHARTS]
    sections = []
    for key, frame in sorted(drawn, key=lambda g: tuple(map(str, g[0]))):
        endpoint, measure, unit, timepoint = key
        ordered = frame.sort("study", "trial_id", "arm_label", nulls_last=True).to_dicts()
        shown = ordered[:MAX_CHART_ROWS]
        title = _value_title(endpoint, measure, unit, timepoint)
        sections.append(
            f'<section class="values plot" data-filtered data-endpoint="{_e(endpoint)}"'
            f' data-measure="{_e(measure)}" data-total="{frame.height}">'
            f"<h3>{_e(title)} ({frame.height} values)</h3>"
            f"<figure>{values_svg(_chart_rows(shown, 'study'), title)}</figure>"
            f"{_more(frame.height, len(shown), 'values')}"
            f"{_rows_table(shown, agents)}</section>"
        )
    left = values.height - sum(frame.height for _, frame in drawn)
    if left:
        sections.append(
            f'<p class="more">… and {left} more values not charted: smaller groups and single '
            "values (fct_outcomes holds them all; a trial's are on its page)</p>"
        )
    return sections


def _value_title(endpoint: str, measure: str, unit: str | None, timepoint: float | None) -> str:
    at = f" at {timepoint:g} months" if timepoint is not None else ""
    return f"{endpoint} — {measure}{at} ({unit})"


def _trial_name(t: dict) -> str:
    if t["acronym"] or t["nct_id"]:
        return " / ".join(x for x in (t["acronym"], t["nct_id"]) if x)
    return f"Unnamed study: {_short(t['title'] or t['trial_id'], 90)}"


def _identity(t: dict) -> str:
    nct = (
        f'<a href="{_REGISTRY_LINK}{_e(t["nct_id"])}">{_e(t["nct_id"])}</a>' if t["nct_id"] else ""
    )
    fields = [
        ("Acronym", _e(t["acronym"])),
        ("NCT", nct),
        ("Title", _e(t["title"])),
        ("Phase", _e(t["phase"])),
        ("Design", _e(t["design"])),
        ("Randomised", _e(t["is_randomized"])),
        ("Blinding", _e(t["blinding"])),
        ("Condition", _e(t["condition"])),
        ("Enrolment", _e(t["n_enrolled"])),
        ("Status", _e(t["status"])),
        ("Sponsor", _e(t["sponsor"])),
        ("Sources", _e(", ".join(t["sources"] or []))),
    ]
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in fields if v) + "</dl>"


def _arms_table(arms: list[dict]) -> str:
    if not arms:
        return '<p class="muted">No arms identified.</p>'
    rows = "".join(
        f"<tr><td>{_e(a['label'])}</td><td>{_e(a['n_patients'])}</td><td>{_e(a['regimen'])}</td>"
        f"<td>{_e(', '.join(a['agents'] or []))}</td></tr>"
        for a in arms
    )
    return (
        "<table><thead><tr><th>Arm</th><th>n</th><th>Regimen</th><th>Agents</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _outcomes_table(outcomes: list[dict]) -> str:
    if not outcomes:
        return '<p class="muted">No result numbers read for this trial.</p>'
    rows = []
    for o in outcomes:
        at = f"{o['timepoint_months']:g} mo" if o["timepoint_months"] is not None else ""
        rows.append(
            f'<tr class="outcome{" conflict" if o["in_conflict"] else ""}"'
            f' data-outcome-id="{_e(o["outcome_id"])}" data-filtered'
            f' data-endpoint="{_e(o["endpoint"])}">'
            f"<td>{_e(o['endpoint'])}</td><td>{_e(o['measure'])}</td><td>{_e(at)}</td>"
            f"<td>{_e(o['arm_label'])}</td><td>{_e(o['comparator_label'])}</td>"
            f'<td><span class="num" title="{_e(_hover(o))}">{_e(_num(o["value"]))}</span>'
            f" {_e(o['unit'])}</td>"
            f"<td>{_e(_interval(o['ci_lower'], o['ci_upper'], o['ci_level']))}</td>"
            f"<td>{_e(_p(o['p_value'], o['p_operator']))}</td>"
            f"<td>{_e(o['subgroup_label'])}</td><td>{_e(o['source_kind'])}</td></tr>"
        )
    head = (
        "<tr><th>Endpoint</th><th>Measure</th><th>Time</th><th>Arm</th><th>Comparator</th>"
        "<th>Value</th><th>CI</th><th>p</th><th>Subgroup</th><th>Source</th></tr>"
    )
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def trial_sections(data: EvidenceData, agents: dict[str, list[str]]) -> tuple[list[str], str]:
    """A section per trial (the first MAX_TRIALS: named trials first) and the index to them."""
    arms = {k[0]: g.to_dicts() for k, g in data.arms.group_by("trial_id")}
    outcomes = {
        k[0]: g.sort("endpoint", "measure", "arm_label", nulls_last=True).to_dicts()
        for k, g in data.outcomes.filter(pl.col("trial_id").is_not_null()).group_by("trial_id")
    }
    trials = data.trials.to_dicts()
    shown = trials[:MAX_TRIALS]
    sections, index = [], []
    for t in shown:
        tid = t["trial_id"]
        endpoints = sorted({o["endpoint"] for o in outcomes.get(tid, [])})
        attrs = (
            f' data-filtered data-condition="{_e(t["condition"] or "condition not stated")}"'
            f' data-agents="{_e("|".join(agents.get(tid, [])))}"'
            f' data-endpoint="{_e("|".join(endpoints))}"'
        )
        name = _trial_name(t)
        index.append(f'<li{attrs}><a href="#trial-{_e(tid)}">{_e(name)}</a></li>')
        sections.append(
            f'<section class="trial" id="trial-{_e(tid)}"{attrs}><h3>{_e(name)}</h3>'
            f"{_identity(t)}<h4>Arms</h4>{_arms_table(arms.get(tid, []))}"
            f"<h4>Outcomes</h4>{_outcomes_table(outcomes.get(tid, []))}</section>"
        )
    more = ""
    if len(trials) > len(shown):
        more = (
            f'<p class="more">… and {len(trials) - len(shown)} more trials (dim_trials holds '
            "them all)</p>"
        )
    return sections, f"<ul>{''.join(index)}</ul>{more}"


def _options(values: Iterable[str]) -> str:
    return "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in sorted(set(values)))


def render_evidence(data: EvidenceData) -> str:
    """The whole report."""
    agents = _trial_agents(data)
    forests = forest_sections(data, agents)
    values = value_sections(data, agents)
    trials, index = trial_sections(data, agents)
    conditions = data.outcomes.get_column("condition").drop_nulls().to_list()
    all_agents = [a for names in agents.values() for a in names]
    endpoints = data.outcomes.get_column("endpoint").drop_nulls().to_list()
    filters = (
        '<form id="filters"><label>Condition <select name="condition"><option value="">all'
        f"</option>{_options(conditions)}</select></label>"
        '<label>Agent <select name="agent"><option value="">all</option>'
        f"{_options(all_agents)}</select></label>"
        '<label>Endpoint <select name="endpoint"><option value="">all</option>'
        f"{_options(endpoints)}</select></label></form>"
    )
    summary = (
        f"{data.trials.height} trials, {data.outcomes.height} result numbers, "
        f"{len(forests)} forest plots, {len(values)} charts of medians and rates. Hover a number "
        "for the sentence it was read from, its file and offsets; rows in red disagree with "
        "another source (fct_outcome_conflicts)."
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence report</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body><h1>Evidence report</h1><p>{_e(summary)}</p>{filters}
<nav><h2>Contents</h2><ul><li><a href="#forest">Forest plots</a></li>
<li><a href="#values">Medians and rates</a></li><li><a href="#trials">Trials</a></li></ul></nav>
<section id="forest"><h2>Forest plots</h2>{"".join(forests) or '<p class="muted">No endpoint has two ratio estimates.</p>'}</section>
<section id="values"><h2>Medians and rates</h2>{"".join(values) or '<p class="muted">No medians or rates.</p>'}</section>
<section id="trials"><h2>Trials</h2>{index}{"".join(trials)}</section>
<script>{_SCRIPT}</script></body></html>
"""
