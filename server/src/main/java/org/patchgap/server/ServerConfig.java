package org.patchgap.server;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans that are not components: the clock every timestamp comes from (tests and the demo set their own). */
@Configuration
public class ServerConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
