package org.patchgap.core.cpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Both bindings, with the examples of NISTIR 7695 §6.1.3.3 and §6.2.3.3 and edge cases of our own. */
class CpeNameTest {

    @Test
    void formattedStringFromTheSpecification() throws Exception {
        CpeName name = CpeName.parse("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*");
        assertThat(name.get(CpeAttribute.PART).wfn()).isEqualTo("a");
        assertThat(name.vendor().wfn()).isEqualTo("microsoft");
        assertThat(name.version().wfn()).isEqualTo("8\\.0\\.6001");
        assertThat(name.version().text()).isEqualTo("8.0.6001");
        assertThat(name.get(CpeAttribute.UPDATE).wfn()).isEqualTo("beta");
        assertThat(name.get(CpeAttribute.EDITION)).isEqualTo(CpeValue.ANY);
    }

    @Test
    void formattedStringWithWildcardsNaAndQuotedPunctuation() throws Exception {
        CpeName wild = CpeName.parse("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*");
        assertThat(wild.version().wfn()).isEqualTo("8\\.*");
        assertThat(wild.version().hasWildcards()).isTrue();
        assertThat(wild.get(CpeAttribute.UPDATE).wfn()).isEqualTo("sp?");

        CpeName hp = CpeName.parse("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*");
        assertThat(hp.get(CpeAttribute.UPDATE)).isEqualTo(CpeValue.NA);
        assertThat(hp.get(CpeAttribute.SW_EDITION).wfn()).isEqualTo("online");
        assertThat(hp.get(CpeAttribute.TARGET_HW).wfn()).isEqualTo("x64");

        CpeName foo = CpeName.parse("cpe:2.3:a:foo\\\\bar:big\\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:*");
        assertThat(foo.vendor().wfn()).isEqualTo("foo\\\\bar");
        assertThat(foo.vendor().text()).isEqualTo("foo\\bar");
        assertThat(foo.product().text()).isEqualTo("big$money_manager_2010");
        assertThat(foo.product().hasWildcards()).isFalse();
    }

    @Test
    void escapedColonStaysInsideItsAttribute() throws Exception {
        CpeName name = CpeName.parse("cpe:2.3:a:example:http\\:server:1.0:*:*:*:*:*:*:*");
        assertThat(name.product().text()).isEqualTo("http:server");
        assertThat(name.version().text()).isEqualTo("1.0");
        assertThat(name.vendorProductKey()).isEqualTo("example:http:server");
    }

    @Test
    void quotedWildcardCharactersAreLiterals() throws Exception {
        CpeName name = CpeName.parse("cpe:2.3:a:example:c\\+\\+_tool:1.\\*:*:*:*:*:*:*:*");
        assertThat(name.product().text()).isEqualTo("c++_tool");
        assertThat(name.version().hasWildcards()).isFalse();
        assertThat(name.version().text()).isEqualTo("1.*");
    }

    @Test
    void uriExamplesFromTheSpecification() throws Exception {
        CpeName ie = CpeName.parse("cpe:/a:microsoft:internet_explorer:8.0.6001:beta");
        assertThat(ie.toFormattedString()).isEqualTo("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*");

        CpeName quoted = CpeName.parse("cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f");
        assertThat(quoted.version().wfn()).isEqualTo("8\\.\\*");
        assertThat(quoted.get(CpeAttribute.UPDATE).wfn()).isEqualTo("sp\\?");
        assertThat(quoted.version().hasWildcards()).isFalse();

        CpeName wild = CpeName.parse("cpe:/a:microsoft:internet_explorer:8.%02:sp%01");
        assertThat(wild.version().wfn()).isEqualTo("8\\.*");
        assertThat(wild.get(CpeAttribute.UPDATE).wfn()).isEqualTo("sp?");

        CpeName packed = CpeName.parse("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~");
        assertThat(packed.toFormattedString())
                .isEqualTo("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:*:*:*:online:win2003:x64:*");

        CpeName na = CpeName.parse("cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~");
        assertThat(na.get(CpeAttribute.UPDATE)).isEqualTo(CpeValue.NA);
        assertThat(na.get(CpeAttribute.TARGET_SW).wfn()).isEqualTo("linux");

        CpeName tilde = CpeName.parse("cpe:/a:foo~bar:big%7emoney_2010");
        assertThat(tilde.vendor().wfn()).isEqualTo("foo\\~bar");
        assertThat(tilde.product().wfn()).isEqualTo("big\\~money_2010");
        assertThat(tilde.version()).isEqualTo(CpeValue.ANY);
    }

