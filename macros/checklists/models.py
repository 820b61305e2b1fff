"""The schema of data/checklists/<id>.yml: items, answer scale and result bands.

The answer scale and the bands' names live once, in data/checklist_scale.yml
(SharedScale): a checklist leaves out `scale:` and gives each band only its
message and next step, in the shared order; each band's scores are the
shared band's equal part of that checklist's range. A checklist may still
give its own scale, or a band's label, min or max, which then wins.

Bands must cover every possible score exactly once, so the build fails on an
overlap, a gap or a score no band covers, naming the file and the field.
"""

from pathlib import Path

from pydantic import Field, ValidationInfo, model_validator

from ..loading import load_model
from ..models import Id, Model, StrategyRef, Title, WorksheetRef, text

SHARED_SCALE = Path(__file__).resolve().parents[2] / "data" / "checklist_scale.yml"


class Option(Model):
    label: text(40)
    value: int = Field(ge=0)


def check_scale(scale: list[Option]) -> None:
    """Answer values differ and start at 0: bands and the "no answer yet"
    state count up from 0."""
    values = [o.value for o in scale]
    if len(set(values)) != len(values):
        raise ValueError(f"scale: values must differ, got {values}")
    if min(values) != 0:
        raise ValueError(f"scale: the lowest answer must be worth 0, got {min(values)}; "
                         "for example: - {label: Never, value: 0}")


class SharedBand(Model):
    label: text(40)


class SharedScale(Model):
    """data/checklist_scale.yml: the answers every self-check offers, and its
    bands, lowest first, each taking an equal part of the score range."""

    scale: list[Option] = Field(min_length=2, max_length=5)
    bands: list[SharedBand] = Field(min_length=2)

    @model_validator(mode="after")
    def _from_zero(self):
        check_scale(self.scale)
        return self

    def band_ranges(self, low: int, high: int) -> list[tuple[int, int]]:
        """(min, max) of each band: equal parts of low..high, lowest first."""
        n = len(self.bands)
        tops = [low + round((high - low) * k / n) for k in range(1, n + 1)]
        return [(low if k == 0 else tops[k - 1] + 1, top) for k, top in enumerate(tops)]


def shared_scale(path: Path = SHARED_SCALE) -> SharedScale:
    return load_model(path, SharedScale)


def _with_shared_scale(data, shared: SharedScale):
    """The raw checklist with the shared scale and band labels and ranges put
    in where the file leaves them out."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if "scale" not in data:
        data["scale"] = [o.model_dump() for o in shared.scale]
    bands, items, scale = data.get("bands"), data.get("items"), data["scale"]
    if not (isinstance(bands, list) and isinstance(items, list) and isinstance(scale, list)):
        return data
    if len(bands) != len(shared.bands) and any(isinstance(b, dict) and "label" not in b for b in bands):
        names = ", ".join(b.label for b in shared.bands)
        raise ValueError(f"bands: {len(bands)} given, but {SHARED_SCALE.parent.name}/{SHARED_SCALE.name} "
                         f"has {len(shared.bands)} ({names}); give one message per band, in that order")
    values = [o.get("value") for o in scale if isinstance(o, dict)]
    if not values or not all(isinstance(v, int) for v in values) or len(bands) != len(shared.bands):
        return data  # the model's own checks name what is wrong
    ranges = shared.band_ranges(len(items) * min(values), len(items) * max(values))
    data["bands"] = [
        {"label": shared.bands[k].label, "min": ranges[k][0], "max": ranges[k][1], **band}
        if isinstance(band, dict) else band
        for k, band in enumerate(bands)
    ]
    return data


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

    @model_validator(mode="before")
    @classmethod
    def _shared_scale(cls, data, info: ValidationInfo):
        shared = (info.context or {}).get("shared_scale") or shared_scale()
        return _with_shared_scale(data, shared)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo):
        check_scale(self.scale)
        item_ids = [i.id for i in self.items]
        if len(set(item_ids)) != len(item_ids):
            raise ValueError(f"statements: duplicate id in {item_ids}")
        if self.strategy is None:
            for n, item in enumerate(self.items, 1):
                if item.strategy is None:
                    raise ValueError(f"statement {n}, strategy: required on an overall checklist")
            # Every strategy with a self-check of its own has its say in the overall one
            # (validation context 'checked_strategy_ids', from the catalogue).
            checked = (info.context or {}).get("checked_strategy_ids") or []
            missing = [s for s in checked if s not in {i.strategy for i in self.items}]
            if missing:
                raise ValueError(f"statements: none for strategy {', '.join(missing)}; the overall checklist "
                                 "needs at least one statement for each strategy that has a checklist")
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
