#!/usr/bin/env bash
# Differential oracle for Patchgap's Debian version scheme: dpkg --compare-versions itself.
#
# Reads one pair per line on stdin: two versions written with printf %b escapes (\xHH for each byte),
# separated by one space. Writes a first line "dpkg <version>", then one line per pair:
# validity of a (1/0) SPACE validity of b (1/0) SPACE cmp (-1, 0, 1, or x when either is invalid).
# dpkg has no batch mode, so this runs dpkg once or twice per pair, but the test starts one process.
set -u
echo "dpkg $(dpkg-query -W -f='${Version}' dpkg 2>/dev/null || echo unknown)"
valid() { dpkg --compare-versions "$1" eq "$1" 2>/dev/null; [ $? -ne 2 ]; }
while read -r ea eb; do
    printf -v a '%b' "$ea"
    printf -v b '%b' "$eb"
    dpkg --compare-versions "$a" lt "$b" 2>/dev/null
    rc=$?
    if [ $rc -eq 0 ]; then echo "1 1 -1"; continue; fi
    if [ $rc -eq 2 ]; then
        va=0; vb=0
        valid "$a" && va=1
        valid "$b" && vb=1
        echo "$va $vb x"
        continue
    fi
    if dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo "1 1 0"; else echo "1 1 1"; fi
done
