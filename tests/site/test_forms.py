"""The forms as documents, read back by real clients: LibreOffice (headless) opens every DOCX and ODT
and converts it to PDF; pdftotext reads every field label of the Markdown form back from those PDFs and
from ours; python-docx finds every table and row; the page counts hold; the site and the zip offer them.

All the LibreOffice conversions run in ONE soffice process (a session fixture), not one per file.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from harness import ROOT
from harness.pdf import pdf_text
from scripts.build import OFFLINE_FOLDER, OFFLINE_ZIP
from scripts.config import Config
from scripts.formdocs import forms_of
from scripts.forms import FORMATS, SUBDIR, fields, file_name, is_fill_in
from scripts.site import load_site
from scripts.ui_strings import strings

# Pages of each one-form PDF (ours, WeasyPrint) and how many LibreOffice may add or take away when it lays
# out the DOCX and ODT with its own line breaks. A change here is a change to what field workers print.
PAGES = {
    "enrolment-consent": {"zh": 8, "en": 9},
    "needs-assessment": {"zh": 6, "en": 7},
    "service-plan": {"zh": 4, "en": 4},
    "home-visit": {"zh": 5, "en": 6},
    "volunteer-agreement": {"zh": 4, "en": 5},
    "allowance-record": {"zh": 4, "en": 5},
    "referral": {"zh": 4, "en": 5},
    "closure-summary": {"zh": 4, "en": 4},
}
LIBREOFFICE_SLACK = 1


def squeeze(text: str) -> str:
    """Text without whitespace: a label wrapped over two lines of a table cell still matches."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, in the order it was written (-raw: a label wrapped in a narrow column is
    not interleaved with its neighbours'), without whitespace."""
    text = pdf_text(path, "-raw")
    return [squeeze(page) for page in text.split("\f") if page.strip()]


@pytest.fixture(scope="session")
def forms(site):
    return forms_of(load_site(ROOT, config=Config()))


@pytest.fixture(scope="session")
def folder(site) -> Path:
    return site / "downloads" / SUBDIR


