"""The workflow of docs/ci.md, run step by step the way a GitHub runner runs it.

GitHub itself cannot be reached from a test, so this module plays the runner: it reads the
workflow block of docs/ci.md, resolves ``uses: inclusive-hiring/ih@...`` to this repository's
``action.yml``, fills the action's inputs from the workflow's ``with:`` and the defaults, evaluates
the ``${{ ... }}`` expressions the action uses, and runs every ``run:`` step with bash, with
GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP and GITHUB_ACTIONS set as GitHub sets
them. The two third-party steps are stood in for: ``actions/setup-python`` by the Python running
the tests (so the Install step makes its venv and pip-installs this package from the action's
path, as on GitHub), and ``github/codeql-action/upload-sarif`` by a check that the file it would
upload is valid SARIF 2.1.0.

The Install step needs PyPI (or a warm pip cache) once: it is marked ``network`` like the
pre-commit test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "reference" / "sarif-schema-2.1.0.json"

pytestmark = [pytest.mark.network,
              pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")]


def workflow_steps() -> list[dict[str, Any]]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text.split("### A complete workflow\n", 1)[1], re.S)
    assert block
    return yaml.safe_load(block.group(1))["jobs"]["ih"]["steps"]


# --------------------------------------------------------------------------- expressions

_TOKEN = re.compile(r"\s*(?:(&&|\|\||==|!=|!|\(|\))|'((?:[^']|'')*)'|([A-Za-z_][\w.-]*\(\)|[A-Za-z_][\w.-]*))")


def evaluate(expr: str, context: dict[str, Any]) -> Any:
    """The subset of GitHub's expression language that action.yml uses: property paths
    (``inputs.paths``, ``steps.lint.outputs.exit-code``), string literals, ``==``, ``!=``, ``!``,
    ``&&``, ``||``, parentheses and ``always()``. Comparisons are on strings, as GitHub compares
    inputs and outputs (a missing value is the empty string)."""
    tokens = []
    pos = 0
    while pos < len(expr.rstrip()):
        m = _TOKEN.match(expr, pos)
        assert m, f"cannot parse expression {expr!r} at {pos}"
        tokens.append(m.groups())
        pos = m.end()

    def value(i: int) -> tuple[Any, int]:
        op, literal, name = tokens[i]
        if op == "!":
            v, i = value(i + 1)
            return not v, i
        if op == "(":
            v, i = either(i + 1)
            assert tokens[i][0] == ")"
            return v, i + 1
        if literal is not None:
            return literal.replace("''", "'"), i + 1
        if name == "always()":
            return True, i + 1
        if name in ("true", "false"):
            return name == "true", i + 1
        node: Any = context
        for part in name.split("."):
            node = node.get(part, "") if isinstance(node, dict) else ""
        return node, i + 1

    def compare(i: int) -> tuple[Any, int]:
        left, i = value(i)
        if i < len(tokens) and tokens[i][0] in ("==", "!="):
            op = tokens[i][0]
            right, i = value(i + 1)
            return (str(left) == str(right)) == (op == "=="), i
        return left, i

    def chain(i: int, op: str, operand):  # type: ignore[no-untyped-def]
        """``operand (op operand)*`` for ``&&`` and ``||``, left to right."""
        left, i = operand(i)
        while i < len(tokens) and tokens[i][0] == op:
            right, i = operand(i + 1)
            left = (left and right) if op == "&&" else (left or right)
        return left, i

    def either(i: int) -> tuple[Any, int]:
        return chain(i, "||", lambda j: chain(j, "&&", compare))

    result, end = either(0)
    assert end == len(tokens), f"trailing tokens in {expr!r}"
    return result


def substitute(text: str, context: dict[str, Any]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(evaluate(m.group(1), context)), text)


def test_expression_subset():
    ctx = {"inputs": {"upload-sarif": "true", "paths": "a b"}, "steps": {"lint": {"outputs": {"exit-code": "1"}}}}
    assert evaluate(" inputs.paths ", ctx) == "a b"
    assert evaluate("always() && inputs.upload-sarif == 'true' && steps.lint.outputs.sarif-file != ''", ctx) is False
    assert evaluate("steps.lint.outputs.exit-code != '' && steps.lint.outputs.exit-code != '0'", ctx) is True
    assert evaluate("!(inputs.paths == 'a b') || 'x' == 'x'", ctx) is True
    assert substitute("v=${{ inputs.paths }}.", ctx) == "v=a b."


# --------------------------------------------------------------------------- the runner

def read_outputs(path: Path) -> dict[str, str]:
    """GITHUB_OUTPUT: ``name=value`` lines and ``name<<DELIM`` ... ``DELIM`` blocks."""
    out: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            end = lines.index(delim, i + 1)
            out[name] = "\n".join(lines[i + 1:end])
            i = end + 1
            continue
        name, _, val = line.partition("=")
        out[name] = val
        i += 1
    return out


def run_action(workspace: Path, with_: dict[str, Any], runner_temp: Path) -> dict[str, Any]:
    """Run action.yml as a composite action; returns the log, step outcomes and outputs."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(with_) - set(inputs)
    assert not unknown, f"the workflow passes inputs the action does not have: {unknown}"
    inputs.update({k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in with_.items()})
    context: dict[str, Any] = {"inputs": inputs, "steps": {}}
    path_dirs = [str(Path(sys.executable).parent)]  # what setup-python puts on PATH
    log: list[str] = []
    failed = False
    uploaded: list[Path] = []
    for index, step in enumerate(action["runs"]["steps"]):
        condition = step.get("if", "success()")
        condition = condition.strip().removeprefix("${{").removesuffix("}}")
        run_it = evaluate(condition.replace("success()", "true" if not failed else "false"), context)
        if not run_it:
            continue
        uses = step.get("uses", "")
        if uses.startswith("actions/setup-python@"):
            continue  # stood in for by the interpreter running the tests
        if uses.startswith("github/codeql-action/upload-sarif@"):
            uploaded.append(workspace / substitute(step["with"]["sarif_file"], context))
            continue
        assert "run" in step and step["shell"] == "bash", step
        output_file = runner_temp / f"output-{index}"
        path_file = runner_temp / f"path-{index}"
        output_file.write_text("", encoding="utf-8")
        path_file.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("IH_", "VIRTUAL_ENV", "PYTHON"))}
        env.update({k: substitute(str(v), context) for k, v in step.get("env", {}).items()})
        env.update(GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(ROOT), GITHUB_WORKSPACE=str(workspace),
                   GITHUB_OUTPUT=str(output_file), GITHUB_PATH=str(path_file), RUNNER_TEMP=str(runner_temp),
                   PATH=os.pathsep.join([*path_dirs, "/usr/bin", "/bin"]),
                   IH_CACHE_DIR=str(runner_temp / "ih-cache"), PIP_DISABLE_PIP_VERSION_CHECK="1")
        proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env, capture_output=True,
                              text=True, timeout=900, check=False)
        log.append(proc.stdout + proc.stderr)
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": read_outputs(output_file),
                                            "outcome": "success" if proc.returncode == 0 else "failure"}
        path_dirs = [line for line in path_file.read_text(encoding="utf-8").splitlines() if line] + path_dirs
        if proc.returncode != 0:
            if step.get("name") != "Fail on findings":
                assert proc.returncode == 0, f"step {step.get('name')!r} failed:\n{proc.stdout}\n{proc.stderr}"
            failed = True
    outputs = {name: substitute(spec["value"], context) for name, spec in action["outputs"].items()}
    return {"log": "\n".join(log), "failed": failed, "uploaded": uploaded, "outputs": outputs}


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory):
    return tmp_path_factory.mktemp("runner-temp")


