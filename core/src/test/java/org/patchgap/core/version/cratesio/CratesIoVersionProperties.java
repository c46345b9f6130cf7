package org.patchgap.core.version.cratesio;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on crates.io versions built from tricky pieces, valid or not. */
class CratesIoVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return CratesIoVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "1", "0", "2", "10", "01", ".", ".0", ".1", "-", "-0", "-alpha", ".beta", ".1", "+b", "+01", "+1", ".", "-");
    }
}
