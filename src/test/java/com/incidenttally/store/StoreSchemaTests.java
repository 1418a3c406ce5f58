package com.incidenttally.store;

import com.incidenttally.H2Stores;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;


import static org.assertj.core.api.Assertions.assertThat;

/** What a store holds, read from the information schema, and whether it holds what a script makes. */
class StoreSchemaTests {

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        dataSource = H2Stores.memory();
        jdbc = new JdbcTemplate(dataSource);
    }

    private static final String SCRIPT = """
            CREATE TABLE job_a (id BIGINT PRIMARY KEY, name VARCHAR(10));
            create table if not exists Job_B (id BIGINT);
            CREATE INDEX job_a_name ON job_a (name);
            CREATE SEQUENCE job_seq MAXVALUE 9223372036854775807 NO CYCLE;
            """;

    @Test
    void tablesColumnsAndSequencesAreFoundWhateverTheirCase() {
        jdbc.execute("CREATE TABLE it_thing (night DATE, \"Body\" VARCHAR(5))");
        jdbc.execute("CREATE SEQUENCE it_seq");

        StoreSchema schema = StoreSchema.read(dataSource);

        assertThat(schema.hasTable("IT_THING")).isTrue();
        assertThat(schema.hasTable("it_other")).isFalse();
        assertThat(schema.hasColumns("it_thing", "night", "body")).isTrue();
        assertThat(schema.hasColumns("it_thing", "night", "kind")).isFalse();
        assertThat(schema.hasColumns("it_other", "night")).isFalse();
        assertThat(schema.hasSequence("IT_SEQ")).isTrue();
        assertThat(schema.hasSequence("it_thing")).isFalse();
    }

    @Test
    void aScriptIsHeldOnlyWhenEveryTableAndSequenceItCreatesIsThere() {
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(SCRIPT)).isFalse();

        jdbc.execute("CREATE TABLE job_a (id BIGINT)");
        jdbc.execute("CREATE TABLE job_b (id BIGINT)");
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(SCRIPT)).as("the sequence is missing").isFalse();

        jdbc.execute("CREATE SEQUENCE job_seq");
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(SCRIPT)).isTrue();

        jdbc.execute("DROP TABLE job_b");
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(SCRIPT)).as("a table is missing").isFalse();
    }

    @Test
    void aNameAfterItsSchemasOrInQuotesIsTheTablesOwn() {
        jdbc.execute("CREATE TABLE job_a (id BIGINT)");
        jdbc.execute("CREATE SEQUENCE job_seq");

        StoreSchema schema = StoreSchema.read(dataSource);

        assertThat(schema.holdsAllCreatedBy("CREATE TABLE public.job_a (id BIGINT);")).isTrue();
        assertThat(schema.holdsAllCreatedBy("CREATE TABLE \"JOB_A\" (id BIGINT); CREATE SEQUENCE PUBLIC.\"JOB_SEQ\";"))
                .isTrue();
        assertThat(schema.holdsAllCreatedBy("CREATE TABLE public.job_b (id BIGINT);")).isFalse();
    }

    @Test
    void aScriptThatCreatesNothingIsNeverHeld() {
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy("ALTER TABLE job_a ADD COLUMN x INT;")).isFalse();
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy("")).isFalse();
    }

    @Test
    void springBatchsOwnScriptIsHeldOnceRunAndNotWithOneOfItsSequencesGone() throws Exception {
        org.springframework.core.io.ClassPathResource script =
                new org.springframework.core.io.ClassPathResource("org/springframework/batch/core/schema-h2.sql");
        String text = script.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(text)).isFalse();

        new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(script).execute(dataSource);
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(text)).isTrue();

        jdbc.execute("DROP SEQUENCE BATCH_JOB_INSTANCE_SEQ");
        assertThat(StoreSchema.read(dataSource).holdsAllCreatedBy(text)).isFalse();
    }
}
