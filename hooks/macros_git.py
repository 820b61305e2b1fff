"""mkdocs-macros fills a `git` page variable by running 13 `git` commands on
every build and every `make serve` rebuild (about a tenth of our fixed cost),
with no setting to turn that off. No page or template of ours uses it, so this
hook, loaded before mkdocs-macros reads its context, gives it the value
mkdocs-macros itself gives when there is no git: status False, no date. A page
that tried `{{ git.commit }}` would fail the strict build (on_undefined: strict)
instead of printing nothing."""

import mkdocs_macros.context


def _no_git_info() -> dict:
    return {"status": False, "date": None}


mkdocs_macros.context.get_git_info = _no_git_info
