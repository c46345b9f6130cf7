package org.patchgap.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The table of contents at the end of the file: when it was written, the sources, and the segment table. */
record Catalog(Instant created, List<SourceStatus> sources, List<SegmentInfo> segments) {

    Catalog {
        Objects.requireNonNull(created, "created");
        sources = List.copyOf(sources);
        segments = List.copyOf(segments);
    }

    byte[] encode() {
        SegmentOutput out = new SegmentOutput();
        out.writeSignedVarLong(created.toEpochMilli());
        out.writeVarInt(sources.size());
        for (SourceStatus s : sources) {
            out.writeString(s.name());
            out.writeString(s.origin());
            writeInstant(out, s.lastUpdated());
            out.writeVarInt(s.records());
            out.writeVarInt(s.problems());
            out.writeString(s.watermark());
            out.writeString(s.etag());
            out.writeString(s.lastModified());
            out.writeString(s.lastError());
        }
        out.writeVarInt(segments.size());
        for (SegmentInfo g : segments) {
            out.writeByte(g.kind().code);
            out.writeString(g.source());
            out.writeString(g.ecosystem());
            out.writeVarInt(g.records());
            out.writeVarLong(g.offset());
            out.writeVarInt(g.length());
            out.writeVarInt(g.rawLength());
            out.writeByte(g.deflated() ? 1 : 0);
            out.writeVarInt(g.crc());
        }
        return out.toByteArray();
    }

    static Catalog decode(ByteBuffer bytes) {
        SegmentInput in = new SegmentInput(bytes);
        Instant created = in.readEpochMilli();
        int sourceCount = in.readCount();
        List<SourceStatus> sources = new ArrayList<>(sourceCount);
        for (int i = 0; i < sourceCount; i++) {
            sources.add(new SourceStatus(in.readRequiredString(), in.readRequiredString(), readInstant(in),
                    in.readVarInt(), in.readVarInt(), in.readString(), in.readString(), in.readString(),
                    in.readString()));
        }
        int segmentCount = in.readCount();
        List<SegmentInfo> segments = new ArrayList<>(segmentCount);
        for (int i = 0; i < segmentCount; i++) {
            SegmentKind kind = SegmentKind.ofCode(in.readByte());
            segments.add(new SegmentInfo(kind, in.readRequiredString(), in.readRequiredString(), in.readVarInt(),
                    in.readVarLong(), in.readVarInt(), in.readVarInt(), in.readByte() == 1, in.readVarInt()));
        }
        return new Catalog(created, sources, segments);
    }

    private static void writeInstant(SegmentOutput out, @Nullable Instant instant) {
        out.writeSignedVarLong(instant == null ? Long.MIN_VALUE : instant.toEpochMilli());
    }

    private static @Nullable Instant readInstant(SegmentInput in) {
        long millis = in.readSignedVarLong();
        if (millis == Long.MIN_VALUE) return null;
        try {
            return Instant.ofEpochMilli(millis);
        } catch (java.time.DateTimeException e) {
            throw new CorruptSegmentException("time out of range: " + millis + " ms");
        }
    }
}
