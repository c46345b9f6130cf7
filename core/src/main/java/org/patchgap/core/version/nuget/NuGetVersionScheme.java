package org.patchgap.core.version.nuget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * NuGet package versions, parsed and ordered as NuGet.Versioning's {@code NuGetVersion.TryParse} and
 * {@code VersionComparer.Default} do (docs/ecosystems/nuget.md).
 *
 * <p>One to four dot-separated numbers (each a non-negative 32-bit integer, leading zeros allowed; missing ones
 * are 0, so {@code 1.0 = 1.0.0 = 1.0.0.0}), then optional {@code -label.label} release labels and
 * {@code +metadata}. Surrounding white space is trimmed. Labels are non-empty runs of {@code [0-9A-Za-z-]}
 * without leading zeros on numeric ones; metadata identifiers may have leading zeros.
 *
 * <p>Order: the four numbers, then a release is above any pre-release, then labels one by one: two labels that
 * are 32-bit integers compare as numbers and sort below text labels; text labels compare ignoring case
 * ({@code 1.0.0-ALPHA = 1.0.0-alpha}); fewer labels sort first. Metadata does not count. Legacy labels such as
 * {@code 1.0.0-alpha1} are single text labels.
 */
public final class NuGetVersionScheme implements VersionScheme {

    public static final NuGetVersionScheme INSTANCE = new NuGetVersionScheme();

    private NuGetVersionScheme() {}

    @Override
    public String name() {
        return "NuGet";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isBlank()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        String rest = text.strip();
        String metadata = null;
        List<String> labels = List.of();
        int dash = rest.indexOf('-');
        int plus = rest.indexOf('+');
        // The first '-' starts the labels unless a '+' comes before it.
        if (plus >= 0) {
            metadata = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
            if (dash > plus) dash = -1;
        }
        if (dash >= 0) {
            labels = List.of(rest.substring(dash + 1).split("\\.", -1));
            rest = rest.substring(0, dash);
            for (String label : labels) checkPart(text, label, "release label", false);
        }
        if (metadata != null) {
            for (String part : metadata.split("\\.", -1)) checkPart(text, part, "metadata identifier", true);
        }
        String[] numbers = rest.split("\\.", -1);
        if (numbers.length > 4) {
            throw new InvalidVersionException(name(), text, "more than four version numbers in '" + rest + "'");
        }
        int[] parts = new int[4];
        for (int i = 0; i < numbers.length; i++) {
            parts[i] = number(text, numbers[i]);
        }
        return new NuGetVersion(text, parts, List.copyOf(labels));
    }

    private int number(String text, String digits) throws InvalidVersionException {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidVersionException(name(), text, "version number '" + digits + "' is not a number");
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidVersionException(name(), text, "version number '" + digits + "' is above 2147483647");
        }
    }

    private void checkPart(String text, String part, String what, boolean leadingZerosAllowed)
            throws InvalidVersionException {
        if (part.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty " + what);
        }
        boolean digitsOnly = true;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            digitsOnly &= digit;
            if (!(digit || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                throw new InvalidVersionException(name(), text,
                        what + " '" + part + "' may only hold [0-9A-Za-z-], not '" + c + "'");
            }
        }
        if (!leadingZerosAllowed && digitsOnly && part.length() > 1 && part.charAt(0) == '0') {
            throw new InvalidVersionException(name(), text, "numeric " + what + " '" + part + "' has a leading zero");
        }
    }

    private record NuGetVersion(String text, int[] numbers, List<String> labels) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            NuGetVersion other = (NuGetVersion) o;
            for (int i = 0; i < 4; i++) {
                int c = Integer.compare(numbers[i], other.numbers[i]);
                if (c != 0) return c;
            }
            if (labels.isEmpty() || other.labels.isEmpty()) {
                return Boolean.compare(labels.isEmpty(), other.labels.isEmpty());
            }
            for (int i = 0; i < Math.min(labels.size(), other.labels.size()); i++) {
                int c = compareLabel(labels.get(i), other.labels.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(labels.size(), other.labels.size());
        }

        /** VersionComparer.CompareRelease: int.TryParse decides what is a number. */
        private static int compareLabel(String a, String b) {
            Integer x = asInt(a);
            Integer y = asInt(b);
            if (x != null && y != null) return x.compareTo(y);
            if (x != null) return -1;
            if (y != null) return 1;
            return Integer.signum(upper(a).compareTo(upper(b)));
        }

        /** .NET's int.TryParse on a label: an optional '-' sign and digits that fit a 32-bit integer. */
        private static Integer asInt(String label) {
            String digits = label.startsWith("-") ? label.substring(1) : label;
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            try {
                return Integer.parseInt(label);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** OrdinalIgnoreCase compares upper-cased characters. */
        private static String upper(String s) {
            return s.toUpperCase(Locale.ROOT);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NuGetVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            List<Object> key = new ArrayList<>();
            for (int n : numbers) key.add(n);
            for (String label : labels) {
                Integer n = asInt(label);
                key.add(n != null ? n : upper(label));
            }
            return key.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
