"""Signer: the person who signed an official text.

From a legal portal's "Người ký" field, or from the signature block: a line of
titles in capitals ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TL. CHÁNH VĂN PHÒNG",
"PHÓ CHÁNH VĂN PHÒNG") followed within a few lines by a personal name. A name
line carrying more than a name is bounded with underthesea's NER (imported
lazily, on that line only).

>>> from ocop_extract.document import Doc
>>> signer(Doc.from_text("x", "Nơi nhận:\\n- Lưu: VT.\\n\\nTM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\n\\n(Đã ký)\\n\\nNông Văn Quyết\\n"))
'Nông Văn Quyết'
>>> signer(Doc.from_text("x", "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\nTRẦN ANH TUẤN"))
'Trần Anh Tuấn'
>>> clean_name("Người ký: Đào Quang Vinh")
'Đào Quang Vinh'
>>> signer_in_sentence("Kế hoạch do Chủ tịch UBND xã Nông Văn Hào ký ban hành.")
'Nông Văn Hào'
>>> signer_in_sentence("Phó Chủ tịch UBND tỉnh Hà Giang Nguyễn Thị Thanh Hà đã ký Kế hoạch.")
'Nguyễn Thị Thanh Hà'
>>> signer_in_sentence("Phó Chủ tịch UBND huyện Lê Văn Sơn cho biết kế hoạch đã được ký.") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from ..lexicon import load_lexicon
from . import gazetteer

# a syllable of a name; the names of the Central Highlands join two with an apostrophe ("K'Bình", "Ka'")
_SYL = r"\p{Lu}'\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+"
NAME_RE = regex.compile(rf"^(?:{_SYL})(?:[ ]+(?:{_SYL})){{1,4}}$")
_NOT_NAME = regex.compile(r"ủy ban|nhân dân|chủ tịch|hội đồng|nơi nhận|cộng hòa|quyết định|kế hoạch|\bsở\b|\bbộ\b|"
                          r"\bvăn phòng\b|\bphòng\b|\btỉnh\b|\bhuyện\b|\bbáo\b", regex.I)
_SIGNER_LABEL = regex.compile(r"^\s*người ký\s*:?\s*", regex.I)
_BRACKETED_TAIL = regex.compile(r"\s*[\(\[].*$")

# In running text, the one who signed the plan: "do Chủ tịch UBND xã Nông Văn Hào ký ban hành",
# "Phó Chủ tịch UBND tỉnh X Nguyễn Văn A đã ký", "ông Nguyễn Văn A, Chủ tịch UBND huyện, đã ký".
_WORD = r"\p{Lu}[\p{Ll}\p{M}]*"
_TITLE = r"(?i:(?:phó\s+)?(?:chủ tịch|giám đốc|bí thư|trưởng ban|chánh văn phòng))"
_ORG = (r"(?i:(?:ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân|sở)\s+)?"
        rf"(?i:(?:{gazetteer.unit_words_pattern(abbreviated=False)})\s+)?")
_SIGNED = regex.compile(
    rf"{_TITLE}\s+{_ORG}(?P<run>{_WORD}(?:[ ]+{_WORD}){{1,8}})\s*,?\s*(?i:(?:đã|vừa)\s+)?ký(?![\p{{L}}])"
    rf"|(?i:ông|bà|đồng chí)\s+(?P<name>{_WORD}(?:[ ]+{_WORD}){{1,3}})\s*,\s*{_TITLE}[^,.;]{{0,60}}?,?\s*"
    rf"(?i:(?:đã|vừa|người)\s+)?ký(?![\p{{L}}])"
)
_NAME_LENGTHS = (3, 4, 2)  # most Vietnamese names have three words
# a run of words apart by at most two blanks; a "|" parts cells too (a Word table's row: "Nơi nhận: | KT. CHỦ TỊCH")
_CELL = regex.compile(r"[^\s|]+(?:[ \t]{1,2}[^\s|]+)*")
_BESIDE_REACH = 13  # lines below a title in a column where its name may stand
_COLUMN_SLACK = 8  # a cell under a title may start this many characters left of it


@lru_cache(maxsize=1)
def _lex() -> tuple[regex.Pattern, regex.Pattern, frozenset]:
    lex = load_lexicon("metadata")
    titles = regex.compile(rf"^\s*(?:PHÓ\s+)?(?:{'|'.join(lex['signature_titles'])})(?![\p{{Ll}}])")
    noise = regex.compile(rf"^\s*(?:{'|'.join(lex['signature_noise'])})\s*$", regex.I)
    return titles, noise, frozenset(lex["surnames"])


def clean_name(text: str) -> Optional[str]:
    """A personal name in Title Case from a name line, or None when the line is not a name."""
    text = _SIGNER_LABEL.sub("", text)
    text = _BRACKETED_TAIL.sub("", text).strip(" .,;:-")
    if not NAME_RE.match(text) or _NOT_NAME.search(text):
        return None
    words = text.split()
    if all(w.isupper() for w in words):
        words = [w[0] + w[1:].lower() for w in words]
    return " ".join(words)


def signer_in_sentence(text: str) -> Optional[str]:
    """The person a sentence says signed a document ("… Chủ tịch UBND xã Nông Văn Hào ký …"), or None.

    After a title and a body the capitalised words may hold a place before the
    name: the name is the last three (else four, else two) of them, opening
    with a family name.
    """
    if "ký" not in text:
        return None
    m = _SIGNED.search(text)
    if m is None:
        return None
    if m.group("name"):
        return clean_name(m.group("name"))
    words = m.group("run").split()
    surnames = _lex()[2]
    for n in _NAME_LENGTHS:
        if len(words) >= n and words[-n] in surnames:
            return clean_name(" ".join(words[-n:]))
    return None


def _ner_name(text: str) -> Optional[str]:
    """The first person name underthesea's NER finds in one line (None when unavailable)."""
    try:
        from underthesea import ner
    except Exception:  # pragma: no cover
        return None
    try:
        tags = ner(text)
    except Exception:  # pragma: no cover - model missing offline
        return None
    words = [t[0] for t in tags if t[-1].endswith("PER")]
    return clean_name(" ".join(words)) if words else None


