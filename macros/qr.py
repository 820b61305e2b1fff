"""QR codes as inline SVG, made at build time (segno, no network).

Pure: an absolute URL in, SVG markup out. The SVG holds no script and no
outside reference, so it passes the site's CSP wherever it is placed."""

import io

import segno
from markupsafe import Markup


def qr_svg(url: str, *, label: str, scale: int = 3) -> Markup:
    """An accessible SVG QR code for url; label is its text alternative."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True,
              title=label, svgclass="tg-qr", lineclass=None, omitsize=False)
    svg = out.getvalue().decode("utf-8")
    # role and label so screen readers announce what the code opens.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))
