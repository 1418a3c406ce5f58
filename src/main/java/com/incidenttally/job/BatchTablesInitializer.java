package com.incidenttally.job;

import com.incidenttally.store.StoreSchema;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.core.io.Resource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring Batch's tables, made by its own script only when one of them is missing. Spring Boot's
 * initializer runs the whole script at every start and lets each {@code CREATE TABLE} fail on a
 * store that has them: nine failed statements a run, each written with its stack trace to H2's
 * {@code .trace.db} beside the store (or to PostgreSQL's log), and a tenth of a second of a weekly
 * run. A store that lacks any table or sequence the script creates (a new store, a run killed while
 * making them, a Spring Batch that added one) gets the script as before, errors tolerated.
 */
class BatchTablesInitializer extends BatchDataSourceScriptDatabaseInitializer {

    BatchTablesInitializer(DataSource dataSource, BatchJdbcProperties properties) {
        super(dataSource, properties);
    }

    @Override
    protected void runScripts(Scripts scripts) {
        StoreSchema schema = StoreSchema.read(getDataSource());
        for (Resource script : scripts) {
            if (!schema.holdsAllCreatedBy(text(script, scripts))) {
                super.runScripts(scripts);
                return;
            }
        }
    }

    private static String text(Resource script, Scripts scripts) {
        try {
            return script.getContentAsString(scripts.getEncoding() == null ? StandardCharsets.UTF_8 : scripts.getEncoding());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script.getDescription(), e);
        }
    }
}
