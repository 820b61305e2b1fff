"""Build-time benchmarks: the guide against plain Material for MkDocs building
the same Markdown, and how both grow with generated worksheets and checklists.

Every comparison runs the two builds interleaved (A B A B ...) so that the
machine's drift hits both alike, and reports the median of per-pair ratios."""

import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tests"))
from support import BUILD_ENV, copy_project  # noqa: E402  (the tests' own helpers)

sys.path.insert(0, str(ROOT))
from macros.catalogue import expand_config  # noqa: E402  (plain Material runs no hooks: fill the nav here)

# Builds keep bytecode, as `make build` and Python by default do (the
# Makefile says why); the same for both builds of a pair.
ENV = {**BUILD_ENV, "PYTHONDONTWRITEBYTECODE": ""}

# The templates the generated sheets and checklists are copied from.
SHEET_MODEL, CHECKLIST_MODEL = "comfort-map", "comfort-zone"
BUDGET = 1.3


@dataclass
class Comparison:
    label: str
    pages: int            # generated pages (0 for the guide as it is)
    ours: list[float]     # seconds per build
    plain: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(o / p for o, p in zip(self.ours, self.plain, strict=True))

    @property
    def passed(self) -> bool:
        return self.ratio <= BUDGET


# --- projects ---------------------------------------------------------------

