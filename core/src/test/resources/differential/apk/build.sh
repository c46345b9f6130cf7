#!/bin/sh
# Builds apkcompare.c against the version.c of an apk-tools checkout (git clone of
# https://gitlab.alpinelinux.org/alpine/apk-tools, any branch from 2.x on).
# Usage: build.sh APK_TOOLS_CHECKOUT OUTPUT_BINARY
set -eu
src=$1/src
out=$2
here=$(dirname "$0")
if grep -q TOKEN_INITIAL_DIGIT "$src/version.c"; then
	# apk-tools 3: blob.c needs one symbol from the crypto code, which version comparison never calls.
	stub=$(mktemp --suffix=.c)
	echo 'int apk_digest_alg_len(unsigned char alg) { (void)alg; return 0; }' > "$stub"
	gcc -O1 -w -I"$src" -I"$1/portability" -o "$out" "$here/apkcompare.c" "$src/version.c" "$src/blob.c" \
		"$src/ctype.c" "$stub"
	rm -f "$stub"
else
	gcc -O1 -w -DAPK2 -I"$src" -o "$out" "$here/apkcompare.c" "$src/version.c" "$src/blob.c"
fi
