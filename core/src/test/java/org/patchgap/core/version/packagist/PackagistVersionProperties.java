package org.patchgap.core.version.packagist;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on Packagist versions built from tricky pieces, valid or not. */
class PackagistVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return PackagistVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "v", "1", "0", "2", "10", ".", ".0", ".1", "-", "-dev", "dev-", "master", "alpha", "beta", "RC", "rc", "p", "pl", "patch", "b", "a", "1", "2", ".x", "-dev", "+b", "@dev", "foo", "2010-01-02");
    }
}
