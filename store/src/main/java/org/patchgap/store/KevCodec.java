package org.patchgap.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.formats.kev.KevEntry;

/** The KEV segment: count, then each entry, dates as epoch days ({@code 0} for a missing due date). */
final class KevCodec {

    private KevCodec() {}

    static byte[] encode(List<KevEntry> entries) {
        SegmentOutput out = new SegmentOutput();
        out.writeVarInt(entries.size());
        for (KevEntry e : entries) {
            out.writeString(e.cveId());
            out.writeString(e.vendorProject());
            out.writeString(e.product());
            out.writeString(e.name());
            out.writeSignedVarLong(e.dateAdded().toEpochDay());
            out.writeByte(e.dueDate() == null ? 0 : 1);
            if (e.dueDate() != null) {
                out.writeSignedVarLong(e.dueDate().toEpochDay());
            }
            out.writeString(e.requiredAction());
            out.writeByte(e.knownRansomwareUse() ? 1 : 0);
            out.writeVarInt(e.cwes().size());
            for (String cwe : e.cwes()) {
                out.writeString(cwe);
            }
        }
        return out.toByteArray();
    }

    static List<KevEntry> decode(SegmentInput in) {
        int n = in.readCount();
        List<KevEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String cve = in.readRequiredString();
            String vendor = in.readRequiredString();
            String product = in.readRequiredString();
            String name = in.readRequiredString();
            LocalDate added = in.readEpochDay();
            LocalDate due = in.readByte() == 0 ? null : in.readEpochDay();
            String action = in.readString();
            boolean ransomware = in.readByte() == 1;
            int cweCount = in.readCount();
            List<String> cwes = new ArrayList<>(cweCount);
            for (int c = 0; c < cweCount; c++) {
                cwes.add(in.readRequiredString());
            }
            entries.add(new KevEntry(cve, vendor, product, name, added, due, action, ransomware, cwes));
        }
        return entries;
    }
}
