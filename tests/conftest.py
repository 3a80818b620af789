"""Shared fixtures: the real built site, served as the README's deploy guide says (Debian's nginx with
deploy/nginx.conf, under /manual/, built for its public address and precompressed), and a real Chromium
(Debian's; both from :mod:`harness`) in which every page a test opens is watched: a console error or a
Content-Security-Policy violation on any of them fails the test.

The site is the one `make build` wrote to site/ (make test builds first); when it is missing, it is built
here, so `pytest tests/browser` also works alone.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from hypothesis import settings


from harness import ROOT
from harness.chromium import ChromiumMissing, chromium
from harness.nginx import NginxMissing, NginxServer, build_for_address
from harness.server import StaticServer, free_port

# Property tests explore new examples on every local run (that is how a counterexample to the typography
# property was found); under CI they draw the same examples every time, so a verdict never depends on luck.
settings.register_profile("ci", derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

SITE = ROOT / "site"
# One page of each template, in both languages: home, part index, long chapter, form, glossary, translation
# status, side-by-side view. Journeys that depend on the layout rather than the text run on these.
TEMPLATES = [prefix + path for prefix in ("/", "/en/") for path in (
    "", "part2/", "part2/volunteers/", "appendix/forms/enrolment-consent/", "appendix/glossary/",
    "appendix/translation-status/", "part1/model/parallel.html")]


# Modules whose tests share an expensive module- or session-scoped fixture (a build of their own, a server,
# a corpus run). pytest-xdist gives each worker its own copy of such a fixture, so with `--dist loadgroup`
# (make test) each of these modules runs whole on one worker, and the fixture is made once, not twice.
ONE_WORKER = {
    "tests/benchmarks/test_mutations.py", "tests/browser/test_instant.py", "tests/browser/test_permanence.py",
    "tests/checks/test_corpus.py", "tests/hooks/test_preview_serve.py", "tests/hooks/test_review.py",
    "tests/hooks/test_traditional.py", "tests/hooks/test_translation.py", "tests/deploy/test_nginx.py",
}


@pytest.hookimpl(tryfirst=True)          # before pytest-xdist reads the marks into the test ids
def pytest_collection_modifyitems(config, items):
    """The benchmark smoke pass runs only when ``-m`` names ``bench``: a ``-m`` on the command line
    replaces one in pytest.ini's addopts, so ``pytest -m browser`` ran it too (11 minutes of it)."""
    if "bench" not in (config.getoption("markexpr") or ""):
        bench = [item for item in items if item.get_closest_marker("bench")]
        if bench:
            config.hook.pytest_deselected(items=bench)
            items[:] = [item for item in items if not item.get_closest_marker("bench")]
    gone = sorted(m for m in ONE_WORKER if not (ROOT / m).is_file())
    if gone:
        raise pytest.UsageError(f"tests/conftest.py ONE_WORKER names modules that do not exist: {gone}")
    for item in items:
        module = Path(item.fspath).relative_to(ROOT).as_posix()
        if module in ONE_WORKER:
            item.add_marker(pytest.mark.xdist_group(module))


