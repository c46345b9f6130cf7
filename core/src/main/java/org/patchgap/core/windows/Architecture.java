package org.patchgap.core.windows;

import java.util.Locale;
import java.util.Optional;

/** Processor architecture of a Windows product, as the advisory product names distinguish them. */
public enum Architecture {
    X86, X64, ARM, ARM64, IA64;

    /**
     * Reads how inventories write it: {@code x64-based PC}, {@code X86-based PC}, {@code ARM64-based PC}
     * (systeminfo), {@code 64-bit} / {@code 32-bit} (WMI OSArchitecture, osquery), {@code AMD64}, {@code x86},
     * {@code Itanium}, {@code ia64}.
     */
    public static Optional<Architecture> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) return Optional.empty();
        if (s.contains("arm64") || s.contains("aarch64") || s.startsWith("arm 64")) return Optional.of(ARM64);
        if (s.contains("itanium") || s.contains("ia64") || s.contains("ia-64")) return Optional.of(IA64);
        if (s.contains("x64") || s.contains("amd64") || s.contains("x86_64") || s.contains("x86-64")
                || s.startsWith("64")) {
            return Optional.of(X64);
        }
        if (s.contains("x86") || s.contains("i386") || s.contains("i686") || s.startsWith("32")) return Optional.of(X86);
        if (s.startsWith("arm")) return Optional.of(ARM);
        return Optional.empty();
    }
}
