package org.patchgap.server;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fleet API on PostgreSQL, migrated from empty: the same suite as on H2. */
class PostgresFleetApiTest extends FleetApiContract {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            if (url == null) url = PostgresDatabase.create("patchgap_fleet");
            return url;
        });
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    }

    @AfterAll
    static void dropDatabase() {
        if (url != null) PostgresDatabase.drop(url);
    }
}
