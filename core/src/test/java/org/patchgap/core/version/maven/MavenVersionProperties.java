package org.patchgap.core.version.maven;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on adversarial Maven versions. */
class MavenVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return MavenVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return MavenVersionArbitraries.versions();
    }

    /** ComparableVersion is not transitive; see MavenVersionSchemeTest#comparableVersionIsNotTransitiveAndNeitherAreWe. */
    @Override
    protected boolean transitive() {
        return false;
    }
}
