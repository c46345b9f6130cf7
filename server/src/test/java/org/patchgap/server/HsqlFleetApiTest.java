package org.patchgap.server;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class HsqlFleetApiTest extends FleetApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:hsqldb:file:target/hsql-" + UUID.randomUUID()
                + "/fleet;sql.syntax_pgs=true;hsqldb.write_delay=false;hsqldb.tx=mvcc");
    }
}
