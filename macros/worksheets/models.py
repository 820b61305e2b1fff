"""The schema of data/worksheets/<id>.yml: a worksheet is sections of fields."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..models import Id, Model, StrategyRef, Text, Title


class FieldBase(Model):
    id: str = Id
    label: Text
    hint: str | None = None


class Lines(FieldBase):
    kind: Literal["lines"]
    lines: int = Field(ge=1, le=12)


class ShortAnswer(FieldBase):
    kind: Literal["short"]


class Checklist(FieldBase):
    kind: Literal["checklist"]
    options: list[Text] = Field(min_length=1)


class Rating(FieldBase):
    kind: Literal["rating"]
    low: Text
    high: Text
    points: int = Field(default=5, ge=3, le=10)


class Table(FieldBase):
    kind: Literal["table"]
    columns: list[Text] = Field(min_length=1, max_length=6)
    rows: int = Field(ge=1, le=10)
    row_labels: list[Text] | None = None

    @model_validator(mode="after")
    def _labels_fit(self):
        if self.row_labels is not None and len(self.row_labels) != self.rows:
            raise ValueError(f"row_labels has {len(self.row_labels)} labels but rows is {self.rows}; "
                             "give one label per row")
        return self


WorksheetField = Annotated[Lines | ShortAnswer | Checklist | Rating | Table, Field(discriminator="kind")]


class Section(Model):
    heading: Text
    intro: str | None = None
    fields: list[WorksheetField] = Field(min_length=1)


class Worksheet(Model):
    id: str = Id
    title: Title
    strategy: StrategyRef | None = Id  # None: a sheet that spans every strategy
    purpose: Text
    time_needed: Text
    instructions: list[Text] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    # Saved answers follow a renamed field: {old field id: new field id}.
    renamed: dict[Annotated[str, Id], Annotated[str, Id]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _unique_field_ids(self):
        seen = set()
        for section in self.sections:
            for field in section.fields:
                if field.id in seen:
                    raise ValueError(f"duplicate field id '{field.id}': each field needs its own id")
                seen.add(field.id)
        for old, new in self.renamed.items():
            if new not in seen:
                raise ValueError(f"renamed: '{old}' points to '{new}', which is not a field id here")
            if old in seen:
                raise ValueError(f"renamed: '{old}' is still a field id here")
        return self
