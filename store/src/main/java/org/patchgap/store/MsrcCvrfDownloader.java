package org.patchgap.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.windows.WindowsAdvisories;

/**
 * Downloads the Security Update Guide's CVRF document of a month from the MSRC API into a directory, as
 * {@code <yyyy-MMM>.xml} ({@code 2017-Mar.xml}), where {@code patchgap scan --advisories DIR} reads it.
 *
 * <p>The document is fetched with {@code Accept: application/xml} (the API answers JSON otherwise) into a
 * staging file beside the target, read with the CVRF reader, and only then renamed over the target in one
 * atomic step: an error page, a JSON answer or a truncated document never replaces a good file.
 *
 * <pre>{@code
 * MsrcCvrfDownloader msrc = new MsrcCvrfDownloader(MsrcCvrfDownloader.baseUrl(null, System.getenv()),
 *         SourceSettings.defaults());
 * MsrcCvrfDownloader.Download d = msrc.download(YearMonth.of(2017, 3), Path.of("msrc"), ProgressListener.NONE);
 * }</pre>
 */
public final class MsrcCvrfDownloader {

    /** The MSRC CVRF API (v3.0, no key needed); a month is {@code <base><yyyy-MMM>}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.msrc.microsoft.com/cvrf/v3.0/cvrf/");

    /** Environment variable naming another base URL (a mirror, a proxy cache, a test server). */
    public static final String URL_VARIABLE = "PATCHGAP_MSRC_URL";

    /**
     * One month installed.
     *
     * @param vulnerabilities Windows vulnerabilities the document gave (other products are not counted)
     * @param problems        records of the document the reader skipped
     */
    public record Download(YearMonth month, URI url, Path file, long bytes, int vulnerabilities, int problems) {}

    private final URI baseUrl;
    private final HttpDownloader downloader;

    /**
     * @param baseUrl  where months are fetched from: {@code <baseUrl>/<yyyy-MMM>}
     * @param patience timeouts, attempts and backoff (the settings' source URLs are not used)
     */
    public MsrcCvrfDownloader(URI baseUrl, SourceSettings patience) {
        this(baseUrl, new HttpDownloader(patience));
    }

    MsrcCvrfDownloader(URI baseUrl, HttpDownloader downloader) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.downloader = downloader;
    }

    /** {@code option} when given, else {@value #URL_VARIABLE} from {@code env}, else {@link #DEFAULT_BASE_URL}. */
    public static URI baseUrl(@Nullable String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) return URI.create(option.strip());
        String fromEnv = env.get(URL_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) return URI.create(fromEnv.strip());
        return DEFAULT_BASE_URL;
    }

    /** Where {@code month}'s document is fetched from. */
    public URI url(YearMonth month) {
        return baseUrl.resolve(MsrcMonths.id(month));
    }

    /**
     * Fetches {@code month} into {@code directory/<yyyy-MMM>.xml}, replacing an older copy only with a document
     * the CVRF reader accepts.
     *
     * @throws MsrcDownloadException naming the month and URL: the download failed after its retries, the
     *                               answer was not a CVRF document, or the directory cannot be written
     */
    public Download download(YearMonth month, Path directory, ProgressListener progress) throws MsrcDownloadException {
        String id = MsrcMonths.id(month);
        URI url = url(month);
        Path target = directory.resolve(id + ".xml");
        // Not named *.xml, so a directory scan never reads a document that was not checked yet.
        Path staging = directory.resolve("." + id + ".xml.download");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new MsrcDownloadException(id, url, "cannot create " + directory + ": " + describe(e), e);
        }
        HttpDownloader.Downloaded fetched;
        try {
            HttpDownloader.Result result = downloader.fetch("msrc " + id, url, staging, null, null, progress,
                    Map.of("Accept", "application/xml"));
            if (!(result instanceof HttpDownloader.Downloaded d)) {
                // We send no validator, so a 304 is the server's mistake, not a sign our copy is current.
                throw new MsrcDownloadException(id, url, "HTTP 304 (not modified) to an unconditional request; "
                        + "nothing installed");
            }
            fetched = d;
        } catch (IOException e) {
            throw new MsrcDownloadException(id, url, describe(e), e);
        }
        try {
            ReadResult<WindowsVulnerability> read = validate(staging, id, url);
            AtomicFiles.install(staging, target, false);
            progress.finished("msrc " + id, read.items().size() + " Windows vulnerabilities");
            return new Download(month, url, target, fetched.bytes(), read.items().size(), read.problems().size());
        } catch (IOException e) {
            throw new MsrcDownloadException(id, url, "cannot install " + target + ": " + describe(e), e);
        } finally {
            try {
                Files.deleteIfExists(staging);
            } catch (IOException ignored) {
                // A leftover staging file is never read as advisories and is overwritten by the next download.
            }
        }
    }

    private static ReadResult<WindowsVulnerability> validate(Path staging, String id, URI url)
            throws MsrcDownloadException {
        String kind = sniff(staging);
        if (kind != null) {
            throw new MsrcDownloadException(id, url, "the answer is " + kind + ", not a CVRF document; "
                    + "nothing installed");
        }
        try {
            return WindowsAdvisories.read(staging);
        } catch (BadInputException e) {
            String place = e.location().place();
            throw new MsrcDownloadException(id, url, "the answer is not a usable CVRF document"
                    + (place == null ? "" : " (" + place + ")") + ": " + e.reason() + "; nothing installed", e);
        }
    }

    /** Names answers that are obviously something else, for a clearer message than an XML parser error. */
    private static @Nullable String sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            return null; // the reader reports it
        }
        String s = new String(head, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (s.startsWith("\uFEFF")) s = s.substring(1).stripLeading();
        if (s.isEmpty()) return "empty";
        if (s.startsWith("{") || s.startsWith("[")) return "JSON (was Accept: application/xml ignored?)";
        if (s.startsWith("<!doctype html") || s.startsWith("<html")) return "an HTML page";
        return null;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
