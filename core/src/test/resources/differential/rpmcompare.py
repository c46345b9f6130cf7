# Answers V/C lines (see README.md) with rpm's own parsing and labelCompare. Run with Debian's python3.
import sys
import rpm


def evr(text):
    v = rpm.ver(text)
    return (v.e, v.v, v.r)


for line in sys.stdin:
    fields = line.rstrip("\n").split("\t")
    try:
        if fields[0] == "V":
            # Valid: rpm parses it and can compare it (labelCompare refuses an empty version part).
            rpm.labelCompare(evr(fields[1]), evr(fields[1]))
            print("valid")
        else:
            print(rpm.labelCompare(evr(fields[1]), evr(fields[2])))
    except Exception:
        print("invalid")
