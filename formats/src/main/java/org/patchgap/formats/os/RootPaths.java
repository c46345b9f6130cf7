package org.patchgap.formats.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Paths inside an operating-system root (an unpacked image, a mounted disk) resolved as the system itself would
 * see them: symbolic links are followed, an absolute link target is taken relative to the root, and nothing
 * outside the root is ever reached.
 */
final class RootPaths {

    private static final int MAX_LINKS = 40; // as the kernel's limit on links in one lookup

    private RootPaths() {}

    /** {@code relative} inside {@code root} with links resolved inside the root; null if it escapes or loops. */
    static @Nullable Path resolve(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path current = base;
        java.util.Deque<String> pending = new java.util.ArrayDeque<>();
        for (Path part : Path.of(relative)) {
            pending.addLast(part.toString());
        }
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(base) ? base : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    return null;
                }
                Path target;
                try {
                    target = Files.readSymbolicLink(next);
                } catch (IOException e) {
                    return null;
                }
                java.util.List<String> parts = new java.util.ArrayList<>();
                for (Path p : target) {
                    parts.add(p.toString());
                }
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
                if (target.isAbsolute()) {
                    current = base;
                }
                continue;
            }
            current = next;
        }
        return current.startsWith(base) && Files.exists(current, LinkOption.NOFOLLOW_LINKS) ? current : null;
    }
}
