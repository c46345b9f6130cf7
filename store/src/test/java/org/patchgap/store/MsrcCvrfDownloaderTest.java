package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.store.FixtureServer.Scripted;

/** Months fetched from a local HTTP server playing the MSRC CVRF API, so the real download and checks run. */
class MsrcCvrfDownloaderTest {

    private static final YearMonth MARCH = YearMonth.of(2017, 3);
    private static final String MARCH_PATH = "/cvrf/v3.0/cvrf/2017-Mar";

    @TempDir
    Path dir;

    private FixtureServer server;
    private MsrcCvrfDownloader msrc;
    private final List<String> notes = new ArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void note(String text) {
            notes.add(text);
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        SourceSettings patience = SourceSettings.defaults()
                .withPatience(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(1));
        msrc = new MsrcCvrfDownloader(server.url("/cvrf/v3.0/cvrf"), new HttpDownloader(patience, d -> {}));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsAMonthAsXmlIntoTheDirectory() throws Exception {
        server.serveResource(MARCH_PATH, "msrc/2017-Mar.xml", "mar-1");

        MsrcCvrfDownloader.Download d = msrc.download(MARCH, dir, progress);

        assertThat(d.file()).isEqualTo(dir.resolve("2017-Mar.xml"));
        assertThat(d.url()).isEqualTo(server.url(MARCH_PATH));
        assertThat(Files.readAllBytes(d.file())).isEqualTo(resource("msrc/2017-Mar.xml"));
        assertThat(d.bytes()).isEqualTo(Files.size(d.file()));
        assertThat(d.vulnerabilities()).isEqualTo(6);
        assertThat(d.problems()).isZero();
        assertThat(server.requests(MARCH_PATH)).singleElement()
                .satisfies(r -> assertThat(r.headers()).containsEntry("accept", "application/xml"));
        assertThat(files()).containsExactly("2017-Mar.xml");
    }

    @Test
    void aServerErrorIsRetriedThenTheMonthIsInstalled() throws Exception {
        server.serveResource(MARCH_PATH, "msrc/2017-Mar.xml", "mar-1");
        server.script(MARCH_PATH, Scripted.status(500));

        MsrcCvrfDownloader.Download d = msrc.download(MARCH, dir, progress);

        assertThat(d.vulnerabilities()).isEqualTo(6);
        assertThat(server.requests(MARCH_PATH)).hasSize(2);
        assertThat(notes).singleElement().asString().contains("attempt 2 of 3").contains("HTTP 500");
        assertThat(files()).containsExactly("2017-Mar.xml");
    }

    @Test
    void anUnknownMonthIsNotFoundAtOnceAndNamesMonthAndUrl() {
        assertThatThrownBy(() -> msrc.download(YearMonth.of(2031, 1), dir, progress))
                .isInstanceOf(MsrcDownloadException.class)
                .hasMessage("msrc 2031-Jan from " + server.url("/cvrf/v3.0/cvrf/2031-Jan") + ": HTTP 404 (not found)");
        assertThat(server.requests("/cvrf/v3.0/cvrf/2031-Jan")).hasSize(1);
        assertThat(files()).isEmpty();
    }

    @Test
    void serverErrorsOnEveryAttemptFailAfterTheRetries() {
        server.serveResource(MARCH_PATH, "msrc/2017-Mar.xml", "mar-1");
        server.script(MARCH_PATH, Scripted.status(503), Scripted.status(503), Scripted.status(503));

        assertThatThrownBy(() -> msrc.download(MARCH, dir, progress))
                .hasMessageStartingWith("msrc 2017-Mar from " + server.url(MARCH_PATH) + ": failed after 3 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(files()).isEmpty();
    }

    @Test
    void aNotModifiedAnswerToAnUnconditionalRequestInstallsNothing() throws Exception {
        byte[] good = installGoodMarch();
        server.script(MARCH_PATH, Scripted.status(304));

        assertThatThrownBy(() -> msrc.download(MARCH, dir, progress))
                .hasMessage("msrc 2017-Mar from " + server.url(MARCH_PATH)
                        + ": HTTP 304 (not modified) to an unconditional request; nothing installed");
        assertThat(Files.readAllBytes(dir.resolve("2017-Mar.xml"))).isEqualTo(good);
    }

    @Test
    void anHtmlPageNeverReplacesAGoodFile() throws Exception {
        byte[] good = installGoodMarch();
        server.serveResource(MARCH_PATH, "msrc/not-cvrf.html", "html");

        assertThatThrownBy(() -> msrc.download(MARCH, dir, progress))
                .isInstanceOf(MsrcDownloadException.class)
                .hasMessage("msrc 2017-Mar from " + server.url(MARCH_PATH)
                        + ": the answer is an HTML page, not a CVRF document; nothing installed");
        assertThat(Files.readAllBytes(dir.resolve("2017-Mar.xml"))).isEqualTo(good);
        assertThat(files()).containsExactly("2017-Mar.xml");
    }

    @Test
    void aJsonAnswerIsRefused() {
        server.serveResource(MARCH_PATH, "msrc/not-cvrf.json", "json");

        assertThatThrownBy(() -> msrc.download(MARCH, dir, progress))
                .hasMessageContaining("msrc 2017-Mar from " + server.url(MARCH_PATH))
                .hasMessageContaining("the answer is JSON")
                .hasMessageEndingWith("nothing installed");
        assertThat(files()).isEmpty();
    }

    @Test
    void xmlOfAnotherKindIsRefused() throws Exception {
        byte[] good = installGoodMarch();
        server.serveResource(MARCH_PATH, "msrc/rss.xml", "rss");

        assertThatThrownBy(() -> msrc.download(MARCH, dir, progress))
                .hasMessageContaining("msrc 2017-Mar from " + server.url(MARCH_PATH))
                .hasMessageContaining("not a CVRF document (expected root element cvrfdoc, found rss)");
        assertThat(Files.readAllBytes(dir.resolve("2017-Mar.xml"))).isEqualTo(good);
    }

    @Test
    void aTruncatedDocumentNeverReplacesAGoodFile() throws Exception {
        byte[] good = installGoodMarch();
        // A complete HTTP answer whose document stops in the middle (a broken upstream, a cut proxy cache).
        server.serve(MARCH_PATH, Arrays.copyOf(good, good.length / 2), "half");

        assertThatThrownBy(() -> msrc.download(MARCH, dir, progress))
                .isInstanceOf(MsrcDownloadException.class)
                .hasMessageContaining("msrc 2017-Mar from " + server.url(MARCH_PATH))
                .hasMessageContaining("the answer is not a usable CVRF document (line ")
                .hasMessageContaining("malformed XML")
                .hasMessageEndingWith("nothing installed");
        assertThat(Files.readAllBytes(dir.resolve("2017-Mar.xml"))).isEqualTo(good);
        assertThat(files()).containsExactly("2017-Mar.xml");
    }

    @Test
    void aConnectionCutShortIsRetriedAndResumed() throws Exception {
        server.serveResource(MARCH_PATH, "msrc/2017-Mar.xml", "mar-1");
        server.script(MARCH_PATH, Scripted.cutAfter(1000));

        MsrcCvrfDownloader.Download d = msrc.download(MARCH, dir, progress);

        assertThat(Files.readAllBytes(d.file())).isEqualTo(resource("msrc/2017-Mar.xml"));
        assertThat(server.requests(MARCH_PATH).get(1).headers()).containsEntry("range", "bytes=1000-")
                .containsEntry("accept", "application/xml");
        assertThat(files()).containsExactly("2017-Mar.xml");
    }

    @Test
    void aRangeOfMonthsGivesOneFileEach() throws Exception {
        server.serveResource(MARCH_PATH, "msrc/2017-Mar.xml", "mar-1");
        server.serveResource("/cvrf/v3.0/cvrf/2017-Apr", "msrc/2017-Apr.xml", "apr-1");

        for (YearMonth month : MsrcMonths.parse("2017-Mar..2017-Apr")) {
            msrc.download(month, dir, progress);
        }

        assertThat(files()).containsExactly("2017-Apr.xml", "2017-Mar.xml");
        assertThat(org.patchgap.formats.windows.WindowsAdvisories.read(dir).items()).hasSize(7);
    }

    @Test
    void theBaseUrlComesFromTheOptionThenTheEnvironmentThenTheDefault() {
        assertThat(MsrcCvrfDownloader.baseUrl("http://mirror/cvrf", Map.of("PATCHGAP_MSRC_URL", "http://env/")))
                .isEqualTo(URI.create("http://mirror/cvrf"));
        assertThat(MsrcCvrfDownloader.baseUrl(null, Map.of("PATCHGAP_MSRC_URL", "http://env/cvrf/")))
                .isEqualTo(URI.create("http://env/cvrf/"));
        assertThat(MsrcCvrfDownloader.baseUrl(null, Map.of())).isEqualTo(MsrcCvrfDownloader.DEFAULT_BASE_URL);
        assertThat(new MsrcCvrfDownloader(MsrcCvrfDownloader.DEFAULT_BASE_URL, SourceSettings.defaults()).url(MARCH))
                .isEqualTo(URI.create("https://api.msrc.microsoft.com/cvrf/v3.0/cvrf/2017-Mar"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2017-Mar             | 2017-Mar
            2017-mar             | 2017-Mar
            2017-03              | 2017-Mar
            2016-9               | 2016-Sep
            ' 2017-Mar..2017-May' | 2017-Mar 2017-Apr 2017-May
            2016-Nov..2017-Feb   | 2016-Nov 2016-Dec 2017-Jan 2017-Feb
            2017-May..2017-May   | 2017-May
            """)
    void monthsAreReadAsTheGuideNamesThem(String argument, String expected) {
        assertThat(MsrcMonths.parse(argument).stream().map(MsrcMonths::id)).containsExactly(expected.split(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2017-Mrz           | is not a month of the Security Update Guide: expected yyyy-MMM like 2017-Mar
            2017-13            | is not a month
            March 2017         | is not a month
            2017-May..2017-Mar | ends before it starts
            1900-Jan..2026-Dec | is longer than 480 months
            """)
    void badMonthsAreRefusedWithTheExpectedForms(String argument, String message) {
        assertThatThrownBy(() -> MsrcMonths.parse(argument)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + argument + "'").hasMessageContaining(message);
    }

    private byte[] installGoodMarch() throws Exception {
        server.serveResource(MARCH_PATH, "msrc/2017-Mar.xml", "good");
        byte[] good = Files.readAllBytes(msrc.download(MARCH, dir, progress).file());
        return good;
    }

    private List<String> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MsrcCvrfDownloaderTest.class.getResourceAsStream("sources/" + name)) {
            return in.readAllBytes();
        }
    }
}
