"""Trial names and registry numbers in composed abstracts (one abstract per line)."""

from __future__ import annotations

import polars as pl
import pytest

from etl.documents.stage import stage_documents
from etl.extract import sentences_frame, trial_mentions_frame
from etl.extract.trial_names import defined_terms
from tests.conftest import files_frame


def _mentions(*abstracts: str) -> tuple[pl.DataFrame, str]:
    # abstracts of a collection are long lines, each opening with its section label: pad each
    # with a sentence that names nothing
    filler = " Safety, tolerability and quality of life were assessed throughout." * 5
    return _mentions_in("\n".join("BACKGROUND: " + a + filler for a in abstracts) + "\n")


def _mentions_in(text: str) -> tuple[pl.DataFrame, str]:
    """The trial mentions of one file's text, as it is written."""
    staged = stage_documents(files_frame({"abstracts.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    frame = trial_mentions_frame(sentences, staged.publications)
    return frame.join(
        staged.publications.select("publication_id", "record_index"), on="publication_id"
    ), text


def _names(frame: pl.DataFrame) -> set[str]:
    return set(frame.get_column("acronym").drop_nulls())


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "In the phase III ZENITH study, patients were randomly assigned to drug A or placebo.",
            "ZENITH",
        ),
        (
            "The ORCHID trial enrolled 400 patients who were randomly assigned to two arms.",
            "ORCHID",
        ),
        (
            "This protocol comes from a phase 3 randomised trial (ZENITH Bladder 200) of 700 "
            "patients.",
            "ZENITH Bladder 200",
        ),
        (
            "Results of the CheckPoint 217 study are reported; patients were randomized.",
            "CheckPoint 217",
        ),
        (
            "We report the KEYNOTE-999 trial, in which patients were randomized to two arms.",
            "KEYNOTE-999",
        ),
        ("A phase 3 trial (MERIDIAN) randomized patients to drug A or placebo.", "MERIDIAN"),
        (
            "Drug A after drug B (SUMMIT): a randomised, double-blind, phase 3 trial. Patients were randomized.",
            "SUMMIT",
        ),
        (
            "Drug A in men with cancer (SUMMIT): final overall survival analysis of a randomised, "
            "double-blind, phase 3 trial. Patients were randomized.",
            "SUMMIT",
        ),
        # "Study" capitalised before a number is the sponsor's name of the study
        ("Patients in Study 412 were randomized to drug A or placebo.", "Study 412"),
        # the end of a comparison or a combination is a treatment, not the trial's name
        ("In the drug A vs ORVX phase III trial, patients were randomized to two arms.", None),
        ("The drug A plus ORVX trial randomized patients to drug A or placebo.", None),
        ("The Study 412 trial randomized patients to drug A or placebo.", "Study 412"),
        # a reference's number glued to the trial noun, as pages copy superscripts
        ("Drug M after drug N: results from the ORCAfree study2", "ORCAfree"),
        # a sponsor's protocol number set off by commas after the trial noun
        (
            "The trial, ZX71-C022, randomized patients to drug A or drug B as first-line therapy.",
            "ZX71-C022",
        ),
        ("The study, which randomized 300 patients to drug A or placebo, met its goal.", None),
        # a code the text defines as a drug is none, wherever it stands
        (
            "ZX-101 is a liposomal encapsulation of drug A. In this phase 3 trial, patients "
            "received two cycles of ZX-101 or drug B. The safety profile of ZX-101 was similar.",
            None,
        ),
    ],
)
def test_a_name_used_as_a_trial_is_a_mention(sentence: str, name: str | None):
    frame, text = _mentions(sentence)
    assert _names(frame) == ({name} if name else set())
    for start, end, written in frame.select("char_start", "char_end", "mention_text").iter_rows():
        if written is not None:
            assert text[start:end] == written


@pytest.mark.parametrize(
    "sentence",
    [
        "In a phase II study of sorafenib, 40 patients were treated; the trial was single-arm.",
        "Hepatocellular carcinoma (HCC) trials rarely enrol Child-Pugh B patients; this cohort study was retrospective.",
        "An RCT study design was used and patients were randomized.",
        "A PET study of 30 patients in a retrospective cohort.",
        # a drug's name cut short in brackets right after the trial noun's clause
        "In the phase III ORION-9 study, adjuvant velmurane (VELM) improved survival.",
        # plurals of abbreviations and a date in capitals, each before a number
        "SAEs 40% vs 17%; IRRs 1 patient. Updated on SEPTEMBER 28 2023.",
    ],
)
def test_abbreviations_phases_and_designs_are_not_trial_names(sentence: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) <= {"ORION-9"}


