package org.patchgap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the input of the tree-walk benchmark (docs/benchmarks.md, issue 5): a directory shaped like a monorepo next
 * to an unpacked container image, holding {@code files} files of which a few hundred are lock files and SBOMs and one
 * is a dpkg database, about {@code components} components in all.
 *
 * <ul>
 *   <li>{@code image/rootfs}: {@code etc/os-release} (Debian 12), {@code var/lib/dpkg/status} with 15 % of the
 *       components, and a tenth of the filler as {@code usr/share/doc} and {@code usr/lib} files;</li>
 *   <li>{@code monorepo/services/svc-NNN}: one lock file or SBOM each (package-lock.json v3, requirements.txt,
 *       Cargo.lock, go.mod, pom.xml, CycloneDX 1.5 JSON), sharing the other 85 % of the components, and the rest of
 *       the filler as source files in nested folders.</li>
 * </ul>
 *
 * <p>Filler files (source, docs, config JSON) are files no reader takes, sized from 200 bytes to 32 KiB (log-uniform,
 * mean about 6 KiB), so the walk pays for listing and sniffing them as on a real tree. Deterministic: the same
 * arguments write the same bytes.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.patchgap.bench.GenerateTree OUT_DIR [files] [components] [seed]</pre>
 */
public final class GenerateTree {

    private static final String[] WORDS = ("the of and to in is for that on with as by this be are from at or an it "
            + "return value final static public private void int string list map new if else while for try catch "
            + "import package class interface record throws null true false self def fn let mut impl struct enum "
            + "module export const function async await match case default switch break continue yield").split(" ");

    private static final String[] SOURCE_KINDS = {".java", ".js", ".ts", ".py", ".go", ".rs", ".md", ".txt", ".json",
            ".yaml", ".html", ".css", ".c", ".h"};

    private enum Kind { NPM, PYPI, CARGO, GO, MAVEN, CYCLONEDX }

    private final SplittableRandom random;
    private final byte[] text;
    private long bytes;
    private int written;

