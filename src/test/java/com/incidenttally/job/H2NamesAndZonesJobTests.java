package com.incidenttally.job;

import org.springframework.boot.test.context.SpringBootTest;

/** Aliases of names and sources, unresolved names and zones, end to end on the default store, H2. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:names-tests;DB_CLOSE_DELAY=-1")
class H2NamesAndZonesJobTests extends NamesAndZonesJobContract {
}
