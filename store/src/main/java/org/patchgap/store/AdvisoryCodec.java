package org.patchgap.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/**
 * The binary form of one {@link Vulnerability} inside an advisory segment. Every field of the core record is
 * kept, so a record read back equals the record written (a round-trip test holds us to that).
 *
 * <p>The record's {@code source} is stored without the segment's common prefix (the source's origin), which
 * the decoder puts back; enum values are stored by ordinal, so the enums' order is part of the format
 * ({@link DatabaseFormat#VERSION}). Text is stored as UTF-8, so an unpaired surrogate (possible in JSON through an
 * escaped lone surrogate, not seen in real advisories) comes back as {@code ?}.
 */
final class AdvisoryCodec {

    private static final int HAS_PUBLISHED = 1;
    private static final int HAS_MODIFIED = 2;
    private static final int HAS_WITHDRAWN = 4;

    private static final SeverityLevel[] LEVELS = SeverityLevel.values();
    private static final AffectedRange.Type[] RANGE_TYPES = AffectedRange.Type.values();
    private static final RangeEvent.Kind[] EVENT_KINDS = RangeEvent.Kind.values();
    private static final Remediation.Category[] REMEDIATIONS = Remediation.Category.values();
    private static final NotAffectedStatement.Justification[] JUSTIFICATIONS = NotAffectedStatement.Justification.values();

    private AdvisoryCodec() {}

    static void write(SegmentOutput out, Vulnerability v, String sourcePrefix) {
        out.writeString(v.id());
        writeStrings(out, v.aliases());
        out.writeString(v.summary());
        int flags = (v.published() != null ? HAS_PUBLISHED : 0) | (v.modified() != null ? HAS_MODIFIED : 0)
                | (v.withdrawn() != null ? HAS_WITHDRAWN : 0);
        out.writeByte(flags);
        writeInstant(out, v.published());
        writeInstant(out, v.modified());
        writeInstant(out, v.withdrawn());
        out.writeVarInt(v.severities().size());
        for (Severity s : v.severities()) {
            writeSeverity(out, s);
        }
        out.writeVarInt(v.affected().size());
        for (AffectedPackage p : v.affected()) {
            out.writeString(p.ecosystem());
            out.writeString(p.name());
            out.writeString(p.purl());
            writeRanges(out, p.ranges());
            writeStrings(out, p.versions());
            if (p.severity() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                writeSeverity(out, p.severity());
            }
            out.writeVarInt(p.remediations().size());
            for (Remediation r : p.remediations()) {
                out.writeByte(r.category().ordinal());
                out.writeString(r.details());
                out.writeString(r.url());
                out.writeByte(r.date() == null ? 0 : 1);
                writeInstant(out, r.date());
            }
        }
        writeStrings(out, v.references());
        String source = v.source();
        boolean prefixed = !sourcePrefix.isEmpty() && source.startsWith(sourcePrefix);
        out.writeByte(prefixed ? 1 : 0);
        out.writeString(prefixed ? source.substring(sourcePrefix.length()) : source);
        out.writeVarInt(v.notAffected().size());
        for (NotAffectedStatement s : v.notAffected()) {
            out.writeString(s.ecosystem());
            out.writeString(s.name());
            out.writeString(s.purl());
            writeRanges(out, s.ranges());
            writeStrings(out, s.versions());
            // 0 for no justification, else its ordinal + 1.
            out.writeByte(s.justification() == null ? 0 : s.justification().ordinal() + 1);
            out.writeString(s.impactStatement());
        }
        writeStrings(out, v.weaknesses());
    }

    private static void writeRanges(SegmentOutput out, List<AffectedRange> ranges) {
        out.writeVarInt(ranges.size());
        for (AffectedRange r : ranges) {
            out.writeByte(r.type().ordinal());
            out.writeString(r.repo());
            out.writeVarInt(r.events().size());
            for (RangeEvent e : r.events()) {
                out.writeByte(e.kind().ordinal());
                out.writeString(e.version());
            }
        }
    }

    private static List<AffectedRange> readRanges(SegmentInput in) {
        int rangeCount = in.readCount();
        List<AffectedRange> ranges = new ArrayList<>(rangeCount);
        for (int j = 0; j < rangeCount; j++) {
            AffectedRange.Type type = RANGE_TYPES[checkedOrdinal(in.readByte(), RANGE_TYPES.length)];
            String repo = in.readString();
            int eventCount = in.readCount();
            List<RangeEvent> events = new ArrayList<>(eventCount);
            for (int k = 0; k < eventCount; k++) {
                RangeEvent.Kind kind = EVENT_KINDS[checkedOrdinal(in.readByte(), EVENT_KINDS.length)];
                events.add(new RangeEvent(kind, in.readRequiredString()));
            }
            ranges.add(new AffectedRange(type, repo, events));
        }
        return ranges;
    }

