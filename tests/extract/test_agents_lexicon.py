"""Agents from the drug lexicon, our regimens and procedures, in sentences written for the tests:
whole names, brands and codes resolved to the INN, regimens expanded, what is not given left
out, misspellings resolved only where one drug is meant, and a class for every agent."""

from __future__ import annotations

import polars as pl
import pytest

from etl.extract.agents import agent_mentions_frame, mentions_in
from etl.vocab.agents import INN_CLASSES, classify
from etl.vocab.codes import codes
from etl.vocab.lexicon import inn, near_forms


def agents(text: str) -> set[str]:
    return {name for name, *_ in mentions_in(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conjugates keep their whole INN, never half of it
        ("Patients received trastuzumab deruxtecan every 3 weeks.", {"trastuzumab deruxtecan"}),
        ("Enfortumab vedotin was given on days 1, 8 and 15.", {"enfortumab vedotin"}),
        # brands and codes resolve to the INN
        ("Enhertu was compared with chemotherapy.", {"trastuzumab deruxtecan"}),
        ("Keytruda 200 mg was given every 3 weeks.", {"pembrolizumab"}),
        # formulations and salts resolve to the agent
        ("Nab-paclitaxel 125 mg/m2 was given weekly.", {"paclitaxel"}),
        ("Imatinib mesylate 400 mg daily was continued.", {"imatinib"}),
        # a fixed combination names each component
        ("Trifluridine/tipiracil was the control.", {"trifluridine", "tipiracil"}),
        # chemotherapy backbones, hormonal agents, cell therapy
        ("Induction was cytarabine with daunorubicin.", {"cytarabine", "daunorubicin"}),
        ("Letrozole plus palbociclib was given.", {"letrozole", "palbociclib"}),
        ("Tisagenlecleucel was infused once.", {"tisagenlecleucel"}),
    ],
)
def test_a_drug_is_named_by_its_inn(text, expected):
    assert agents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients received FOLFOX4 every 2 weeks.", {"fluorouracil", "leucovorin", "oxaliplatin"}),
        (
            "R-CHOP was given for six cycles.",
            {"rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"},
        ),
        (
            "A+AVD was compared with ABVD.",
            {"brentuximab vedotin", "doxorubicin", "vinblastine", "dacarbazine", "bleomycin"},
        ),
    ],
)
def test_a_regimen_acronym_names_its_components(text, expected):
    assert agents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Radium-223 was given every 4 weeks.", {"radium-223"}),
        ("All received prophylactic cranial irradiation.", {"prophylactic cranial irradiation"}),
        (
            "Allogeneic stem cell transplantation followed.",
            {"hematopoietic stem cell transplantation"},
        ),
        ("G-CSF support was allowed.", {"granulocyte colony-stimulating factor"}),
    ],
)
def test_procedures_radiopharmaceuticals_and_support_come_from_our_file(text, expected):
    assert agents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The comparator was best supportive care.",  # a comparator, not an agent
        "Tumours overexpressed human epidermal growth factor receptor 2.",  # a receptor
        "She had elevated serum thyroglobulin.",  # a substance measured
        "A 68Ga DOTATATE PET/CT showed uptake.",  # a tracer for imaging
        "A monoclonal antibody was compared with a kinase inhibitor.",  # classes, not drugs
        "The concept of adjuvant treatment was accepted.",  # English words with a drug's stem
    ],
)
def test_what_is_not_given_as_treatment_is_no_agent(text):
    assert agents(text) == set()


def test_an_agent_named_only_in_sentences_about_animals_is_dropped():
    sentences = pl.DataFrame(
        {
            "publication_id": ["p1", "p1"],
            "document_id": ["d1", "d1"],
            "source_file": ["f.txt", "f.txt"],
            "sentence_id": ["s1", "s2"],
            "sentence_index": [0, 1],
            "role": ["body", "body"],
            "char_start": [0, 60],
            "char_end": [59, 120],
            "text": [
                "Mice received Evans blue dye and sorafenib before imaging.",
                "Patients then received sorafenib 400 mg twice daily.",
            ],
        }
    )
    found = set(agent_mentions_frame(sentences).get_column("agent_name"))
    assert found == {"sorafenib"}  # (evans blue was given to mice only)


