package org.patchgap.store;

/**
 * Hears what an update or import is doing, for a progress bar or log lines. Every method has an empty default;
 * calls come from the updating thread.
 */
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = new ProgressListener() {};

    /** Work on {@code source} began: {@code action} is e.g. {@code "downloading https://..."}. */
    default void started(String source, String action) {}

    /** {@code bytes} of {@code total} received; {@code total} is -1 when the server did not say. */
    default void transferred(String source, long bytes, long total) {}

    /** Work on {@code source} ended, with a one-line outcome ({@code "2,662 records, 0 rejected"}, an error). */
    default void finished(String source, String outcome) {}

    /** Anything else worth a line: a retry, a skipped download, the new database installed. */
    default void note(String text) {}

    /** One part of the next database file was written ({@code what}: a source and ecosystem, the catalog). */
    default void written(String what) {}
}
