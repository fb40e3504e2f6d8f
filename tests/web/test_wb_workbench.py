"""The coding view, human decisions, blind double coding, agreement, consensus and export."""

import json

import krippendorff
import pytest
from django.urls import reverse
from test_wb_support import (  # noqa: F401
    EVIDENCE,
    assign,
    fast_hashing,
    full_decisions,
    make_conversation,
    make_user,
    sign_in,
)

from inbeeld.codebook import load_codebook
from inbeeld.corpus import read_codes
from inbeeld.web.permissions import Role
from inbeeld.web.store.models import Coding
from inbeeld.web.store.services import monitor_records
from inbeeld.web.workbench import agreement, services
from inbeeld.web.workbench.models import Assignment
from inbeeld.web.workbench.text import segments

pytestmark = pytest.mark.django_db


@pytest.fixture
def coder(client, fast_hashing):  # noqa: F811
    user = make_user("coder-wb", Role.CODER)
    assign(make_conversation("w-1"), user)
    sign_in(client, user)
    return user


def page(client, external_id="w-1", **query):
    url = reverse("workbench:code", args=[external_id])
    return client.get(url, query).content.decode()


def test_the_form_has_one_fieldset_per_codebook_variable(client, coder):
    html = page(client)
    for variable in load_codebook().variables:
        assert f'data-variable="{variable.name}"' in html


def test_a_suggestion_is_prefilled_with_its_confidence(client, coder):
    html = page(client)
    assert 'name="v-minor" value="yes" checked' in html
    assert "90%" in html and "82%" in html


def test_evidence_is_marked_in_the_text_for_its_variable(client, coder):
    html = page(client, focus="exploitation_type")
    assert f'<mark class="ev on" data-ev="exploitation_type">{EVIDENCE}</mark>' in html


def test_segments_cover_the_text_and_name_overlapping_variables():
    parts = segments("abcdefghij", [(2, 6, "x"), (4, 8, "y"), (20, 30, "z")])
    assert "".join(p.text for p in parts) == "abcdefghij"
    assert [(p.text, p.variables) for p in parts] == [
        ("ab", ()), ("cd", ("x",)), ("ef", ("x", "y")), ("gh", ("y",)), ("ij", ())]


def test_the_page_documents_its_keyboard_shortcuts(client, coder):
    html = page(client)
    assert 'id="shortcuts"' in html and "<kbd>A</kbd>" in html and "<kbd>N</kbd>" in html


def test_each_human_decision_is_a_new_row_with_coder_time_and_codebook_version(client, coder):
    url = reverse("workbench:code", args=["w-1"])
    client.post(url, full_decisions(minor="no", exploitation_type=["sexual", "criminal"], victim_age="15"))
    rows = Coding.objects.filter(automatic=False, conversation__external_id="w-1")
    assert rows.count() == len(load_codebook().variables)
    minor = rows.get(variable="minor")
    assert minor.value == "no" and minor.coder.user == coder and minor.created_at is not None
    assert minor.codebook_version == load_codebook().version
    assert rows.get(variable="victim_age").value == 15
    assert Coding.objects.filter(automatic=True, variable="minor").get().value == "yes"  # kept


def test_saving_again_only_adds_rows_for_changed_decisions(client, coder):
    url = reverse("workbench:code", args=["w-1"])
    client.post(url, full_decisions(minor="no"))
    before = Coding.objects.filter(automatic=False).count()
    client.post(url, full_decisions(minor="yes"))
    assert Coding.objects.filter(automatic=False).count() == before + 1


def test_the_human_decision_outranks_the_suggestion_in_the_monitor(client, coder):
    client.post(reverse("workbench:code", args=["w-1"]), full_decisions(minor="no"))
    (rec,) = list(monitor_records(2000, 2100))
    assert rec.codes["minor"] == "no" and "minor" in rec.reviewed


def test_a_value_outside_the_codebook_is_refused_and_nothing_is_stored(client, coder):
    response = client.post(reverse("workbench:code", args=["w-1"]), full_decisions(minor="misschien"))
    assert response.status_code == 400
    assert not Coding.objects.filter(automatic=False).exists()


def test_save_and_next_goes_to_the_next_open_assignment(client, coder):
    assign(make_conversation("w-2"), coder)
    response = client.post(reverse("workbench:code", args=["w-1"]), {**full_decisions(), "go": "next"})
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow["Location"] == reverse("workbench:code", args=["w-2"])
    assert Assignment.objects.get(conversation__external_id="w-1").done_at is not None


def test_double_coding_is_blind(client, fast_hashing):  # noqa: F811
    first, second = make_user("coder-a", Role.CODER), make_user("coder-b", Role.CODER)
    conversation = make_conversation("w-3")
    assign(conversation, first, double=True)
    assign(conversation, second, double=True)
    services.save_decisions(first, "w-3", {"chatter_role": "parent_or_carer"})
    sign_in(client, second)
    html = page(client, "w-3")
    assert 'value="parent_or_carer" checked' not in html


