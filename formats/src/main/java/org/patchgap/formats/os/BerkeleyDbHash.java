package org.patchgap.formats.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of a Berkeley DB hash database file without the library: the format rpm used for its
 * {@code Packages} database up to RPM 4.15 (RHEL/CentOS 7 and 8, Amazon Linux 2, SUSE before 15 SP3). Only what a
 * reader needs is decoded (Berkeley DB 4.x-5.x, {@code db_page.h}):
 *
 * <ul>
 *   <li>page 0 is the hash metadata page: magic {@code 0x061561} at offset 12 in the byte order of the machine
 *       that wrote the file (both are read), version, page size, encryption, flags, last page number;
 *   <li>every hash page ({@code P_HASH}, {@code P_HASH_UNSORTED}) holds an index of item offsets after its
 *       26-byte header (32 with checksums); items alternate key, value; an item is either inline
 *       ({@code H_KEYDATA}) or names the first page of an overflow chain ({@code H_OFFPAGE}) whose pages carry
 *       their data length in the header's {@code hf_offset} field.
 * </ul>
 *
 * Hash pages are visited in file order instead of by bucket: every live record is on exactly one hash page, and
 * a file that is damaged in its bucket table can still be read. Nothing here trusts the file: every offset,
 * length and chain is checked, and a damaged record is reported, not followed.
 */
final class BerkeleyDbHash {

    static final int HASH_MAGIC = 0x061561;
    private static final int BTREE_MAGIC = 0x053162;
    private static final int PAGE_HEADER = 26;
    private static final int CHECKSUM_PAGE_HEADER = 32;
    private static final int DBMETA_CHKSUM = 0x01;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_DUPLICATE = 2;
    private static final int H_OFFPAGE = 3;
    private static final int H_OFFDUP = 4;

    /** A file that is not a readable Berkeley DB hash database; the message says what was found. */
    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    /** One record: its key, its value, and the page its key is on (for messages). */
    record Entry(byte[] key, byte[] value, long page) {}

    /** A record that could not be read: the page and what was wrong. */
    record Damage(long page, String message) {}

    /** What a read found. */
    record Contents(List<Entry> entries, List<Damage> damage, ByteOrder order) {}

    private final FileChannel channel;
    private final ByteOrder order;
    private final int pageSize;
    private final int pageHeader;
    private final long pages;

    private BerkeleyDbHash(FileChannel channel, ByteOrder order, int pageSize, int pageHeader, long pages) {
        this.channel = channel;
        this.order = order;
        this.pageSize = pageSize;
        this.pageHeader = pageHeader;
        this.pages = pages;
    }

    /** Whether {@code head} (the first bytes of a file) starts like a Berkeley DB hash database. */
    static boolean looksLikeHash(byte[] head) {
        return head.length >= 16 && orderOf(ByteBuffer.wrap(head), HASH_MAGIC) != null;
    }

