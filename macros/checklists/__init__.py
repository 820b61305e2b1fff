"""Self-check checklists, one feature: data/checklists/*.yml -> scored pages.

models.py     the checklist schema (pydantic): items, bands, strategy refs
rendering.py  pure functions: a Checklist in, HTML out (templates/ here)
macros.py     the page macros: checklist(id), checklist_index(); load_all
templates/    the checklist HTML (autoescape on)
"""
