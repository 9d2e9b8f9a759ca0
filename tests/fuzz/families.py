"""Input families for the fuzzer: each makes one input (a file name and its bytes) from a `Draw`.

A family is written once against `Draw`, a tiny interface with two backings:
`RandomDraw` (a `random.Random`, fast: `bench/fuzz.py` makes millions of inputs
with it) and `HypothesisDraw` (hypothesis's `data.draw`, so the short run in the
test suite shrinks a failure to a small input).

`FAMILIES` is the list every run draws from. A reader of another input format
adds its own generators to it, for instance

    FAMILIES.append(Family("pdf, truncated", make_truncated_pdf, ".pdf"))

where `make_truncated_pdf(draw) -> bytes`; the file name the input is read as
ends with the family's `suffix`, so the reader that owns that suffix gets it.

>>> from random import Random
>>> draw = RandomDraw(Random(1))
>>> [len(f.make(draw)) >= 0 for f in FAMILIES] == [True] * len(FAMILIES)
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Protocol, Sequence

ROOT = Path(__file__).resolve().parents[2]

SEPARATORS = (".", ",", "/", "-", "%", "–", ":", ";", "(", ")", "|", " ", "  ", "\n", "\t")
NUMBER_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "mốt", "tư",
                "lăm", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "rưỡi", "lẻ", "linh", "không", "chục")
SCALE_WORDS = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "triệu đồng", "tỷ đồng", "nghìn tỷ")
COMPARATORS = ("ít nhất", "tối thiểu", "trở lên", "không dưới", "từ", "đến", "trên", "hơn", "vượt", "tối đa",
               "không quá", "lên đến", "dưới", "khoảng", "gần", "xấp xỉ", "trên dưới", "giữa", "và", "tới")
UNITS = ("sản phẩm", "đồng", "%", "lần", "chủ thể", "hợp tác xã", "HTX", "điểm bán", "điểm", "hội chợ", "đợt",
         "lớp", "xã", "huyện", "người", "lượt", "sao", "3 sao", "năm", "/năm", "/người/năm", "USD")
CUES = ("phấn đấu", "mục tiêu", "đến nay", "đã có", "năm 2024", "giai đoạn 2021-2025", "Kế hoạch số 12/KH-UBND",
        "ngày 08/04/2022", "Trong đó", "Tính đến hết năm 2023,", "UBND tỉnh", "huyện", "I. MỤC TIÊU", "?")


class Draw(Protocol):
    """What a family may ask for: an integer in [low, high], one of some items, some bytes."""

    def integer(self, low: int, high: int) -> int: ...

    def choice(self, items: Sequence): ...

    def data(self, most: int) -> bytes: ...


class RandomDraw:
    """A `Draw` backed by `random.Random`."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, items: Sequence):
        return items[self.rng.randrange(len(items))]

    def data(self, most: int) -> bytes:
        return self.rng.randbytes(self.rng.randint(0, most))


class HypothesisDraw:
    """A `Draw` backed by hypothesis's `st.data()`, so failures shrink."""

    def __init__(self, data):
        self.draw = data.draw

    def integer(self, low: int, high: int) -> int:
        return self.draw(_integers(low, high))

    def choice(self, items: Sequence):
        return items[self.draw(_integers(0, len(items) - 1))]

    def data(self, most: int) -> bytes:
        return self.draw(_binary(most))


@lru_cache(maxsize=None)
def _integers(low: int, high: int):
    from hypothesis import strategies as st

    return st.integers(low, high)


@lru_cache(maxsize=None)
def _binary(most: int):
    from hypothesis import strategies as st

    return st.binary(max_size=most)


