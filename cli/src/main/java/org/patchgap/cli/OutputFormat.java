package org.patchgap.cli;

/** The report formats of {@code scan} and {@code inventory}. */
enum OutputFormat { TABLE, JSON }
