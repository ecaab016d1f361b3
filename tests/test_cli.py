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
    assert [r["type"] for r in records if r["type"] not in ("entity", "story")] == ["article"]
    assert [r["type"] for r in records][-1] == "story"
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


FERRY_A = (
    "Ferry Strike Ends After Pay Deal\n"
    "Crews on the Kessel Strait ferries returned to work on Friday after the operator Norland Lines agreed to raise "
    "wages by six percent, ending a nine-day strike that stranded thousands of travellers.\n"
    "Union leader Petra Vos said members had voted by a large margin to accept the offer.\n"
)
FERRY_B = (
    "Kessel Strait Ferries Sail Again\n"
    "Norland Lines ferries on the Kessel Strait were back in service on Friday after a nine-day strike, "
    "once crews accepted a six percent pay rise.\n"
    '"It is a fair deal," union leader Petra Vos told reporters in the port.\n'
)


def test_stories_story_and_recluster(tmp_path):
    db = str(tmp_path / "t.db")
    for name, text in (("a.txt", FERRY_A), ("b.txt", FERRY_B), ("c.txt", HARBOUR_STORY)):
        (tmp_path / name).write_text(text)
    assert run("--db", db, "ingest", str(tmp_path)).exit_code == 0
    listed = [json.loads(line) for line in run("--db", db, "stories", "--json").output.splitlines()]
    assert sorted(len(s["articles"]) for s in listed) == [1, 2]
    ferry = next(s for s in listed if len(s["articles"]) == 2)
    shown = json.loads(run("--db", db, "story", ferry["id"], "--format", "json").output)
    assert shown["story_id"] == ferry["id"] and shown["claim_groups"]
    page = run("--db", db, "story", ferry["id"], "--format", "html").output
    assert page.lstrip().lower().startswith("<!doctype html") and "Petra Vos" in page
    assert run("--db", db, "recluster").exit_code == 0
    again = [json.loads(line) for line in run("--db", db, "stories", "--json").output.splitlines()]
    assert sorted(len(s["articles"]) for s in again) == [1, 2]


def test_unknown_story_is_one_clear_line(tmp_path):
    db = str(tmp_path / "t.db")
    proc = subprocess.run(
        [sys.executable, "-c", "from corroborate.cli import main; main()", "--db", db, "story", "nope"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 2 and "corroborate stories" in proc.stderr and "Traceback" not in proc.stderr


def test_python_dash_m_runs_the_same_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "corroborate", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "ingest" in done.stdout and "stories" in done.stdout
