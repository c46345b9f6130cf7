package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** How a failed download's cause reads in {@code db update}'s one line. */
class HttpDownloaderDescribeTest {

    @Test
    void aRefusedConnectionWithoutMessageIsSaidInWords() {
        assertThat(HttpDownloader.describe(new ConnectException())).isEqualTo("cannot connect (refused or unreachable)");
    }

    @Test
    void anUnresolvableHostIsNamedAsSuch() {
        ConnectException e = new ConnectException();
        e.initCause(new UnresolvedAddressException());
        assertThat(HttpDownloader.describe(e)).isEqualTo("cannot connect: unknown host");
        ConnectException wrapped = new ConnectException();
        wrapped.initCause(new ConnectException().initCause(new UnresolvedAddressException()));
        assertThat(HttpDownloader.describe(wrapped)).isEqualTo("cannot connect: unknown host");
        assertThat(HttpDownloader.describe(new UnknownHostException("example.invalid")))
                .isEqualTo("unknown host example.invalid");
    }

    @Test
    void otherFailuresKeepTheirKindAndMessage() {
        assertThat(HttpDownloader.describe(new IOException("broken pipe"))).isEqualTo("IOException: broken pipe");
    }
}
