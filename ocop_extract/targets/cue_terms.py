"""Fixed terms that hold a status cue word and carry no modality (lexicon `status.terms`).

"xây dựng nông thôn mới" names the programme, "công bố chất lượng" is a task of standards, a document
"vừa được thông qua" is issued (which says nothing of the figures it sets), and what a vision
"trở thành một trong" is no report of what is. A term may open on its cue word or a few words before it.

>>> import re
>>> heads = term_heads((re.compile("một trong|vừa"),))
>>> text = "Du lịch trở thành một trong những sản phẩm"
>>> in_term(text, text.index("một"), heads), in_term("Tỉnh là một trong những", 7, heads)
(True, False)
"""

from __future__ import annotations

import regex

from .cues import cues, phrase_regex

NOT_CUES = phrase_regex(cues()["status"]["terms"])
_TERM_LEAD = 16  # characters a fixed term may open before the cue word it holds ("trở thành một trong")


def term_heads(cue_patterns: tuple) -> regex.Pattern | None:
    """The words a fixed term opens on before a cue word it holds ("trở thành " of "trở thành một trong"),
    read backwards from the cue."""
    heads = []
    for term in cues()["status"]["terms"]:
        low = term.lower()
        inner = [m.start() for cue in cue_patterns for m in cue.finditer(low) if m.start() > 0]
        if inner:
            heads.append(regex.escape(low[:min(inner)].strip(), literal_spaces=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(heads)})\s+\Z", regex.I | regex.REVERSE) if heads else None


def in_term(text: str, at: int, heads: regex.Pattern | None) -> bool:
    """Whether the cue word at `at` stands inside a fixed term: the term opens on it ("vừa được thông qua")
    or a few words before it ("trở thành một trong"; `heads`: `term_heads` of the cue patterns)."""
    if NOT_CUES.match(text, at, at + 40):
        return True
    term = heads.search(text, max(0, at - _TERM_LEAD), at) if heads is not None else None
    return term is not None and bool(NOT_CUES.match(text, term.start(), at + 40))
