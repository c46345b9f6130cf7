package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

class ErrorMessagesTest {

    @Test
    void badInputNamesFilePlaceAndWhat() {
        var e = new BadInputException(new Location("sbom.json", "line 3, column 7"), "expected a JSON object");
        assertThat(ErrorMessages.of(e)).isEqualTo("patchgap: sbom.json: line 3, column 7: expected a JSON object");
    }

    @Test
    void badInputWithoutPlaceNamesTheFile() {
        assertThat(ErrorMessages.of(new BadInputException(Location.of("x.json"), "no such file")))
                .isEqualTo("patchgap: x.json: no such file");
    }

    @Test
    void messagesAreKeptOnOneLine() {
        var e = new BadInputException(Location.of("x.xml"), "unexpected end\n  at [Source: x; line: 1]");
        assertThat(ErrorMessages.of(e)).isEqualTo("patchgap: x.xml: unexpected end at [Source: x; line: 1]");
    }

    @Test
    void unexpectedFailuresSayHowToSeeMore() {
        assertThat(ErrorMessages.of(new IllegalStateException("boom")))
                .isEqualTo("patchgap: internal error: java.lang.IllegalStateException: boom (rerun with --debug for the stack trace)");
    }

    @Test
    void warningsUseTheSameShape() {
        assertThat(ErrorMessages.warning(new Problem(new Location("a.json", "/affected/0/ranges/1"), "invalid version")))
                .isEqualTo("patchgap: warning: a.json: /affected/0/ranges/1: invalid version");
    }
}
