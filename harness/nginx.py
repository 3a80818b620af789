"""Debian's nginx (nginx-light) serving a built site with the repository's own deploy/nginx.conf, as a host
would: the tests and the benchmarks check the headers, the precompressed files and every page through it.

The config is generated from deploy/nginx.conf with three lines changed (each must occur exactly once, so
a reshaped deploy file fails here with what is gone): the listen address (127.0.0.1 and a free port), the
server name and the path of the site. Around it: a minimal main config whose pid file, logs and temp
folders are in a private prefix folder (nothing under /etc, /var or /run), ``daemon off`` and one worker,
so the process started here is the server and is stopped by its id.

``csp=False`` leaves out the Content-Security-Policy line, for one purpose only: the Lighthouse benchmark's
stock-Material site, whose inline scripts the manual's policy forbids (it would otherwise measure a theme
broken by a policy written for another site).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from harness import ROOT

NGINX = "/usr/sbin/nginx"
DEPLOY = ROOT / "deploy" / "nginx.conf"
SUBPATH = "/manual/"


class NginxMissing(RuntimeError):
    pass


def substitute(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"deploy/nginx.conf: expected {old!r} once, found it {text.count(old)} times")
    return text.replace(old, new)


CSP_RE = re.compile(r"^[ \t]*add_header Content-Security-Policy .*\n", re.M)


def config(site: Path, port: int, prefix: Path, csp: bool = True) -> str:
    server = DEPLOY.read_text(encoding="utf-8")
    if not csp:
        server, count = CSP_RE.subn("", server)
        if count != 1:
            raise ValueError(f"deploy/nginx.conf: expected one Content-Security-Policy line, found {count}")
    server = substitute(server, "listen 80;", f"listen 127.0.0.1:{port};")
    server = substitute(server, "server_name example.org;", "server_name 127.0.0.1;")
    server = substitute(server, "alias /srv/manual/site/;", f"alias {site.resolve()}/;")
    temp = "\n".join(f"  {kind}_temp_path {prefix / ('tmp-' + kind)};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""   # workers must read a private tmp folder
    return (f"{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
            f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 128; }}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log {prefix / 'access.log'};\n{temp}\n{server}\n}}\n")


class NginxServer:
    """nginx serving `site` at http://127.0.0.1:`port`/manual/ until ``close()`` (a context manager too)."""

    def __init__(self, site: Path, port: int, prefix: Path, csp: bool = True):
        if not os.path.exists(NGINX):
            raise NginxMissing(f"{NGINX} is missing: `make test` installs Debian's nginx-light")
        prefix.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        conf = prefix / "nginx.conf"
        conf.write_text(config(site, port, prefix, csp), encoding="utf-8")
        check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
        self.process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.host, self.port = "127.0.0.1", port
        self.origin = f"http://127.0.0.1:{port}"
        self._wait_listening()

    def _wait_listening(self) -> None:
        """Until the port accepts a connection (a state), or nginx has exited (its error, raised)."""
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode()}"
                                   f"{(self.prefix / 'error.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)  # polling a socket for a state, not waiting for a time

    def url(self, path: str = "/") -> str:
        """`path` inside the site: '/part1/' -> http://127.0.0.1:port/manual/part1/."""
        return self.origin + SUBPATH.rstrip("/") + path

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def build_for_subpath(dest: Path, port: int) -> Path:
    """The site built (strict) for http://127.0.0.1:port/manual/ into dest, precompressed as make build does:
    the 404 page and canonical links need the address the site is served at."""
    return build_for_address(dest, f"http://127.0.0.1:{port}{SUBPATH}")


def build_for_address(dest: Path, site_url: str, brotli: bool = True) -> Path:
    """The site built (strict) for `site_url` into dest and precompressed, as `make release SITE_URL=…` does
    for the public address: links are relative, the 404 page's assets and the absolute links (canonical,
    hreflang, QR codes) follow the address. ``brotli=False``: .gz copies only (nginx-light sends no .br)."""
    import sys

    from scripts.precompress import precompress
    if dest.exists():
        shutil.rmtree(dest)
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(dest)],
                   cwd=ROOT, env=env, check=True)
    precompress(dest, brotli=brotli)
    return dest
