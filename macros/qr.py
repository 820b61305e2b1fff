"""QR codes as inline SVG, made at build time (segno, no network).

Pure: an absolute URL in, SVG markup out. The SVG holds no script and no
outside reference, so it passes the site's CSP wherever it is placed.

Making a code is the slowest thing a build does (segno tries eight masks, in
pure Python: about 10 ms a code, 24 codes a build), so each code is kept in
.cache/qr-codes/ under a hash of segno's version and every argument: the same
inputs give the same SVG, so a kept code can never be out of date."""

import hashlib
import io
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from .cache_files import keep

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "qr-codes"


def make_svg(url: str, label: str, scale: int) -> str:
    """The code drawn by segno, as SVG text (the slow part)."""
    import segno  # only when a code is not in the cache: importing it alone costs a build 11 ms

    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True,
              title=label, svgclass="tg-qr", lineclass=None, omitsize=False)
    return out.getvalue().decode("utf-8")


@cache
def _segno_version() -> str:
    return version("segno")


def _cached_svg(url: str, label: str, scale: int) -> str:
    key = hashlib.sha256(repr((_segno_version(), url, label, scale)).encode()).hexdigest()[:24]
    path = CACHE_DIR / f"{key}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = make_svg(url, label, scale)
    keep(path, svg)
    return svg


@lru_cache(maxsize=256)  # the print-all booklet repeats every worksheet's code
def qr_svg(url: str, *, label: str, scale: int = 3) -> Markup:
    """An accessible SVG QR code for url; label is its text alternative."""
    svg = _cached_svg(url, label, scale)
    # role and label so screen readers announce what the code opens.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))