def test_a_name_and_number_in_one_sentence_are_one_trial():
    frame, _ = _mentions(
        "In the phase III ZENITH study (NCT01234567), patients were randomly assigned to A or B. "
        "In ZENITH, median OS was 12.1 months with A."
    )
    assert set(frame.get_column("nct_id")) == {"NCT01234567"}
    assert set(frame.get_column("acronym")) == {"ZENITH"}
    assert frame.height == 3  # the name twice, the number once
    assert frame.filter(pl.col("is_primary")).height == 1


def test_a_record_with_one_name_and_one_number_ties_them():
    frame, _ = _mentions(
        "Drug A for liver cancer (ORCHID): a randomised, phase 3 trial. Patients were randomized "
        "to A or placebo. Median OS was 10.6 months. Funded by X. ClinicalTrials.gov, NCT07654321."
    )
    assert frame.select("acronym", "nct_id").unique().rows() == [("ORCHID", "NCT07654321")]


def test_an_unnamed_primary_study_is_a_trial_of_its_own_and_a_review_is_none():
    frame, _ = _mentions(
        "In this retrospective cohort, 80 patients treated with sorafenib were reviewed. Median OS was 9 months.",
        "This narrative review summarizes the REFLECT trial and the ORCHID trial of drug A.",
    )
    first = frame.filter(pl.col("record_index") == 0)
    assert first.rows(named=True)[0]["is_primary"] is True
    assert first.get_column("acronym").to_list() == [None]
    review = frame.filter(pl.col("record_index") == 1)
    assert _names(review) == {"REFLECT", "ORCHID"}
    assert not review.get_column("is_primary").any()


def test_a_name_introduced_once_is_found_wherever_it_is_used():
    frame, _ = _mentions(
        "The ZENITH trial randomized 300 patients to drug A or placebo.",
        "This post hoc analysis of ZENITH examined 120 patients; median OS was 14 months.",
    )
    second = frame.filter(pl.col("record_index") == 1)
    assert _names(second) == {"ZENITH"}
    assert second.get_column("is_primary").to_list() == [True]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a numbered name as the subject of what a trial does, or after "results from"
        (
            "ZEPHYR-12 evaluated drug A plus chemotherapy in patients with advanced disease.",
            "ZEPHYR-12",
        ),
        ("We present 4-year results from LumaStar 88 in patients with melanoma.", "LumaStar 88"),
        # hyphenated names, a letter after the number, a one-letter prefix
        ("The phase 3 ORBIT-Lung07 trial randomized patients to two arms.", "ORBIT-Lung07"),
        (
            "Patients in the CheckPoint 8XZ trial were randomized to drug A or drug B.",
            "CheckPoint 8XZ",
        ),
        ("The X-ORCA trial randomized patients to drug A or placebo.", "X-ORCA"),
        # the study's investigators
        ("ARROW Investigators. Drug A was compared with placebo in a randomized trial.", "ARROW"),
        # a name in capitals without a number, the subject of "was a ... trial"
        (
            "Design: ZEPHYRUS was a double-blind, randomized, phase 3 trial conducted at 80 sites.",
            "ZEPHYRUS",
        ),
        # a name in capitals, then its disease's initials, before a trial noun
        ("Now, data from the phase III LANTERN CRC trial were reported.", "LANTERN CRC"),
        ("Patients of the phase III POLARIS trial were randomized.", "POLARIS"),
        # a marker's name, then a word: a name ("HER2" alone is the marker)
        ("The phase 2 HER2SUMMIT trial randomized patients to two arms.", "HER2SUMMIT"),
        # a sponsor's protocol number, capitals glued to digits
        (
            "This subgroup analysis evaluated 39 patients from ZX123-456 with biliary tract "
            "cancers.",
            "ZX123-456",
        ),
        # a cooperative group's protocol: a capital, a hyphen and its number
        ("NSABP Z-77 is the largest randomized phase III trial of its kind.", "NSABP Z-77"),
        # a numbered name right after a trial noun, as labels write it
        (
            "Patients were randomly assigned to drug A or drug B. Table 3 gives the efficacy "
            "results of Study ZX-020 (ITT population).",
            "ZX-020",
        ),
        # a numbered name, then what it is: "NAME 1050, a randomized, phase III study of ..."
        (
            "Purpose ZEPHYR 1050, a randomized, open-label, phase III study of drug A versus drug "
            "B, reported longer survival.",
            "ZEPHYR 1050",
        ),
        # a programme's name before the numbered study of it
        ("The phase I/II ZEPHYR NHL-1 trial shows durable responses to drug A.", "ZEPHYR NHL-1"),
        # a name without a number that an appositive calls a trial, in any case
        (
            "We report the final analysis of ZePHYR, a randomized open-label phase III trial "
            "of drug A versus drug B.",
            "ZePHYR",
        ),
        # a sponsor's protocol, letters and two numbers, before a trial noun
        ("Drug K was approved on the basis of the pivotal Z-271-03 study.", "Z-271-03"),
        # a name, its disease's initials and its number, before a trial noun
        (
            "This analysis from the phase II LANTERN AML 2004 trial reports survival.",
            "LANTERN AML 2004",
        ),
        # a study group's trial numbered after its disease
        ("The phase III CLL27 trial showed longer PFS with drug A.", "CLL27"),
    ],
)
def test_trial_names_are_found_where_the_text_uses_them_as_names(sentence: str, name: str):
    frame, _ = _mentions(sentence)
    assert name in _names(frame)


