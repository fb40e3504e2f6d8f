"""Load test of the public tip form: 50 tips a second for 60 seconds on loopback.

    .venv/bin/python benchmarks/bench_tips_load.py                      # fresh SQLite file in /tmp
    .venv/bin/python benchmarks/bench_tips_load.py \
        --database-url postgresql://postgres@127.0.0.1:5432/inbeeld_tipsload   # created and dropped
    .venv/bin/python benchmarks/bench_tips_load.py --server builtin     # `inbeeld serve` instead

A public form is served the production way (docs/tips.md): the WSGI application under gunicorn
with --processes worker processes of --workers threads each (default 2 x 8: one process per core,
since one Python process runs its Python code on one core at a time). `--server builtin` uses
`inbeeld serve` (one process, a pool of threads) instead. The server runs on 127.0.0.1 (a free
port) as a child process on a fresh, migrated database with a new master key, and with the
tips flood limit (INBEELD_TIPS_MAX_PER_HOUR) raised so that the limit does not reject the
load: this measures the server, not the limit. Each tip comes from a new visitor (its own cookie
jar): GET the form for its CSRF token, then POST a fictional tip.
Tips are started on a fixed schedule by a thread pool; the loop is bounded (at most 3,000 tips,
at most --max-seconds) and stops by itself. Afterwards it counts the tips stored in the database,
stops the server and prints sent, accepted, errors, stored, achieved rate and latencies.
Exit code 1 when a tip was lost (sent != stored) or any request failed.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet

MAX_TIPS = 3000
SEEN = (
    "Ik zie vaak een meisje van ongeveer vijftien bij een man in de auto stappen.",
    "Een jongen uit de buurt zegt dat hij geld moet afgeven aan een oudere man.",
    "Er komen 's avonds steeds andere mannen bij de woning, een jong meisje doet open.",
    "Mijn nichtje vertelde dat ze met mannen mee moest van haar vriend. Hij neemt het geld.",
)
PLACES = ("Utrecht", "Zwolle", "Almere", "Breda", "Leeuwarden")


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    sent: int = 0  # tips whose POST was made
    accepted: int = 0  # POSTs answered with the receipt page
    errors: int = 0  # non-2xx/3xx answers or exceptions (GET or POST)
    post_latency: list[float] = field(default_factory=list)
    tip_latency: list[float] = field(default_factory=list)  # GET + POST
    problems: dict[str, int] = field(default_factory=dict)

    def problems_before_post(self) -> int:
        return sum(n for what, n in self.problems.items() if what.startswith("GET"))

    def fail(self, what: str) -> None:
        with self.lock:
            self.errors += 1
            self.problems[what] = self.problems.get(what, 0) + 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fictional_tip(rng: random.Random) -> dict[str, str]:
    number = f"06{rng.randrange(10**8):08d}"  # fictional: random, not taken from anywhere
    return {
        "seen": rng.choice(SEEN),
        "where": rng.choice(PLACES),
        "when": "vorige week",
        "about": "een meisje, ongeveer vijftien",
        "phones": number if rng.random() < 0.5 else "",
        "handles": f"@voorbeeld{rng.randrange(1000)}" if rng.random() < 0.3 else "",
        "links": "",
        "plates": "",
        "places": "",
        "contact": "",
    }


def send_tip(base: str, seed: int, tally: Tally) -> None:
    """One visitor: GET the form (CSRF cookie and token), then POST a tip."""
    rng = random.Random(seed)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    url = base + "/tips/melden/"
    start = time.perf_counter()
    try:
        with opener.open(url, timeout=30) as resp:
            html = resp.read().decode("utf-8")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    except (OSError, AttributeError) as exc:
        tally.fail(f"GET {type(exc).__name__}: {getattr(exc, 'code', '')}")
        return
    body = urllib.parse.urlencode({**fictional_tip(rng), "csrfmiddlewaretoken": token}).encode()
    with tally.lock:
        tally.sent += 1
    t0 = time.perf_counter()
    try:
        request = urllib.request.Request(url, body, {"Referer": url})
        with opener.open(request, timeout=30) as resp:
            html = resp.read().decode("utf-8")
            status = resp.status
    except urllib.error.HTTPError as exc:
        tally.fail(f"POST HTTP {exc.code}")
        return
    except OSError as exc:
        tally.fail(f"POST {type(exc).__name__}")
        return
    now = time.perf_counter()
    with tally.lock:
        tally.post_latency.append(now - t0)
        tally.tip_latency.append(now - start)
        if 200 <= status < 400 and 'name="shown"' in html:  # the receipt page with its code
            tally.accepted += 1
        elif not 200 <= status < 400:
            tally.errors += 1


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def prepare_database(url: str | None, workdir: Path) -> str:
    if url is None:
        return f"sqlite:///{workdir / 'tipsload.db'}"
    import psycopg

    parts = urllib.parse.urlsplit(url)
    with psycopg.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        name = parts.path.lstrip("/")
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def drop_database(url: str) -> None:
    if url.startswith("sqlite"):
        return
    import psycopg

    parts = urllib.parse.urlsplit(url)
    with psycopg.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}"')


def stored_tips(url: str) -> int:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return conn.execute("SELECT count(*) FROM tips_tip").fetchone()[0]
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM tips_tip").fetchone()[0]


def wait_for(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def start_server(args: argparse.Namespace, port: int, env: dict[str, str]) -> subprocess.Popen:
    if args.server == "builtin":
        command = [
            sys.executable,
            "-m",
            "inbeeld.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ]
    else:
        # migrate once before the worker processes start (they would race to create tables)
        subprocess.run(
            [sys.executable, "-c", "from inbeeld.web import migrate; migrate()"], env=env, check=True
        )
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "inbeeld.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.processes),
            "--worker-class",
            "gthread",
            "--threads",
            str(args.workers),
        ]
    print(f"server: {' '.join(command[2:])}")
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="PostgreSQL database to create and drop")
    parser.add_argument("--rate", type=float, default=50.0, help="tips started per second")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to send")
    parser.add_argument("--max-seconds", type=float, default=90.0, help="hard stop of the sending loop")
    parser.add_argument("--clients", type=int, default=64, help="client threads")
    parser.add_argument(
        "--server",
        choices=("gunicorn", "builtin"),
        default="gunicorn",
        help="gunicorn (production) or the built-in `inbeeld serve`",
    )
    parser.add_argument("--processes", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--workers", type=int, default=8, help="threads per server process")
    args = parser.parse_args()
    total = min(MAX_TIPS, int(args.rate * args.seconds))

    with tempfile.TemporaryDirectory(prefix="inbeeld-tipsload-") as tmp:
        url = prepare_database(args.database_url, Path(tmp))
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "INBEELD_TIPS_MASTER_KEY": Fernet.generate_key().decode(),
            # raised so that the flood limit does not reject the load: we measure the server
            "INBEELD_TIPS_MAX_PER_HOUR": str(100 * total),
        }
        print(
            f"database: {url.split('://')[0]}; INBEELD_TIPS_MAX_PER_HOUR raised to {100 * total} "
            f"for this run (default 200) so that the flood limit does not reject the load"
        )
        server = start_server(args, port, env)
        tally = Tally()
        try:
            wait_for(port, server)
            base = f"http://127.0.0.1:{port}"
            print(f"sending {total} tips at {args.rate:g}/s to {base}/tips/melden/ ...", flush=True)
            start = time.monotonic()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                futures = []
                for i in range(total):
                    due = start + i / args.rate
                    if due - start > args.max_seconds:
                        break
                    time.sleep(max(0.0, due - time.monotonic()))
                    futures.append(pool.submit(send_tip, base, i, tally))
                left = max(1.0, args.max_seconds - (time.monotonic() - start))
                _done, pending = wait(futures, timeout=left)
                for future in pending:
                    future.cancel()  # not started yet: never sent
            elapsed = time.monotonic() - start
            stored = stored_tips(url)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            drop_database(url)

    rate = tally.accepted / elapsed
    print(
        f"planned   {total}; not sent (time cap of {args.max_seconds:g} s reached first): "
        f"{total - tally.sent - tally.problems_before_post()}"
    )
    print(f"sent      {tally.sent}")
    print(f"accepted  {tally.accepted}")
    print(f"errors    {tally.errors}" + (f"  {tally.problems}" if tally.problems else ""))
    print(f"stored    {stored}")
    print(f"elapsed   {elapsed:.1f} s; achieved rate {rate:.1f} accepted tips/s (target {args.rate:g}/s)")
    print(
        f"POST latency      p50 {1000 * percentile(tally.post_latency, 50):.0f} ms, "
        f"p95 {1000 * percentile(tally.post_latency, 95):.0f} ms"
    )
    print(
        f"GET+POST latency  p50 {1000 * percentile(tally.tip_latency, 50):.0f} ms, "
        f"p95 {1000 * percentile(tally.tip_latency, 95):.0f} ms"
    )
    if rate < 0.95 * args.rate:
        print(f"note: the server did not keep up with {args.rate:g} tips/s on this machine")
    ok = tally.sent == stored and tally.errors == 0
    print("OK" if ok else "FAILED: tips lost or requests failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
