package org.patchgap.server;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fleet API on the embedded default (ADR 0016): an HSQLDB file database, migrated from empty. */
class HsqlFleetApiTest extends FleetApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.embeddedFile("fleet"));
    }
}
