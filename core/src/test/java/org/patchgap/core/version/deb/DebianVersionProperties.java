package org.patchgap.core.version.deb;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on adversarial Debian versions. */
class DebianVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return DebianVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return DebianVersionArbitraries.versions();
    }
}