@dataclass(frozen=True)
class Family:
    """A kind of input: its name, how to make one, and the suffix of the file name it is read as."""

    name: str
    make: Callable[[Draw], bytes]
    suffix: str = ".txt"


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    """The annotated documents: corpus/ and the documents of tests/gold/."""
    paths = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/gold/devset/*.txt")) \
        + sorted(ROOT.glob("tests/gold/*/docs/*.txt"))
    return tuple(p.read_text(encoding="utf-8") for p in paths)


def numeral(draw: Draw) -> str:
    """Digits as plans write them, and as they do not: "05", "1.250", "86,4", "2.050.000", long runs."""
    kind = draw.integer(0, 5)
    if kind == 0:
        return str(draw.integer(0, 100))
    if kind == 1:
        return f"{draw.integer(0, 99):02d}"
    if kind == 2:
        return f"{draw.integer(1, 999)}" + "".join(f".{draw.integer(0, 999):03d}" for _ in range(draw.integer(1, 4)))
    if kind == 3:
        return f"{draw.integer(0, 999)},{draw.integer(0, 99)}"
    if kind == 4:
        return "0" * draw.integer(1, 3) + str(draw.integer(0, 9))
    return "".join(str(draw.integer(0, 9)) for _ in range(draw.integer(1, 40)))


_POOLS = (SEPARATORS, NUMBER_WORDS, SCALE_WORDS, COMPARATORS, UNITS, CUES)


def token(draw: Draw) -> str:
    """One piece to sprinkle: a numeral, a separator, a number word, a scale word, a comparator, a unit, a cue."""
    pool = draw.integer(0, len(_POOLS))
    return numeral(draw) if pool == len(_POOLS) else draw.choice(_POOLS[pool])


def soup(draw: Draw, most: int = 80) -> str:
    """A run of pieces joined by blanks or nothing: dense numbers, words and marks."""
    return "".join(token(draw) + draw.choice((" ", " ", "", "\n")) for _ in range(draw.integer(0, most)))


def cut_seed(draw: Draw) -> str:
    """A piece of an annotated document, cut at random."""
    texts = seed_texts()
    text = texts[draw.integer(0, len(texts) - 1)]
    start = draw.integer(0, len(text))
    return text[start:start + draw.integer(0, 1500)]


def sprinkled(draw: Draw) -> bytes:
    """A cut seed text with pieces inserted at random places."""
    text = cut_seed(draw)
    for _ in range(draw.integer(0, 24)):
        at = draw.integer(0, len(text))
        text = text[:at] + draw.choice(("", " ")) + token(draw) + draw.choice(("", " ")) + text[at:]
    return text.encode()


def spliced(draw: Draw) -> bytes:
    """Cut seed texts and runs of pieces, one after another."""
    parts = [cut_seed(draw) if draw.integer(0, 1) else soup(draw, 40) for _ in range(draw.integer(1, 4))]
    return "".join(parts).encode()


def dense(draw: Draw) -> bytes:
    """A text of nothing but numbers, words and marks."""
    return soup(draw).encode()


def table(draw: Draw) -> bytes:
    """A "|" table, with a header that may or may not say what its columns hold."""
    header = draw.choice(("STT | Chỉ tiêu | Đơn vị | Kế hoạch 2024 | Thực hiện", "TT | Nội dung | ĐVT | KH | Tỷ lệ so KH (%)",
                          "| | |", soup(draw, 6)))
    rows = [" | ".join(token(draw) if draw.integer(0, 2) else numeral(draw) for _ in range(draw.integer(0, 7)))
            for _ in range(draw.integer(0, 30))]
    return "\n".join([header, *rows]).encode()


def raw_bytes(draw: Draw) -> bytes:
    """Any bytes, sometimes after a byte order mark."""
    return draw.choice((b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) + draw.data(2000)


def broken_text(draw: Draw) -> bytes:
    """A seed text with bytes flipped, cut inside a character, or mixed with Windows-1258."""
    data = bytearray(cut_seed(draw).encode())
    for _ in range(draw.integer(0, 4)):
        if data:
            data[draw.integer(0, len(data) - 1)] = draw.integer(0, 255)
    if draw.integer(0, 3) == 0:
        data = data[:draw.integer(0, len(data))]
    return bytes(data)


FAMILIES: list[Family] = [
    Family("random bytes", raw_bytes),
    Family("seed text, sprinkled", sprinkled),
    Family("seed texts and pieces, spliced", spliced),
    Family("numbers and words, dense", dense),
    Family("tables", table),
    Family("seed text, broken bytes", broken_text),
]

# the readers of pages, PDFs and Word files add theirs (their libraries load only when drawn)
from .format_families import FORMAT_FAMILIES  # noqa: E402

FAMILIES += FORMAT_FAMILIES
