"""Where a reader's bytes come from: a file, standard input (``-``), a pipe or a device.

Every reader opens its input through :func:`open_input`. A regular file is read by path.
Standard input, ``/dev/stdin``, a named pipe or a process substitution (``<(...)``) cannot
be read twice or seeked, so it is read once, whole, into memory. An input is JSON
lines if its name ends ``.jsonl`` or ``.ndjson`` or its first non-blank character is ``{``,
else CSV.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

from .problems import InputErrors, InputProblem

__all__ = [
    "OLE2",
    "STDIN",
    "InputSource",
    "open_input",
    "starts_like_workbook",
    "starts_like_xml",
]

#: The name that means standard input, as Unix tools use it.
STDIN = "-"
#: How problems name standard input.
STDIN_NAME = "standard input"

_JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: How many first bytes are kept to recognise a file by.
_HEAD = 512


@attrs.frozen(kw_only=True)
class InputSource:
    """An input ready to read: a regular file by path, or the bytes of anything else."""

    #: The name problems give for it: the path as given, or ``standard input``.
    name: str
    #: The regular file to read, if it is one.
    path: Path | None
    #: The whole content, for standard input, a pipe or a device.
    data: bytes | None
    #: Whether it holds JSON lines (else CSV).
    json_lines: bool
    #: Its first bytes (up to 512), read when it was opened: what kind of file it is.
    head: bytes = b""

    def open_binary(self) -> BinaryIO:
        """Open it for reading bytes from the start (each call starts again)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    @contextlib.contextmanager
    def as_path(self) -> Iterator[Path]:
        """Give a path to read it by: the file itself, or a private temporary copy.

        For standard input or a pipe, the bytes go to a file only the current user can
        read, in a new temporary folder removed as soon as the caller is done.
        """
        if self.path is not None:
            yield self.path
            return
        assert self.data is not None
        with tempfile.TemporaryDirectory(prefix="safeguarding-rules-") as folder:
            copy = Path(folder) / "input"
            descriptor = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(self.data)
            yield copy

    def read_bytes(self) -> bytes:
        """Return the whole content."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()


def _cannot_read(name: str, why: str) -> InputErrors:
    return InputErrors([InputProblem(name, 0, None, None, f"cannot read: {why}")])


def _looks_like_json_lines(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def open_input(path: str | Path | InputSource, *, stdin: BinaryIO | None = None) -> InputSource:
    """Resolve ``path`` (``-`` for standard input) to an :class:`InputSource`.

    An :class:`InputSource` is returned as it is, so a reader can take either.

    :param stdin: the stream ``-`` reads (default: the process's standard input).
    :raises InputErrors: naming the path, if it does not exist, is a folder or cannot be read.
    """
    if isinstance(path, InputSource):
        return path
    name = str(path)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read()
        except OSError as error:
            raise _cannot_read(name, error.strerror or str(error)) from None
        return InputSource(
            name=STDIN_NAME,
            path=None,
            data=data,
            json_lines=_looks_like_json_lines(data),
            head=data[:_HEAD],
        )
    file = Path(path)
    try:
        mode = os.stat(file).st_mode
    except OSError as error:
        raise _cannot_read(name, error.strerror or str(error)) from None
    if stat.S_ISDIR(mode):
        raise _cannot_read(name, "it is a folder, not a file")
    if stat.S_ISREG(mode):
        try:
            with file.open("rb") as handle:
                start = handle.read(_HEAD)
        except OSError as error:
            raise _cannot_read(name, error.strerror or str(error)) from None
        json_lines = file.suffix.lower() in _JSON_LINES_SUFFIXES or _looks_like_json_lines(start)
        return InputSource(name=name, path=file, data=None, json_lines=json_lines, head=start)
    try:
        with file.open("rb") as handle:
            data = handle.read()
    except OSError as error:
        raise _cannot_read(name, error.strerror or str(error)) from None
    json_lines = file.suffix.lower() in _JSON_LINES_SUFFIXES or _looks_like_json_lines(data)
    return InputSource(name=name, path=None, data=data, json_lines=json_lines, head=data[:_HEAD])


#: The first bytes of an OLE2 container (an old ``.xls`` workbook).
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def starts_like_workbook(start: bytes) -> bool:
    """Whether these first bytes are a zip (``.xlsx``, ``.ods``) or OLE2 (``.xls``) file's."""
    return start[:4] == b"PK\x03\x04" or start[:8] == OLE2


#: Byte order marks, longest first (UTF-32's little-endian mark begins like UTF-16's).
_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xef\xbb\xbf", "utf-8"),
)


def starts_like_xml(start: bytes) -> bool:
    """Whether these first bytes begin an XML document (``<``), in whatever encoding.

    The encoding is found as the XML specification's appendix F finds it: from the byte
    order mark, else from the pattern of zero bytes that ``<`` (or ``<?``) makes in UTF-16
    and UTF-32, else from EBCDIC's ``<?xm``; anything else is read as ASCII-compatible.
    """
    codec, mark = xml_codec(start)
    return start[mark:].decode(codec, "ignore").lstrip().startswith("<")


def xml_codec(start: bytes) -> tuple[str, int]:
    """Return the encoding an XML document's first bytes show, and its byte order mark's length.

    As :func:`starts_like_xml` finds it (the XML specification's appendix F).
    """
    marked = [(mark, codec) for mark, codec in _MARKS if start.startswith(mark)]
    mark, codec = marked[0] if marked else (b"", _codec_without_mark(start[:4]))
    return codec, len(mark)


def _codec_without_mark(first: bytes) -> str:
    if first == b"\x4c\x6f\xa7\x94":
        return "cp500"  # EBCDIC "<?xm"
    zeros = "".join("0" if byte == 0 else "x" for byte in first)
    return {"000x": "utf-32-be", "x000": "utf-32-le", "0x0x": "utf-16-be", "x0x0": "utf-16-le"}.get(
        zeros, "latin-1"
    )
