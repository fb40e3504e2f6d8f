"""Benchmark: 20 concurrent coders against a store of 100,000 conversations (target: p95 of the
coding view under 150 ms, on SQLite and on PostgreSQL).

    .venv/bin/python benchmarks/bench_workbench.py --db sqlite
    .venv/bin/python benchmarks/bench_workbench.py --db postgresql \
        [--database-url postgresql://postgres@127.0.0.1:5432/inbeeld_bench]

It fills a fresh store (fictional conversations of six messages, automatic suggestions with
evidence for five variables), makes 20 coder accounts with 100 assignments each, starts
`inbeeld serve` on 127.0.0.1 in a child process, and lets each coder sign in and then loop:
open the next assigned conversation (timed: the coding view) and save all decisions (timed
separately), with a pause between steps (`--think-ms`, default 500-1500 ms, far shorter than
a person reading a conversation). Traffic goes to loopback only; the loop is bounded by
`--rounds` per coder and by `--max-seconds`, and stops by itself.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

PASSWORD = "bench-wachtwoord-2024"
CHATTER = (
    "hoi ik weet niet of ik hier goed zit", "mijn vriend zegt dat ik met mannen mee moet",
    "hij neemt het geld", "ik ben 15", "ik durf het niet aan mijn moeder te vertellen",
    "we gingen naar een hotel", "hij zei dat ik het hem schuldig was",
)
COUNSELLOR = (
    "Hoi, fijn dat je er bent. Vertel maar.", "Dat klinkt heel vervelend.", "Hoe oud ben je?",
    "Je kunt altijd terugkomen.", "Wil je dat we samen kijken wat je kunt doen?",
)
SUGGESTED = ("chatter_role", "minor", "exploitation_type", "perpetrator", "clients_mentioned")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(kind: str, url: str | None, workdir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}"
    url = url or "postgresql://postgres@127.0.0.1:5432/inbeeld_bench"
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def fill(n: int, coders: int, per_coder: int, seed: int) -> list[str]:
    """The store: n conversations with messages and suggestions; coders with assignments."""
    from django.db import transaction

    from inbeeld.codebook import load_codebook
    from inbeeld.web import migrate
    from inbeeld.web.accounts.services import create_account
    from inbeeld.web.store.models import Coding, Conversation, Message
    from inbeeld.web.workbench.models import Assignment

    migrate()
    book = load_codebook()
    rng = random.Random(seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    chunk = 5000
    began = time.perf_counter()
    for offset in range(0, n, chunk):
        with transaction.atomic():
            rows = []
            for k in range(offset, min(n, offset + chunk)):
                started = start + timedelta(minutes=k * 31)
                rows.append(Conversation(external_id=f"bench-{k:06d}", started_at=started, year=started.year,
                                         content_hash="0" * 64, deidentified=True))
            Conversation.objects.bulk_create(rows)
            ids = dict(Conversation.objects.filter(external_id__in=[r.external_id for r in rows])
                       .values_list("external_id", "pk"))
            messages, codings = [], []
            for row in rows:
                pk = ids[row.external_id]
                texts = [rng.choice(CHATTER if i % 2 == 0 else COUNSELLOR) for i in range(6)]
                messages += [
                    Message(conversation_id=pk, index=i, text=t, role=("counsellor" if i % 2 else "chatter"))
                    for i, t in enumerate(texts)
                ]
                for name in SUGGESTED:
                    variable = book[name]
                    value = ([rng.choice(variable.values)] if variable.multi
                             else rng.choice(variable.values))
                    codings.append(Coding(conversation_id=pk, variable=name, value=value, automatic=True,
                                          source="bench", confidence=round(rng.random(), 2),
                                          evidence=[{"message": 0, "start": 0, "end": 3}],
                                          codebook_version=book.version))
            Message.objects.bulk_create(messages, batch_size=2000)
            Coding.objects.bulk_create(codings, batch_size=2000)
        print(f"\rstore: {min(n, offset + chunk):,}/{n:,} conversations "
              f"({time.perf_counter() - began:.0f} s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a database in use has them
    names = []
    all_pks = list(Conversation.objects.values_list("pk", flat=True))
    chosen = rng.sample(all_pks, coders * per_coder)  # spread over the whole store
    for c in range(coders):
        name = f"bench-coder-{c:02d}"
        user = create_account(name, "coder", PASSWORD)
        Assignment.objects.bulk_create(
            Assignment(conversation_id=pk, coder=user) for pk in chosen[c * per_coder:(c + 1) * per_coder]
        )
        names.append(name)
    return names


class Coder(threading.Thread):
    """One person: sign in, then open the next conversation and save it, `rounds` times."""

    def __init__(self, base: str, username: str, rounds: int, think: tuple[float, float],
                 deadline: float, seed: int, decisions: dict[str, list[str]],
                 signed_in: threading.Barrier) -> None:
        super().__init__(daemon=True)
        self.signed_in = signed_in  # Argon2 sign-ins are slow on purpose: time coding, not them
        self.base, self.username, self.rounds, self.think = base, username, rounds, think
        self.deadline, self.rng, self.decisions = deadline, random.Random(seed), decisions
        self.views: list[float] = []
        self.saves: list[float] = []
        self.errors = 0
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def request(self, path: str, data: dict | None = None) -> tuple[str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"Referer": self.base + path}
        with self.opener.open(urllib.request.Request(self.base + path, body, headers), timeout=30) as resp:
            return resp.geturl(), resp.read().decode("utf-8")

    @staticmethod
    def token(html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def run(self) -> None:
        try:
            _, html = self.request("/account/login/")
            url, html = self.request("/account/login/", {
                "username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": self.token(html)})
            self.signed_in.wait(timeout=120)
            url, html = self.request("/coding/next/")
            for _ in range(self.rounds):
                if time.monotonic() > self.deadline or "/coding/conversation/" not in url:
                    break
                time.sleep(self.rng.uniform(*self.think))
                path = urllib.parse.urlsplit(url).path
                t0 = time.perf_counter()
                _, html = self.request(path)  # the coding view, timed on its own
                self.views.append(time.perf_counter() - t0)
                time.sleep(self.rng.uniform(*self.think))
                t0 = time.perf_counter()
                url, html = self.request(path, {**self.decisions, "go": "next",
                                                 "csrfmiddlewaretoken": self.token(html)})
                self.saves.append(time.perf_counter() - t0)  # save, redirect, next coding view
        except Exception as exc:  # a failed coder is counted, the run goes on
            self.errors += 1
            self.signed_in.abort()
            print(f"{self.username}: {type(exc).__name__}: {exc}", file=sys.stderr)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--database-url", default=None, help="PostgreSQL database to (re)create")
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--coders", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=25, help="conversations each coder codes")
    parser.add_argument("--think-ms", default="500-1500", help="pause between steps, 'lo-hi' ms")
    parser.add_argument("--max-seconds", type=float, default=240)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true",
                        help="PostgreSQL: use the store a previous run left (its coders' open work)")
    parser.add_argument("--workers", type=int, default=16, help="server worker threads")
    args = parser.parse_args()
    lo, _, hi = args.think_ms.partition("-")
    think = (float(lo) / 1000, float(hi or lo) / 1000)

    workdir = Path(tempfile.mkdtemp(prefix="bench_workbench_"))
    reuse = args.reuse and args.db == "postgresql"
    if reuse:
        url = args.database_url or "postgresql://postgres@127.0.0.1:5432/inbeeld_bench"
    else:
        url = prepare_database(args.db, args.database_url, workdir)
    os.environ["DATABASE_URL"] = url
    from inbeeld.codebook import load_codebook
    from inbeeld.web import setup_django

    setup_django()
    began = time.perf_counter()
    if reuse:
        from django.contrib.auth import get_user_model

        names = sorted(get_user_model().objects.filter(username__startswith="bench-coder-")
                       .values_list("username", flat=True))[: args.coders]
    else:
        names = fill(args.conversations, args.coders, max(args.rounds + 5, 100), args.seed)
    filled = time.perf_counter() - began
    book = load_codebook()
    decisions = {
        f"v-{v.name}": ([] if v.multi else ["" if v.is_integer else "unknown"]) for v in book.variables
    }
    decisions["v-minor"] = ["yes"]

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "inbeeld.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(args.workers)],
        env={**os.environ, "DATABASE_URL": url}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        cwd=workdir,
    )
    try:
        for _ in range(300):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + args.max_seconds
        barrier = threading.Barrier(len(names))
        coders = [Coder(base, name, args.rounds, think, deadline, args.seed + i, decisions, barrier)
                  for i, name in enumerate(names)]
        t0 = time.perf_counter()
        for coder in coders:
            coder.start()
        for coder in coders:
            coder.join(timeout=args.max_seconds + 60)
        elapsed = time.perf_counter() - t0
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    views = [v for c in coders for v in c.views]
    saves = [s for c in coders for s in c.saves]
    errors = sum(c.errors for c in coders)
    if not views:
        raise SystemExit("no coding view was timed")
    p95 = percentile(views, 95) * 1000
    from inbeeld.web.store.models import Conversation

    stored = Conversation.objects.count()
    print(f"database: {args.db}; store: {stored:,} conversations"
          + ("" if reuse else f" (filled in {filled:.0f} s)"))
    print(f"coders: {len(coders)} concurrent, think {args.think_ms} ms, {elapsed:.0f} s of traffic, "
          f"{errors} coder(s) failed")
    print(f"coding view: n={len(views)}, median {statistics.median(views) * 1000:.1f} ms, "
          f"p95 {p95:.1f} ms, max {max(views) * 1000:.1f} ms")
    if saves:
        print(f"save + next view: n={len(saves)}, median {statistics.median(saves) * 1000:.1f} ms, "
              f"p95 {percentile(saves, 95) * 1000:.1f} ms")
    print(f"target p95 < 150 ms: {'met' if p95 < 150 and not errors else 'NOT met'}")
    from inbeeld.web.dashboard.services import current_monitor

    t0 = time.perf_counter()
    current_monitor(book)  # what the dashboard's first visit (or a small-store revisit) waits for
    print(f"dashboard monitor from the store: {time.perf_counter() - t0:.1f} s")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
