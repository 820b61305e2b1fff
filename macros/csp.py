"""The Content-Security-Policy for a built page (pure: HTML in, HTML out).

GitHub Pages cannot send headers, so the policy goes in a <meta> tag, first
in <head> so it covers every script after it. Inline scripts (Material's and
mkdocs-redirects') are allowed by their sha256 hash, never by 'unsafe-inline'.
"""

import base64
import hashlib
import re

# An inline script: no src attribute, and not a data block such as Material's
# application/json config, which the browser never executes.
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
# After <meta charset> when there is one: the charset must stay in the first 1024 bytes.
ANCHORS = (re.compile(r"<meta charset=[^>]*>"), re.compile(r"<head[^>]*>"))
MARKER = 'http-equiv="Content-Security-Policy"'


def script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if "application/json" in match["attrs"]:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str], preview: bool = False) -> str:
    """The policy; preview (mkdocs serve) allows inline scripts instead of
    hashing them, because the live-reload script is injected when each page
    is served and changes every time. Everything else stays as strict."""
    scripts = ["'unsafe-inline'"] if preview else hashes
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *scripts]),
        # Material sets style attributes (e.g. the search result count).
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_csp(html: str, preview: bool = False) -> str:
    """The page with its policy tag at the top of <head>; unchanged if it has one."""
    if MARKER in html:
        return html
    head = next((m for m in (a.search(html) for a in ANCHORS) if m), None)
    if head is None:
        raise ValueError("page has no <head>")
    tag = f'<meta {MARKER} content="{policy(script_hashes(html), preview)}">'
    return html[: head.end()] + tag + html[head.end():]
