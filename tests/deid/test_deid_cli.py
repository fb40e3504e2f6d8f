"""CLI round trip: `inbeeld deid IN -o OUT` and `inbeeld eval deid` on small files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.corpus import read_conversations

runner = CliRunner()

CONVERSATION = {
    "id": "c-1", "started_at": "2021-03-14T21:05:00+01:00", "source": "chat",
    "messages": [
        {"role": "chatter", "text": "hoi ik ben [[PERSON:sanne]] uit [[PLACE:Zwolle]]"},
        {"role": "counsellor", "text": "Hoi [[PERSON:Sanne]], ik ben [[PERSON:Noor]]."},
        {"role": "chatter", "text": "mn snap is [[HANDLE:sanne_xo]] en mijn moeder weet het niet"},
    ],
}


def _write(path, objects) -> None:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")


def _raw(obj):
    from inbeeld.corpus import strip_markup

    return {**obj, "messages": [{**m, "text": strip_markup(m["text"])} for m in obj["messages"]]}


def test_deid_round_trip_writes_pseudonyms_and_spans(tmp_path, pipeline):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, [_raw(CONVERSATION)])
    result = runner.invoke(app, ["deid", str(src), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    [conversation] = list(read_conversations(out))
    texts = [m.text for m in conversation.messages]
    assert "sanne" not in " ".join(texts).lower() and "moeder" in texts[2]
    first = conversation.messages[0].spans[0]
    assert (first.start, first.end, first.type) == (11, 16, "PERSON")
    assert texts[1].startswith(f"Hoi {first.tag}")


def test_deid_to_csv(tmp_path, pipeline):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    _write(src, [_raw(CONVERSATION)])
    result = runner.invoke(app, ["deid", str(src), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Zwolle" not in out.read_text(encoding="utf-8")


def test_deid_reports_a_bad_conversation_and_writes_the_rest(tmp_path, pipeline):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    bad = {**_raw(CONVERSATION), "id": "c-2", "messages": [{"role": "chatter", "text": ["x"]}]}
    _write(src, [_raw(CONVERSATION), bad, {**_raw(CONVERSATION), "id": "c-3"}])
    result = runner.invoke(app, ["deid", str(src), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 1
    assert [c.id for c in read_conversations(out)] == ["c-1", "c-3"]


def test_eval_deid_json_has_recall_and_no_leaks_unless_asked(tmp_path, pipeline):
    gold = tmp_path / "gold.jsonl"
    _write(gold, [CONVERSATION])
    result = runner.invoke(app, ["eval", "deid", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["recall"]["PERSON"]["gold"] == 3 and "leak_list" not in figures
    shown = json.loads(runner.invoke(app, ["eval", "deid", str(gold), "--json", "--show-leaks"]).stdout)
    assert "leak_list" in shown


def test_eval_deid_table_says_how_to_see_the_leaks(tmp_path, pipeline):
    gold = tmp_path / "gold.jsonl"
    _write(gold, [CONVERSATION])
    result = runner.invoke(app, ["eval", "deid", str(gold)])
    assert result.exit_code == 0 and "--show-leaks" in result.output


def test_eval_deid_scores_several_files_together(tmp_path, pipeline):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(first, [CONVERSATION])
    _write(second, [{**CONVERSATION, "id": "c-9"}])
    one = json.loads(runner.invoke(app, ["eval", "deid", str(first), "--json"]).stdout)
    both = json.loads(runner.invoke(app, ["eval", "deid", str(first), str(second), "--json"]).stdout)
    assert both["conversations"] == 2 * one["conversations"]
    assert both["recall"]["PERSON"]["gold"] == 2 * one["recall"]["PERSON"]["gold"]
