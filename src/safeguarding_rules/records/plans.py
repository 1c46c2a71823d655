"""Child protection plans, as the returns that hold them record them.

A census and an Annex A list each child's plans (start, end, reviews), not only the
conferences. A plan with no review yet has its first review due from its start (the
conference that agreed it), even where that conference is not in the file (it was held
before the census year, or recorded at ``CINdetails`` level): the worklist reads these.

A census lists every review of a plan; an Annex A only the latest. The worklist counts
from the reviews held on or before its day (:meth:`PlanRecords.latest_review_by`), never
from one the file records as held after it; where an Annex A's only review is after the
day, the reviews held by then are not known (:attr:`PlanRecords.every_review`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
import numpy.typing as npt

__all__ = ["PlanRecords", "PlanRow"]

Dates = npt.NDArray[np.datetime64]
#: One plan as a reader finds it: child id, location, start, end (NaT: open), and the
#: reviews the file lists.
PlanRow = tuple[str, str, np.datetime64, np.datetime64, Sequence[np.datetime64]]


@attrs.frozen(kw_only=True, eq=False)
class PlanRecords:
    """One element per plan."""

    #: The child's id, as written.
    child_id: npt.NDArray[np.object_]
    #: Where the plan is in the file (an element path, a sheet row).
    location: npt.NDArray[np.object_]
    #: The day the plan started (the conference that agreed it).
    start: Dates
    #: The day it ended (NaT: open).
    end: Dates
    #: Its latest review held (NaT: none yet).
    latest_review: Dates
    #: Each plan's reviews the file lists, in date order (a census: every one; an Annex A:
    #: the latest only).
    reviews: npt.NDArray[np.object_]
    #: Whether the file lists every review of a plan (a census), or only the latest (an
    #: Annex A: then a plan whose latest review is after a day says nothing of the reviews
    #: held by that day).
    every_review: bool = True

    def __len__(self) -> int:
        return len(self.child_id)

    def latest_review_by(self, i: int, day: np.datetime64) -> np.datetime64:
        """Plan ``i``'s latest review held on or before ``day`` (NaT: none in the file).

        A review the file records after ``day`` had not been held on it, so no next review
        is counted from it.
        """
        held = self.reviews[i][self.reviews[i] <= day]
        return held[-1] if len(held) else np.datetime64("NaT", "D")

    @classmethod
    def of(cls, rows: list[PlanRow], *, every_review: bool = True) -> PlanRecords:
        """Build from ``(child_id, location, start, end, reviews)`` tuples."""
        reviews = np.empty(len(rows), dtype=object)
        reviews[:] = [np.sort(np.array(r[4], dtype="datetime64[D]")) for r in rows]
        return cls(
            child_id=np.array([r[0] for r in rows], dtype=object),
            location=np.array([r[1] for r in rows], dtype=object),
            start=np.array([r[2] for r in rows], dtype="datetime64[D]"),
            end=np.array([r[3] for r in rows], dtype="datetime64[D]"),
            latest_review=np.array(
                [r[-1] if len(r) else np.datetime64("NaT", "D") for r in reviews],
                dtype="datetime64[D]",
            ),
            reviews=reviews,
            every_review=every_review,
        )
