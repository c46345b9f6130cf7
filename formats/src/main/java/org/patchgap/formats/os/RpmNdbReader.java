package org.patchgap.formats.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Adler32;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;

/**
 * RPM's NDB package database, {@code Packages.db} (SUSE Linux Enterprise 15 SP3 on, openSUSE Leap 15.3 on, in
 * {@code usr/lib/sysimage/rpm/} or {@code var/lib/rpm/}), read without rpm. The layout is rpm's
 * {@code lib/backend/ndb/rpmpkg.c}; every number is little-endian:
 *
 * <ul>
 *   <li>a 32-byte header: magic {@code RpmP}, version 0, generation, the number of 4096-byte slot pages, the next
 *       package index;
 *   <li>the slot pages: 16-byte slots of magic {@code Slot}, package index, block offset, block count (blocks of
 *       16 bytes; offset 0 is a free slot), the first two slots being the header;
 *   <li>per package a blob at its block offset: magic {@code BlbS}, package index, generation, length, the header
 *       itself, padding, then Adler-32 (of everything before it), length and magic {@code BlbE}.
 * </ul>
 *
 * A blob that fails any check (magics, index, lengths, checksum) is a problem and skipped, as rpm's verify does.
 */
public final class RpmNdbReader implements InventoryReader {

    private static final int MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int BLOB_HEAD = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int BLOB_TAIL = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private static final int PAGE = 4096;
    private static final int SLOT = 16;
    private static final int BLOCK = 16;
    private static final int HEAD_SIZE = 16;
    private static final int TAIL_SIZE = 12;

    private record Slot(long index, long offset, long blocks) {}

    @Override
    public String name() {
        return "rpmdb-ndb";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("Packages.db") && head.length >= 4
                && ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == MAGIC;
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        java.util.Optional<ReadResult<Target>> leftover = RpmPackageHeaders.supersededBy(file, "rpmdb.sqlite");
        if (leftover.isPresent()) return leftover.get();
        RpmPackageHeaders headers = new RpmPackageHeaders(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = read(channel, 0, 32);
            if (header.getInt(0) != MAGIC) {
                throw bad(file, "no NDB magic 'RpmP' at offset 0");
            }
            if (header.getInt(4) != 0) {
                throw bad(file, "NDB version " + header.getInt(4) + " (expected 0)");
            }
            long slotPages = Integer.toUnsignedLong(header.getInt(12));
            if (slotPages == 0 || slotPages * PAGE > size) {
                throw bad(file, slotPages + " slot pages do not fit in a file of " + size + " bytes");
            }
            List<Slot> slots = slots(channel, slotPages, file);
            long firstBlob = slotPages * PAGE / BLOCK;
            for (Slot slot : slots) {
                Location location = headers.at("Packages.db package " + slot.index());
                String damage = slot.offset() < firstBlob ? "blob inside the slot pages"
                        : (slot.offset() + slot.blocks()) * BLOCK > size ? "blob beyond the end of the file"
                        : null;
                if (damage != null) {
                    headers.problem(location, "unreadable package: " + damage + "; skipped");
                    continue;
                }
                byte[] blob = blob(channel, slot, location, headers);
                if (blob != null) {
                    headers.add(blob, location);
                }
            }
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage());
        }
        return headers.result();
    }

    private static List<Slot> slots(FileChannel channel, long slotPages, Path file)
            throws IOException, BadInputException {
        List<Slot> slots = new ArrayList<>();
        for (long page = 0; page < slotPages; page++) {
            ByteBuffer buffer = read(channel, page * PAGE, PAGE);
            for (int at = page == 0 ? 32 : 0; at < PAGE; at += SLOT) {
                if (buffer.getInt(at) != SLOT_MAGIC) {
                    throw bad(file, "slot " + (page * PAGE + at) / SLOT + " lacks its 'Slot' magic");
                }
                long offset = Integer.toUnsignedLong(buffer.getInt(at + 8));
                if (offset == 0) {
                    continue; // a free slot
                }
                slots.add(new Slot(Integer.toUnsignedLong(buffer.getInt(at + 4)), offset,
                        Integer.toUnsignedLong(buffer.getInt(at + 12))));
            }
        }
        slots.sort(Comparator.comparingLong(Slot::index));
        return slots;
    }

    /** The header stored in {@code slot}'s blob, or null (with a problem) when the blob fails a check. */
    private static byte[] blob(FileChannel channel, Slot slot, Location location, RpmPackageHeaders headers)
            throws IOException {
        long bytes = slot.blocks() * BLOCK;
        if (bytes < HEAD_SIZE + TAIL_SIZE || bytes > Integer.MAX_VALUE - 8) {
            headers.problem(location, "unreadable package: blob of " + bytes + " bytes; skipped");
            return null;
        }
        ByteBuffer blob = read(channel, slot.offset() * BLOCK, (int) bytes);
        long length = Integer.toUnsignedLong(blob.getInt(12));
        int tail = (int) bytes - TAIL_SIZE;
        String damage = blob.getInt(0) != BLOB_HEAD ? "no 'BlbS' magic"
                : Integer.toUnsignedLong(blob.getInt(4)) != slot.index() ? "blob of another package"
                : (HEAD_SIZE + length + TAIL_SIZE + BLOCK - 1) / BLOCK != slot.blocks() ? "length " + length
                        + " does not match its " + slot.blocks() + " blocks"
                : blob.getInt(tail + 8) != BLOB_TAIL ? "no 'BlbE' magic"
                : Integer.toUnsignedLong(blob.getInt(tail + 4)) != length ? "head and tail lengths differ"
                : null;
        if (damage == null) {
            Adler32 adler = new Adler32();
            adler.update(blob.array(), 0, tail);
            if ((int) adler.getValue() != blob.getInt(tail)) damage = "Adler-32 checksum mismatch";
        }
        if (damage != null) {
            headers.problem(location, "unreadable package: " + damage + "; skipped");
            return null;
        }
        byte[] out = new byte[(int) length];
        blob.get(HEAD_SIZE, out);
        return out;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) throw new IOException("file ends at byte " + at + ", inside a record");
            at += n;
        }
        return buffer;
    }

    private static BadInputException bad(Path file, String why) {
        return new BadInputException(Location.of(file.toString()), "expected rpm's NDB Packages.db: " + why);
    }
}
