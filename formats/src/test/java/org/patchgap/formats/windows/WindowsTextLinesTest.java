package org.patchgap.formats.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link WindowsText#lines} splits as the regex {@code \r*\n|\r+(?!\n)} it replaced, without its cost. */
class WindowsTextLinesTest {

    @Test
    void splitsOnEveryWindowsLineEnding() {
        assertThat(WindowsText.lines("a\r\nb\r\r\nc\nd\re\r\r")).containsExactly("a", "b", "c", "d", "e", "");
        assertThat(WindowsText.lines("\uFEFFHost Name:\r\n")).containsExactly("Host Name:", "");
        assertThat(WindowsText.lines("")).containsExactly("");
        assertThat(WindowsText.lines("\n\n")).containsExactly("", "", "");
    }

    @Property
    void agreesWithTheRegexSplit(@ForAll("textWithLineEnds") String text) {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        assertThat(WindowsText.lines(text)).isEqualTo(Arrays.asList(t.split("\r*\n|\r+(?!\n)", -1)));
    }

    @Property
    void nonBlankLinesAreTheNonBlankOfLines(@ForAll("textWithLineEnds") String text) {
        assertThat(WindowsText.nonBlankLines(text).toList())
                .isEqualTo(WindowsText.lines(text).stream().filter(line -> !line.isBlank()).toList());
    }

    @Provide
    Arbitrary<String> textWithLineEnds() {
        return Arbitraries.strings().withChars('a', ' ', '\t', '\r', '\n', '\uFEFF').ofMaxLength(30);
    }
}
