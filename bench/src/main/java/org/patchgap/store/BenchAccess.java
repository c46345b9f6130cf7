package org.patchgap.store;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.patchgap.core.model.Vulnerability;

/**
 * The engine measurement's door into the store's package-private encoding (bench only, same package name): the
 * SQL candidates store each record with the store's own record encoding, so that the comparison is of the
 * storage engines and not of two encodings.
 */
public final class BenchAccess {

    private BenchAccess() {}

    /** One record alone (its own string table), as a row's blob. */
    public static byte[] encode(Vulnerability v) {
        SegmentOutput out = new SegmentOutput();
        AdvisoryCodec.write(out, v, "");
        return out.toByteArray();
    }

    public static Vulnerability decode(byte[] blob) {
        return AdvisoryCodec.read(new SegmentInput(ByteBuffer.wrap(blob)), "");
    }

    /** Encodes {@code records} as one source's segments (compact: the record objects can go). */
    public static Object encodeSource(String source, List<Vulnerability> records) {
        SourceStatus status = new SourceStatus(source, source, Instant.now(), records.size(), 0, null, null, null,
                null);
        return SourceData.Advisories.encode(status, records, "", "");
    }

    /** Writes the encoded sources into a new database in {@code directory}, segments deflated or not. */
    public static void commit(java.nio.file.Path directory, List<Object> sources, boolean deflate)
            throws DatabaseException {
        List<SourceData> data = sources.stream().map(SourceData.class::cast).toList();
        DatabaseCommit.commit(directory, data, List.of(), Map.of(), deflate, Clock.systemUTC(), ProgressListener.NONE);
    }

    /** Copies a database segment by segment, storing every segment deflated or not (nothing is decoded). */
    public static void recompress(java.nio.file.Path from, java.nio.file.Path to, boolean deflate) throws Exception {
        java.nio.file.Files.createDirectories(to);
        try (DatabaseFile in = DatabaseFile.open(from.resolve(DatabaseFormat.FILE_NAME));
             DatabaseWriter out = DatabaseWriter.create(to.resolve(DatabaseFormat.FILE_NAME), deflate)) {
            for (SegmentInfo s : in.catalog().segments()) {
                java.nio.ByteBuffer raw = in.segmentBytes(s);
                byte[] bytes = new byte[raw.remaining()];
                raw.get(bytes);
                out.segment(s.kind(), s.source(), s.ecosystem(), s.records(), bytes);
            }
            out.finish(in.catalog().created(), in.catalog().sources());
        }
    }
}
