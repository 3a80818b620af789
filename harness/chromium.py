"""Debian's Chromium (/usr/bin/chromium) through Playwright, without ``playwright install``.

The flags keep a headless Chromium from reaching the network on its own (updates, sync, QUIC) and from
failing in a container (no sandbox, no GPU, small /dev/shm): every request it makes is the page's.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


class ChromiumMissing(RuntimeError):
    pass


@contextmanager
def chromium():
    """A headless browser, closed on exit. Raises :class:`ChromiumMissing` when Debian's is not installed."""
    if not os.path.exists(CHROMIUM):
        raise ChromiumMissing(f"{CHROMIUM} is missing: `make test` and `make bench` install Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
