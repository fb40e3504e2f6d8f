"""The dark-number (MSE) and court-cases chapters: estimates stated, small counts protected, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.codebook import load_codebook
from inbeeld.judgments.io import write_facts
from inbeeld.judgments.model import JudgmentFacts, Sentence
from inbeeld.monitor import MonitorRecord, build_monitor
from inbeeld.monitor.mse import capture_table, estimate_population, simulate_captures
from inbeeld.report import report_html
from inbeeld.report.chapters import add_to_disclosure_log, cases_chapter, mse_chapter

CODEBOOK = load_codebook()


# --- helpers -------------------------------------------------------------------------------------

def table_rows(section, title: str) -> dict[str, tuple[str, ...]]:
    """{first cell: other cells} of the chapter table with this title."""
    [table] = [t for t in section.tables if t.title == title]
    return {row[0]: row[1:] for row in table.rows}


def html_tables(page: str) -> dict[str, list[list[str]]]:
    """{h3 title: rows of cell texts} of every table in a rendered report."""
    tree = lxml_html.fromstring(page)
    out = {}
    for block in tree.xpath('//div[@class="table-block"]'):
        title = block.xpath("string(h3)")
        out[title] = [[td.text_content() for td in tr.xpath("td")] for tr in block.xpath(".//tbody/tr")]
    return out


def h2_titles(page: str) -> list[str]:
    return [h.text_content() for h in lxml_html.fromstring(page).xpath("//section/h2")]


def dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def case(k: int, year: int, *, age: int | None = 16, defendant_age: int | None = 40,
         channel: str | None = "chat", demanded: float | None = 100, imposed: float | None = 50,
         service: float | None = None, acquitted: bool = False) -> JudgmentFacts:
    """A fictional case (no text, only the facts the statistics read)."""
    return JudgmentFacts(
        source=f"zaak-{k}.txt", defendant=f"verdachte {k}", year=year, role_of_defendant="client",
        victim_ages=() if age is None else (age,), victim_genders=("female",),
        defendant_age=defendant_age, contact_channel=channel,
        demanded=Sentence(prison_days_unconditional=demanded),
        imposed=Sentence() if imposed is None else Sentence(prison_days_unconditional=imposed,
                                                           community_service_hours=service),
        acquitted=acquitted,
    )


@pytest.fixture(scope="module")
def monitor():
    records = [
        MonitorRecord(f"r-{k}", 2021 + k % 2, CODEBOOK.validate({"minor": "yes"}), frozenset())
        for k in range(30)
    ]
    return build_monitor(records, CODEBOOK, 2021, 2022, threshold=10)


# --- MSE -----------------------------------------------------------------------------------------

def test_two_independent_lists_give_the_lincoln_petersen_estimate():
    only_a, only_b, both = 300, 200, 50
    n_a, n_b = only_a + both, only_b + both
    lincoln_petersen = n_a * n_b / both  # 350 * 250 / 50 = 1750, by hand
    observed = only_a + only_b + both
    table = capture_table(["A", "B"], [([1, 0], only_a), ([0, 1], only_b), ([1, 1], both)])

    result = estimate_population(table, method="main")
    chapter = mse_chapter(result, table, "nl", 10)

    assert result.population == pytest.approx(lincoln_petersen, rel=1e-6)
    estimates = table_rows(chapter.section, "Schatting")
    assert estimates["Geschatte totale omvang"] == (dutch(1750),)
    assert estimates["Geschat aantal op geen enkele lijst (dark number)"] == (dutch(1750 - observed),)
    assert estimates["Geregistreerd op minstens één lijst"] == (dutch(observed),)
    # no count below 10: the pattern table and the list sizes are published as they are
    patterns = table_rows(chapter.section, "Aantallen per combinatie van lijsten")
    assert patterns["A + B"] == ("50",) and patterns["totaal gezien"] == ("550",)
    assert table_rows(chapter.section, "Omvang per lijst") == {"A": ("350",), "B": ("250",)}


def test_mse_chapter_states_the_estimate_of_a_simulated_table_and_protects_small_patterns():
    table = simulate_captures(2000, (0.2, 0.15, 0.1), rng=np.random.default_rng(5),
                              lists=("Politie", "Zorg", "Hulplijn"))
    small = [k for k, c in enumerate(table.counts) if 0 < c < 10]
    assert small, "the fixture needs a small pattern (the triple overlap)"
    result = estimate_population(table, method="stepwise")

    chapter = mse_chapter(result, table, "en", 10)

    estimates = table_rows(chapter.section, "Estimate")
    assert estimates["Estimated total size"] == (f"{round(result.population):,}",)
    assert any(f"{round(result.population):,}" in p for p in chapter.section.paragraphs)
    patterns = table_rows(chapter.section, "Counts per combination of lists")
    assert patterns["Politie + Zorg + Hulplijn"] == ("<10",)
    hidden = [v for (v,) in patterns.values() if v in ("<10", "x")]
    assert len(hidden) >= 2  # the total is shown, so one hidden pattern needs a partner
    assert not [t for t in chapter.section.tables if t.title == "Size of each list"]
    logged = chapter.disclosure["tables"][0]["suppressed"]
    assert {e["status"] for e in logged} == {"primary", "secondary"}


def test_simulated_demo_data_is_said_to_be_simulated():
    table = simulate_captures(800, (0.3, 0.3), rng=np.random.default_rng(1))
    result = estimate_population(table, method="main")

    nl = mse_chapter(result, table, "nl", 10, simulated={"seed": 1, "population": 800})
    en = mse_chapter(result, None, "en", 10)

    assert "gesimuleerde" in nl.section.paragraphs[0]
    assert not any("simulated" in p for p in en.section.paragraphs)
    assert len(en.section.tables) == 1  # without the capture table only the estimates


# --- court cases ---------------------------------------------------------------------------------

def test_court_case_counts_below_threshold_show_as_hidden_with_a_partner():
    facts = [case(k, 2021) for k in range(25)] + [case(100 + k, 2022) for k in range(3)]

    chapter = cases_chapter(facts, "nl", 10)

    years = table_rows(chapter.section, "Zaken per jaar (jaar van de uitspraak)")
    assert years["2022"] == ("<10",)
    assert years["2021"] == ("x",)  # else 28 - 25 would give the small year back
    assert years["totaal"] == ("28",)
    logged = {t["table"]: t["suppressed"] for t in chapter.disclosure["tables"]}
    assert {(e["row"], e["status"]) for e in logged["court_cases_per_year"]} == {
        ("2022", "primary"), ("2021", "secondary")}


def test_sentence_shares_are_hidden_when_their_complement_is_small():
    # 23 sentenced, 5 not (no imposed sentence): showing 23 next to 28 would give the 5 back
    facts = [case(k, 2021, imposed=1, service=40) for k in range(23)]
    facts += [case(100 + k, 2021, imposed=None) for k in range(5)]

    chapter = cases_chapter(facts, "nl", 10)

    rows = table_rows(chapter.section, "Straffen naar leeftijd van het jongste slachtoffer")
    cases_total, sentenced, _one_day, one_day_pct, *_ = rows["totaal"]
    assert cases_total == "28"
    assert sentenced == "x" and one_day_pct == ""
    assert not any("kregen" in p for p in chapter.section.paragraphs)


def test_sentence_shares_published_over_enough_cases_with_hand_computed_percentages():
    # 12 with one day + community service, 10 with 120 days, 8 with 50 days; all victims 14
    facts = [case(k, 2022, age=14, imposed=1, service=60) for k in range(12)]
    facts += [case(20 + k, 2022, age=14, imposed=120, demanded=100) for k in range(10)]
    facts += [case(40 + k, 2022, age=14, imposed=50, demanded=100) for k in range(8)]

    chapter = cases_chapter(facts, "en", 10)

    rows = table_rows(chapter.section, "Sentences by age of the youngest victim")
    assert rows["15 or younger"][:3] == ("30", "30", "12")
    assert rows["15 or younger"][3].startswith("40.0%")  # 12 / 30
    assert rows["15 or younger"][4] == "10"
    assert rows["15 or younger"][5].startswith("33.3%")  # 10 / 30
    text = " ".join(chapter.section.paragraphs)
    # ratios imposed/demanded: 12 x 0.01, 8 x 0.5, 10 x 1.2 -> the median is 0.5
    assert "Median of imposed divided by demanded unconditional prison days: 0.50 (over 30 cases" in text
    assert "0.01" not in text and "1.20" not in text  # no per-case ratio is published


def test_median_ratio_is_withheld_below_the_threshold():
    facts = [case(k, 2021) for k in range(6)]

    chapter = cases_chapter(facts, "nl", 10)

    text = " ".join(chapter.section.paragraphs)
    assert "niet gepubliceerd" in text and "Mediaan van opgelegde gedeeld door geëiste onvoorwaardelijke" \
        not in text
    assert "Aantal zaken: <10" in text


def test_age_difference_share_of_15_years_or_more():
    facts = [case(k, 2021, age=15, defendant_age=45) for k in range(14)]   # 30 years apart
    facts += [case(50 + k, 2021, age=17, defendant_age=25) for k in range(11)]  # 8 years apart

    chapter = cases_chapter(facts, "nl", 10)

    rows = table_rows(chapter.section, "Leeftijdsverschil verdachte – jongste slachtoffer")
    assert rows["15 jaar of meer"][0] == "14" and rows["15 jaar of meer"][1].startswith("56,0%")  # 14/25
    assert rows["minder dan 15 jaar"][0] == "11"


# --- rendered report and CLI ---------------------------------------------------------------------

def test_chapters_appear_in_the_html_only_when_given(monitor):
    table = capture_table(["A", "B"], [([1, 0], 300), ([0, 1], 200), ([1, 1], 4)])
    mse = mse_chapter(estimate_population(table, method="main"), table, "nl", 10)
    cases = cases_chapter([case(k, 2021) for k in range(25)] + [case(99, 2022)], "nl", 10)

    plain = report_html(monitor, "nl")
    full = report_html(monitor, "nl", [mse.section, cases.section])

    titles = h2_titles(full)
    assert mse.section.title in titles and "Strafzaken" in titles
    assert titles.index("Strafzaken") < len(titles) - 1  # before the methods
    assert "Strafzaken" not in h2_titles(plain) and mse.section.title not in h2_titles(plain)
    tables = html_tables(full)
    assert ["A + B", "<10"] in tables["Aantallen per combinatie van lijsten"]
    assert ["2022", "<10"] in tables["Zaken per jaar (jaar van de uitspraak)"]


def test_chapters_are_added_to_the_disclosure_log(tmp_path: Path):
    log = tmp_path / "disclosure_log.json"
    log.write_text(json.dumps({"threshold": 10, "tables": []}), encoding="utf-8")
    chapter = cases_chapter([case(k, 2021) for k in range(25)] + [case(99, 2022)], "nl", 10)

    add_to_disclosure_log(log, [chapter])

    data = json.loads(log.read_text(encoding="utf-8"))
    assert data["tables"] == []
    [logged] = data["chapters"]
    per_year = next(t for t in logged["tables"] if t["table"] == "court_cases_per_year")
    assert {e["row"] for e in per_year["suppressed"]} == {"2022", "2021"}


@pytest.fixture
def report_inputs(tmp_path: Path) -> dict[str, Path]:
    conversations, codes = tmp_path / "c.jsonl", tmp_path / "codes.jsonl"
    lines_c, lines_k = [], []
    for k in range(24):
        year = 2021 + k % 2
        lines_c.append(json.dumps({"id": f"f-{k}", "started_at": f"{year}-06-01T12:00:00+02:00",
                                   "messages": [{"role": "chatter", "text": "hoi"}]}))
        lines_k.append(json.dumps({"id": f"f-{k}", "codes": {"minor": "yes" if k % 3 else "no"}}))
    conversations.write_text("\n".join(lines_c) + "\n", encoding="utf-8")
    codes.write_text("\n".join(lines_k) + "\n", encoding="utf-8")
    mse = tmp_path / "lists.csv"
    mse.write_text("A,B,count\n1,0,300\n0,1,200\n1,1,50\n", encoding="utf-8")
    facts = tmp_path / "facts.jsonl"
    write_facts(facts, [case(k, 2021) for k in range(25)] + [case(99, 2022)])
    return {"conversations": conversations, "codes": codes, "mse": mse, "judgments": facts}


def run_report(out: Path, files: dict[str, Path], *extra: str):
    return CliRunner().invoke(app, [
        "report", "--from", "2021", "--to", "2022", "-o", str(out), "--no-pdf",
        "--conversations", str(files["conversations"]), "--codes", str(files["codes"]), *extra,
    ])


def test_report_command_writes_both_chapters(tmp_path: Path, report_inputs):
    out = tmp_path / "out"

    result = run_report(out, report_inputs, "--mse", str(report_inputs["mse"]), "--mse-method", "main",
                        "--judgments", str(report_inputs["judgments"]))

    assert result.exit_code == 0, result.output
    page = (out / "monitor_2021_2022.html").read_text(encoding="utf-8")
    titles = h2_titles(page)
    assert "Strafzaken" in titles
    assert "Schatting van het dark number (multiple systems estimation)" in titles
    tables = html_tables(page)
    assert ["Geschatte totale omvang", "1.750"] in tables["Schatting"]  # 350 * 250 / 50
    assert ["2022", "<10"] in tables["Zaken per jaar (jaar van de uitspraak)"]
    log = json.loads((out / "disclosure_log.json").read_text(encoding="utf-8"))
    assert [c["chapter"] for c in log["chapters"]] == ["dark_number", "court_cases"]


def test_report_command_without_chapter_options_has_neither(tmp_path: Path, report_inputs):
    out = tmp_path / "out"

    result = run_report(out, report_inputs, "--lang", "en")

    assert result.exit_code == 0, result.output
    titles = h2_titles((out / "monitor_2021_2022_en.html").read_text(encoding="utf-8"))
    assert "Court cases" not in titles and not any("dark figure" in t for t in titles)
    assert "chapters" not in json.loads((out / "disclosure_log.json").read_text(encoding="utf-8"))


def test_report_command_refuses_an_unknown_mse_method(tmp_path: Path, report_inputs):
    result = run_report(tmp_path / "out", report_inputs, "--mse", str(report_inputs["mse"]),
                        "--mse-method", "fancy")

    assert result.exit_code != 0
    assert "--mse-method" in str(result.exception)


def test_report_on_the_dutch_lists_protects_small_patterns(tmp_path: Path, report_inputs, shared_dir):
    ned = shared_dir / "data" / "mse" / "ned.csv"
    if not ned.is_file():
        pytest.skip("ned.csv is not in shared/data/mse")
    out = tmp_path / "out"

    result = run_report(out, report_inputs, "--mse", str(ned), "--lang", "en")

    assert result.exit_code == 0, result.output
    tables = html_tables((out / "monitor_2021_2022_en.html").read_text(encoding="utf-8"))
    patterns = tables["Counts per combination of lists"]
    small = [row for row in patterns if row[1] == "<10"]
    assert small  # the Dutch data have patterns with counts 1-9
    for _, cell in patterns:
        assert cell in ("<10", "x") or int(cell.replace(",", "")) >= 10 or cell == "0"
    assert "Size of each list" not in tables


def test_cases_outside_the_period_are_left_out_and_said_so():
    facts = [case(k, 2021) for k in range(12)] + [case(50 + k, 2016) for k in range(3)]
    facts.append(case(99, 2021))  # written twice below: the same ECLI and defendant count once
    facts.append(JudgmentFacts(source="dup.txt", defendant="verdachte 7", ecli="ECLI:NL:RBAMS:2016:1",
                               year=2016, role_of_defendant="client"))
    facts.append(JudgmentFacts(source="dup2.txt", defendant="verdachte 7", ecli="ECLI:NL:RBAMS:2016:1",
                               year=2016, role_of_defendant="client"))

    chapter = cases_chapter(facts, "en", 10, period=(2019, 2024))

    years = table_rows(chapter.section, "Cases per year (year of the decision)")
    assert set(years) == {"2021", "total"} and years["total"] == ("13",)
    assert "Cases decided outside 2019–2024 (<10) are not counted" in chapter.section.paragraphs[1]


def test_age_difference_total_row_has_no_share_of_itself():
    facts = [case(k, 2021, age=15, defendant_age=45) for k in range(12)]

    rows = table_rows(cases_chapter(facts, "nl", 10).section,
                      "Leeftijdsverschil verdachte – jongste slachtoffer")

    assert rows["totaal"] == ("12", "")


def test_report_command_counts_the_roles_asked_for(tmp_path: Path, report_inputs):
    facts = tmp_path / "roles.jsonl"
    traffickers = [JudgmentFacts(source=f"t{k}.txt", year=2022, role_of_defendant="trafficker")
                   for k in range(11)]
    write_facts(facts, [case(k, 2021) for k in range(12)] + traffickers)
    out = tmp_path / "out"

    result = run_report(out, {**report_inputs, "judgments": facts}, "--judgments", str(facts),
                        "--judgments-role", "all")
    bad = run_report(tmp_path / "bad", report_inputs, "--judgments", str(facts),
                     "--judgments-role", "klant")

    assert result.exit_code == 0, result.output
    tables = html_tables((out / "monitor_2021_2022.html").read_text(encoding="utf-8"))
    assert ["totaal", "23"] in tables["Zaken per jaar (jaar van de uitspraak)"]
    assert "--judgments-role" in str(bad.exception)


def test_demo_chapter_is_simulated_and_states_its_estimate():
    from inbeeld.commands.demo import _demo_mse_chapter

    chapter = _demo_mse_chapter("en", 10)

    assert "simulated demonstration data" in chapter.section.paragraphs[0]
    estimate = table_rows(chapter.section, "Estimate")["Estimated total size"][0]
    assert 1000 < int(estimate.replace(",", "")) < 5000  # simulated around a known size of 2,500
