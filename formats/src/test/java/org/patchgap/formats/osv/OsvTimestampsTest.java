package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path must agree with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} on every text. */
class OsvTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2021-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
        "2021-01-01T24:00:00Z", "2021-01-01T00:60:00Z", "2021-01-01T00:00:60Z", "2021-01-01T00:00:00.Z",
        "2021-01-01T00:00:00.1234567890Z", "2021-01-01t00:00:00z", "2021-01-01T00:00Z", "2021-01-01T00:00:00+02:00",
        "2021-01-01T00:00:00.5-05:30", "0000-01-01T00:00:00Z", "+2021-01-01T00:00:00Z", "2021-1-01T00:00:00Z",
        "2021-01-01 00:00:00Z", "2021-01-01T00:00:00", "yesterday", "", "2021-01-01T00:00:0١Z", "2021-00-10T00:00:00Z",
        "2021-04-31T00:00:00Z", "2021-01-01T00:00:00.000Z", "20210-01-01T00:00:00Z"})
    void agreesWithTheFormatterOnEdgeCases(String text) {
        assertThat(OsvTimestamps.parse(text)).isEqualTo(reference(text));
    }

    @Property(tries = 3000)
    void agreesWithTheFormatterOnNearTimestamps(@ForAll("nearTimestamps") String text) {
        assertThat(OsvTimestamps.parse(text)).as(text).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> nearTimestamps() {
        Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i));
        Arbitrary<String> fraction = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(11)
                .map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> zone = Arbitraries.of("Z", "z", "+00:00", "-01:30", "", "+24:00", "ZZ");
        Arbitrary<String> separator = Arbitraries.of("T", "t", " ");
        return net.jqwik.api.Combinators.combine(year, upTo(13), upTo(32), separator, upTo(24), upTo(60), upTo(60),
                        fraction)
                .as((y, mo, d, t, h, mi, s, f) -> y + "-" + mo + "-" + d + t + h + ":" + mi + ":" + s + f)
                .flatMap(prefix -> zone.map(z -> prefix + z));
    }

    /** Two digits from 00 to {@code max}: one past each field's range, so that both sides of it are tried. */
    private static Arbitrary<String> upTo(int max) {
        return Arbitraries.integers().between(0, max).map(i -> String.format("%02d", i));
    }

    private static @Nullable Instant reference(String text) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
