package org.patchgap.server.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's key against GnuPG, the tool reporters and CSAF consumers use: gpg verifies our detached
 * signatures (and refuses a changed document), and we decrypt what gpg encrypts to our published key.
 */
class DisclosureKeyGpgTest {

    private static final Path GPG = Path.of("/usr/bin/gpg");

    @TempDir
    static Path dir;
    static DisclosureKey key;
    static Path home;

    @BeforeAll
    static void setUp() throws Exception {
        boolean present = Files.isExecutable(GPG);
        if (!present && "1".equals(System.getenv("PATCHGAP_REQUIRE_CANONICAL_TOOLS"))) {
            throw new IllegalStateException("gpg is required (Debian's gnupg; PATCHGAP_REQUIRE_CANONICAL_TOOLS=1)");
        }
        assumeTrue(present, "no /usr/bin/gpg (Debian's gnupg); the GnuPG differential tests are skipped");
        key = new DisclosureKey(dir.resolve("data").toString(), "", "Test disclosure service");
        home = Files.createDirectory(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path pub = dir.resolve("pub.asc");
        Files.write(pub, key.armoredPublicKey());
        assertThat(gpg("--import", pub.toString()).exit).isZero();
    }

    @Test
    void gpgVerifiesOurSignatures() throws Exception {
        byte[] document = "{\"document\": {\"title\": \"a CSAF document\"}}\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("doc.json");
        Path asc = dir.resolve("doc.json.asc");
        Files.write(file, document);
        Files.writeString(asc, key.sign(document));
        Run ok = gpg("--verify", asc.toString(), file.toString());
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("Good signature").contains(key.fingerprint());
        Files.writeString(file, "{\"document\": {\"title\": \"changed\"}}\n");
        assertThat(gpg("--verify", asc.toString(), file.toString()).exit).isNotZero();
    }

    @Test
    void weDecryptWhatGpgEncryptsToOurKey() throws Exception {
        String report = "{\"title\": \"SMBv1 remote code execution\", \"description\": \"…\"}";
        Path plain = dir.resolve("report.json");
        Files.writeString(plain, report);
        Path encrypted = dir.resolve("report.json.asc");
        Run run = gpg("--trust-model", "always", "--armor", "--recipient", key.fingerprint(), "--output", encrypted.toString(),
                "--encrypt", plain.toString());
        assertThat(run.exit).as(run.output).isZero();
        byte[] message = Files.readAllBytes(encrypted);
        assertThat(DisclosureKey.isArmoredMessage(message)).isTrue();
        assertThat(new String(key.decrypt(message), StandardCharsets.UTF_8)).isEqualTo(report);
    }

    @Test
    void aMessageForAnotherKeyIsRefused() throws Exception {
        DisclosureKey other = new DisclosureKey(dir.resolve("other").toString(), "", "Another service");
        Path pub = dir.resolve("other.asc");
        Files.write(pub, other.armoredPublicKey());
        gpg("--import", pub.toString());
        Path plain = dir.resolve("secret.txt");
        Files.writeString(plain, "{}");
        Path encrypted = dir.resolve("secret.txt.asc");
        gpg("--trust-model", "always", "--armor", "--recipient", other.fingerprint(), "--output", encrypted.toString(),
                "--encrypt", plain.toString());
        assertThatThrownBy(() -> key.decrypt(Files.readAllBytes(encrypted)))
                .isInstanceOf(DisclosureKey.UndecryptableException.class)
                .hasMessageContaining("not encrypted to this service's key");
    }

    private record Run(int exit, String output) {}

    private static Run gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(GPG.toString(), "--homedir", home.toString(), "--batch", "--yes"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gpg did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
