"""--online: external URLs answered by a local HTTP server; results cached in .cache/links.json."""
from __future__ import annotations

import http.server
import json
import threading
import time

import pytest

from scripts import cli


GOV = "https://www.gov.cn/zhengce/content/2016-06/16/content_5082800.htm"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def add_links(root, base):
    for lang in ("zh", "en"):
        page = root / "docs" / lang / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n[ok]({base}/ok) [gone]({base}/gone)\n",
                        encoding="utf-8")


def seed_cache(root):
    """The control's gov.cn link, checked a minute ago (no network in tests): must not be asked again."""
    (root / ".cache").mkdir()
    (root / ".cache" / "links.json").write_text(json.dumps({GOV: {"at": time.time() - 60, "error": ""}}),
                                                encoding="utf-8")


def test_online_reports_dead_links_and_caches(control_root, server, capsys):
    add_links(control_root, server)
    seed_cache(control_root)
    assert cli.main(["stamp", "--root", str(control_root)]) == 0
    assert cli.main(["check", "--root", str(control_root)]) == 0          # offline: not checked
    capsys.readouterr()
    assert cli.main(["check", "--root", str(control_root), "--online"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" external URL ")[0] for line in out[:-1]] == ["docs/en/index.md:13: L107",
                                                                     "docs/zh/index.md:13: L107"]
    assert out[0].endswith(f"{server}/gone does not answer: HTTP 404")
    cache = json.loads((control_root / ".cache" / "links.json").read_text(encoding="utf-8"))
    assert cache[f"{server}/ok"]["error"] == "" and cache[f"{server}/gone"]["error"] == "HTTP 404"
    assert cache[GOV]["error"] == ""


def test_online_is_ignored_in_ci(control_root, server, capsys, monkeypatch):
    add_links(control_root, server)
    seed_cache(control_root)
    cli.main(["stamp", "--root", str(control_root)])
    monkeypatch.setenv("CI", "true")
    assert cli.main(["check", "--root", str(control_root), "--online"]) == 0
    assert "ignored in CI" in capsys.readouterr().err
