package org.patchgap.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patchgap.core.model.Vulnerability;

/**
 * One advisory record as bytes, in the database file's own record encoding, for stores other than the database
 * file (the fleet server keeps records in SQL rows). Decoding gives back an equal record; the encoding of a
 * record is deterministic, so equal bytes mean an unchanged record.
 */
public final class RecordCodec {

    private RecordCodec() {}

    public static byte[] encode(Vulnerability record) {
        SegmentOutput out = new SegmentOutput(512);
        AdvisoryCodec.write(out, record, "");
        return out.toByteArray();
    }

    public static Vulnerability decode(byte[] bytes) {
        return AdvisoryCodec.read(new SegmentInput(ByteBuffer.wrap(bytes)), "");
    }

    /**
     * The package keys a record is found under: its affected packages and the products of its not-affected
     * statements, each as {@link PackageKey}, in the order first named.
     */
    public static List<PackageKey> packageKeys(Vulnerability record) {
        Set<PackageKey> keys = new LinkedHashSet<>();
        for (DatabaseCommit.PackageRef ref : DatabaseCommit.packagesOf(record)) {
            keys.add(PackageKey.of(ref.ecosystem(), ref.name()));
        }
        return new ArrayList<>(keys);
    }
}
