"""Make the guide's PDFs from a built site, then link them from its pages.

    python tools/make_pdfs.py [site]      # run by `make build` after mkdocs build

Every page that can be printed carries a placeholder, <p data-tg-pdfs="KEY">
(macros/print_parts.py). For each key this prints the page (or, for the whole
guide, its reading pages joined into one) with Chromium through Playwright,
tagged and with an outline, on A4 and on Letter, into site/pdf/KEY-a4.pdf
and -letter.pdf; sets title, language and author with pypdf; and last writes
links with their sizes ("PDF, A4, 48 kB") over every placeholder of that key.
The links are plain HTML, so they need no script and no change to the CSP.
"""

import argparse
import functools
import http.server
import io
import os
import re
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.catalogue import expand_config, load_catalogue, section_title  # noqa: E402

FORMATS = {"a4": "A4", "letter": "Letter"}
AUTHOR = "The Trust Guide team"
GUIDE_KEY = "guide"
GUIDE_TITLE = "The Trust Guide: the whole guide"
PLACEHOLDER = re.compile(r'<p class="tg-pdfs[^"]*"[^>]*data-tg-pdfs="(?P<key>[a-z0-9/-]+)"[^>]*>.*?</p>', re.S)
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

# Joins the guide's reading pages into the one open, each from a new page; links
# and images are made absolute first, so they still work from their new place.
JOIN_PAGES = """async (urls) => {
  const inner = document.querySelector('.md-content__inner');
  for (const url of urls) {
    const html = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const part = doc.querySelector('.md-content__inner');
    part.querySelectorAll('[href], [src]').forEach((el) => {
      for (const name of ['href', 'src']) {
        const value = el.getAttribute(name);
        if (value && !value.startsWith('#')) el.setAttribute(name, new URL(value, url).href);
      }
    });
    const section = document.createElement('section');
    section.className = 'tg-guide-part';
    section.style.breakBefore = 'page';
    section.append(...part.childNodes);
    inner.append(section);
  }
}"""

# Links in a PDF must lead to the public site, not to this local server.
PUBLIC_LINKS = """([local, public]) => {
  document.querySelectorAll('a[href]').forEach((a) => {
    const url = new URL(a.getAttribute('href'), location.href).href;
    if (url.startsWith(local)) a.setAttribute('href', public + url.slice(local.length));
  });
}"""


def site_url() -> str:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)["site_url"]


def guide_pages() -> list[str]:
    """The reading pages, in the navigation's order: introduction, the five
    strategies, keep going and the safety page."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        nav = expand_config(yaml.safe_load(fh), ROOT)["nav"]
    wanted = {"Introduction", section_title(load_catalogue(ROOT)), "Keep going", "When it's not about trust"}
    pages = []
    for entry in nav:
        for title, value in entry.items():
            if title in wanted:
                pages += value if isinstance(value, list) else [value]
    return [p.removesuffix(".md") + "/" for p in pages]


def human_size(size: int) -> str:
    return f"{max(1, round(size / 1000))} kB"


def placeholders(site: Path) -> dict[str, list[Path]]:
    """KEY -> the built pages that carry its placeholder."""
    found: dict[str, list[Path]] = {}
    for page in sorted(site.rglob("*.html")):
        for match in PLACEHOLDER.finditer(page.read_text(encoding="utf-8")):
            found.setdefault(match["key"], []).append(page)
    return found


def page_path(site: Path, page: Path) -> str:
    """site/worksheets/x/index.html -> 'worksheets/x/'."""
    return page.relative_to(site).as_posix().removesuffix("index.html")


def link_html(key: str, page: Path, site: Path, sizes: dict[str, int]) -> str:
    rel = os.path.relpath(site / "pdf", page.parent).replace(os.sep, "/")
    links = [f'<a href="{rel}/{key}-{fmt}.pdf" type="application/pdf">PDF, {FORMATS[fmt]}, {human_size(size)}</a>'
             for fmt, size in sizes.items()]
    return (f'<p class="tg-pdfs tg-no-print" data-tg-pdfs="{key}" data-search-exclude>'
            f'Download to print or keep: {" · ".join(links)}</p>')


def write_links(site: Path, made: dict[str, dict[str, int]]) -> None:
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")

        def replace(match, page=page):
            sizes = made.get(match["key"])
            return link_html(match["key"], page, site, sizes) if sizes else match[0]

        new = PLACEHOLDER.sub(replace, html)
        if new != html:
            page.write_text(new, encoding="utf-8")


def set_metadata(data: bytes, title: str, subject: str) -> bytes:
    """Title, author and subject (and language, if Chromium left it out)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": title, "/Author": AUTHOR, "/Subject": subject})
    if "/Lang" not in writer.root_object:
        from pypdf.generic import NameObject, TextStringObject
        writer.root_object[NameObject("/Lang")] = TextStringObject("en")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The built site under its base path, as GitHub Pages serves it."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        path = path[len(self.prefix) - 1:] if path.startswith(self.prefix) else "/__outside__"
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def launch(playwright):
    """$CHROMIUM_PATH, Debian's chromium, or Playwright's own Chromium."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return playwright.chromium.launch(executable_path=candidate, args=ARGS)
    try:
        return playwright.chromium.launch(args=ARGS)
    except Exception as exc:  # Playwright's message is long; ours says what to do
        sys.exit("make_pdfs: no Chromium found. Install Debian's 'chromium', set CHROMIUM_PATH, "
                 f"or run 'python -m playwright install chromium'. ({type(exc).__name__})")


def make_all(site: Path) -> dict[str, dict[str, int]]:
    from playwright.sync_api import sync_playwright

    public = site_url()
    prefix = urlsplit(public).path or "/"
    wanted = placeholders(site)
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site), prefix=prefix))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{httpd.server_port}{prefix}"
    made: dict[str, dict[str, int]] = {}
    try:
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            for key in sorted(wanted):
                if key == GUIDE_KEY:
                    first, *rest = guide_pages()
                    page.goto(local + first)
                    page.evaluate(JOIN_PAGES, [local + p for p in rest])
                    page.evaluate("t => { document.title = t; }", GUIDE_TITLE)
                else:
                    page.goto(local + page_path(site, wanted[key][0]))
                page.wait_for_load_state("networkidle")
                page.evaluate(PUBLIC_LINKS, [local, public])
                page.emulate_media(media="print")
                title = page.title()
                subject = page.evaluate("document.querySelector('meta[name=description]')?.content || ''")
                made[key] = {}
                for fmt, name in FORMATS.items():
                    data = page.pdf(format=name, tagged=True, outline=True, print_background=False)
                    out = site / "pdf" / f"{key}-{fmt}.pdf"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(set_metadata(data, title, subject))
                    made[key][fmt] = out.stat().st_size
                print(f"make_pdfs: {key}: " + ", ".join(f"{FORMATS[f]} {human_size(s)}" for f, s in made[key].items()))
            browser.close()
    finally:
        httpd.shutdown()
    return made


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        sys.exit(f"make_pdfs: {args.site} holds no built site; run mkdocs build first")
    made = make_all(args.site)
    write_links(args.site, made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
