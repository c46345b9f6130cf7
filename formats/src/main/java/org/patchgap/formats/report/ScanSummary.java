package org.patchgap.formats.report;

/**
 * The counts a scan report ends with.
 *
 * @param targets               targets scanned
 * @param components            components in those targets
 * @param componentsUnmatchable components that could not be looked up (no ecosystem, no version, or a version
 *                              their ecosystem rejects)
 * @param advisoryRecords       advisory records read
 * @param vulnerabilities       distinct vulnerabilities after merging records through their aliases
 * @param withdrawn             advisory records ignored because they are withdrawn
 * @param gitRanges             GIT ranges seen: they name commits, not versions, and are not matched
 * @param droppedRanges         ranges dropped because a version in them is invalid for its ecosystem
 * @param skippedAdvisories     advisory records skipped as unusable by the reader
 * @param skippedComponents     inventory entries the readers skipped: unusable components, and entries that are
 *                              no component (a qfe.csv line whose update id is no KB number)
 * @param skippedFiles          files of a walked directory that a reader took but could not read
 */
public record ScanSummary(
        int targets,
        int components,
        int componentsUnmatchable,
        int advisoryRecords,
        int vulnerabilities,
        int withdrawn,
        int gitRanges,
        int droppedRanges,
        int skippedAdvisories,
        int skippedComponents,
        int skippedFiles) {}
