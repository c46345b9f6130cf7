package org.patchgap.core.purl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** Round trips between purl strings and components, over generated input. */
class PurlRoundTripProperties {


    /** Whatever purl can be built, its canonical string parses back to the same purl, strictly. */
    @Property(tries = 1000)
    void theCanonicalStringParsesBackToTheSamePurl(@ForAll("types") String type,
            @ForAll("components") @Nullable String namespace, @ForAll("components") String name,
            @ForAll("components") @Nullable String version, @ForAll("components") @Nullable String value,
            @ForAll("components") @Nullable String subpath) throws MalformedPurlException {
        Purl built;
        try {
            built = Purl.of(type, namespace, name, version, value == null ? null : Map.of("key", value), subpath,
                    Purl.Mode.STRICT);
        } catch (MalformedPurlException refused) {
            return;
        }
        String canonical = built.canonical();
        assertThat(Purl.parse(canonical, Purl.Mode.STRICT)).as(canonical).isEqualTo(built);
        assertThat(Purl.parse(canonical, Purl.Mode.STRICT).canonical()).isEqualTo(canonical);
    }

    /** Any string either parses or is refused with a MalformedPurlException, never another exception. */
    @Property(tries = 1000)
    void anyStringParsesOrIsRefusedWithAReason(@ForAll("purlLike") String text) {
        try {
            Purl purl = Purl.parse(text, Purl.Mode.LENIENT);
            assertThat(Purl.parse(purl.canonical(), Purl.Mode.STRICT)).isEqualTo(purl);
        } catch (MalformedPurlException refused) {
            assertThat(refused.reason()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> purlLike() {
        Arbitrary<String> piece = Arbitraries.of("pkg:", "PKG:", "npm", "maven", "git", "/", "//", "@", "?", "#", "&",
                "=", "%", "%2", "%40", "%C3%A9", "%E2", "a", "B", ":", ".", "..", " ", "😀", "key=v");
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> types() {
        List<String> types = new java.util.ArrayList<>(PurlTypes.all().keySet());
        types.add("unknown-type");
        return Arbitraries.of(types);
    }

    @Provide
    Arbitrary<String> components() {
        // The characters that have a meaning in a purl string, and some that must be encoded.
        Arbitrary<String> character = Arbitraries.of("a", "Z", "0", "9", ".", "-", "_", "~", ":", "/", "@", "?", "#",
                "&", "=", "%", "+", " ", "é", "😀");
        return character.list().ofMaxSize(8).map(l -> String.join("", l)).injectNull(0.2);
    }
}
