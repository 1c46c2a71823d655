r"""Writing what the tool produces: safe to open, atomic, and never over an input file.

Every command writes through this module, so the three promises hold everywhere:

* **CSV cells are neutralised against formula injection.** A cell that begins with ``=``,
  ``+``, ``-``, ``@``, a tab, a carriage return, a line feed or a NUL is written with a
  single quote in front (``'=HYPERLINK(...)``), so a spreadsheet shows it as text instead of
  running it as a formula. This is the OWASP recommendation for CSV injection (the list of
  characters is OWASP's, plus line feed and NUL from ASVS 5.0 requirement 1.2.10). Every
  CSV the tool writes goes through :func:`csv_text` or :class:`CsvWriter`; a test fails if
  any other module builds a ``csv.writer``.
* **Text for people carries no control characters from the data.** :func:`printable` shows
  an escape sequence, bell, carriage return, NUL or bidirectional control (embeddings,
  overrides, isolates and the invisible marks LRM, RLM and ALM) as a visible
  ``\\x1b``-style escape, so a hostile id or rule title cannot move the cursor, retitle
  the terminal, hide a line or reorder what is shown. :func:`html_text` does the same for
  HTML, then escapes it.
* **Files are written atomically and never over an input.** :func:`write_file` writes to a
  temporary file in the same folder and renames it over the target (``os.replace``), so a
  failed run leaves the old file or none, never half a report, and a run ended by SIGTERM,
  SIGHUP or SIGINT removes the temporary file before it exits; it refuses a target that
  is one of the inputs, whatever the path (symbolic links and hard links are followed).
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import TextIO

from .._errors import SafeguardingRulesError

__all__ = [
    "FORMULA_TRIGGERS",
    "CsvWriter",
    "OutputError",
    "csv_text",
    "html_text",
    "neutralise_cell",
    "printable",
    "printable_line",
    "write_file",
]

#: A cell beginning with one of these is read as a formula (or a command) by spreadsheets.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\0")

# C0 and C1 controls (but not tab and line feed, which our own text uses), DEL, the line and
# paragraph separators, the bidirectional embeddings, overrides and isolates, and the
# invisible marks that reorder text too (left-to-right, right-to-left and Arabic letter
# marks): Unicode's bidirectional formatting characters (UAX #9, table 4; CVE-2021-42574).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


class OutputError(SafeguardingRulesError):
    """An output file that cannot or must not be written."""


def neutralise_cell(value: str) -> str:
    """Return ``value`` with a single quote in front if a spreadsheet would run it.

    >>> neutralise_cell("=1+1"), neutralise_cell("-2"), neutralise_cell("C1")
    ("'=1+1", "'-2", 'C1')
    """
    if value and value[0] in FORMULA_TRIGGERS:
        return "'" + value
    return value


def _escape_control(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


def printable(text: str) -> str:
    r"""Return ``text`` with control characters shown as escapes (``\x1b``, ``\r``, ``\u202e``).

    Line feeds and tabs are kept: they are the layout of the tool's own text output.

    >>> printable("C1\x1b[2J\r")
    'C1\\x1b[2J\\r'
    """
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded.translate(None, _MAYBE_CONTROL)) == len(encoded):
        return text  # no byte any control character could begin with: a fast C scan
    return _CONTROL.sub(_escape_control, text)


#: Every UTF-8 byte a character of ``_CONTROL`` can begin with: the ASCII controls but tab
#: and line feed, DEL, and the lead bytes of the C1 controls (0xC2), of the Arabic letter
#: mark (0xD8), and of the marks, separators, embeddings, overrides and isolates (0xE2).
_MAYBE_CONTROL = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0xC2, 0xD8, 0xE2])


def html_text(text: str) -> str:
    r"""Return ``text`` for HTML: controls shown as :func:`printable` shows them, then escaped.

    The escaping is :func:`html.escape`'s (quotes too, so it is safe in an attribute); a
    bidirectional override or isolate is shown as ``\u202e``, never passed to the browser.

    >>> html_text("<b>\u202eevil")
    '&lt;b&gt;\\u202eevil'
    """
    return html.escape(printable(text))


def printable_line(text: str) -> str:
    r"""Return :func:`printable` ``text`` on one line: line feeds and tabs are escaped too."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


class CsvWriter:
    """A CSV writer whose every cell is neutralised: the only way the tool writes CSV."""

    def __init__(self, handle: TextIO) -> None:
        # RFC 4180 line ends: with "\n" alone, csv would leave a value holding a bare
        # carriage return unquoted, and readers would split the row there.
        self._writer = csv.writer(handle, lineterminator="\r\n")

    def writerow(self, cells: Iterable[object]) -> None:
        """Write one row; ``None`` is written as an empty cell."""
        self._writer.writerow(
            [neutralise_cell("" if cell is None else str(cell)) for cell in cells]
        )

    def writerows_as_they_are(self, rows: Iterable[Sequence[str]]) -> None:
        """Write rows of text that the caller has already neutralised, column by column."""
        self._writer.writerows(rows)


def csv_text(fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """Return CSV (RFC 4180): a header of ``fields``, then a line per row, all neutralised."""
    buffer = io.StringIO()
    writer = CsvWriter(buffer)
    writer.writerow(fields)
    for row in rows:
        writer.writerow(row.get(field) for field in fields)
    return buffer.getvalue()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


#: The signals that end a run by default: while a temporary file exists, each raises
#: :class:`SystemExit` instead (status 128 + the signal, as the shell reports a process the
#: signal ended), so that the file is removed on the way out.
_STOPPING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


def _stop(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


@contextlib.contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """Let SIGTERM, SIGHUP (and SIGINT, if not already an exception) end the run cleanly.

    Only signals left at their default are taken over (an application's own handlers are
    kept; Python's SIGINT already raises :class:`KeyboardInterrupt`), only in the main
    thread (the only one that may), and only until the block ends.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    taken = {
        number: signal.signal(number, _stop)
        for number in _STOPPING
        if signal.getsignal(number) is signal.SIG_DFL
    }
    try:
        yield
    finally:
        for number, handler in taken.items():
            signal.signal(number, handler)


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_file(
    path: str | Path, text: str | Iterable[bytes], *, inputs: Iterable[str | Path | None] = ()
) -> None:
    """Write ``text`` (UTF-8, or pieces of bytes) to ``path`` atomically, never over ``inputs``.

    A symbolic link as ``path`` is followed: the file it names is replaced. A target that
    exists and is not a regular file (``/dev/stdout``, a named pipe) is written in place.

    :raises OutputError: if ``path`` is one of ``inputs``, its folder does not exist, or it
        cannot be written; the message names the path and says why.
    """
    shown = str(path)
    target = Path(os.path.realpath(path))
    for source in inputs:
        if source is None or str(source) == "-":
            continue
        if _same_file(target, Path(source)):
            raise OutputError(
                f"refusing to write {shown}: it is the input file {source}; "
                "choose another output file"
            )
    folder = target.parent
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"cannot write {shown}: {folder} {why}")
    pieces = [text.encode("utf-8")] if isinstance(text, str) else text
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror}") from None
    try:
        if existing is not None and stat.S_ISDIR(existing.st_mode):
            raise OutputError(f"cannot write {shown}: it is a folder")
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            with target.open("wb") as handle:
                handle.writelines(pieces)
            return
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else _new_file_mode()
        with _stopped_cleanly():
            descriptor, temporary = tempfile.mkstemp(
                dir=folder, prefix=f".{target.name}.", suffix=".part"
            )
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.writelines(pieces)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(temporary, mode)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None
