"""The link graph on a handler's tip page: a server-side SVG with one node per linked tip and the
shared identifier kinds (never their values) on the edges."""

import re

import pytest
from django.urls import reverse
from test_tips_support import handler, submit, tip_keys  # noqa: F401
from test_wb_support import fast_hashing, sign_in  # noqa: F401

from inbeeld.tips.identifiers import normalise
from inbeeld.web.tips.graph import MAX_NODES, link_graph
from inbeeld.web.tips.models import Tip

pytestmark = pytest.mark.django_db

PHONE, HANDLE = "06-23456789", "@voorbeeld_naam7"


def svg_of(page: str) -> str:
    found = re.findall(r'<svg class="tip-graph".*?</svg>', page, flags=re.S)
    assert len(found) == 1, "expected exactly one link graph on the page"
    return found[0]


def test_the_tip_page_draws_its_linked_tips_without_identifier_values(client, tip_keys, fast_hashing):  # noqa: F811
    # typed in the structured fields, so confirmed at once and linking
    submit(client, seen="Eerste melding.", about="", phones=PHONE, handles=HANDLE)
    submit(client, seen="Tweede melding.", about="", phones=PHONE)
    submit(client, seen="Derde melding.", about="", handles=HANDLE)
    submit(client, seen="Vierde melding zonder overeenkomst.", about="", phones="06-99887766")
    first, second, third, fourth = Tip.objects.order_by("pk")
    sign_in(client, handler("behandelaar-graaf"))

    page = client.get(reverse("tips:detail", args=[first.pk])).content.decode()
    svg = svg_of(page)
    linked = sorted(int(n) for n in re.findall(r'class="node linked" data-tip="(\d+)"', svg))
    assert linked == sorted([second.pk, third.pk])  # one node per linked tip, the unrelated one absent
    assert f'class="node centre" data-tip="{first.pk}"' in svg
    labels = re.findall(r'<text class="edge-label"[^>]*>([^<]*)</text>', svg)
    assert sorted(labels) == ["naam/handle", "telefoon"]  # the kinds as labels (Dutch by default)
    for value in (PHONE, HANDLE, normalise("phone", PHONE), normalise("handle", HANDLE), "23456789"):
        assert value not in svg
    # the identifier values are on the page (in the table), just not in the graph
    assert HANDLE.lstrip("@") in page

    lone = client.get(reverse("tips:detail", args=[fourth.pk])).content.decode()
    assert 'class="tip-graph"' not in lone  # nothing linked: no graph, the list says "Geen."


def test_the_layout_caps_the_nodes_and_keeps_them_inside():
    linked = {tip: ["phone"] for tip in range(2, 2 + MAX_NODES + 5)}
    graph = link_graph(1, linked, size=300)
    assert len(graph.nodes) == MAX_NODES and graph.hidden == 5
    assert len({(n.x, n.y) for n in graph.nodes}) == MAX_NODES  # no two nodes on one spot
    assert all(0 < n.x < graph.width and 0 < n.y < graph.height for n in graph.nodes)


def nav_of(page: str) -> str:
    found = re.search(r"<nav aria-label=[^>]*>.*?</nav>", page, flags=re.S)
    assert found, "no main menu on the page"
    return found.group(0)


def test_the_menu_links_to_the_tips_queue_for_tip_handlers_only(client, fast_hashing):  # noqa: F811
    from test_wb_support import make_user

    from inbeeld.web.permissions import Role

    queue = reverse("tips:queue")
    sign_in(client, handler("behandelaar-menu"))
    assert f'href="{queue}"' in nav_of(client.get(reverse("tips:decoy")).content.decode())

    coder_client = type(client)()
    sign_in(coder_client, make_user("codeur-menu", Role.CODER))
    page = coder_client.get(reverse("workbench:queue"))
    assert page.status_code == 200
    nav = nav_of(page.content.decode())
    assert f'href="{reverse("workbench:queue")}"' in nav  # the coder's menu is there ...
    assert queue not in nav  # ... without the tips
