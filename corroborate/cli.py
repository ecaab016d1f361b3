"""The command line: parse, call the public API, format. Nothing else lives here."""

from __future__ import annotations

import json
import os
import signal
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import click

from . import api
from .cli_eval import eval_group
from .errors import CorroborateError
from .model import IngestResult
from .render import render_markdown
from .settings import Settings
from .store import Store, resolve_db
from .workers import tune_gc


@contextmanager
def _store(ctx: click.Context) -> Iterator[Store]:
    store = api.open_store(ctx.obj["db"])
    try:
        yield store
    finally:
        store.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="CORROBORATE_DB",
    default=None,
    metavar="PATH|URL",
    help="Store: a SQLite file (default ./corroborate.db, or $CORROBORATE_DB) or postgresql://user@host:port/db.",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """corroborate: group news articles into stories and show what outlets agree on."""
    ctx.obj = {"db": resolve_db(db)}


def _report(result: IngestResult) -> None:
    if result.status == "failed":
        click.echo(f"error: {result.error}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-file-mb", type=float, default=50.0, show_default=True, help="Reject larger input files.")
@click.option("--workers", type=click.IntRange(0), default=0,
              help="Processes that clean and extract (default 0: one per core, if each gets 16 inputs; "
                   "1: all in this process).")  # fmt: skip
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], max_file_mb: float, workers: int) -> None:
    """Read articles from files, directories, globs or - (stdin) into the store.

    Formats are detected from content: plain text, HTML, JSONL, RSS/Atom, WARC
    (optionally gzipped). Exits non-zero when any input failed; the rest are stored.
    Each input is stored in one transaction (a big one: one per 500 items), in input
    order, whatever the number of workers.
    """
    settings = Settings(max_file_bytes=int(max_file_mb * 1024 * 1024))
    inputs = list(api.expand_inputs(paths))
    with _store(ctx) as store:
        summary = api.IngestSummary()
        stored = api.ingest_inputs(inputs, store, settings, api.worker_count(workers, len(inputs)))
        with click.progressbar(stored, length=len(inputs), label="ingesting", file=sys.stderr,
                               hidden=not sys.stderr.isatty()) as bar:  # fmt: skip
            for results in bar:
                for result in results:
                    summary.results.append(result)
                    _report(result)
    click.echo(summary.line(), err=True)
    ctx.exit(1 if summary.failed else 0)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "batch_db", default=None, metavar="URL", help="Store (overrides the global --db).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="A dask.distributed scheduler, e.g. tcp://host:8786 "
              "(default: a local cluster).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1), default=None, help="Local workers (default: 1 per core)")
@click.option("--partition-size", type=click.IntRange(1), default=100, show_default=True,
              help="Articles per task and per Parquet part.")  # fmt: skip
@click.option("--work-dir", default=None, metavar="URL", help="Keep the Parquet parts here (shared storage for a "
              "remote cluster); default: a temporary folder.")  # fmt: skip
@click.option("--max-file-mb", type=float, default=50.0, show_default=True, help="Reject larger input files.")
@click.pass_context
def batch(ctx: click.Context, inputs: tuple[str, ...], batch_db: str | None, scheduler: str | None,
          workers: int | None, partition_size: int, work_dir: str | None, max_file_mb: float) -> None:  # fmt: skip
    """Ingest many inputs on a Dask cluster; the store ends up as `ingest` would leave it.

    INPUTS are files, directories, globs, "-" or fsspec URLs (s3://bucket/*.jsonl). Per-article
    stages run on the workers; dedup, linking and clustering run here in input order.
    """
    from .batch import BatchOptions, batch_ingest

    options = BatchOptions(scheduler=scheduler, partition_size=partition_size, work_dir=work_dir)
    options = options.with_workers(workers) if workers else options
    settings = Settings(max_file_bytes=int(max_file_mb * 1024 * 1024))
    if batch_db:
        ctx.obj["db"] = batch_db
    with _store(ctx) as store:
        summary = batch_ingest(inputs, store, settings, options, on_result=_report)
    click.echo(summary.line(), err=True)
    ctx.exit(1 if summary.failed else 0)


@cli.command()
@click.option("--workers", type=click.IntRange(0), default=0,
              help="Processes that build the story dossiers (default 0: one per core).")  # fmt: skip
@click.pass_context
def export(ctx: click.Context, workers: int) -> None:
    """Write every record as JSON lines (articles, entities, stories)."""
    with _store(ctx) as store:
        for record in api.export_records(store, api.worker_count(workers, store.count_articles())):
            click.echo(json.dumps(record, ensure_ascii=False))


