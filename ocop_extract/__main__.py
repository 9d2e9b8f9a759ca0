"""`python -m ocop_extract`: see `ocop_extract.cli`."""

from .cli import main

raise SystemExit(main())