@pytest.mark.parametrize(
    "sentence",
    [
        # biomarkers, drug codes and defined terms look like numbered names but are none
        "Responses were seen regardless of CTLA-4 or LAG-3 expression in the phase 3 trial.",
        "HER2 and CD19 status did not change the effect in the phase 3 trial.",
        "RESULTS is a heading, and NSCLC is a disease studied in a phase 3 trial.",
        "MK-9999 evaluated in patients with tumours expressing CD19 was well tolerated.",
        "Patients with triple-negative breast cancer (TNBC) were enrolled in this study (n = 40).",
        "A phase 3 study of zanidatamab deruxtecan (Z-DXd) in gastric cancer was randomized.",
        # a statistic's abbreviation before a decimal is no numbered name
        "In the phase 3 trial, mOS was 15.1 vs 11.0 mo (HR 0.70, 95% CI 0.56-0.88, p=0.001).",
        "The phase 3 trial met its endpoint: OR 2.35; RR 1.10 and HR 1.05 (CI 0.9 to 1.2).",
        # an abstract's section heading glued to its first word, as pages copy bold headings
        "ResultsThe phase 3 study enrolled 243 patients. MethodsPatients were randomized.",
        # an endpoint's abbreviation before a count or a rate
        "In the phase 3 trial, best responses were 45% PR, 5% CR 48% PR and SD 32 in all.",
        "The ASCO 2021 and WHO 2016 criteria applied in this phase 3 trial.",
        # (a tumour marker or a drug's code with digits: no protocol number)
        "Levels of CA125 and CA19-9 fell in 40% of patients in the BAY43-9006 phase 3 trial.",
        # a regimen coded by its drugs' doses: no group's study number
        "In the phase 1 trial, ORR was 55% with PEM200+IPI50 and 61% with PEM200+IPI100.",
        # capitals glued to digits alone: a drug's code as often as a study's
        "BIBX9999 showed an ORR of 61% in the phase 2 trial.",
        # a cohort or arm written in capitals is no protocol
        "COHORT A-1 enrolled 20 patients in the phase 2 trial.",
        # two regimens' abbreviations slashed before a rate: no name "BR 3"
        "Atrial fibrillation occurred in the phase 3 trial (zanu 6%, VdR/BR 3%).",
        # what an appositive says of a treatment used in a trial is no trial's name
        "We compared XELOX, a standard regimen used in the phase 3 trial, with drug A.",
        # a gene named after a disease, with one digit, is no study group's trial
        "AML1/ETO fusions were found in 12% of patients in the phase 3 trial.",
    ],
)
def test_biomarkers_drug_codes_and_defined_terms_are_not_trial_names(sentence: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) == set()


