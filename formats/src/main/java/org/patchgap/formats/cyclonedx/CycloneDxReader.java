package org.patchgap.formats.cyclonedx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;

/**
 * Reads a CycloneDX BOM, JSON or XML, of any 1.x spec version, into one {@link Target} whose components are
 * every component of the BOM, nested ones included, each with the place it was found (a JSON pointer such as
 * {@code /components/3/components/0}, or for XML a path such as {@code /bom/components/component[4]}).
 *
 * <p>Components are placed in an OSV ecosystem by their purl. A component without a purl is listed with no
 * ecosystem (it cannot be matched); one whose purl is malformed or of a type without an OSV ecosystem is
 * listed the same way and reported as a problem.
 */
public final class CycloneDxReader implements InventoryReader {

    static final String XML_NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

    @Override
    public String name() {
        return "cyclonedx";
    }

    /**
     * A JSON head naming {@code "bomFormat"} takes the file when it also says {@code CycloneDX}; an XML head
     * with the CycloneDX namespace takes it. Otherwise the conventional names ({@code bom.json},
     * {@code *.cdx.json}, {@code bom.xml}, {@code *.cdx.xml}) take it, because a generator may write
     * {@code bomFormat} after the first 4 KiB.
     */
    @Override
    public boolean accepts(Path file, byte[] head) {
        // Latin-1 maps each byte to one char without decoding work; the markers are ASCII, found the same in UTF-8.
        String text = org.patchgap.formats.support.Heads.text(head);
        if (text.contains("\"bomFormat\"")) {
            return text.contains("\"CycloneDX\"");
        }
        if (text.contains(XML_NAMESPACE_PREFIX)) {
            return true;
        }
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        return name.equals("bom.json") || name.endsWith(".cdx.json")
                || name.equals("bom.xml") || name.endsWith(".cdx.xml");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        byte[] bytes = readAll(file);
        Location whole = Location.of(file.toString());
        int first = firstSignificantByte(bytes);
        if (first < 0) {
            throw new BadInputException(whole, "empty file, expected a CycloneDX BOM in JSON or XML");
        }
        return switch (bytes[first]) {
            case '{' -> JsonBom.read(file, bytes);
            case '<' -> XmlBom.read(file, bytes);
            default -> throw new BadInputException(new Location(file.toString(), "line 1"),
                    "expected a CycloneDX BOM: JSON starting with '{' or XML starting with '<'");
        };
    }

    private static byte[] readAll(Path file) throws BadInputException {
        try {
            org.patchgap.formats.support.InputLimits.requireReadableWhole(file);
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte order mark, or -1. */
    private static int firstSignificantByte(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }
}