    @Test
    void uriWithOnlyPartAndVendorLeavesTheRestAny() throws Exception {
        CpeName name = CpeName.parse("cpe:/o:redhat");
        assertThat(name.toFormattedString()).isEqualTo("cpe:2.3:o:redhat:*:*:*:*:*:*:*:*:*");
    }

    @Test
    void formattedStringRoundTripsWithQuoting() throws Exception {
        String text = "cpe:2.3:a:foo\\\\bar:big\\$money:1.0-rc.1:*:*:*:*:*:*:*";
        assertThat(CpeName.parse(text).toFormattedString()).isEqualTo(text);
        assertThat(CpeName.parse("cpe:/a:cisco:ios:12.2%281%29").toFormattedString())
                .isEqualTo("cpe:2.3:a:cisco:ios:12.2\\(1\\):*:*:*:*:*:*:*");
    }

    @Test
    void vendorProductKeyIsUnquotedAndLowerCase() throws Exception {
        assertThat(CpeName.parse("cpe:2.3:a:Apache:HTTP_Server:2.4.49:*:*:*:*:*:*:*").vendorProductKey())
                .isEqualTo("apache:http_server");
        assertThat(CpeName.parse("cpe:2.3:a:vendor:my\\-product:*:*:*:*:*:*:*:*").vendorProductKey())
                .isEqualTo("vendor:my-product");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cpe:2.2:a:x:y                                               | 0  | 'cpe:2.3:' (formatted string) or 'cpe:/' (URI)
            cpe:2.3:a:vendor:product:1.0                                | 28 | ':' and a value for update
            cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*:extra            | 42 | the end of the name after the 11th attribute
            cpe:2.3:a:vendor::1.0:*:*:*:*:*:*:*                         | 17 | a value for product
            cpe:2.3:x:vendor:product:1.0:*:*:*:*:*:*:*                  | 8  | part 'a', 'o' or 'h'
            cpe:2.3:a:vendor:prod uct:1.0:*:*:*:*:*:*:*                 | 21 | not ' '
            cpe:2.3:a:vendor:product:12.*.1:*:*:*:*:*:*:*               | 25 | '*' only as the first or last character
            cpe:2.3:a:vendor:product:1?2:*:*:*:*:*:*:*                  | 25 | '?' only at the start or end
            cpe:2.3:a:vendor:product:**1:*:*:*:*:*:*:*                  | 25 | at most one '*'
            cpe:2.3:a:vendor:pro\\ duct:1.0:*:*:*:*:*:*:*              | 21 | a printable character after '\\'
            cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:\\                | 41 | a character quoted by '\\'
            cpe:/a:foo%5cbar:big%24money_2010%07:::~~special~ipod_touch~80gb~ | 33 | a printable ASCII character
            cpe:/a:foo:bar:12.%02.1234                                  | 15 | '*' only as the first or last character
            cpe:/a:foo:bar:1%zz                                         | 16 | two hex digits after '%'
            cpe:/a:foo:bar:1%2                                          | 16 | two hex digits after '%'
            cpe:/a:foo:bar:1.0:u1:~~online~win                          | 34 | '~' and target_hw
            cpe:/a:foo:bar:1.0:u1:~a~b~c~d~e~f                          | 32 | the end of the packed edition
            cpe:/a:foo:bar:1.0:u1:ed:en:more                            | 27 | the end of the URI after the 7th component
            cpe:/a:foo:bar:1.0+build                                    | 18 | not '+'
            """)
    void invalidNamesSayWhereAndWhatWasExpected(String text, int position, String expected) {
        assertThatThrownBy(() -> CpeName.parse(text))
                .isInstanceOfSatisfying(MalformedCpeException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.expected()).contains(expected);
                    assertThat(e.getMessage()).contains(text).contains("position " + position);
                });
    }
}
