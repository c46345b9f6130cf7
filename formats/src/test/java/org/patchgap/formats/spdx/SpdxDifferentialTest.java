package org.patchgap.formats.spdx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.testing.SharedData;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Differential check: our SPDX JSON reader finds as many packages as the SPDX project's own parser
 * (org.spdx:spdx-jackson-store, test scope only) in every spdx-examples document.
 */
class SpdxDifferentialTest {

    @BeforeAll
    static void offlineLicenses() {
        // The library would otherwise try to download the licence list.
        System.setProperty("SPDXParser.OnlyUseLocalLicenses", "true");
        SpdxModelFactory.init();
    }

    @TestFactory
    Stream<DynamicTest> packageCountsAgreeWithTheSpdxLibrary() throws IOException {
        Path dir = SharedData.require("sbom/spdx");
        List<Path> documents;
        try (Stream<Path> files = Files.list(dir)) {
            documents = files.filter(f -> f.getFileName().toString().matches(".*\\.spdx2\\.[23]\\.json")).sorted().toList();
        }
        return documents.stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), () -> {
            MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON);
            try (InputStream in = Files.newInputStream(doc)) {
                store.deSerialize(in, false);
            }
            long theirs;
            try (Stream<?> packages = SpdxModelFactory.getSpdxObjects(store, null, "Package", null, null)) {
                theirs = packages.count();
            }
            int ours = new SpdxJsonReader().read(doc).items().get(0).components().size();
            assertThat(ours).isEqualTo(theirs).isPositive();
        }));
    }
}
