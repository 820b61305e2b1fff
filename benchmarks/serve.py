"""`make serve` rebuild time: the guide against plain Material (the same
Markdown, as build.py makes it), after an editor saves one page.

Both servers run side by side (`python -m mkdocs serve --strict`, what `make
serve` runs). Each round edits the page in one, then in the other (A B A B
...); a rebuild is timed from the server's "Building documentation..." line
to its "Reloading browsers" line, as each line arrives, so the watcher's
polling delay is left out. The ratio is the median of the per-pair ratios."""

import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from build import BUDGET, ENV, Comparison, copy_project, make_plain

EDITED = "docs/introduction.md"  # a page of prose, as an editor would change it
START = "Building documentation"
DONE = "Reloading browsers"
FAILED = ("An error happened", "ERROR", "Aborted")
TIMEOUT = 300  # seconds for one build on a very busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One `mkdocs serve` whose log lines are kept with the time each arrived."""

    def __init__(self, project: Path):
        self.project = project
        self.lines: list[tuple[float, str]] = []
        self._changed = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{free_port()}"],
            cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:  # read all the time: a full pipe would stall the server
            with self._changed:
                self.lines.append((time.monotonic(), line.rstrip()))
                self._changed.notify_all()

    def wait_for(self, text: str, after: int) -> int:
        """Index of the first line from `after` on that holds text; a failed build stops the benchmark."""
        deadline = time.monotonic() + TIMEOUT
        with self._changed:
            while True:
                for i in range(after, len(self.lines)):
                    line = self.lines[i][1]
                    if text in line:
                        return i
                    if any(f in line for f in FAILED):
                        raise RuntimeError(f"mkdocs serve in {self.project}: {line}\n"
                                           + "\n".join(t for _, t in self.lines[-30:]))
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"mkdocs serve in {self.project} stopped or hung:\n"
                                       + "\n".join(t for _, t in self.lines[-30:]))
                self._changed.wait(timeout=1)

    def rebuild(self, text: str) -> float:
        """Save the edited page with this text; seconds the rebuild took."""
        mark = len(self.lines)
        (self.project / EDITED).write_text(text, encoding="utf-8")
        start = self.wait_for(START, mark)
        done = self.wait_for(DONE, start)
        return self.lines[done][0] - self.lines[start][0]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def measure(pairs: int, work: Path) -> Comparison:
    ours = copy_project(work / "ours", warm_caches=False)
    plain = make_plain(ours, work / "plain")
    servers = [Server(ours), Server(plain)]
    try:
        for server in servers:
            server.wait_for("Serving on", 0)  # the first build is done
        texts = [(s.project / EDITED).read_text(encoding="utf-8") for s in servers]
        times: list[list[float]] = [[], []]
        for round_ in range(pairs + 1):  # round 0 warms both up and is not counted
            for n, server in enumerate(servers):
                # Every save changes the page: a blank line added, then taken away.
                seconds = server.rebuild(texts[n] + ("\n" if round_ % 2 == 0 else ""))
                if round_:
                    times[n].append(seconds)
    finally:
        for server in servers:
            server.stop()
    return Comparison("make serve rebuild", 0, *times)


def report(result: Comparison, pairs: int) -> str:
    verdict = "PASS" if result.passed else "FAIL"
    return "\n".join([
        "### `make serve`: rebuild after editing one page", "",
        f"Both sites served by `mkdocs serve --strict` side by side; `{EDITED}` saved with a "
        f"change {pairs} times in each, interleaved (ours, plain, ours, plain ...) after one "
        "warm-up save each. A rebuild is timed from the server's \"Building documentation\" "
        "log line to its \"Reloading browsers\" line (config, hooks, macros, pages and the "
        "finishing steps; not the watcher's polling delay). Plain is the same plain Material "
        "site as above.", "",
        "| server | median | rebuilds |", "| --- | --- | --- |",
        f"| ours | {statistics.median(result.ours):.2f} s | {', '.join(f'{t:.2f}' for t in result.ours)} |",
        f"| plain Material | {statistics.median(result.plain):.2f} s | "
        f"{', '.join(f'{t:.2f}' for t in result.plain)} |", "",
        f"Median pair ratio: **{result.ratio:.2f}x** (budget at most {BUDGET}x): **{verdict}**.", ""])


def run(quick: bool) -> tuple[str, list[tuple[str, bool]]]:
    """The serve section of RESULTS.md and the budget it checked."""
    pairs = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="tg-bench-serve-") as tmp:
        result = measure(pairs, Path(tmp))
    return report(result, pairs), [
        (f"`make serve` rebuild after editing one page: {result.ratio:.2f}x <= {BUDGET}x", result.passed)]


if __name__ == "__main__":
    text, checked = run(quick="--quick" in sys.argv)
    print(text)
    for name, ok in checked:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
