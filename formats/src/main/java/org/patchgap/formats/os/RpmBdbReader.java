package org.patchgap.formats.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;

/**
 * RPM's Berkeley DB package database, {@code var/lib/rpm/Packages}: the format of RHEL and CentOS 7 and 8, Amazon
 * Linux 2 and older SUSE, read without rpm or Berkeley DB ({@link BerkeleyDbHash}). Each record's key is the
 * package's instance number in the writer's byte order, its value the package header, as in the SQLite database.
 * A damaged record is a problem and the rest is read. When {@code rpmdb.sqlite} or {@code Packages.db} is in the
 * same directory, this file is what a conversion left behind and rpm no longer reads it; neither do we.
 */
public final class RpmBdbReader implements InventoryReader {

    @Override
    public String name() {
        return "rpmdb-bdb";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("Packages") && BerkeleyDbHash.looksLikeHash(head);
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        java.util.Optional<ReadResult<Target>> leftover = RpmPackageHeaders.supersededBy(file, "rpmdb.sqlite", "Packages.db");
        if (leftover.isPresent()) return leftover.get();
        BerkeleyDbHash.Contents contents;
        try {
            contents = BerkeleyDbHash.read(file);
        } catch (BerkeleyDbHash.FormatException e) {
            throw new BadInputException(Location.of(file.toString()), "expected rpm's Berkeley DB Packages "
                    + "database: " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage());
        }
        RpmPackageHeaders headers = new RpmPackageHeaders(file);
        for (BerkeleyDbHash.Damage damage : contents.damage()) {
            headers.problem(headers.at("page " + damage.page()), "unreadable record: " + damage.message()
                    + "; skipped");
        }
        for (BerkeleyDbHash.Entry entry : contents.entries()) {
            if (entry.key().length != 4) {
                headers.problem(headers.at("page " + entry.page()), "record key of " + entry.key().length
                        + " bytes, not a 4-byte package instance; skipped");
                continue;
            }
            long instance = Integer.toUnsignedLong(ByteBuffer.wrap(entry.key()).order(contents.order()).getInt());
            if (instance == 0) {
                continue; // rpm keeps its next instance number under key 0; it is no package
            }
            headers.add(entry.value(), headers.at("Packages instance " + instance));
        }
        return headers.result();
    }
}
