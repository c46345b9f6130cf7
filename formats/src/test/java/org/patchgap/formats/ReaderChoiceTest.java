package org.patchgap.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.core.model.BadInputException;

/** Which reader takes a file, by its name and first bytes, as the walker asks for every file of a tree. */
class ReaderChoiceTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            package-lock.json                  | {"lockfileVersion": 3}              | npm-package-lock
            npm-shrinkwrap.json                | {"lockfileVersion": 1}              | npm-package-lock
            yarn.lock                          | # yarn lockfile v1                  | yarn-lock
            pnpm-lock.yaml                     | lockfileVersion: '9.0'              | pnpm-lock
            requirements.txt                   | flask==2.0.0                        | pip-requirements
            requirements-dev.txt               | pytest==8.0.0                       | pip-requirements
            requirements/base.txt              | six==1.16.0                         | pip-requirements
            poetry.lock                        | [[package]]                         | poetry-lock
            Pipfile.lock                       | {"_meta": {}}                       | pipfile-lock
            uv.lock                            | version = 1                         | uv-lock
            pom.xml                            | <project>                           | maven-pom
            gradle.lockfile                    | empty=                              | gradle-lockfile
            gradle/dependency-locks/compileClasspath.lockfile | a:b:1=x              | gradle-lockfile
            go.mod                             | module x                            | go-mod
            Cargo.lock                         | version = 3                         | cargo-lock
            Gemfile.lock                       | GEM                                 | gemfile-lock
            composer.lock                      | {"packages": []}                    | composer-lock
            packages.lock.json                 | {"version": 1}                      | nuget-packages-lock
            root/var/lib/dpkg/status           | Package: bash                       | dpkg-status
            root/var/lib/dpkg/status.d/bash    | Package: bash                       | dpkg-status
            root/lib/apk/db/installed          | P:musl                              | apk-installed
            rpm-qa.txt                         | bash-5.1.8-6.el9_1.x86_64           | rpm-qa
            deb_packages.json                  | [{"arch":"amd64","name":"bash","revision":"1","source":"","status":"install ok installed","version":"5"}] | osquery-json
            sbom.spdx.json                     | {"spdxVersion": "SPDX-2.3"}         | spdx-json
            anything.json                      | {"spdxVersion": "SPDX-2.3"}         | spdx-json
            sbom.spdx                          | SPDXVersion: SPDX-2.3               | spdx-tag-value
            bom.json                           | {"bomFormat": "CycloneDX"}          | cyclonedx
            package.json                       | {"name": "x"}                       | none
            README.md                          | # requirements.txt                  | none
            notes.txt                          | flask==2.0.0                        | none
            status                             | Package: bash                       | none
            rpm-qa.txt.bak                     | hello                               | none
            """)
    void chooses(String relative, String head, String expected) throws IOException, BadInputException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, head + "\n", StandardCharsets.UTF_8);
        assertThat(InventoryReaders.readerFor(file).map(InventoryReader::name).orElse(null)).isEqualTo(expected);
    }
}
