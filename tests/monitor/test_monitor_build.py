"""The monitor's statistics against hand-computed values on small fictional fixtures."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbeeld.codebook import load_codebook
from inbeeld.errors import CodebookError, ConfigError, InputFormatError
from inbeeld.monitor import MonitorRecord, build_monitor, load_spec, records_from_files
from inbeeld.monitor.intervals import wilson_interval
from inbeeld.monitor.linking import hidden_by_series

CODEBOOK = load_codebook()


def record(n: int, year: int, reviewed: tuple[str, ...] = (), **codes) -> MonitorRecord:
    return MonitorRecord(id=f"t-{year}-{n}", year=year, codes=CODEBOOK.validate(codes),
                         reviewed=frozenset(reviewed))


def test_wilson_interval_for_3_of_10_matches_the_formula():
    z = 1.959963984540054  # 97.5% normal quantile
    n, p = 10, 0.3
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)

    low, high = wilson_interval(3, 10)

    assert low == pytest.approx(centre - half, abs=1e-9)
    assert high == pytest.approx(centre + half, abs=1e-9)
    assert low == pytest.approx(0.1078, abs=1e-4)  # published tables give 0.108–0.603
    assert high == pytest.approx(0.6032, abs=1e-4)


def test_wilson_interval_has_no_value_without_a_base():
    assert wilson_interval(0, 0) is None


@pytest.fixture
def records() -> list[MonitorRecord]:
    out = []
    # 2020: 3 minors exploited by a parent (one also by a network), 1 adult by a partner,
    # 1 conversation without exploitation
    out += [record(i, 2020, exploitation_type=["sexual"], minor="yes", perpetrator=["parent"])
            for i in range(2)]
    out.append(record(2, 2020, exploitation_type=["sexual", "criminal"], minor="yes",
                      perpetrator=["parent", "network"], reviewed=("perpetrator", "minor")))
    out.append(record(3, 2020, exploitation_type=["criminal"], minor="no", perpetrator=["partner_loverboy"]))
    out.append(record(4, 2020, minor="yes"))
    # 2021: 2 minors, one by a peer, one with unknown perpetrator; one outside-the-period year
    out.append(record(0, 2021, exploitation_type=["sexual"], minor="yes", perpetrator=["peer_acquaintance"]))
    out.append(record(1, 2021, exploitation_type=["labour"], minor="yes"))
    out.append(record(0, 2018, exploitation_type=["sexual"], minor="yes", perpetrator=["parent"]))
    return out


def test_perpetrators_of_minor_victims_are_counted_per_conversation(records):
    monitor = build_monitor(records, CODEBOOK, 2020, 2021, threshold=1)

    table = monitor.table("perpetrator_minor_victims_by_year")

    rows = [c.key for c in table.rows]
    columns = [c.key for c in table.columns]
    parent, network = rows.index("parent"), rows.index("network")
    y2020, y2021 = columns.index("2020"), columns.index("2021")
    assert table.counts[parent][y2020] == 3
    assert table.counts[network][y2020] == 1
    assert table.counts[parent][y2021] == 0
    # base: conversations about exploitation of a minor, each counted once in its year
    assert table.column_totals[y2020] == 3
    assert table.column_totals[y2021] == 2
    assert table.grand_total == 5
    assert table.row_totals[parent] == 3  # the period column
    assert table.share(parent, y2020) == pytest.approx(3 / 3)
    assert table.share(network, y2020) == pytest.approx(1 / 3)
    assert table.interval(network, y2020) == pytest.approx(wilson_interval(1, 3))
    assert "none" in rows  # the 2021 conversation without a named perpetrator


def test_the_base_sentence_states_the_unit_and_the_conditions(records):
    monitor = build_monitor(records, CODEBOOK, 2020, 2021, threshold=1)

    base = monitor.table("perpetrator_minor_victims_by_year").base_nl

    assert "Eenheid: het gesprek" in base
    assert "Minderjarig" in base and "ja" in base
    assert "Vorm van uitbuiting" in base
    assert "2020–2021" in base


def test_years_outside_the_period_are_not_counted(records):
    monitor = build_monitor(records, CODEBOOK, 2020, 2021, threshold=1)

    assert monitor.n_records == 7
    assert monitor.n_outside_period == 1
    assert monitor.key_figures.grand_total == 7


def test_every_codebook_variable_has_a_table_by_year(records):
    monitor = build_monitor(records, CODEBOOK, 2020, 2021, threshold=1)

    covered = {t.row_variable for t in monitor.tables if t.column_variable == "year"}

    assert covered == set(CODEBOOK.names)


def test_single_valued_variable_shows_unknown_and_shares_of_all_conversations(records):
    monitor = build_monitor(records, CODEBOOK, 2020, 2021, threshold=1)

    table = monitor.table("minor_by_year")

    rows = [c.key for c in table.rows]
    assert rows == ["yes", "no"]  # no unknown minor in the fixture: the row is left out
    assert table.counts[rows.index("yes")] == (4, 2)
    assert table.share(rows.index("no"), 0) == pytest.approx(1 / 5)


def test_age_groups_follow_the_published_bounds():
    recs = [record(i, 2022, victim_age=age, exploitation_type=["sexual"], perpetrator=["parent"])
            for i, age in enumerate([14, 15, 16, 17, 18, 40])]
    monitor = build_monitor(recs, CODEBOOK, 2022, 2022, threshold=1)

    table = monitor.table("age_group_by_perpetrator")

    by_group = {c.label_nl: table.row_totals[i] for i, c in enumerate(table.rows)}
    assert by_group == {"≤ 15": 2, "16–17": 2, "18+": 2}


def test_duration_by_perpetrator_shares_are_within_each_perpetrator():
    recs = [
        record(0, 2022, exploitation_type=["sexual"], perpetrator=["parent"], duration_year_or_more="yes"),
        record(1, 2022, exploitation_type=["sexual"], perpetrator=["parent"], duration_year_or_more="no"),
        record(2, 2022, exploitation_type=["sexual"], perpetrator=["parent", "network"],
               duration_year_or_more="yes"),
    ]
    table = build_monitor(recs, CODEBOOK, 2022, 2022, threshold=1).table("duration_by_perpetrator")

    rows = [c.key for c in table.rows]
    columns = [c.key for c in table.columns]
    yes, parent = rows.index("yes"), columns.index("parent")
    assert table.counts[yes][parent] == 2
    assert table.share(yes, parent) == pytest.approx(2 / 3)
    assert table.grand_total == 3  # conversations, though one has two perpetrators


def test_client_signals_are_among_conversations_that_mention_clients():
    recs = [
        record(0, 2023, clients_mentioned="yes", client_signals=["paid_parent"]),
        record(1, 2023, clients_mentioned="yes"),
        record(2, 2023, clients_mentioned="no"),
    ]
    table = build_monitor(recs, CODEBOOK, 2023, 2023, threshold=1).table("client_signals_when_clients")

    rows = [c.key for c in table.rows]
    assert table.grand_total == 2
    assert table.share(rows.index("paid_parent"), 0) == pytest.approx(1 / 2)


def test_reviewed_and_automatic_codes_are_counted_per_table(records):
    monitor = build_monitor(records, CODEBOOK, 2020, 2021, threshold=1)

    table = monitor.table("perpetrator_minor_victims_by_year")

    # 5 conversations x 3 variables (perpetrator, minor, exploitation_type); one reviewed 2 of them
    assert table.reviewed_codes == 2
    assert table.automatic_codes == 13


def test_small_counts_are_suppressed_with_their_shares():
    recs = [record(i, 2020, minor="yes") for i in range(30)] + [
        record(100 + i, 2020, minor="no") for i in range(3)
    ] + [record(200 + i, 2021, minor="yes") for i in range(25)] + [
        record(300 + i, 2021, minor="no") for i in range(20)
    ]
    table = build_monitor(recs, CODEBOOK, 2020, 2021, threshold=10).table("minor_by_year")

    rows = [c.key for c in table.rows]
    no = rows.index("no")
    assert not table.published(no, 0)
    assert not table.share_published(no, 0)
    assert table.published(rows.index("yes"), 0) is False  # its row would give the 3 back
    assert sum(not table.published(no, j) for j in range(3)) >= 2


def test_disclosure_log_names_positions_and_reasons_not_counts():
    recs = [record(i, 2020, minor="yes") for i in range(30)] + [record(99, 2020, minor="no")]
    monitor = build_monitor(recs, CODEBOOK, 2020, 2020, threshold=10)

    log = monitor.disclosure_log()
    entry = next(t for t in log["tables"] if t["table"] == "minor_by_year")

    statuses = {(s["row"], s["column"]): s["status"] for s in entry["suppressed"]}
    assert statuses[("no", "2020")] == "primary"
    assert "secondary" in statuses.values()
    assert all(set(s) == {"row", "column", "status", "reason"} for s in entry["suppressed"])
    json.dumps(log)  # machine-readable


def test_registered_series_keep_their_source_and_give_a_ratio(tmp_path: Path):
    csv = tmp_path / "reg.csv"
    csv.write_text(
        "year,group,count,source\n"
        "2020,registered_possible_victims_all,100,Bron A\n"
        "2021,registered_possible_victims_all,200,Bron A\n"
        "2020,registered_possible_victims_all,90,Bron B\n"
        "2010,registered_possible_victims_all,50,Bron A\n",
        encoding="utf-8",
    )
    recs = [record(i, 2020, exploitation_type=["sexual"]) for i in range(20)] + [
        record(100 + i, 2021, exploitation_type=["labour"]) for i in range(30)
    ] + [record(200 + i, 2021) for i in range(15)]  # not about exploitation: not counted
    monitor = build_monitor(recs, CODEBOOK, 2020, 2021, threshold=10, registered=csv)

    series = {s.source: s for s in monitor.comparison.series}

    assert set(series) == {"Bron A", "Bron B"}
    a = series["Bron A"]
    assert a.years == (2020, 2021)
    assert a.helpline == (20, 30, 50)
    assert a.registered == (100, 200, 300)
    assert a.ratio(0) == pytest.approx(0.2)
    assert a.ratio(2) == pytest.approx(50 / 300)
    assert series["Bron B"].years == (2020,)
    assert monitor.comparison.outside_period == 1


def test_small_helpline_counts_in_the_comparison_give_no_ratio():
    from inbeeld.monitor import RegisteredValue

    group = "registered_minors_domestic_sexual_exploitation"  # not a key-figure row: no links
    values = [RegisteredValue(2020, group, 100, "S", 2), RegisteredValue(2021, group, 100, "S", 3)]
    recs = [record(i, 2020, exploitation_type=["sexual"], minor="yes") for i in range(4)] + [
        record(10 + i, 2021, exploitation_type=["sexual"], minor="yes") for i in range(40)
    ]
    series = build_monitor(recs, CODEBOOK, 2020, 2021, registered=values).comparison.series[0]

    assert series.ratio(0) is None
    assert series.ratio(1) == pytest.approx(0.4)
    assert series.ratio(2) is None  # the period minus 2021 would give 2020 back


def test_years_hidden_in_the_key_figures_stay_hidden_in_the_comparison():
    from inbeeld.monitor import RegisteredValue

    recs = [record(i, 2020, exploitation_type=["sexual"]) for i in range(5)]
    recs += [record(100 + i, 2021, exploitation_type=["sexual"]) for i in range(12)]
    recs += [record(200 + i, 2022, exploitation_type=["sexual"]) for i in range(30)]
    values = [RegisteredValue(2021, "g", 100, "S", 2), RegisteredValue(2022, "g", 100, "S", 3)]

    monitor = build_monitor(recs, CODEBOOK, 2020, 2022, registered=values)

    key = monitor.key_figures
    row = [c.key for c in key.rows].index("exploitation")
    assert not key.published(row, 1)  # 12 hides the 5 of 2020 in the key figures
    series = monitor.comparison.series[0]
    assert series.years == (2021, 2022)
    assert series.ratio(0) is None  # else key-figure total - 2022 - 2021 gives 2020
    assert series.ratio(2) is None


@pytest.mark.parametrize("content, row, field", [
    ("year,group,count\n2020,g,1\n", 1, "source"),
    ("year,group,count,source\n2020,g,veel,S\n", 2, "count"),
    ("year,group,count,source\n2020,g,1,S\ntwintig,g,1,S\n", 3, "year"),
    ("year,group,count,source\n2020,g,1,\n", 2, "source"),
    ("year,group,count,source\n2020,g,1,S\n2020,g,2,S\n", 3, "year"),
])
def test_bad_registered_file_names_file_row_and_field(tmp_path: Path, content, row, field):
    path = tmp_path / "reg.csv"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(InputFormatError) as info:
        build_monitor([], CODEBOOK, 2020, 2021, registered=path)

    message = str(info.value)
    assert "reg.csv" in message and f"row {row}" in message and f"'{field}'" in message


def test_code_files_with_confidence_count_as_automatic(tmp_path: Path):
    conversations = tmp_path / "c.jsonl"
    conversations.write_text(
        '{"id": "a-1", "started_at": "2022-05-01T10:00:00+02:00", "messages": '
        '[{"role": "chatter", "text": "hoi"}]}\n'
        '{"id": "a-2", "started_at": "2023-05-01T10:00:00+02:00", "messages": '
        '[{"role": "chatter", "text": "hoi"}]}\n',
        encoding="utf-8",
    )
    codes = tmp_path / "codes.jsonl"
    codes.write_text(
        '{"id": "a-1", "codes": {"minor": "yes"}}\n'
        '{"id": "a-2", "codes": {"minor": "no"}, "confidence": {"minor": 0.8}}\n',
        encoding="utf-8",
    )

    recs = {r.id: r for r in records_from_files(conversations, codes, CODEBOOK)}

    assert recs["a-1"].year == 2022 and "minor" in recs["a-1"].reviewed
    assert recs["a-2"].year == 2023 and recs["a-2"].reviewed == frozenset()


def test_codes_without_a_conversation_name_file_and_field(tmp_path: Path):
    conversations = tmp_path / "c.jsonl"
    conversations.write_text("", encoding="utf-8")
    codes = tmp_path / "codes.jsonl"
    codes.write_text('{"id": "a-9", "codes": {}}\n', encoding="utf-8")

    with pytest.raises(InputFormatError, match=r"codes\.jsonl.*'id'"):
        list(records_from_files(conversations, codes, CODEBOOK))


def test_table_spec_with_unknown_variable_names_file_and_key(tmp_path: Path):
    spec = tmp_path / "tables.yaml"
    spec.write_text("tables:\n  - {key: x, title_nl: X, rows: daders, columns: year}\n", encoding="utf-8")

    with pytest.raises(ConfigError, match=r"tables\.yaml: key 'tables\[0\]\.rows'.*daders"):
        load_spec(CODEBOOK, spec)


def test_table_spec_with_value_outside_the_codebook_is_refused(tmp_path: Path):
    spec = tmp_path / "tables.yaml"
    spec.write_text(
        "tables:\n  - {key: x, title_nl: X, rows: minor, columns: year, where: {minor: ja}}\n",
        encoding="utf-8",
    )

    with pytest.raises(ConfigError, match=r"where\.minor.*'ja'"):
        load_spec(CODEBOOK, spec)


def test_a_code_outside_the_codebook_names_the_conversation_and_variable():
    bad = MonitorRecord(id="t-bad", year=2020, codes={"minor": "ja"})

    with pytest.raises(CodebookError, match=r"conversation t-bad.*'minor'.*'ja'"):
        build_monitor([bad], CODEBOOK, 2020, 2020)


def test_missing_codes_count_as_unknown():
    sparse = MonitorRecord(id="t-sparse", year=2020, codes={})

    table = build_monitor([sparse], CODEBOOK, 2020, 2020, threshold=1).table("minor_by_year")

    assert [c.key for c in table.rows][-1] == "unknown"
    assert table.row_totals[-1] == 1


def _random_record(draw_index: int, year: int, minor: str, forms: list[str], report: str) -> MonitorRecord:
    return record(draw_index, year, minor=minor, exploitation_type=forms, police_report=report)


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(2020, 2022),
            st.sampled_from(["yes", "no", "unknown"]),
            st.lists(st.sampled_from(["sexual", "criminal", "labour"]), max_size=2, unique=True),
            st.sampled_from(["yes", "no", "unknown"]),
        ),
        max_size=80,
    ),
    threshold=st.integers(2, 10),
)
def test_no_published_entry_of_any_table_is_a_small_count(rows, threshold):
    recs = [_random_record(i, *row) for i, row in enumerate(rows)]

    monitor = build_monitor(recs, CODEBOOK, 2020, 2022, threshold=threshold)
    hidden_rows = hidden_by_series([monitor.key_figures, *monitor.tables])

    for table in (monitor.key_figures, *monitor.tables):
        n_rows, n_columns = table.shape
        for i in range(n_rows + 1):
            for j in range(n_columns + 1):
                if table.published(i, j):
                    assert not 1 <= table.count(i, j) < threshold, (table.key, i, j)
                if table.share_published(i, j):
                    assert table.published(n_rows, j)
        for i, key in enumerate(table.series):  # a shared row is hidden alike everywhere
            if key is not None:
                columns = [*(c.key for c in table.columns), "period"]
                shown_hidden = {columns[j] for j in range(n_columns + 1) if not table.published(i, j)}
                assert shown_hidden == hidden_rows.get(key, frozenset()), (table.key, i)
        if not table.multi_valued_rows and table.column_variable == "year":
            hidden = table.protection.suppressed()
            for line in [[(i, j) for j in range(n_columns + 1)] for i in range(n_rows + 1)] + [
                [(i, j) for i in range(n_rows + 1)] for j in range(n_columns + 1)
            ]:
                assert sum(cell in hidden for cell in line) != 1, table.key


def test_a_year_hidden_in_the_key_figures_is_hidden_in_every_table_over_the_same_conversations():
    recs = [record(i, 2020, exploitation_type=["sexual"]) for i in range(5)]
    recs += [record(100 + i, 2021, exploitation_type=["sexual"]) for i in range(12)]
    recs += [record(200 + i, 2022, exploitation_type=["sexual"]) for i in range(30)]

    monitor = build_monitor(recs, CODEBOOK, 2020, 2022)

    key = monitor.key_figures
    assert not key.published([c.key for c in key.rows].index("exploitation"), 1)
    forms = monitor.table("exploitation_forms_by_year")
    assert not forms.published(len(forms.rows), 1)  # its base row: the same 12 conversations


def test_registered_file_with_semicolons_is_read(tmp_path: Path):
    from inbeeld.monitor import read_registered

    path = tmp_path / "reg.csv"
    path.write_text("year;group;count;source\n2020;g;120;Bron A\n", encoding="utf-8")

    (value,) = read_registered(path)

    assert (value.year, value.group, value.count, value.source, value.row) == (2020, "g", 120, "Bron A", 2)


def test_none_row_is_hidden_where_its_complement_is_hidden():
    # 4 conversations about exploitation in 2020 among 40: "none" = n - 4 would give the 4 back
    recs = [record(i, 2020, exploitation_type=["sexual"]) for i in range(4)]
    recs += [record(100 + i, 2020) for i in range(36)]
    recs += [record(200 + i, 2021, exploitation_type=["sexual"]) for i in range(30)]
    recs += [record(300 + i, 2021) for i in range(30)]

    monitor = build_monitor(recs, CODEBOOK, 2020, 2021)

    table = monitor.table("exploitation_type_by_year")
    none = [c.key for c in table.rows].index("none")
    assert table.published(len(table.rows), 0)  # n for 2020 (40) is shown
    assert not table.published(none, 0)  # so 36 must not be
