"""Child protection plans, as the returns that hold them record them.

A census and an Annex A list each child's plans (start, end, reviews), not only the
conferences. A plan with no review yet has its first review due from its start (the
conference that agreed it), even where that conference is not in the file (it was held
before the census year, or recorded at ``CINdetails`` level): the worklist reads these.
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt

__all__ = ["PlanRecords"]

Dates = npt.NDArray[np.datetime64]


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

    def __len__(self) -> int:
        return len(self.child_id)

    @classmethod
    def of(
        cls,
        rows: list[tuple[str, str, np.datetime64, np.datetime64, np.datetime64]],
    ) -> PlanRecords:
        """Build from ``(child_id, location, start, end, latest_review)`` tuples."""
        return cls(
            child_id=np.array([r[0] for r in rows], dtype=object),
            location=np.array([r[1] for r in rows], dtype=object),
            start=np.array([r[2] for r in rows], dtype="datetime64[D]"),
            end=np.array([r[3] for r in rows], dtype="datetime64[D]"),
            latest_review=np.array([r[4] for r in rows], dtype="datetime64[D]"),
        )
