"""A synthetic corpus of trial abstracts, deterministic for a seed, shaped like PubMed text:
labelled sections, results sentences with medians, CIs, hazard ratios, rates and p-values; as
text files of abstracts, or as one PubMed XML export."""

from __future__ import annotations

import random
import re
from pathlib import Path
from xml.sax.saxutils import escape

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


_LABEL = re.compile(r"\b(BACKGROUND|METHODS|RESULTS|CONCLUSIONS): ")


def _article(rng: random.Random, pmid: int) -> str:
    """One PubmedArticle as efetch writes it: the abstract's labelled sections as AbstractText
    elements (their text escaped), with the ids and fields the reader takes."""
    parts = _LABEL.split(abstract(rng))[1:]
    sections = "".join(
        f'\n        <AbstractText Label="{label}" NlmCategory="{label}">{escape(text.strip())}'
        "</AbstractText>"
        for label, text in zip(parts[::2], parts[1::2], strict=True)
    )
    year = 2000 + pmid % 25
    return f"""<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">{pmid}</PMID>
    <Article PubModel="Print">
      <Journal><Title>Journal of Synthetic Oncology</Title>
        <JournalIssue><PubDate><Year>{year}</Year></PubDate></JournalIssue></Journal>
      <ArticleTitle>Synthetic randomised trial report {pmid}.</ArticleTitle>
      <Abstract>{sections}
      </Abstract>
      <AuthorList><Author><LastName>Author</LastName><Initials>A</Initials></Author></AuthorList>
      <PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList>
    <ArticleId IdType="pubmed">{pmid}</ArticleId>
    <ArticleId IdType="doi">10.5555/synthetic.{pmid}</ArticleId>
  </ArticleIdList></PubmedData>
</PubmedArticle>
"""


def write_pubmed_export(path: Path, n_articles: int, seed: int = 7) -> Path:
    """One PubMed XML export (``PubmedArticleSet``) of ``n_articles`` articles, holding the same
    abstracts as ``write_corpus`` with the same seed, written as it is generated."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
        for i in range(n_articles):
            out.write(_article(rng, 30_000_000 + i))
        out.write("</PubmedArticleSet>\n")
    return path
