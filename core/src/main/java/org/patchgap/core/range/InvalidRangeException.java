package org.patchgap.core.range;

/**
 * A range expression its syntax does not accept. The message names the syntax, the text, the (1-based) column
 * where reading stopped and what was expected there, such as
 * {@code invalid npm range '>=1.2.3 <x.1': column 9: expected a version after '<'}.
 */
public final class InvalidRangeException extends Exception {

    private final String syntax;
    private final String text;
    private final int column;

    /**
     * @param syntax the syntax's name, such as {@code "npm"} or {@code "vers"}
     * @param text the whole range text
     * @param index the 0-based index in {@code text} where the problem is
     * @param expected what was expected there, or what is wrong
     */
    public InvalidRangeException(String syntax, String text, int index, String expected) {
        super("invalid " + syntax + " range '" + text + "': column " + (index + 1) + ": " + expected);
        this.syntax = syntax;
        this.text = text;
        this.column = index + 1;
    }

    public String syntax() {
        return syntax;
    }

    public String text() {
        return text;
    }

    /** The 1-based column where the problem is. */
    public int column() {
        return column;
    }
}
