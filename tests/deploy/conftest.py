"""The site as a professional host serves it: Debian's nginx with deploy/nginx.conf, under /manual/, the
site built for that address and precompressed (harness/nginx.py). Started once per session, stopped by its
process id at the end."""

from __future__ import annotations

import pytest

from harness.nginx import NginxMissing, NginxServer, build_for_subpath
from harness.server import free_port


@pytest.fixture(scope="session")
def nginx(tmp_path_factory, site):
    root = tmp_path_factory.mktemp("nginx")
    port = free_port()
    built = build_for_subpath(root / "manual", port)
    try:
        server = NginxServer(built, port, root / "prefix")
    except NginxMissing as err:
        pytest.fail(str(err))
    server.site = built
    yield server
    server.close()
