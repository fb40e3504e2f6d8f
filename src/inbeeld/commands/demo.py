"""`inbeeld demo`: synthesise a corpus and run every stage on it, ending in the report."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from inbeeld.codebook import load_codebook
from inbeeld.commands.progress import console, progress_bar
from inbeeld.commands.store import database_label, default_workers, deid_transform, open_store
from inbeeld.corpus import strip_markup, write_codes, write_conversations


def demo_command(
    n: Annotated[int, typer.Option("-n", help="Conversations to synthesise.")] = 2000,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic corpus.")] = 2024,
    year_from: Annotated[int, typer.Option("--from", help="First year.")] = 2019,
    year_to: Annotated[int, typer.Option("--to", help="Last year.")] = 2024,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Output folder.")] = None,
    workers: Annotated[int, typer.Option(help="Parallel workers (default: all cores).")] = 0,
    lang: Annotated[str, typer.Option(help="Report language: nl or en.")] = "nl",
) -> None:
    """Synthesise conversations, import (de-identified), code, evaluate and report."""
    out = out or Path("inbeeld-output") / datetime.now().strftime("demo-%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    workers = workers or default_workers()
    steps: list[tuple[str, str, float]] = []  # stage, outcome, seconds

    def step(name: str, action: Callable[[], str]) -> None:
        started = time.perf_counter()
        outcome = action()
        steps.append((name, outcome, time.perf_counter() - started))

    state: dict[str, Any] = {}
    step("synthesise", lambda: _synthesise(n, seed, year_from, year_to, out, state))
    step("import + de-identify", lambda: _import(out, workers, state))
    step("code (suggestions)", lambda: _code(workers, state))
    step("evaluate", lambda: _evaluate(out, state))
    step("report", lambda: _report(out, year_from, year_to, lang, state))

    table = Table(title="inbeeld demo")
    table.add_column("stage")
    table.add_column("outcome")
    table.add_column("seconds", justify="right")
    for name, outcome, seconds in steps:
        table.add_row(name, outcome, f"{seconds:.1f}")
    console.print(table)
    console.print(f"store: {database_label()}")
    console.print(f"output: [bold]{out.resolve()}[/]")
    if "report" in state:
        console.print(f"report: [bold]{state['report']}[/]")


def _synthesise(n: int, seed: int, year_from: int, year_to: int, out: Path, state: dict) -> str:
    from dataclasses import replace

    from inbeeld.synth import generate

    codebook = load_codebook()
    marked, gold = [], []
    with progress_bar() as progress:
        task = progress.add_task("synthesise", total=n)
        for conversation, coded in generate(n, seed, year_from, year_to):
            marked.append(conversation)
            gold.append(coded)
            progress.advance(task)
    raw = [
        replace(c, messages=tuple(replace(m, text=strip_markup(m.text)) for m in c.messages))
        for c in marked
    ]
    write_conversations(out / "synthetic-gold-markup.jsonl", marked)
    write_conversations(out / "synthetic-raw.jsonl", raw)
    write_codes(out / "synthetic-gold-codes.jsonl", gold, codebook)
    state.update(raw_path=out / "synthetic-raw.jsonl", gold_path=out / "synthetic-gold-codes.jsonl",
                 markup_path=out / "synthetic-gold-markup.jsonl", n=n)
    return f"{n} conversations, {sum(len(c.messages) for c in marked)} messages"


def _import(out: Path, workers: int, state: dict) -> str:
    transform, version = deid_transform(workers)
    open_store()
    from inbeeld.web.store.services import import_conversations

    path = state["raw_path"]
    with progress_bar() as progress:
        task = progress.add_task("import + de-identify", total=state["n"])
        result = import_conversations(
            path, transform=transform, deid_version=version,
            on_progress=lambda k: progress.advance(task, k),
        )
    if result.error:
        raise typer.Exit(_fail(result.error))
    state["imported_ids"] = result.imported_ids
    return (f"{result.imported} imported, {result.skipped} already stored, "
            f"{len(result.conflicts)} conflicts, {len(result.rejected)} rejected")


def _code(workers: int, state: dict) -> str:
    try:
        from inbeeld.coding import code_stream, load_coder
    except ImportError:
        return "skipped: the coding stage is not installed"
    from inbeeld.web.store.services import save_suggestions, stored_conversations

    ids = state.get("imported_ids") or []
    if not ids:
        return "nothing new to code"
    codebook = load_codebook()
    coder = load_coder(codebook)
    conversations = list(stored_conversations(ids))
    coded = []
    with progress_bar() as progress:
        task = progress.add_task("code", total=len(conversations))
        for item in code_stream(conversations, codebook, workers=workers):
            coded.append(item)
            progress.advance(task)
    saved = save_suggestions(coded, codebook, source=coder.name)
    state["coder"] = coder.name
    state["coded"] = coded
    return f"{saved} conversations coded automatically (stored as suggestions)"


def _evaluate(out: Path, state: dict) -> str:
    if "coded" not in state:
        return "skipped: nothing coded in this run"
    import json

    from inbeeld.coding import evaluate
    from inbeeld.commands.coding import evaluation_json
    from inbeeld.corpus import read_codes

    codebook = load_codebook()
    gold = {c.id: c.codes for c in read_codes(state["gold_path"], codebook)}
    predicted = {c.id: c.codes for c in state["coded"]}
    result = evaluate(gold, predicted, codebook, reps=200)
    evaluation = evaluation_json(result, state.get("coder", "rules"))
    path = out / "coding-evaluation.json"
    path.write_text(json.dumps(evaluation, indent=2, ensure_ascii=False), encoding="utf-8")
    state["reliability"] = evaluation
    alphas = [v["alpha"] for v in evaluation["variables"].values() if v.get("alpha") is not None]
    low = min(alphas) if alphas else float("nan")
    return (f"{result.units} conversations against the synthetic truth; alpha per variable "
            f"{low:.2f}–{max(alphas):.2f}; {path.name}")


def _report(out: Path, year_from: int, year_to: int, lang: str, state: dict) -> str:
    try:
        from inbeeld.monitor import build_monitor
        from inbeeld.report import write_report
    except ImportError:
        return "skipped: the report stage is not installed"
    from inbeeld.report.chapters import add_to_disclosure_log
    from inbeeld.web.store.services import monitor_records

    codebook = load_codebook()
    records = list(monitor_records(year_from, year_to))
    monitor = build_monitor(records, codebook, year_from, year_to)
    chapters = [_demo_mse_chapter(lang, monitor.threshold)]
    paths = write_report(
        monitor, out / "report", lang=lang, reliability=state.get("reliability"),
        reliability_source="synthetic demo corpus (automatic codes against the synthetic truth)",
        extra_sections=[c.section for c in chapters],
    )
    add_to_disclosure_log(paths["disclosure_log"], chapters)
    state["report"] = paths.get("pdf") or paths.get("html")
    return (f"{len(records)} conversations in the monitor, dark-number chapter from simulated lists; "
            f"{', '.join(sorted(paths))}")


_DEMO_MSE_SEED = 2024
_DEMO_MSE_POPULATION = 2500


def _demo_mse_chapter(lang: str, threshold: int) -> Any:
    """A dark-number chapter from a simulated capture table (known size, seeded; no bootstrap)."""
    import numpy as np

    from inbeeld.monitor.mse import estimate_population, simulate_captures
    from inbeeld.report.chapters import mse_chapter

    names = ("Politie", "Hulplijn", "Zorg", "Gemeente") if lang == "nl" else (
        "Police", "Helpline", "Care", "Municipality")
    table = simulate_captures(
        _DEMO_MSE_POPULATION, (0.25, 0.15, 0.12, 0.2), dependence={(0, 3): 0.8},
        rng=np.random.default_rng(_DEMO_MSE_SEED), lists=names,
    )
    result = estimate_population(table, method="stepwise")
    return mse_chapter(result, table, lang, threshold,
                       simulated={"seed": _DEMO_MSE_SEED, "population": _DEMO_MSE_POPULATION})


def _fail(message: str) -> int:
    console.print(f"[red]{message}[/]")
    return 1
