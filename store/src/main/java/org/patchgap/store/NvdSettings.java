package org.patchgap.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the {@code nvd} source talks to the NVD CVE API 2.0.
 *
 * @param url      the API ({@code https://services.nvd.nist.gov/rest/json/cves/2.0}, or a mirror)
 * @param apiKey   NVD API key, sent as header {@code apiKey}; null for none. Never logged, never stored
 * @param delay    wait between two requests; null for NVD's advice: 6 s without a key, 0.6 s with one
 * @param pageSize {@code resultsPerPage}, 1 to {@value #MAX_PAGE_SIZE}
 */
public record NvdSettings(URI url, @Nullable String apiKey, @Nullable Duration delay, int pageSize) {

    public static final URI URL = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");

    /** The API's largest {@code resultsPerPage}. */
    public static final int MAX_PAGE_SIZE = 2000;

    public NvdSettings {
        Objects.requireNonNull(url, "url");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("NVD page size must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    public static NvdSettings defaults() {
        return new NvdSettings(URL, null, null, MAX_PAGE_SIZE);
    }

    /** The wait between requests: the configured one, or NVD's public rate limit for our kind of access. */
    public Duration requestDelay() {
        if (delay != null) {
            return delay;
        }
        return apiKey == null ? Duration.ofSeconds(6) : Duration.ofMillis(600);
    }

    public NvdSettings withUrl(URI newUrl) {
        return new NvdSettings(newUrl, apiKey, delay, pageSize);
    }

    public NvdSettings withApiKey(@Nullable String key) {
        return new NvdSettings(url, key, delay, pageSize);
    }

    public NvdSettings withDelay(@Nullable Duration newDelay) {
        return new NvdSettings(url, apiKey, newDelay, pageSize);
    }

    public NvdSettings withPageSize(int size) {
        return new NvdSettings(url, apiKey, delay, size);
    }

    /** Says whether a key is set, never the key. */
    @Override
    public String toString() {
        return "NvdSettings[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "set") + ", delay="
                + requestDelay() + ", pageSize=" + pageSize + "]";
    }
}
