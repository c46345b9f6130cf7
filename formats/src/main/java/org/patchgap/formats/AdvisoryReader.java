package org.patchgap.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;

/**
 * Reads advisories from a file, a directory or an archive into the core model. A file that cannot be used
 * at all is a {@link BadInputException}; a single bad record is skipped and reported as a problem.
 */
public interface AdvisoryReader {

    ReadResult<Vulnerability> read(Path path) throws BadInputException;

    /** {@link #read} for a reader whose work is in {@link #readEach}: its records collected in order. */
    static ReadResult<Vulnerability> collect(AdvisoryReader reader, Path path) throws BadInputException {
        List<Vulnerability> records = new ArrayList<>();
        List<Problem> problems = reader.readEach(path, records::add);
        return new ReadResult<>(records, problems);
    }

    /**
     * Reads {@code path} as {@link #read} does, but hands each record to {@code sink} in the same order as soon as
     * it is read, so that a caller storing the records never holds them all (an import of 100k records encodes each
     * while it is still in the processor's cache). On a {@link BadInputException} the sink may have had some
     * records already.
     *
     * @return the problems {@link #read} would report
     */
    default List<Problem> readEach(Path path, Consumer<? super Vulnerability> sink) throws BadInputException {
        ReadResult<Vulnerability> result = read(path);
        result.items().forEach(sink);
        return result.problems();
    }
}
