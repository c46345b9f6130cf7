package org.patchgap.formats.cvss;

/** The CVSS versions whose vectors we recognise, with the OSV severity type each belongs to. */
public enum CvssVersion {
    V2("CVSS_V2"),
    V3_0("CVSS_V3"),
    V3_1("CVSS_V3"),
    V4_0("CVSS_V4");

    private final String osvType;

    CvssVersion(String osvType) {
        this.osvType = osvType;
    }

    /** The OSV {@code severity[].type} for vectors of this version: {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}. */
    public String osvType() {
        return osvType;
    }
}
