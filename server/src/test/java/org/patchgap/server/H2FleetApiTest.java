package org.patchgap.server;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fleet API on H2 in PostgreSQL mode, the embedded database before ADR 0016 and still accepted with
 * {@code --db-url jdbc:h2:...}, migrated from empty.
 */
class H2FleetApiTest extends FleetApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2Memory("fleet"));
    }
}
