"""``python -m townhall.policy check ...`` (same as ``townhall check ...``, without Django)."""

import os
import sys

from townhall.policy.cli import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:  # e.g. piped into `head`: not an error for a CLI
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 0
raise SystemExit(code)
