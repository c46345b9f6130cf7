package org.patchgap.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An open database file: its catalog, and its segments' bytes on demand. Reads use positional reads into the
 * heap rather than a memory map, so that on Windows an open database does not block the rename that installs
 * the next one.
 */
final class DatabaseFile implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private final Catalog catalog;
    private final long size;

    private DatabaseFile(Path path, FileChannel channel, Catalog catalog, long size) {
        this.path = path;
        this.channel = channel;
        this.catalog = catalog;
        this.size = size;
    }

    /** Opens and checks the header, trailer and catalog. */
    static DatabaseFile open(Path path) throws DatabaseException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new DatabaseException(path + ": no advisory database here; run 'patchgap db update' or "
                    + "'patchgap db import PATH' first");
        } catch (IOException e) {
            throw new DatabaseException(path + ": cannot open: " + e.getMessage(), e);
        }
        try {
            long size = channel.size();
            if (size < DatabaseFormat.HEADER_LENGTH + DatabaseFormat.TRAILER_LENGTH) {
                throw new DatabaseException(path + ": not a Patchgap advisory database (too short)");
            }
            ByteBuffer header = read(channel, 0, DatabaseFormat.HEADER_LENGTH);
            if (header.getInt() != DatabaseFormat.MAGIC) {
                throw new DatabaseException(path + ": not a Patchgap advisory database (bad magic)");
            }
            int version = header.getInt();
            if (version < DatabaseFormat.VERSION) {
                throw new DatabaseException(path + ": written by an older version of patchgap (database format "
                        + version + ", this program reads format " + DatabaseFormat.VERSION + "); run 'patchgap db "
                        + "update' (or 'patchgap db import' again) to rebuild it");
            }
            if (version > DatabaseFormat.VERSION) {
                throw new DatabaseException(path + ": written by a newer version of patchgap (database format "
                        + version + ", this program reads format " + DatabaseFormat.VERSION + "); upgrade patchgap,"
                        + " or run 'patchgap db update' to rebuild it in this format");
            }
            ByteBuffer trailer = read(channel, size - DatabaseFormat.TRAILER_LENGTH, DatabaseFormat.TRAILER_LENGTH);
            long catalogOffset = trailer.getLong();
            int catalogLength = trailer.getInt();
            int catalogCrc = trailer.getInt();
            if (trailer.getInt() != DatabaseFormat.MAGIC || catalogOffset < DatabaseFormat.HEADER_LENGTH
                    || catalogLength < 0 || catalogOffset + catalogLength > size - DatabaseFormat.TRAILER_LENGTH) {
                throw new DatabaseException(path + ": damaged database (bad trailer); run 'patchgap db update'");
            }
            ByteBuffer catalogBytes = read(channel, catalogOffset, catalogLength);
            if (crc(catalogBytes.duplicate()) != catalogCrc) {
                throw new DatabaseException(path + ": damaged database (catalog checksum); run 'patchgap db update'");
            }
            Catalog catalog = Catalog.decode(catalogBytes);
            return new DatabaseFile(path, channel, catalog, size);
        } catch (CorruptSegmentException e) {
            closeQuietly(channel);
            throw new DatabaseException(path + ": damaged database catalog: " + e.getMessage());
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseException(path + ": cannot read: " + e.getMessage(), e);
        } catch (DatabaseException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Catalog catalog() {
        return catalog;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** The stored bytes of a segment, checksum verified, as stored (possibly deflated). */
    ByteBuffer storedBytes(SegmentInfo segment) throws DatabaseException {
        try {
            ByteBuffer bytes = read(channel, segment.offset(), segment.length());
            if (crc(bytes.duplicate()) != segment.crc()) {
                throw new DatabaseException(path + ": damaged " + segment.describe()
                        + " (checksum); run 'patchgap db update'");
            }
            return bytes;
        } catch (IOException e) {
            throw new DatabaseException(path + ": cannot read " + segment.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The decoded bytes of a segment, inflated when stored deflated. */
    ByteBuffer segmentBytes(SegmentInfo segment) throws DatabaseException {
        ByteBuffer stored = storedBytes(segment);
        if (!segment.deflated()) {
            return stored;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteBuffer raw = ByteBuffer.allocate(segment.rawLength());
            while (raw.hasRemaining() && !inflater.finished()) {
                if (inflater.inflate(raw) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
            if (raw.hasRemaining() || !inflater.finished()) {
                throw new DatabaseException(path + ": damaged " + segment.describe() + " (inflated length)");
            }
            return raw.flip();
        } catch (DataFormatException e) {
            throw new DatabaseException(path + ": damaged " + segment.describe() + ": " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    static int crc(ByteBuffer bytes) {
        // CRC-32 (zlib, native) rather than CRC-32C: the latter is plain Java until the JIT compiles it, which
        // made a cold scan pay tens of milliseconds per segment (docs/decisions/0004).
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static ByteBuffer read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long position = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + position);
            }
            position += n;
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }
}
