package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/** Whatever the core model can hold, a segment gives back equal: every field, nulls, unicode, repeats. */
class AdvisoryCodecProperties {

    private static final List<String> ECOSYSTEMS = List.of("PyPI", "npm", "Maven", "Debian:12", "Go", "crates.io");

    @Property(tries = 300)
    void aSegmentGivesBackEqualRecords(@ForAll("records") List<Vulnerability> records) {
        List<Vulnerability> unique = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Vulnerability v : records) {
            if (ids.add(v.id())) unique.add(v); // ids are unique within a source
        }
        List<Vulnerability> back = new ArrayList<>();
        for (var e : EcosystemGroups.of(unique).entrySet()) {
            byte[] bytes = AdvisorySegment.encode(e.getKey(), e.getValue(), "/tmp/x/", "https://example.org/");
            AdvisorySegment.parse(ByteBuffer.wrap(bytes)).readAll(back::add);
        }
        List<Vulnerability> expected = unique.stream().map(v -> v.source().startsWith("/tmp/x/")
                ? v.withSource("https://example.org/" + v.source().substring("/tmp/x/".length())) : v).toList();
        assertThat(new java.util.HashSet<>(back)).isEqualTo(new java.util.HashSet<>(expected));
    }

    @Provide
    Arbitrary<List<Vulnerability>> records() {
        // Whole code points: a lone surrogate cannot survive UTF-8 (it becomes '?'), in our file as in any other.
        Arbitrary<String> text = Arbitraries.of("a", "b", "Z", "0", "9", ".", "-", "_", ":", "/", " ", "é", "€", "😀",
                "\u0000", "\n").list().ofMaxSize(8).map(parts -> String.join("", parts));
        Arbitrary<String> maybeText = Arbitraries.oneOf(text, Arbitraries.just(null));
        Arbitrary<Instant> instant = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<Instant> maybeInstant = Arbitraries.oneOf(instant, Arbitraries.just(null));
        Arbitrary<Severity> severity = Combinators.combine(Arbitraries.of(SeverityLevel.class),
                Arbitraries.oneOf(Arbitraries.doubles().between(0, 10), Arbitraries.just(null)), maybeText, text)
                .as(Severity::new);
        Arbitrary<RangeEvent> event = Combinators.combine(Arbitraries.of(RangeEvent.Kind.class), text)
                .as(RangeEvent::new);
        Arbitrary<AffectedRange> range = Combinators.combine(Arbitraries.of(AffectedRange.Type.class), maybeText,
                event.list().ofMaxSize(4)).as(AffectedRange::new);
        Arbitrary<Remediation> remediation = Combinators.combine(Arbitraries.of(Remediation.Category.class), text,
                maybeText, maybeInstant).as(Remediation::new);
        Arbitrary<AffectedPackage> affected = Combinators.combine(Arbitraries.of(ECOSYSTEMS),
                Arbitraries.of("requests", "Django", "lodash", "org.example:lib", "openssl"), maybeText,
                range.list().ofMaxSize(3), Arbitraries.of("1.0", "1.1", "2.0", "2.0rc1").list().ofMaxSize(4),
                Arbitraries.oneOf(severity, Arbitraries.just(null)), remediation.list().ofMaxSize(2))
                .as(AffectedPackage::new);
        Arbitrary<NotAffectedStatement> statement = Combinators.combine(Arbitraries.of(ECOSYSTEMS),
                Arbitraries.of("requests", "left-pad", "cpe:2.3:a:example:widget:*:*:*:*:*:*:*:*"), maybeText,
                range.list().ofMaxSize(2), Arbitraries.of("1.0", "2.0").list().ofMaxSize(2),
                Arbitraries.oneOf(Arbitraries.of(NotAffectedStatement.Justification.class), Arbitraries.just(null)),
                maybeText).as(NotAffectedStatement::new);
        Arbitrary<String> source = Arbitraries.oneOf(text.map(t -> "/tmp/x/" + t), text);
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                        text.list().ofMaxSize(3), maybeText, maybeInstant, maybeInstant, maybeInstant,
                        severity.list().ofMaxSize(2), affected.list().ofMaxSize(3))
                .as((id, aliases, summary, published, modified, withdrawn, severities, packages) ->
                        new Object[] {id, aliases, summary, published, modified, withdrawn, severities, packages})
                .flatMap(parts -> Combinators.combine(text.list().ofMaxSize(2), source, statement.list().ofMaxSize(2),
                                Arbitraries.of("CWE-79", "CWE-1321", "CWE-502").list().ofMaxSize(2))
                        .as((refs, src, statements, cwes) -> {
                    @SuppressWarnings("unchecked")
                    Vulnerability v = new Vulnerability((String) parts[0], (List<String>) parts[1], (String) parts[2],
                            (Instant) parts[3], (Instant) parts[4], (Instant) parts[5], (List<Severity>) parts[6],
                            (List<AffectedPackage>) parts[7], refs, src, statements, cwes);
                    return v;
                }))
                .list().ofMaxSize(12);
    }
}
