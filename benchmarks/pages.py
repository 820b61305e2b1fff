"""Page weight and Lighthouse scores for five page types of the built guide.

Usage (build first; this script builds nothing):
    .venv/bin/python benchmarks/pages.py [--site site/] [--quick]

Prints a Markdown section: bytes per kind on first view (raw and gzip), the
search index size, Lighthouse scores and metrics, budgets PASS/FAIL and the
audits behind any missed score. --quick: Lighthouse mobile only, one run.
The site is served with gzip for text, as GitHub Pages does (--no-gzip: raw).
"""

import argparse
import functools
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import support  # noqa: E402  (the tests' helpers: server, URL rule)
from support import SiteServer, _Handler, site_url  # noqa: E402

sys.path.insert(0, str(ROOT))
from macros.catalogue import expand_config  # noqa: E402  (the strategies' nav comes from the catalogue)

LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
# The axe-core Lighthouse runs its accessibility audits with: Lighthouse asks
# for ^4.10, and which 4.x is installed decides what some audits see (causes.md).
AXE_PACKAGE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "package.json"
CHROMIUM = "/usr/bin/chromium"
# No network on the bench machine: keep Chromium from phoning home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
VIEWPORTS = {
    "mobile": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
    "desktop": dict(viewport={"width": 1280, "height": 800}),
}
KINDS = ["HTML", "CSS", "JS", "Images", "Fonts", "Other"]
KB = 1000  # budgets in kB (1 kB = 1000 bytes)
WEIGHT_BUDGET = 75 * KB  # first-view transfer, gzip, share images excluded (issue 19)
REQUEST_BUDGET = 10  # first-view requests, share images excluded (issue 19)
LH_BUDGET = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
CATEGORIES = list(LH_BUDGET)
# Lighthouse audits that never count against a score.
UNSCORED = {"informative", "manual", "notApplicable"}
# SEO audits that localhost could upset: canonical URLs name the GitHub Pages
# host, and robots.txt is looked up at the origin's root, not under /trust-guide/.
SEO_WATCH = ["canonical", "is-crawlable", "robots-txt", "meta-description"]


# GitHub Pages gzips text; the tests' server does not. Lighthouse's simulated
# slow 4G uses transfer sizes, so serving raw files would make every page look
# about 3x heavier (and slower) than the deployed site.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(_Handler):
    """The tests' handler, plus gzip for text when the browser asks for it."""

    def do_GET(self):
        url_path = self.path.split("?")[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()  # redirects, 404 page, images
        body = path.read_bytes()
        if url_path == self.prefix + "sitemap.xml":  # same host rewrite as the tests' server
            body = body.replace(site_url().encode(), self.base_url.encode())
        body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site_dir: Path, compress: bool) -> SiteServer:
    """The tests' SiteServer (free port on 127.0.0.1), optionally gzipping."""
    server = SiteServer(site_dir)
    if compress:  # the same handler settings as the tests' server, with gzip
        settings = server.httpd.RequestHandlerClass.keywords
        server.httpd.RequestHandlerClass = functools.partial(GzipHandler, **settings)
    return server


# --- Which pages -----------------------------------------------------------

def nav_paths(nav) -> list[str]:
    """The Markdown paths of mkdocs.yml's nav, in order."""
    out = []
    for item in nav:
        value = item if isinstance(item, str) else next(iter(item.values()))
        if isinstance(value, list):
            out += nav_paths(value)
        elif isinstance(value, str):
            out.append(value)
    return out


def page_url(md_path: str) -> str:
    """'strategies/x.md' -> 'strategies/x/': the tests' one URL rule (support.page_url)."""
    return support.page_url(ROOT / "docs" / md_path)


