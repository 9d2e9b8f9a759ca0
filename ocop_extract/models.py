"""The output contract in code: one `Record` per input document.

These pydantic models are the single source of the JSON Schema in `schemas/`
(see `ocop_extract.schema`). Field meanings follow CONTRACT.md; fields beyond
the contract are marked "extension".

>>> t = Target(value=70, comparator=">=", unit="%", unit_text="%", span=(0, 3), text="70%")
>>> t.value, t.model_dump()["value"]
(70.0, 70)
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

Comparator = Literal[">=", ">", "<=", "<", "=", "range", "~"]
Unit = Literal[
    "%", "VND", "times", "product", "entity", "sales_point", "event",
    "session", "admin_unit", "person", "other",
]
Status = Literal["target", "actual"]
Genre = Literal["official", "news"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where the record's text came from."""

    path: str
    sha256: Optional[str] = None
    encoding: Optional[str] = Field(None, description="extension: encoding the bytes were decoded with")
    format: Optional[Literal["txt", "html", "pdf", "pdf-ocr", "docx", "doc"]] = Field(
        None, description="extension: the reader that made the text the spans index")
    text_sha256: Optional[str] = Field(
        None, description="extension: SHA-256 of that text in UTF-8 (what --text-dir writes)")


class ErrorInfo(_Model):
    """Why a document could not be read; set instead of targets."""

    type: str
    message: str


class NumberParts(_Model):
    """extension: a số hiệu split into its parts, e.g. 07/2021/NQ-HĐND."""

    sequence: str
    year: Optional[int] = None
    type_code: Optional[str] = None
    body_code: Optional[str] = None


class Reference(_Model):
    """A document the text cites."""

    type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = Field(None, description="extension: who issued the cited document")
    number_parts: Optional[NumberParts] = None
    span: Optional[tuple[int, int]] = Field(None, description="extension: offsets of the citation")


class Place(_Model):
    """extension: a province, district or commune named in the text."""

    name: str
    level: Literal["province", "district", "commune"]
    province: Optional[str] = None
    span: tuple[int, int]


class Target(_Model):
    """A quantity the text commits someone to (status "target") or reports as reached ("actual")."""

    value: float
    value_max: Optional[float] = None
    comparator: Comparator
    unit: Unit
    unit_text: str
    stars: Optional[int] = Field(None, ge=1, le=5)
    year: Optional[int] = None
    per: Optional[Literal["year"]] = None
    status: Status = "target"
    scope: Optional[str] = None
    metric: Optional[str] = None
    span: tuple[int, int]
    text: str
    rule: Optional[str] = Field(None, description="extension: name of the rule that produced it")
    confidence: Optional[float] = Field(None, ge=0, le=1, description="extension")
    explain: Optional[list[str]] = Field(None, description="extension: why, with --explain")
    indicator: Optional[str] = Field(
        None, description="extension: id of the measure the figure is a value of (lexicon/indicators.yaml), "
                          "'other' when none fits; null when not mapped")
    scope_name: Optional[str] = Field(None, description="extension: the scope as a place, with its type word")
    scope_level: Optional[Literal["province", "district", "commune"]] = Field(
        None, description="extension: the scope place's level")
    scope_province: Optional[str] = Field(None, description="extension: province of the scope place (pre-2025 names)")
    scope_province_2025: Optional[str] = Field(
        None, description="extension: province of the scope place after the July 2025 merger")

    @field_serializer("value", "value_max")
    def _whole_numbers_as_integers(self, v: float | None) -> float | int | None:
        """70.0 is written 70, as the text wrote it; 1.5 stays 1.5."""
        return int(v) if v is not None and float(v).is_integer() and abs(v) < 2**53 else v

    @model_validator(mode="after")
    def _span_matches_text(self) -> "Target":
        start, end = self.span
        if not 0 <= start <= end or end - start != len(self.text):
            raise ValueError(f"span {self.span} does not fit text of length {len(self.text)}")
        if (self.value_max is not None) != (self.comparator == "range"):
            raise ValueError("value_max is set exactly when comparator is 'range'")
        return self


class Record(_Model):
    """One line of output: everything read from one document."""

    doc_id: str
    source: Source
    genre: Optional[Genre] = None
    doc_type: Optional[str] = None
    number: Optional[str] = None
    number_parts: Optional[NumberParts] = None
    issuer: Optional[str] = None
    province: Optional[str] = None
    province_2025: Optional[str] = Field(None, description="extension: province after the July 2025 merger")
    signer: Optional[str] = None
    issued_date: Optional[str] = None
    published_date: Optional[str] = None
    plan_years: Optional[tuple[int, int]] = None
    references: list[Reference] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: Optional[ErrorInfo] = None

    @model_validator(mode="after")
    def _error_means_no_targets(self) -> "Record":
        if self.error is not None and self.targets:
            raise ValueError("a record with an error carries no targets")
        return self
