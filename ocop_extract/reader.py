"""Reading one input file into text: bytes, decoding, and the reasons it can fail.

>>> decode_bytes("Kế hoạch".encode("utf-8"))
('Kế hoạch', 'utf-8')
>>> decode_bytes(b"\\xef\\xbb\\xbfOCOP")
('OCOP', 'utf-8-sig')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import BinaryInput, EmptyInput, UndecodableInput, UnreadableInput

# Control characters that do not occur in text files (all below 32 but \t \n \v \f \r).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


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
    """Decode document bytes to text; return the text and the encoding used."""
    if not data.strip():
        raise EmptyInput("the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"bad UTF-16 at byte {exc.start}") from exc
    if b"\x00" in data[:4096]:
        raise BinaryInput("the file holds NUL bytes: it is binary, not text")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableInput(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    if not text.strip():
        raise EmptyInput("the file holds only white space")
    controls = len(_CONTROLS.findall(text, 0, 4096))
    if controls > 8:
        raise BinaryInput(f"{controls} control characters in the first 4096: binary, not text")
    return text, encoding
