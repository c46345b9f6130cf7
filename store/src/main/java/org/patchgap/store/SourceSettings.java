package org.patchgap.store;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each source is downloaded from, and how patiently. The defaults are the real public locations; every
 * one can be changed (a mirror, a proxy cache, a test server), through {@link #withEnvironment} or the CLI.
 *
 * @param osvBaseUrl     OSV's bucket; an ecosystem's dump is {@code <base>/<ecosystem>/all.zip}
 * @param osvEcosystems  the ecosystems {@code --source osv} updates
 * @param kevUrl         CISA's KEV catalog (JSON)
 * @param epssUrl        FIRST's current EPSS scores (CSV, gzip)
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a response's headers
 * @param attempts       tries per download, at least 1; server errors (5xx, 429), timeouts and broken
 *                       connections are retried
 * @param backoff        wait before the second try; doubled before each further one
 * @param nvd            the NVD CVE API: URL, API key, delay between requests, page size
 * @param readTimeout    how long a response body may deliver no bytes before the attempt fails (and is retried,
 *                       resumed where it stopped)
 */
public record SourceSettings(URI osvBaseUrl, List<String> osvEcosystems, URI kevUrl, URI epssUrl,
                             Duration connectTimeout, Duration requestTimeout, int attempts, Duration backoff,
                             NvdSettings nvd, Duration readTimeout) {

    public static final URI OSV_BASE_URL = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");
    public static final URI KEV_URL =
            URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    public static final URI EPSS_URL = URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");

    /**
     * Language ecosystems whose versions we order exactly, and the Linux distributions a host scan needs. OSV
     * publishes many more; name them with {@code --source osv:<Ecosystem>}.
     */
    public static final List<String> DEFAULT_OSV_ECOSYSTEMS = List.of(
            "PyPI", "npm", "Maven", "Go", "crates.io", "RubyGems", "Packagist", "NuGet", "Hex", "Pub",
            "Debian", "Ubuntu", "Alpine", "Red Hat");

    public SourceSettings {
        Objects.requireNonNull(osvBaseUrl, "osvBaseUrl");
        osvEcosystems = List.copyOf(osvEcosystems);
        Objects.requireNonNull(kevUrl, "kevUrl");
        Objects.requireNonNull(epssUrl, "epssUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(nvd, "nvd");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
        }
    }

    public static SourceSettings defaults() {
        return new SourceSettings(OSV_BASE_URL, DEFAULT_OSV_ECOSYSTEMS, KEV_URL, EPSS_URL, Duration.ofSeconds(20),
                Duration.ofSeconds(60), 4, Duration.ofSeconds(2), NvdSettings.defaults(), Duration.ofSeconds(60));
    }

    /**
     * These settings with the locations the environment overrides: {@code PATCHGAP_OSV_URL} (the bucket base),
     * {@code PATCHGAP_KEV_URL}, {@code PATCHGAP_EPSS_URL}, {@code PATCHGAP_OSV_ECOSYSTEMS} (comma-separated),
     * {@code PATCHGAP_NVD_URL}, {@code NVD_API_KEY}, {@code PATCHGAP_NVD_DELAY_MS} (milliseconds between
     * NVD requests) and {@code PATCHGAP_HTTP_READ_TIMEOUT_S} (seconds a download may receive nothing).
     */
    public SourceSettings withEnvironment(Map<String, String> env) {
        SourceSettings s = this;
        String osv = env.get("PATCHGAP_OSV_URL");
        if (osv != null && !osv.isBlank()) s = s.withOsvBaseUrl(URI.create(osv.strip()));
        String kev = env.get("PATCHGAP_KEV_URL");
        if (kev != null && !kev.isBlank()) s = s.withKevUrl(URI.create(kev.strip()));
        String epss = env.get("PATCHGAP_EPSS_URL");
        if (epss != null && !epss.isBlank()) s = s.withEpssUrl(URI.create(epss.strip()));
        String ecosystems = env.get("PATCHGAP_OSV_ECOSYSTEMS");
        if (ecosystems != null && !ecosystems.isBlank()) {
            s = s.withOsvEcosystems(java.util.Arrays.stream(ecosystems.split(",")).map(String::strip)
                    .filter(e -> !e.isEmpty()).toList());
        }
        String readTimeout = env.get("PATCHGAP_HTTP_READ_TIMEOUT_S");
        if (readTimeout != null && !readTimeout.isBlank()) {
            long seconds;
            try {
                seconds = Long.parseLong(readTimeout.strip());
            } catch (NumberFormatException e) {
                seconds = 0;
            }
            if (seconds <= 0) {
                throw new IllegalArgumentException("PATCHGAP_HTTP_READ_TIMEOUT_S: expected a positive number of seconds,"
                        + " found '" + readTimeout + "'");
            }
            s = s.withReadTimeout(Duration.ofSeconds(seconds));
        }
        NvdSettings n = s.nvd;
        String nvdUrl = env.get("PATCHGAP_NVD_URL");
        if (nvdUrl != null && !nvdUrl.isBlank()) n = n.withUrl(URI.create(nvdUrl.strip()));
        String key = env.get("NVD_API_KEY");
        if (key != null && !key.isBlank()) n = n.withApiKey(key.strip());
        String delay = env.get("PATCHGAP_NVD_DELAY_MS");
        if (delay != null && !delay.isBlank()) {
            try {
                n = n.withDelay(Duration.ofMillis(Long.parseLong(delay.strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PATCHGAP_NVD_DELAY_MS: expected milliseconds, found '" + delay
                        + "'");
            }
        }
        return s.withNvd(n);
    }

    public SourceSettings withOsvBaseUrl(URI url) {
        return new SourceSettings(url, osvEcosystems, kevUrl, epssUrl, connectTimeout, requestTimeout, attempts,
                backoff, nvd, readTimeout);
    }

    public SourceSettings withOsvEcosystems(List<String> ecosystems) {
        return new SourceSettings(osvBaseUrl, ecosystems, kevUrl, epssUrl, connectTimeout, requestTimeout, attempts,
                backoff, nvd, readTimeout);
    }

    public SourceSettings withKevUrl(URI url) {
        return new SourceSettings(osvBaseUrl, osvEcosystems, url, epssUrl, connectTimeout, requestTimeout, attempts,
                backoff, nvd, readTimeout);
    }

    public SourceSettings withEpssUrl(URI url) {
        return new SourceSettings(osvBaseUrl, osvEcosystems, kevUrl, url, connectTimeout, requestTimeout, attempts,
                backoff, nvd, readTimeout);
    }

    public SourceSettings withPatience(Duration connect, Duration request, int tries, Duration firstBackoff) {
        return new SourceSettings(osvBaseUrl, osvEcosystems, kevUrl, epssUrl, connect, request, tries, firstBackoff,
                nvd, readTimeout);
    }

    public SourceSettings withReadTimeout(Duration timeout) {
        return new SourceSettings(osvBaseUrl, osvEcosystems, kevUrl, epssUrl, connectTimeout, requestTimeout, attempts,
                backoff, nvd, timeout);
    }

    public SourceSettings withNvd(NvdSettings settings) {
        return new SourceSettings(osvBaseUrl, osvEcosystems, kevUrl, epssUrl, connectTimeout, requestTimeout, attempts,
                backoff, settings, readTimeout);
    }

    /** {@code <base>/<ecosystem>/all.zip}, the ecosystem name percent-encoded as one path segment. */
    public URI osvDumpUrl(String ecosystem) {
        String base = osvBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + pathSegment(ecosystem) + "/all.zip");
    }

    private static String pathSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
