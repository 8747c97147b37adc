"""``python -m icclaw``: the command line."""

from icclaw.cli import main

raise SystemExit(main())
