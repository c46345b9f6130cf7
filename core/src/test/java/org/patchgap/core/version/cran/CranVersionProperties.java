package org.patchgap.core.version.cran;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on CRAN versions built from tricky pieces, valid or not. */
class CranVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return CranVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "1", "0", "2", "10", "01", ".", "-", ".0", "-1", ".1", "a", "_");
    }
}
