package org.patchgap.core.version.pypi;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * A parsed PEP 440 version. The order is PEP 440's "summary of permitted suffixes and relative ordering", in the
 * form of packaging's {@code _cmpkey}: epoch, release without trailing zeros, then pre/post/dev, then the local
 * label (absent before present; within it strings before numbers).
 */
public final class PypiVersion implements Version {

    /** A pre-release label, in order. */
    enum Label {
        A("a"), B("b"), RC("rc");

        final String text;

        Label(String text) {
            this.text = text;
        }
    }

    /** A pre-release segment such as {@code rc1}. */
    record Pre(Label label, BigInteger number) {}

    /** Rank of a dev release without pre or post, such as {@code 1.0.dev1}: below every pre-release. */
    private static final int DEV_ONLY = -1;
    /** Rank of a release without a pre-release: above {@code rc}. */
    private static final int NO_PRE = 3;

    private final String text;
    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final List<BigInteger> trimmedRelease;
    private final @Nullable Pre pre;
    private final @Nullable BigInteger post;
    private final @Nullable BigInteger dev;
    private final @Nullable List<Object> local;

    PypiVersion(String text, BigInteger epoch, List<BigInteger> release, @Nullable Pre pre, @Nullable BigInteger post,
            @Nullable BigInteger dev, @Nullable List<Object> local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        int n = release.size();
        while (n > 0 && release.get(n - 1).signum() == 0) n--;
        this.trimmedRelease = release.subList(0, n);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public VersionScheme scheme() {
        return PypiVersionScheme.INSTANCE;
    }

    /**
     * The canonical text, as packaging's {@code str(Version(text))}: {@code 1.0-ALPHA.1} gives {@code 1.0a1},
     * {@code v1.0.post} gives {@code 1.0.post0}, {@code 1!01.0+Ubuntu-1} gives {@code 1!1.0+ubuntu.1}.
     */
    public String normalized() {
        StringBuilder b = new StringBuilder();
        if (epoch.signum() != 0) b.append(epoch).append('!');
        b.append(release.stream().map(BigInteger::toString).collect(Collectors.joining(".")));
        if (pre != null) b.append(pre.label().text).append(pre.number());
        if (post != null) b.append(".post").append(post);
        if (dev != null) b.append(".dev").append(dev);
        if (local != null) {
            b.append('+').append(local.stream().map(Object::toString).collect(Collectors.joining(".")));
        }
        return b.toString();
    }

    /** Whether this is a pre-release or a dev release (PEP 440's "pre-release" in the wide sense). */
    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    @Override
    public int compareTo(Version o) {
        Version.requireSameScheme(this, o);
        PypiVersion other = (PypiVersion) o;
        int c = epoch.compareTo(other.epoch);
        if (c != 0) return c;
        c = compareNumbers(trimmedRelease, other.trimmedRelease);
        if (c != 0) return c;
        c = Integer.compare(preRank(), other.preRank());
        if (c != 0) return c;
        c = preNumber().compareTo(other.preNumber());
        if (c != 0) return c;
        // No post release sorts before any post release.
        c = Boolean.compare(post != null, other.post != null);
        if (c != 0) return c;
        c = orZero(post).compareTo(orZero(other.post));
        if (c != 0) return c;
        // A dev release sorts before the same version without one.
        c = Boolean.compare(dev == null, other.dev == null);
        if (c != 0) return c;
        c = orZero(dev).compareTo(orZero(other.dev));
        if (c != 0) return c;
        return compareLocal(local, other.local);
    }

    private int preRank() {
        if (pre != null) return pre.label().ordinal();
        return post == null && dev != null ? DEV_ONLY : NO_PRE;
    }

    private BigInteger preNumber() {
        return pre == null ? BigInteger.ZERO : pre.number();
    }

    private static BigInteger orZero(@Nullable BigInteger n) {
        return n == null ? BigInteger.ZERO : n;
    }

    private static int compareNumbers(List<BigInteger> a, List<BigInteger> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    /** PEP 440 local labels: absent sorts first; segment by segment, strings before numbers. */
    private static int compareLocal(@Nullable List<Object> a, @Nullable List<Object> b) {
        if (a == null || b == null) return Boolean.compare(a != null, b != null);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger p && y instanceof BigInteger q) {
                c = p.compareTo(q);
            } else if (x instanceof String s && y instanceof String t) {
                c = Integer.signum(s.compareTo(t));
            } else {
                c = x instanceof String ? -1 : 1;
            }
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PypiVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, trimmedRelease, preRank(), preNumber(), post, dev, local);
    }

    @Override
    public String toString() {
        return text;
    }
}
