"""`inbeeld synth`: both files written, readable by the corpus readers, plain text on request."""

from typer.testing import CliRunner

from inbeeld.cli import app
from inbeeld.codebook import load_codebook
from inbeeld.corpus import read_codes, read_conversations

runner = CliRunner()


def test_synth_writes_conversations_and_gold_that_read_back(tmp_path):
    out, gold = tmp_path / "c.jsonl", tmp_path / "g.jsonl"
    result = runner.invoke(app, ["synth", "-n", "25", "--seed", "4", "-o", str(out), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    conversations = list(read_conversations(out))
    codes = list(read_codes(gold, load_codebook()))
    assert [c.id for c in conversations] == [g.id for g in codes]
    assert len(conversations) == 25
    assert any("[[PERSON:" in m.text for c in conversations for m in c.messages)
    assert "Wrote 25 conversations" in result.output


def test_plain_csv_has_no_markup(tmp_path):
    out, gold = tmp_path / "c.csv", tmp_path / "g.jsonl"
    result = runner.invoke(app, ["synth", "-n", "10", "-o", str(out), "--gold", str(gold), "--plain"])
    assert result.exit_code == 0, result.output
    conversations = list(read_conversations(out))
    assert len(conversations) == 10
    assert not any("[[" in m.text for c in conversations for m in c.messages)


def test_format_option_overrides_the_extension(tmp_path):
    out, gold = tmp_path / "c.txt", tmp_path / "g.jsonl"
    args = ["synth", "-n", "3", "-o", str(out), "--gold", str(gold), "--format", "jsonl"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert len(list(read_conversations(out, "jsonl"))) == 3


def test_reversed_years_are_refused_with_the_option_named(tmp_path):
    out, gold = tmp_path / "c.jsonl", tmp_path / "g.jsonl"
    result = runner.invoke(app, ["synth", "-n", "3", "-o", str(out), "--gold", str(gold),
                                 "--from-year", "2024", "--to-year", "2020"])
    assert result.exit_code != 0
    assert "--from-year" in str(result.exception)


def test_jobs_give_byte_identical_files(tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out, gold = tmp_path / f"c{jobs}.jsonl", tmp_path / f"g{jobs}.jsonl"
        result = runner.invoke(app, ["synth", "-n", "30", "--seed", "6", "-o", str(out), "--gold", str(gold),
                                     "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs.append((out.read_bytes(), gold.read_bytes()))
    assert outputs[0] == outputs[1]
