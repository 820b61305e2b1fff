"""What every printed sheet shares (pure): its short address, the QR code of
its address, the footer text, and the placeholder the PDF step fills in."""

from markupsafe import Markup

from .qr import qr_svg
from .rendering import render
from .urls import relative_href

COPY_LINE = "May be copied for personal or counselling use."
PRIVACY_PAGE = "privacy.md"


def short_address(address: str) -> str:
    """'https://host/path/' -> 'host/path/': what fits a footer and is typed by hand."""
    return address.split("://", 1)[-1]


def print_parts(title: str, address: str, page_url: str, pdf_key: str) -> dict:
    """The template values for one printable sheet (worksheet or self-check)."""
    return {
        "short_address": short_address(address),
        "footer": f"{title} · {short_address(address)}",
        "copy_line": COPY_LINE,
        "qr": qr_svg(address, label=f"QR code: the web address of {title}"),
        "privacy_href": relative_href(page_url, PRIVACY_PAGE),
        "pdf_links": pdf_placeholder(pdf_key),
    }


def pdf_placeholder(key: str) -> Markup:
    """A marked element that tools/make_pdfs.py replaces with links and sizes.
    The preview (make serve) keeps its sentence: PDFs are made by the build."""
    return Markup(render("pdf_links.html", key=key))
