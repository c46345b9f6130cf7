/* Writes an NDB Packages.db with rpm's own rpmpkg.c: reads "pkgidx<TAB>hexblob" lines, deletes "D<TAB>pkgidx". */
#include "system.h"
#include <string.h>
#include <fcntl.h>
#include "rpm/rpmtypes.h"
#include "rpmpkg.h"
static int hex(int c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }
int main(int argc, char **argv) {
	rpmpkgdb db;
	if (rpmpkgOpen(&db, argv[1], O_RDWR | O_CREAT, 0644)) { perror("open"); return 1; }
	if (rpmpkgLock(db, 1)) return 1;
	static char line[1 << 22];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		if (line[0] == 'D') { if (rpmpkgDel(db, atoi(line + 2))) return 3; continue; }
		char *tab = strchr(line, '\t');
		*tab++ = 0;
		unsigned int n = strlen(tab) / 2;
		unsigned char *blob = malloc(n);
		for (unsigned int i = 0; i < n; i++) blob[i] = hex(tab[2 * i]) << 4 | hex(tab[2 * i + 1]);
		if (rpmpkgPut(db, atoi(line), blob, n)) return 2;
		free(blob);
	}
	rpmpkgUnlock(db, 1);
	rpmpkgClose(db);
	return 0;
}
