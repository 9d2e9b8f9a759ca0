"""Word 97 files: read through antiword or LibreOffice, or an error record saying what to install."""

from __future__ import annotations

import shutil

import pytest

from ocop_extract.errors import CorruptInput, EncryptedInput, MissingTool
from ocop_extract.formats import read
from ocop_extract.pipeline import process_bytes

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_without_antiword_or_libreoffice_the_error_names_them(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    record = process_bytes("cu", OLE + b"\x00" * 1024, "cu.doc")
    assert record.error is not None and record.error.type == "missing_dependency"
    assert "antiword" in record.error.message and "libreoffice" in record.error.message.lower()


@pytest.mark.skipif(shutil.which("antiword") is None and shutil.which("soffice") is None,
                    reason="neither antiword nor LibreOffice is installed")
def test_an_ole_file_that_is_not_a_word_document_is_corrupt() -> None:
    with pytest.raises(CorruptInput):
        read(OLE + b"\x00" * 2048, "hong.doc")


def test_an_encrypted_office_file_is_told_apart() -> None:
    data = OLE + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    with pytest.raises(EncryptedInput):
        read(data, "khoa.docx")
