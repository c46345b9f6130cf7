package org.patchgap.core.match;

/**
 * What the matcher made of the advisories it was given.
 *
 * @param records         advisory records given
 * @param withdrawn       records skipped because they are withdrawn
 * @param vulnerabilities distinct vulnerabilities after merging records through their aliases
 * @param affectedEntries affected-package entries indexed
 * @param gitRanges       GIT ranges seen: they name commits, not versions, and are not matchable here
 * @param droppedRanges   ranges dropped because a version in them is invalid for the ecosystem (see problems)
 */
public record AdvisoryStats(
        int records, int withdrawn, int vulnerabilities, int affectedEntries, int gitRanges, int droppedRanges) {}
