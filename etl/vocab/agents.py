"""The reference vocabulary of interventions (etl/vocab/agents.csv), declared once.

Each row is an agent by its lower-case INN (or a procedure's name) with its synonyms: brand names,
development codes, abbreviations, and regimen names that contain it ("STRIDE" lists both
tremelimumab and durvalumab). The extractor matches these; dbt reads the same rows from
``raw.agent_vocab`` for classes and modalities.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import polars as pl

AGENTS_CSV = Path(__file__).with_name("agents.csv")
# regimen acronyms and their components: what no drug lexicon holds ("FOLFOX" -> fluorouracil,
# leucovorin, oxaliplatin); a regimen named in a text names each of its components
REGIMENS_CSV = Path(__file__).with_name("regimens.csv")
# rows of agents.csv that are comparators, not agents: their forms are read (so that no other
# match takes their place) but name no agent
NOT_AGENTS = frozenset({"best supportive care"})

# International non-proprietary name stems of drug classes common in oncology: a word carrying one
# is a drug even when the vocabulary does not know it yet (it is kept, marked unclassified).
INN_STEMS = (
    "tinib", "fenib", "ciclib", "lisib", "parib", "zomib", "degib",
    "mab", "cept", "platin", "taxel", "rubicin", "tecan", "mustine", "citabine",
)  # fmt: skip


def agent_vocab() -> pl.DataFrame:
    """The vocabulary as a frame: name, synonyms ('|'-separated), agent_class, targets, modality."""
    frame = pl.read_csv(AGENTS_CSV, infer_schema=False).with_columns(
        pl.col("synonyms", "targets").fill_null("")
    )
    return frame


def regimens() -> pl.DataFrame:
    """The regimens: regimen, components and synonyms ('|'-separated)."""
    return pl.read_csv(REGIMENS_CSV, infer_schema=False).with_columns(
        pl.col("synonyms").fill_null("")
    )


# Class and modality of an agent our file does not list, from its INN: (stem, class, modality),
# the first that the name ends with (or, for a stem ending in a space, starts with) wins. A
# conjugate's payload and a radionuclide are asked before the antibody's -mab they follow.
_NUCLIDES = ("lutetium ", "radium", "yttrium", "samarium", "strontium", "iodine i 131")
INN_CLASSES: tuple[tuple[str, str, str], ...] = (
    *(
        (payload, "antibody-drug conjugate", "antibody-drug conjugate")
        for payload in (
            "vedotin", "deruxtecan", "govitecan", "ozogamicin", "emtansine", "mafodotin",
            "tesirine", "soravtansine", "duocarmazine", "tirumotecan",
        )
    ),
    *(
        (nuclide, "radiopharmaceutical", "radiopharmaceutical")
        for nuclide in _NUCLIDES
    ),
    ("leucel", "CAR-T or cell therapy", "cell therapy"),
    ("leucel-t", "cell vaccine", "cell therapy"),
    ("mab", "monoclonal antibody", "antibody"),
    ("ciclib", "CDK4/6 inhibitor", "small molecule"),
    ("parib", "PARP inhibitor", "small molecule"),
    ("lisib", "PI3K inhibitor", "small molecule"),
    ("degib", "hedgehog pathway inhibitor", "small molecule"),
    ("zomib", "proteasome inhibitor", "small molecule"),
    ("rafenib", "RAF kinase inhibitor", "small molecule"),
    ("tinib", "kinase inhibitor", "small molecule"),
    ("fenib", "kinase inhibitor", "small molecule"),
    ("nib", "kinase inhibitor", "small molecule"),
    ("limus", "mTOR inhibitor", "small molecule"),
    ("clax", "BCL-2 inhibitor", "small molecule"),
    ("platin", "platinum compound", "small molecule"),
    ("taxel", "taxane", "small molecule"),
    ("rubicin", "anthracycline", "small molecule"),
    ("antrone", "anthracenedione", "small molecule"),
    ("tecan", "topoisomerase I inhibitor", "small molecule"),
    ("poside", "topoisomerase II inhibitor", "small molecule"),
    ("citabine", "antimetabolite", "small molecule"),
    ("citidine", "hypomethylating agent", "small molecule"),
    ("purine", "antimetabolite", "small molecule"),
    ("trexate", "antifolate", "small molecule"),
    ("trexed", "antifolate", "small molecule"),
    ("uracil", "antimetabolite", "small molecule"),
    ("mustine", "alkylating agent", "small molecule"),
    ("phosphamide", "alkylating agent", "small molecule"),
    ("bazine", "alkylating agent", "small molecule"),
    ("zolomide", "alkylating agent", "small molecule"),
    ("domide", "immunomodulatory drug", "small molecule"),
    ("mycin", "cytotoxic antibiotic", "small molecule"),
    *((s, "vinca alkaloid", "small molecule") for s in ("cristine", "blastine", "relbine", "desine", "flunine")),
    ("arabine", "antimetabolite", "small molecule"),
    ("uridine", "antimetabolite", "small molecule"),
    ("piracil", "thymidine phosphorylase inhibitor", "small molecule"),
    ("vorin", "folate analogue (modulates fluorouracil)", "small molecule"),
    ("lutamide", "anti-androgen", "hormonal"),
    ("terone", "androgen synthesis inhibitor", "hormonal"),
    ("rozole", "aromatase inhibitor", "hormonal"),
    ("estane", "aromatase inhibitor", "hormonal"),
    ("strant", "selective oestrogen receptor degrader", "hormonal"),
    ("oxifen", "selective oestrogen receptor modulator", "hormonal"),
    ("oxifene", "selective oestrogen receptor modulator", "hormonal"),
    ("relin", "GnRH agonist", "hormonal"),
    ("relix", "GnRH antagonist", "hormonal"),
    ("asone", "corticosteroid", "small molecule"),
    ("isone", "corticosteroid", "small molecule"),
    ("olone", "corticosteroid", "small molecule"),
    ("grastim", "granulocyte colony-stimulating factor", "other"),
    ("leukin", "interleukin", "other"),
    ("cept", "fusion protein", "other"),
    ("aspargase", "asparagine-depleting enzyme", "other"),
    ("asparaginase", "asparagine-depleting enzyme", "other"),
)  # fmt: skip


def classify(name: str) -> tuple[str, str] | None:
    """(agent_class, modality) of an agent by its INN (INN_CLASSES), None when no stem says."""
    words = name.lower().split()
    for stem, agent_class, modality in INN_CLASSES:
        if stem in _NUCLIDES:  # (a radionuclide names its drug first: "lutetium lu 177 ...")
            if name.lower().startswith(stem):
                return agent_class, modality
        elif any(w.endswith(stem) for w in words):
            return agent_class, modality
    return None


def agent_vocab_for(names: list[str]) -> pl.DataFrame:
    """agent_vocab, with a row for each of ``names`` it does not list that classify() places
    (class and modality from the INN's stem); the others stay out (dim_agents: unclassified)."""
    vocab = agent_vocab()
    listed = set(vocab.get_column("name"))
    rows = [
        {"name": n, "synonyms": "", "agent_class": c[0], "targets": "", "modality": c[1]}
        for n in sorted(set(names) - listed)
        if (c := classify(n)) is not None
    ]
    return pl.concat([vocab, pl.DataFrame(rows, schema=vocab.schema)]) if rows else vocab


@cache
def synonym_index() -> dict[str, tuple[str, ...]]:
    """Every written form (name or synonym, as declared) → the agents it stands for: a regimen's
    forms stand for its components; a comparator's (NOT_AGENTS) for none."""
    index: dict[str, list[str]] = {}
    for row in agent_vocab().iter_rows(named=True):
        forms = [row["name"], *filter(None, row["synonyms"].split("|"))]
        for form in forms:
            names = index.setdefault(form, [])
            if row["name"] not in NOT_AGENTS:
                names.append(row["name"])
    for row in regimens().iter_rows(named=True):
        for form in [row["regimen"], *filter(None, row["synonyms"].split("|"))]:
            index.setdefault(form, []).extend(row["components"].split("|"))
    return {form: tuple(dict.fromkeys(names)) for form, names in index.items()}


@cache
def regimen_forms() -> frozenset[str]:
    """Every written form of a regimen (lower case): "folfirinox", "mfolfox6", "beacopp"."""
    return frozenset(
        form.lower()
        for row in regimens().iter_rows(named=True)
        for form in [row["regimen"], *filter(None, row["synonyms"].split("|"))]
    )


@cache
def renamed() -> dict[str, str]:
    """A name the drug lexicon gives (lower case) → the name our vocabulary gives that agent,
    where ours lists the lexicon's as a synonym ("asparaginase erwinia chrysanthemi" ->
    "crisantaspase")."""
    return {
        form.lower(): row["name"]
        for row in agent_vocab().iter_rows(named=True)
        for form in filter(None, row["synonyms"].split("|"))
        if row["name"] not in NOT_AGENTS
    }


def form_alternation(forms: list[str]) -> str:
    """The forms as one alternation, escaped, longest first (the longest form at a place wins)."""
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=4096)
def agent_patterns(forms: tuple[str, ...] | None = None) -> tuple[re.Pattern[str], ...]:
    """(words, codes) for ``forms`` (default: every form of synonym_index): names written in
    words match in any case; abbreviations and codes (no lower-case letter, e.g. TACE, BSC, 5-FU)
    only as written, so that "tace" in a word or an all-caps heading does not count. No
    pattern for a kind with no form."""
    forms = tuple(synonym_index()) if forms is None else forms
    codes = [f for f in forms if not re.search(r"[a-z]", f)]
    words = [f for f in forms if f not in codes]
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    patterns = []
    if words:
        patterns.append(re.compile(bound.format(form_alternation(words)), re.IGNORECASE))
    if codes:
        patterns.append(re.compile(bound.format(form_alternation(codes))))
    return tuple(patterns)


# English words that end like a drug stem ("concept" and -cept)
STEM_WORDS = ("concept", "accept", "except", "intercept", "precept", "percept")
UNKNOWN_DRUG = re.compile(
    r"(?<![\w-])(?!(?i:" + "|".join(STEM_WORDS) + r")\b)"
    r"(?P<name>[A-Za-z][a-z]{2,}(?:" + "|".join(INN_STEMS) + r"))(?![\w-])"
)
# the same without its look-arounds (polars' engine has none): matches wherever UNKNOWN_DRUG does
UNKNOWN_DRUG_STEMS = r"[A-Za-z][a-z]{2,}(?:" + "|".join(INN_STEMS) + r")"
