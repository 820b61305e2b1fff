"""tools/make_pdfs.py, as `make build` runs it: tagged PDFs with an outline,
title, language and author, linked from their pages with their size; the
preview build says where they come from. (How sheets print: test_print_pdf.py.)"""

import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader
from test_print_pdf import CHECKLISTS, PAGES, WORKSHEETS

from guide_pages import strategies
from support import ROOT


@pytest.fixture(scope="module")
def pdf_site(site_dir, tmp_path_factory):
    """A copy of the built site with its PDFs made, as `make build` does."""
    site = tmp_path_factory.mktemp("pdf-site") / "site"
    shutil.copytree(site_dir, site)
    # Its own process: the tests' Playwright already runs in this one.
    result = subprocess.run([sys.executable, str(ROOT / "tools/make_pdfs.py"), str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def expected_pdfs():
    keys = [f"worksheets/{w}" for w in WORKSHEETS] + [f"checklists/{c}" for c in CHECKLISTS]
    return keys + ["worksheets/print-all", "guide"]


@pytest.mark.browser
def test_make_pdfs_makes_tagged_pdfs_with_outline_and_metadata(pdf_site):
    for key in expected_pdfs():
        for fmt in ("a4", "letter"):
            path = pdf_site / "pdf" / f"{key}-{fmt}.pdf"
            assert path.exists(), f"missing {path.name}"
            reader = PdfReader(path)
            root = reader.trailer["/Root"]
            assert "/StructTreeRoot" in root, f"{key}-{fmt}: not tagged"
            assert root.get("/Lang") == "en"
            assert len(reader.outline) >= 1, f"{key}-{fmt}: no outline"
            assert reader.metadata.title and "Trust Guide" in reader.metadata.title
            assert reader.metadata.author == "The Trust Guide team"
            size = (reader.pages[0].mediabox.width, reader.pages[0].mediabox.height)
            assert (round(size[0]), round(size[1])) == ((596, 843) if fmt == "a4" else (612, 792))
            if key.startswith("worksheets/") and key != "worksheets/print-all":
                assert len(reader.pages) == PAGES.get(key.split("/")[1], 1)
            if key.startswith("checklists/"):
                assert len(reader.pages) == 1
            # Links lead to the public site, never to the local server that printed them.
            for pdf_page in reader.pages:
                for annot in pdf_page.get("/Annots") or []:
                    uri = annot.get_object().get("/A", {}).get("/URI")
                    assert uri is None or not uri.startswith("http://127.0.0.1"), uri
    guide = PdfReader(pdf_site / "pdf" / "guide-a4.pdf")
    outline = [item.title for item in guide.outline if not isinstance(item, list)]
    assert len(outline) >= 1 + len(strategies())


@pytest.mark.browser
def test_pages_link_their_pdfs_with_sizes(pdf_site):
    page_of = {f"worksheets/{w}": f"worksheets/{w}/index.html" for w in WORKSHEETS}
    page_of |= {f"checklists/{c}": f"checklists/{c}/index.html" for c in CHECKLISTS}
    page_of |= {"worksheets/print-all": "worksheets/print-all/index.html",
                "guide": "worksheets/print-all/index.html"}
    for key, html_path in page_of.items():
        html = (pdf_site / html_path).read_text(encoding="utf-8")
        for fmt, name in (("a4", "A4"), ("letter", "Letter")):
            size = (pdf_site / "pdf" / f"{key}-{fmt}.pdf").stat().st_size
            kb = max(1, round(size / 1000))
            assert re.search(rf'href="(\.\./)+pdf/{key}-{fmt}\.pdf"[^>]*>PDF, {name}, {kb} kB</a>', html), key
        assert "made by the full build" not in html


def test_preview_placeholder_says_pdfs_come_from_the_build(site_dir):
    html = (site_dir / "worksheets/trust-log/index.html").read_text(encoding="utf-8")
    assert 'data-tg-pdfs="worksheets/trust-log"' in html
    assert "PDF copies are made by the full build" in html
    assert not (site_dir / "pdf").exists()
