package com.incidenttally.report.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.incidenttally.incident.EventType;
import com.incidenttally.places.AreaKind;
import com.incidenttally.report.NightLabels;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodEnd;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.SourceTally;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code summary.json}: the period, row counts, totals and the tallies by region,
 * district and night, with the keys SPEC Output lists and, added since, {@code kind} (region or sea)
 * per area, {@code sea_areas} and {@code unresolved_districts} in the totals, and {@code complete_at}
 * in the period (see docs/output.md). UTF-8, pretty-printed.
 */
public class SummaryJsonWriter {

    /** summary.json names rejection kinds in English, as the console does. */
    private static final ReportTexts ENGLISH = ReportTexts.english();

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public void write(ReportData data, Path json) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        Period period = data.period();
        root.put("label", period.label());
        ObjectNode periodNode = root.putObject("period");
        periodNode.put("from", period.from().toString());
        periodNode.put("to", period.to().toString());
        // Complete once the last night is over in every region's zone by the run's clock.
        PeriodEnd end = data.periodEnd();
        periodNode.put("complete", end == null || end.complete());
        if (end != null) {
            periodNode.put("complete_at", end.completeAt().toString());
        }

        RunInfo run = data.runInfo();
        ObjectNode rows = root.putObject("rows");
        rows.put("read", run.rowsRead());
        rows.put("accepted", run.rowsAccepted());
        rows.put("rejected", run.rowsRejected());
        rows.put("merged", run.rowsMerged());

        Totals totals = data.totals() == null ? Totals.NONE : data.totals();
        ObjectNode totalsNode = root.putObject("totals");
        totalsNode.put("incidents", totals.incidents());
        totalsNode.put("uav_reported", totals.uavReported());
        totalsNode.put("incidents_unknown_count", totals.unknownCount());
        totalsNode.put("killed", totals.killed());
        totalsNode.put("injured", totals.injured());
        totalsNode.put("regions", totals.regions());
        totalsNode.put("districts", totals.districts());
        totalsNode.put("nights", totals.nights());
        totalsNode.put("sea_areas", totals.seaAreas());
        totalsNode.put("unresolved_districts", totals.unresolvedDistricts());

        ArrayNode byRegion = root.putArray("by_region");
        for (TallyRow row : orEmpty(data.byRegion())) {
            ObjectNode node = byRegion.addObject();
            node.put("region", row.region());
            node.put("iso_code", row.isoCode());
            node.put("kind", kind(row));
            figures(node, row);
        }
        ArrayNode byDistrict = root.putArray("by_district");
        for (TallyRow row : orEmpty(data.byDistrict())) {
            ObjectNode node = byDistrict.addObject();
            node.put("region", row.region());
            node.put("iso_code", row.isoCode());
            node.put("kind", kind(row));
            node.put("district", row.district());
            figures(node, row);
        }
        ArrayNode byNight = root.putArray("by_night");
        for (TallyRow row : orEmpty(data.byNight())) {
            ObjectNode node = byNight.addObject();
            node.put("night", NightLabels.nightLabel(row.night()));
            figures(node, row);
        }
        sources(root.putArray("sources"), data.sources());

        String text;
        try {
            text = MAPPER.writeValueAsString(root);
        } catch (JacksonException e) {
            throw new IOException("Could not write " + json.getFileName() + ": " + e.getOriginalMessage(), e);
        }
        Files.writeString(json, text + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Each source judged over the period, as the Sources sheet shows it: {@code source} null for the
     * rejected rows that name none; {@code top_rejection} null when none of its rows was rejected.
     */
    private static void sources(ArrayNode array, List<SourceTally.SourceRow> sources) {
        for (SourceTally.SourceRow source : sources == null ? List.<SourceTally.SourceRow>of() : sources) {
            ObjectNode node = array.addObject();
            node.put("source", source.source().equals(SourceTally.NO_SOURCE) ? null : source.source());
            node.put("rows", source.rows());
            node.put("accepted", source.accepted());
            node.put("rejected", source.rejected());
            node.put("top_rejection", source.topRejection() == null ? null
                    : ENGLISH.rejectionKind(source.topRejection().kind(), source.topRejection().column()));
            node.put("top_rejection_rows", source.topRejectionRows());
            node.put("incidents", source.incidents());
            node.put("confirmed", source.confirmed());
            node.put("conflicts", source.conflicts());
        }
    }

    /** {@code region} or {@code sea}: a sea area's {@code iso_code} is a code of ours, {@code SEA-BLACK}. */
    private static String kind(TallyRow row) {
        return (row.kind() == null ? AreaKind.REGION : row.kind()).code();
    }

    private static void figures(ObjectNode node, TallyRow row) {
        node.put("incidents", row.incidents());
        node.put("night_time", row.nightTime());
        node.put("daytime", row.daytime());
        for (EventType type : EventType.values()) {
            node.put(type.code(), row.events(type));
        }
        node.put("uav_reported", row.uavReported());
        node.put("incidents_unknown_count", row.unknownCount());
        node.put("killed", row.killed());
        node.put("injured", row.injured());
        node.put("sources", row.sources());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
