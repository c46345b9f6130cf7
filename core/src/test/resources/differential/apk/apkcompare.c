/*
 * Differential driver for Alpine versions: answers the V/C protocol of ../README.md with apk-tools' own
 * version.c, linked in from an apk-tools checkout by build.sh (apk-tools is not packaged for Debian).
 * Compiled with -DAPK2 it calls the apk-tools 2.x names.
 */
#include <stdio.h>
#include <string.h>
#include "apk_blob.h"
#include "apk_version.h"

#ifdef APK2
#define COMPARE(a, b) apk_version_compare_blob(a, b)
#else
#define COMPARE(a, b) apk_version_compare(a, b)
#endif

int main(void)
{
	static char line[65536];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		char *a = line + 2, *b = strchr(a, '\t');
		if (line[0] == 'V') {
			puts(apk_version_validate(APK_BLOB_STR(a)) ? "valid" : "invalid");
		} else if (line[0] == 'C' && b != NULL) {
			*b++ = 0;
			int r = COMPARE(APK_BLOB_STR(a), APK_BLOB_STR(b));
			puts(r == APK_VERSION_LESS ? "-1" : r == APK_VERSION_GREATER ? "1"
				: r == APK_VERSION_EQUAL ? "0" : "none");
		} else {
			puts("invalid");
		}
		fflush(stdout);
	}
	return 0;
}
