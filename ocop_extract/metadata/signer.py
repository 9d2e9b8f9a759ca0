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
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..document import Doc
from ..lexicon import load_lexicon

_SYL = r"\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+"
NAME_RE = regex.compile(rf"^(?:{_SYL})(?:[ ]+(?:{_SYL})){{1,4}}$")
_NOT_NAME = regex.compile(r"ủy ban|nhân dân|chủ tịch|hội đồng|nơi nhận|cộng hòa|quyết định|kế hoạch|\bsở\b|\bbộ\b|"
                          r"\bvăn phòng\b|\bphòng\b|\btỉnh\b|\bhuyện\b|\bbáo\b", regex.I)
_SIGNER_LABEL = regex.compile(r"^\s*người ký\s*:?\s*", regex.I)
_BRACKETED_TAIL = regex.compile(r"\s*[\(\[].*$")


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


def signer(doc: Doc, portal_value: Optional[str] = None) -> Optional[str]:
    """Name of the signer, or None."""
    if portal_value:
        name = clean_name(portal_value)
        if name:
            return name
    titles, noise, surnames = _lex()
    lines = doc.lines
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text or len(text) > 60 or not titles.match(text):
            continue
        letters = [c for c in text if c.isalpha()]
        if sum(c.isupper() for c in letters) < 0.8 * len(letters):
            continue
        for nxt in lines[i + 1:i + 8]:
            cand = nxt.text.strip()
            if not cand or noise.match(cand) or titles.match(cand):
                continue
            name = clean_name(cand)
            if name is None and len(cand.split()) > 5 and cand.split()[0] in surnames:
                name = _ner_name(cand)
            if name:
                return name
            break
    return None
