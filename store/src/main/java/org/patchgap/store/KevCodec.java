package org.patchgap.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.KevEntry;

/** The KEV segment: count, then each entry, dates as epoch days ({@code 0} for a missing due date). */
final class KevCodec {

    private KevCodec() {}

    static byte[] encode(List<KevEntry> entries) {
        SegmentOutput out = new SegmentOutput();
        out.writeVarInt(entries.size());
        for (KevEntry e : entries) {
            out.writeString(e.cve());
            out.writeSignedVarLong(e.dateAdded().toEpochDay());
            out.writeByte(e.dueDate() == null ? 0 : 1);
            if (e.dueDate() != null) {
                out.writeSignedVarLong(e.dueDate().toEpochDay());
            }
            out.writeByte(e.knownRansomwareCampaignUse() ? 1 : 0);
            out.writeString(e.requiredAction());
            out.writeString(e.vendorProject());
            out.writeString(e.product());
            out.writeString(e.vulnerabilityName());
        }
        return out.toByteArray();
    }

    static List<KevEntry> decode(SegmentInput in) {
        int n = in.readCount();
        List<KevEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String cve = in.readRequiredString();
            LocalDate added = LocalDate.ofEpochDay(in.readSignedVarLong());
            LocalDate due = in.readByte() == 0 ? null : LocalDate.ofEpochDay(in.readSignedVarLong());
            boolean ransomware = in.readByte() == 1;
            entries.add(new KevEntry(cve, added, due, ransomware, in.readRequiredString(), in.readRequiredString(),
                    in.readRequiredString(), in.readRequiredString()));
        }
        return entries;
    }
}
