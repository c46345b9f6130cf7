package org.patchgap.server.disclosure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service's own address for the links it publishes (security.txt, provider metadata, CSAF {@code self}
 * references): {@code patchgap.public-url} when set, as a server behind a TLS proxy needs, else the address this
 * request came to.
 */
@Component
public class PublicUrl {

    private final String configured;

    public PublicUrl(@Value("${patchgap.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String base() {
        if (!configured.isEmpty()) return configured;
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