def load_config(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def save_config(path: Path, config: dict) -> None:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def add_generated(project: Path, n: int) -> None:
    """n worksheets and n checklists, copied from real ones under new ids, each
    with its page, listed as siblings in the navigation (as real ones are)."""
    sheet = (project / "data/worksheets" / f"{SHEET_MODEL}.yml").read_text(encoding="utf-8")
    check = (project / "data/checklists" / f"{CHECKLIST_MODEL}.yml").read_text(encoding="utf-8")
    sheet_page = (project / "docs/worksheets" / f"{SHEET_MODEL}.md").read_text(encoding="utf-8")
    check_page = (project / "docs/checklists" / f"{CHECKLIST_MODEL}.md").read_text(encoding="utf-8")
    sheets, checks = [], []
    for i in range(1, n + 1):
        sid, cid = f"gen-sheet-{i:03d}", f"gen-check-{i:03d}"
        (project / "data/worksheets" / f"{sid}.yml").write_text(
            sheet.replace(f"id: {SHEET_MODEL}", f"id: {sid}", 1), encoding="utf-8")
        (project / "data/checklists" / f"{cid}.yml").write_text(
            check.replace(f"id: {CHECKLIST_MODEL}", f"id: {cid}", 1), encoding="utf-8")
        (project / "docs/worksheets" / f"{sid}.md").write_text(
            sheet_page.replace(f"'{SHEET_MODEL}'", f"'{sid}'"), encoding="utf-8")
        (project / "docs/checklists" / f"{cid}.md").write_text(
            check_page.replace(f"'{CHECKLIST_MODEL}'", f"'{cid}'"), encoding="utf-8")
        sheets.append(f"worksheets/{sid}.md")
        checks.append(f"checklists/{cid}.md")
    config = load_config(project / "mkdocs.yml")
    config["nav"] += [{"Generated worksheets": sheets}, {"Generated checklists": checks}]
    save_config(project / "mkdocs.yml", config)


def make_plain(ours: Path, dest: Path) -> Path:
    """The same site for plain Material: the Markdown as it is after macros,
    the same theme settings, CSS, JavaScript and images, and the same Markdown
    extensions and navigation; no macros, no hooks, no data, no overrides."""
    captured = dest / "docs"
    config = load_config(ours / "mkdocs.yml")
    config["hooks"] = [*config.get("hooks", []), str(HERE / "capture_hook.py")]
    save_config(ours / "mkdocs.capture.yml", config)
    run_build(ours, "mkdocs.capture.yml", dest / "capture-site", extra_env={"TG_CAPTURE_DIR": str(captured)})
    shutil.copytree(ours / "docs/assets", captured / "assets", dirs_exist_ok=True)

    plain = expand_config(load_config(ours / "mkdocs.yml"), ours)
    plain.pop("hooks", None)
    plain.pop("watch", None)  # data/, macros/ ...: plain has none (mkdocs serve would fail on them)
    plain["plugins"] = ["search"]
    plain["theme"].pop("custom_dir", None)
    save_config(dest / "mkdocs.yml", plain)
    return dest


# --- timing -----------------------------------------------------------------

def run_build(project: Path, config: str, site: Path, extra_env: dict | None = None) -> float:
    """Seconds for one strict build; a failed build stops the benchmark."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)],
        cwd=project, env={**ENV, **(extra_env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build of {project / config} failed:\n{result.stderr[-3000:]}")
    return elapsed


def interleaved(ours: Path, plain: Path, pairs: int, work: Path) -> tuple[list[float], list[float]]:
    """One warm-up each (fills the share-card cache, warms the disk cache),
    then A B A B ... pairs."""
    run_build(ours, "mkdocs.yml", work / "o")
    run_build(plain, "mkdocs.yml", work / "p")
    a, b = [], []
    for _ in range(pairs):
        a.append(run_build(ours, "mkdocs.yml", work / "o"))
        b.append(run_build(plain, "mkdocs.yml", work / "p"))
    return a, b


def compare(label: str, n: int, pairs: int, work: Path) -> Comparison:
    ours = copy_project(work / "ours", warm_caches=False)
    if n:
        add_generated(ours, n)
    plain = make_plain(ours, work / "plain")
    a, b = interleaved(ours, plain, pairs, work)
    return Comparison(label, 2 * n, a, b)


def cold_build(work: Path) -> float:
    """The guide with no share-card cache, as on a fresh CI checkout."""
    ours = copy_project(work / "cold", warm_caches=False)
    return run_build(ours, "mkdocs.yml", work / "cold-site")


def profile_own_code(work: Path, top: int = 8) -> list[tuple[str, float]]:
    """Cumulative seconds in the project's own functions (macros/, hooks/,
    finishing/) during one warm build, to name the cause when a budget is missed."""
    ours = copy_project(work / "profiled", warm_caches=False)
    run_build(ours, "mkdocs.yml", work / "profiled-site")  # warm the share-card cache first
    out = work / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build",
                    "--strict", "-d", str(work / "profiled-site")],
                   cwd=ours, env=ENV, check=True, capture_output=True)
    stats = pstats.Stats(str(out))
    rows = []
    for (filename, line, name), (_, _, _, cumulative, _) in stats.stats.items():
        rel = filename.replace(str(ours) + "/", "")
        if rel.startswith(("macros/", "hooks/", "finishing/")):
            rows.append((f"{rel}:{line} {name}", cumulative))
    rows.sort(key=lambda r: r[1], reverse=True)
    return rows[:top]


# --- report -----------------------------------------------------------------

def fmt_seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s"


def report(guide: Comparison, scaling: list[Comparison], cold: float,
           profile: list[tuple[str, float]], pairs: int) -> str:
    lines = ["## Build time", "",
             f"Strict `mkdocs build`, each build a fresh process; {pairs} interleaved pairs "
             "(ours, plain, ours, plain ...) after one warm-up build each; the ratio is the "
             "median of the per-pair ratios. *Plain* is Material for MkDocs with the search "
             "plugin only, building the Markdown our build produces after macros "
             "(captured by `benchmarks/capture_hook.py`), with the same theme settings, "
             "Markdown extensions, CSS, JavaScript and navigation, and no macros, hooks, "
             "data or template overrides.", "",
             "### Overhead of the guide as it is", "",
             "| build | median | runs |", "| --- | --- | --- |",
             f"| ours | {fmt_seconds(guide.ours)} | {', '.join(f'{t:.2f}' for t in guide.ours)} |",
             f"| plain Material | {fmt_seconds(guide.plain)} | {', '.join(f'{t:.2f}' for t in guide.plain)} |",
             "",
             f"Median pair ratio: **{guide.ratio:.2f}x** (budget at most {BUDGET}x): "
             f"**{'PASS' if guide.passed else 'FAIL'}**.", "",
             f"A cold build (no share-card cache, as on a fresh CI checkout) took {cold:.2f} s.", ""]
    if scaling:
        base_o = statistics.median(guide.ours)
        base_p = statistics.median(guide.plain)
        lines += ["### Scaling with generated worksheets and checklists", "",
                  "N generated worksheets and N generated checklists (2N pages, copies of "
                  f"`{SHEET_MODEL}` and `{CHECKLIST_MODEL}` under new ids), listed as siblings in the "
                  "navigation. *Per generated page* is the time added over the guide as it is, "
                  "divided by 2N.", "",
                  "| N | pages added | pairs | ours | plain | ratio | pair ratios | ours per generated page "
                  "| plain per generated page | budget |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for c in scaling:
            o, p = statistics.median(c.ours), statistics.median(c.plain)
            ratios = [a / b for a, b in zip(c.ours, c.plain, strict=True)]
            lines.append(
                f"| {c.pages // 2} | {c.pages} | {len(ratios)} | {o:.2f} s | {p:.2f} s | {c.ratio:.2f}x | "
                f"{min(ratios):.2f}-{max(ratios):.2f}x | "
                f"{(o - base_o) / c.pages * 1000:.1f} ms | {(p - base_p) / c.pages * 1000:.1f} ms | "
                f"{'PASS' if c.passed else 'FAIL'} |")
        lines.append("")
    lines += ["### Where our own code spends build time", "",
              "Cumulative seconds in the project's own functions during one profiled build "
              "of the guide (cProfile; profiling slows everything, so compare rows, not totals):", "",
              "| function | cumulative |", "| --- | --- |"]
    lines += [f"| `{name}` | {seconds:.3f} s |" for name, seconds in profile]
    lines.append("")
    return "\n".join(lines)


def run(quick: bool) -> tuple[str, list[tuple[str, bool]]]:
    """The build section of RESULTS.md and the budgets it checked."""
    pairs = 3 if quick else 11
    sizes = [10, 100] if quick else [10, 100, 500]
    # Pairs per N: 3 pairs of a 10-second build did not settle the ratio to a
    # tenth on a noisy host; N = 500 (about 3 minutes a pair) stays at 3.
    scale_pairs = (lambda n: 1) if quick else (lambda n: 3 if n >= 500 else 7)
    with tempfile.TemporaryDirectory(prefix="tg-bench-") as tmp:
        work = Path(tmp)
        guide = compare("guide", 0, pairs, work / "guide")
        scaling = []
        for n in sizes:
            print(f"  scaling N={n} ...", file=sys.stderr, flush=True)
            scaling.append(compare(f"N={n}", n, scale_pairs(n), work / f"n{n}"))
        cold = cold_build(work / "cold")
        profile = profile_own_code(work / "profile")
    budgets = [(f"build overhead, the guide: {guide.ratio:.2f}x <= {BUDGET}x", guide.passed)]
    budgets += [(f"build overhead, {c.label}: {c.ratio:.2f}x <= {BUDGET}x", c.passed) for c in scaling]
    return report(guide, scaling, cold, profile, pairs), budgets


if __name__ == "__main__":
    text, checked = run(quick="--quick" in sys.argv)
    print(text)
    for name, ok in checked:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
