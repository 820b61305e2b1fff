"""Worksheets, one feature: data/worksheets/*.yml -> fillable, printable pages.

models.py     the worksheet schema (pydantic); errors name file and field
rendering.py  pure functions: a Worksheet in, HTML out (templates/ here)
macros.py     the page macros: worksheet(id), worksheet_index(), booklet
templates/    the worksheet HTML (autoescape on)
"""
