package org.patchgap.formats.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what a compressed stream may expand to (zip and gzip bombs): at most {@link #MAX_RATIO} times its
 * compressed size (plus 1 MiB, for small entries of tiny compressed size) and never more than a cap the caller
 * names for what it reads. Past either, reading fails with {@link LimitException}, which says so; nothing is held
 * beyond what the reader itself keeps.
 */
public final class Decompression {

    /** Real inputs compress 5-20 times (JSON, CSV); a bomb thousands of times. */
    public static final long MAX_RATIO = 200;

    /** Expanded past a limit. */
    public static final class LimitException extends IOException {
        LimitException(String message) {
            super(message);
        }
    }

    private Decompression() {}

    /**
     * @param compressedSize the compressed size when known (a zip entry's), else -1: only {@code cap} applies
     * @param cap            the most this content may expand to
     */
    public static InputStream bounded(InputStream in, long compressedSize, long cap) {
        long limit = compressedSize > 0 ? Math.min(cap, compressedSize * MAX_RATIO + (1 << 20)) : cap;
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) count(n);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) count(skipped);
                return skipped;
            }

            private void count(long n) throws LimitException {
                read += n;
                if (read > limit) {
                    throw new LimitException("expands to more than " + limit + " bytes ("
                            + (compressedSize > 0 ? MAX_RATIO + " times its compressed size of " + compressedSize
                                    + " bytes, or " : "") + "the limit of " + cap + "): refused as a decompression bomb");
                }
            }
        };
    }
}
