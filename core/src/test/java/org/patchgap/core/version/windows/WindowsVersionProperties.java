package org.patchgap.core.version.windows;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on Windows versions built from tricky pieces, valid or not. */
class WindowsVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return WindowsVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "10", "0", "19045", "3570", "01", ".", ".0", ".1", "a");
    }
}
