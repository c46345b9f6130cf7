package org.patchgap.formats;

import java.nio.file.Path;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;

/**
 * Reads advisories from a file, a directory or an archive into the core model. A file that cannot be used
 * at all is a {@link BadInputException}; a single bad record is skipped and reported as a problem.
 */
public interface AdvisoryReader {

    ReadResult<Vulnerability> read(Path path) throws BadInputException;
}
