package org.patchgap.core.version.generic;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on the generic fallback order. */
class GenericVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return GenericVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Arbitraries.of("0", "1", "01", "2", "10", "a", "B", "rc", "alpha", ".", "-", "_", "~", "+", ":", " ")
                .list().ofMinSize(0).ofMaxSize(7).map(l -> String.join("", l));
    }
}
