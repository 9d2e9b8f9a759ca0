"""Which format a file is in: by its first bytes, then by its name.

>>> sniff(b"%PDF-1.7\\n...", "plan.txt")
'pdf'
>>> sniff(b"<!DOCTYPE html><html lang='vi'>", "page")
'html'
>>> sniff("Kế hoạch số 57/KH-UBND".encode(), "57.htm")
'txt'
>>> sniff(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1", "x")
'doc'
"""

from __future__ import annotations

import re
from pathlib import PurePath

_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".html": "html", ".htm": "html",
               ".xhtml": "html", ".txt": "txt"}


def sniff(data: bytes, path: str = "") -> str:
    """One of txt, html, pdf, docx, doc: the content decides; the extension only for what content cannot tell."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in head[:1024] and b"%%EOF" in data[-2048:]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or _ext(path) == "docx" else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "html"
    ext = _ext(path)
    if ext == "html" and b"<" in head:
        return "html"
    return "txt"


def _ext(path: str) -> str | None:
    return _EXTENSIONS.get(PurePath(path).suffix.lower())
