package org.patchgap.server.disclosure;

import java.util.Locale;

/** What a vendor said of a case, as CERT/CC's VINCE asks it: not answered yet, affected, not affected, fixed. */
public enum VendorStatus {
    UNKNOWN, AFFECTED, NOT_AFFECTED, FIXED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VendorStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
