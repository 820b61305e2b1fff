"""The build fails, naming file and field, when data files and pages do not
match (macros/integrity.py): a typo in an id, a slug with no page, a data
file with no page or a page whose data is gone."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from macros import integrity
from macros.errors import DataError
from macros.loading import load_model
from macros.models import StrategyList


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data = Path(config.config_file_path).parent / "data"
    try:
        catalog = load_model(data / "strategies.yml", StrategyList)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    docs = Path(config.docs_dir)
    sources = {f.src_uri: (docs / f.src_uri).read_text(encoding="utf-8", errors="replace")
               for f in files.documentation_pages()}
    # The ids are the file names; the files themselves are validated by the macros.
    found = integrity.problems(catalog, {p.stem for p in (data / "worksheets").glob("*.yml")},
                               {p.stem for p in (data / "checklists").glob("*.yml")}, sources)
    if found:
        raise PluginError(integrity.report(found))
    return files
