"""The documented production command (docs/workbench.md) serves the app under gunicorn, and
gunicorn's default writes no access log: no client address reaches its output."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float) -> bytes:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_gunicorn_serves_the_tip_form_and_logs_no_client_address(tmp_path: Path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.db'}",
        "INBEELD_TIPS_MASTER_KEY": Fernet.generate_key().decode(),
        "DJANGO_SETTINGS_MODULE": "inbeeld.web.settings",
    }
    subprocess.run([sys.executable, "-c", "from inbeeld.web import migrate; migrate()"], env=env, check=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "inbeeld.web.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--worker-class", "gthread", "--threads", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/tips/melden/", time.monotonic() + 60).decode()
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode(errors="replace")
    assert 'name="csrfmiddlewaretoken"' in page and 'name="seen"' in page
    assert "Booting worker" in output  # gunicorn's own start lines are there ...
    assert "GET /tips/melden/" not in output and "127.0.0.1 -" not in output  # ... no access lines
