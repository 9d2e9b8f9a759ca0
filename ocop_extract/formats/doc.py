"""Word 97-2003 files (.doc), through antiword or LibreOffice when one is installed.

Neither is a Python package: without both, the record's error names what to
install. An encrypted .docx is also an OLE file; it is told apart here.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorruptInput, EncryptedInput, MissingTool, TimeLimit

if TYPE_CHECKING:
    from . import Extracted, Limits

INSTALL = "reading .doc files needs antiword (apt-get install antiword) or LibreOffice (apt-get install libreoffice-writer)"


def read(data: bytes, path: str, limits: "Limits") -> "Extracted":
    """The text of a .doc; raises `MissingTool`, `EncryptedInput`, `CorruptInput` or `TimeLimit`."""
    from . import Extracted
    from .text import checked_text

    if "EncryptedPackage".encode("utf-16-le") in data[:65536] or b"EncryptedPackage" in data[:65536]:
        raise EncryptedInput("the Word file is password-protected")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "document.doc")
        source.write_bytes(data)
        if shutil.which("antiword"):
            text = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)], limits)
        elif shutil.which("soffice"):
            _run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder,
                  str(source)], limits)
            out = Path(folder, "document.txt")
            if not out.exists():
                raise CorruptInput("LibreOffice could not convert the .doc file")
            text = out.read_text(encoding="utf-8-sig")
        else:
            raise MissingTool(INSTALL)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return Extracted(checked_text("\n".join(lines).strip("\n")), "doc")


def _run(command: list[str], limits: "Limits") -> str:
    try:
        proc = subprocess.run(command, capture_output=True, timeout=limits.seconds)
    except subprocess.TimeoutExpired as exc:
        raise TimeLimit(f"{command[0]} took over {limits.seconds:g} s (--time-limit)") from exc
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise CorruptInput(f"{command[0]} cannot read the file: {reason[-1] if reason else 'damaged or not a .doc'}")
    return proc.stdout.decode("utf-8", errors="replace")
