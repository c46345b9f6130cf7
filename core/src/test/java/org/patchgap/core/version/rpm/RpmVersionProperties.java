package org.patchgap.core.version.rpm;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on RPM versions built from tricky pieces, valid or not. */
class RpmVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return RpmVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "0", "1", "2", "10", "01", "00", "a", "b", "A", "rc", "git", "el8", "~", "^", ".", "_", "+", "-", "-", "1:", "0:", ":");
    }
}
