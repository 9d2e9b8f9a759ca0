"""Reading one input file: its bytes, and the reasons it can fail; the formats live in `ocop_extract.formats`.

>>> decode_bytes("Kế hoạch".encode("utf-8"))
('Kế hoạch', 'utf-8')
>>> decode_bytes(b"\\xef\\xbb\\xbfOCOP")
('OCOP', 'utf-8-sig')
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import UnreadableInput
from .formats import Extracted, Limits, read
from .formats.text import decode_text

__all__ = ["Extracted", "Limits", "RawDocument", "decode_bytes", "read", "read_file"]


@dataclass(frozen=True)
class RawDocument:
    """The bytes of one input file and where they came from."""

    path: str
    data: bytes

    @property
    def doc_id(self) -> str:
        return Path(self.path).stem

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_file(path: str | Path) -> RawDocument:
    """Read a file's bytes; raise `UnreadableInput` with the reason when it cannot be read."""
    try:
        return RawDocument(str(path), Path(path).read_bytes())
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from exc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode plain-text bytes (UTF-8, UTF-16, legacy Vietnamese encodings); the text and its encoding."""
    return decode_text(data)
