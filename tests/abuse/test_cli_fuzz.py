"""Hypothesis over ``ih lint`` in process: any bytes in a file (binary, broken UTF-8, surrogates,
markup) give exit 0, 1 or 2, valid JSON on stdout and only ``ih: ...`` lines on stderr."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_api_fuzz import TEXTS
from typer.testing import CliRunner

from inclusive_hiring.cli import app

DATA = st.one_of(st.binary(max_size=300), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=DATA, suffix=st.sampled_from([".md", ".txt", ".html"]))
def test_any_file_gives_a_report_or_a_one_line_error(tmp_path_factory, data, suffix):
    tmp_path = tmp_path_factory.mktemp("fuzz")
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    (tmp_path / "normal.md").write_text("We want a salesman.\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["lint", "-f", "json", "-j", "1", "--no-config", str(tmp_path)])
    assert done.exit_code in (0, 1, 2), done.exception
    assert all(line.startswith("ih: ") for line in done.stderr.splitlines()), done.stderr
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert files[f"{tmp_path}/normal.md"]["findings"]
    assert files[f"{tmp_path}/input{suffix}"]["error"] is not None or done.exit_code in (0, 1)
