"""CLI of the coding area: `inbeeld code`, `inbeeld train`, `inbeeld agreement`, `inbeeld eval code`."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from inbeeld.codebook import load_codebook
from inbeeld.commands.groups import eval_app
from inbeeld.corpus import Conversation, gold_conversation, read_codes, read_conversations, write_codes

_err = Console(stderr=True)
_out = Console()

CodebookOpt = Annotated[
    Path | None, typer.Option("--codebook", help="Codebook YAML (default: the shipped one).")
]
MarkupOpt = Annotated[
    bool, typer.Option("--markup", help="Strip gold [[TYPE:x]] markup from the texts first.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the figures as JSON on stdout.")]


def _count(path: Path) -> int | None:
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return None
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def _conversations(path: Path, markup: bool) -> Iterator[Conversation]:
    for conversation in read_conversations(path):
        yield gold_conversation(conversation) if markup else conversation


def _tracked(items: Iterable[Any], total: int | None, label: str) -> Iterator[Any]:
    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=_err, transient=False) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.3f}"


def _ci(ci: tuple[float, float]) -> str:
    return "n/a" if any(math.isnan(x) for x in ci) else f"{ci[0]:.2f}–{ci[1]:.2f}"


def _jsonable(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 4)


def code(
    src: Annotated[Path, typer.Argument(help="Conversations (JSONL or CSV).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Code file to write (JSONL).")],
    model: Annotated[Path | None, typer.Option("--model", help="Learned model from `inbeeld train`.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to code with.")] = 1,
    review_order_: Annotated[
        bool, typer.Option("--review-order", help="Least certain conversations first.")
    ] = False,
    markup: MarkupOpt = False,
    codebook_path: CodebookOpt = None,
) -> None:
    """Code every conversation in SRC: codes, evidence (message, offsets) and confidence per variable."""
    from inbeeld.coding import code_stream, load_coder, review_order

    codebook = load_codebook(codebook_path)
    name = load_coder(codebook, model).name  # fail early on a bad model, before any work
    stream = code_stream(_conversations(src, markup), codebook, model, workers)
    coded = _tracked(stream, _count(src), "coding")
    if review_order_:
        coded = iter(review_order(coded))
    count = write_codes(out, coded, codebook)
    _err.print(f"{count} conversations coded with {name} → {out}")


def train(
    conversations: Annotated[Path, typer.Option("--conversations", help="Conversations (JSONL or CSV).")],
    codes: Annotated[Path, typer.Option("--codes", help="Human codes for them (JSONL, gold format).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Model file to write.")],
    markup: MarkupOpt = False,
    codebook_path: CodebookOpt = None,
) -> None:
    """Train the learned coder per variable from human codes (rule output used as features)."""
    from inbeeld.coding.learned import LearnedCoder, save_model, training_pairs

    codebook = load_codebook(codebook_path)
    pairs = training_pairs(_conversations(conversations, markup), read_codes(codes, codebook), codes)
    learned = LearnedCoder(codebook)
    with _err.status(f"training on {len(pairs)} coded conversations"):
        learned.fit([c for c, _ in pairs], [k for _, k in pairs])
    save_model(learned, out)
    _err.print(f"model for codebook version {codebook.version} trained on {len(pairs)} conversations → {out}")


def agreement_cmd(
    a: Annotated[Path, typer.Argument(help="Codes by coder A (JSONL).")],
    b: Annotated[Path, typer.Argument(help="Codes by coder B (JSONL).")],
    as_json: JsonOpt = False,
    reps: Annotated[int, typer.Option("--reps", help="Bootstrap resamples.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap.")] = 0,
    codebook_path: CodebookOpt = None,
) -> None:
    """Agreement between two coders: Krippendorff's alpha and Cohen's kappa per variable, 95% intervals."""
    from inbeeld.coding import CodeFileError, agreement

    codebook = load_codebook(codebook_path)
    codes_a = {c.id: c.codes for c in read_codes(a, codebook)}
    codes_b = {c.id: c.codes for c in read_codes(b, codebook)}
    shared = [i for i in codes_a if i in codes_b]
    if not shared:
        raise CodeFileError(f"{a} and {b} share no conversation ids")
    results = agreement(codes_a, codes_b, codebook, reps=reps, seed=seed)
    if as_json:
        _out.print_json(json.dumps({
            "units": len(shared),
            "only_in_a": len(codes_a) - len(shared),
            "only_in_b": len(codes_b) - len(shared),
            "method": _METHOD,
            "variables": {r.variable: {
                "units": r.units, "alpha": _jsonable(r.alpha),
                "alpha_ci95": [_jsonable(x) for x in r.alpha_ci],
                "kappa": _jsonable(r.kappa), "kappa_ci95": [_jsonable(x) for x in r.kappa_ci],
                "agreement": _jsonable(r.agreement),
                "per_value_alpha": {k: _jsonable(v) for k, v in r.per_value_alpha.items()},
                "disagreements": [{"id": i, "a": x, "b": y} for i, x, y in r.disagreements],
            } for r in results},
        }))
        return
    table = Table(title=f"Agreement over {len(shared)} conversations", caption=_METHOD)
    for column in ("variable", "units", "alpha", "95% CI", "kappa", "95% CI", "same code", "disagree"):
        table.add_column(column)
    for r in results:
        table.add_row(r.variable + (" (mean per value)" if r.multi else ""), str(r.units), _fmt(r.alpha),
                      _ci(r.alpha_ci), _fmt(r.kappa), _ci(r.kappa_ci), _fmt(r.agreement),
                      str(len(r.disagreements)))
    _out.print(table)
    for r in results:
        for conv_id, x, y in r.disagreements:
            _out.print(f"  {r.variable}: {conv_id}: A={x} B={y}")


_METHOD = ("Krippendorff's alpha (nominal) and Cohen's kappa; 'unknown' counts as a value; multi-valued "
           "variables: mean over values of the binary present/absent alpha and kappa; intervals: seeded "
           "bootstrap over conversations (percentile).")


def eval_code(
    gold: Annotated[Path, typer.Argument(help="Gold codes (JSONL).")],
    conversations: Annotated[Path, typer.Option("--conversations", help="The conversations to code.")],
    model: Annotated[Path | None, typer.Option("--model", help="Learned model from `inbeeld train`.")] = None,
    markup: MarkupOpt = False,
    as_json: JsonOpt = False,
    workers: Annotated[int, typer.Option("--workers", min=1)] = 1,
    reps: Annotated[int, typer.Option("--reps", help="Bootstrap resamples.")] = 1000,
    codebook_path: CodebookOpt = None,
) -> None:
    """Code the conversations and score the codes against gold per variable."""
    from inbeeld.coding import code_stream, evaluate, load_coder

    codebook = load_codebook(codebook_path)
    name = load_coder(codebook, model).name
    gold_codes = {c.id: c.codes for c in read_codes(gold, codebook)}
    wanted = (c for c in _conversations(conversations, markup) if c.id in gold_codes)
    predicted = {c.id: c.codes for c in _tracked(code_stream(wanted, codebook, model, workers),
                                                  len(gold_codes), "coding")}
    result = evaluate(gold_codes, predicted, codebook, reps=reps)
    if as_json:
        _out.print_json(json.dumps(evaluation_json(result, name), ensure_ascii=False))
        return
    _print_evaluation(result, name)


def evaluation_json(result: Any, name: str) -> dict[str, Any]:
    return {
        "coder": name, "units": result.units, "missing_predictions": list(result.missing_predictions),
        "method": _METHOD,
        "variables": {s.variable: {
            "accuracy": _jsonable(s.accuracy), "alpha": _jsonable(s.alpha),
            "alpha_ci95": [_jsonable(x) for x in s.alpha_ci],
            **({"exact_where_stated": _jsonable(s.exact_stated), "stated": s.stated} if s.stated else {}),
            **({"values": {v.value: {"precision": _jsonable(v.precision), "recall": _jsonable(v.recall),
                                     "f1": _jsonable(v.f1), "support": v.support} for v in s.values}}
               if s.multi else {}),
            "confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in s.confusions],
        } for s in result.variables},
    }


def _print_evaluation(result: Any, name: str) -> None:
    table = Table(title=f"{name} against gold, {result.units} conversations", caption=_METHOD)
    for column in ("variable", "accuracy", "alpha", "95% CI", "F1 per value / exact age"):
        table.add_column(column)
    for s in result.variables:
        detail = ""
        if s.multi:
            detail = ", ".join(f"{v.value} {v.f1:.2f} (n={v.support})" for v in s.values if v.support or v.f1)
        elif s.stated:
            detail = f"exact where stated: {_fmt(s.exact_stated)} (n={s.stated})"
        table.add_row(s.variable + (" (mean/value)" if s.multi else ""), _fmt(s.accuracy), _fmt(s.alpha),
                      _ci(s.alpha_ci), detail)
    _out.print(table)
    _out.print("Confusions (gold → predicted: count):")
    for s in result.variables:
        if s.confusions:
            _out.print(f"  {s.variable}: " + "; ".join(f"{g} → {p}: {n}" for g, p, n in s.confusions[:8]))


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `inbeeld` app."""
    app.command("code")(code)
    app.command("train")(train)
    app.command("agreement")(agreement_cmd)
    eval_app.command("code")(eval_code)
