"""Plain text files: UTF-8, UTF-16, and the legacy Vietnamese byte encodings, to Unicode.

UTF-8 (with or without a byte-order mark) is read as it is. UTF-16 is known
by its byte-order mark or by the NUL bytes of its ASCII half. Bytes that are
not UTF-8 are tried as TCVN3, VNI-Windows and Windows-1258, and the one
whose text holds the most common Vietnamese words wins (`guess_legacy`).

>>> decode_text("Kế hoạch".encode("utf-8"))
('Kế hoạch', 'utf-8')
>>> decode_text("Kế hoạch".encode("utf-16-le"))
('Kế hoạch', 'utf-16-le')
>>> from ocop_extract.formats.legacy import encode
>>> decode_text(encode("Năm 2024, tỉnh có thêm 30 sản phẩm được công nhận.", "vni"))
('Năm 2024, tỉnh có thêm 30 sản phẩm được công nhận.', 'vni')
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import BinaryInput, EmptyInput, UndecodableInput
from . import legacy

# Control characters that do not occur in text files (all below 32 but \t \n \v \f \r).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")
# Frequent Vietnamese words with marks: a wrong decoding spells almost none of them.
_WORDS = re.compile(
    r"\b(?:của|và|các|được|những|trong|năm|người|với|cho|đã|có|là|một|này|đến|sản|phẩm|tỉnh|"
    r"huyện|xã|thực|hiện|kế|hoạch|phát|triển|nông|thôn|chương|trình|đạt|số|về|từ|theo|tiêu|chí)\b")
_MIN_WORDS = 3  # fewer than this in the first 64 KB: not a legacy Vietnamese text


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode document bytes to text; return the text and the encoding used."""
    if not data.strip():
        raise EmptyInput("the file is empty")
    utf16 = _utf16_encoding(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"bad UTF-16 at byte {exc.start}") from exc
        return checked_text(unicodedata.normalize("NFC", text.lstrip("\ufeff"))), utf16
    if b"\x00" in data[:4096]:
        raise BinaryInput("the file holds NUL bytes: it is binary, not text")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        guess = guess_legacy(data)
        if guess is None:
            raise UndecodableInput(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
        return checked_text(legacy.decode(data, guess)), guess
    return checked_text(text), encoding


def _utf16_encoding(data: bytes) -> str | None:
    """'utf-16' for a byte-order mark, 'utf-16-le'/'-be' for BOM-less text of mostly ASCII letters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 8 and len(head) % 2 == 0:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) * 0.3 and even == 0:
            return "utf-16-le"
        if even > len(head) * 0.3 and odd == 0:
            return "utf-16-be"
    return None


def guess_legacy(data: bytes) -> str | None:
    """The legacy encoding in which `data` reads as Vietnamese, or None.

    >>> from ocop_extract.formats.legacy import encode
    >>> guess_legacy(encode("Kế hoạch phát triển sản phẩm của tỉnh", "tcvn3"))
    'tcvn3'
    >>> guess_legacy("Größe".encode("cp1252")) is None
    True
    """
    sample = data[:65536]
    scores = {enc: len(_WORDS.findall(legacy.decode(sample, enc).lower())) for enc in legacy.ENCODINGS}
    best = max(scores, key=scores.get)
    return best if scores[best] >= _MIN_WORDS else None


def checked_text(text: str) -> str:
    if not text.strip():
        raise EmptyInput("the file holds only white space")
    controls = len(_CONTROLS.findall(text, 0, 4096))
    if controls > 8:
        raise BinaryInput(f"{controls} control characters in the first 4096: binary, not text")
    return text


def encoding_warning(encoding: str) -> str | None:
    """The warning a record carries when its text was converted from a legacy encoding.

    >>> encoding_warning("tcvn3")
    'decoded from the legacy TCVN3 (ABC) encoding and converted to Unicode NFC'
    >>> encoding_warning("utf-8") is None
    True
    """
    label = legacy.LABELS.get(encoding)
    return f"decoded from the legacy {label} encoding and converted to Unicode NFC" if label else None
