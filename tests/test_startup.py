"""Start-up is cheap: asking for help loads neither the NLP stack nor the batch machinery."""

from __future__ import annotations

import subprocess
import sys

import pytest

from batch_helpers import ROOT, cli_env

# Packages that --help must not load: the NLP stack, validation, and what only a run needs.
HEAVY = ("underthesea", "spacy", "pydantic", "regex", "numpy", "torch", "sklearn", "yaml",
         "jsonschema", "tqdm", "dask", "distributed", "multiprocessing")

_PROBE = """
import sys
from ocop_extract.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print("LOADED", *sorted({{name.split(".")[0] for name in sys.modules}}))
"""


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"], ["--version"], ["corpus", "--help"]])
def test_help_does_not_import_heavy_packages(argv: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-c", _PROBE.format(argv=argv)], capture_output=True,
                          text=True, env=cli_env(), cwd=ROOT, check=True)
    loaded = set(proc.stdout.rsplit("LOADED", 1)[1].split())
    assert "ocop_extract" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_python_m_help_imports_nothing_heavy() -> None:
    """The real entry point, as `python -X importtime -m ocop_extract --help` reports it."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "ocop_extract", "--help"],
                          capture_output=True, text=True, env=cli_env(), cwd=ROOT)
    assert proc.returncode == 0 and "usage:" in proc.stdout
    imported = {line.rsplit("|", 1)[1].strip().split(".")[0]
                for line in proc.stderr.splitlines() if line.startswith("import time:") and "|" in line}
    assert "ocop_extract" in imported
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))


# The libraries of the non-text readers: neither --help nor a run over .txt files may load them.
FORMAT_LIBRARIES = ("pypdfium2", "pypdfium2_raw", "docx", "docx2python", "trafilatura", "lxml", "lxml_html_clean",
                    "htmldate", "selectolax", "fpdf", "PIL", "pytesseract", "charset_normalizer")


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"]])
def test_help_does_not_import_format_readers(argv: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-c", _PROBE.format(argv=argv)], capture_output=True,
                          text=True, env=cli_env(), cwd=ROOT, check=True)
    loaded = set(proc.stdout.rsplit("LOADED", 1)[1].split())
    assert loaded.isdisjoint(FORMAT_LIBRARIES), sorted(loaded & set(FORMAT_LIBRARIES))


def test_txt_run_imports_no_format_reader(tmp_path) -> None:
    """A whole run over plain text, in this process, loads the NLP rules but no PDF, Word or HTML library."""
    out = tmp_path / "out.jsonl"
    argv = ["run", "corpus/004_d1491496f308dd18.txt", "-o", str(out), "--workers", "1", "--text-dir", str(tmp_path)]
    proc = subprocess.run([sys.executable, "-c", _PROBE.format(argv=argv)], capture_output=True,
                          text=True, env=cli_env(), cwd=ROOT, check=True)
    loaded = set(proc.stdout.rsplit("LOADED", 1)[1].split())
    assert "regex" in loaded and out.exists()  # the run did happen here
    assert loaded.isdisjoint(FORMAT_LIBRARIES), sorted(loaded & set(FORMAT_LIBRARIES))