def pytest_collection_finish(session):
    """Under `--dist loadgroup`, fail loudly if pytest-xdist did not group (it writes the group into the test
    id, which pytest 9.2 no longer lets it do: pytest-xdist#1386); silently, each worker would rebuild."""
    if session.config.getoption("loadgroup", False):
        lost = [i.nodeid for i in session.items if i.get_closest_marker("xdist_group") and "@" not in i.nodeid]
        if lost:
            raise pytest.UsageError(f"pytest-xdist did not group {len(lost)} tests (e.g. {lost[0]}): "
                                    "is pytest newer than requirements.txt pins?")


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; built here when missing, by one pytest-xdist worker while the others wait."""
    import fcntl

    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / ".tests-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (SITE / "index.html").is_file() or not (ROOT / "build" / "downloads").is_dir():
            subprocess.run([sys.executable, "-m", "scripts.build"], cwd=ROOT, check=True)
    return SITE


# The deploy guide's own example (README "Deploying", deploy/nginx.conf): the site is built for its public
# address and served under that path. The tests serve it on 127.0.0.1; canonical, hreflang and QR codes
# keep naming the public address, as they do on a staging copy of a release.
PUBLIC_URL = "https://example.org/manual/"
SERVED = ROOT / "build" / "served" / "manual"


def built_for(site: Path) -> str | None:
    """The public address a built site was made for (its home page's canonical link)."""
    import re
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return found[1] if found else None


def site_path(site: Path) -> str:
    """The path on its host a built site was made for: '/' for the preview address, '/manual/' for PUBLIC_URL."""
    return urlparse(built_for(site) or "/").path or "/"


@pytest.fixture(scope="session")
def served_site(site) -> Path:
    """The site as `make release` and the guide's upload would have it: built for PUBLIC_URL and
    precompressed. `make test` builds site/ so (SITE_URL=PUBLIC_URL), and then it is served as it is;
    otherwise (pytest alone after a plain `make build`) it is built again into build/served/, gzip only
    (nginx-light sends no .br), by one pytest-xdist worker while the others wait, and made again only when
    site/ was rebuilt since (a build rewrites site/index.html)."""
    import fcntl

    if built_for(site) == PUBLIC_URL and (site / "index.html.gz").is_file():
        return site
    stamp = SERVED.parent / ".built-from"
    source = str((site / "index.html").stat().st_mtime_ns)
    with open(ROOT / "build" / ".tests-served.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (SERVED / "404.html").is_file() or not stamp.is_file() or stamp.read_text() != source:
            stamp.unlink(missing_ok=True)
            build_for_address(SERVED, PUBLIC_URL, brotli=False)
            stamp.write_text(source)
    return SERVED


@pytest.fixture(scope="session")
def server(served_site, tmp_path_factory):
    """nginx with deploy/nginx.conf serving the site at http://127.0.0.1:<free port>/manual/, one per
    pytest-xdist worker, stopped by its process id at the end of the session."""
    try:
        s = NginxServer(served_site, free_port(), tmp_path_factory.mktemp("nginx"))
    except NginxMissing as err:
        pytest.fail(str(err))
    s.site = served_site
    yield s
    s.close()


@pytest.fixture(scope="session")
def chromium_browser():
    try:
        with chromium() as b:
            yield b
    except ChromiumMissing as err:
        pytest.fail(str(err))


# In every page of a watched context, before the page's own scripts: a CSP violation becomes a console
# error that names the directive and what was refused (Chromium's own message does not always reach us).
CSP_TO_CONSOLE = """document.addEventListener('securitypolicyviolation', e => console.error(
  'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile
  + ':' + e.lineNumber), true);"""


class WatchedBrowser:
    """The session's Chromium as one test sees it. Every context opened through it (``visit`` opens its
    pages here too) reports console errors, uncaught exceptions and CSP violations of all its pages, and
    workers, to ``problems``; the ``browser`` fixture fails the test on any that the test did not declare
    with ``allow_console_error`` (a 404 page logs its own 404, on purpose)."""

    def __init__(self, browser):
        self._browser = browser
        self.contexts: list = []
        self.problems: list[str] = []
        self.allowed: list[str] = []

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.add_init_script(CSP_TO_CONSOLE)
        context.on("console", lambda m: m.type == "error" and self.problems.append(
            f"{m.page.url if m.page else 'worker'}: {m.text}"))
        context.on("weberror", lambda e: self.problems.append(f"{e.page.url if e.page else '?'}: {e.error}"))
        self.contexts.append(context)
        return context

    def allow_console_error(self, text: str) -> None:
        """Errors containing `text` are expected by this test (and asserted by it)."""
        self.allowed.append(text)

    def unexpected(self) -> list[str]:
        return [p for p in self.problems if not any(a in p for a in self.allowed)]


@pytest.fixture
def browser(chromium_browser):
    watched = WatchedBrowser(chromium_browser)
    yield watched
    for context in watched.contexts:
        context.close()      # also delivers the events still in flight
    problems = watched.unexpected()
    assert problems == [], "console errors or CSP violations:\n" + "\n".join(problems)


# About five seconds at 60 frames a second: a request the page still has open after that is left open.
LATE_REQUEST_FRAMES = 300


class Visit:
    """One page load with everything a reader's browser did: requests, failures and console errors.

    ``page`` given: that page is reused and ``goto`` starts each visit afresh (a reader going from page to
    page in one tab, with a warm cache): the every-page test walks the site this way."""

    def __init__(self, context, url: str | None = None, wait: str = "load", page=None):
        self.page = page or context.new_page()
        self.requests: list[str] = []
        self.pending: set = set()
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda r: (self.requests.append(r.url), self.pending.add(r)))
        self.page.on("requestfinished", lambda r: self.pending.discard(r))
        self.page.on("requestfailed", lambda r: (self.failed.append(f"{r.url} ({r.failure})"),
                                                 self.pending.discard(r)))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} ({r.status})"))
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        if url:
            self.goto(url, wait)

    def goto(self, url: str, wait: str = "load") -> "Visit":
        """Load `url` in this visit's page, forgetting what the page it leaves did (which must be at rest:
        a request it still had open would be cancelled, and counted against the new page)."""
        self.finish_requests()
        assert not self.pending, f"requests still open when leaving the page: {sorted(r.url for r in self.pending)}"
        for seen in (self.requests, self.failed, self.console_errors):
            seen.clear()
        self.page.goto(url, wait_until=wait)
        return self

    def finish_requests(self, frames: int = LATE_REQUEST_FRAMES) -> None:
        """Let the requests in flight finish, for at most ``frames`` animation frames. The browser asks for
        some things on its own time after the load event (the favicon, seen in flight as a test ended under
        load): such a request is late, not left open."""
        for _ in range(frames):
            if not self.pending:
                return
            self.page.evaluate("() => new Promise(requestAnimationFrame)")   # lets Playwright deliver events

    def leave(self) -> list[str]:
        """Leave the page through about:blank if it still has requests open after
        :meth:`finish_requests`, and return them. Navigating away cancels them (Playwright reports the
        cancellations before goto returns); they are counted against neither this page nor the next: the
        test that left them says so, the next page starts clean."""
        self.finish_requests()
        if not self.pending:
            return []
        left_open = sorted(r.url for r in self.pending)
        self.page.goto("about:blank")
        self.pending.clear()
        for seen in (self.requests, self.failed, self.console_errors):
            seen.clear()
        return left_open

    def ready(self) -> None:
        """After the load event: site.js has set the page up (its last step gives every heading its
        copy-link button) and every request the page made so far has finished or failed. A state, where
        Playwright's "networkidle" is half a second of silence on every page."""
        self.page.wait_for_function(SET_UP)
        self.finish_requests(1000)
        if not self.pending:
            return
        raise AssertionError(f"requests still open: {sorted(r.url for r in self.pending)}")

    def settle(self) -> None:
        """Wait until no CSS transition or animation is running: axe and screenshots sample a page at rest
        (a menu fading in has, for a moment, too little contrast; that is the transition, not the design)."""
        settle(self.page)

    def third_party(self, origin: str) -> list[str]:
        own = urlparse(origin)
        return [u for u in self.requests
                if urlparse(u).scheme in ("http", "https", "ws", "wss")
                and (urlparse(u).hostname, urlparse(u).port) != (own.hostname, own.port)]