def pick_pages(site_dir: Path) -> dict[str, str]:
    """Home, the first strategy, the comfort-map worksheet (else the first one),
    the first strategy checklist (not the index or the overall self-assessment)
    and the safety page (the one a reader at risk needs to open fast)."""
    nav = expand_config(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), ROOT)["nav"]
    urls = [page_url(p) for p in nav_paths(nav)]
    built = [u for u in urls if (site_dir / u / "index.html").exists()]

    def first(prefix, prefer=None, skip=()):
        if prefer in built:
            return prefer
        return next(u for u in built if u.startswith(prefix) and u != prefix
                    and u not in skip)

    return {
        "home": "",
        "strategy": first("strategies/"),
        "worksheet": first("worksheets/", prefer="worksheets/comfort-map/",
                           skip=("worksheets/print-all/",)),
        "checklist": first("checklists/", skip=("checklists/self-assessment/",)),
        "safety": first("safety/", prefer="safety/"),
    }


def share_paths(site_dir: Path, url_path: str) -> set[str]:
    """URL paths of the page's og:image / twitter:image (link previews, not page weight)."""
    soup = BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    metas = soup.find_all("meta", attrs={"property": "og:image"}) + \
        soup.find_all("meta", attrs={"name": "twitter:image"})
    return {urlsplit(m["content"]).path for m in metas if m.get("content")}


# --- Page weight (pure aggregation) -----------------------------------------

def kind_of(resource_type: str) -> str:
    """Playwright's resource type -> the budget's kind."""
    return {"document": "HTML", "stylesheet": "CSS", "script": "JS",
            "image": "Images", "font": "Fonts"}.get(resource_type, "Other")


def is_share_image(url: str, shares: set[str]) -> bool:
    path = urlsplit(url).path
    return "/assets/share/" in path or "/assets/images/share/" in path or path in shares


def weigh(records: list[dict], shares: set[str]) -> dict:
    """Bytes per kind (raw, gzip) and the total, share images set aside; the
    search index is also given on its own, to show its share of the total."""
    by_kind = {k: [0, 0] for k in KINDS}
    shared, search = [], [0, 0]
    for r in records:
        if is_share_image(r["url"], shares):
            shared.append(r)
            continue
        if urlsplit(r["url"]).path.endswith("/search/search_index.json"):
            search = [search[0] + r["raw"], search[1] + r["gzip"]]
        by_kind[kind_of(r["type"])][0] += r["raw"]
        by_kind[kind_of(r["type"])][1] += r["gzip"]
    total = [sum(v[0] for v in by_kind.values()), sum(v[1] for v in by_kind.values())]
    return {"kinds": by_kind, "total": total, "shared": shared, "search": search,
            "requests": len(records) - len(shared)}


def measure_weight(browser, url: str, viewport: str) -> list[dict]:
    """Every response of a first view in a fresh context (empty cache), with body
    sizes; gzip is computed here because the local server does not compress."""
    context = browser.new_context(**VIEWPORTS[viewport])
    responses = []
    context.on("response", lambda resp: responses.append(resp))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    records = []
    for resp in responses:
        if not resp.url.startswith("http") or 300 <= resp.status < 400:
            continue  # data: URIs are inside another file; redirects have no body
        try:
            body = resp.body()
        except Exception:  # body evicted or unavailable: count the wire size
            body = b"\0" * max(resp.request.sizes()["responseBodySize"], 0)
        records.append({"url": resp.url, "type": resp.request.resource_type,
                        "status": resp.status, "raw": len(body),
                        "gzip": len(gzip.compress(body, 9))})
    context.close()
    return records


# --- Lighthouse ---------------------------------------------------------------

def run_lighthouse(url: str, form: str, out: Path) -> dict:
    """One Lighthouse run (mobile = its default form factor) -> the JSON report."""
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)]
    if form == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                   capture_output=True, text=True)
    return json.loads(out.read_text(encoding="utf-8"))


def audit_detail(audit: dict, limit: int = 3) -> str:
    """A short, human hint of what an audit found: its value and the first items."""
    parts = [audit.get("displayValue", "")]
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") or {}
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        what = node.get("snippet") or node.get("selector") or item.get("url") or source.get("url")
        if what:
            parts.append(str(what)[:120])
    text = "; ".join(p for p in parts if p).replace("|", "\\|").replace("\n", " ")
    return re.sub(r"http://127\.0\.0\.1:\d+", "", text)  # the port changes every run


