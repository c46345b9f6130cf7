#!/bin/sh
# Builds ndbwrite (our driver) against rpm's own NDB code (lib/backend/ndb/rpmpkg.c) from an rpm checkout:
# Debian's rpm has no NDB backend, so this is how the NDB fixture was made with rpm's real writer.
# Usage: build.sh RPM_CHECKOUT OUTPUT_BINARY
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cp "$1/lib/backend/ndb/rpmpkg.c" "$1/lib/backend/ndb/rpmpkg.h" "$work/"
gcc -O1 -w -I"$here/stubs" -I"$work" -o "$2" "$here/ndbwrite.c" "$work/rpmpkg.c"
rm -rf "$work"
