"""A synthetic corpus of trial abstracts, deterministic for a seed, shaped like PubMed text:
labelled sections, results sentences with medians, CIs, hazard ratios, rates and p-values."""

from __future__ import annotations

import random
from pathlib import Path

_DRUGS = [
    "sorafenib",
    "lenvatinib",
    "regorafenib",
    "cabozantinib",
    "atezolizumab",
    "durvalumab",
    "nivolumab",
    "placebo",
]
_CONDITIONS = [
    "hepatocellular carcinoma",
    "biliary tract cancer",
    "renal cell carcinoma",
    "desmoid tumour",
]
_ENDPOINTS = ["overall survival", "progression-free survival", "time to progression"]


def _num(rng: random.Random, lo: float, hi: float, digits: int = 1) -> str:
    return f"{rng.uniform(lo, hi):.{digits}f}"


def abstract(rng: random.Random) -> str:
    a, b = rng.sample(_DRUGS, 2)
    cond, end = rng.choice(_CONDITIONS), rng.choice(_ENDPOINTS)
    n_a, n_b = rng.randint(20, 600), rng.randint(20, 600)
    med_a, med_b = float(_num(rng, 2, 30)), float(_num(rng, 2, 30))
    hr = float(_num(rng, 0.3, 1.3, 2))
    lo, hi = f"{hr * 0.8:.2f}", f"{hr * 1.2:.2f}"
    # a p-value that agrees with the interval (below 0.05 exactly when it excludes 1)
    significant = float(hi) < 1 or float(lo) > 1
    p = rng.choice(["0.001", ".0245", "<0.001"] if significant else ["0.31", "0.47", ".082"])
    sentences = [
        f"BACKGROUND: {a.capitalize()} has shown activity in {cond}, but its benefit over {b} is unclear.",
        f"METHODS: In this randomised, open-label, phase {rng.choice(['2', '3', 'III', 'II'])} trial, "
        f"{n_a + n_b} patients were randomly assigned to {a} (n={n_a}) or {b} (n={n_b}).",
        f"RESULTS: Median {end} was {med_a} months (95% CI, {med_a * 0.8:.1f} to {med_a * 1.2:.1f}) with {a} "
        f"and {med_b} months (95% CI, {med_b * 0.8:.1f} to {med_b * 1.2:.1f}) with {b}.",
        f"The hazard ratio for {a} versus {b} was {hr} (95% CI {lo}-{hi}; P={p}).",
        f"Objective responses occurred in {_num(rng, 1, 60)}% vs. {_num(rng, 1, 60)}% of patients, respectively.",
        f"Grade 3/4 adverse events occurred in {_num(rng, 10, 70)}% and {_num(rng, 10, 70)}% of patients.",
        f"CONCLUSIONS: {a.capitalize()} {'improved' if hr < 1 else 'did not improve'} {end} in {cond}.",
    ]
    return " ".join(sentences)


def write_corpus(folder: Path, n_abstracts: int, per_file: int = 1000, seed: int = 7) -> list[Path]:
    """Abstract collections of ``per_file`` abstracts each (one abstract per line)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, start in enumerate(range(0, n_abstracts, per_file)):
        count = min(per_file, n_abstracts - start)
        path = folder / f"synthetic_{i:05d}.txt"
        path.write_text("\n".join(abstract(rng) for _ in range(count)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
