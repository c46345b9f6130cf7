package org.patchgap.core.version.pypi;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on adversarial Pypi versions. */
class PypiVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return PypiVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return PypiVersionArbitraries.versions();
    }
}
