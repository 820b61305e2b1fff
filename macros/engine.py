"""What differs between the two engines that run our macros: MkDocs with
mkdocs-macros, and Zensical's own macros extension. Everything else in
macros/ is engine-neutral."""

import posixpath

try:  # MkDocs prints a PluginError's message as it is, with no traceback
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # Zensical: no MkDocs installed
    class BuildError(Exception):
        """A build stops here; the message names file and field."""


def page_source(page) -> str:
    """'strategies/x.md', the page's source under docs/ (MkDocs: page.file.src_path;
    Zensical: page.path)."""
    if page is None:
        return "(no page)"
    file = getattr(page, "file", None)
    return file.src_path if file is not None else str(page.path).lstrip("/")


def page_url(page) -> str:
    """Where relative links in macro HTML start from, as a folder URL such as
    'strategies/x/' ('' for the site root).

    MkDocs leaves raw HTML alone, so a link starts from the page's own URL.
    Zensical rewrites every relative link in a page as written from the
    page's source file (as Markdown links are), so there a link starts from
    the source's folder: 'checklists/' for checklists/be-there.md. Both then
    reach the same page."""
    if page is None:
        return ""
    if getattr(page, "file", None) is not None:  # MkDocs
        return str(page.url).lstrip("/")
    folder = posixpath.dirname(str(page.path).lstrip("/"))
    return f"{folder}/" if folder else ""
