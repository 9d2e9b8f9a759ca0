"""The context one prose figure's status is resolved in: the figure, and the statuses settled before it."""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import Candidate, Prose
from .context import TargetContext
from .scope import province_names, subject_place

Cue = tuple[int, int, str]  # start, end, what it says (`status.status_cues`)


@dataclass(frozen=True)
class StatusContext:
    """One prose candidate, and the statuses already settled before it."""

    candidate: Candidate
    prev_status: str | None = None   # of the quantity before it in the sentence
    prev_end: int = 0                # where that quantity ends (the sentence start when none)
    para_status: str | None = None   # of the last quantity of the paragraph
    prev_para: str | None = None     # of the last quantity of the paragraph before
    head: tuple[int, str, Candidate] | None = None  # end, status and candidate of the last figure not in parentheses
    doc: TargetContext | None = None  # the document (its time scopes are built when first read)

    @property
    def prose(self) -> Prose:
        assert self.candidate.prose is not None
        return self.candidate.prose


def sentence_topic(doc: TargetContext | None, start: int, end: int) -> str | None:
    """The place a sentence opens on as its subject, before its first figure at `end` ("TP Hải Phòng có …")."""
    if doc is None:
        return None
    before = doc.doc.text[start:end]
    return (subject_place(before, doc.meta.province, doc.meta.local_places)
            or subject_place(before, doc.meta.province, province_names()))
