"""The README tells a newcomer the truth: its list of check codes is the one the tool prints, and every
make target it names exists."""

import re
import subprocess
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_check_code():
    printed = subprocess.run([sys.executable, "-m", "scripts", "codes"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    expected = {line[:4]: line[4:].strip() for line in printed.splitlines() if line.strip()}
    block = README.split("<!-- codes:start -->")[1].split("<!-- codes:end -->")[0]
    listed = dict(re.findall(r"^\| ([A-Z]\d{3}) \| (.+?) \|$", block, re.M))
    assert listed == expected


def test_readme_targets_exist_in_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    named = set(re.findall(r"`make ([a-z-]+)`", README))
    assert named and named <= targets, named - targets
