package org.patchgap.formats.epss;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.patchgap.core.model.Problem;

/**
 * What an EPSS score file held besides its scores: the model and the day the scores were computed (the
 * watermark of an update), how many rows were read, and the rows skipped with the reason.
 *
 * @param modelVersion {@code model_version} of the leading comment line, e.g. {@code v2025.03.14}, or empty
 * @param scoreDate    the day of {@code score_date}
 * @param scores       number of scores read
 */
public record EpssFile(String modelVersion, LocalDate scoreDate, int scores, List<Problem> problems) {

    public EpssFile {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(scoreDate, "scoreDate");
        problems = List.copyOf(problems);
    }
}
