package com.incidenttally.job;

import org.springframework.boot.test.context.SpringBootTest;

/** The end-to-end tests on the default store, H2. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:job-tests;DB_CLOSE_DELAY=-1")
class H2IncidentReportJobTests extends IncidentReportJobContract {
}