    /** Every record of the hash database {@code file}. */
    static Contents read(Path file) throws IOException, FormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer meta = ByteBuffer.allocate(512);
            readFully(channel, meta, 0);
            meta.flip();
            if (meta.limit() < 72) {
                throw new FormatException("file of " + channel.size() + " bytes is too short for a Berkeley DB "
                        + "metadata page");
            }
            ByteOrder order = orderOf(meta, HASH_MAGIC);
            if (order == null) {
                throw new FormatException(orderOf(meta, BTREE_MAGIC) != null
                        ? "a Berkeley DB btree database, not the hash database rpm writes"
                        : "no Berkeley DB hash magic (0x061561) at offset 12");
            }
            meta.order(order);
            int version = meta.getInt(16);
            int pageSize = meta.getInt(20);
            int encryption = meta.get(24) & 0xff;
            int type = meta.get(25) & 0xff;
            int metaFlags = meta.get(26) & 0xff;
            long lastPage = Integer.toUnsignedLong(meta.getInt(32));
            if (version < 8 || version > 10) {
                throw new FormatException("Berkeley DB hash version " + version + " (expected 8 to 10)");
            }
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                throw new FormatException("page size " + pageSize + " (expected a power of two, 512 to 65536)");
            }
            if (type != P_HASHMETA) {
                throw new FormatException("page 0 has type " + type + ", not the hash metadata page (8)");
            }
            if (encryption != 0) {
                throw new FormatException("the database is encrypted; rpm never writes encrypted databases");
            }
            long filePages = channel.size() / pageSize;
            // Berkeley DB may not have written the last pages yet; what is beyond the file is simply not there.
            long pages = Math.min(lastPage + 1, filePages);
            int header = (metaFlags & DBMETA_CHKSUM) != 0 ? CHECKSUM_PAGE_HEADER : PAGE_HEADER;
            return new BerkeleyDbHash(channel, order, pageSize, header, pages).records();
        }
    }

    private Contents records() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Damage> damage = new ArrayList<>();
        ByteBuffer page = ByteBuffer.allocate(pageSize).order(order);
        for (long pgno = 1; pgno < pages; pgno++) {
            readPage(page, pgno);
            int type = page.get(25) & 0xff;
            if (type != P_HASH && type != P_HASH_UNSORTED) {
                continue;
            }
            int count = Short.toUnsignedInt(page.getShort(20));
            if (pageHeader + 2L * count > pageSize) {
                damage.add(new Damage(pgno, "hash page claims " + count + " items, more than fit in the page"));
                continue;
            }
            for (int i = 0; i + 1 < count; i += 2) {
                try {
                    byte[] key = item(page, i, count);
                    byte[] value = item(page, i + 1, count);
                    entries.add(new Entry(key, value, pgno));
                } catch (FormatException e) {
                    damage.add(new Damage(pgno, "item " + i + ": " + e.getMessage()));
                }
            }
        }
        return new Contents(entries, damage, order);
    }

    /** Item {@code index} of a hash page: inline bytes, or the overflow chain it names. */
    private byte[] item(ByteBuffer page, int index, int count) throws IOException, FormatException {
        int offset = Short.toUnsignedInt(page.getShort(pageHeader + 2 * index));
        // Items are packed from the end of the page downwards: item i ends where item i-1 starts.
        int end = index == 0 ? pageSize : Short.toUnsignedInt(page.getShort(pageHeader + 2 * (index - 1)));
        if (offset < pageHeader + 2 * count || offset >= end || end > pageSize) {
            throw new FormatException("item offset " + offset + " outside the page's data area");
        }
        int kind = page.get(offset) & 0xff;
        switch (kind) {
            case H_KEYDATA: {
                byte[] data = new byte[end - offset - 1];
                page.get(offset + 1, data);
                return data;
            }
            case H_OFFPAGE: {
                if (end - offset < 12) throw new FormatException("overflow reference shorter than 12 bytes");
                long first = Integer.toUnsignedLong(page.getInt(offset + 4));
                long length = Integer.toUnsignedLong(page.getInt(offset + 8));
                return overflow(first, length);
            }
            case H_DUPLICATE:
            case H_OFFDUP:
                throw new FormatException("duplicate records, which rpm's Packages database never has");
            default:
                throw new FormatException("unknown item type " + kind);
        }
    }

    /** The {@code length} bytes of the overflow chain starting at page {@code first}. */
    private byte[] overflow(long first, long length) throws IOException, FormatException {
        long capacity = (pageSize - pageHeader) * pages;
        if (length > capacity || length > Integer.MAX_VALUE - 16) {
            throw new FormatException("overflow record of " + length + " bytes, larger than the file");
        }
        byte[] out = new byte[(int) length];
        int filled = 0;
        ByteBuffer page = ByteBuffer.allocate(pageSize).order(order);
        long pgno = first;
        // A chain can visit each page at most once: anything longer is a loop.
        for (long visited = 0; filled < out.length; visited++) {
            if (pgno == 0 || pgno >= pages || visited >= pages) {
                throw new FormatException("overflow chain from page " + first + " breaks off at page " + pgno
                        + " after " + filled + " of " + length + " bytes");
            }
            readPage(page, pgno);
            if ((page.get(25) & 0xff) != P_OVERFLOW) {
                throw new FormatException("overflow chain from page " + first + " reaches page " + pgno
                        + " of type " + (page.get(25) & 0xff));
            }
            int here = Short.toUnsignedInt(page.getShort(22));
            if (here > pageSize - pageHeader || here > out.length - filled) {
                throw new FormatException("overflow page " + pgno + " claims " + here + " bytes");
            }
            page.get(pageHeader, out, filled, here);
            filled += here;
            pgno = Integer.toUnsignedLong(page.getInt(16));
        }
        if (filled != out.length) {
            throw new FormatException("overflow chain from page " + first + " holds " + filled + " of " + length
                    + " bytes");
        }
        return out;
    }

    private void readPage(ByteBuffer page, long pgno) throws IOException {
        page.clear();
        readFully(channel, page, pgno * pageSize);
        while (page.hasRemaining()) {
            page.put((byte) 0); // a short last page reads as zeros, which no check mistakes for data
        }
        page.clear();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) break;
            at += n;
        }
    }

    private static ByteOrder orderOf(ByteBuffer head, int magic) {
        if (head.limit() < 16) return null;
        if (head.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(12) == magic) return ByteOrder.LITTLE_ENDIAN;
        if (head.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(12) == magic) return ByteOrder.BIG_ENDIAN;
        return null;
    }
}
