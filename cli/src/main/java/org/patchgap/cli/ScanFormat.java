package org.patchgap.cli;

/**
 * The report formats of {@code scan}: the terminal table and our JSON; SARIF for code-scanning tools; CycloneDX
 * with vulnerabilities, OpenVEX and CSAF VEX for the standards people exchange; CSV for spreadsheets and ticket
 * imports; Markdown for a pull-request comment.
 */
enum ScanFormat { TABLE, JSON, SARIF, CYCLONEDX, OPENVEX, CSAF_VEX, CSV, MARKDOWN }
