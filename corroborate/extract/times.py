from __future__ import annotations

import datetime as dt

from .base import TimeExpr


def find_times(text: str, anchor: dt.date | None) -> list[TimeExpr]:
    return []
