"""Real files of every input format, made from a plain text: what a researcher's downloads look like.

Each renderer takes the text of an annotated document and writes it the way
the format is met in the wild: a news page with its furniture (menu, clock,
share bar, "Tin liên quan", footer), a Word file with a header, a footer and
tables, a justified PDF with a running header and page numbers, that PDF
rasterised as a scan, and the legacy byte encodings. Lines "a | b | c" are
table rows, and become tables where the format has them.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FURNITURE_RELATED = ("Năm 2025, Quảng Ngãi phấn đấu có thêm 40 sản phẩm OCOP",
                     "Hà Tĩnh: 95% số xã đạt chuẩn nông thôn mới trước năm 2025",
                     "Hỗ trợ 500 triệu đồng cho mỗi sản phẩm OCOP 5 sao")


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """The text as ("line", [text]), ("blank", []) and ("table", [rows]) blocks, in order.

    >>> blocks("A\\n\\nSTT | Chỉ tiêu | 2024\\n1 | OCOP | 30\\nB")
    [('line', ['A']), ('blank', []), ('table', ['STT | Chỉ tiêu | 2024', '1 | OCOP | 30']), ('line', ['B'])]
    """
    out: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        kind = "table" if line.count(" | ") >= 2 else "line" if line.strip() else "blank"
        if kind == "table" and out and out[-1][0] == "table":
            out[-1][1].append(line)
        else:
            out.append((kind, [line] if kind != "blank" else []))
    return out


def to_html(text: str, charset: str = "utf-8", meta_date: str | None = None, semantic: bool = True) -> bytes:
    """A saved news page: the text as the article, inside a portal's menus, clock, related links and footer.

    `semantic=False` writes the page as many portals do, with `<div>`s only (no
    `<nav>`, `<article>`, `<aside>`, `<footer>`).
    """
    title = next((line for line in text.split("\n") if line.strip()), "Tin tức")
    body = []
    for kind, lines in blocks(text):
        if kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in r.split(" | ")) + "</tr>"
                           for r in lines)
            body.append(f"<table>{rows}</table>")
        elif kind == "line":
            body.append(f"<p>{html.escape(lines[0])}</p>")
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    related = "".join(f'<li><a href="/tin/{i}.html">{html.escape(t)}</a></li>' for i, t in enumerate(FURNITURE_RELATED))
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>{html.escape(title)} - Báo điện tử tỉnh</title>{meta}
<script>var clock = "Thứ Sáu, 04/12/2026 10:20"; window.ads = [300, 250];</script></head>
<body><header><div class="clock">Thứ Sáu, 04/12/2026 10:20 GMT+7</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li>
<li><a href="/nong-nghiep">Nông nghiệp - Nông thôn</a></li><li><a href="/ocop">OCOP</a></li></ul></nav></header>
<main><article><div class="content">{"".join(body)}</div>
<div class="share">Chia sẻ: Facebook | Zalo | Twitter | In bài</div></article>
<aside><h3>Tin liên quan</h3><ul>{related}</ul></aside></main>
<footer><p>Báo điện tử tỉnh. Giấy phép số 12/GP-BTTTT ngày 05/01/2021. Tổng biên tập: Nguyễn Văn A.</p>
<p>Địa chỉ: 36 đường Hùng Vương. Điện thoại: 0260 3812 345.</p></footer></body></html>"""
    if not semantic:
        for tag in ("header", "nav", "main", "article", "aside", "footer"):
            page = page.replace(f"<{tag}>", f'<div class="{tag}-box">').replace(f"</{tag}>", "</div>")
        page = page.replace("<h3>Tin liên quan</h3>", '<div class="title">Tin liên quan</div>')
    return page.encode(charset, errors="xmlcharrefreplace")


def to_docx(text: str, font: str | None = None, encode=None) -> bytes:
    """A Word file: paragraphs, tables for "a | b" rows, a header and a footer; `encode` writes runs in a legacy font."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ủy ban nhân dân tỉnh - văn bản điện tử"
    section.footer.paragraphs[0].text = "Trang 1"
    for kind, lines in blocks(text):
        if kind == "table":
            cells = [r.split(" | ") for r in lines]
            table = document.add_table(rows=len(cells), cols=max(map(len, cells)))
            for row, values in zip(table.rows, cells):
                for cell, value in zip(row.cells, values):
                    cell.text = value.strip()
        elif kind == "line":
            run = document.add_paragraph().add_run(encode(lines[0]) if encode else lines[0])
            if font:
                run.font.name = font
        else:
            document.add_paragraph()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(text: str, header: str = "Cổng thông tin điện tử tỉnh") -> bytes:
    """A justified A4 PDF in DejaVu Serif: a running header, "Trang n/N" at the foot, tables drawn as tables."""
    from fpdf import FPDF

    class Page(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, header, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", size=9)
            self.cell(0, 10, f"Trang {self.page_no()}/{{nb}}", align="C")

    pdf = Page(format="A4")
    pdf.add_font("DejaVu", "", str(DEJAVU / "DejaVuSerif.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    for kind, lines in blocks(text):
        if kind == "table":
            pdf.set_font("DejaVu", size=9)
            with pdf.table(text_align="LEFT", line_height=5, first_row_as_headings=False) as table:
                for r in lines:
                    row = table.row()
                    for value in r.split(" | "):
                        row.cell(value.strip())
            pdf.set_font("DejaVu", size=11)
        elif kind == "line":
            pdf.multi_cell(0, 6, lines[0], align="J", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(6)
    return bytes(pdf.output())


def to_scan(pdf_bytes: bytes, dpi: int = 200, pages: int | None = None) -> bytes:
    """A scanned copy of a PDF: every page (or the first `pages`) rasterised at `dpi`, no text layer."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_bytes)
    images = [document[i].render(scale=dpi / 72, grayscale=True).to_pil()
              for i in range(min(len(document), pages or len(document)))]
    document.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()
