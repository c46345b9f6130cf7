package org.patchgap.formats.nvd;

import java.util.List;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Vulnerability;

/**
 * One response of the NVD CVE API 2.0.
 *
 * @param startIndex   the index of the page's first CVE among all results
 * @param totalResults how many CVEs the query matches in all
 * @param entries      how many entries the page held, including those skipped as invalid (the next page
 *                     starts at {@code startIndex + entries})
 * @param records      the CVEs read
 * @param problems     entries skipped, or parts of entries dropped, each with its JSON pointer
 */
public record NvdPage(int startIndex, int totalResults, int entries, List<Vulnerability> records,
                      List<Problem> problems) {

    public NvdPage {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }
}
