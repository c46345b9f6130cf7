package org.patchgap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.version.VersionSchemes;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.store.AdvisoryDatabase;
import org.patchgap.store.DatabaseException;
import org.patchgap.store.DatabaseLocation;

/**
 * The advisories of a scan without {@code --advisories}: from the local advisory database, only the records of
 * the packages the targets contain (docs/database.md), with the KEV facts and EPSS scores of those records.
 */
final class DatabaseAdvisories {

    private DatabaseAdvisories() {}

    /**
     * @param uncovered receives one warning per ecosystem of the targets that the database holds no advisory for:
     *                  a scan of it finds nothing, which must not read as "no known vulnerabilities"
     */
    static AdvisoryLoader.Loaded load(@Nullable Path option, List<Target> targets, List<Problem> uncovered)
            throws BadInputException, UsageException {
        Path directory = DatabaseLocation.resolve(option);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UsageException("no advisories: " + directory + " is a file, not a database directory; give --db "
                    + "the directory that holds advisories.pgdb");
        }
        if (!AdvisoryDatabase.exists(directory)) {
            throw new UsageException("no advisories: no advisory database at " + directory
                    + "; run 'patchgap db update' (or 'patchgap db import PATH'), or pass --advisories PATH");
        }
        try (AdvisoryDatabase db = AdvisoryDatabase.open(directory)) {
            Map<String, Set<String>> packages = packagesOf(targets);
            Set<String> held = db.ecosystems();
            Set<String> missing = new TreeSet<>();
            for (String ecosystem : packages.keySet()) {
                String base = VersionSchemes.baseOf(ecosystem);
                if (!held.contains(base)) missing.add(base);
            }
            for (String ecosystem : missing) {
                String source = ecosystem.equals(CpeName.ECOSYSTEM) ? "nvd" : "osv:" + ecosystem;
                uncovered.add(new Problem(Location.of(directory.toString()), "no " + ecosystem + " advisories in the "
                        + "database; its components were not checked (patchgap db update --source " + source
                        + ", or db import)"));
            }
            List<Vulnerability> records = db.vulnerabilitiesFor(packages);
            List<KevEntry> kev = new ArrayList<>();
            Map<String, EpssScore> epss = new HashMap<>();
            for (Vulnerability record : records) {
                db.kevOf(record).ifPresent(kev::add);
                db.epssOf(record).ifPresent(score -> epss.put(score.cve(), score));
            }
            return new AdvisoryLoader.Loaded(records, List.of(), List.of(KevCatalog.of("database", kev)), List.of(),
                    epss);
        } catch (DatabaseException e) {
            throw unusable(directory, e);
        } catch (java.io.IOException e) {
            throw new BadInputException(Location.of(directory.toString()), "cannot close the database: " + e.getMessage(), e);
        }
    }

    /**
     * The store's messages start with the file they are about ({@code <dir>/advisories.pgdb: damaged ...}): that
     * file becomes the location, so the error line does not name the directory and then the file again.
     */
    private static BadInputException unusable(Path directory, DatabaseException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (message.startsWith(directory.toString()) && colon > 0) {
            return new BadInputException(Location.of(message.substring(0, colon)), message.substring(colon + 2), e);
        }
        return new BadInputException(Location.of(directory.toString()), message, e);
    }

    private static Map<String, Set<String>> packagesOf(List<Target> targets) {
        Map<String, Set<String>> packages = new HashMap<>();
        for (Target target : targets) {
            for (Component c : target.components()) {
                if (c.ecosystem() != null) {
                    packages.computeIfAbsent(c.ecosystem(), k -> new HashSet<>()).add(c.name());
                } else if (c.cpe() != null) {
                    // The matcher matches such a component by its CPE: the store keys CPE blocks by vendor:product
                    // (PackageNames.key), so only the criteria of these products are read.
                    packages.computeIfAbsent(CpeName.ECOSYSTEM, k -> new HashSet<>()).add(c.cpe());
                }
            }
        }
        return packages;
    }
}