def test_a_misspelt_drug_resolves_to_the_one_drug_it_is_one_letter_from():
    assert agents("Inotuzomab ozogamicin was given weekly.") == {"inotuzumab ozogamicin"}
    assert near_forms("pembrolizunab") == ["pembrolizumab"]


def test_a_near_miss_between_two_drugs_resolves_to_neither():
    # "abatinib" is one letter from both afatinib and apatinib: it stays an unknown drug-like name
    assert {(n, known) for n, _, _, _, known in mentions_in("Abatinib was given.")} == {
        ("abatinib", False)
    }
    # and a real INN is itself, never its neighbour
    assert agents("Afatinib was given.") == {"afatinib"}
    assert agents("Apatinib was given.") == {"apatinib"}


def test_short_words_are_never_resolved_by_spelling():
    # below eight letters too many drugs are one letter apart: no guess is made
    assert near_forms("cisplatn") == ["cisplatin"]  # (eight letters: resolved)
    assert near_forms("imatinb") == []  # (seven)


def test_us_labelling_names_become_inns():
    assert inn("Fam-trastuzumab deruxtecan-nxki") == ("trastuzumab deruxtecan",)
    assert inn("Ado-trastuzumab emtansine") == ("trastuzumab emtansine",)
    assert inn("Paclitaxel (with albumin)") == ("paclitaxel",)
    assert inn("Abacavir, Dolutegravir, and Lamivudine") == (
        "abacavir",
        "dolutegravir",
        "lamivudine",
    )


@pytest.mark.parametrize(
    ("name", "agent_class", "modality"),
    [
        ("trastuzumab deruxtecan", "antibody-drug conjugate", "antibody-drug conjugate"),
        ("sacituzumab govitecan", "antibody-drug conjugate", "antibody-drug conjugate"),
        ("tisagenlecleucel", "CAR-T or cell therapy", "cell therapy"),
        ("lutetium lu 177 dotatate", "radiopharmaceutical", "radiopharmaceutical"),
        ("olaparib", "PARP inhibitor", "small molecule"),
        ("abemaciclib", "CDK4/6 inhibitor", "small molecule"),
        ("idelalisib", "PI3K inhibitor", "small molecule"),
        ("vismodegib", "hedgehog pathway inhibitor", "small molecule"),
        ("carfilzomib", "proteasome inhibitor", "small molecule"),
        ("nivolumab", "monoclonal antibody", "antibody"),
        ("enzalutamide", "anti-androgen", "hormonal"),
        ("anastrozole", "aromatase inhibitor", "hormonal"),
        ("vinorelbine", "vinca alkaloid", "small molecule"),
    ],
)
def test_the_inn_stem_gives_class_and_modality(name, agent_class, modality):
    assert classify(name) == (agent_class, modality)


def test_every_stem_modality_is_a_declared_code():
    assert {modality for _, _, modality in INN_CLASSES} <= set(codes("modality"))
    assert classify("vinyl chloride") is None and classify("zzzz") is None


def test_the_built_lexicon_is_kept_for_the_next_run(tmp_path, monkeypatch):
    from etl.vocab import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = lexicon.drug_lexicon.__wrapped__()  # (past the in-process cache)
    kept = list((tmp_path / "evidence-etl").glob("drug-lexicon-*.pickle"))
    assert len(kept) == 1

    def no_build():
        raise AssertionError("built again")

    monkeypatch.setattr(lexicon, "_build_lexicon", no_build)
    assert lexicon.drug_lexicon.__wrapped__() == built  # (read back, not built)
