package org.patchgap.core.cpe;

/** The eleven attributes of a well-formed CPE name, in the order of the CPE 2.3 formatted string. */
public enum CpeAttribute {
    PART, VENDOR, PRODUCT, VERSION, UPDATE, EDITION, LANGUAGE, SW_EDITION, TARGET_SW, TARGET_HW, OTHER;

    /** The attribute's name as NISTIR 7695 writes it ({@code sw_edition}). */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
