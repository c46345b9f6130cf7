package org.patchgap.core.purl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchgap.core.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The purl to OSV table, as the one-line cases of {@code purl/osv-mapping.txt}. */
class PurlIdentityTest {

    @TestFactory
    Stream<DynamicTest> mappingTable() throws IOException {
        return cases().stream().map(line -> DynamicTest.dynamicTest(line, () -> check(line)));
    }

    private static void check(String line) throws MalformedPurlException {
        String[] sides = line.split("=>", 2);
        String purl = sides[0].strip();
        String expected = sides[1].strip();
        if (expected.startsWith("malformed:")) {
            assertThatThrownBy(() -> PurlIdentity.resolve(purl))
                    .isInstanceOf(MalformedPurlException.class)
                    .hasMessageContaining(expected.substring("malformed:".length()).strip())
                    .hasMessageContaining(purl);
            return;
        }
        PurlResolution resolution = PurlIdentity.resolve(purl);
        if (expected.startsWith("unmapped:")) {
            assertThat(resolution.mapped()).as("mapped").isFalse();
            assertThat(resolution.unmappedReason()).contains(expected.substring("unmapped:".length()).strip());
            return;
        }
        String[] parts = expected.split("\\|");
        assertThat(resolution.mapped()).as("mapped, reason: %s", resolution.unmappedReason()).isTrue();
        PurlIdentity identity = resolution.identity();
        assertThat(identity.ecosystem()).as("ecosystem").isEqualTo(parts[0].strip());
        assertThat(identity.name()).as("name").isEqualTo(parts[1].strip());
        String version = parts[2].strip();
        assertThat(identity.version()).as("version").isEqualTo("-".equals(version) ? null : version);
        assertThat(identity.purl()).as("canonical purl").isEqualTo(resolution.purl()).startsWith("pkg:");
    }

    @Test
    void canonicalPurlIsKeptForUnmappedTypesSoTheComponentCanBeListed() throws MalformedPurlException {
        PurlResolution r = PurlIdentity.resolve("pkg:generic/acme/Thing@1.0?b=2&a=1");
        assertThat(r.mapped()).isFalse();
        assertThat(r.purl()).isEqualTo("pkg:generic/acme/Thing@1.0?a=1&b=2");
        assertThat(r.name()).isEqualTo("acme/Thing");
        assertThat(r.version()).isEqualTo("1.0");
    }

    @Test
    void everyMappedEcosystemIsSpelledAsInOsvEcosystemsJson() throws IOException, MalformedPurlException {
        Path file = SharedData.require("schemas/osv/ecosystems.json");
        Set<String> known = new HashSet<>();
        new ObjectMapper().readTree(file.toFile()).fieldNames().forEachRemaining(known::add);
        List<String> bases = new ArrayList<>();
        for (String line : cases()) {
            String[] sides = line.split("=>", 2);
            String expected = sides[1].strip();
            if (!expected.startsWith("malformed:") && !expected.startsWith("unmapped:")) {
                String ecosystem = PurlIdentity.resolve(sides[0].strip()).identity().ecosystem();
                int colon = ecosystem.indexOf(':');
                bases.add(colon < 0 ? ecosystem : ecosystem.substring(0, colon));
            }
        }
        assertThat(bases).isNotEmpty();
        assertThat(known).containsAll(bases);
    }

    static List<String> cases() throws IOException {
        return lines("/purl/osv-mapping.txt");
    }

    /** The non-blank, non-comment lines of a test resource. */
    static List<String> lines(String resource) throws IOException {
        try (InputStream in = PurlIdentityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }
}
