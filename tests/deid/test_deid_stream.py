"""deidentify_stream: input order, one bad conversation does not end the batch; tolerant reading."""

from __future__ import annotations

import json
from dataclasses import replace

from factories import make_conversation
from inbeeld.deid import DeidOutcome, deidentify_stream
from inbeeld.deid.stream import read_for_deid


def _conversations(n: int):
    return [make_conversation(f"ik ben sanne {i}", "bel 0612345678", id=f"t-{i:04d}") for i in range(n)]


def test_outcomes_come_in_input_order_and_a_bad_conversation_becomes_an_error(pipeline):
    good = _conversations(4)
    bad = replace(good[1], messages=(replace(good[1].messages[0], text=None),))
    outcomes = list(deidentify_stream([good[0], bad, good[2], good[3]], workers=1))
    assert [o.id for o in outcomes] == ["t-0000", "t-0001", "t-0002", "t-0003"]
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert "message 0" in outcomes[1].error
    assert "0612345678" not in outcomes[0].conversation.messages[1].text


def test_outcomes_already_in_the_input_pass_through_in_place(pipeline):
    failed = DeidOutcome("line 2", error="not valid JSON")
    outcomes = list(deidentify_stream([_conversations(1)[0], failed], workers=1))
    assert outcomes[1] is failed


def test_parallel_workers_keep_the_order(tmp_path):
    # a pipeline without deduce: this is about order across processes, and workers start fast
    config = tmp_path / "deid.yaml"
    config.write_text("recognisers:\n  - use: chat_names\n  - use: phone\n", encoding="utf-8")
    conversations = _conversations(6)
    outcomes = list(deidentify_stream(conversations, workers=2, config=config))
    assert [o.id for o in outcomes] == [c.id for c in conversations]
    assert all(o.ok and "sanne" not in o.conversation.messages[0].text for o in outcomes)


def test_a_broken_line_becomes_an_error_and_reading_goes_on(tmp_path):
    good = {"id": "c-1", "started_at": "2021-03-14T21:05:00+01:00",
            "messages": [{"role": "chatter", "text": "hoi"}]}
    not_text = {**good, "id": "c-2", "messages": [{"role": "chatter", "text": 42}]}
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([json.dumps(good), "{broken", json.dumps(not_text),
                               json.dumps({**good, "id": "c-3"})]) + "\n", encoding="utf-8")
    items = list(read_for_deid(path))
    assert [getattr(i, "id", None) for i in items] == ["c-1", "line 2", "c-2", "c-3"]
    errors = [i for i in items if isinstance(i, DeidOutcome)]
    assert "line 2" in errors[0].error and "messages[0].text" in errors[1].error


def test_a_wrong_config_fails_before_workers_start(tmp_path):
    import pytest

    from inbeeld.errors import ConfigError

    with pytest.raises(ConfigError, match="valid names"):
        list(deidentify_stream(_conversations(2), workers=2, disabled=frozenset({"bogus"})))
