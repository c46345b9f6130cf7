package org.patchgap.core.version.deb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * A parsed Debian version. Upstream and revision are kept as the UTF-8 bytes dpkg compares; the order is dpkg's
 * {@code verrevcmp} on each part after the epoch.
 */
final class DebianVersion implements Version {

    private final String text;
    private final int epoch;
    private final byte[] upstream;
    private final byte[] revision;
    private final int hash;

    DebianVersion(String text, int epoch, byte[] upstream, byte[] revision) {
        this.text = text;
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
        this.hash = 31 * (31 * epoch + canonicalHash(upstream)) + canonicalHash(revision);
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public VersionScheme scheme() {
        return DebianVersionScheme.INSTANCE;
    }

    int epoch() {
        return epoch;
    }

    String upstream() {
        return new String(upstream, StandardCharsets.UTF_8);
    }

    String revision() {
        return new String(revision, StandardCharsets.UTF_8);
    }

    @Override
    public int compareTo(Version o) {
        Version.requireSameScheme(this, o);
        DebianVersion other = (DebianVersion) o;
        int c = Integer.compare(epoch, other.epoch);
        if (c != 0) return c;
        c = verrevcmp(upstream, other.upstream);
        if (c != 0) return c;
        return verrevcmp(revision, other.revision);
    }

    /**
     * dpkg's comparison of one part: alternately a run of non-digits, compared character by character with
     * {@link #order}, and a run of digits, compared as a number (leading zeros ignored, any length).
     */
    static int verrevcmp(byte[] a, byte[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            while ((i < a.length && !DebianVersionScheme.isDigit(a[i]))
                    || (j < b.length && !DebianVersionScheme.isDigit(b[j]))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) return Integer.signum(ac - bc);
                i++;
                j++;
            }
            while (i < a.length && a[i] == '0') i++;
            while (j < b.length && b[j] == '0') j++;
            int firstDiff = 0;
            while (i < a.length && j < b.length && DebianVersionScheme.isDigit(a[i])
                    && DebianVersionScheme.isDigit(b[j])) {
                if (firstDiff == 0) firstDiff = a[i] - b[j];
                i++;
                j++;
            }
            if (i < a.length && DebianVersionScheme.isDigit(a[i])) return 1;
            if (j < b.length && DebianVersionScheme.isDigit(b[j])) return -1;
            if (firstDiff != 0) return Integer.signum(firstDiff);
        }
        return 0;
    }

    /**
     * The weight of one character in a non-digit run: {@code ~} below the end of the part, the end (and a digit)
     * next, then letters by ASCII code, then every other byte. Bytes are signed as in C on amd64, so UTF-8 bytes
     * of non-ASCII text sort after letters and before ASCII punctuation, as in dpkg.
     */
    private static int order(byte[] s, int i) {
        if (i >= s.length) return 0;
        byte c = s[i];
        if (DebianVersionScheme.isDigit(c)) return 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c;
        if (c == '~') return -1;
        return c + 256;
    }

    /**
     * A hash that agrees with {@link #verrevcmp}: two parts compare equal exactly when their sequences of
     * (non-digit run, number) pairs are equal, where a lone {@code ("", 0)} pair equals the empty part.
     */
    private static int canonicalHash(byte[] s) {
        int h = 1;
        int i = 0;
        while (i < s.length) {
            int runStart = i;
            while (i < s.length && !DebianVersionScheme.isDigit(s[i])) i++;
            h = 31 * h + Arrays.hashCode(Arrays.copyOfRange(s, runStart, i));
            while (i < s.length && s[i] == '0') i++;
            int digitsStart = i;
            while (i < s.length && DebianVersionScheme.isDigit(s[i])) i++;
            h = 31 * h + Arrays.hashCode(Arrays.copyOfRange(s, digitsStart, i));
        }
        // "0", "00" and "" compare equal: all are one ("", 0) pair or none.
        return isZero(s) ? 1 : h;
    }

    private static boolean isZero(byte[] s) {
        for (byte c : s) {
            if (c != '0') return false;
        }
        return true;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DebianVersion d && compareTo(d) == 0;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text;
    }
}
