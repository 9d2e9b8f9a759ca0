"""Command line: parses arguments and calls the library; nothing else lives here.

    python -m ocop_extract PATH... [-o FILE] [--explain] [--workers N] [--resume]
    python -m ocop_extract PATH... -o FILE --engine dask --scheduler ADDRESS
    python -m ocop_extract PATH... [--db URL] [--csv DIR] [--parquet DIR]
    python -m ocop_extract validate FILE.jsonl
    python -m ocop_extract evaluate --gold GOLD.jsonl PATH... [--json]
    python -m ocop_extract review FILE -o PAGE.html
    python -m ocop_extract indicators PATH... [-o FILE.csv|FILE.parquet] [--other]
    python -m ocop_extract report PATH... -o REPORT.html
    python -m ocop_extract schema [--check] [--sql sqlite|postgresql] [--write-sql]

Exit status: 0 when every document was read, 1 when any failed (or a
validation found errors), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__

COMMANDS = ("run", "validate", "evaluate", "schema", "review", "indicators", "report")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ocop_extract",
        description="Extract targets and document fields from Vietnamese plan texts into JSON Lines.",
    )
    parser.add_argument("--version", action="version", version=f"ocop_extract {__version__}")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="process documents (the default command)")
    run.add_argument("paths", nargs="+", help="files or folders (read recursively)")
    run.add_argument("-o", "--output", help="write JSON Lines here (atomically) instead of stdout ('-': stdout)")
    run.add_argument("--explain", action="store_true", help="attach to each target why it was kept")
    _reader_arguments(run)
    run.add_argument("--time-budget", type=float, default=5.0, metavar="SECONDS",
                     help="seconds per 100 KB (and at least that) a document may take before its record is "
                          "a 'timeout' error (default 5; 0: no limit)")
    run.add_argument("--db", metavar="URL",
                     help="also load the records into a database: sqlite:///ocop.db or postgresql://user@host/dbname "
                          "(safe to run again; with --db/--csv/--parquet, JSON Lines are written only with -o FILE)")
    run.add_argument("--csv", metavar="DIR", help="write flat documents/targets/references CSV files into DIR")
    run.add_argument("--parquet", metavar="DIR", help="write the flat tables as Parquet into DIR (needs pyarrow)")
    _batch_arguments(run)

    val = sub.add_parser("validate", help="check a JSON Lines file against the record schema")
    val.add_argument("file")

    ev = sub.add_parser("evaluate", help="score extraction against a gold file (CONTRACT.md section 3)")
    ev.add_argument("--gold", required=True, help="gold JSON Lines")
    ev.add_argument("paths", nargs="+", help="documents, or a JSON Lines file of records")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--errors", action="store_true", help="list misses, false positives and field errors")

    rev = sub.add_parser("review", help="write an HTML page highlighting every extracted span of one document")
    rev.add_argument("file")
    rev.add_argument("-o", "--output", required=True, help="the HTML file to write")

    ind = sub.add_parser("indicators", help="one row per place, year, indicator, stars and status, across documents")
    ind.add_argument("paths", nargs="+", help="documents, folders, or JSON Lines files of records")
    ind.add_argument("-o", "--output", help="FILE.csv or FILE.parquet (default: CSV on stdout)")
    ind.add_argument("--other", action="store_true", help="include figures whose indicator is 'other'")

    rep = sub.add_parser("report", help="write one self-contained HTML report of documents and indicators")
    rep.add_argument("paths", nargs="+", help="documents, folders, or JSON Lines files of records")
    rep.add_argument("-o", "--output", required=True, help="the HTML file to write")

    sch = sub.add_parser("schema", help="print the JSON Schema of a record")
    sch.add_argument("--check", action="store_true", help="fail if schemas/ differs from the models")
    sch.add_argument("--sql", choices=("sqlite", "postgresql"), help="print the database DDL instead")
    sch.add_argument("--write-sql", action="store_true", help="regenerate schemas/sqlite.sql and schemas/postgresql.sql")
    return parser


def _reader_arguments(run: argparse.ArgumentParser) -> None:
    """How files are read (see `ocop_extract.formats`)."""
    run.add_argument("--text-dir", metavar="DIR",
                     help="write DIR/<doc_id>.txt: the text each record's spans index, for any input format")
    run.add_argument("--max-bytes", type=int, metavar="N",
                     help="a larger file gets an error record (default: 100000000)")
    run.add_argument("--time-limit", type=float, metavar="S",
                     help="seconds reading one document may take (PDF, OCR) before its error record (default: 300)")


def _options(args: argparse.Namespace):
    from .options import Options

    limits = {"max_bytes": args.max_bytes, "time_limit": args.time_limit}
    return Options(explain=args.explain, text_dir=args.text_dir, time_budget=args.time_budget,
                   **{name: value for name, value in limits.items() if value is not None})


def _batch_arguments(run: argparse.ArgumentParser) -> None:
    """How a run is carried out: workers, resume, engine (see `ocop_extract.batch`)."""
    run.add_argument("-w", "--workers", type=int, metavar="N",
                     help="worker processes on this machine (default: its cores); output is the same for any N")
    run.add_argument("--resume", action="store_true",
                     help="with -o FILE: keep what an interrupted run to FILE wrote, process the rest")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="where documents are processed: this machine, or a dask.distributed cluster")
    run.add_argument("--scheduler", metavar="ADDRESS", help="dask scheduler address, with --engine dask")
    run.add_argument("--batch-size", type=int, metavar="N", help=argparse.SUPPRESS)
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr (default: only when stderr is a terminal)")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "run")
    elif argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "run")
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    from .errors import UsageError

    try:
        return _dispatch(args)
    except UsageError as exc:
        print(f"ocop_extract: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away ("… | head"): stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _tables(args: argparse.Namespace) -> int:
    """The commands that read many records at once: the indicator table and the report."""
    if args.command == "indicators":
        from .indicators.output import run_indicators

        return run_indicators(args.paths, args.output, args.other)
    from .report import run_report

    return run_report(args.paths, args.output)


def _run(args: argparse.Namespace) -> int:
    """`run`: records to a JSON Lines file, or to a database, CSV or Parquet tables."""
    from .options import BatchOptions

    if args.output == "-":  # the usual spelling of standard output
        args.output = None
    batch = BatchOptions(engine=args.engine, workers=args.workers, scheduler=args.scheduler,
                         resume=args.resume, progress=args.progress, batch_size=args.batch_size)
    if args.db or args.csv or args.parquet:
        from .db.load import run_load
        from .errors import UsageError

        if args.resume:
            raise UsageError("--resume goes with -o FILE alone, not with --db/--csv/--parquet")
        result = run_load(args.paths, args.db, args.csv, args.parquet, args.output,
                          _options(args), batch)
        print(result.summary.line(), file=sys.stderr)
        for line in result.lines:
            print(line, file=sys.stderr)
        return 0 if result.ok else 1
    from .batch import run_to

    summary = run_to(args.paths, args.output, _options(args), batch)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.errors else 0


def _validate(args: argparse.Namespace) -> int:
    """`validate`: check an output file against the record schema."""
    from .validate import validate_file

    problems = validate_file(args.file)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{args.file}: {'OK' if not problems else f'{len(problems)} problems'}", file=sys.stderr)
    return 1 if problems else 0


def _evaluate(args: argparse.Namespace) -> int:
    """`evaluate`: score records against a gold file."""
    from .evaluate import evaluate_paths, format_report

    report = evaluate_paths(args.gold, args.paths)
    print(format_report(report, as_json=args.json, errors=args.errors))
    return 0


def _review(args: argparse.Namespace) -> int:
    """`review`: one document's targets highlighted in an HTML page."""
    from pathlib import Path

    from .batch import process_path
    from .pipeline import read_document
    from .review import review_html

    record = process_path(Path(args.file))
    if record.error:
        print(f"ocop_extract: {args.file}: {record.error.message}", file=sys.stderr)
        return 1
    source = read_document(Path(args.file).read_bytes(), args.file).text
    Path(args.output).write_text(review_html(record, source), encoding="utf-8")
    print(f"{args.output}: {len(record.targets)} targets highlighted", file=sys.stderr)
    return 0


def _schema(args: argparse.Namespace) -> int:
    """`schema`: the record's JSON Schema, the SQL DDL, or a check that both are up to date."""
    from .db.ddl import check_ddl, ddl_text, write_ddl
    from .schema import check_schema, record_schema_text

    if args.write_sql:
        for path in write_ddl():
            print(f"wrote {path}", file=sys.stderr)
        return 0
    if args.sql:
        print(ddl_text(args.sql), end="")
        return 0
    if args.check:
        diff = "\n".join(p for p in (check_schema(), check_ddl()) if p)
        if diff:
            print(diff, file=sys.stderr)
            return 1
        return 0
    print(record_schema_text(), end="")
    return 0


_COMMANDS = {"run": _run, "validate": _validate, "evaluate": _evaluate, "review": _review,
             "indicators": _tables, "report": _tables, "schema": _schema}


def _dispatch(args: argparse.Namespace) -> int:
    command = _COMMANDS.get(args.command)
    if command is None:
        raise AssertionError(args.command)
    return command(args)
