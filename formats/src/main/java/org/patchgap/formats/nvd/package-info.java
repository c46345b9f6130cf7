/**
 * Reads pages of the NVD CVE API 2.0 ({@code /rest/json/cves/2.0}) into the core model; the entry point is
 * {@link org.patchgap.formats.nvd.NvdCveReader}. CPE applicability is kept as affected packages of ecosystem
 * {@value org.patchgap.formats.nvd.NvdCveReader#CPE_ECOSYSTEM}; see docs/database.md.
 */
@NullMarked
package org.patchgap.formats.nvd;

import org.jspecify.annotations.NullMarked;
