package org.patchgap.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes one new database file from start to end: header, segments, then catalog and trailer. The file is
 * only valid once {@link #finish} has written the trailer and forced the bytes to disk; the caller then renames
 * it into place ({@link DatabaseCommit}).
 */
final class DatabaseWriter implements Closeable {

    private final FileChannel channel;
    private final boolean deflate;
    private final List<SegmentInfo> segments = new ArrayList<>();
    private long position;

    private DatabaseWriter(FileChannel channel, boolean deflate) {
        this.channel = channel;
        this.deflate = deflate;
    }

    static DatabaseWriter create(Path file, boolean deflate) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        DatabaseWriter writer = new DatabaseWriter(channel, deflate);
        ByteBuffer header = ByteBuffer.allocate(DatabaseFormat.HEADER_LENGTH);
        header.putInt(DatabaseFormat.MAGIC).putInt(DatabaseFormat.VERSION).flip();
        writer.write(header);
        return writer;
    }

    /** Writes a segment from its decoded bytes, deflating it when this writer compresses. */
    void segment(SegmentKind kind, String source, String ecosystem, int records, byte[] raw) throws IOException {
        byte[] stored = raw;
        boolean deflated = false;
        if (deflate && raw.length > 512) {
            stored = deflate(raw);
            deflated = true;
        }
        int crc = DatabaseFile.crc(ByteBuffer.wrap(stored));
        SegmentInfo info = new SegmentInfo(kind, source, ecosystem, records, position, stored.length, raw.length,
                deflated, crc);
        write(ByteBuffer.wrap(stored));
        segments.add(info);
    }

    /** Copies a segment of the previous database byte for byte (its checksum is verified on the way). */
    void copy(DatabaseFile from, SegmentInfo segment) throws IOException, DatabaseException {
        ByteBuffer bytes = from.storedBytes(segment);
        long at = position;
        write(bytes);
        segments.add(segment.at(at));
    }

    void finish(Instant created, List<SourceStatus> sources) throws IOException {
        byte[] catalog = new Catalog(created, sources, segments).encode();
        long catalogOffset = position;
        write(ByteBuffer.wrap(catalog));
        ByteBuffer trailer = ByteBuffer.allocate(DatabaseFormat.TRAILER_LENGTH);
        trailer.putLong(catalogOffset).putInt(catalog.length).putInt(DatabaseFile.crc(ByteBuffer.wrap(catalog)))
                .putInt(DatabaseFormat.MAGIC).flip();
        write(trailer);
        channel.force(true);
    }

    private void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] out = new byte[Math.max(64, raw.length / 2)];
            int size = 0;
            while (!deflater.finished()) {
                if (size == out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                size += deflater.deflate(out, size, out.length - size);
            }
            return java.util.Arrays.copyOf(out, size);
        } finally {
            deflater.end();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
