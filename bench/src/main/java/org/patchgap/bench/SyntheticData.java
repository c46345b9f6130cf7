package org.patchgap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;

/**
 * Deterministic synthetic advisories and inventories shaped like real ones: most packages have one to three
 * advisories, each with one range of one to three introduced/fixed pairs over {@code major.minor.patch}
 * versions; a share of a fleet's components are packages that some advisory names.
 */
public final class SyntheticData {

    private final SplittableRandom random;
    private final String ecosystem;

    public SyntheticData(long seed, String ecosystem) {
        this.random = new SplittableRandom(seed);
        this.ecosystem = ecosystem;
    }

    /** Package names as the ecosystem spells them. */
    public String packageName(int i) {
        return switch (ecosystem) {
            case "Maven" -> "org.example.group" + (i % 997) + ":artifact-" + i;
            case "npm" -> (i % 3 == 0 ? "@scope" + (i % 101) + "/" : "") + "package-" + i;
            default -> "package-" + i;
        };
    }

    public String version() {
        return random.nextInt(6) + "." + random.nextInt(20) + "." + random.nextInt(30);
    }

    public List<Vulnerability> advisories(int count, int packages) {
        List<Vulnerability> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pkg = random.nextInt(packages);
            int pairs = 1 + random.nextInt(3);
            List<RangeEvent> events = new ArrayList<>();
            int major = 0;
            for (int p = 0; p < pairs; p++) {
                major += random.nextInt(2);
                events.add(RangeEvent.introduced(p == 0 && random.nextInt(4) == 0 ? "0" : major + "." + random.nextInt(10) + ".0"));
                events.add(RangeEvent.fixed(major + "." + (10 + random.nextInt(10)) + "." + random.nextInt(30)));
                major++;
            }
            AffectedPackage affected = new AffectedPackage(ecosystem, packageName(pkg), null,
                    List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null, events)), List.of(), null);
            records.add(new Vulnerability("SYN-" + i, List.of("CVE-2099-" + i), "synthetic advisory " + i, null, null,
                    null, List.of(new Severity(SeverityLevel.values()[1 + random.nextInt(5)], null, null, "synthetic")),
                    List.of(affected), List.of(), "synthetic"));
        }
        return records;
    }

    /** One target of {@code count} components; {@code hitShare} of them are packages advisories name. */
    public Target application(int count, int packages, double hitShare) {
        List<Component> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = random.nextDouble() < hitShare ? packageName(random.nextInt(packages))
                    : packageName(packages + random.nextInt(packages * 10));
            components.add(new Component(ecosystem, name, version(), null, new Location("synthetic", "/components/" + i)));
        }
        return new Target("synthetic-app", Target.Kind.APPLICATION, "synthetic", components);
    }
}