    private GenerateTree(long seed) {
        this.random = new SplittableRandom(seed);
        this.text = loremBlock(new SplittableRandom(seed + 1), 1 << 17);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/walk-tree");
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int components = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 5;
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; give a new directory");
        }
        GenerateTree generator = new GenerateTree(seed);
        int[] counts = generator.write(out, files, components);
        System.out.printf(Locale.ROOT, "wrote %s: %,d files, %,d bytes, %,d inventory files, %,d components%n",
                out.toAbsolutePath(), generator.written, generator.bytes, counts[0], counts[1]);
    }

    /** Returns {inventory files, components written}. */
    private int[] write(Path out, int files, int components) throws IOException {
        int osPackages = components * 15 / 100;
        int appComponents = components - osPackages;
        int lockFiles = Math.max(Kind.values().length, Math.min(files / 300, appComponents / 57));
        int filler = files - lockFiles - 2;
        if (filler < 0) {
            throw new IllegalArgumentException("too few files for " + lockFiles + " inventory files");
        }
        Path rootfs = out.resolve("image/rootfs");
        writeOsRoot(rootfs, osPackages);
        int imageFiller = filler / 10;
        for (int i = 0; i < imageFiller; i++) {
            // About eight files per folder, as in a real image.
            int folder = i / 8;
            String pkg = "pkg" + (folder / 2 % Math.max(1, osPackages));
            Path dir = folder % 2 == 0 ? rootfs.resolve("usr/share/doc/" + pkg)
                    : rootfs.resolve("usr/lib/x86_64-linux-gnu/" + pkg);
            writeFiller(dir.resolve("file" + i + (folder % 2 == 0 ? ".txt" : ".so.txt")));
        }
        int written = 0;
        Path services = out.resolve("monorepo/services");
        for (int i = 0; i < lockFiles; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            int count = i == lockFiles - 1 ? appComponents - written
                    : Math.max(1, (int) Math.round(appComponents / (double) lockFiles * (0.5 + random.nextDouble())));
            count = Math.max(0, Math.min(count, appComponents - written));
            writeInventory(services.resolve(String.format(Locale.ROOT, "svc-%03d", i)), kind, i, count);
            written += count;
        }
        int repoFiller = filler - imageFiller;
        for (int i = 0; i < repoFiller; i++) {
            // About ten files per folder, folders one to five deep under each service's src.
            int folder = i / 10;
            Path service = services.resolve(String.format(Locale.ROOT, "svc-%03d", folder % lockFiles));
            int depth = 1 + folder / lockFiles % 5;
            Path dir = service.resolve("src");
            for (int d = 0; d < depth; d++) {
                dir = dir.resolve(WORDS[(folder / lockFiles / (d + 1)) % WORDS.length] + d);
            }
            writeFiller(dir.resolve("f" + i + SOURCE_KINDS[random.nextInt(SOURCE_KINDS.length)]));
        }
        return new int[] {lockFiles + 1, osPackages + written};
    }

    private void writeOsRoot(Path rootfs, int packages) throws IOException {
        put(rootfs.resolve("etc/os-release"), """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION="12 (bookworm)"
                VERSION_CODENAME=bookworm
                ID=debian
                """);
        StringBuilder status = new StringBuilder();
        for (int i = 0; i < packages; i++) {
            status.append("Package: pkg").append(i).append('\n')
                    .append("Status: install ok installed\nPriority: optional\nSection: libs\n")
                    .append("Installed-Size: ").append(10 + random.nextInt(5000)).append('\n')
                    .append("Maintainer: Debian Developers <debian-devel@lists.debian.org>\nArchitecture: amd64\n")
                    .append("Multi-Arch: same\nSource: src").append(i / 3).append('\n')
                    .append("Version: ").append(random.nextInt(3) == 0 ? "1:" : "").append(random.nextInt(10)).append('.')
                    .append(random.nextInt(30)).append('.').append(random.nextInt(12)).append('-')
                    .append(1 + random.nextInt(4)).append(random.nextInt(4) == 0 ? "+deb12u1" : "").append('\n')
                    .append("Depends: libc6 (>= 2.34), pkg").append(i / 2).append('\n')
                    .append("Description: synthetic package ").append(i).append('\n')
                    .append(" A longer description of the package, wrapped as dpkg keeps it.\n .\n")
                    .append(" It has a second paragraph.\n\n");
        }
        put(rootfs.resolve("var/lib/dpkg/status"), status.toString());
    }

    private void writeInventory(Path dir, Kind kind, int index, int count) throws IOException {
        StringBuilder s = new StringBuilder();
        switch (kind) {
            case NPM -> {
                s.append("{\n  \"name\": \"svc-").append(index).append("\",\n  \"version\": \"1.0.0\",\n")
                        .append("  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n")
                        .append("    \"\": {\n      \"name\": \"svc-").append(index).append("\",\n      \"version\": \"1.0.0\"\n    }");
                for (int i = 0; i < count; i++) {
                    String name = (i % 5 == 0 ? "@scope" + (i % 11) + "/" : "") + "npm-pkg-" + index + "-" + i;
                    String version = semver();
                    s.append(",\n    \"node_modules/").append(name).append("\": {\n      \"version\": \"").append(version)
                            .append("\",\n      \"resolved\": \"https://registry.npmjs.org/").append(name).append("/-/")
                            .append(name.substring(name.lastIndexOf('/') + 1)).append('-').append(version)
                            .append(".tgz\",\n      \"integrity\": \"sha512-").append(hex(64))
                            .append("\",\n      \"license\": \"MIT\"").append(i % 3 == 0 ? ",\n      \"dev\": true" : "")
                            .append("\n    }");
                }
                s.append("\n  }\n}\n");
                put(dir.resolve("package-lock.json"), s.toString());
            }
            case PYPI -> {
                s.append("# generated by pip-compile\n");
                for (int i = 0; i < count; i++) {
                    s.append("py-pkg-").append(index).append('-').append(i).append("==").append(semver())
                            .append(" \\\n    --hash=sha256:").append(hex(64)).append('\n')
                            .append("    # via svc-").append(index).append('\n');
                }
                put(dir.resolve("requirements.txt"), s.toString());
            }
            case CARGO -> {
                s.append("# This file is automatically @generated by Cargo.\nversion = 3\n\n[[package]]\nname = \"svc-")
                        .append(index).append("\"\nversion = \"0.1.0\"\n");
                for (int i = 0; i < count; i++) {
                    s.append("\n[[package]]\nname = \"crate-").append(index).append('-').append(i).append("\"\nversion = \"")
                            .append(semver()).append("\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n")
                            .append("checksum = \"").append(hex(64)).append("\"\n");
                }
                put(dir.resolve("Cargo.lock"), s.toString());
            }
            case GO -> {
                s.append("module example.com/svc").append(index).append("\n\ngo 1.21\n\nrequire (\n");
                for (int i = 0; i < count; i++) {
                    s.append("\tgithub.com/org").append(i % 17).append("/mod-").append(index).append('-').append(i)
                            .append(" v").append(semver()).append(i % 4 == 0 ? " // indirect" : "").append('\n');
                }
                s.append(")\n");
                put(dir.resolve("go.mod"), s.toString());
            }
            case MAVEN -> {
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n")
                        .append("  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>svc-")
                        .append(index).append("</artifactId>\n  <version>1.0.0</version>\n  <dependencies>\n");
                for (int i = 0; i < count; i++) {
                    s.append("    <dependency>\n      <groupId>org.example").append(i % 13).append("</groupId>\n")
                            .append("      <artifactId>lib-").append(index).append('-').append(i).append("</artifactId>\n")
                            .append("      <version>").append(semver()).append("</version>\n    </dependency>\n");
                }
                s.append("  </dependencies>\n</project>\n");
                put(dir.resolve("pom.xml"), s.toString());
            }
            case CYCLONEDX -> {
                s.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\n\"metadata\":{\"component\":")
                        .append("{\"type\":\"application\",\"name\":\"svc-").append(index)
                        .append("\",\"version\":\"1.0\"}},\n\"components\":[\n");
                for (int i = 0; i < count; i++) {
                    String name = "cdx-lib-" + index + "-" + i;
                    String version = semver();
                    s.append(i == 0 ? "" : ",\n").append("{\"type\":\"library\",\"group\":\"org.example\",\"name\":\"")
                            .append(name).append("\",\"version\":\"").append(version)
                            .append("\",\"purl\":\"pkg:maven/org.example/").append(name).append('@').append(version)
                            .append("\"}");
                }
                s.append("\n]}\n");
                put(dir.resolve("sbom/bom.cdx.json"), s.toString());
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private String semver() {
        return random.nextInt(5) + "." + random.nextInt(30) + "." + random.nextInt(20);
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    /** A file no reader takes: a slice of prose, 200 B to 32 KiB, log-uniform. */
    private void writeFiller(Path file) {
        int size = (int) Math.round(200 * Math.pow(32 * 1024 / 200.0, random.nextDouble()));
        int start = random.nextInt(text.length - size);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, java.util.Arrays.copyOfRange(text, start, start + size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes += size;
        written++;
    }

    private void put(Path file, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        bytes += data.length;
        written++;
    }

    private static byte[] loremBlock(SplittableRandom random, int size) {
        StringBuilder s = new StringBuilder(size + 64);
        List<String> line = new ArrayList<>();
        while (s.length() < size) {
            line.add(WORDS[random.nextInt(WORDS.length)]);
            if (line.size() > 6 + random.nextInt(8)) {
                s.append("    ".repeat(random.nextInt(3))).append(String.join(" ", line)).append('\n');
                line.clear();
            }
        }
        return s.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }
}
