package org.patchgap.core.version.alpine;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on Alpine versions built from tricky pieces, valid or not. */
class AlpineVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return AlpineVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "0", "1", "2", "10", "01", "00", ".", ".1", ".0", ".01", "a", "b", "z", "_alpha", "_beta", "_pre", "_rc", "_p", "_git", "_cvs", "1", "2", "~abc", "~0f", "-r0", "-r1", "-r10", "_x", "-", "A");
    }
}
