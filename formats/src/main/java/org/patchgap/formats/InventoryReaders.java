package org.patchgap.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.cyclonedx.CycloneDxReader;
import org.patchgap.formats.windows.GetComputerInfoJsonReader;
import org.patchgap.formats.windows.GetHotFixJsonReader;
import org.patchgap.formats.windows.OsqueryWindowsReader;
import org.patchgap.formats.windows.SmbConfigurationJsonReader;
import org.patchgap.formats.windows.SysteminfoReader;
import org.patchgap.formats.windows.WmicQfeReader;

/**
 * The one explicit list of inventory readers, and the choice of a reader for a file. Add a reader by adding
 * it to {@link #ALL}; order matters only when two readers could take the same file (first wins).
 */
public final class InventoryReaders {

    /** How many leading bytes a reader sees to decide whether it takes a file. */
    public static final int HEAD_BYTES = 4096;

    private static final List<InventoryReader> ALL = List.of(
            // One line per reader.
            new CycloneDxReader(),
            new org.patchgap.formats.os.DpkgStatusReader(),
            new org.patchgap.formats.os.ApkInstalledReader(),
            new org.patchgap.formats.os.RpmDbReader(),
            new org.patchgap.formats.os.RpmBdbReader(),
            new org.patchgap.formats.os.RpmNdbReader(),
            new org.patchgap.formats.os.RpmQaReader(),
            new org.patchgap.formats.os.OsqueryReader(),
            new org.patchgap.formats.npm.PackageLockReader(),
            new org.patchgap.formats.npm.YarnLockReader(),
            new org.patchgap.formats.npm.PnpmLockReader(),
            new org.patchgap.formats.python.RequirementsReader(),
            new org.patchgap.formats.python.PoetryLockReader(),
            new org.patchgap.formats.python.PipfileLockReader(),
            new org.patchgap.formats.python.UvLockReader(),
            new org.patchgap.formats.maven.PomReader(),
            new org.patchgap.formats.maven.GradleLockfileReader(),
            new org.patchgap.formats.go.GoModReader(),
            new org.patchgap.formats.cargo.CargoLockReader(),
            new org.patchgap.formats.ruby.GemfileLockReader(),
            new org.patchgap.formats.php.ComposerLockReader(),
            new org.patchgap.formats.dotnet.PackagesLockReader(),
            new org.patchgap.formats.jar.JavaArchiveReader(),
            new org.patchgap.formats.spdx.SpdxJsonReader(),
            new org.patchgap.formats.spdx.SpdxTagValueReader(),
            new SysteminfoReader(),
            new WmicQfeReader(),
            new GetComputerInfoJsonReader(),
            new GetHotFixJsonReader(),
            new SmbConfigurationJsonReader(),
            new OsqueryWindowsReader()
    );

    private InventoryReaders() {}

    public static List<InventoryReader> all() {
        return ALL;
    }

    /** The reader that takes {@code file}, if any. */
    public static Optional<InventoryReader> readerFor(Path file) throws BadInputException {
        byte[] head = head(file);
        for (InventoryReader reader : ALL) {
            if (reader.accepts(file, head)) {
                return Optional.of(reader);
            }
        }
        return Optional.empty();
    }

    /** Reads one inventory file with the reader that takes it; a file no reader takes is bad input. */
    public static ReadResult<Target> read(Path file) throws BadInputException {
        InventoryReader reader = readerFor(file).orElseThrow(() -> new BadInputException(Location.of(file.toString()),
                "not a supported inventory (expected an SBOM, a lock file, a package database or a Windows export; "
                        + "docs/formats/ lists the formats read)"));
        return reader.read(file);
    }

    static byte[] head(Path file) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

}
