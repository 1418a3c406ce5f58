package com.incidenttally.store;

import com.incidenttally.H2Stores;


import javax.sql.DataSource;

/** The round trip on H2, where rows go in as JDBC batches bound by column name. */
class H2IncidentStoreRoundTripTests extends IncidentStoreRoundTripContract {

    @Override
    DataSource dataSource() {
        return H2Stores.memory();
    }
}
