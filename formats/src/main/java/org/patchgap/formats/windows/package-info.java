/**
 * Windows inventories as administrators export them ({@code systeminfo}, {@code wmic qfe}, PowerShell
 * {@code Get-HotFix} / {@code Get-ComputerInfo} / {@code Get-SmbServerConfiguration} as JSON, osquery), and
 * Microsoft Security Update Guide CVRF documents. Each reader converts once into the core model
 * ({@link org.patchgap.core.model.HostFacts}, {@link org.patchgap.core.windows.WindowsVulnerability}).
 */
@NullMarked
package org.patchgap.formats.windows;

import org.jspecify.annotations.NullMarked;
