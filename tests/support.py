"""Shared helpers for the tests: build the site, serve it, find a browser."""

import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def site_url() -> str:
    """site_url from mkdocs.yml."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)["site_url"]


def base_path() -> str:
    """The path the site lives under on GitHub Pages, e.g. '/trust-guide/'."""
    return urlsplit(site_url()).path or "/"


# The page-to-URL rule, once: docs/a/b.md -> "a/b/", docs/a/index.md -> "a/",
# docs/index.md -> "" (home); a URL's built file is <url>index.html.
def page_url(src: Path) -> str:
    """The site-relative URL of a Markdown page under docs/."""
    rel = src.relative_to(ROOT / "docs").with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return "" if str(rel) == "." else f"{rel.as_posix()}/"


def source_page_urls() -> list[str]:
    """The URL of every page under docs/, known before any build."""
    return [page_url(src) for src in sorted((ROOT / "docs").rglob("*.md"))]


def built_page(site_dir: Path, url: str) -> Path:
    """The built HTML file of a site-relative URL ('' for home)."""
    return site_dir / url / "index.html"


def page_paths(site_dir: Path) -> list[str]:
    """The URL path of every page in a built site, '' for home; the /s/N/ short
    links are left out because they only redirect."""
    paths = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.relative_to(site_dir).as_posix().removesuffix("index.html")
        if not rel.startswith("s/"):
            paths.append(rel)
    return paths


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict build of project into site_dir; never quiet, so warnings show."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=BUILD_ENV, capture_output=True, text=True,
    )


def build_caches() -> list[str]:
    """The folders in .cache/ that the build keeps its results in (share
    images, QR codes, compiled templates, validated data, the pruned theme
    CSS, the on-demand sheets' classes, minified scripts), named by the modules that own them.
    Each result is keyed by everything it depends on, so a copy may start
    from the checkout's: its build then costs what a rebuild costs, not a
    first build."""
    from finishing import bundle, minify_js, share_images, unused_css
    from macros import kept_models, qr, template_cache

    return [Path(folder).name for folder in (share_images.CACHE, unused_css.CACHE, bundle.CACHE, minify_js.CACHE,
                                             qr.CACHE_DIR, template_cache.CACHE_DIR, kept_models.CACHE_DIR)]


def copy_project(dest: Path, warm_caches: bool = True) -> Path:
    """A throwaway copy of the sources, for tests that break something on
    purpose; with a copy of the build's caches unless warm_caches is False
    (a first build, as on a fresh checkout)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data", "macros", "finishing", "overrides", "hooks"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    # The build's Node tools (terser), shared rather than copied.
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for name in build_caches() if warm_caches else ():
        if (ROOT / ".cache" / name).is_dir():
            shutil.copytree(ROOT / ".cache" / name, dest / ".cache" / name, ignore=shutil.ignore_patterns("*.tmp"))
    return dest


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path, tries: int = 240):
    """A real `mkdocs serve --strict` of project on a free port (what
    `make serve` runs), answering before it is handed over: yields its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}{base_path()}"
    command = [*MKDOCS, "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    # A file, not a pipe: a full pipe would stall the server.
    with log.open("w") as err, subprocess.Popen(command, cwd=project, env=BUILD_ENV,
                                                stdout=subprocess.DEVNULL, stderr=err) as server:
        try:
            for _ in range(tries):
                try:
                    urllib.request.urlopen(url, timeout=1)
                    break
                except OSError:
                    assert server.poll() is None, log.read_text()
                    time.sleep(0.25)
            yield url
        finally:
            server.terminate()
            server.wait()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site_dir under the base path, as GitHub Pages does."""

    def __init__(self, *args, directory: str, prefix: str, base_url: str, extra: dict, **kwargs):
        self.prefix = prefix
        self.base_url = base_url
        self.extra = extra
        super().__init__(*args, directory=directory, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_base__")
        inside = path[len(self.prefix):].split("?", 1)[0]
        if inside in self.extra:
            return str(self.extra[inside])
        return super().translate_path("/" + inside)

    def do_GET(self):
        # Material's instant navigation only follows links listed in
        # sitemap.xml, matched by host *and port*: on GitHub Pages the sitemap
        # names the live host; here we answer with this server's address.
        if self.path == self.prefix + "sitemap.xml":
            body = (Path(self.directory) / "sitemap.xml").read_bytes()
            body = body.replace(site_url().encode(), self.base_url.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def send_error(self, code, message=None, explain=None):
        # GitHub Pages answers a missing page with the site's 404.html.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # Chromium drops connections it no longer needs (a navigation away, a
        # cancelled prefetch): not an error of the server's, so no traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """A static server for a built site on 127.0.0.1 and a free port. `extra`
    serves files from outside the site at paths under the base path (the
    tests' axe-core), from the same origin so the pages' CSP allows them."""

    def __init__(self, site_dir: Path, extra: dict[str, Path] | None = None):
        self.prefix = base_path()
        self.httpd = _QuietServer(("127.0.0.1", 0), None)
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.base_url = self.origin + self.prefix
        self.httpd.RequestHandlerClass = functools.partial(
            _Handler, directory=str(site_dir), prefix=self.prefix, base_url=self.base_url, extra=extra or {})
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


NO_BROWSER = (
    "No Chromium found for the browser tests. Install Debian's package "
    "('sudo apt-get install chromium'), or set CHROMIUM_PATH to a Chromium binary."
)


def chromium_path(playwright) -> str | None:
    """$CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own browser."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium",
                      shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    own = playwright.chromium.executable_path
    return own if own and Path(own).exists() else None


# axe-core (from npm, pinned by package-lock.json) and the rules every page must pass.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Where the tests' server serves it: the same origin as the pages, so their
# CSP ('self') allows it and stays on while axe runs; served, not routed,
# because routing a request turns off the browser's cache for the context.
AXE_PATH = "__tests__/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# Flags that keep a headless Chromium quiet on a machine with no network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# Browser storage: every key of this site starts with our prefix or Material's
# scope ("/trust-guide/." + its own name, e.g. "__palette").
# The prefix comes from the one file the site's scripts and macros read too.
STORAGE_KEYS = json.loads((ROOT / "data" / "storage-keys.json").read_text(encoding="utf-8"))
OUR_PREFIX = STORAGE_KEYS["prefix"]
SITE_KEYS = """() => {
  const ours = k => k.startsWith(PREFIX) || k.startsWith(__md_scope.pathname + '.');
  return {local: Object.keys(localStorage).filter(ours), session: Object.keys(sessionStorage).filter(ours)};
}""".replace("PREFIX", json.dumps(OUR_PREFIX))


def wait_ready(page, name: str, where: str = ""):
    """Wait until every root of component `name` (data-tg-component, see
    docs/assets/js/site.js) on the page has been set up by its scripts, and
    return the roots' locator. `where` narrows the roots, e.g. "[data-tg-worksheet='x']"."""
    from playwright.sync_api import expect

    roots = page.locator(f'[data-tg-component~="{name}"]{where}')
    expect(roots.first).to_be_attached()
    for i in range(roots.count()):
        expect(roots.nth(i)).to_have_attribute("data-tg-ready", "")
    return roots


def keep_answers(page):
    """The reader's choice to keep answers on this device, made through the
    site's own storage module (the page must be open)."""
    page.wait_for_function("() => window.trustGuide && window.trustGuide.storage")
    page.evaluate("() => window.trustGuide.storage.choose('keep')")


def site_keys(page) -> dict:
    """This site's keys in localStorage and sessionStorage: {'local': [...], 'session': [...]}."""
    return page.evaluate(SITE_KEYS)


def answer_keys(page) -> list[str]:
    """Our keys in localStorage other than the saving choice itself."""
    return [k for k in site_keys(page)["local"] if k.startswith(OUR_PREFIX) and k != OUR_PREFIX + "saving"]
