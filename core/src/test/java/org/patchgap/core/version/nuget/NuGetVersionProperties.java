package org.patchgap.core.version.nuget;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on NuGet versions built from tricky pieces, valid or not. */
class NuGetVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return NuGetVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "1", "0", "2", "01", ".", ".0", ".1", "-", "-alpha", "-ALPHA", ".beta", ".1", ".-5", "-2147483648", "+meta", "+01", ".", " ");
    }
}
