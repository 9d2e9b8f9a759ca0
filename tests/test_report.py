"""The HTML report (`python -m ocop_extract report`): built from documents or records, self-contained,
and opened in a real headless Chromium that must find every item highlighted and the chart drawn."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ocop_extract.cli import main

ROOT = Path(__file__).resolve().parent.parent


class _Page(HTMLParser):
    """What the tests look at in a page: marks by item id, ids, links, the chart."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, str] = {}          # data-i -> kind
        self.by_article: dict[str, set] = {}     # article id -> data-i seen inside
        self.article_items: dict[str, int] = {}  # article id -> its data-items
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self.chart: dict[str, str] = {}
        self.series = self.points = 0
        self._article = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "article":
            self._article = a["id"]
            self.article_items[a["id"]] = int(a["data-items"])
            self.by_article[a["id"]] = set()
        if tag == "mark" and "data-i" in a:
            self.marks[a["data-i"]] = a["class"].removeprefix("k-")
            if self._article:
                self.by_article[self._article].add(a["data-i"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        for key in ("src", "href"):
            if re.match(r"(?:https?:)?//", a.get(key) or ""):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(str(a))
        if tag == "svg" and a.get("id") == "chart":
            self.chart = a
        if tag == "path" and a.get("class") == "series":
            self.series += 1
        if tag == "circle" and a.get("class") == "point":
            self.points += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._article = None


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        shutil.copy(f, folder / f.name)
    (folder / "zz_empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def records(corpus, tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("records") / "r.jsonl"
    main([str(corpus), "-o", str(out)])
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def report(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(corpus), "-o", str(out)]) == 1     # 1: one document could not be read
    return out


def test_report_is_self_contained_and_utf8(report):
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "Noto Sans" in html and "Kế hoạch" in html and "UBND huyện Lục Ngạn" in html
    page = _parse(html)
    assert not page.external
    assert "<script src" not in html and "@import" not in html and "url(" not in html


def test_every_item_is_marked_and_every_link_lands(report, records):
    page = _parse(report.read_text(encoding="utf-8"))
    kinds = list(page.marks.values())
    assert kinds.count("target") + kinds.count("actual") == sum(len(r["targets"]) for r in records)
    assert kinds.count("actual") == sum(t["status"] == "actual" for r in records for t in r["targets"])
    assert kinds.count("place") == sum(len(r["places"]) for r in records)
    assert kinds.count("ref") == sum(1 for r in records for x in r["references"] if x.get("span"))
    assert kinds.count("date") >= sum(1 for r in records if r["issued_date"] or r["published_date"]) - 1
    assert kinds.count("issuer") >= 1
    assert set(page.marks) <= page.ids                          # every item has its anchor
    assert page.links and set(page.links) <= page.ids | {""}     # every table cell and nav link lands
    cells = [x for x in page.links if "-t" in x]
    assert len(cells) >= 30


def test_report_from_records_equals_report_from_documents(corpus, records, report, tmp_path):
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "again.html"
    main(["report", str(jsonl), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == report.read_text(encoding="utf-8")


def test_unreadable_document_is_listed_with_its_error(report):
    html = report.read_text(encoding="utf-8")
    assert re.search(r'<tr class=err><td><a href="#doc-5">zz_empty</a>.*?error: empty', html)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=10000",
                           *args], capture_output=True, text=True, timeout=120)


def test_chromium_draws_the_report(report, records, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (scripts/setup.sh --test installs the Debian package)")
    url = report.resolve().as_uri()
    done = _run_chromium(browser, tmp_path / "profile", "--dump-dom", url)
    assert done.returncode == 0, done.stderr[-2000:]
    page = _parse(done.stdout)
    assert 'data-ready="1"' in done.stdout                      # the script ran to its end
    assert page.marks, "no highlighted span in the rendered page"
    for article, seen in page.by_article.items():               # per text: highlighted = extracted
        assert len(seen) == page.article_items[article], article
    assert len(page.marks) == int(re.search(r'<body data-items="(\d+)"', done.stdout).group(1))
    targets = [k for k in page.marks.values() if k in ("target", "actual")]
    assert len(targets) == sum(len(r["targets"]) for r in records)
    assert int(page.chart["data-drawn"]) >= 1 and page.series >= 1 and page.points >= page.series
    shot = tmp_path / "report.png"
    done = _run_chromium(browser, tmp_path / "profile", "--window-size=1280,1600", f"--screenshot={shot}", url)
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20000


def test_records_whose_source_changed_are_shown_without_text(tmp_path, capsys):
    doc = tmp_path / "p.txt"
    shutil.copy(ROOT / "corpus" / "004_d1491496f308dd18.txt", doc)
    assert main([str(doc), "-o", str(tmp_path / "r.jsonl")]) == 0
    doc.write_text("Văn bản đã được thay thế.", encoding="utf-8")   # the spans no longer point into it
    assert main(["report", str(tmp_path / "r.jsonl"), "-o", str(tmp_path / "r.html")]) == 0
    page = _parse((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert not page.marks and page.article_items == {"doc-0": 0}
    assert "the source file could not be read" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert set(page.links) <= page.ids | {""}                   # no link to a text not shown
    assert "≥ 54 product ★3" in (tmp_path / "r.html").read_text(encoding="utf-8")   # still in the tables