def summarise(lhr: dict, form: str) -> dict:
    """Scores (x100), LCP/TBT/CLS and the audits that pull a missed category down."""
    scores = {c: round((lhr["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    audits = lhr["audits"]
    # Every audit that fails or could not run, whether or not its category
    # still meets the budget: a rounded 100 (or an audit that errored, which
    # Lighthouse leaves out of the score) must not hide a failing check.
    failing = []
    for c in CATEGORIES:
        for ref in lhr["categories"][c]["auditRefs"]:
            a = audits[ref["id"]]
            errored = a["scoreDisplayMode"] == "error" or a.get("errorMessage")
            if not errored and (a["scoreDisplayMode"] in UNSCORED or a["score"] is None
                                or a["score"] >= 1):
                continue
            failing.append({"category": c, "id": a["id"], "title": a["title"],
                            "detail": ("could not run: " + str(a.get("errorMessage", "")))
                            if errored else audit_detail(a)})
    return {
        "scores": scores,
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failing": failing,
        "warnings": lhr.get("runWarnings", []),
        "seo": {a: (audits[a]["score"], audits[a]["scoreDisplayMode"]) for a in SEO_WATCH
                if a in audits},
        "version": lhr.get("lighthouseVersion", "?"),
    }


def median_of(runs: list[dict], form: str) -> dict:
    """Median of each score and metric over runs. Failing audits come from the
    median-performance run, and only for categories whose median misses, so one
    noisy run does not fill the report."""
    med = {"scores": {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES},
           "runs": len(runs), "version": runs[0]["version"],
           "perf_range": (min(r["scores"]["performance"] for r in runs),
                          max(r["scores"]["performance"] for r in runs))}
    for m in ("lcp", "tbt", "cls"):
        med[m] = statistics.median(r[m] for r in runs)
    middle = sorted(runs, key=lambda r: r["scores"]["performance"])[len(runs) // 2]
    floors = {c: (LH_BUDGET[c] if (c == "performance" and form == "mobile") else 100)
              for c in CATEGORIES}
    # Failing audits of any run, each once (performance ones only when the
    # median misses its budget: timing audits flicker from run to run).
    seen, med["failing"] = set(), []
    for f in (f for r in runs for f in r["failing"]):
        if f["id"] in seen or (f["category"] == "performance"
                               and med["scores"]["performance"] >= floors["performance"]):
            continue
        seen.add(f["id"])
        med["failing"].append(f)
    med["warnings"] = sorted({w for r in runs for w in r["warnings"]})
    med["seo"] = middle["seo"]
    return med


# --- Budgets and Markdown -------------------------------------------------------

def budget_rows(weights: dict, lighthouse: dict) -> list[tuple]:
    """(check, page, value, limit, PASS/FAIL) for every budget."""
    rows = []
    for (page, vp), w in weights.items():
        gz = w["total"][1]
        rows.append((f"First-view transfer, gzip ({vp})", page, f"{gz / KB:.1f} kB",
                     f"≤ {WEIGHT_BUDGET / KB:.0f} kB", "PASS" if gz <= WEIGHT_BUDGET else "FAIL"))
        rows.append((f"First-view requests ({vp})", page, str(w["requests"]),
                     f"≤ {REQUEST_BUDGET}", "PASS" if w["requests"] <= REQUEST_BUDGET else "FAIL"))
    for (page, form), lh in lighthouse.items():
        if form != "mobile":
            continue
        for c, floor in LH_BUDGET.items():
            s = lh["scores"][c]
            rows.append((f"Lighthouse mobile {c}", page, f"{s:g}", f"≥ {floor}",
                         "PASS" if s >= floor else "FAIL"))
    return rows


def table(header: list[str], rows: list) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def kb_pair(raw: int, gz: int) -> str:
    return f"{raw / KB:.1f} / {gz / KB:.1f}"


def axe_version() -> str:
    try:
        return json.loads(AXE_PACKAGE.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def is_finished(site_dir: Path) -> bool:
    """The finishing steps have run: what readers get (a policy tag in every page)."""
    return 'http-equiv="Content-Security-Policy"' in (site_dir / "index.html").read_text(encoding="utf-8")


def render(pages, weights, index, lighthouse, elapsed, quick, compress) -> str:
    """The Markdown section."""
    out = ["## Page weight and Lighthouse", ""]
    version = next(iter(lighthouse.values()))["version"] if lighthouse else "?"
    version += f" (axe-core {axe_version()})"
    mode = ("quick (Lighthouse mobile only, 1 run)" if quick
            else "full (Lighthouse mobile and desktop, median of 3 runs)")
    out.append(f"Mode: {mode}; "
               f"Lighthouse {version}, Chromium at {CHROMIUM}; the finished site served under "
               f"`{support.base_path()}` on 127.0.0.1 by "
               f"tests/support.py's server"
               + (", with gzip for text files as GitHub Pages does (so Lighthouse sees real "
                  "transfer sizes). " if compress else ", uncompressed. ")
               + "Page-weight gzip sizes are computed by this script (gzip -9 of each body). "
               f"Run took {elapsed:.0f} s.")
    out += ["", "Pages: " + ", ".join(f"{k} `/trust-guide/{v}`" for k, v in pages.items()), ""]

    out += ["### First view: bytes by kind", "",
            "Fresh browser context (empty cache), until network idle. Cells: raw / gzip in kB "
            "(1 kB = 1000 bytes). Share images (og:image, twitter:image) are not counted.", ""]
    rows = []
    for (page, vp), w in weights.items():
        rows.append([page, vp, w["requests"]] + [kb_pair(*w["kinds"][k]) for k in KINDS]
                    + [f"**{kb_pair(*w['total'])}**",
                       kb_pair(w["total"][0] - w["search"][0], w["total"][1] - w["search"][1])])
    out += [table(["Page", "Viewport", "Requests", *KINDS, "Total", "Total without search index"],
                  rows), ""]
    first = next(iter(weights))
    out += [f"Files behind the {first[0]} page ({first[1]}), largest gzip first "
            "(the other pages load the same assets):", ""]
    files = sorted(weights[first]["records"], key=lambda r: -r["gzip"])
    out += [table(["File", "Kind", "Raw kB", "Gzip kB"],
                  [[f"`{urlsplit(r['url']).path}`", kind_of(r["type"]), f"{r['raw'] / KB:.1f}",
                    f"{r['gzip'] / KB:.1f}"] for r in files]), ""]
    shared = sorted({r["url"] for w in weights.values() for r in w["shared"]})
    out.append("Share images loaded on first view: " +
               (", ".join(f"`{u}`" for u in shared) if shared else "none (they are only named in meta tags)."))
    errors = sorted({f"{r['status']} `{r['url']}`" for w in weights.values()
                     for r in w["records"] if r["status"] >= 400})
    if errors:
        out.append("Failed requests: " + ", ".join(errors))
    loaded = [p for (p, _), w in weights.items()
              if any(r["url"].endswith("search/search_index.json") for r in w["records"])]
    out += ["", f"Search index (`search/search_index.json`): {kb_pair(*index)} kB raw / gzip. "
            + (f"It was fetched on first view on: {', '.join(sorted(set(loaded)))} "
               "(Material's search worker loads it at start-up), so it is counted in \"Other\" above."
               if loaded else
               "Not fetched on first view (overrides/partials/tg-search-on-demand.html holds it "
               "back until search is opened), "
               "so it is not in the totals above."), ""]

    out += ["### Lighthouse", ""]
    rows = [[page, form, lh["runs"], *(f"{lh['scores'][c]:g}" for c in CATEGORIES),
             "{:g}–{:g}".format(*lh["perf_range"]),
             f"{lh['lcp']:.0f}", f"{lh['tbt']:.0f}", f"{lh['cls']:.3f}"]
            for (page, form), lh in lighthouse.items()]
    out += [table(["Page", "Form factor", "Runs", "Perf", "A11y", "Best pr.", "SEO",
                   "Perf min–max", "LCP ms", "TBT ms", "CLS"], rows), "",
            "Mobile uses Lighthouse's default simulated throttling (slow 4G, 4x CPU); "
            "with several runs every number is the median.", ""]

    out += ["### Budgets", ""]
    brows = budget_rows(weights, lighthouse)
    out += [table(["Check", "Page", "Value", "Budget", "Result"], brows), "",
            f"**{sum(r[4] == 'PASS' for r in brows)} of {len(brows)} budgets pass.**", ""]

    out += ["### Failing audits (every category, by id)", ""]
    frows = [[page, form, f["category"], f"`{f['id']}`", f["title"], f["detail"] or ""]
             for (page, form), lh in lighthouse.items() for f in lh["failing"]]
    out.append(table(["Page", "Form factor", "Category", "Audit", "Title", "Detail"], frows)
               if frows else "None: every category meets its budget.")
    out += ["", "SEO audits that a local server could upset (canonical URLs point at the "
            "deployed GitHub Pages host; robots.txt is fetched from the origin root):", ""]
    for audit in SEO_WATCH:
        seen = {}
        for (page, form), lh in lighthouse.items():
            score, mode = lh["seo"].get(audit, (None, "missing"))
            verdict = ("pass" if score == 1 else mode if score is None else f"score {score}")
            seen.setdefault(verdict, []).append(f"{page} {form}")
        out.append(f"- `{audit}`: " + "; ".join(
            f"{v} ({'every page and form factor' if len(p) == len(lighthouse) else ', '.join(p)})"
            for v, p in seen.items()))
    warnings = sorted({w for lh in lighthouse.values() for w in lh["warnings"]})
    if warnings:
        out += ["", "Lighthouse warnings: " + " ".join(warnings)]
    return "\n".join(out) + "\n"


# --- Run -------------------------------------------------------------------------

def run(site_dir: Path, quick: bool, compress: bool = True) -> tuple[str, list[tuple[str, bool]]]:
    """Serve site_dir, measure; the Markdown section and the budgets checked."""
    from playwright.sync_api import sync_playwright

    start = time.monotonic()
    if not is_finished(site_dir):
        raise SystemExit(f"{site_dir} is not finished (no CSP tag): measure what readers get, "
                         "a site built by `python -m mkdocs build` or finished by `python -m finishing`.")
    pages = pick_pages(site_dir)
    index_body = (site_dir / "search" / "search_index.json").read_bytes()
    index = (len(index_body), len(gzip.compress(index_body, 9)))
    weights, lighthouse = {}, {}
    with serve(site_dir, compress) as server:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in pages.items():
                shares = share_paths(site_dir, path)
                for vp in VIEWPORTS:
                    records = measure_weight(browser, server.url(path), vp)
                    weights[(name, vp)] = {**weigh(records, shares), "records": records}
            browser.close()
        forms, runs = (["mobile"], 1) if quick else (["mobile", "desktop"], 3)
        with tempfile.TemporaryDirectory() as tmp:
            for name, path in pages.items():
                for form in forms:
                    results = [summarise(run_lighthouse(server.url(path), form,
                                                        Path(tmp) / f"{name}-{form}-{i}.json"), form)
                               for i in range(runs)]
                    lighthouse[(name, form)] = median_of(results, form)
    text = render(pages, weights, index, lighthouse, time.monotonic() - start, quick, compress)
    budgets = [(f"{check}, {page}: {value} {limit}", status == "PASS")
               for check, page, value, limit, status in budget_rows(weights, lighthouse)]
    return text, budgets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--quick", action="store_true", help="Lighthouse mobile only, one run")
    parser.add_argument("--no-gzip", action="store_true",
                        help="serve files uncompressed (GitHub Pages gzips text)")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        sys.exit(f"No built site in {args.site}: run mkdocs build first.")
    print(run(args.site, args.quick, compress=not args.no_gzip)[0], end="")


if __name__ == "__main__":
    main()