def test_molecules_cell_lines_and_reagents_named_like_trials_are_not_trials():
    frame, _ = _mentions(
        "Expression of ZRX-4 and QLM-2 in ependymoma. ZRX-4 was positive in 9 (36%) cases "
        "and QLM-2 expression correlated with age (p = 0.02).",
        "Staining for factor VX (clone BQ-7T2, Ventana) was performed. BQ-7T2 showed 80% "
        "sensitivity.",
        "Silencing the TOR-5 gene in KLT-9 cells reduced invasion to 61.2% of control.",
        "Sequence accessions (BQ093311/ADZ31002) were checked; BQ093311 was present.",
    )
    assert _names(frame) == set()


def test_a_trial_named_near_a_molecular_word_stays_a_trial():
    frame, _ = _mentions(
        "In the phase 3 ORCA-7 trial, 400 patients were randomized. ORCA-7 positive results "
        "were confirmed: median OS was 14.1 months."
    )
    assert _names(frame) == {"ORCA-7"}


def test_a_cooperative_group_name_spelled_out_is_its_abbreviation_and_number():
    frame, _ = _mentions(
        "The Northern Lymphoma Research Group (NLRG) 4411 protocol randomized 200 adults to drug "
        "A or drug B. Later, (NLRG) 4411 patients were followed for 5 years."
    )
    assert _names(frame) == {"NLRG 4411"}
    assert frame.filter(pl.col("is_primary")).get_column("acronym").to_list() == ["NLRG 4411"]


def test_a_name_in_brackets_after_a_trial_is_its_alias():
    frame, _ = _mentions(
        "Results of the phase 3 HELIX-302 clinical trial (KEYSTONE-B12) were presented; patients "
        "were randomized to drug A or chemotherapy. Median OS was 30.1 months."
    )
    assert set(frame.get_column("acronym").drop_nulls()) == {"HELIX-302"}
    assert set(frame.get_column("mention_text").drop_nulls()) == {"HELIX-302", "KEYSTONE-B12"}


def test_the_record_reports_the_trial_it_places_best_not_the_one_it_builds_on():
    frame, _ = _mentions(
        "Based on ORCHID-1, drug A is approved for advanced disease. The phase 3, double-blind "
        "ORCHID-9 trial compared drug A with placebo after resection; patients were randomized "
        "1:1. There was no difference in recurrence-free survival (hazard ratio, 1.02)."
    )
    primary = frame.filter(pl.col("is_primary"))
    assert primary.get_column("acronym").to_list() == ["ORCHID-9"]


def test_a_name_before_its_randomized_design_is_no_subject_of_a_verb():
    """ "the A/B randomized clinical trial": "randomized" heads the design's words there, no verb
    of B's; the name placed first in the sentence is the record's trial."""
    frame, _ = _mentions(
        "Early results from the HERON 12/Northern Lymphoma Research Group NL7 randomized clinical "
        "trial showed a benefit of drug K after resection. We report 5-year outcomes."
    )
    primary = frame.filter(pl.col("is_primary"))
    assert primary.get_column("acronym").to_list() == ["HERON 12"]


def test_the_trial_whose_investigators_sign_the_record_is_its_own_over_a_first_line_code():
    """A page headed by a drug's development code ("ZX-401"), its byline "for the HERON
    Investigators": the record reports HERON."""
    text = (
        "ZX-401\n\nSurvival with Zorvatinib in Resected Disease\n\nA. Author, B. Author, and C. "
        "Author, for the HERON Investigators\n\nMETHODS\nIn this double-blind trial, we randomly "
        "assigned 900 men to receive zorvatinib (600 patients) or placebo (300 patients).\n"
        "RESULTS\nOverall survival at 3 years was 83% with zorvatinib and 77% with placebo.\n"
    )
    frame, _ = _mentions_in(text)
    primary = frame.filter(pl.col("is_primary"))
    assert primary.get_column("acronym").to_list() == ["HERON"]


