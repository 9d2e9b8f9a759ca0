"""Accuracy by input format: every annotated document rendered into each format and scored against the same gold.

    python bench/formats.py                       # every set, every format but scans
    python bench/formats.py --formats scan        # scans at 200 dpi (OCR: minutes)
    python bench/formats.py --sets devset --formats html,pdf --keep /tmp/rendered

Each set's documents are written as HTML pages with furniture, Word files,
justified PDFs with running headers and page numbers, scans of those PDFs,
and the legacy encodings, under the same file stems; `python -m ocop_extract
evaluate --json` scores each folder against the set's gold (a quote may
differ from the extracted text only in white space). Printed: per set and
format, target F1, the field accuracies and document fields, and the
difference from the same set as `.txt`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from format_render import to_docx, to_html, to_pdf, to_scan  # noqa: E402

from ocop_extract.formats import legacy  # noqa: E402

GOLD = ROOT / "tests" / "gold"
SETS = {
    "seeds": (GOLD / "seeds.gold.jsonl", ROOT / "corpus"),
    "devset": (GOLD / "devset.gold.jsonl", GOLD / "devset"),
    "holdout": (GOLD / "holdout" / "gold.jsonl", GOLD / "holdout" / "docs"),
    "holdout2": (GOLD / "holdout2" / "gold.jsonl", GOLD / "holdout2" / "docs"),
    "holdout3": (GOLD / "holdout3" / "gold.jsonl", GOLD / "holdout3" / "docs"),
}
FIELDS = ("comparator", "unit", "stars", "year", "status")


def _tcvn3_docx(text: str) -> bytes:
    return to_docx(text, font=".VnTime", encode=lambda s: legacy.encode(s, "tcvn3").decode("cp1252"))


RENDER = {  # format -> (extension, text -> bytes)
    "txt": (".txt", lambda t: t.encode("utf-8")),
    "html": (".html", to_html),
    "html-divs": (".html", lambda t: to_html(t, semantic=False)),
    "html-cp1258": (".html", lambda t: _cp1258_html(t)),
    "docx": (".docx", to_docx),
    "docx-tcvn3": (".docx", _tcvn3_docx),
    "pdf": (".pdf", to_pdf),
    "scan": (".pdf", lambda t: to_scan(to_pdf(t), dpi=200)),
    "utf16": (".txt", lambda t: t.encode("utf-16")),
    "tcvn3": (".txt", lambda t: legacy.encode(t, "tcvn3")),
    "vni": (".txt", lambda t: legacy.encode(t, "vni")),
    "cp1258": (".txt", lambda t: legacy.encode(t, "cp1258")),
}


def selectolax_text(page: bytes) -> str:
    """The faster candidate for HTML: selectolax (lexbor) and tag rules of our own, no scoring of blocks.

    Drops script, style, nav, header, footer, aside and form; keeps `<article>`
    (else `<main>`, else `<body>`); one line per heading, paragraph, list item
    and table row ("a | b | c").
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page.decode("utf-8", errors="replace"))
    for tag in ("script", "style", "nav", "header", "footer", "aside", "form", "noscript"):
        for node in tree.css(tag):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    title = tree.css_first("h1") or tree.css_first("title")
    lines = [title.text(strip=True)] if title is not None and not root.css_first("h1") else []
    for node in root.css("h1, h2, h3, h4, p, li, tr"):
        if node.tag == "tr":
            lines.append(" | ".join(cell.text(strip=True) for cell in node.css("td, th")))
        elif node.parent is None or node.parent.tag not in ("td", "th"):
            lines.append(" ".join(node.text().split()))
    return "\n".join(line for line in lines if line)


def score_html_extractors(name: str, top: Path) -> list[str]:
    """trafilatura (the reader) against selectolax with own rules: accuracy on the set, and speed."""
    from ocop_extract.formats import read

    out = []
    for semantic, label, extract in ((s, label, extract) for s in (True, False) for label, extract in
                                     (("trafilatura", lambda d: read(d, "x.html").text),
                                      ("selectolax", selectolax_text))):
        pages = {doc.stem: to_html(doc.read_text(encoding="utf-8"), semantic=semantic)
                 for doc in sorted(SETS[name][1].glob("*.txt"))}
        label = f"{label}, {'semantic tags' if semantic else 'divs only'}"
        folder = top / name / f"html-{label}-text".replace(", ", "-").replace(" ", "-")
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        texts = {stem: extract(data) for stem, data in pages.items()}
        seconds = time.perf_counter() - started
        for stem, text in texts.items():
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        chars = sum(len(d) for d in pages.values())
        out.append(row(name, f"html via {label} ({chars / seconds:,.0f} chars/s)", score(name, folder), None))
    return out


def _cp1258_html(text: str) -> bytes:
    page = to_html(text, charset="windows-1258").decode("windows-1258", errors="replace")
    return legacy.encode(page.replace("\ufffd", "?"), "cp1258")


def render(name: str, fmt: str, folder: Path) -> float:
    """Write every document of set `name` in format `fmt` into `folder`; the seconds it took."""
    ext, make = RENDER[fmt]
    started = time.perf_counter()
    for doc in sorted(SETS[name][1].glob("*.txt")):
        (folder / f"{doc.stem}{ext}").write_bytes(make(doc.read_text(encoding="utf-8")))
    return time.perf_counter() - started


def score(name: str, folder: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "ocop_extract", "evaluate", "--gold", str(SETS[name][0]),
                           str(folder), "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout)


def row(name: str, fmt: str, result: dict, base: dict | None) -> str:
    f1 = result["targets"]["f1"]
    fields = [result["fields"][f] for f in FIELDS]
    docs = result["documents"]["accuracy"]
    cells = [name, fmt, f"{f1:.3f}", *(f"{v:.3f}" for v in fields), f"{docs:.3f}"]
    if base is not None:
        worst = min([f1 - base["targets"]["f1"], docs - base["documents"]["accuracy"]]
                    + [result["fields"][f] - base["fields"][f] for f in FIELDS])
        cells.append(f"{worst:+.3f}")
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--formats", default="html,html-divs,html-cp1258,docx,docx-tcvn3,pdf,utf16,tcvn3,vni,cp1258")
    parser.add_argument("--keep", help="write the rendered files here instead of a temporary folder")
    parser.add_argument("--html-extractors", action="store_true",
                        help="also score trafilatura against selectolax with own rules on the same pages")
    args = parser.parse_args()
    print("| set | format | F1 | " + " | ".join(FIELDS) + " | documents | worst Δ vs txt |")
    print("|---" * (len(FIELDS) + 6) + "|")
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(args.keep or scratch)
        for name in args.sets.split(","):
            base = score(name, SETS[name][1])
            print(row(name, "txt", base, None), flush=True)
            for fmt in args.formats.split(","):
                folder = top / name / fmt
                folder.mkdir(parents=True, exist_ok=True)
                render(name, fmt, folder)
                print(row(name, fmt, score(name, folder), base), flush=True)
            if args.html_extractors:
                print("\n".join(score_html_extractors(name, top)), flush=True)


if __name__ == "__main__":
    main()
