"""The site as a professional host serves it: the session's nginx with deploy/nginx.conf under /manual/,
the site built for its public address and precompressed (tests/conftest.py: ``server``), which the whole
browser suite uses; here it goes by what these tests check."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nginx(server):
    return server