@cli.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search (SQLite FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*)."""
    with _store(ctx) as store:
        for hit in api.search(store, query, limit):
            if as_json:
                click.echo(json.dumps(hit.__dict__, ensure_ascii=False))
            else:
                click.echo(
                    f"{hit.article_id}  {hit.published or '?':10}  {hit.outlet or '?'}  {hit.title or ''}"
                )
                click.echo(f"    {hit.snippet}")


@cli.command("stories")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@click.pass_context
def stories_command(ctx: click.Context, as_json: bool) -> None:
    """List stories, latest first: title, outlets, article count, first/last publication date."""
    with _store(ctx) as store:
        for story in api.stories(store):
            if as_json:
                click.echo(json.dumps(story, ensure_ascii=False))
                continue
            dates = f"{story['first_published'] or '?'} .. {story['last_published'] or '?'}"
            click.echo(f"{story['id']}  {len(story['articles'])} articles  {dates}  {story['title'] or ''}")
            click.echo(f"    outlets: {', '.join(story['outlets']) or 'unknown'}")


@cli.command("story")
@click.argument("story_id")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default=None,
              help="Default: md on a terminal, json when piped.")  # fmt: skip
@click.pass_context
def story_command(ctx: click.Context, story_id: str, fmt: str | None) -> None:
    """Print the dossier of one story: timeline, actors, who said what, claims, framing."""
    fmt = fmt or ("md" if sys.stdout.isatty() else "json")
    with _store(ctx) as store:
        built = api.dossier(store, story_id)
    click.echo(_render(built, fmt))


def _render(built: Any, fmt: str) -> str:
    from .render import dossier_json, render_html, render_markdown

    if fmt == "json":
        return json.dumps(dossier_json(built), ensure_ascii=False, indent=1)
    return render_html(built) if fmt == "html" else render_markdown(built)


@cli.command()
@click.pass_context
def recluster(ctx: click.Context) -> None:
    """Re-optimise every story in one batch pass (and rebuild a damaged story index)."""
    with _store(ctx) as store:
        count = api.recluster(store)
    click.echo(f"{count} stories", err=True)


@cli.command()
@click.option("--db", "serve_db", default=None, metavar="PATH|URL", help="Store (overrides the global --db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="CORROBORATE_TOKEN", default=None,
              help="Token for POST /api/articles (or $CORROBORATE_TOKEN); required off loopback.")  # fmt: skip
@click.pass_context
def serve(ctx: click.Context, serve_db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the web app and JSON API: stories, dossiers, articles, entities (http://127.0.0.1:8000/)."""
    from .web import serve as serve_web

    serve_web(serve_db or ctx.obj["db"], host, port, token)


def _sample_files() -> list[str]:
    """The bundled sample articles (the folder's README describes them and is not one)."""
    folder = resources.files("corroborate") / "data" / "sample"
    return sorted(str(f) for f in folder.iterdir() if f.name != "README.md")


def _describe(article: Any) -> str:
    kinds = sorted({r.kind for r in article.removed})
    dup = f"  duplicate of {article.duplicate_of}" if article.duplicate_of else ""
    date = f"{article.meta.published or 'no date'} ({article.meta.published_from or '-'})"
    return (f"{article.id}  {article.meta.outlet or 'unknown outlet':24.24}  {date:28}  "
            f"{(article.meta.title or '(untitled)')[:60]}\n    removed: {', '.join(kinds) or 'nothing'}{dup}")  # fmt: skip


@cli.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Ingest the bundled sample corpus into a fresh store and show what came out."""
    db = ctx.obj["db"] if ctx.parent and ctx.parent.params.get("db") else "corroborate-demo.db"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    ctx.obj["db"] = db
    with _store(ctx) as store:
        summary = api.ingest(_sample_files(), store, on_result=_report)
        click.echo(f"Sample corpus: {summary.line()}\n")
        for article in store.iter_articles():
            click.echo(_describe(article))
        found = api.stories(store)
        click.echo(f"\n{len(found)} stories:")
        for story in found:
            click.echo(
                f"  {story['id']}  {len(story['articles'])} articles, {len(story['outlets'])} outlets  {story['title']}"
            )
        largest = max(found, key=lambda st: len(st["articles"]))
        click.echo(f"\nDossier of the largest story ({largest['id']}):\n")
        click.echo(render_markdown(api.dossier(store, largest["id"])))
    click.echo(f'Store: {db}  (try: corroborate --db {db} stories, story ID --format html, search "<words>")')
    click.echo(f"Open the web view: corroborate --db {db} serve  ->  http://127.0.0.1:8000/")


cli.add_command(eval_group)


def _warning_line(message: Warning | str, *_: object, **__: object) -> None:
    click.echo(f"warning: {message}", err=True)


def main() -> None:
    warnings.showwarning = _warning_line  # one plain line, like the error lines
    tune_gc()
    try:
        code = cli.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):  # a Ctrl-C landing after click's own handler
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # and one more while stopping: still exit 130
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except CorroborateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
