package org.patchgap.store;

import java.net.URI;

/**
 * A month of the Security Update Guide could not be downloaded and installed. The message is one line that
 * names the month and the URL; an older copy of the month's file, if any, was left as it was.
 */
public final class MsrcDownloadException extends Exception {

    private final String month;
    private final URI url;

    MsrcDownloadException(String month, URI url, String reason) {
        super(message(month, url, reason));
        this.month = month;
        this.url = url;
    }

    MsrcDownloadException(String month, URI url, String reason, Throwable cause) {
        super(message(month, url, reason), cause);
        this.month = month;
        this.url = url;
    }

    /** The month's id, {@code 2017-Mar}. */
    public String month() {
        return month;
    }

    /** Where it was fetched from. */
    public URI url() {
        return url;
    }

    private static String message(String month, URI url, String reason) {
        // HttpDownloader's messages already start with the URL; do not say it twice.
        String u = url.toString();
        String r = reason.startsWith(u + ": ") ? reason.substring(u.length() + 2) : reason;
        return "msrc " + month + " from " + u + ": " + r;
    }
}
