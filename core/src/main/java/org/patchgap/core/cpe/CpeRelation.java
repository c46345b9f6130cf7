package org.patchgap.core.cpe;

/**
 * How the value of one attribute of a source name relates to the target's (NISTIR 7696 §6.1, Table 6-2): the
 * set of values the source stands for is a SUPERSET of, a SUBSET of, EQUAL to or DISJOINT from the target's;
 * UNDEFINED when the target holds a wildcard (a target is meant to name one thing).
 */
public enum CpeRelation { SUPERSET, SUBSET, EQUAL, DISJOINT, UNDEFINED }
