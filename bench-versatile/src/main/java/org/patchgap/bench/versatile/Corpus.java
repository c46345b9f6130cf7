package org.patchgap.bench.versatile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The version strings both libraries are given for one ecosystem: every version of core's hand-written order
 * fixtures ({@code versions/<ecosystem>-order.txt}, the cases checked against each ecosystem's own tool) followed
 * by deterministic generated ones shaped like the versions real advisories and inventories carry.
 */
public final class Corpus {

    /**
     * One ecosystem both libraries know: our OSV name, versatile's vers scheme, and core's fixture file stem.
     *
     * @param label the short name used in the benchmark parameter and the table
     */
    public record Ecosystem(String label, String osv, String vers, String fixture) {}

    /** The ecosystems versatile 0.16.1 implements (apk, deb, golang, maven, npm, pypi, rpm; gem and nuget are not). */
    public static final List<Ecosystem> ECOSYSTEMS = List.of(
            new Ecosystem("Maven", "Maven", "maven", "maven"),
            new Ecosystem("npm", "npm", "npm", "npm"),
            new Ecosystem("PyPI", "PyPI", "pypi", "pypi"),
            new Ecosystem("Debian", "Debian", "deb", "debian"),
            new Ecosystem("RPM", "Red Hat", "rpm", "rpm"),
            new Ecosystem("Go", "Go", "golang", "go"),
            new Ecosystem("Alpine", "Alpine", "apk", "alpine"));

    private Corpus() {}

    public static Ecosystem ecosystem(String label) {
        for (Ecosystem e : ECOSYSTEMS) {
            if (e.label().equalsIgnoreCase(label)) return e;
        }
        throw new IllegalArgumentException("no ecosystem '" + label + "'; known: "
                + ECOSYSTEMS.stream().map(Ecosystem::label).toList());
    }

    /** The fixture versions, then {@code generated} generated ones; duplicates (same spelling) removed. */
    public static List<String> versions(Ecosystem e, int generated, long seed) {
        Set<String> out = new LinkedHashSet<>(fixtureVersions(e));
        SplittableRandom random = new SplittableRandom(seed);
        int attempts = 0;
        int target = out.size() + generated;
        while (out.size() < target && attempts++ < generated * 20) {
            out.add(generate(e, random));
        }
        return List.copyOf(out);
    }

    /**
     * Every version token of the fixture's lines ({@code a < b = c}, {@code #} comments). Tokens written with
     * the fixture's escapes (a space, a tab, the empty string) are left out: they test rejection paths, not order.
     */
    public static List<String> fixtureVersions(Ecosystem e) {
        String resource = "/versions/" + e.fixture() + "-order.txt";
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String content = stripComment(line).strip();
                if (content.isEmpty()) continue;
                for (String token : content.split("\\s+")) {
                    if (token.equals("<") || token.equals("=") || token.equals(">")) continue;
                    if (token.contains("\\") || token.equals("<empty>")) continue;
                    out.add(token);
                }
            }
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String stripComment(String line) {
        if (line.startsWith("#")) return "";
        int at = line.indexOf(" #");
        int tab = line.indexOf("\t#");
        if (tab >= 0 && (at < 0 || tab < at)) at = tab;
        return at < 0 ? line : line.substring(0, at);
    }

    private static String generate(Ecosystem e, SplittableRandom r) {
        String mmp = r.nextInt(4) + "." + r.nextInt(16) + "." + r.nextInt(25);
        String mm = r.nextInt(4) + "." + r.nextInt(16);
        return switch (e.label()) {
            case "Maven" -> switch (r.nextInt(8)) {
                case 0 -> mmp + "-SNAPSHOT";
                case 1 -> mmp + ".Final";
                case 2 -> mmp + "-RC" + (1 + r.nextInt(3));
                case 3 -> mmp + "-beta-" + (1 + r.nextInt(3));
                case 4 -> mm;
                case 5 -> mmp + "." + r.nextInt(3);
                default -> mmp;
            };
            case "npm" -> switch (r.nextInt(6)) {
                case 0 -> mmp + "-beta." + r.nextInt(4);
                case 1 -> mmp + "-rc." + (1 + r.nextInt(3));
                case 2 -> mmp + "-alpha";
                default -> mmp;
            };
            case "PyPI" -> switch (r.nextInt(8)) {
                case 0 -> mm + "rc" + (1 + r.nextInt(3));
                case 1 -> mmp + ".post" + (1 + r.nextInt(2));
                case 2 -> mm + ".dev" + r.nextInt(5);
                case 3 -> mmp + "b" + (1 + r.nextInt(3));
                case 4 -> mm;
                default -> mmp;
            };
            case "Debian" -> switch (r.nextInt(7)) {
                case 0 -> "1:" + mm + "-" + (1 + r.nextInt(4));
                case 1 -> mm + "~rc" + (1 + r.nextInt(3)) + "-1";
                case 2 -> mmp + "+dfsg-" + (1 + r.nextInt(4));
                case 3 -> mmp + "-" + (1 + r.nextInt(4)) + "ubuntu" + (1 + r.nextInt(3));
                case 4 -> mmp + "-" + (1 + r.nextInt(4)) + "+deb12u" + (1 + r.nextInt(3));
                default -> mmp + "-" + (1 + r.nextInt(4));
            };
            case "RPM" -> switch (r.nextInt(5)) {
                case 0 -> "1:" + mmp + "-" + (1 + r.nextInt(9)) + ".el9";
                case 1 -> mmp + "-" + (1 + r.nextInt(9)) + ".el8_" + r.nextInt(10);
                case 2 -> mmp + "-" + (1 + r.nextInt(9)) + ".fc" + (38 + r.nextInt(3));
                default -> mmp + "-" + (1 + r.nextInt(9)) + ".el9";
            };
            case "Go" -> switch (r.nextInt(6)) {
                case 0 -> "0.0.0-2021" + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                        + "120000-" + String.format("%012x", r.nextLong() & 0xFFFFFFFFFFFFL);
                case 1 -> mmp + "-rc." + (1 + r.nextInt(3));
                case 2 -> mmp + "+incompatible";
                default -> mmp;
            };
            case "Alpine" -> switch (r.nextInt(5)) {
                case 0 -> mm + "_rc" + (1 + r.nextInt(3)) + "-r" + r.nextInt(3);
                case 1 -> mmp + "_p" + (1 + r.nextInt(3)) + "-r" + r.nextInt(3);
                case 2 -> mmp + "_git2024" + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)) + "-r0";
                default -> mmp + "-r" + r.nextInt(5);
            };
            default -> throw new IllegalArgumentException(e.label());
        };
    }
}
