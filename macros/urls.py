"""Links between pages, relative so the site works under any base path."""

import posixpath


def doc_url(doc_path: str) -> str:
    """'strategies/x.md' -> 'strategies/x/', 'index.md' -> '' (directory URLs)."""
    stem = doc_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_href(from_url: str, doc_path: str) -> str:
    """The href that leads from the page at from_url to the page doc_path."""
    target = doc_url(doc_path)
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    if rel == ".":
        return "./"
    return rel if rel.endswith("/") or "#" in rel else rel + "/"
