"""Problems in input files, each located by file, row, column and value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from .._errors import SafeguardingRulesError

__all__ = ["LISTED_PROBLEMS", "InputErrors", "InputProblem", "ProblemList"]

#: How many problems a streamed reader keeps one by one; the rest are counted by kind.
LISTED_PROBLEMS = 1_000


@attrs.frozen
class InputProblem:
    """One problem in an input file."""

    #: The file.
    file: str
    #: The 1-based row number, counting the header as row 1 in a CSV file (as a spreadsheet
    #: shows it), or the line number in a JSON-lines file.
    row: int
    #: The column or field, if the problem is in one.
    column: str | None
    #: The offending value, if any.
    value: str | None
    #: What is wrong.
    message: str
    #: Where it is, for a file without plain rows: an XML element path
    #: (``Child[412]/CINdetails[1]/Section47[2]/DateOfInitialCPC``) or a sheet, row and
    #: heading. Named instead of the row and column when given.
    location: str | None = None
    #: How many rows of the file the problem left unread: more than one where a quote left
    #: open swallowed the rows after it.
    rows_lost: int = 1

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}"
        if self.location:
            where = f"{self.file}, {self.location}"
        elif self.column:
            where += f", column {self.column!r}"
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


class InputErrors(SafeguardingRulesError, ValueError):
    """One or more problems in an input file; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input:\n{listed}")


@attrs.define
class ProblemList:
    """Problems as a streamed reader finds them: the first few whole, the rest counted.

    A hostile file can hold millions of problems (two million empty ``<Child/>``
    elements): kept whole, they would take memory growing with the file rather than with
    the records found, and list millions of lines. The first :data:`LISTED_PROBLEMS` are
    kept; the rest are counted by their message, and :meth:`listed` ends with one problem
    that gives the counts.
    """

    #: The file.
    file: str
    #: How many to keep whole.
    limit: int = LISTED_PROBLEMS
    _kept: list[InputProblem] = attrs.field(init=False, factory=list)
    _more: Counter[str] = attrs.field(init=False, factory=Counter)

    def append(self, problem: InputProblem) -> None:
        """Take in a problem: kept whole while fewer than ``limit`` are, else counted."""
        if len(self._kept) < self.limit:
            self._kept.append(problem)
        else:
            self._more[problem.message] += 1

    def __len__(self) -> int:
        return len(self._kept) + self._more.total()

    def listed(self) -> list[InputProblem]:
        """Return the problems kept whole, then (if any were not) one giving the others' counts."""
        if not self._more:
            return list(self._kept)
        kinds = self._more.most_common()
        shown = "; ".join(f"{count:,} x {message!r}" for message, count in kinds[:10])
        if len(kinds) > 10:
            shown += f"; {sum(count for _, count in kinds[10:]):,} of {len(kinds) - 10} other kinds"
        summary = InputProblem(
            self.file, 0, None, None,
            f"{self._more.total():,} more problem(s) like those above, not listed one by one "
            f"(the first {self.limit:,} are): {shown}",
            location="after the first problems",
        )  # fmt: skip
        return [*self._kept, summary]
