"""What ``--fix`` reports and writes, made honest (issue 15, item 7).

* :func:`compatible_fixes`: a report (JSON edits, ``[*]`` marks, "N fixable") offers only
  fixes that apply together. Where two findings' edits collide (EB101 86-105 and EB104
  104-143), the later finding keeps its place in the report but loses its fix, exactly as
  :func:`sociable.fixer.choose_fixes` would leave it for a second pass.
* :func:`keep_trailing_blank_lines`: a fix that removes a draft's last sentence must not add
  or take away the blank lines the author left at the end of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sociable.findings import Finding
from sociable.fixer import applicable, choose_fixes, keep_trailing_blank_lines


def compatible_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """``findings`` in the same order, with the fix of any finding whose edits collide with
    an earlier chosen fix of the same file removed (unapplicable fixes are left as shown)."""
    items = list(findings)
    by_path: dict[str, list[Finding]] = {}
    for finding in items:
        if applicable(finding.fix, unsafe):
            by_path.setdefault(finding.path, []).append(finding)
    chosen = {id(fix) for group in by_path.values() for fix in choose_fixes(group, unsafe)}
    out = []
    for finding in items:
        fix = finding.fix
        if fix is not None and applicable(fix, unsafe) and id(fix) not in chosen:
            finding = replace(finding, fix=None)
        out.append(finding)
    return out


__all__ = ["compatible_fixes", "keep_trailing_blank_lines"]
