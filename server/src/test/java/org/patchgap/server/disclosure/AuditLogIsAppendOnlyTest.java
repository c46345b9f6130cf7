package org.patchgap.server.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server's code only ever inserts into the audit log: no UPDATE, DELETE, TRUNCATE or DROP of case_audit. */
class AuditLogIsAppendOnlyTest {

    private static final Pattern CHANGE = Pattern.compile("(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?|DROP\\s+TABLE|ALTER\\s+TABLE)\\s+case_audit\\b");

    @Test
    void noStatementButInsert() throws IOException {
        List<Path> roots = List.of(Path.of("src/main/java"), Path.of("src/main/resources/db/migration"));
        List<String> offenders;
        try (Stream<Path> files = roots.stream().flatMap(AuditLogIsAppendOnlyTest::walk)) {
            offenders = files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .filter(f -> CHANGE.matcher(read(f).toUpperCase(Locale.ROOT).replace("CASE_AUDIT", "case_audit")).find())
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(read(Path.of("src/main/java/org/patchgap/server/disclosure/CaseAudit.java"))).contains("INSERT INTO case_audit");
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