def test_an_abbreviation_a_list_defines_as_a_term_names_no_trial():
    frame, _ = _mentions(
        "In the ORVX trial, patients were randomized to drug A or placebo.",
        "Abbreviations: CI=confidence interval; ORVX=orvexib; HR, hazard ratio.",
    )
    assert _names(frame) == set()
    assert list(
        defined_terms("Abbreviations: ORVX=orvexib; TALON, the Talon study; NR, not reached")
    ) == [
        "ORVX",
        "NR",
    ]


def test_a_drug_s_development_code_the_lexicon_knows_is_no_trial():
    from etl.extract import agent_mentions_frame, drug_codes
    from etl.extract.agents import with_agent_forms

    text = (
        "In the phase 3 ORCA-9 trial, patients received drug K or CPT-11. "
        "Median OS was longer with drug K than with CPT-11 (HR 0.77)."
    )
    staged = stage_documents(files_frame({"a.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    codes = drug_codes(agent_mentions_frame(with_agent_forms(sentences)))
    assert codes == ["CPT-11"]  # (irinotecan's code, shaped as a trial's name)
    mentions = trial_mentions_frame(sentences, staged.publications, drug_codes=codes)
    assert set(mentions.get_column("acronym").drop_nulls()) == {"ORCA-9"}


def test_a_tables_trial_is_found_with_a_reference_number_set_on_it():
    text = "Table 1.\n| Trial | Arms | Outcome |\n|---|---|---|\n| LYRA13 | A vs. B | HR, 0.84 |\n"
    staged = stage_documents(files_frame({"table.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    frame = trial_mentions_frame(sentences, staged.publications, table_names=["LYRA"])
    mention = frame.filter(pl.col("acronym") == "LYRA")
    assert mention.height == 1
    start, end = mention.select("char_start", "char_end").row(0)
    assert text[start:end] == "LYRA"
    # a name no table gives is not cut out of a longer word
    assert "LYRA" not in _names(trial_mentions_frame(sentences, staged.publications))


def test_a_tables_trial_written_with_a_spaced_reference_and_a_typeset_hyphen():
    text = (
        "TABLE 2.\n| Trial | Arms | Outcome |\n|---|---|---|\n| ORION\u20105 31 | A vs. B | HR, 0.84 |\n"
        "| KESTREL 37 | A vs. C | HR, 0.91 |\n"
    )
    staged = stage_documents(files_frame({"table.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    frame = trial_mentions_frame(sentences, staged.publications, table_names=["ORION-5", "KESTREL"])
    # (no "KESTREL 37", whose number the table's reader read as a reference; no "TABLE 2")
    assert _names(frame) == {"ORION-5", "KESTREL"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a cooperative group's study number, after the group or before a trial noun
        (
            "SWOG S0123 was a phase III randomized study that compared drug A with drug B.",
            "SWOG S0123",
        ),
        (
            "In the phase III E9876 trial, patients were randomized to drug A or observation.",
            "E9876",
        ),
        # (a group whose name is also a scale's takes a study number of five digits)
        ("The EORTC 61234 trial randomized 900 patients to drug A or drug B.", "EORTC 61234"),
    ],
)
def test_a_cooperative_groups_study_number_names_a_trial(sentence: str, name: str):
    frame, _ = _mentions(sentence)
    assert name in _names(frame)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a study group's protocol, shaped as a drug's development code is ("MK-3475")
        ("CCG-1234 incorporated two new agents into a phase 3 trial of induction.", "CCG-1234"),
        ("Results from GOG-0987 showed that drug A improved survival.", "GOG-0987"),
        # (or glued to its number: a group's, or the Children's Oncology Group's committee's)
        ("Results from JCOG1234 showed that drug A improved survival.", "JCOG1234"),
        ("Results from AALL1999 showed that drug A improved survival in relapse.", "AALL1999"),
        # a word of capitals and small letters glued to its number is a study's, without a noun
        (
            "Interim analyses from ZEPvigor130 showed no benefit of drug A over chemotherapy.",
            "ZEPvigor130",
        ),
        ("We report the final analysis of AlphaNova7 with drug A.", "AlphaNova7"),
        # a name in a bracket a page pads with spaces, or with its trial noun in the bracket
        ("Drug A was compared with placebo in a phase III trial ( ORCAS ) of 1207 men.", "ORCAS"),
        ("Drug B was evaluated in patients with high-risk disease ( KESTREL trial ).", "KESTREL"),
    ],
)
def test_study_groups_protocols_names_glued_to_numbers_and_padded_brackets_name_trials(
    sentence: str, name: str
):
    frame, _ = _mentions(sentence)
    assert name in _names(frame)


def test_a_development_code_stays_no_trial_beside_study_groups():
    frame, _ = _mentions("Results from MK-9999 and ABT-1234 in pretreated patients were reported.")
    assert not {"MK-9999", "ABT-1234"} & _names(frame)


_SPACED_TRIAL_ROWS = (
    "Table 1.\nMajor trials of perioperative treatment\n"
    "Trials No. of patients Treatment arms HR for death (P value) Survival outcomes\n"
    "Perioperative chemotherapy\n"
    "Lee et al. 9 (ORCAS) 503 Drug A versus surgery 0.75 (0.009) 5-year OS: 36% versus 23%\n"
    "Kim et al.13(ZENITH-4) 144 Drug B versus surgery 0.84 (0.466) 2-year OS: 72% versus 69%\n"
    "Adjuvant chemotherapy\n"
    "Park et al. 21 (KESTREL) 1059 Surgery then drug C versus surgery 0.67 (0.003) 5-year OS: "
    "71.7% versus 61.1%\n"
    "\nHR, hazard ratio; OS, overall survival.\n"
)


def test_each_row_of_a_table_of_trials_joined_with_spaces_is_the_record_of_its_trial():
    """No grid reads a table whose cells a page joined with spaces; each line that names its
    study in brackets and gives numbers is still a row, a record of that study (its numbers are
    not the first trial's)."""
    frame, _ = _mentions_in(_SPACED_TRIAL_ROWS)
    by_record = {
        r["acronym"]: r["record_index"] for r in frame.drop_nulls("acronym").iter_rows(named=True)
    }
    assert by_record == {"ORCAS": 1, "ZENITH-4": 2, "KESTREL": 3}


def test_a_review_names_a_cited_study_in_brackets_after_its_first_author():
    """A review cites each study by its first author and reference number, the study's name in
    brackets: the name is a trial's wherever the line stands."""
    frame, _ = _mentions_in(
        "Table 1.\nMajor trials\nTrials No. of patients Treatment arms HR Survival\n"
        "Lee et al. 9 (ORCAS) 503 Drug A versus surgery 0.75 (0.009) 5-year OS: 36% versus 23%\n"
        "Kim et al.13(ZENITH-4) 144 Drug B versus surgery 0.84 (0.466) 2-year OS: 72% versus 69%\n"
    )
    assert {"ORCAS", "ZENITH-4"} <= _names(frame)


@pytest.mark.parametrize(
    "sentence",
    [
        "This was a phase 3 study of drug A (E7777) in thyroid cancer.",  # a drug's code
        "Patients with BRAF V600E mutations were enrolled in this phase 2 trial.",  # a mutation
    ],
)
def test_a_letter_and_digits_alone_are_no_trial(sentence: str):
    frame, _ = _mentions(sentence)
    assert not {"E7777", "BRAF V600", "V600E"} & _names(frame)


@pytest.mark.parametrize(
    "number",
    [
        "ACTRN12610000123456",
        "ISRCTN12345678",
        "UMIN000012345",
        "DRKS00012345",
        # (a space after the registry's prefix, as registration statements print it)
        "ISRCTN 12345678",
    ],
)
def test_another_registrys_number_names_a_trial(number: str):
    frame, text = _mentions(f"We randomized patients to drug A or drug B (registration {number}).")
    (row,) = frame.filter(pl.col("acronym") == number).iter_rows(named=True)
    assert row["nct_id"] is None and text[row["char_start"] : row["char_end"]] == number


def test_a_title_announcing_a_report_of_a_name_in_capitals_names_that_trial():
    """ "...: ZEPHYR final results" in a title reports the trial ZEPHYR; the same words in a
    body sentence ("OS final results") name nothing."""
    text = (
        "Zanubrutinib versus venetoclax in relapsed CLL: ZEPHYR final results\n\n"
        "A total of 300 patients were randomized. OS final results are awaited.\n"
    )
    staged = stage_documents(files_frame({"abstract.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    assert _names(trial_mentions_frame(sentences, staged.publications)) == {"ZEPHYR"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("In MERIDIAN, zorvatinib prolonged progression-free survival versus placebo.", "MERIDIAN"),
        ("Previous results from CALYPSO showed longer survival with zorvatinib.", "CALYPSO"),
        ("We report the 5-year follow-up of ORCHARD-TN in untreated patients.", "ORCHARD-TN"),
        ("Updated data from the AURELIA trial are reported.", "AURELIA"),
        # what a study is, and a drug never: sponsored, funded
        ("Acknowledgement: MERIDIAN was sponsored by a pharmaceutical company.", "MERIDIAN"),
        ("Results were consistent. The CALYPSO study was funded by a national grant.", "CALYPSO"),
        # a page's title over a study's results
        ("Secondary Endpoint - MERIDIAN Results | BRANDNAME (zorvatinib) HCP Site", "MERIDIAN"),
    ],
)
def test_a_name_in_capitals_where_a_text_puts_a_study_names_that_trial(sentence: str, name: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) == {name}


def test_a_cards_label_in_capitals_before_what_the_study_was_names_it():
    text = "MERIDIAN: global phase III study in resected disease\nPFS HR 0.20 (0.14-0.30)\n"
    staged = stage_documents(files_frame({"card.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    assert _names(trial_mentions_frame(sentences, staged.publications)) == {"MERIDIAN"}


@pytest.mark.parametrize(
    "sentence",
    [
        "In NSCLC, zorvatinib prolonged progression-free survival versus placebo.",
        "In DLBCL, outcomes were poor.",
        "Results from FOLFIRINOX were compared with those of gemcitabine.",
        "RESULTS OF THE PHASE 3 MERIDIAN COMPARISON ARE REPORTED.",
        "In CONCLUSION, zorvatinib was active.",
        # a drug in capitals is no study, whoever paid for it
        "PEMBROLIZUMAB was funded by the sponsor in this cohort.",
    ],
)
def test_initials_regimens_headings_and_capitals_titles_are_no_trial_there(sentence: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) == set()


def test_a_name_only_a_table_gives_is_looked_for_in_that_tables_document_alone():
    staged = stage_documents(
        files_frame(
            {
                "a_table.txt": "Table 2.\n| Study | Arms | HR |\n|---|---|---|\n| Rosell | A vs. B | 0.84 |\n",
                "b_news.txt": "Rosell reported a longer survival with drug A in a news item.\n",
            }
        )
    )
    sentences = sentences_frame(staged.record_lines, staged.publications)
    docs = dict(staged.publications.select("source_file", "document_id").iter_rows())
    frame = trial_mentions_frame(
        sentences,
        staged.publications,
        table_names=["Rosell"],
        table_name_documents={"Rosell": frozenset({docs["a_table.txt"]})},
    )
    named = frame.filter(pl.col("acronym") == "Rosell")
    assert named.get_column("document_id").unique().to_list() == [docs["a_table.txt"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "PATIENTS: adults enrolled in a phase 3 trial of zorvatinib.",
        "In CHINA, zorvatinib improved overall survival.",
        "We report data from MEDICARE on the costs of zorvatinib.",
        "Patients were enrolled in the ALLIANCE NCTN trial of zorvatinib.",
    ],
)
def test_headings_places_data_sources_and_networks_in_capitals_name_no_trial(sentence: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) == set()


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "THE ZEST STUDY was a multinational, randomized, open-label, phase 3 trial in 900 men.",
            "ZEST",
        ),
        ("THE STUDY was a randomized, open-label, phase 3 trial in 900 men.", None),
    ],
)
def test_a_short_name_in_capitals_with_its_trial_noun_as_the_subject_of_a_trial(sentence, name):
    frame, _ = _mentions(sentence)
    assert _names(frame) == ({name} if name else set())


def test_a_trial_whose_earlier_study_showed_activity_is_not_the_one_reported():
    frame, _ = _mentions(
        "Drug A demonstrated antitumor activity and safety in the phase II ORCHID-2 trial in "
        "pretreated patients. ORCHID-7 evaluated the efficacy and safety of drug A in this "
        "population. Patients were randomized to drug A or placebo. Median OS was 13.9 months."
    )
    primary = frame.filter(pl.col("is_primary"))
    assert primary.get_column("acronym").to_list() == ["ORCHID-7"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (  # a name that opens with a lower-case letter before its capitals
            "Phase III assessment of drug A and drug B in vEXALT, an international randomised "
            "controlled trial of chemotherapy for recurrent sarcoma.",
            "vEXALT",
        ),
        (  # a study its sponsor numbers, wherever it is named
            "Among 22 patients treated in the multicenter Study 204, the response rate was 45%.",
            "Study 204",
        ),
        (
            "Among 38 patients treated in the single-center Study 15-118, the response rate was "
            "34%.",
            "Study 15-118",
        ),
    ],
)
def test_names_written_outside_the_usual_capitals(sentence: str, name: str):
    frame, _ = _mentions(sentence)
    assert name in _names(frame)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mCRPC trial enrolled men after two lines of therapy.",
        "The CRPC study enrolled men after two lines of therapy.",
        "In the Study 2019 cohort, the response rate was 30%.",
    ],
)
def test_a_diseases_initials_or_a_year_name_no_trial(sentence: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) == set()


def test_a_numbered_study_slashed_to_its_alias_after_a_phase_is_one_trial():
    frame, _ = _mentions(
        "An updated analysis of the phase III Study 411/KEYNOTE-991 trial showed a benefit with "
        "drug A; median OS was 18.0 months."
    )
    assert _names(frame) == {"Study 411"}
    assert set(frame.get_column("mention_text")) == {"Study 411", "KEYNOTE-991"}


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        (  # the words of a design between a name and its trial noun
            "Drug A with chemotherapy for resistant ovarian cancer: the ZOLTAN open-label "
            "randomised phase III trial. Median PFS was 6.1 months with drug A.",
            "ZOLTAN",
        ),
        (
            "In the CORVINA double-blind, placebo-controlled phase 3 study, median OS was 21.0 "
            "months with drug A.",
            "CORVINA",
        ),
        (  # a name the subject of "is the first ... trial"
            "Drug A is active alone. PELAGIA is the first randomized phase III trial to combine "
            "drug A with chemotherapy. Median PFS was 6.1 months.",
            "PELAGIA",
        ),
        (  # a group's protocol, numbers joined by hyphens
            "Final report from Intergroup NCCTG 91-12-07: a phase III randomized trial of drug A "
            "versus drug B. Median OS was 8.4 years.",
            "NCCTG 91-12-07",
        ),
        (
            "The RTOG 97-04 trial randomized 120 patients to drug A or drug B; median OS was 9.1 "
            "years.",
            "RTOG 97-04",
        ),
        (  # another registry's number, the record's only name (the Japanese registry's
            # specified trials carry an 's')
            "Patients were randomised to drug A or drug B. Median OS was 30.1 months. Clinical "
            "trial registration: jRCTs041190012.",
            "jRCTs041190012",
        ),
    ],
)
def test_names_introduced_by_their_design_or_numbered_by_their_group(abstract: str, name: str):
    frame, _ = _mentions(abstract)
    assert name in _names(frame)


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients with ECOG PS 0-1 were randomized in the phase III trial.",
        "Patients aged 18-75 years were enrolled in the open-label randomized trial.",
    ],
)
def test_ranges_after_a_scale_or_an_age_name_no_trial(sentence: str):
    frame, _ = _mentions(sentence)
    assert _names(frame) == set()


def test_a_cards_title_that_is_only_a_name_in_capitals_names_its_trial():
    frame, _ = _mentions_in(
        "ZOLTAN (advanced gastric cancer)\n"
        "Increase in median overall survival (14.1 months vs. 11.2 months; HR 0.77).\n"
    )
    assert _names(frame) == {"ZOLTAN"}
    frame, _ = _mentions_in(
        "KEYTRUDA\nIncrease in median overall survival (14.1 months vs. 11.2 months).\n"
    )
    assert _names(frame) == set()  # (a brand in capitals)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Results from ABCD1234 showed that drug A improved survival.", "ABCD1234"),
        ("Results from AZX1234 showed activity in cell lines.", "AZX1234"),
    ],
)
def test_capitals_glued_to_digits_are_no_trial_without_a_group_s_prefix_or_a_noun(
    sentence: str, code: str
):
    frame, _ = _mentions(sentence)
    assert code not in _names(frame)
