package org.patchgap.server.disclosure;

import org.patchgap.server.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The disclosure workflow on the embedded default (ADR 0016): an HSQLDB file database. */
class HsqlDisclosureWorkflowTest extends DisclosureWorkflowContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.embeddedFile("disclosure"));
    }
}
