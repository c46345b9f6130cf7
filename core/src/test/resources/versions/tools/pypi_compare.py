"""Differential oracle for Patchgap's PyPI version scheme: the `packaging` library itself.

Reads one JSON array [a, b] of two version strings per line on stdin. Writes a first line
"packaging <version>", then one line per pair: str(Version(a)) TAB str(Version(b)) TAB cmp, where an
invalid string is written as "!" and cmp is -1, 0 or 1 (or "x" when either string is invalid).
Run with the default python3 on PATH (docs/versions.md).
"""
import json
import sys

import packaging
from packaging.version import InvalidVersion, Version


def parse(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


def main():
    out = ["packaging " + packaging.__version__]
    for line in sys.stdin:
        if not line.strip():
            continue
        a, b = json.loads(line)
        va, vb = parse(a), parse(b)
        if va is None or vb is None:
            cmp = "x"
        else:
            cmp = str((va > vb) - (va < vb))
            if (cmp == "0") != (va == vb):
                cmp = "inconsistent"
        out.append("\t".join(["!" if v is None else str(v) for v in (va, vb)] + [cmp]))
    sys.stdout.write("\n".join(out) + "\n")


main()
