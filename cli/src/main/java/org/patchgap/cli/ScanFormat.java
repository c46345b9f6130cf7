package org.patchgap.cli;

/** The report formats of {@code scan}: the inventory's two, and SARIF for code-scanning tools. */
enum ScanFormat { TABLE, JSON, SARIF }
