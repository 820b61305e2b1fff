"""Offline precache: the last finishing step. It lists every file of the
built guide a reader may need with no signal and writes that list, and a
version made from the files' contents, into the built sw.js. Any change to
any listed file gives a new version, so the browser installs a new service
worker with a new cache (docs/sw.js)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pipeline's Project: root, site_url, base_path, serving
    from finishing import Project

# Not kept up front: source maps, lunr's other languages (the guide is
# English), link-preview images (only other sites fetch them), PDFs (kept
# when first opened, see docs/sw.js), the gzipped sitemap, the worker itself.
SKIP = re.compile(r"(\.map$|^assets/javascripts/lunr/|^assets/images/share/|^assets/share/"
                  r"|^pdf/|\.pdf$|^sitemap\.xml\.gz$|^sw\.js$)")

# Kept (Material's instant navigation reads it on every page, offline too) but
# left out of the version: its dates are the day of the build, so rebuilding
# the same guide another day must not make every reader fetch it all again.
UNVERSIONED = {"sitemap.xml"}


def precache_files(site: Path) -> list[str]:
    """Paths (relative to the site root, '/' separated) to keep, sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and not SKIP.search(p.relative_to(site).as_posix()))


def version_of(site: Path, files: list[str]) -> str:
    """A short hash of every listed path and its bytes."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((site / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def fill_worker(source: str, version: str, files: list[str]) -> str:
    """sw.js with its VERSION and FILES lines filled in (markers kept, so a
    later run, e.g. a re-deployment, can fill them again)."""
    out, n1 = re.subn(r'^var VERSION = .*// tg:version$', f"var VERSION = {json.dumps(version)}; // tg:version",
                      source, flags=re.M)
    out, n2 = re.subn(r'^var FILES = .*// tg:files$', "var FILES = " + json.dumps(files) + "; // tg:files",
                      out, flags=re.M)
    if n1 != 1 or n2 != 1:
        raise ValueError("sw.js lost its 'tg:version' or 'tg:files' line")
    return out


def run(site: Path, project: Project) -> None:
    worker = site / "sw.js"
    if not worker.exists():
        return
    files = precache_files(site)
    version = version_of(site, [f for f in files if f not in UNVERSIONED])
    worker.write_text(fill_worker(worker.read_text(encoding="utf-8"), version, files), encoding="utf-8")
