"""A static server on 127.0.0.1 in a background thread: the built site as a browser gets it.

Uncompressed by default (the tests read what was built; the weight benchmark computes gzip sizes itself);
``gzip=True`` compresses text like a typical static host (nginx ``gzip on``), for Lighthouse.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import socket
import threading
from pathlib import Path


def free_port() -> int:
    """A port nobody listens on now (a site is built for the port it will be served on)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


class GzipHandler(QuietHandler):
    """Text types gzipped (level 6) when the browser accepts it; fonts and raster images as they are."""
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
    _cache: dict = {}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in self.TEXT
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        key = (str(path), path.stat().st_mtime_ns)
        body = self._cache.get(key)
        if body is None:
            body = self._cache[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class StaticServer:
    """Serves `directory` on 127.0.0.1:`port` (0: any free port); ``url(path)`` gives absolute URLs.

    When the port asked for is taken, any free port is used instead (canonical URLs of a site built for
    that port then name another one). Usable as a context manager."""

    def __init__(self, directory: Path, port: int = 0, gzip: bool = False):
        handler = functools.partial(GzipHandler if gzip else QuietHandler, directory=str(directory))
        try:
            self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError:
            self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.host = "127.0.0.1"
        self.port = self.httpd.server_address[1]
        self.origin = f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
