package org.patchgap.store;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Problem;

/**
 * What an update or import did with one source.
 *
 * @param records  records now in the database for the source (for {@link State#FAILED}, the kept ones)
 * @param problems what the readers skipped or dropped, each naming the file or archive entry (and so the id)
 * @param error    why it failed, for {@link State#FAILED}
 */
public record SourceOutcome(String name, State state, int records, List<Problem> problems, @Nullable String error) {

    public enum State {
        /** New data replaced the source's data. */
        UPDATED,
        /** The server said nothing changed; the data was kept and marked as checked now. */
        UNCHANGED,
        /** Download or reading failed; the source's previous data was kept. */
        FAILED
    }

    public SourceOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        problems = List.copyOf(problems);
    }

    /** One line for a log or terminal. */
    public String summary() {
        return switch (state) {
            case UPDATED -> String.format("%,d record%s, %,d problem%s", records, records == 1 ? "" : "s",
                    problems.size(), problems.size() == 1 ? "" : "s");
            case UNCHANGED -> "unchanged since the last update";
            case FAILED -> "FAILED, previous data kept: " + error;
        };
    }
}
