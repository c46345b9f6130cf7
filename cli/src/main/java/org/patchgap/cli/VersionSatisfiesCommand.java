package org.patchgap.cli;

import java.util.concurrent.Callable;
import org.patchgap.core.range.InvalidRangeException;
import org.patchgap.core.range.RangeSyntaxes;
import org.patchgap.core.range.VersionRange;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code patchgap version satisfies ECOSYSTEM VERSION RANGE}: prints exactly {@code true} or {@code false}. RANGE is
 * the ecosystem's own syntax (npm, PEP 440, Maven, RubyGems, Cargo, Composer, NuGet) or a {@code vers:} URI; an invalid
 * version or range is a one-line error and exit code 2.
 */
@Command(name = "satisfies", mixinStandardHelpOptions = true,
        description = {"Whether VERSION is in RANGE, in ECOSYSTEM's order and range syntax; prints exactly true or false.",
                "RANGE is the ecosystem's own syntax (npm: '^1.2 || ~3.1.0', PyPI: '>=1.0,<2.0', Maven: '[1.0,2.0)', "
                        + "RubyGems: '~> 2.3', crates.io: '^1.2', Packagist: '^1.2 || ~2.0', NuGet: '[1.0,2.0)') "
                        + "or a vers URI ('vers:npm/>=1.0.0|<2.0.0'). See docs/ranges.md."})
final class VersionSatisfiesCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "OSV ecosystem name: Maven, npm, PyPI, ... (case ignored).")
    String ecosystem;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version to test.")
    String version;

    @Parameters(index = "2", paramLabel = "RANGE", description = "The range, in the ecosystem's syntax or as a vers: URI.")
    String range;

    VersionSatisfiesCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws UsageException, InvalidVersionException {
        VersionScheme scheme = Schemes.of(ecosystem);
        Version parsed = scheme.parse(version);
        VersionRange parsedRange;
        try {
            parsedRange = RangeSyntaxes.parse(ecosystem, range);
        } catch (InvalidRangeException e) {
            throw new UsageException(e.getMessage());
        }
        io.out().println(parsedRange.contains(parsed));
        return ExitCodes.OK;
    }
}
