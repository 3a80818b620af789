"""deploy/nginx.conf, served by Debian's nginx-light: the precompressed files are sent as they are, hashed
assets are cached for a year and everything else revalidated, every response carries the security headers
(a Content-Security-Policy without 'unsafe-inline' for scripts), and every page template in both
languages, the 404 page included, loads in Chromium with no CSP violation, console error or failed request,
and search still works under that policy."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from harness.search import search
from tests.conftest import TEMPLATES

pytestmark = pytest.mark.browser

CSP_LISTENER = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"""


def get(url: str, encoding: str | None = "gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def security_headers_ok(headers) -> None:
    csp = headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src and "*" not in script_src
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]


def test_pages_are_sent_precompressed_and_revalidated(nginx):
    status, headers, body = get(nginx.url("/part2/volunteers/"))
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert len(body) == (nginx.site / "part2" / "volunteers" / "index.html.gz").stat().st_size  # the .gz as built
    assert headers["Cache-Control"] == "no-cache" and headers["ETag"]
    assert "Accept-Encoding" in headers["Vary"] and "utf-8" in headers["Content-Type"]
    security_headers_ok(headers)
    status, headers, body = get(nginx.url("/part2/volunteers/"), encoding=None)
    assert status == 200 and "Content-Encoding" not in headers and b"<html" in body


def test_hashed_assets_are_immutable_and_the_rest_revalidated(nginx):
    bundle = next((nginx.site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for path, cache in ((f"/assets/javascripts/{bundle}", "public, max-age=31536000, immutable"),
                        ("/assets/javascripts/site.js", "no-cache"), ("/search/search_index.json", "no-cache"),
                        ("/en/search/search_index.json", "no-cache")):
        status, headers, _ = get(nginx.url(path))
        assert status == 200 and headers["Cache-Control"] == cache, path
        assert headers["Content-Encoding"] == "gzip", path
        security_headers_ok(headers)


def test_missing_page_is_the_sites_404_with_the_same_headers_and_bare_subpath_redirects(nginx):
    status, headers, body = get(nginx.url("/no-such-page/"), encoding=None)
    assert status == 404 and b"md-content" in body
    security_headers_ok(headers)
    request = urllib.request.Request(nginx.origin + "/manual", method="HEAD")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        urllib.request.build_opener(NoRedirect).open(request)
        raise AssertionError("no redirect")
    except urllib.error.HTTPError as err:
        assert err.code == 301 and err.headers["Location"].endswith("/manual/")


@pytest.mark.parametrize("path", TEMPLATES + ["/go/1-1/", "/en/go/1-1/"])
def test_every_template_loads_with_no_csp_violation_or_console_error(nginx, visit, path):
    v = visit("about:blank")
    v.page.add_init_script(CSP_LISTENER)
    v.page.goto(nginx.url(path))
    stub = "/go/" in path
    if stub:   # a short link's stub sends the reader on: wait for the chapter it names, loaded
        v.page.wait_for_url(lambda url: "/go/" not in url)
    v.ready()
    assert v.page.evaluate("window.__csp") == [], path
    # The stub's own load is cut short by its redirect (the script and the meta refresh race to leave it):
    # that is the redirect working, not a failed request.
    superseded = f"{nginx.url(path)} (net::ERR_ABORTED)"
    assert v.console_errors == [] and [f for f in v.failed if not (stub and f == superseded)] == [], path
    assert v.third_party(nginx.origin) == []


def test_404_page_loads_its_assets_under_the_subpath_with_no_csp_violation(nginx, browser, visit):
    browser.allow_console_error("status of 404")     # the page's own status, which Chromium logs
    v = visit("about:blank")
    v.page.add_init_script(CSP_LISTENER)
    v.page.goto(nginx.url("/no-such-page/"))
    v.ready()
    assert v.page.evaluate("window.__csp") == []
    assert [f for f in v.failed if "no-such-page" not in f] == []
    assert [e for e in v.console_errors if "status of 404" not in e] == []
    assert v.page.locator("link[href$='site.css']").count() == 1


@pytest.mark.parametrize("start, query", [("/", "志愿者"), ("/en/", "volunteer")])
def test_search_works_under_the_policy(nginx, visit, start, query):
    v = visit("about:blank")
    v.page.add_init_script(CSP_LISTENER)
    v.page.goto(nginx.url(start))
    v.ready()
    hrefs = search(v.page, query)
    assert hrefs and all(h.startswith(nginx.url(start)) for h in hrefs)
    assert v.page.evaluate("window.__csp") == [] and v.console_errors == []


def test_the_policy_blocks_an_inline_script_and_the_listeners_see_it(nginx, browser, visit):
    """The 0-violation checks can fail: an inline script added to a served page is refused, and both this
    test's listener and the one every browser test has (tests/conftest.py: WatchedBrowser) report it."""
    v = visit("about:blank")
    v.page.add_init_script(CSP_LISTENER)
    v.page.goto(nginx.url("/"))
    v.ready()
    v.page.evaluate("""() => { const s = document.createElement('script');
                              s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    v.page.wait_for_function("() => window.__csp.length > 0")
    assert v.page.evaluate("window.__ran") is None
    assert "script-src" in v.page.evaluate("window.__csp")[0]
    v.page.wait_for_function("() => true")          # a round trip: the console events of the page have arrived
    assert any("CSP violation: script-src" in p for p in browser.problems), browser.problems
    assert browser.unexpected() != []          # ... and would fail any other test
    browser.allow_console_error("script-src")   # here it is the point
