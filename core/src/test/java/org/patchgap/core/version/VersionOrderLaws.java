package org.patchgap.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws every scheme's order must keep, checked on a scheme's adversarial generator: a total order
 * (antisymmetric, transitive), {@code equals} exactly when {@code compareTo} is 0, equal versions with equal
 * hashes, and the text kept as given. A scheme's property class extends this and names its scheme and generator.
 */
public abstract class VersionOrderLaws {

    protected abstract VersionScheme scheme();

    /** Version strings, valid or not, for this scheme. */
    protected abstract Arbitrary<String> texts();

    /**
     * Whether the ecosystem's own order is transitive. Only Maven's is not (docs/versions.md, "Maven"); its
     * scheme follows Maven pairwise and a named test pins the known counterexample instead.
     */
    protected boolean transitive() {
        return true;
    }

    @Provide
    Arbitrary<List<String>> batches() {
        return texts().list().ofSize(30);
    }

    @Provide
    Arbitrary<String> anyText() {
        return texts();
    }

    @Property(tries = 150)
    void orderIsTotalAndAgreesWithEqualsAndHashCode(@ForAll("batches") List<String> texts) {
        List<Version> versions = new ArrayList<>();
        for (String text : texts) {
            try {
                versions.add(scheme().parse(text));
            } catch (InvalidVersionException e) {
                assertThat(e.scheme()).isEqualTo(scheme().name());
                assertThat(e.text()).isEqualTo(text);
            }
        }
        for (Version a : versions) {
            for (Version b : versions) {
                int ab = Integer.signum(a.compareTo(b));
                assertThat(Integer.signum(b.compareTo(a))).as("antisymmetry of %s and %s", a, b).isEqualTo(-ab);
                assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(ab == 0);
                if (ab == 0) {
                    assertThat(a.hashCode()).as("hash of %s and %s", a, b).isEqualTo(b.hashCode());
                }
            }
        }
        if (!transitive()) {
            return;
        }
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(sorted.get(i).compareTo(sorted.get(j))).as("transitivity: %s before %s", sorted.get(i),
                        sorted.get(j)).isLessThanOrEqualTo(0);
            }
        }
    }

    @Property(tries = 300)
    void parsedVersionKeepsItsTextAndScheme(@ForAll("anyText") String text) {
        try {
            Version v = scheme().parse(text);
            assertThat(v.text()).isEqualTo(text);
            assertThat(v.toString()).isEqualTo(text);
            assertThat(v.scheme()).isSameAs(scheme());
            assertThat(v.compareTo(scheme().parse(text))).isZero();
        } catch (InvalidVersionException e) {
            assertThat(e.getMessage()).startsWith("invalid " + scheme().name() + " version '" + text + "': ");
        }
    }
}
