package org.patchgap.formats.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReaders;

/** A tree like an unpacked pair of container images, assembled here and walked as a user's `scan DIR` would. */
class InventoryWalkerTest {

    @TempDir
    Path tree;

    @BeforeEach
    void assemble() throws IOException {
        // A Debian 12 image: os-release is a link to ../usr/lib/os-release as on real Debian systems.
        Path debian = tree.resolve("debian-root");
        write(debian.resolve("usr/lib/os-release"), """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION="12 (bookworm)"
                ID=debian
                """);
        Files.createDirectories(debian.resolve("etc"));
        Files.createSymbolicLink(debian.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        write(debian.resolve("var/lib/dpkg/status"), """
                Package: libssl3
                Status: install ok installed
                Architecture: amd64
                Source: openssl
                Version: 3.0.11-1~deb12u2

                Package: zlib1g
                Status: install ok installed
                Architecture: amd64
                Source: zlib (1:1.2.13.dfsg-1)
                Version: 1:1.2.13.dfsg-1+b1
                """);
        write(debian.resolve("srv/app/package-lock.json"), """
                {
                  "name": "app", "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "app" },
                    "node_modules/express": { "version": "4.18.2" },
                    "node_modules/qs": { "version": "6.11.0" }
                  }
                }
                """);
        // Installed packages' own lockfiles are excluded by the user; package.json has no reader.
        write(debian.resolve("srv/app/node_modules/qs/package-lock.json"), "{ \"lockfileVersion\": 3, \"packages\": {} }");
        write(debian.resolve("srv/app/node_modules/qs/package.json"), "{ \"name\": \"qs\" }");
        writeWar(debian.resolve("opt/shop.war"));
        // Links are not followed: neither one out of the tree nor a duplicate inside it.
        Files.createSymbolicLink(debian.resolve("srv/outside"), Path.of("/etc"));
        Files.createDirectories(debian.resolve("srv/copy"));
        Files.createSymbolicLink(debian.resolve("srv/copy/package-lock.json"), Path.of("../app/package-lock.json"));
        // A broken lock file is reported and the walk goes on.
        write(debian.resolve("srv/broken/yarn.lock"), "this is not a yarn lock\n");

        // An Alpine 3.20 image beside it.
        Path alpine = tree.resolve("alpine-root");
        write(alpine.resolve("etc/os-release"), """
                NAME="Alpine Linux"
                ID=alpine
                VERSION_ID=3.20.3
                PRETTY_NAME="Alpine Linux v3.20"
                """);
        write(alpine.resolve("lib/apk/db/installed"), """
                P:musl
                V:1.2.5-r0
                A:x86_64
                o:musl

                P:libcrypto3
                V:3.3.2-r0
                A:x86_64
                o:openssl
                """);
    }

    @Test
    void walksImagesAndApplicationsIntoTargetsWithExactComponents() throws BadInputException {
        WalkResult result = new InventoryWalker(InventoryReaders.all(), List.of("node_modules"), 3).walk(tree);

        assertThat(result.targets()).extracting(Target::name, Target::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpine-root (Alpine Linux v3.20)", Target.Kind.IMAGE),
                org.assertj.core.groups.Tuple.tuple("debian-root/opt/shop.war", Target.Kind.APPLICATION),
                org.assertj.core.groups.Tuple.tuple("debian-root/srv/app/package-lock.json", Target.Kind.APPLICATION),
                org.assertj.core.groups.Tuple.tuple("debian-root (Debian GNU/Linux 12 (bookworm))", Target.Kind.IMAGE));

        assertThat(lines(result.targets().get(0))).containsExactly(
                "Alpine:v3.20 | musl | 1.2.5-r0 | pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3 | alpine-root/lib/apk/db/installed at line 1",
                "Alpine:v3.20 | openssl | 3.3.2-r0 | pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl | alpine-root/lib/apk/db/installed at line 6");
        assertThat(lines(result.targets().get(1))).containsExactly(
                "Maven | com.example:shop | 1.4.0 | pkg:maven/com.example/shop@1.4.0 | debian-root/opt/shop.war at META-INF/maven/com.example/shop/pom.properties",
                "Maven | org.apache.logging.log4j:log4j-core | 2.14.1 | pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 | debian-root/opt/shop.war at WEB-INF/lib/log4j-core-2.14.1.jar!/META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
                "- | legacy-util | 0.9 | - | debian-root/opt/shop.war at WEB-INF/lib/legacy-util.jar");
        assertThat(lines(result.targets().get(2))).containsExactly(
                "npm | express | 4.18.2 | pkg:npm/express@4.18.2 | debian-root/srv/app/package-lock.json at /packages/node_modules~1express",
                "npm | qs | 6.11.0 | pkg:npm/qs@6.11.0 | debian-root/srv/app/package-lock.json at /packages/node_modules~1qs");
        assertThat(lines(result.targets().get(3))).containsExactly(
                "Debian:12 | openssl | 3.0.11-1~deb12u2 | pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl | debian-root/var/lib/dpkg/status at line 1",
                "Debian:12 | zlib | 1:1.2.13.dfsg-1 | pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1%2Bb1?arch=amd64&distro=debian-12&upstream=zlib%401:1.2.13.dfsg-1 | debian-root/var/lib/dpkg/status at line 7");

        Target debian = result.targets().get(3);
        assertThat(debian.host()).isNotNull();
        assertThat(debian.host().osName()).isEqualTo("Debian GNU/Linux");
        assertThat(debian.host().osVersion()).isEqualTo("12");

        assertThat(result.files()).containsExactly(
                new FileRead("alpine-root/lib/apk/db/installed", "apk-installed", 2, null),
                new FileRead("debian-root/opt/shop.war", "java-archive", 3, null),
                new FileRead("debian-root/srv/app/package-lock.json", "npm-package-lock", 2, null),
                new FileRead("debian-root/srv/broken/yarn.lock", "yarn-lock", 0,
                        "expected a yarn.lock entry header ending in ':', found: this is not a yarn lock"),
                new FileRead("debian-root/var/lib/dpkg/status", "dpkg-status", 2, null));
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                tree.resolve("debian-root/srv/broken/yarn.lock") + " at line 1: expected a yarn.lock entry header "
                        + "ending in ':', found: this is not a yarn lock");
        assertThat(result.componentCount()).isEqualTo(9);
    }

