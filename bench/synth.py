"""A synthetic corpus for the benchmark: `corpus/*.txt` varied into as many documents as asked.

Each document keeps a seed's title line, shuffles its paragraphs (sometimes
dropping or repeating one), moves its years by a few, changes its other
numbers, and swaps the place and person names it finds, so no two documents
are the same and every one reads like a plan. Generation is seeded: the
same `count` gives the same corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Iterator

SEEDS = Path(__file__).resolve().parent.parent / "corpus"

PROVINCES = ("Quảng Nam", "Bắc Giang", "Gia Lai", "Bắc Ninh", "An Giang", "Đắk Lắk", "Hà Giang",
             "Vĩnh Long", "Quảng Trị", "Yên Bái", "Bắc Kạn", "Hưng Yên", "Kon Tum", "Thừa Thiên Huế",
             "Bình Phước", "Trà Vinh", "Hà Nam", "Phú Yên", "Sóc Trăng", "Lạng Sơn", "Điện Biên",
             "Tây Ninh", "Nghệ An", "Thanh Hóa", "Lâm Đồng", "Cà Mau")
DISTRICTS = ("Lục Ngạn", "Đại Lộc", "Hải Lăng", "Mường Ảng", "Cầu Kè", "Tiên Phước", "Na Rì",
             "Văn Yên", "Kim Bảng", "Tuy An")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
GIVEN = ("Văn Hùng", "Thị Lan", "Minh Tuấn", "Đức Thắng", "Thanh Hà", "Quốc Bảo", "Thị Hoa", "Văn Nam")

_PLACE = re.compile(r"\b(tỉnh|huyện|Tỉnh|Huyện|TỈNH|HUYỆN) (" + "|".join(PROVINCES + DISTRICTS) + r")")
_PERSON = re.compile(r"\b(" + "|".join(SURNAMES) + r") (\w+ \w+)")
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")


def vary(seed_text: str, rng: random.Random) -> str:
    """One new document from a seed text."""
    title, _, body = seed_text.partition("\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    rng.shuffle(paragraphs)
    if len(paragraphs) > 3 and rng.random() < 0.3:
        paragraphs.pop()
    if paragraphs and rng.random() < 0.3:
        paragraphs.append(rng.choice(paragraphs))
    text = title + "\n\n" + "\n\n".join(paragraphs)
    shift = rng.randint(-3, 3)
    text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    text = _NUMBER.sub(lambda m: _new_number(m, rng), text)
    text = _PLACE.sub(lambda m: f"{m.group(1)} {rng.choice(PROVINCES if m.group(1).lower() == 'tỉnh' else DISTRICTS)}", text)
    text = _PERSON.sub(lambda m: f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}", text)
    return text + "\n"


def _new_number(match: re.Match, rng: random.Random) -> str:
    number = match.group()
    if _YEAR.fullmatch(number) or not number.isdigit() or int(number) <= 2:
        return number  # years were moved already; decimals keep their shape; 1 and 2 stay
    value = max(1, round(int(number) * rng.uniform(0.5, 1.8)))
    if match.string[match.end():match.end() + 2].strip().startswith("%"):
        value = min(value, 100)
    return str(value)


def documents(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(relative path, text) of `count` synthetic documents."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not seeds:
        raise SystemExit(f"no seed texts in {SEEDS}")
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)
        yield f"{i // 1000:03d}/doc_{i:06d}.txt", vary(seeds[i % len(seeds)], rng)


def build(folder: Path, count: int, seed: int = 0) -> tuple[int, int]:
    """Write the corpus under `folder`; return (documents, characters)."""
    chars = 0
    for rel, text in documents(count, seed):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        chars += len(text)
    return count, chars
