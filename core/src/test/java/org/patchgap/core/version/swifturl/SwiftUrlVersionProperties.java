package org.patchgap.core.version.swifturl;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on SwiftURL versions built from tricky pieces, valid or not. */
class SwiftUrlVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return SwiftUrlVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "v", "1", "0", "2", "10", "01", ".", ".0", ".1", "-", "-0", "-alpha", ".beta", ".1", "+b", ".");
    }
}
