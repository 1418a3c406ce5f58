package com.incidenttally.job;

import com.incidenttally.normalize.IncidentNormalizer;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Validates and normalizes each row; file ends pass through. */
class IngestProcessor implements ItemProcessor<Ingested, Ingested> {

    private final IncidentNormalizer normalizer;

    IngestProcessor(IncidentNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public Ingested process(Ingested item) {
        if (item instanceof Ingested.Row row) {
            return row.processed(normalizer.normalize(row.raw()));
        }
        return item;
    }
}
