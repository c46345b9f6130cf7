package org.patchgap.formats.jar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Purls;

/**
 * Java archives ({@code .jar}, {@code .war}, {@code .ear}) and the archives nested in them ({@code WEB-INF/lib},
 * Spring Boot's {@code BOOT-INF/lib}, an ear's modules). Maven writes {@code META-INF/maven/<group>/<artifact>/
 * pom.properties} into every artifact it builds, and shading keeps those of the shaded libraries, so each such
 * file is a component. A nested archive without one is listed under its file name with the manifest's version,
 * without an ecosystem: it is shown, but guessing its coordinates could match the wrong project.
 *
 * <p>Places are written {@code WEB-INF/lib/a.jar!/META-INF/maven/g/a/pom.properties}, inside the file read.
 */
public final class JavaArchiveReader implements InventoryReader {

    /** Nesting deeper than an ear in a war in a jar is not seen in practice and guards against zip tricks. */
    private static final int MAX_DEPTH = 4;

    @Override
    public String name() {
        return "java-archive";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return isArchiveName(Heads.lowerName(file))
                && head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static boolean isArchiveName(String lowerName) {
        return lowerName.endsWith(".jar") || lowerName.endsWith(".war") || lowerName.endsWith(".ear");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            org.patchgap.formats.support.InputLimits.EntryCount count = new org.patchgap.formats.support.InputLimits.EntryCount(source);
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                count.next();
                try (InputStream in = zip.getInputStream(entry)) {
                    visit(source, "", entry.getName(), in, 1, components, problems);
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(source), "no such file");
        } catch (ZipException | IllegalArgumentException e) {
            throw new BadInputException(Location.of(source), "expected a Java archive (zip): " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(Location.of(source), "cannot read: " + e.getMessage(), e);
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    /** One entry of an archive at {@code prefix} (empty for the file itself, else {@code a.war!/}). */
    private void visit(String source, String prefix, String name, InputStream in, int depth, List<Component> out,
            List<Problem> problems) throws IOException {
        if (isPomProperties(name)) {
            Properties properties = new Properties();
            // A pom.properties is a few hundred bytes; one that expands to more is a bomb, not metadata.
            properties.load(org.patchgap.formats.support.Decompression.bounded(in, -1, 1 << 20));
            Location location = new Location(source, prefix + name);
            String groupId = properties.getProperty("groupId");
            String artifactId = properties.getProperty("artifactId");
            String version = properties.getProperty("version");
            if (groupId == null || artifactId == null || version == null) {
                problems.add(new Problem(location, "pom.properties without groupId, artifactId and version; skipped"));
                return;
            }
            out.add(new Component("Maven", groupId.strip() + ":" + artifactId.strip(), version.strip(),
                    Purls.maven(groupId.strip(), artifactId.strip(), version.strip()), location));
        } else if (isArchiveName(name.toLowerCase(Locale.ROOT)) && !name.endsWith("/")) {
            String nestedPrefix = prefix + name + "!/";
            if (depth >= MAX_DEPTH) {
                problems.add(new Problem(new Location(source, prefix + name), "archive nested more than "
                        + MAX_DEPTH + " deep; not opened"));
                return;
            }
            readNested(source, nestedPrefix, prefix + name, in, depth + 1, out, problems);
        }
    }

    private void readNested(String source, String prefix, String place, InputStream in, int depth,
            List<Component> out, List<Problem> problems) {
        int before = out.size();
        Manifest manifest = null;
        boolean any = false;
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(zip);
                } else {
                    visit(source, prefix, entry.getName(), zip, depth, out, problems);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream throws IllegalArgumentException for an entry name that is not UTF-8 (found by fuzzing).
            problems.add(new Problem(new Location(source, place), "nested archive cannot be read ("
                    + e.getMessage() + "); skipped"));
            return;
        }
        if (!any) {
            problems.add(new Problem(new Location(source, place), "nested archive is empty or not a zip; skipped"));
        } else if (out.size() == before) {
            String fileName = place.substring(place.lastIndexOf('/') + 1);
            String stem = fileName.substring(0, fileName.lastIndexOf('.'));
            out.add(new Component(null, stem, manifestVersion(manifest), null, new Location(source, place)));
        }
    }

    private static @Nullable String manifestVersion(@Nullable Manifest manifest) {
        if (manifest == null) {
            return null;
        }
        Attributes main = manifest.getMainAttributes();
        String version = main.getValue("Implementation-Version");
        return version != null ? version : main.getValue("Bundle-Version");
    }

    private static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")
                && name.split("/").length == 5;
    }
}
