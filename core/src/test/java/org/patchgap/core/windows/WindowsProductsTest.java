package org.patchgap.core.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.model.HostFacts;

/** Product names and host facts, from the case tables in {@code src/test/resources/windows}. */
class WindowsProductsTest {

    @TestFactory
    Stream<DynamicTest> advisoryProductNames() throws IOException {
        return cases("product-names.txt").stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
            var parsed = WindowsProducts.parseName(c[0]);
            if (c[1].equals("none")) {
                assertThat(parsed).isEmpty();
                return;
            }
            String[] e = c[1].split("\\|");
            assertThat(parsed).hasValueSatisfying(p -> {
                assertThat(p.family()).isEqualTo(e[0].strip());
                assertThat(p.release()).isEqualTo(e[1].strip().equals("-") ? null : e[1].strip());
                assertThat(p.architecture()).isEqualTo(Architecture.valueOf(e[2].strip()));
                assertThat(p.servicePack()).isEqualTo(Integer.parseInt(e[3].strip()));
                assertThat(p.serverCore()).isEqualTo(e[4].strip().equals("yes"));
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> hostProducts() throws IOException {
        return cases("host-products.txt").stream().map(c -> DynamicTest.dynamicTest(c[0] + " => " + c[1], () -> {
            String[] f = Arrays.stream(c[0].split("\\|")).map(String::strip).map(s -> s.equals("-") ? null : s)
                    .toArray(String[]::new);
            var facts = new HostFacts(f[0], f[1], f[2], f[3], f[4], List.of(),
                    f[5] == null ? Map.of() : Map.of(WindowsProducts.INSTALLATION_KEY, f[5]));
            var hp = WindowsProducts.ofHost(facts);
            if (c[1].startsWith("unknown:")) {
                assertThat(hp.product()).isNull();
                assertThat(hp.problem()).contains(c[1].substring("unknown:".length()).strip());
            } else {
                assertThat(hp.product()).isNotNull();
                assertThat(hp.product().label()).isEqualTo(c[1]);
            }
        }));
    }

    /** Lines {@code left => right}, without comments and blank lines. */
    static List<String[]> cases(String resource) throws IOException {
        try (InputStream in = WindowsProductsTest.class.getResourceAsStream("/windows/" + resource)) {
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int arrow = line.lastIndexOf("=>");
                out.add(new String[] {line.substring(0, arrow).strip(), line.substring(arrow + 2).strip()});
            }
            return out;
        }
    }
}
