"""`python -m scripts codes --explain CODE`: the documentation of one code, from its family's docstring."""
from __future__ import annotations

import pytest

from scripts import cli
from scripts.checks import all_codes, explain, family_of, mentions


@pytest.mark.parametrize("code", sorted(all_codes()))
def test_every_code_is_explained_from_its_family(code):
    text = explain(code)
    family = family_of(code)
    assert text.startswith(f"{code}  {family.CODES[code]}\n\n")
    assert family.__doc__.strip().splitlines()[0] in text
    body = [piece for piece in text.split("\n\n")[2:-1] if not piece.startswith("Options in checks.yml:")]
    assert body and all(piece in family.__doc__ for piece in body)


def test_a_family_with_options_shows_them_with_defaults():
    text = explain("C101")
    assert "Options in checks.yml:\n- typography.autocorrect (default True): " in text
    assert "- typography.halfwidth (default ',;:?!('): half-width marks" in text
    assert "- generated (default {" in explain("A119")
    assert "Options in checks.yml" not in explain("V102")          # privacy has none


def test_only_the_paragraphs_about_the_code():
    text = explain("L103")
    assert "A ``#anchor`` must exist in the target page (L103)" in text
    assert "L104" not in text and "L106" not in text


def test_a_code_inside_a_range():
    assert "(A107-A109)" in explain("A108")
    assert mentions("levels (A107-A109)", "A108") and not mentions("levels (A107-A109)", "A110")
    assert not mentions("see L1030", "L103")


def test_cli_explains(capsys):
    assert cli.main(["codes", "--explain", "v102"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("V102  mobile phone number") and "+86" in out and "18 digits" not in out


@pytest.mark.parametrize("code", ["Q999", "L1", ""])
def test_cli_unknown_code_exits_2(capsys, code):
    assert cli.main(["codes", "--explain", code]) == 2
    captured = capsys.readouterr()
    assert f"unknown code '{code}'" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""
