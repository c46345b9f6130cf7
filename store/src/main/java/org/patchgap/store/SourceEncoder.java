package org.patchgap.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.patchgap.core.model.Vulnerability;

/**
 * Encodes a source's advisory records as they are read, one segment per base ecosystem, in the grouping of
 * {@link DatabaseCommit#byEcosystem}: a record naming two ecosystems goes into both, one naming none under
 * {@code ""}. Encoding each record on arrival, instead of the list of all of them afterwards, gives the same bytes
 * and spares the import a second trip through memory for every string (see ADR 0004).
 */
final class SourceEncoder implements Consumer<Vulnerability> {

    private final String readerPrefix;
    private final String displayPrefix;
    private final Map<String, AdvisorySegment.Builder> segments = new LinkedHashMap<>();
    private final Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> keyOf = new HashMap<>(); // a few spellings, each worked out once

    /**
     * @param readerPrefix  the common start of the records' {@code source} texts as read (the local file), cut off
     * @param displayPrefix what replaces it when the records are read back (the URL they came from)
     */
    SourceEncoder(String readerPrefix, String displayPrefix) {
        this.readerPrefix = readerPrefix;
        this.displayPrefix = displayPrefix;
    }

    @Override
    public void accept(Vulnerability v) {
        Set<String> seen = new HashSet<>();
        for (DatabaseCommit.PackageRef p : DatabaseCommit.packagesOf(v)) {
            String key = keyOf.computeIfAbsent(p.ecosystem(),
                    e -> spelling.computeIfAbsent(DatabaseCommit.ecosystemKey(e), b -> b));
            if (seen.add(key)) {
                segment(key).add(v);
            }
        }
        if (seen.isEmpty()) {
            segment("").add(v);
        }
    }

    /** The segments, in the order their ecosystems first appeared. */
    List<SourceData.EncodedSegment> segments() {
        List<SourceData.EncodedSegment> encoded = new ArrayList<>(segments.size());
        for (Map.Entry<String, AdvisorySegment.Builder> e : segments.entrySet()) {
            encoded.add(new SourceData.EncodedSegment(e.getKey(), e.getValue().records(), e.getValue().finish()));
        }
        return encoded;
    }

    private AdvisorySegment.Builder segment(String ecosystem) {
        return segments.computeIfAbsent(ecosystem, k -> new AdvisorySegment.Builder(k, readerPrefix, displayPrefix));
    }
}