def test_assigning_a_sample_is_seeded_and_sends_the_double_share_to_two_coders(fast_hashing):  # noqa: F811
    researcher = make_user("res-wb", Role.RESEARCHER)
    people = [make_user(f"coder-{i}", Role.CODER) for i in range(3)]
    for i in range(40):
        make_conversation(f"w-s{i:02d}", suggestions={})
    plan = services.assign_sample(researcher, [p.pk for p in people], 20, double_fraction=0.1, seed=7)
    assert (plan.assigned, plan.double) == (20, 2)
    doubled = Assignment.objects.filter(double=True)
    assert doubled.count() == 4
    for conv_pk in doubled.values_list("conversation_id", flat=True).distinct():
        coders = list(Assignment.objects.filter(conversation_id=conv_pk).values_list("coder_id", flat=True))
        assert len(coders) == 2 and len(set(coders)) == 2
    def draw():
        return sorted(Assignment.objects.values_list("conversation__external_id", "coder__username"))

    first_draw = draw()
    Assignment.objects.all().delete()
    services.assign_sample(researcher, [p.pk for p in people], 20, double_fraction=0.1, seed=7)
    assert draw() == first_draw


def double_code(first, second, decisions):
    """decisions: [(conversation id, first's codes, second's codes)]."""
    for external_id, a, b in decisions:
        conversation = make_conversation(external_id, suggestions={})
        assign(conversation, first, double=True)
        assign(conversation, second, double=True)
        services.save_decisions(first, external_id, a)
        services.save_decisions(second, external_id, b)


def test_agreement_reports_alpha_per_variable_and_lists_disagreements(fast_hashing):  # noqa: F811
    first, second = make_user("coder-1", Role.CODER), make_user("coder-2", Role.CODER)
    minors_a = ["yes", "yes", "no", "no", "yes"]
    minors_b = ["yes", "no", "no", "no", "yes"]
    double_code(first, second, [
        (f"w-d{i}", {"minor": a, "chatter_role": "victim"}, {"minor": b, "chatter_role": "victim"})
        for i, (a, b) in enumerate(zip(minors_a, minors_b, strict=True))
    ])
    table, disagreements = agreement.agreement_report(load_codebook())
    rows = {row.variable: row for row in table}
    expected = krippendorff.alpha(
        reliability_data=[[int(v == "yes") for v in minors_a], [int(v == "yes") for v in minors_b]],
        level_of_measurement="nominal",
    )
    assert rows["minor"].units == 5 and rows["minor"].alpha == pytest.approx(expected)
    assert rows["chatter_role"].alpha is None  # one value only: alpha is undefined, not 1 or 0
    assert rows["victim_gender"].units == 0  # nobody decided it: not counted as agreement
    assert [(d.conversation, d.variable) for d in disagreements] == [("w-d1", "minor")]


def test_identical_coders_have_alpha_one(fast_hashing):  # noqa: F811
    first, second = make_user("coder-1", Role.CODER), make_user("coder-2", Role.CODER)
    values = ["victim", "friend", "parent_or_carer", "victim"]
    double_code(first, second, [(f"w-i{i}", {"chatter_role": v}, {"chatter_role": v})
                                for i, v in enumerate(values)])
    table, disagreements = agreement.agreement_report(load_codebook())
    assert next(r for r in table if r.variable == "chatter_role").alpha == pytest.approx(1.0)
    assert disagreements == []


def test_a_researcher_records_the_consensus_and_it_is_exported(client, fast_hashing, tmp_path):  # noqa: F811
    first, second = make_user("coder-1", Role.CODER), make_user("coder-2", Role.CODER)
    book = load_codebook()
    every = {v.name: v.empty() for v in book.variables}
    double_code(first, second, [("w-c1", {**every, "minor": "yes"}, {**every, "minor": "no"})])
    researcher = make_user("res-c", Role.RESEARCHER)
    sign_in(client, researcher)
    consensus_url = reverse("workbench:consensus", args=["w-c1"])
    assert 'name="v-minor"' in client.get(consensus_url).content.decode()
    assert client.post(consensus_url, {"v-minor": "no"}).status_code == 302
    (row,) = agreement.agreement_report(book)[1]
    assert row.resolved and row.consensus == "no"
    response = client.post(reverse("workbench:export"))
    out = tmp_path / "gold.jsonl"
    out.write_bytes(b"".join(response.streaming_content))
    (coded,) = list(read_codes(out, book))
    assert coded.id == "w-c1" and coded.codes["minor"] == "no"
    assert coded.codebook_version == book.version


def test_the_export_leaves_out_partly_coded_conversations_and_holds_no_text(client, fast_hashing):  # noqa: F811
    coder = make_user("coder-e", Role.CODER)
    for external_id in ("w-e1", "w-e2"):
        assign(make_conversation(external_id), coder)
    services.save_decisions(coder, "w-e1", {v.name: v.empty() for v in load_codebook().variables})
    services.save_decisions(coder, "w-e2", {"minor": "yes"})
    sign_in(client, make_user("res-e", Role.RESEARCHER))
    body = b"".join(client.post(reverse("workbench:export")).streaming_content).decode()
    lines = [json.loads(line) for line in body.splitlines()]
    assert [line["id"] for line in lines] == ["w-e1"]
    assert "mannen" not in body


def test_a_conversation_stored_without_de_identification_is_shown_to_nobody(client, fast_hashing):  # noqa: F811
    raw = make_conversation("w-raw")
    raw.deidentified = False
    raw.save(update_fields=["deidentified"])
    sign_in(client, make_user("res-raw", Role.RESEARCHER))
    assert client.get(reverse("workbench:code", args=["w-raw"])).status_code == 404
