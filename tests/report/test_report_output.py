"""The written report: every section and table in the HTML, a PDF with pages, protected exports."""

from __future__ import annotations

import csv
import json
import random
import re
import zlib
from pathlib import Path

import pyreadstat
import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from inbeeld.codebook import load_codebook
from inbeeld.monitor import MonitorRecord, RegisteredValue, build_monitor
from inbeeld.report import ReportSection, ReportTable, report_html, write_report

CODEBOOK = load_codebook()


def random_records(n: int, seed: int = 7) -> list[MonitorRecord]:
    """Fictional coded conversations: random codes from the codebook's values."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        codes = {}
        for variable in CODEBOOK.variables:
            if variable.is_integer:
                codes[variable.name] = rng.choice([12, 14, 15, 16, 17, 19, 25, "unknown"])
            elif variable.multi:
                pool = variable.values or ("Snapchat", "Instagram", "TikTok", "Telegram")
                codes[variable.name] = rng.sample(pool, rng.choice([0, 1, 1, 2]))
            else:
                codes[variable.name] = rng.choice([*variable.values, "unknown"])
        reviewed = frozenset(v for v in CODEBOOK.names if rng.random() < 0.3)
        year = rng.choice([2021, 2022, 2023])
        out.append(MonitorRecord(f"r-{k}", year, CODEBOOK.validate(codes), reviewed))
    return out


REGISTERED = (
    RegisteredValue(2021, "registered_possible_victims_all", 791, "Bron <A>", 2),
    RegisteredValue(2022, "registered_possible_victims_all", 800, "Bron <A>", 3),
    RegisteredValue(2022, "registered_possible_victims_all", 700, "Bron B", 4),
)
EXTRA = ReportSection(
    title="Strafzaken <script>alert(1)</script>",
    paragraphs=("Een hoofdstuk van een ander deel & zo.",),
    tables=(ReportTable("Vonnissen", ("jaar", "n"), (("2022", "<10"),)),),
)


@pytest.fixture(scope="module")
def monitor():
    return build_monitor(random_records(400), CODEBOOK, 2021, 2023, threshold=10, registered=REGISTERED)


@pytest.fixture(scope="module")
def written(monitor, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("report")
    return write_report(monitor, out, "nl", (EXTRA,), reliability={"minor": {"alpha": 0.8}},
                        reliability_source="eval.json", internal=True)


@pytest.fixture(scope="module")
def page(written):
    return lxml_html.fromstring(written["html"].read_text(encoding="utf-8"))


def test_report_has_every_section_in_order(page):
    titles = [h.text_content() for h in page.xpath("//section/h2")]

    assert titles == [
        "Kerncijfers", "Tabellen", "Vergelijking met geregistreerde cijfers",
        "Strafzaken <script>alert(1)</script>", "Methode en verantwoording",
    ]


def test_report_has_every_monitor_table(page, monitor):
    shown = {h.text_content() for h in page.xpath("//div[@class='table-block']/h3")}

    for table in (monitor.key_figures, *monitor.tables):
        assert table.title_nl in shown


def test_each_table_states_its_base_and_review_status(page):
    for block in page.xpath("//section[@id and .//h2[text()='Tabellen']]//div[@class='table-block']"):
        notes = " ".join(p.text_content() for p in block.xpath("p[@class='note']"))
        assert "Eenheid: het gesprek" in notes
        assert "beoordeeld door een persoon" in notes


def test_published_cross_tables_are_present(page):
    keys = set(page.xpath("//div[@class='table-block']/@id"))

    for key in ("age_group_by_perpetrator", "exploitation_forms_by_year", "duration_by_perpetrator",
                "client_signals_when_clients", "recruited_online_by_year",
                "platforms_recruited_online_by_year", "first_reaction_by_year",
                "police_report_made_by_year"):
        assert key in keys


def test_html_is_self_contained(page):
    assert page.xpath("//img")  # the charts are there
    assert all(src.startswith("data:image/png;base64,") for src in page.xpath("//img/@src"))
    assert not page.xpath("//link | //script")
    assert not [a for a in page.xpath("//a/@href") if not a.startswith("#")]


def test_user_strings_are_escaped(written):
    raw = written["html"].read_text(encoding="utf-8")

    assert "<script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "Bron &lt;A&gt;" in raw


def test_small_counts_show_as_below_threshold_in_the_html(page, monitor):
    table = monitor.table("platforms_recruited_online_by_year")
    primary = [e for e in table.protection.entries if e.status == "primary" and e.row < table.shape[0]
               and e.column < table.shape[1]]
    assert primary, "the fixture should produce small cells"
    entry = primary[0]

    cells = page.xpath(f"//div[@id='{table.key}']//tbody/tr[{entry.row + 1}]/td[{entry.column + 2}]")

    assert cells[0].text_content().strip() == "<10"


def test_comparison_keeps_sources_apart(page):
    titles = [h.text_content() for h in page.xpath("//div[starts-with(@id, 'comparison-')]/h3")]

    assert len(titles) == 2
    assert any("Bron <A>" in t for t in titles) and any("Bron B" in t for t in titles)
    text = page.text_content()
    assert "niet kan betekenen" in text


def test_pdf_exists_with_pages(written):
    data = written["pdf"].read_bytes()

    assert data.startswith(b"%PDF")
    assert pdf_page_count(data) >= 5


def pdf_page_count(data: bytes) -> int:
    """Count page objects, looking inside compressed object streams too."""
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return sum(len(re.findall(rb"/Type\s*/Page(?![s\w])", chunk)) for chunk in chunks)


def test_csv_hides_every_suppressed_count(written, monitor):
    with written["csv"].open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))

    hidden = [r for r in rows if r["status"] in ("primary", "secondary")]
    assert hidden
    assert all(r["count"] == "" and r["share"] == "" for r in hidden)
    assert {r["count_shown"] for r in hidden} <= {"<10", "x"}
    tables = (monitor.key_figures, *monitor.tables)
    assert len(rows) == sum((t.shape[0] + 1) * (t.shape[1] + 1) for t in tables)


def test_spss_file_matches_the_csv(written):
    frame, meta = pyreadstat.read_sav(str(written["sav"]))
    with written["csv"].open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))

    assert len(frame) == len(rows)
    hidden = frame["status"].isin(["primary", "secondary"])
    assert frame.loc[hidden, "count"].isna().all()
    assert meta.column_names_to_labels["share"].startswith("Aandeel")


def test_only_the_internal_excel_says_it_is_internal_on_every_sheet(written):
    internal = load_workbook(written["internal_xlsx"], read_only=True)
    published = load_workbook(written["xlsx"], read_only=True)

    for sheet in internal.worksheets:
        assert "NIET PUBLICEREN" in str(next(sheet.iter_rows(max_row=1, values_only=True))[0])
    for sheet in published.worksheets:
        assert "NIET PUBLICEREN" not in str(next(sheet.iter_rows(max_row=1, values_only=True))[0])


def test_published_excel_shows_hidden_counts_as_marks(written, monitor):
    book = load_workbook(written["xlsx"], read_only=True)
    values = [v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row]

    assert "<10" in values


def test_disclosure_log_lists_primary_and_secondary_cells(written):
    log = json.loads(written["disclosure_log"].read_text(encoding="utf-8"))

    statuses = {s["status"] for t in log["tables"] for s in t["suppressed"]}
    assert statuses == {"primary", "secondary"}
    assert log["threshold"] == 10


def test_english_report_on_request(monitor):
    page = lxml_html.fromstring(report_html(monitor, "en"))

    titles = [h.text_content() for h in page.xpath("//section/h2")]
    assert titles[0] == "Key figures" and titles[-1] == "Methods"
    assert page.xpath("//html/@lang") == ["en"]


def test_report_section_refuses_rows_that_do_not_fit_the_header():
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        ReportTable("t", ("a", "b"), (("x",),))
