"""The dashboard shows the monitor's protected tables; Dutch interface with English switchable."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from test_wb_support import fast_hashing, make_conversation, make_user, sign_in  # noqa: F401

from inbeeld.codebook import load_codebook
from inbeeld.web.dashboard import services
from inbeeld.web.dashboard.services import THRESHOLD, current_monitor, snapshot, table_view
from inbeeld.web.permissions import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def store(per_year):
    """per_year: {year: n} conversations, each with the suggestions of test_wb_support."""
    for year, n in per_year.items():
        for i in range(n):
            make_conversation(f"d-{year}-{i}", year=year)


def test_every_table_shows_exactly_the_entries_the_monitor_publishes():
    store({2021: 14, 2022: 3, 2023: 11})
    monitor = current_monitor(load_codebook())
    for table in (monitor.key_figures, *monitor.tables):
        view = table_view(table, "nl")
        for i, row in enumerate(view.rows):
            for j, cell in enumerate(row.cells):
                assert cell.shown == table.published(i, j)
                if cell.shown:
                    assert not 1 <= int(cell.text) < THRESHOLD
                else:
                    assert cell.text == "•" and cell.share == ""


def test_the_dashboard_hides_a_small_year_and_shows_the_period_total(client, fast_hashing):  # noqa: F811
    store({2021: 12, 2022: 3})
    sign_in(client, make_user("res-d", Role.RESEARCHER))
    html = client.get(reverse("dashboard:index")).content.decode()
    start = html.index('id="key-figures"')
    key_figures = html[start:html.index("</table>", start)]
    assert '<td class="num">15' in key_figures  # the period's conversations
    assert '<td class="num">3' not in key_figures and "•" in key_figures


def test_the_dashboard_follows_new_codes(client, fast_hashing):  # noqa: F811
    store({2021: 12})
    book = load_codebook()
    first = current_monitor(book)
    make_conversation("d-extra", year=2021)
    assert current_monitor(book).n_records == first.n_records + 1


def test_a_chosen_monitor_table_is_shown(client, fast_hashing):  # noqa: F811
    store({2021: 12})
    sign_in(client, make_user("res-t", Role.RESEARCHER))
    monitor = current_monitor(load_codebook())
    chosen = monitor.tables[-1]
    html = client.get(reverse("dashboard:index"), {"table": chosen.key}).content.decode()
    assert f'<option value="{chosen.key}" selected>' in html
    assert chosen.title_nl in html


def test_the_interface_is_dutch_and_switches_to_english(client, fast_hashing):  # noqa: F811
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Aanmelden" in page and 'lang="nl"' in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:login")})
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in" in page and 'lang="en"' in page


def test_a_changed_store_shows_the_last_monitor_marked_stale_while_it_is_rebuilt(monkeypatch):
    store({2021: 12})
    book = load_codebook()
    first = snapshot(book, background=False)
    started = []
    monkeypatch.setattr(services, "BACKGROUND_FROM", 10)
    monkeypatch.setattr(services, "_rebuild_in_background", lambda book, stamp: started.append(stamp))
    make_conversation("d-new", year=2021)
    shot = snapshot(book)
    assert shot.stale and shot.monitor.n_records == first.monitor.n_records
    assert len(started) == 1


def test_a_small_store_is_recounted_at_once(monkeypatch):
    store({2021: 12})
    book = load_codebook()
    snapshot(book, background=False)
    monkeypatch.setattr(services, "_rebuild_in_background", lambda book, stamp: pytest.fail("background"))
    make_conversation("d-new", year=2021)
    shot = snapshot(book)
    assert not shot.stale and shot.monitor.n_records == 13
