package org.patchgap.core.cpe;

/** A string that is not a CPE name in either binding; the message names the position and what was expected. */
public final class MalformedCpeException extends Exception {

    private final String cpe;
    private final int position;
    private final String expected;

    /**
     * @param position zero-based character index in {@code cpe} where parsing stopped
     * @param expected what would have been valid there
     */
    public MalformedCpeException(String cpe, int position, String expected) {
        super("malformed CPE '" + cpe + "' at position " + position + ": expected " + expected);
        this.cpe = cpe;
        this.position = position;
        this.expected = expected;
    }

    public String cpe() {
        return cpe;
    }

    public int position() {
        return position;
    }

    /** What was expected at {@link #position()}, without the CPE itself. */
    public String expected() {
        return expected;
    }
}