def _cells(text: str) -> list[tuple[int, str]]:
    """(column, text) of each cell of a line laid out in columns (cells apart by 3 spaces or more).

    >>> _cells("- Lưu: VT, KT.        Dương Văn Khải"), _cells("- Lưu: VT. | Hồ Đức Minh")
    ([(0, '- Lưu: VT, KT.'), (22, 'Dương Văn Khải')], [(0, '- Lưu: VT.'), (13, 'Hồ Đức Minh')])
    """
    return [(m.start(), m.group()) for m in _CELL.finditer(text)]


def _title_cell(text: str, titles: regex.Pattern) -> Optional[tuple[Optional[int], str]]:
    """The signature title a line holds: the whole line (column None), else its last cell, in capitals."""
    stripped = text.strip()
    cands = [(None, stripped)]
    cells = _cells(text)
    if len(cells) > 1:
        cands.append(cells[-1])
    for col, cell in cands:
        if not cell or len(cell) > 60 or not titles.match(cell):
            continue
        letters = [c for c in cell if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            return col, cell
    return None


def _in_column(text: str, col: Optional[int]) -> str:
    """The text of a line below a title: all of it, or under a title in column `col`, the cell there."""
    if col is None:
        return text.strip()
    cells = _cells(text)
    if len(cells) == 1 and text[:1] in " \t" and text.strip():
        return cells[0][1]  # the left column empty ("\tĐào Văn Hưng" under a tab's columns): the right one's
    return next((cell for at, cell in cells if at >= col - _COLUMN_SLACK), "")


def signer(doc: Doc, portal_value: Optional[str] = None) -> Optional[str]:
    """Name of the signer, or None.

    A signature block laid out beside the recipients, as text copied from a PDF is, is read in
    its column ("- Lưu: VT, KT.        Dương Văn Khải" under "Nơi nhận:      KT. CHỦ TỊCH").
    """
    if portal_value:
        name = clean_name(portal_value)
        if name:
            return name
    titles, noise, surnames = _lex()
    lines = _columned_lines(doc)
    for i, line in enumerate(lines):
        found = _title_cell(line.text, titles) if line.text.strip() else None
        if found is None:
            if _BESIDE_RECIPIENTS.match(line.text):
                name = _name_below_recipients(lines[i + 1:i + 8], titles, noise)
                if name:
                    return name
            continue
        col = found[0]
        # (beside a long recipients' list the name may stand up to twelve lines below its title, and so may it
        # where a PDF's copy put the two columns' lines one under the other: "TM. ỦY BAN NHÂN DÂN" / "- Sở …;" /
        # "CHỦ TỊCH" / "- UBND các xã;" / … / "Trần Minh Trí")
        for nxt in lines[i + 1:i + _BESIDE_REACH]:
            cand = _in_column(nxt.text, col)
            if not cand or noise.match(cand) or titles.match(cand) or _RECIPIENT_ITEM.match(cand):
                continue
            name = clean_name(cand)
            if name is None and len(cand.split()) > 5 and cand.split()[0] in surnames:
                name = _ner_name(cand)
            if name:
                return name
            break
    return None


_RECIPIENT_ITEM = regex.compile(r"[-–+•]\s")  # "- Sở NN&PTNT tỉnh Vĩnh Long;": a recipient, no signer
# the signature's title after the recipients' heading on one line, a PDF's columns collapsed to one
# blank: "Nơi nhận: TM. ỦY BAN NHÂN DÂN"
_BESIDE_RECIPIENTS = regex.compile(r"\s*nơi\s+nhận\s*:?\s*(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}", regex.I)


def _name_below_recipients(below: list, titles: regex.Pattern, noise: regex.Pattern) -> Optional[str]:
    """The signer under a recipients' block whose lines also carry the signature's titles ("- Bộ
    NN&PTNT; KT. CHỦ TỊCH"): the first line that is neither a recipient, nor a title, nor noise.

    >>> from ocop_extract.document import Doc
    >>> text = "Nơi nhận: TM. ỦY BAN NHÂN DÂN\\n- Bộ NN&PTNT; KT. CHỦ TỊCH\\n- Lưu: VT, KT.\\nTrần Quang Hiệp\\n"
    >>> signer(Doc.from_text("x", text))
    'Trần Quang Hiệp'
    >>> signer(Doc.from_text("y", "Nơi nhận: KT. GIÁM ĐỐC\\n- Như trên; PHÓ GIÁM ĐỐC\\n- Lưu: VT, PTNT. Trần Đình Phúc"))
    'Trần Đình Phúc'
    """
    for line in below:
        text = line.text.strip()
        if (filed := _NAME_AFTER_FILED.match(text)) is not None:
            return clean_name(filed["name"])  # "- Lưu: VT, PTNT. Trần Đình Phúc": the name closes the last line
        if not text or text.startswith(("-", "+", "•")) or noise.match(text) or titles.match(text):
            continue
        return clean_name(text)
    return None


# the filing line, then the signer's name beside it on the same line: "- Lưu: VT, PTNT. Trần Đình Phúc"
_NAME_AFTER_FILED = regex.compile(r"[-+•]?\s*Lưu\s*:?[^.]{0,40}\.\s+(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})\s*\Z")


@dataclass(frozen=True)
class _Text:
    text: str


def _columned_lines(doc: Doc) -> list:
    """The document's lines, with the columns a tab parts kept apart ("- Lưu: VT.\\tVi Văn Khởi": the
    normalised text makes a tab one blank, which would run the signer's name into a recipient).

    >>> [line.text for line in _columned_lines(Doc.from_text("x", "Nơi nhận:\\tKT. CHỦ TỊCH\\n- Lưu: VT.\\tVi Văn Khởi"))]
    ['Nơi nhận:    KT. CHỦ TỊCH', '- Lưu: VT.    Vi Văn Khởi']
    """
    if "\t" not in doc.source:
        return doc.lines
    return [_Text(line.replace("\t", "    ")) for line in doc.source.replace("\r\n", "\n").split("\n")]
