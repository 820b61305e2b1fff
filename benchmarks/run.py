"""`make bench`: every benchmark, one report. The full run writes
benchmarks/RESULTS.md (committed); --quick writes benchmarks/RESULTS-quick.md
(fewer runs, smaller sizes, mobile Lighthouse only; not committed)."""

import datetime
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build  # noqa: E402
import pages  # noqa: E402
import serve  # noqa: E402


def machine() -> list[str]:
    """What the numbers were measured on: they mean little without it."""
    memory_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.machine())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return [
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({cpu}), {memory_kb / 1024 / 1024:.1f} GiB memory, "
        f"{platform.system()} {platform.release()}",
        f"- Software: Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}, mkdocs-macros {version('mkdocs-macros-plugin')}, "
        f"{chromium or 'no Chromium'}",
    ]


def budgets_table(checked: list[tuple[str, bool]]) -> list[str]:
    lines = ["| budget | result |", "| --- | --- |"]
    lines += [f"| {name} | {'PASS' if ok else '**FAIL**'} |" for name, ok in checked]
    return lines


def main(quick: bool) -> int:
    print("build benchmarks ...", file=sys.stderr, flush=True)
    build_text, build_budgets = build.run(quick)
    print("`make serve` rebuilds ...", file=sys.stderr, flush=True)
    serve_text, serve_budgets = serve.run(quick)
    print("page weight and Lighthouse ...", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="tg-bench-site-") as tmp:
        site = Path(tmp) / "site"
        build.run_build(build.ROOT, "mkdocs.yml", site)
        pages_text, page_budgets = pages.run(site, quick)
    checked = build_budgets + serve_budgets + page_budgets
    failed = [name for name, ok in checked if not ok]
    title = "# Benchmark results" + (" (quick run)" if quick else "")
    text = "\n".join([
        title, "",
        f"Written by `make bench{'-quick' if quick else ''}`; see the README's *Performance* section.", "",
        *machine(), "",
        "## Budgets", "",
        *budgets_table(checked), "",
        f"{len(checked) - len(failed)} of {len(checked)} budgets pass.", "",
        build_text, "",
        serve_text, "",
        pages_text, "",
        # Why a budget is missed is analysis, not measurement: it is kept by
        # hand in causes.md and copied in, so a re-run does not lose it.
        (HERE / "causes.md").read_text(encoding="utf-8"),
    ])
    out = HERE / ("RESULTS-quick.md" if quick else "RESULTS.md")
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"\nwrote {out.relative_to(HERE.parent)}", file=sys.stderr)
    for name, ok in checked:
        print(f"{'PASS' if ok else 'FAIL'}  {name}", file=sys.stderr)
    # Budgets are reported, not enforced: a miss is recorded with its cause.
    return 0


if __name__ == "__main__":
    sys.exit(main(quick="--quick" in sys.argv))
