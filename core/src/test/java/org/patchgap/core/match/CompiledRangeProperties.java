package org.patchgap.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.generic.GenericVersionScheme;

/**
 * The compiled range agrees with the OSV schema's reference evaluation, written here literally from the spec
 * ("Evaluation": sort the events, then introduced sets affected, fixed and last_affected clear it, limit
 * bounds the whole range), on random event lists and versions.
 */
class CompiledRangeProperties {

    record Event(RangeEvent.Kind kind, int version) {}

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.of(RangeEvent.Kind.INTRODUCED, RangeEvent.Kind.FIXED, RangeEvent.Kind.LAST_AFFECTED,
                        RangeEvent.Kind.LIMIT),
                Arbitraries.integers().between(0, 20)).as(Event::new);
        // Events at distinct versions: the spec leaves the order of same-version events open.
        return event.list().ofMaxSize(6).uniqueElements(Event::version);
    }

    @Property(tries = 2000)
    void agreesWithTheReferenceEvaluation(@ForAll("events") List<Event> events,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 21) int probe) throws InvalidVersionException {
        List<CompiledRange.ParsedEvent> parsed = new ArrayList<>();
        List<Version> limits = new ArrayList<>();
        for (Event e : events) {
            if (e.kind() == RangeEvent.Kind.LIMIT) limits.add(v(e.version()));
            else if (e.kind() == RangeEvent.Kind.INTRODUCED && e.version() == 0) parsed.add(new CompiledRange.ParsedEvent(e.kind(), null));
            else parsed.add(new CompiledRange.ParsedEvent(e.kind(), v(e.version())));
        }
        CompiledRange range = CompiledRange.of(parsed, limits);
        assertThat(range.contains(v(probe))).as("events %s, version %d", events, probe)
                .isEqualTo(reference(events, probe));
    }

    private static Version v(int n) throws InvalidVersionException {
        return GenericVersionScheme.INSTANCE.parse(n + ".0");
    }

    /** OSV schema, "Evaluation", with integers standing for versions and 0 for introduced "0". */
    private static boolean reference(List<Event> events, int v) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(Event::version));
        boolean affected = false;
        for (Event e : sorted) {
            switch (e.kind()) {
                case INTRODUCED -> { if (v >= e.version()) affected = true; }
                case FIXED -> { if (v >= e.version()) affected = false; }
                case LAST_AFFECTED -> { if (v > e.version()) affected = false; }
                case LIMIT -> { }
            }
        }
        List<Integer> limits = sorted.stream().filter(e -> e.kind() == RangeEvent.Kind.LIMIT).map(Event::version).toList();
        return affected && (limits.isEmpty() || limits.stream().anyMatch(limit -> v < limit));
    }
}
