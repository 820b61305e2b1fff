"""The schema of data/checklists/<id>.yml: items, answer scale and result bands.

Bands must cover every possible score exactly once, so the build fails on an
overlap, a gap or a score no band covers, naming the file and the field.
"""

from pydantic import Field, model_validator

from ..models import Id, Model, StrategyRef, Title, WorksheetRef, text


class Option(Model):
    label: text(40)
    value: int = Field(ge=0)


class Item(Model):
    id: str = Id
    text: text(200)
    strategy: StrategyRef | None = None   # required on the overall checklist only


class NextStep(Model):
    """Where to go next: a strategy page or a worksheet, by id."""

    label: text(80)
    strategy: StrategyRef | None = None
    worksheet: WorksheetRef | None = None

    @model_validator(mode="after")
    def _exactly_one_target(self):
        if (self.strategy is None) == (self.worksheet is None):
            raise ValueError("give exactly one of 'strategy' or 'worksheet'")
        return self


class Band(Model):
    min: int = Field(ge=0)
    max: int = Field(ge=0)
    label: text(40)
    message: text(240)
    next: NextStep | None = None    # the overall checklist points to the lowest strategy instead

    @model_validator(mode="after")
    def _ordered(self):
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class Checklist(Model):
    id: str = Id
    title: Title
    strategy: StrategyRef | None = None   # a per-strategy checklist; None for the overall one
    description: text(160)
    instructions: text(300)
    scale: list[Option] = Field(min_length=2, max_length=5)
    items: list[Item] = Field(min_length=5, max_length=12)
    bands: list[Band] = Field(min_length=2)

    @property
    def max_score(self) -> int:
        return len(self.items) * max(o.value for o in self.scale)

    @property
    def min_score(self) -> int:
        return len(self.items) * min(o.value for o in self.scale)

    @model_validator(mode="after")
    def _consistent(self):
        values = [o.value for o in self.scale]
        if len(set(values)) != len(values):
            raise ValueError(f"scale: values must differ, got {values}")
        if min(values) != 0:
            # Bands and the "no answer yet" state count up from 0.
            raise ValueError(f"scale: the lowest answer must be worth 0, got {min(values)}; "
                             "for example: - {label: Never, value: 0}")
        item_ids = [i.id for i in self.items]
        if len(set(item_ids)) != len(item_ids):
            raise ValueError(f"statements: duplicate id in {item_ids}")
        if self.strategy is None:
            for n, item in enumerate(self.items, 1):
                if item.strategy is None:
                    raise ValueError(f"statement {n}, strategy: required on an overall checklist")
        else:
            if not 5 <= len(self.items) <= 8:
                raise ValueError(f"statements: a strategy checklist has 5 to 8 statements, got {len(self.items)}")
            for n, item in enumerate(self.items, 1):
                if item.strategy not in (None, self.strategy):
                    raise ValueError(f"statement {n}, strategy: must be '{self.strategy}' or left out")
            for n, band in enumerate(self.bands, 1):
                if band.next is None:
                    raise ValueError(f"band {n}, next: required on a strategy checklist")
        self._check_bands()
        return self

    def _check_bands(self):
        """Sorted bands must run from the lowest to the highest score without gaps or overlaps."""
        expected = self.min_score
        for n, band in sorted(enumerate(self.bands), key=lambda nb: nb[1].min):
            if band.min < expected:
                raise ValueError(f"band {n + 1}: {band.min}-{band.max} overlaps the band before it")
            if band.min > expected:
                raise ValueError(f"band {n + 1}: scores {expected}-{band.min - 1} are in no band")
            expected = band.max + 1
        if expected - 1 != self.max_score:
            if expected - 1 > self.max_score:
                raise ValueError(f"bands: reach {expected - 1}, above the highest possible score {self.max_score}")
            raise ValueError(f"bands: scores {expected}-{self.max_score} are in no band")

    def item_strategy(self, item: Item) -> str:
        return item.strategy or self.strategy  # type: ignore[return-value]
