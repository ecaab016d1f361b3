"""The CLI is thin: these check wiring, exit codes, messages and documentation."""

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from corroborate.cli import cli

from .helpers import HARBOUR_STORY

README = Path(__file__).resolve().parents[1] / "README.md"


def run(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text()
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert re.search(rf"`corroborate {name}\b", readme), f"{name} missing from README"


def test_ingest_export_search(tmp_path):
    db = str(tmp_path / "t.db")
    src = tmp_path / "a.txt"
    src.write_text(HARBOUR_STORY)
    result = run("--db", db, "ingest", str(src))
    assert result.exit_code == 0
    assert "ingested 1, duplicates 0, failed 0" in result.output
    records = [json.loads(line) for line in run("--db", db, "export").output.splitlines()]
    assert [r["type"] for r in records if r["type"] != "entity"] == ["article"]
    assert any(r["type"] == "entity" and r["name"] == "Mara Quist" for r in records)
    assert "Harbour Bridge" in run("--db", db, "search", "bridge").output


def test_failed_input_gives_one_line_and_non_zero_exit(tmp_path):
    db = str(tmp_path / "t.db")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "a.txt").write_text(HARBOUR_STORY)
    result = run("--db", db, "ingest", str(tmp_path))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "blob.bin" in errors[0] and "Traceback" not in result.output
    assert "ingested 1, duplicates 0, failed 1" in result.output


def test_bad_search_syntax_is_one_clear_line(tmp_path):
    db = str(tmp_path / "t.db")
    proc = subprocess.run(
        [sys.executable, "-c", "from corroborate.cli import main; main()", "--db", db, "search", '"open'],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: bad search syntax") and "Traceback" not in proc.stderr


def test_ingest_reads_stdin(tmp_path):
    db = str(tmp_path / "t.db")
    result = run("--db", db, "ingest", "-", input=HARBOUR_STORY)
    assert result.exit_code == 0 and "ingested 1" in result.output
