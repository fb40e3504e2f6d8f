"""The pooled server behind `inbeeld serve` answers concurrent requests on loopback."""

import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from inbeeld.web.server import PooledWSGIServer, QuietHandler


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [threading.current_thread().name.encode()]


def test_the_pooled_server_answers_concurrent_requests_with_a_fixed_set_of_threads():
    server = PooledWSGIServer(("127.0.0.1", 0), QuietHandler, workers=3)
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with ThreadPoolExecutor(8) as pool:
            bodies = list(pool.map(lambda _: urllib.request.urlopen(url, timeout=10).read(), range(24)))
    finally:
        server.shutdown()
        server.server_close()
    assert len(bodies) == 24
    assert len(set(bodies)) <= 3  # answered by the pool's workers, not a thread per request
