# ruff: noqa: E501 - composed documents keep their lines as a file would
"""Small documents of each structured format, composed for the tests (no third-party text)."""

from __future__ import annotations

import json

PUBMED = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">31000001</PMID>
    <Article PubModel="Print">
      <Journal><Title>Journal of Composed Oncology</Title>
        <JournalIssue><PubDate><Year>2021</Year></PubDate></JournalIssue></Journal>
      <ArticleTitle>Zorvatinib versus placebo in advanced <i>KRAS</i>-mutant lung cancer (ORCHID-7).</ArticleTitle>
      <Abstract>
        <AbstractText Label="METHODS" NlmCategory="METHODS">In the phase 3 ORCHID-7 trial, 300 patients were randomly assigned to zorvatinib or placebo.</AbstractText>
        <AbstractText Label="RESULTS" NlmCategory="RESULTS">Median overall survival was 14.2 months with zorvatinib and 10.1 months with placebo (hazard ratio, 0.71; 95% CI, 0.58&#8211;0.87; <i>P</i> &lt; .001).</AbstractText>
      </Abstract>
      <AuthorList><Author><LastName>Moreau</LastName><Initials>AB</Initials></Author>
        <Author><CollectiveName>ORCHID-7 Investigators</CollectiveName></Author></AuthorList>
      <DataBankList><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>
        <AccessionNumberList><AccessionNumber>NCT09000001</AccessionNumber></AccessionNumberList></DataBank></DataBankList>
      <PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList>
    <ArticleId IdType="pubmed">31000001</ArticleId>
    <ArticleId IdType="doi">10.1000/jco.2021.001</ArticleId>
    <ArticleId IdType="pmc">PMC7000001</ArticleId>
  </ArticleIdList></PubmedData>
</PubmedArticle>
<PubmedArticle>
  <MedlineCitation><PMID Version="1">31000002</PMID>
    <Article><Journal><Title>Composed Letters</Title><JournalIssue><PubDate><MedlineDate>2020 Jan-Feb</MedlineDate></PubDate></JournalIssue></Journal>
      <ArticleTitle>A note without an abstract.</ArticleTitle></Article>
  </MedlineCitation>
</PubmedArticle>
</PubmedArticleSet>
"""


def ctgov_study(
    nct: str = "NCT09000002", with_results: bool = True, hr_upper: str = "0.81"
) -> dict:
    study: dict = {
        "protocolSection": {
            "identificationModule": {
                "nctId": nct,
                "briefTitle": "Velorimab Versus Docetaxel in Previously Treated Lung Cancer",
                "acronym": "LARK-3",
            },
            "statusModule": {"overallStatus": "COMPLETED"},
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Composed Pharma"}},
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "phases": ["PHASE3"],
                "designInfo": {"allocation": "RANDOMIZED", "maskingInfo": {"masking": "NONE"}},
                "enrollmentInfo": {"count": 420, "type": "ESTIMATED"},
            },
            "armsInterventionsModule": {
                "armGroups": [
                    {
                        "label": "Velorimab",
                        "type": "EXPERIMENTAL",
                        "description": "Velorimab 3 mg/kg every 2 weeks.",
                        "interventionNames": ["Drug: Velorimab"],
                    },
                    {
                        "label": "Docetaxel",
                        "type": "ACTIVE_COMPARATOR",
                        "description": "Docetaxel 75 mg/m2 every 3 weeks.",
                        "interventionNames": ["Drug: Docetaxel"],
                    },
                ]
            },
            "outcomesModule": {
                "primaryOutcomes": [{"measure": "Overall Survival", "timeFrame": "up to 5 years"}]
            },
            "eligibilityModule": {
                "eligibilityCriteria": "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n* Prior docetaxel"
            },
        }
    }
    if with_results:
        study["resultsSection"] = {
            "outcomeMeasuresModule": {
                "outcomeMeasures": [
                    {
                        "type": "PRIMARY",
                        "title": "Overall Survival",
                        "paramType": "MEDIAN",
                        "dispersionType": "95% Confidence Interval",
                        "unitOfMeasure": "months",
                        "groups": [
                            {"id": "OG000", "title": "Velorimab"},
                            {"id": "OG001", "title": "Docetaxel"},
                        ],
                        "denoms": [
                            {
                                "units": "Participants",
                                "counts": [
                                    {"groupId": "OG000", "value": "210"},
                                    {"groupId": "OG001", "value": "210"},
                                ],
                            }
                        ],
                        "classes": [
                            {
                                "categories": [
                                    {
                                        "measurements": [
                                            {
                                                "groupId": "OG000",
                                                "value": "9.2",
                                                "lowerLimit": "7.3",
                                                "upperLimit": "13.3",
                                            },
                                            {
                                                "groupId": "OG001",
                                                "value": "6.0",
                                                "lowerLimit": "5.1",
                                                "upperLimit": "7.3",
                                            },
                                        ]
                                    }
                                ]
                            }
                        ],
                        "analyses": [
                            {
                                "groupIds": ["OG000", "OG001"],
                                "pValue": "<0.001",
                                "paramType": "Hazard Ratio (HR)",
                                "paramValue": "0.62",
                                "ciPctValue": "95",
                                "ciLowerLimit": "0.47",
                                "ciUpperLimit": hr_upper,
                            }
                        ],
                    }
                ]
            }
        }
    return study


CTGOV_JSON = json.dumps(ctgov_study(), indent=2, ensure_ascii=False)

CTGOV_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clinical_study rank="1">
  <id_info><nct_id>NCT09000003</nct_id></id_info>
  <brief_title>Ostraparib Versus Placebo After Platinum Response</brief_title>
  <acronym>HERON-2</acronym>
  <overall_status>Completed</overall_status>
  <phase>Phase 3</phase>
  <study_type>Interventional</study_type>
  <study_design_info><allocation>Randomized</allocation><masking>Double</masking></study_design_info>
  <enrollment type="Actual">250</enrollment>
  <condition>Ovarian Cancer</condition>
  <arm_group><arm_group_label>Ostraparib</arm_group_label><arm_group_type>Experimental</arm_group_type></arm_group>
  <arm_group><arm_group_label>Placebo</arm_group_label><arm_group_type>Placebo Comparator</arm_group_type></arm_group>
  <intervention><intervention_type>Drug</intervention_type><intervention_name>Ostraparib</intervention_name><arm_group_label>Ostraparib</arm_group_label></intervention>
  <clinical_results><outcome_list><outcome>
    <type>Primary</type>
    <title>Progression-Free Survival</title>
    <group_list><group group_id="O1"><title>Ostraparib</title></group><group group_id="O2"><title>Placebo</title></group></group_list>
    <measure><title>Progression-Free Survival</title><units>months</units><param>Median</param>
      <dispersion>95% Confidence Interval</dispersion>
      <class_list><class><category_list><category><measurement_list>
        <measurement group_id="O1" value="19.1" lower_limit="16.2" upper_limit="22.0"/>
        <measurement group_id="O2" value="5.5" lower_limit="4.8" upper_limit="6.1"/>
      </measurement_list></category></category_list></class></class_list>
    </measure>
    <analysis_list><analysis>
      <group_id_list><group_id>O1</group_id><group_id>O2</group_id></group_id_list>
      <p_value>&lt;0.0001</p_value><param_type>Hazard Ratio (HR)</param_type><param_value>0.30</param_value>
      <ci_percent>95</ci_percent><ci_lower_limit>0.22</ci_lower_limit><ci_upper_limit>0.41</ci_upper_limit>
    </analysis></analysis_list>
  </outcome></outcome_list></clinical_results>
</clinical_study>
"""

HTML = """<!DOCTYPE html>
<html><head><title>News</title><style>.x{color:red}</style>
<script>window.track("Median OS 99.9 months");</script></head>
<body>
<nav class="site-nav"><a href="/">Home</a> Median PFS was 88.8 months in the menu.</nav>
<div class="cookie-consent">We use cookies. Accept 100% of them.</div>
<article>
<h1>KESTREL-5 improves survival in gastric cancer</h1>
<p>BOSTON, March 3 (Composed News) - Composed Pharma announced today that its drug felsotinib met the primary endpoint of KESTREL-5, the company said in a press release.</p>
<p>In the phase 3 KESTREL-5 trial, 500 patients were randomly assigned to felsotinib or placebo.
Median overall survival was 15.4 months with felsotinib versus 11.9 months with placebo (HR 0.77; 95% CI, 0.63&ndash;0.94; P = .009).</p>
</article>
<footer>Copyright 2024. Median survival 77.7 months.</footer>
</body></html>
"""
