package org.patchgap.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.range.InvalidRangeException;
import org.patchgap.core.range.RangeSyntaxes;
import org.patchgap.core.range.VersionRange;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * Fuzz targets for core's parsers (issue 15): any text may only give a result or the parser's own checked
 * exception, never another exception or a hang; and what parses obeys the laws the matcher relies on. In a normal
 * test run each replays its committed inputs ({@code src/test/resources/org/patchgap/core/fuzz/ParsersFuzzTestInputs/});
 * {@code ./fuzz} fuzzes them for a time budget (docs/security.md).
 */
class ParsersFuzzTest {

    private static final List<String> ECOSYSTEMS = new ArrayList<>(VersionSchemes.known());

    static {
        ECOSYSTEMS.sort(null);
    }

    /**
     * Two versions of one ecosystem: each parses or is refused with {@link InvalidVersionException}; two that parse
     * compare antisymmetrically, equal to themselves, and a range of that ecosystem never throws on them.
     */
    @FuzzTest(maxDuration = "60s")
    void versionsOrderAsAnOrder(FuzzedDataProvider data) {
        String ecosystem = ECOSYSTEMS.get(data.consumeInt(0, ECOSYSTEMS.size() - 1));
        VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem);
        String a = data.consumeString(80);
        String b = data.consumeString(80);
        String range = data.consumeRemainingAsString();
        Version x = parse(scheme, a);
        Version y = parse(scheme, b);
        if (x != null) {
            if (x.compareTo(x) != 0) throw new AssertionError(ecosystem + ": " + a + " is not equal to itself");
        }
        if (x != null && y != null && Integer.signum(x.compareTo(y)) != -Integer.signum(y.compareTo(x))) {
            throw new AssertionError(ecosystem + ": " + a + " and " + b + " do not compare antisymmetrically");
        }
        try {
            VersionRange parsed = RangeSyntaxes.parse(ecosystem, range);
            if (x != null) parsed.contains(x);
        } catch (InvalidRangeException refused) {
            // bad range text is refused
        }
    }

    private static Version parse(VersionScheme scheme, String text) {
        try {
            return scheme.parse(text);
        } catch (InvalidVersionException refused) {
            return null;
        }
    }

    /** A package URL resolves or is refused as malformed; a CPE name parses or is refused as malformed. */
    @FuzzTest(maxDuration = "60s")
    void purlsAndCpes(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            PurlIdentity.resolve(text);
        } catch (MalformedPurlException refused) {
            // refused with a reason
        }
        try {
            CpeName.parse(text);
        } catch (MalformedCpeException refused) {
            // refused with a reason
        }
    }
}
