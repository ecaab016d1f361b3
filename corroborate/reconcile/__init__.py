"""Reconcile: a story's articles -> its dossier (claim groups with status and evidence,
timeline, framing). See :func:`corroborate.reconcile.dossier.build_dossier`."""

from .dossier import Dossier, build_dossier
from .settings import DEFAULT, ReconcileSettings

__all__ = ["DEFAULT", "Dossier", "ReconcileSettings", "build_dossier"]
