"""The GitHub Action: action.yml is a well-formed composite action, the workflow in docs/ci.md uses
it correctly, and its lint step (scripts/action-lint.sh) writes valid SARIF and the step outputs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
SCRIPT = ROOT / "scripts" / "action-lint.sh"
CI_DOC = ROOT / "docs" / "ci.md"
SCHEMA = ROOT.parent / "shared" / "reference" / "sarif-schema-2.1.0.json"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def workflow_example() -> dict:
    """The YAML block under "### A complete workflow" in docs/ci.md."""
    section = CI_DOC.read_text(encoding="utf-8").split("### A complete workflow\n", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block
    return yaml.safe_load(block.group(1))


def test_composite_action_shape(action):
    assert action["runs"]["using"] == "composite"
    assert {"paths", "config", "fail-on", "format", "version"} <= set(action["inputs"])
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
        assert isinstance(spec.get("default", ""), str), name   # action inputs are strings
    uses = [step.get("uses", "") for step in action["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            # Inputs reach scripts only through env: never ${{ inputs.* }} inside the script text.
            assert "${{" not in step["run"], step["name"]


def test_workflow_example_uses_the_action_correctly(action):
    workflow = workflow_example()
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["ih"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    [ours] = [s for s in steps if s.get("uses", "").startswith("inclusive-hiring/ih@")]
    assert set(ours.get("with", {})) <= set(action["inputs"])
    on = workflow.get("on", workflow.get(True))   # YAML 1.1 reads a bare `on` as True
    assert "pull_request" in on


def run_step(cwd: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run the action's lint step the way the composite action does, with ih from this venv."""
    output = cwd / "github-output.txt"
    output.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IH_") or k == "IH_CACHE_DIR"}
    env.update({f"IH_{k.upper()}": v for k, v in inputs.items()})
    env["GITHUB_OUTPUT"] = str(output)
    env["GITHUB_ACTIONS"] = "true"
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return proc, outputs


@pytest.fixture
def checkout(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "sales role.md").write_text("We need a rockstar salesman.\n",
                                                         encoding="utf-8")
    return tmp_path


def test_lint_step_with_the_documented_inputs(checkout, action):
    workflow = workflow_example()
    [ours] = [s for s in workflow["jobs"]["ih"]["steps"] if s.get("uses", "").startswith("inclusive-hiring/")]
    inputs = {k: str(v["default"]) for k, v in action["inputs"].items() if "default" in v}
    inputs.update({k: str(v) for k, v in ours["with"].items()})
    step_env = next(s["env"] for s in action["runs"]["steps"] if s.get("id") == "lint")
    env_inputs = {name.removeprefix("IH_").lower(): inputs[re.search(r"inputs\.([\w-]+)", expr).group(1)]
                  for name, expr in step_env.items()}
    proc, outputs = run_step(checkout, **env_inputs)
    assert proc.returncode == 0, proc.stderr               # the step itself never fails ...
    assert outputs["exit-code"] == "1"                     # ... it hands the exit code on
    assert outputs["sarif-file"] == "ih-results.sarif"
    assert re.search(r"^::error file=postings/sales role\.md,line=1,", proc.stdout, re.M), proc.stdout
    log = json.loads((checkout / "ih-results.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"postings/sales%20role.md"}
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(log)


def test_lint_step_paths_one_per_line_and_no_injection(checkout):
    proc, outputs = run_step(checkout, paths="postings/sales role.md\n\n", format="concise", fail_on="never",
                             args="$(touch injected)", sarif="")
    assert not (checkout / "injected").exists()
    assert outputs == {"exit-code": "2", "sarif-file": ""}   # "$(touch" is not a file: exit 2
    assert "ih: $(touch: no such file or directory" in proc.stderr


def test_lint_step_clean_run(checkout):
    (checkout / "postings" / "sales role.md").unlink()
    (checkout / "postings" / "ok.md").write_text("We need a salesperson.\n", encoding="utf-8")
    proc, outputs = run_step(checkout, paths="postings", fail_on="error", format="concise",
                             sarif="out.sarif")
    assert outputs == {"exit-code": "0", "sarif-file": "out.sarif"}, proc.stderr
