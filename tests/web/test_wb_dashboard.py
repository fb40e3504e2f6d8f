"""The dashboard's protected year tables, and the Dutch interface with English switchable."""

import pytest
from django.urls import reverse
from test_wb_support import fast_hashing, make_conversation, make_user, sign_in  # noqa: F401

from inbeeld.codebook import load_codebook
from inbeeld.monitor.records import MonitorRecord
from inbeeld.web.dashboard.services import THRESHOLD, year_table
from inbeeld.web.permissions import Role

pytestmark = pytest.mark.django_db


def records(counts):
    """counts: {(year, value): n} for the variable minor."""
    out = []
    for (year, value), n in counts.items():
        out += [MonitorRecord(id=f"{year}-{value}-{i}", year=year, codes={"minor": value}) for i in range(n)]
    return out


def test_no_published_count_is_between_one_and_the_threshold():
    table = year_table(load_codebook()["minor"], records({
        (2021, "yes"): 25, (2021, "no"): 3, (2022, "yes"): 40, (2022, "no"): 30, (2022, "unknown"): 12,
    }))
    shown = [cell for row in table.cells for cell in row if cell.shown]
    assert shown and all(not 1 <= cell.count < THRESHOLD for cell in shown)
    assert table.suppressed >= 2  # the small cell and at least one that would reveal it


def test_a_suppressed_cell_cannot_be_worked_out_from_its_row_total():
    table = year_table(load_codebook()["minor"], records({
        (2021, "yes"): 25, (2021, "no"): 3, (2022, "yes"): 40, (2022, "no"): 30,
    }))
    no_row = table.cells[table.values.index("no")]
    hidden = [cell for cell in no_row if not cell.shown]
    assert len(hidden) != 1  # one hidden entry in a line could be subtracted out


def test_the_dashboard_shows_conversations_per_year_with_small_counts_hidden(client, fast_hashing):  # noqa: F811
    for i in range(12):
        make_conversation(f"d-a{i}", year=2021)
    for i in range(3):
        make_conversation(f"d-b{i}", year=2022)
    sign_in(client, make_user("res-d", Role.RESEARCHER))
    html = client.get(reverse("dashboard:index"), {"variable": "minor"}).content.decode()
    assert '<td class="num">12</td>' in html
    assert '<td class="num">3</td>' not in html and "•" in html


def test_the_interface_is_dutch_and_switches_to_english(client, fast_hashing):  # noqa: F811
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Aanmelden" in page and 'lang="nl"' in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:login")})
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in" in page and 'lang="en"' in page
