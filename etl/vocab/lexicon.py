"""The drug lexicon underneath the agent vocabulary: every written form of a drug that a
maintained dictionary knows, mapped to the drug's international non-proprietary name (INN).

The dictionary is drug-named-entity-recognition's (Fast Data Science, MIT licence): ~107,000
written forms (INNs, brand names, development codes, MeSH and Wikipedia synonyms) of ~20,000
drugs and concepts, built from DrugBank, MeSH, MedlinePlus and Wikipedia, shipped inside the
package (no network). It is read here, not through the package's finder, so that the extractor
can match every form at once, column-wise (an Aho-Corasick pass), and so that its names become
the names an analyst expects:
- a concept that is not a drug (MeSH classes and receptors: "Antibodies, Monoclonal", "ErbB
  Receptors") still takes part in matching, so that "epidermal growth factor receptor" is not read
  as a drug inside it, but names no agent;
- US labelling names lose their prefixes and suffixes ("fam-trastuzumab deruxtecan-nxki" ->
  "trastuzumab deruxtecan"), salts and formulations their qualifier ("abiraterone acetate" ->
  "abiraterone", "paclitaxel (with albumin)" -> "paclitaxel");
- a fixed combination names each component ("trifluridine/tipiracil" -> trifluridine,
  tipiracil).
Our own file (etl/vocab/agents.csv) comes first wherever it names a form: regimens, procedures,
placebo, and the names the lexicon spells otherwise.
"""

from __future__ import annotations

import bz2
import contextlib
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import re
import tempfile
from functools import cache
from pathlib import Path

# a US biologic's four-letter suffix ("-nxki") and labelling prefix ("fam-", "ado-")
_US_SUFFIX = re.compile(r"-[a-z]{4}$")
_US_PREFIX = re.compile(r"^(?:fam|ado)-")
_QUALIFIER = re.compile(r"\s*\([^)]*\)$")
# salts and esters that name the same agent as their base ("abiraterone acetate")
_SALT = re.compile(
    r"\s+(?:acetate|hydrochloride|dihydrochloride|mesylate|dimesylate|citrate|sodium|potassium"
    r"|disodium|tosylate|maleate|malate|besylate|phosphate|sulfate|sulphate|tartrate|bromide"
    r"|fumarate|succinate|hydrobromide|monohydrate|calcium|lactate|dichloride|chloride)$"
)
_COMBINATION = re.compile(r"\s*(?:/|,\s*and\s+|,\s*|\s+and\s+)\s*")
# the shortest form matched: shorter ones are mostly abbreviations that are also words
MIN_FORM = 4


def inn(name: str) -> tuple[str, ...]:
    """The INN(s) a lexicon name stands for ("Fam-trastuzumab deruxtecan-nxki" -> ("trastuzumab
    deruxtecan",); "Trifluridine/tipiracil" -> ("trifluridine", "tipiracil"))."""
    name = _QUALIFIER.sub("", name.lower().strip())
    parts = [p for p in _COMBINATION.split(name) if p] if _COMBINATION.search(name) else [name]
    out = []
    for part in parts:
        part = _US_SUFFIX.sub("", _US_PREFIX.sub("", part)) if " " in part or "-" in part else part
        if part:
            out.append(part)
    return tuple(dict.fromkeys(out))


def _is_drug(data: dict) -> bool:
    """A dictionary entry for something given to people: a DrugBank or MedlinePlus drug (MeSH-only
    and Wikipedia-only entries are classes, receptors, antigens and fragments)."""
    return "drugbank_id" in data or "medline_plus_id" in data


@cache
def _dictionary() -> dict:
    # (the package's folder, found without importing it: its import loads the dictionary too)
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    folder = Path(next(iter(spec.submodule_search_locations)))
    with bz2.open(folder / "drug_ner_dictionary.pkl.bz2", "rb") as f:
        return pickle.load(f)


def _cache_file() -> Path:
    """Where the lexicon, once built, is kept for the next run: the dictionary ships compressed
    (bz2: 1.7 s to read) and building the INN names takes 1 s more; the built lexicon reads in
    0.1 s. Named by the package's version and this module's text, so that a new dictionary or a
    new rule builds it again."""
    version = importlib.metadata.version("drug-named-entity-recognition")
    rules = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "evidence-etl" / f"drug-lexicon-{version}-{rules}.pickle"


