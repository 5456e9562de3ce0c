"""Interventions in composed sentences: vocabulary forms, regimens, procedures, unknown drugs."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.agents import lexicon_candidates, may_name_an_agent, mentions_in
from etl.vocab.agents import synonym_index


def names(text: str) -> list[tuple[str, bool]]:
    return [(name, known) for name, _, _, _, known in mentions_in(text)]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Patients received Nexavar 400 mg twice daily.", "sorafenib"),
        ("BAY 43-9006 was given orally.", "sorafenib"),
        ("Lenvima was compared with placebo.", "lenvatinib"),
        ("Stivarga was well tolerated.", "regorafenib"),
        ("Patients underwent TACE every 8 weeks.", "transarterial chemoembolization"),
        (
            "Transarterial chemoembolisation was repeated on demand.",
            "transarterial chemoembolization",
        ),
        ("SBRT delivered 40 Gy in 5 fractions.", "stereotactic body radiotherapy"),
        (
            "Hepatic arterial infusion chemotherapy (HAIC) with 5-FU was used.",
            "hepatic arterial infusion chemotherapy",
        ),
    ],
)
def test_brand_names_codes_and_abbreviations_resolve_to_one_name(text: str, agent: str):
    assert (agent, True) in names(text)


def test_a_regimen_name_stands_for_each_of_its_agents():
    got = {n for n, _ in names("STRIDE improved overall survival.")}
    assert got == {"tremelimumab", "durvalumab"}


def test_placebo_and_the_matching_form_are_one_agent():
    assert names("Patients received matching placebo.") == [("placebo", True)]


def test_a_drug_the_vocabulary_does_not_know_is_kept_unclassified():
    got = names("Xelbravotinib plus ficerafusp alfa or the antibody novelumab was given.")
    assert ("xelbravotinib", False) in got and ("novelumab", False) in got


@pytest.mark.parametrize(
    "text",
    [
        "The stacey trial had a tacet design.",  # 'tace' inside words, lower-case
        "Ten patients were treated at the centre.",
        "A monoclonal antibody and a kinase inhibitor were compared.",
    ],
)
def test_ordinary_words_are_not_agents(text: str):
    assert names(text) == []


_PIECES = st.sampled_from(
    [
        *synonym_index(),
        *("zorbatinib", "Exampumab", "ſorafenib", "SORAFENİB", "K", "μ"),
        *("Keytruda", "nab-paclitaxel", "trastuzumab deruxtecan", "T-DXd", "FOLFOX4", "Lonsurf"),
        *("and", "with", "the", "patients", ",", "(", ")", "-", "/", "2", "mg", "tace", "TACE"),
    ]
)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(_PIECES, st.sampled_from([str, str.upper, str.lower, str.title])),
            max_size=8,
        ).map(lambda parts: " ".join(case(piece) for piece, case in parts)),
        min_size=1,
        max_size=40,
    )
)
def test_the_column_prefilter_passes_every_sentence_that_names_an_agent(texts):
    # (many texts a run: the column's automaton of lexicon forms is built once per frame)
    frame = pl.DataFrame({"text": texts}).select(
        may_name_an_agent() | (lexicon_candidates(pl.col("text")).list.len() > 0)
    )
    for text, passes in zip(texts, frame.to_series(), strict=True):
        if mentions_in(text):
            assert passes, text


def test_a_lexicon_drug_is_a_candidate_however_its_letters_are_cased():
    # (the column matches lower-cased text against the lexicon's lower-case forms)
    texts = [
        "patients received tivozanib",
        "PATIENTS RECEIVED TIVOZANIB",
        "Patients received TivoZanib (tivozanib)",
        "Patients received no drug",
    ]
    found = pl.DataFrame({"text": texts}).select(lexicon_candidates(pl.col("text"))).to_series()
    assert found.to_list() == [["tivozanib"], ["tivozanib"], ["tivozanib"], []]
    assert [{name for name, _ in names(t)} for t in texts] == [{"tivozanib"}] * 3 + [set()]
