package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Target;

class TargetLoaderTest {

    private static final Path JAVA_APP = Path.of(Cli.example("inventories/shop-backend.cdx.json"));
    private static final Path NPM_APP = Path.of(Cli.example("inventories/storefront-web.cdx.xml"));

    @Test
    void walkReadsInventoriesInNameOrderAndSkipsOtherFilesSilently(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b/nested"));
        Files.copy(JAVA_APP, dir.resolve("b/nested/bom.json"));
        Files.copy(NPM_APP, dir.resolve("a.cdx.xml"));
        Files.writeString(dir.resolve("README.md"), "# not an inventory\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}");

        TargetLoader.Loaded loaded = TargetLoader.load(List.of(dir));
        assertThat(loaded.targets()).extracting(Target::name).containsExactly(
                "a.cdx.xml (storefront-web@3.2.0)", "b/nested/bom.json (shop-backend@1.4.0)");
        assertThat(loaded.files()).extracting(f -> f.reader()).containsExactly("cyclonedx", "cyclonedx");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.skippedFiles()).isZero();
    }

    @Test
    void aBrokenInventoryInAWalkedTreeIsAWarningAndTheWalkGoesOn(@TempDir Path dir) throws Exception {
        Files.copy(JAVA_APP, dir.resolve("good.cdx.json"));
        Files.writeString(dir.resolve("bad.cdx.json"), "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [");

        TargetLoader.Loaded loaded = TargetLoader.load(List.of(dir));
        assertThat(loaded.targets()).extracting(Target::name).containsExactly("good.cdx.json (shop-backend@1.4.0)");
        assertThat(loaded.skippedFiles()).isEqualTo(1);
        assertThat(loaded.problems()).singleElement()
                .satisfies(p -> assertThat(p.location().file()).endsWith("bad.cdx.json"))
                .satisfies(p -> assertThat(p.message()).contains("malformed JSON"));
    }

    @Test
    void symbolicLinksAreNotFollowed(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(JAVA_APP, outside.resolve("bom.json"));
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.copy(NPM_APP, tree.resolve("web.cdx.xml"));
        Files.createSymbolicLink(tree.resolve("escape.json"), outside.resolve("bom.json"));
        Files.createSymbolicLink(tree.resolve("escape-dir"), outside);
        Files.createSymbolicLink(tree.resolve("inside.xml"), tree.resolve("web.cdx.xml"));
        Files.createSymbolicLink(tree.resolve("dangling.json"), dir.resolve("gone.json"));

        TargetLoader.Loaded loaded = TargetLoader.load(List.of(tree));
        // No link is followed (InventoryWalker): not out of the tree, not dangling, not even to a file inside it,
        // which is read once under its own name.
        assertThat(loaded.targets()).extracting(Target::name).containsExactly("web.cdx.xml (storefront-web@3.2.0)");
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void excludedPathsAreLeftOut(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("vendor"));
        Files.copy(JAVA_APP, dir.resolve("vendor/bom.json"));
        Files.copy(NPM_APP, dir.resolve("web.cdx.xml"));
        TargetLoader.Loaded loaded = TargetLoader.load(List.of(dir), List.of("vendor"));
        assertThat(loaded.targets()).extracting(Target::name).containsExactly("web.cdx.xml (storefront-web@3.2.0)");
    }

    @Test
    void aFileNamedOnTheCommandLineMustBeAnInventory(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> TargetLoader.load(List.of(notes))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.txt");
    }

    @Test
    void aMissingPathIsBadInput() {
        assertThatThrownBy(() -> TargetLoader.load(List.of(Path.of("missing.json")))).isInstanceOf(BadInputException.class)
                .hasMessage("missing.json: no such file or directory");
    }
}
