"""Present a dossier: Markdown, one self-contained HTML page, and the JSON export record."""

from .html import render_html
from .markdown import render_markdown
from .records import dossier_json

__all__ = ["dossier_json", "render_html", "render_markdown"]