    static Vulnerability read(SegmentInput in, String sourcePrefix) {
        String id = in.readRequiredString();
        List<String> aliases = readStrings(in);
        String summary = in.readString();
        int flags = in.readByte();
        Instant published = (flags & HAS_PUBLISHED) != 0 ? readInstant(in) : null;
        Instant modified = (flags & HAS_MODIFIED) != 0 ? readInstant(in) : null;
        Instant withdrawn = (flags & HAS_WITHDRAWN) != 0 ? readInstant(in) : null;
        int severityCount = in.readCount();
        List<Severity> severities = new ArrayList<>(severityCount);
        for (int i = 0; i < severityCount; i++) {
            severities.add(readSeverity(in));
        }
        int affectedCount = in.readCount();
        List<AffectedPackage> affected = new ArrayList<>(affectedCount);
        for (int i = 0; i < affectedCount; i++) {
            String ecosystem = in.readRequiredString();
            String name = in.readRequiredString();
            String purl = in.readString();
            List<AffectedRange> ranges = readRanges(in);
            List<String> versions = readStrings(in);
            Severity severity = in.readByte() == 0 ? null : readSeverity(in);
            int remediationCount = in.readCount();
            List<Remediation> remediations = remediationCount == 0 ? List.of() : new ArrayList<>(remediationCount);
            for (int j = 0; j < remediationCount; j++) {
                Remediation.Category category = REMEDIATIONS[checkedOrdinal(in.readByte(), REMEDIATIONS.length)];
                String details = in.readRequiredString();
                String url = in.readString();
                Instant date = in.readByte() == 0 ? null : readInstant(in);
                remediations.add(new Remediation(category, details, url, date));
            }
            affected.add(new AffectedPackage(ecosystem, name, purl, ranges, versions, severity, remediations));
        }
        List<String> references = readStrings(in);
        boolean prefixed = in.readByte() == 1;
        String stored = in.readRequiredString();
        // String.concat, not '+': the first '+' of a JVM bootstraps invokedynamic string concatenation, which a
        // cold scan would pay here.
        String source = prefixed ? sourcePrefix.concat(stored) : stored;
        int statementCount = in.readCount();
        List<NotAffectedStatement> notAffected = statementCount == 0 ? List.of() : new ArrayList<>(statementCount);
        for (int i = 0; i < statementCount; i++) {
            String ecosystem = in.readRequiredString();
            String name = in.readRequiredString();
            String purl = in.readString();
            List<AffectedRange> ranges = readRanges(in);
            List<String> versions = readStrings(in);
            int justification = in.readByte();
            NotAffectedStatement.Justification j = justification == 0 ? null
                    : JUSTIFICATIONS[checkedOrdinal(justification - 1, JUSTIFICATIONS.length)];
            notAffected.add(new NotAffectedStatement(ecosystem, name, purl, ranges, versions, j, in.readString()));
        }
        List<String> weaknesses = readStrings(in);
        return new Vulnerability(id, aliases, summary, published, modified, withdrawn, severities, affected,
                references, source, notAffected, weaknesses);
    }

    private static void writeSeverity(SegmentOutput out, Severity s) {
        out.writeByte(s.level().ordinal());
        if (s.score() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeDouble(s.score());
        }
        out.writeString(s.vector());
        out.writeString(s.type());
    }

    private static Severity readSeverity(SegmentInput in) {
        SeverityLevel level = LEVELS[checkedOrdinal(in.readByte(), LEVELS.length)];
        Double score = in.readByte() == 0 ? null : in.readDouble();
        String vector = in.readString();
        return new Severity(level, score, vector, in.readRequiredString());
    }

    private static void writeInstant(SegmentOutput out, @Nullable Instant instant) {
        if (instant != null) {
            out.writeSignedVarLong(instant.getEpochSecond());
            out.writeVarInt(instant.getNano());
        }
    }

    private static Instant readInstant(SegmentInput in) {
        long seconds = in.readSignedVarLong();
        int nanos = in.readVarInt();
        if (nanos > 999_999_999) {
            throw new CorruptSegmentException("nanoseconds out of range: " + nanos);
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (java.time.DateTimeException e) {
            throw new CorruptSegmentException("time out of range: " + seconds + " s");
        }
    }

    private static void writeStrings(SegmentOutput out, List<String> values) {
        out.writeVarInt(values.size());
        for (String s : values) {
            out.writeString(s);
        }
    }

    private static List<String> readStrings(SegmentInput in) {
        int n = in.readCount();
        if (n == 0) {
            return List.of();
        }
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readRequiredString();
        }
        return List.of(values);
    }

    private static int checkedOrdinal(int ordinal, int count) {
        if (ordinal >= count) {
            throw new CorruptSegmentException("enum ordinal " + ordinal + " out of range");
        }
        return ordinal;
    }
}
