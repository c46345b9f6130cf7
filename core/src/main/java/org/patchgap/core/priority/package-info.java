/**
 * Patch priority: CISA's SSVC decision tree (Track, Track*, Attend, Act) fed from what a scan knows (KEV, EPSS,
 * CVSS vectors, host mitigations), with the reason for every input (docs/priority.md).
 */
@NullMarked
package org.patchgap.core.priority;

import org.jspecify.annotations.NullMarked;
