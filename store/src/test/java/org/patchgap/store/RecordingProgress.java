package org.patchgap.store;

import java.util.ArrayList;
import java.util.List;

/** A progress listener that keeps the notes and per-source outcomes an update reports, for tests to read. */
final class RecordingProgress implements ProgressListener {

    final List<String> log = new ArrayList<>();

    @Override
    public void note(String text) {
        log.add(text);
    }

    @Override
    public void finished(String source, String outcome) {
        log.add(source + ": " + outcome);
    }
}
