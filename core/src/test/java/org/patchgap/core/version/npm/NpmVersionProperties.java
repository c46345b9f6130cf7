package org.patchgap.core.version.npm;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on adversarial Npm versions. */
class NpmVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return NpmVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return NpmVersionArbitraries.versions();
    }
}
