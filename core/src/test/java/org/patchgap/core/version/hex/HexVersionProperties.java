package org.patchgap.core.version.hex;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on Hex versions built from tricky pieces, valid or not. */
class HexVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return HexVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "1", "0", "2", "10", "01", ".", ".0", ".1", "-", "-0", "-alpha", ".beta", ".1", "+b", "+01", ".", "-");
    }
}
