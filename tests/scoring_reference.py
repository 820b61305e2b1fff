"""The reference scoring: what the browser must compute, in plain Python.

Pure functions; the browser tests compare the page's result with these.
"""

from dataclasses import dataclass

from macros.checklists.models import Band, Checklist


@dataclass(frozen=True)
class StrategyScore:
    strategy: str
    score: int
    max: int

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max if self.max else 0.0


@dataclass(frozen=True)
class Result:
    score: int
    max: int
    answered: int
    band: Band
    breakdown: list[StrategyScore]
    recommended: str


def band_for(checklist: Checklist, score: int) -> Band:
    for band in checklist.bands:
        if band.min <= score <= band.max:
            return band
    raise ValueError(f"no band covers score {score}")


def breakdown(checklist: Checklist, answers: dict[str, int], order: list[str]) -> list[StrategyScore]:
    """Per-strategy totals in catalogue order; unanswered items count 0."""
    top = max(o.value for o in checklist.scale)
    totals: dict[str, list[int]] = {}
    for item in checklist.items:
        sid = checklist.item_strategy(item)
        score, most = totals.setdefault(sid, [0, 0])
        totals[sid] = [score + answers.get(item.id, 0), most + top]
    return [StrategyScore(sid, *totals[sid]) for sid in order if sid in totals]


def recommend(scores: list[StrategyScore]) -> str:
    """Lowest percentage first; ties go to the earlier strategy (min is stable)."""
    return min(scores, key=lambda s: s.percent).strategy


def score(checklist: Checklist, answers: dict[str, int], order: list[str]) -> Result:
    """answers: item id -> option value; order: strategy ids in catalogue order."""
    allowed = {o.value for o in checklist.scale}
    for item_id, value in answers.items():
        if value not in allowed:
            raise ValueError(f"{item_id}: {value} is not on the scale")
    total = sum(answers.get(item.id, 0) for item in checklist.items)
    parts = breakdown(checklist, answers, order)
    return Result(score=total, max=checklist.max_score,
                  answered=sum(1 for i in checklist.items if i.id in answers),
                  band=band_for(checklist, total), breakdown=parts,
                  recommended=recommend(parts))
