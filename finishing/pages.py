"""The built site's HTML pages held in memory: read once, written once."""

from __future__ import annotations

from pathlib import Path


class Pages:
    def __init__(self, site: Path):
        self.site = site
        self._html: dict[str, str] | None = None
        self._changed: set[str] = set()

    def _all(self) -> dict[str, str]:
        if self._html is None:
            self._html = {p.relative_to(self.site).as_posix(): p.read_text(encoding="utf-8")
                          for p in sorted(self.site.rglob("*.html"))}
        return self._html

    def items(self) -> list[tuple[str, str]]:
        """(site path such as 'strategies/x/index.html', html), sorted by path."""
        return sorted(self._all().items())

    def get(self, where: str) -> str | None:
        return self._all().get(where)

    def set(self, where: str, html: str) -> None:
        pages = self._all()
        if pages.get(where) != html:
            pages[where] = html
            self._changed.add(where)

    def exists(self, target: str) -> bool:
        """A site path ('x', 'x/index.html', 'assets/y.css') names a file or a folder's page."""
        pages = self._all()
        return target in pages or f"{target}/index.html" in pages or (self.site / target).is_file()

    def flush(self) -> None:
        for where in sorted(self._changed):
            path = self.site / where
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self._html[where], encoding="utf-8")
        self._changed.clear()
