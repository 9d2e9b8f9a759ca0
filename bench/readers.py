"""Reader speed by format: pages per second for text PDFs and for OCR, characters per second for HTML pages.

    python bench/readers.py --docs 50 --scans 4

Documents of the synthetic corpus (`synth.py`) are rendered as the tests
render them (`tests/format_render.py`): HTML pages with furniture, justified
PDFs, and scans of those PDFs at 200 dpi. Only the reader is timed
(`ocop_extract.formats.read`: what a run does before extraction), warm, in
this process; `bench/run.py` prints the same figures after its own.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests")]

import synth  # noqa: E402
from format_render import to_html, to_pdf, to_scan  # noqa: E402


def _pages(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _time_reads(files: list[tuple[str, bytes]]) -> float:
    from ocop_extract.formats import read

    read(files[0][1] + b" ", files[0][0])  # warm: imports and first use are not counted
    started = time.perf_counter()
    for path, data in files:
        read(data, path)
    return time.perf_counter() - started


def reader_figures(texts: list[str], scans: int) -> list[str]:
    """One line per format: how fast its reader is on these texts."""
    pages = [(f"d{i}.html", to_html(t)) for i, t in enumerate(texts)]
    pdfs = [(f"d{i}.pdf", to_pdf(t)) for i, t in enumerate(texts)]
    scanned = [(f"s{i}.pdf", to_scan(data, dpi=200)) for i, (_, data) in enumerate(pdfs[:scans])]
    html_chars = sum(len(d.decode("utf-8")) for _, d in pages)
    html_s = _time_reads(pages)
    pdf_pages = sum(_pages(d) for _, d in pdfs)
    pdf_s = _time_reads(pdfs)
    lines = [f"HTML (trafilatura): {len(pages)} pages, {html_chars / html_s:,.0f} chars/s of HTML, "
             f"{len(pages) / html_s:,.1f} pages/s",
             f"text PDF (pypdfium2): {pdf_pages} pages, {pdf_pages / pdf_s:,.1f} pages/s"]
    if scanned:
        ocr_pages = sum(_pages(d) for _, d in scanned)
        ocr_s = _time_reads(scanned)
        lines.append(f"scanned PDF (Tesseract vie, 300 dpi render): {ocr_pages} pages, {ocr_pages / ocr_s:,.2f} pages/s "
                     f"({ocr_s / ocr_pages:.1f} s/page, one core)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=50, help="documents rendered as HTML and PDF")
    parser.add_argument("--scans", type=int, default=4, help="of those, PDFs also scanned and read by OCR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ocop_readers_") as tmp:
        synth.build(Path(tmp), args.docs)
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).rglob("*.txt"))][: args.docs]
    for line in reader_figures(texts, args.scans):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
