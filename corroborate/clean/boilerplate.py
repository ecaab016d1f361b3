"""Boilerplate detectors (placeholder: replaced by the full module)."""

from __future__ import annotations

from .verdict import Detector

DETECTORS: tuple[Detector, ...] = ()
