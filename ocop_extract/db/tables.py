"""The table layout of a database load, derived from the pydantic models.

Each model field becomes one or more columns by a few plain rules, so the
tables follow the contract without a second hand-written list:

- ``str``, ``int``, ``float`` become text, integer and real columns; an
  ``Optional`` field is nullable, any other is ``NOT NULL``;
- a ``Literal`` becomes a text column with a ``CHECK (col IN (...))`` and a
  ``Field(ge=, le=)`` a range ``CHECK``;
- a pair ``tuple[int, int]`` becomes two columns (``span`` -> ``span_start``,
  ``span_end``; ``plan_years`` -> ``plan_year_first``, ``plan_year_last``);
- a nested model becomes prefixed columns (``source.sha256`` -> ``source_sha256``);
- a list of strings (``warnings``, ``explain``) becomes one JSON column;
- the record's lists of models and its error become child tables.

>>> [c.name for c in TABLES["places"].columns]
['document_id', 'ordinal', 'name', 'level', 'province', 'span_start', 'span_end']
>>> TABLES["targets"].column("comparator").choices
('>=', '>', '<=', '<', '=', 'range', '~')
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from pydantic import BaseModel

from ..models import ErrorInfo, Place, Record, Reference, Target

Kind = Literal["key", "ref", "text", "integer", "real", "json", "timestamp"]

# Names of the two columns a pair becomes; other pairs get NAME_first, NAME_last.
PAIR_NAMES = {"span": ("span_start", "span_end"), "plan_years": ("plan_year_first", "plan_year_last")}


@dataclass(frozen=True)
class Column:
    """One column: its SQL name, kind, nullability, checks, and how to read it off a model."""

    name: str
    kind: Kind
    nullable: bool = True
    choices: tuple[str, ...] = ()
    ge: float | None = None
    le: float | None = None
    get: Callable[[Any], Any] = field(default=lambda obj: None, compare=False, repr=False)
    default_sql: str | None = None   # a DDL default the writer never sets by parameter


@dataclass(frozen=True)
class Index:
    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table: its columns, primary key, unique keys and indexes."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    parent: str | None = None              # child tables reference documents(document_id)
    unique: tuple[tuple[str, ...], ...] = ()
    indexes: tuple[Index, ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def value_columns(self) -> tuple[Column, ...]:
        """The columns the writer fills by parameter (not the generated key or DB defaults)."""
        return tuple(c for c in self.columns if c.kind != "key" and c.default_sql is None)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(annotation)) == 2:
            return args[0], True
        raise TypeError(f"cannot map the union {annotation} to a column")
    return annotation, False


def _limits(metadata: list[Any]) -> tuple[float | None, float | None]:
    ge = next((m.ge for m in metadata if hasattr(m, "ge")), None)
    le = next((m.le for m in metadata if hasattr(m, "le")), None)
    return ge, le


def _attr(getter: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        parent = getter(obj)
        return None if parent is None else getattr(parent, name)
    return get


def _item(getter: Callable[[Any], Any], index: int) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        pair = getter(obj)
        return None if pair is None else pair[index]
    return get


def model_columns(model: type[BaseModel], prefix: str = "", nullable: bool = False,
                  getter: Callable[[Any], Any] = lambda obj: obj,
                  skip: frozenset[str] = frozenset()) -> list[Column]:
    """The columns a model's fields flatten to, in field order.

    >>> [c.name for c in model_columns(ErrorInfo)]
    ['type', 'message']
    """
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        annotation, optional = _unwrap_optional(info.annotation)
        is_null = nullable or optional
        col_name = prefix + name
        get = _attr(getter, name)
        origin = typing.get_origin(annotation)
        ge, le = _limits(info.metadata)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            columns += model_columns(annotation, col_name + "_", is_null, get)
        elif origin is tuple:
            args = typing.get_args(annotation)
            if len(args) != 2 or any(a is not int for a in args):
                raise TypeError(f"{model.__name__}.{name}: only tuple[int, int] pairs map to columns")
            first, last = PAIR_NAMES.get(name, (col_name + "_first", col_name + "_last"))
            columns += [Column(first, "integer", is_null, get=_item(get, 0)),
                        Column(last, "integer", is_null, get=_item(get, 1))]
        elif origin is list:
            columns.append(Column(col_name, "json", is_null, get=get))
        elif origin is Literal:
            choices = tuple(str(a) for a in typing.get_args(annotation))
            columns.append(Column(col_name, "text", is_null, choices=choices, get=get))
        elif annotation in (str, int, float):
            kind: Kind = {str: "text", int: "integer", float: "real"}[annotation]
            columns.append(Column(col_name, kind, is_null, ge=ge, le=le, get=get))
        else:
            raise TypeError(f"{model.__name__}.{name}: no column mapping for {annotation}")
    return columns


# Record fields that become tables of their own rather than columns of documents.
CHILD_FIELDS = {"targets": Target, "references": Reference, "places": Place}

_DOCUMENT_ID = Column("document_id", "ref", nullable=False)
_ORDINAL = Column("ordinal", "integer", nullable=False, ge=0)


def _documents() -> Table:
    columns = (
        Column("document_id", "key", nullable=False),
        *model_columns(Record, skip=frozenset({*CHILD_FIELDS, "error"})),
        Column("record_json", "json", nullable=False),
        Column("record_sha256", "text", nullable=False),
        Column("loaded_at", "timestamp", nullable=False, default_sql="CURRENT_TIMESTAMP"),
    )
    return Table(
        "documents", columns, primary_key=("document_id",),
        unique=(("doc_id", "source_path"),),
        indexes=(Index("documents_province_idx", ("province",)),
                 Index("documents_issuer_idx", ("issuer",)),
                 Index("documents_number_idx", ("number",))),
    )


def _child(name: str, model: type[BaseModel], indexes: tuple[Index, ...]) -> Table:
    columns = (_DOCUMENT_ID, _ORDINAL, *model_columns(model))
    return Table(name, columns, primary_key=("document_id", "ordinal"), parent="documents", indexes=indexes)


def _errors() -> Table:
    columns = (_DOCUMENT_ID, *model_columns(ErrorInfo))
    return Table("errors", columns, primary_key=("document_id",), parent="documents",
                 indexes=(Index("errors_type_idx", ("type",)),))


def _indicators() -> Table:
    """The indicator table (`ocop_extract.indicators.table`), rebuilt from all documents after each load."""
    from ..indicators.table import IndicatorRow

    columns = (_ORDINAL, *model_columns(IndicatorRow))
    return Table("indicators", columns, primary_key=("ordinal",),
                 indexes=(Index("indicators_indicator_year_idx", ("indicator", "year")),
                          Index("indicators_province_idx", ("province",))))


TABLES: dict[str, Table] = {
    t.name: t for t in (
        _documents(),
        _child("targets", Target, (Index("targets_unit_year_idx", ("unit", "year")),
                                   Index("targets_status_idx", ("status",)))),
        _child("references", Reference, (Index("references_number_idx", ("number",)),)),
        _child("places", Place, (Index("places_name_idx", ("name",)),)),
        _errors(),
        _indicators(),
    )
}
"""Every table of a load, parents first (the order to create them in)."""

CHILD_TABLES: tuple[str, ...] = ("targets", "references", "places", "errors")


def child_items(record: Record, table: str) -> list[Any]:
    """The model objects one record puts in a child table, in order.

    >>> child_items(Record(doc_id="x", source={"path": "x.txt"}), "errors")
    []
    """
    if table == "errors":
        return [] if record.error is None else [record.error]
    return list(getattr(record, table))

