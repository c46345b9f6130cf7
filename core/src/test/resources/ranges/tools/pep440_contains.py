"""Answers, for each JSON line [specifiers, version] on stdin, packaging's verdict on one line of stdout:
"invalid" when SpecifierSet(specifiers) raises InvalidSpecifier, else SpecifierSet(...).contains(version) as
"true" or "false". The first output line is the packaging version used."""
import json
import sys

import packaging
from packaging.specifiers import InvalidSpecifier, SpecifierSet

out = [packaging.__version__]
for line in sys.stdin:
    spec, version = json.loads(line)
    try:
        s = SpecifierSet(spec)
    except InvalidSpecifier:
        out.append("invalid")
        continue
    out.append("true" if s.contains(version) else "false")
sys.stdout.write("\n".join(out) + "\n")
