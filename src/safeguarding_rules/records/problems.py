"""Problems in input files, each located by file, row, column and value."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._errors import SafeguardingRulesError

__all__ = ["InputErrors", "InputProblem"]


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
