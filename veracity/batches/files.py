"""Files on disk: ``<data_dir>/files/<file_id>``, written to ``.part`` then fsynced and renamed.

A file is either whole under its final name or absent: a crash mid-write leaves only a
``.part`` file, which is never served.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class FileStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, file_id: str) -> Path:
        return self.root / file_id

    def _open(self, path: Path) -> BinaryIO:
        """Open a new file for writing (the one place a test injects a disk fault)."""
        return path.open("wb")

    @contextmanager
    def writer(self, file_id: str) -> Iterator[BinaryIO]:
        """Write a new file; it appears under its name only once complete and on disk."""
        self.root.mkdir(parents=True, exist_ok=True)
        final = self.path(file_id)
        part = final.with_name(final.name + ".part")
        fh = self._open(part)
        try:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        except BaseException:
            _close_quietly(fh)
            part.unlink(missing_ok=True)
            raise
        fh.close()
        os.replace(part, final)

    def delete(self, file_id: str) -> None:
        self.path(file_id).unlink(missing_ok=True)

    def lines(self, file_id: str) -> Iterator[tuple[int, bytes]]:
        """The file's non-blank lines with their 1-based line numbers, read as a stream."""
        with self.path(file_id).open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                if raw.strip():
                    yield number, raw


def _close_quietly(fh: BinaryIO) -> None:
    try:
        fh.close()
    except OSError:
        pass
