"""Our scripts minified by terser (shorter local names as well as no comments
or spaces: about a sixth less after gzip than dropping spaces alone).

terser is Node, pinned in package.json and installed by `npm ci` (`make
build` and `make test` run it); it is looked up in the project's
node_modules/. Each result is kept in .cache/minified-js/, named by the
script's text, terser's version and the options in minify_js.cjs, so a build
that changes no script starts no Node at all.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from finishing import FinishingError
from finishing.results_cache import MISSING, Cache

CACHE = Path(".cache") / "minified-js"
BATCH = Path(__file__).with_name("minify_js.cjs")


def terser_version(root: Path) -> str:
    package = root / "node_modules" / "terser" / "package.json"
    try:
        return json.loads(package.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise FinishingError(
            f"{package}: terser is not installed; run `npm ci` in {root} (make build does)") from None


def run_terser(root: Path, scripts: dict[str, str]) -> dict[str, str]:
    """Minify scripts (name -> text) in one Node process: name -> minified text."""
    node = shutil.which("node")
    if node is None:
        raise FinishingError("node is not on PATH: the build minifies its scripts with terser; "
                             "install Node.js and npm (README, Two commands)")
    names = sorted(scripts)
    done = subprocess.run(
        [node, str(BATCH)], cwd=root, capture_output=True, text=True,
        input=json.dumps([{"name": n, "code": scripts[n]} for n in names]),
    )
    if done.returncode != 0:
        raise FinishingError(done.stderr.strip() or f"terser failed (exit {done.returncode})")
    return dict(zip(names, json.loads(done.stdout), strict=True))


def minified(root: Path, scripts: dict[str, str]) -> dict[str, str]:
    """Each script (name -> text) minified, from the cache where it can be."""
    version = terser_version(root)
    cache = Cache(root / CACHE, BATCH)  # the options are in minify_js.cjs
    out, missing = {}, {}
    for name, text in scripts.items():
        found = cache.load([version, text])
        if found is MISSING:
            missing[name] = text
        else:
            out[name] = found
    if missing:
        for name, small in run_terser(root, missing).items():
            out[name] = cache.store([version, scripts[name]], small)
    return out
