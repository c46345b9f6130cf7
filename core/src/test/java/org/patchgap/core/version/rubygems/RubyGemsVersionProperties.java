package org.patchgap.core.version.rubygems;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on RubyGems versions built from tricky pieces, valid or not. */
class RubyGemsVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return RubyGemsVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "1", "0", "2", "10", "01", ".", ".0", ".1", ".a", ".b", ".A", ".pre", "-1", "-a", "a", ".00", " ");
    }
}
