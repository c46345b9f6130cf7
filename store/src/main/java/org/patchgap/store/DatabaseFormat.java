package org.patchgap.store;

/**
 * Constants of the database file, {@code advisories.pgdb}. Layout (big-endian):
 *
 * <pre>
 * "PGDB" u32 version                      header, 8 bytes
 * segment*                                advisories per (source, ecosystem), KEV, EPSS; see SegmentKind
 * catalog                                 sources and the segment table (SegmentOutput encoding)
 * u64 catalogOffset u32 catalogLength u32 catalogCrc32 "PGDB"   trailer, 20 bytes
 * </pre>
 *
 * Opening reads the trailer and the catalog only; a segment is read when a scan asks for its ecosystem.
 * A file is complete or absent: it is written under a temporary name and renamed into place.
 */
final class DatabaseFormat {

    static final int MAGIC = 0x50474442; // "PGDB"
    /**
     * Bumped whenever the encoding changes; a program refuses a file of another version rather than misreading
     * it (an older file is rebuilt by {@code db update}, a newer one needs a newer program). 2: remediations of
     * affected packages and not-affected statements (CSAF VEX).
     */
    static final int VERSION = 2;
    static final int HEADER_LENGTH = 8;
    static final int TRAILER_LENGTH = 20;
    static final String FILE_NAME = "advisories.pgdb";

    private DatabaseFormat() {}
}
