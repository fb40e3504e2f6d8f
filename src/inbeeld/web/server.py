"""The server behind `inbeeld serve`: Django's WSGI server with a fixed pool of worker threads.

Django's own development server starts a thread per connection, so every request opens a new
database connection; a fixed pool keeps one connection per worker (CONN_MAX_AGE), which on
PostgreSQL saves several milliseconds a request. For more than one workstation run
inbeeld.web.wsgi under a production WSGI server behind a TLS proxy instead (docs/workbench.md).
"""

from __future__ import annotations

import queue
import socket
import threading
from typing import Any

from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer


class QuietHandler(WSGIRequestHandler):
    """Logs server errors only: request lines hold conversation ids in their paths."""

    timeout = 10  # an idle keep-alive connection gives its worker back after this many seconds

    def log_message(self, format: str, *args: Any) -> None:
        if len(args) > 1 and str(args[1]).startswith("5"):
            super().log_message(format, *args)


class PooledWSGIServer(WSGIServer):
    """Hands each accepted connection to one of `workers` long-lived threads."""

    def __init__(self, address: tuple[str, int], handler: type, *, workers: int = 16,
                 ipv6: bool = False) -> None:
        super().__init__(address, handler, ipv6=ipv6)
        self._queue: queue.Queue[tuple[socket.socket, Any] | None] = queue.Queue()
        self._workers = [threading.Thread(target=self._work, daemon=True) for _ in range(workers)]
        for worker in self._workers:
            worker.start()

    def process_request(self, request: socket.socket, client_address: Any) -> None:
        self._queue.put((request, client_address))

    def _work(self) -> None:
        from django.db import connections

        while True:
            item = self._queue.get()
            if item is None:
                break
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)
        connections.close_all()

    def server_close(self) -> None:
        for _ in self._workers:
            self._queue.put(None)
        super().server_close()


def make_server(host: str, port: int, workers: int = 16) -> PooledWSGIServer:
    from django.core.wsgi import get_wsgi_application

    server = PooledWSGIServer((host, port), QuietHandler, workers=workers, ipv6=":" in host)
    server.set_app(get_wsgi_application())
    return server