@pytest.fixture(scope="session")
def converted(folder) -> dict[str, Path]:
    """Every DOCX and ODT converted to PDF by LibreOffice in one run: {file name: its PDF}. The PDFs are
    kept in build/libreoffice/ for the files they were made from, so pytest-xdist workers (which each
    start this session fixture) share one soffice run: the first converts under a lock, the others wait
    and read."""
    import fcntl

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: apt-get install -y libreoffice-writer-nogui (make system-deps)")
    work = ROOT / "build" / "libreoffice"
    sources = sorted(folder.glob("*.docx")) + sorted(folder.glob("*.odt"))
    assert sources, f"no DOCX or ODT in {folder}"
    # x-zh.docx and x-zh.odt would both become x-zh.pdf: each is copied as x-zh-docx.docx, x-zh-odt.odt
    copies = {source: work / f"{source.stem}-{source.suffix[1:]}{source.suffix}" for source in sources}
    out = {f"{c.stem.rsplit('-', 1)[0]}{c.suffix}": work / "out" / f"{c.stem}.pdf" for c in copies.values()}
    work.mkdir(parents=True, exist_ok=True)
    with open(work.parent / ".libreoffice.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp = work / "converted"
        if not stamp.is_file() or stamp.read_text() != "".join(f"{s.name}:{s.stat().st_mtime_ns}\n" for s in sources):
            shutil.rmtree(work / "out", ignore_errors=True)
            for source, copy in copies.items():
                shutil.copy(source, copy)
            result = subprocess.run([soffice, "--headless", "--norestore",
                                     f"-env:UserInstallation=file://{work}/profile", "--convert-to", "pdf",
                                     "--outdir", str(work / "out"), *map(str, copies.values())],
                                    capture_output=True, text=True, timeout=900)
            assert result.returncode == 0, result.stderr
            stamp.write_text("".join(f"{s.name}:{s.stat().st_mtime_ns}\n" for s in sources))
    return out


def test_every_form_in_every_format_and_language(forms, folder):
    assert len(forms) == 16
    names = {file_name(form.rel, form.lang, fmt) for form in forms for fmt in FORMATS}
    assert names == {p.name for p in folder.iterdir()}
    assert {Path(form.rel).stem for form in forms} == set(PAGES)


@pytest.mark.slow
def test_libreoffice_opens_and_converts_every_docx_and_odt(converted):
    missing = [name for name, pdf in converted.items() if not pdf.is_file() or pdf.stat().st_size < 1000]
    assert missing == [] and len(converted) == 32


@pytest.mark.slow
def test_every_field_label_is_in_every_pdf(forms, folder, converted):
    for form in forms:
        labels = [squeeze(f.label) for f in fields(form.blocks)]
        assert len(labels) > 10, form.rel
        for fmt in ("pdf", "docx", "odt"):
            name = file_name(form.rel, form.lang, fmt)
            pdf = folder / name if fmt == "pdf" else converted[name]
            text = "".join(pdf_pages(pdf))
            lost = [label for label in labels if label not in text]
            assert lost == [], f"{name}: labels missing from the PDF: {lost[:5]}"


@pytest.mark.slow
def test_title_version_and_child_code_rule_on_every_page(forms, folder, converted):
    for form in forms:
        words = strings(form.lang)["forms"]
        for fmt in ("pdf", "docx", "odt"):
            name = file_name(form.rel, form.lang, fmt)
            pages = pdf_pages(folder / name if fmt == "pdf" else converted[name])
            for number, page in enumerate(pages, 1):
                for must in (form.title, f'{words["version"]} {form.version}', form.rule):
                    assert squeeze(must) in page, f"{name} page {number} lacks {must!r}"


@pytest.mark.slow
def test_page_counts(forms, folder, converted):
    for form in forms:
        want = PAGES[Path(form.rel).stem][form.lang]
        name = file_name(form.rel, form.lang, "pdf")
        assert len(pdf_pages(folder / name)) == want, name
        for fmt in ("docx", "odt"):
            other = file_name(form.rel, form.lang, fmt)
            assert abs(len(pdf_pages(converted[other])) - want) <= LIBREOFFICE_SLACK, other


def test_python_docx_finds_every_table_and_row_blank(forms, folder):
    """Every table of the Markdown form, every row, every cell as written (the blank ones blank), in order;
    each admonition is a one-cell box between them."""
    for form in forms:
        doc = Document(str(folder / file_name(form.rel, form.lang, "docx")))
        expected = [b for b in form.blocks if b.kind in ("table", "admonition")]
        assert len(doc.tables) == len(expected), form.rel
        for block, table in zip(expected, doc.tables):
            cells = [[cell.text.strip() for cell in row.cells] for row in table.rows]
            if block.kind == "admonition":
                assert len(cells) == 1 and len(cells[0]) == 1
                continue
            assert cells == block.rows, f"{form.rel} ({form.lang}) table at line {block.line}"
            assert is_fill_in(block) == any(c == "" for row in cells[1:] for c in row)


def test_docx_header_and_footer_carry_title_version_and_rule(forms, folder):
    for form in forms:
        doc = Document(str(folder / file_name(form.rel, form.lang, "docx")))
        section = doc.sections[0]
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
        header = section.header.paragraphs[0].text
        footer = "".join(p.text for p in section.footer.paragraphs)
        assert form.title in header and form.version in header
        assert form.rule in footer
        assert not any(p.text.strip().startswith("☒") for p in doc.paragraphs)


def test_form_pages_and_the_index_link_every_file_with_its_size(site, forms, folder):
    for form in forms:
        prefix = "" if form.lang == "zh" else "en/"
        page = (site / prefix / form.rel[:-3] / "index.html").read_text(encoding="utf-8")
        index = (site / prefix / "appendix/forms/index.html").read_text(encoding="utf-8")
        for fmt in FORMATS:
            name = file_name(form.rel, form.lang, fmt)
            size = (folder / name).stat().st_size
            shown = f"{size / 1_000_000:.1f}\u00a0MB" if size >= 100_000 else f"{max(1, round(size / 1000))}\u00a0KB"
            for html in (page, index):
                link = re.search(rf'href="([^"]*downloads/{SUBDIR}/{re.escape(name)})"[^>]*>[^<]*</a>\u00a0· ([^<]+)<',
                                 html)
                assert link, f"{name} is not linked from {prefix}{form.rel}"
                assert link.group(2) == shown
                target = (site / prefix / form.rel[:-3] / link.group(1)).resolve() if html is page else \
                    (site / prefix / "appendix/forms" / link.group(1)).resolve()
                assert target == (folder / name).resolve()
        assert strings(form.lang)["forms"]["downloads"] in page


def test_the_offline_zip_carries_them_and_the_manual_pdf_does_not_change(folder):
    downloads = ROOT / "build" / "downloads"
    with zipfile.ZipFile(downloads / OFFLINE_ZIP) as archive:
        inside = {n for n in archive.namelist() if f"/downloads/{SUBDIR}/" in n}
    assert inside == {f"{OFFLINE_FOLDER}/downloads/{SUBDIR}/{p.name}" for p in folder.iterdir()}
    for lang in ("zh", "en"):
        text = squeeze(pdf_text(downloads / f"children-in-difficulties-manual-{lang}.pdf", "-layout"))
        assert squeeze(strings(lang)["forms"]["downloads"]) not in text
        assert squeeze(strings(lang)["forms"]["all_forms"]) not in text
