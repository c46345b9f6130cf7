package org.patchgap.store;

/** What a segment holds. The numbers are stored in the file. */
enum SegmentKind {
    /** Advisory records of one source for one ecosystem: origin prefix, count, records ({@link AdvisoryCodec}). */
    ADVISORIES(1),
    /** CISA KEV entries ({@link KevCodec}). */
    KEV(2),
    /** EPSS scores, fixed-width rows sorted by CVE for binary search ({@link EpssTable}). */
    EPSS(3);

    final int code;

    SegmentKind(int code) {
        this.code = code;
    }

    static SegmentKind ofCode(int code) {
        for (SegmentKind k : values()) {
            if (k.code == code) return k;
        }
        throw new CorruptSegmentException("unknown segment kind " + code);
    }
}