def test_the_docs_workflow_runs_the_action_end_to_end(tmp_path, runner_temp):
    steps = workflow_steps()
    assert steps[0]["uses"].startswith("actions/checkout@")
    [ours] = [s for s in steps if s.get("uses", "").startswith("inclusive-hiring/ih@")]
    # actions/checkout: the repository of postings, as the workflow would see it
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "sales role.md").write_text(
        "# Sales\n\nWe need a rockstar salesman to join our team.\n", encoding="utf-8")
    (tmp_path / "postings" / "clean.md").write_text(
        (Path(__file__).parent / "fixtures" / "clean-posting.md").read_text(encoding="utf-8"),
        encoding="utf-8")
    (tmp_path / "README.md").write_text("Not a posting: outside `paths`.\nA rockstar.\n", encoding="utf-8")

    run = run_action(tmp_path, ours.get("with", {}), runner_temp)

    assert run["failed"], "a flawed posting fails the job (fail-on: warning)"
    assert run["outputs"]["exit-code"] == "1"
    assert re.search(r"^::(error|warning) file=postings/sales role\.md,line=3,col=\d+,", run["log"], re.M)
    assert "README.md" not in run["log"]
    assert "ih lint exited with 1" in run["log"]
    [sarif] = run["uploaded"]
    assert sarif == tmp_path / run["outputs"]["sarif-file"]
    log = json.loads(sarif.read_text(encoding="utf-8"))
    serious = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for r in log["runs"][0]["results"] if r.get("level", "warning") in ("error", "warning")}
    assert serious == {"postings/sales%20role.md"}
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(log)

    # Fixed postings: the same workflow passes.
    (tmp_path / "postings" / "sales role.md").unlink()
    again = run_action(tmp_path, ours.get("with", {}), runner_temp)
    assert not again["failed"] and again["outputs"]["exit-code"] == "0", again["log"]