@cache
def drug_lexicon() -> dict[str, tuple[str, ...]]:
    """Written form (lower case) -> the INNs it names; () for a form of a concept that is not a
    drug (it still takes part in matching, see the module's doc)."""
    kept = _cache_file()
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError):
        return pickle.loads(kept.read_bytes())
    lexicon = _build_lexicon()
    with contextlib.suppress(OSError):  # (a read-only home: built again next time)
        kept.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=kept.parent, delete=False) as f:
            f.write(pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(f.name, kept)  # (whole or not at all: parallel builds race harmlessly)
        for stale in kept.parent.glob("drug-lexicon-*.pickle"):  # (built by other versions)
            if stale != kept:
                stale.unlink(missing_ok=True)
    return lexicon


def _build_lexicon() -> dict[str, tuple[str, ...]]:
    data = _dictionary()
    canonical = data["drug_canonical_to_data"]
    lexicon: dict[str, tuple[str, ...]] = {}
    for form, names in data["drug_variant_to_canonical"].items():
        if len(form) < MIN_FORM or not any(c.isalpha() for c in form):
            continue
        drugs = [n for n in names if _is_drug(canonical.get(n, {}))]
        lexicon[form] = tuple(dict.fromkeys(a for n in drugs for a in inn(canonical[n]["name"])))
    # a salt names its base where the base is a drug of its own ("imatinib mesylate" -> imatinib;
    # "sodium dodecyl sulfate" stays)
    for form, agents in lexicon.items():
        lexicon[form] = tuple(
            dict.fromkeys(
                base if (base := _SALT.sub("", a)) != a and lexicon.get(base) == (base,) else a
                for a in agents
            )
        )
    # a form the dictionary gives no drug for may still be a drug's salt ("abiraterone acetate")
    # or a combination of drugs it knows ("trifluridine/tipiracil")
    for form, agents in lexicon.items():
        if agents:
            continue
        base = _SALT.sub("", form)
        parts = _COMBINATION.split(form) if _COMBINATION.search(form) else [base]
        if all(lexicon.get(p) for p in parts):
            lexicon[form] = tuple(dict.fromkeys(a for p in parts for a in lexicon[p]))
    return lexicon


# the shortest word a misspelling is resolved for (shorter words are one edit from too many)
FUZZY_MIN = 8


@cache
def _deletion_index() -> dict[str, tuple[str, ...]]:
    """Each drug form's first word, and that word less one letter -> the forms (a misspelling one
    edit away shares one of these keys with its word)."""
    index: dict[str, set[str]] = {}
    for form, agents in drug_lexicon().items():
        head = form.split(" ", 1)[0]
        if not agents or len(head) < FUZZY_MIN or not head.isalpha():
            continue
        for key in {head, *(head[:i] + head[i + 1 :] for i in range(len(head)))}:
            index.setdefault(key, set()).add(form)
    return {key: tuple(sorted(forms)) for key, forms in index.items()}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


def near_forms(word: str) -> list[str]:
    """The drug forms whose first word is ``word`` misspelt by one letter ("inotuzomab" ->
    "inotuzumab ozogamicin"), for a word the lexicon does not know of at least FUZZY_MIN
    letters. The caller keeps a multi-word form only where its other words follow."""
    w = word.lower()
    if len(w) < FUZZY_MIN or not w.isalpha() or drug_lexicon().get(w):
        return []
    index = _deletion_index()
    keys = {w, *(w[:i] + w[i + 1 :] for i in range(len(w)))}
    found = {form for key in keys for form in index.get(key, ())}
    return sorted(f for f in found if _one_edit(w, f.split(" ", 1)[0]))


_FIRST_WORD = re.compile(r"\w+")


@cache
def form_index() -> dict[str, tuple[str, ...]]:
    """The lexicon's forms by their first word (lower case), longest first: the forms a text can
    hold where a word of it starts. Forms that do not start with a letter or digit are left out
    (a form is read between word boundaries)."""
    index: dict[str, list[str]] = {}
    for form in drug_lexicon():
        first = _FIRST_WORD.match(form)
        if first is not None:
            index.setdefault(first.group(), []).append(form)
    return {word: tuple(sorted(forms, key=len, reverse=True)) for word, forms in index.items()}
