r"""Phrase lists as regex alternations factored by their common prefixes.

A plain alternation ``ít nhất|ít hơn|tối thiểu`` makes the engine try every
phrase at every position; the factored form ``tối\s+thiểu|ít\s+(?:hơn|nhất)``
rejects a position after one character test and reads a shared prefix once.
For lists of dozens of phrases this is several times faster, in `re` and in
`regex` alike.

The factored pattern matches what the plain alternation sorted longest first
matches: at each position the longest phrase for which the rest of the
pattern also matches (an optional tail is tried before the shorter ending).

>>> print(alternation(["ít nhất", "ít hơn", "tối thiểu"]))
(?:tối\s+thiểu|ít\s+(?:hơn|nhất))
>>> import re
>>> re.findall(alternation(["năm", "năm mươi", "mươi"]) + r"(?!\w)", "năm mươi, năm, mươi")
['năm mươi', 'năm', 'mươi']
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

_END = ""  # the trie key that marks the end of a phrase (its value: what must follow it)


def alternation(phrases: Iterable[str], space: str = r"\s+", fold_case: bool = False,
                not_after: str | None = None, not_before: str | None = None,
                follows: Mapping[str, str] | None = None) -> str:
    r"""A pattern (no flags) matching any of `phrases`; a space in a phrase matches `space`.

    `fold_case`: the pattern will be compiled case-insensitively, so phrases
    differing only in case are one phrase (lower-cased here). Empty phrases are ignored.

    `not_after`, `not_before`: one-character patterns (``\w``) that must not stand
    before or after the phrase. `not_after` is checked just after the phrase's
    first character, as ``(?<!\w.)``: a pattern that starts with a literal lets
    `re` jump from one possible first character to the next, which a look-behind
    in front prevents.

    `follows`: for some phrases, a pattern that must come after them (a look-ahead, say).

    >>> print(alternation(["hai", "ba", "bốn"], not_after=r"\w", not_before=r"\w"))
    (?:b(?<!\w.)(?:a|ốn)(?!\w)|h(?<!\w.)ai(?!\w))
    >>> print(alternation(["an", "ang", "b"], follows={"an": "(?= x)"}))
    (?:an(?:g|(?= x))|b)
    """
    found = branches(phrases, space, fold_case, not_after, not_before, follows)
    if not found:
        return "(?!)"  # nothing to match
    return found[0] if len(found) == 1 else "(?:" + "|".join(found) + ")"


def branches(phrases: Iterable[str], space: str = r"\s+", fold_case: bool = False,
             not_after: str | None = None, not_before: str | None = None,
             follows: Mapping[str, str] | None = None) -> list[str]:
    """The alternatives of `alternation`, one per first character.

    Joined by "|" with other alternatives that start with a literal, they keep
    the standard `re` engine's search by first character for the whole pattern.

    >>> branches(["hai", "ba"])
    ['ba', 'hai']
    """
    follows = follows or {}
    trie: dict = {}
    for phrase in phrases:
        words = phrase.lower().split() if fold_case else phrase.split()
        if words:
            node = trie
            for ch in " ".join(words):
                node = node.setdefault(ch, {})
            node[_END] = follows.get(phrase, "")
    after_first = f"(?<!{not_after}.)" if not_after else ""
    tail = f"(?!{not_before})" if not_before else ""
    return [re.escape(ch) + after_first + _pattern(child, space) + tail for ch, child in sorted(trie.items())]


def _pattern(node: dict, space: str) -> str:
    alternatives = [(space if ch == " " else re.escape(ch)) + _pattern(child, space)
                    for ch, child in sorted(node.items()) if ch != _END]
    end = node.get(_END)  # None: no phrase ends here; else what must follow the one that does
    if not alternatives:
        return end or ""
    if end is None:
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if end == "":
        return "(?:" + "|".join(alternatives) + ")?"
    return "(?:" + "|".join(alternatives + [end]) + ")"


__all__ = ["alternation", "branches"]
