"""``--format junit``: JUnit XML for CI test-report viewers, one test case per linted file.

A test case fails when its file has an error or warning finding (the ``<failure>`` text lists
them, one ``line:col: IH123 [severity] message`` a line); info findings go in ``<system-out>``;
an unreadable file is an ``<error>``. No timestamps and no durations, so the output is
deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..results import FileResult, Finding, LintReport, severity_rank
from . import RenderOptions

_FAILING = severity_rank("warning")
# Characters XML 1.0 cannot hold at all (control characters other than tab, LF and CR).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(report: LintReport, options: RenderOptions | None = None) -> str:
    cases = [_testcase(r) for r in report.files]
    tests = str(len(cases))
    failures = str(sum(1 for c in cases if c.find("failure") is not None))
    errors = str(sum(1 for c in cases if c.find("error") is not None))
    root = ET.Element("testsuites", {"name": "ih", "tests": tests, "failures": failures, "errors": errors})
    suite = ET.SubElement(root, "testsuite", {"name": "ih lint", "tests": tests, "failures": failures,
                                              "errors": errors, "skipped": "0"})
    suite.extend(cases)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(result: FileResult) -> ET.Element:
    case = ET.Element("testcase", {"classname": "ih", "name": _clean(result.path)})
    if result.error:
        ET.SubElement(case, "error", {"message": _clean(result.error), "type": "unreadable"})
        return case
    failing = [f for f in result.findings if severity_rank(f.severity) >= _FAILING]
    other = [f for f in result.findings if severity_rank(f.severity) < _FAILING]
    if failing:
        worst = max(failing, key=lambda f: severity_rank(f.severity)).severity
        count = f"{len(failing)} finding" + ("" if len(failing) == 1 else "s")
        failure = ET.SubElement(case, "failure", {"message": count, "type": worst})
        failure.text = "\n".join(_line(f) for f in failing)
    if other:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in other)
    return case


def _line(f: Finding) -> str:
    where = f"{f.line}:{f.column}" if f.line else "1:1"  # as --format concise
    return _clean(f"{where}: {f.rule_id} [{f.severity}] {' '.join(f.message.split())}")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)