# site.js's last set-up step, on a loaded page and after each instant navigation.
SET_UP = """() => [...document.querySelectorAll('article h2[id], article h3[id]')]
    .every(h => h.querySelector('.copy-link'))"""

SETTLED = """() => document.getAnimations().every(a =>
    a.effect.getComputedTiming().iterations === Infinity || !['running', 'pending'].includes(a.playState))"""


def settle(page) -> None:
    """getAnimations() flushes style first, so a transition that a hover or click just started is counted."""
    page.wait_for_function(SETTLED)


@pytest.fixture
def visit(browser):
    """Open a page in a fresh context of the watched browser (closed, and its errors judged, by ``browser``)."""
    def open_page(url: str, viewport=None, wait: str = "load", **kw) -> Visit:
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, **kw)
        return Visit(context, url, wait)

    return open_page


def fixture_build_env(**extra: str) -> dict[str, str]:
    """The environment of a fixture site's MkDocs build: nothing of the caller's (SITE_URL, the checks'
    cache) but where Python keeps its bytecode (the Makefile's .cache/pycache: a build that compiled
    everything again cost seconds each, and wrote __pycache__ into scripts/)."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "CHECKS_CACHE": "0"}
    env.update({k: os.environ[k] for k in ("PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE") if k in os.environ})
    return env | extra


@functools.lru_cache(maxsize=None)
def parsed(path: Path):
    """A built page's tree (lxml), parsed once per test process: the site tests walk every page several
    times, at about 0.6 s a walk (about 150 MB of trees a process). Read it, never change it: every test
    that asks for the page gets this same tree."""
    from lxml import html
    return html.fromstring(path.read_bytes())


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path ('/', '/en/part1/model/', ...), 404 page excluded,
    and the redirect pages too (short links, and the old URLs in redirects.yml)."""
    from scripts.published import url_path
    from scripts.redirects import load_redirects

    redirected = {url_path(old, lang) for old in load_redirects(ROOT).pages for lang in ("zh", "en")}
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith(("downloads", "assets", "search")) or "/go/" in f"/{rel}/":
            continue
        url = "/" if rel == "." else f"/{rel}/"
        if url not in redirected:
            pages.append(url)
    return pages
