package org.patchgap.server.disclosure;

import org.junit.jupiter.api.AfterAll;
import org.patchgap.server.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The disclosure workflow on PostgreSQL, migrated from empty: the same suite as on H2. */
class PostgresDisclosureWorkflowTest extends DisclosureWorkflowContract {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            if (url == null) url = PostgresDatabase.create("patchgap_disclosure");
            return url;
        });
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    }

    @AfterAll
    static void dropDatabase() {
        if (url != null) PostgresDatabase.drop(url);
    }
}
