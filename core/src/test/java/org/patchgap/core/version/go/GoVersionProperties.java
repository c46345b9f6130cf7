package org.patchgap.core.version.go;

import net.jqwik.api.Arbitrary;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.VersionOrderLaws;
import org.patchgap.core.version.VersionScheme;

/** The order laws (VersionOrderLaws) on Go versions built from tricky pieces, valid or not. */
class GoVersionProperties extends VersionOrderLaws {

    @Override
    protected VersionScheme scheme() {
        return GoVersionScheme.INSTANCE;
    }

    @Override
    protected Arbitrary<String> texts() {
        return Differential.joined(7, "v", "1", "0", "2", "10", "01", ".", ".0", ".1", "-", "-0", "-pre", "-alpha", ".20200101000000-abcdef123456", "-20191231235959-ffffffffffff", ".beta", "+incompatible", "+b", ".", "-");
    }
}