    @Test
    void sameResultWithOneThreadAsWithMany() throws BadInputException {
        WalkResult one = new InventoryWalker(InventoryReaders.all(), List.of("node_modules"), 1).walk(tree);
        WalkResult many = new InventoryWalker(InventoryReaders.all(), List.of("node_modules"), 8).walk(tree);
        assertThat(many).isEqualTo(one);
    }

    @Test
    void withoutExcludesInstalledPackagesOwnLockfilesAreTargetsToo() throws BadInputException {
        WalkResult result = InventoryWalker.withExcludes(List.of()).walk(tree);
        assertThat(result.files()).extracting(FileRead::file)
                .contains("debian-root/srv/app/node_modules/qs/package-lock.json");
    }

    @Test
    void excludeGlobsMatchRelativePaths() throws BadInputException {
        WalkResult result = InventoryWalker.withExcludes(List.of("debian-root/**", "*.war")).walk(tree);
        assertThat(result.targets()).extracting(Target::name).containsExactly("alpine-root (Alpine Linux v3.20)");
    }

    @Test
    void aRootWithoutOsReleaseIsListedButNotMatched() throws Exception {
        Files.delete(tree.resolve("alpine-root/etc/os-release"));
        WalkResult result = InventoryWalker.withExcludes(List.of("debian-root")).walk(tree);
        Target alpine = result.targets().get(0);
        assertThat(alpine.name()).isEqualTo("alpine-root (unknown distribution)");
        assertThat(alpine.components()).extracting(Component::ecosystem).containsOnlyNulls();
        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly("no etc/os-release in the same root, the distribution is unknown; packages listed, not matched");
    }

    @Test
    void anOsReleaseLinkLeadingOutOfTheRootIsNotFollowed() throws Exception {
        // Absolute link targets are paths inside the image: /etc/os-release of the scanning machine is never read.
        Path link = tree.resolve("alpine-root/etc/os-release");
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("/../../../../../../etc/os-release"));
        WalkResult result = InventoryWalker.withExcludes(List.of("debian-root")).walk(tree);
        assertThat(result.targets().get(0).name()).isEqualTo("alpine-root (unknown distribution)");
    }

    @Test
    void anUnreadableFileIsSkippedWithAWarning() throws Exception {
        Path locked = tree.resolve("debian-root/srv/locked/Cargo.lock");
        write(locked, "version = 3\n");
        locked.toFile().setReadable(false, false);
        // As root, permissions do not apply: report the test as skipped rather than passed without a check.
        assumeFalse(Files.isReadable(locked), "running as root: file permissions cannot make a file unreadable");
        WalkResult result = InventoryWalker.withExcludes(List.of()).walk(tree);
        assertThat(result.problems()).extracting(Problem::toString)
                .contains(locked + ": cannot read (AccessDeniedException); skipped");
    }

    @Test
    void aRootThatIsNotADirectoryIsBadInput() {
        assertThatThrownBy(() -> InventoryWalker.withExcludes(List.of()).walk(tree.resolve("missing")))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("missing: no such directory");
        assertThatThrownBy(() -> InventoryWalker.withExcludes(List.of()).walk(tree.resolve("debian-root/opt/shop.war")))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("shop.war: expected a directory");
    }

    private List<String> lines(Target target) {
        return target.components().stream()
                .map(c -> String.join(" | ", dash(c.ecosystem()), c.name(), dash(c.version()), dash(c.purl()),
                        tree.relativize(Path.of(c.location().file())) + " at " + c.location().place()))
                .toList();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A war with its own pom.properties, a Maven-built library and a library without Maven metadata. */
    static void writeWar(Path war) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream out = Files.newOutputStream(war); JarOutputStream jar = new JarOutputStream(out, manifest(null))) {
            entry(jar, "META-INF/maven/com.example/shop/pom.properties",
                    "groupId=com.example\nartifactId=shop\nversion=1.4.0\n".getBytes(StandardCharsets.UTF_8));
            entry(jar, "WEB-INF/classes/Shop.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
            entry(jar, "WEB-INF/lib/log4j-core-2.14.1.jar", jarBytes(
                    "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
                    "#Created by Apache Maven 3.6.3\nversion=2.14.1\ngroupId=org.apache.logging.log4j\nartifactId=log4j-core\n",
                    null));
            entry(jar, "WEB-INF/lib/legacy-util.jar", jarBytes("util/Util.class", "x", "0.9"));
        }
    }

    private static byte[] jarBytes(String name, String content, String implementationVersion) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest(implementationVersion))) {
            entry(jar, name, content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static Manifest manifest(String implementationVersion) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (implementationVersion != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
        }
        return manifest;
    }

    private static void entry(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new ZipEntry(name));
        jar.write(content);
        jar.closeEntry();
    }
}
