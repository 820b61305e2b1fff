"""Links between data files and pages (pure: models and file names in,
problems out). Each data file refers to others by id, and each strategy,
worksheet and checklist has its page; a typo in an id, a page with no data
or data with no page would otherwise build and ship broken links."""

import re

from .errors import Problem, blocks
from .models import StrategyList

STRATEGIES = "data/strategies.yml"


def _calls(source: str, macro: str) -> list[str]:
    """The ids a page passes to macro(...): {{ worksheet('comfort-map') }} -> ['comfort-map']."""
    return re.findall(rf"\b{macro}\(\s*['\"]([^'\"]+)['\"]", source)


def _pages(folder: str, kind: str, ids: set[str], sources: dict[str, str]) -> list[tuple[str, Problem]]:
    """Each data file of a kind has docs/<folder>/<id>.md, which calls kind('<id>')."""
    found = []
    for sheet_id in sorted(ids):
        page = f"{folder}/{sheet_id}.md"
        if page not in sources:
            found.append((f"data/{folder}/{sheet_id}.yml", Problem(
                "", f"there is no page for it: docs/{page} is missing",
                f"every {kind} data file has its page", f"docs/{page} with {{{{ {kind}('{sheet_id}') }}}}")))
    for page, source in sorted(sources.items()):
        if not page.startswith(folder + "/"):
            continue
        for called in _calls(source, kind):
            if called not in ids:
                found.append((f"docs/{page}", Problem(
                    f"{kind}('{called}')", f"there is no data/{folder}/{called}.yml",
                    f"one of: {', '.join(sorted(ids))}", f"{{{{ {kind}('{sorted(ids)[0]}') }}}}" if ids else "")))
    return found


def problems(catalog: StrategyList, worksheet_ids: set[str], checklist_ids: set[str],
             sources: dict[str, str]) -> list[tuple[str, Problem]]:
    """(file, problem) for every broken link between data and pages.
    sources: each page's path in docs/ ('strategies/x.md') -> its Markdown."""
    found = []
    slugs = {}
    for n, strategy in enumerate(catalog.strategies, 1):
        slugs[strategy.slug] = n
        for field, ids, folder in (("worksheet", worksheet_ids, "worksheets"),
                                   ("checklist", checklist_ids, "checklists")):
            value = getattr(strategy, field)
            if value is not None and value not in ids:
                found.append((STRATEGIES, Problem(
                    f"strategy {n}, {field}", f"there is no {field} '{value}' (no data/{folder}/{value}.yml)",
                    f"one of: {', '.join(sorted(ids))}", f"{field}: {sorted(ids)[0]}" if ids else "")))
        if strategy.doc_path not in sources:
            found.append((STRATEGIES, Problem(
                f"strategy {n}, slug", f"there is no page docs/{strategy.doc_path}",
                "the file name of its page in docs/strategies/, without .md",
                f"slug: {strategy.slug} with docs/strategies/{strategy.slug}.md")))
    for page in sorted(sources):
        if page.startswith("strategies/") and page.count("/") == 1 and page != "strategies/index.md":
            slug = page.removeprefix("strategies/").removesuffix(".md")
            if slug not in slugs:
                found.append((f"docs/{page}", Problem(
                    "", f"no strategy in {STRATEGIES} has the slug '{slug}'",
                    "a page per strategy, named after its slug", f"slug: {slug}")))
    found += _pages("worksheets", "worksheet", worksheet_ids, sources)
    found += _pages("checklists", "checklist", checklist_ids, sources)
    return found


def report(found: list[tuple[str, Problem]]) -> str:
    return "\n\n".join(blocks(file, [problem]) for file, problem in found)
