package org.patchgap.formats.walk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One file of a walked tree that a reader took: which reader, how many components it gave, and the error if the
 * file could not be used at all.
 *
 * @param file       path relative to the walked root, with {@code /} separators
 * @param reader     the reader's {@link org.patchgap.formats.InventoryReader#name() name}
 * @param components components read from it (0 when it failed)
 * @param error      the one-line reason the file was unusable, or null
 */
public record FileRead(String file, String reader, int components, @Nullable String error) {

    public FileRead {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reader, "reader");
    }
}
