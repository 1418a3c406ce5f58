package com.incidenttally.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.incidenttally.places.Candidate;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.UnresolvedName;

/**
 * Writes {@code unresolved-names.csv}: one line per distinct name that was rejected or left unresolved,
 * in the layout {@code --aliases} reads. The first three columns are the aliases file's, with
 * canonical_name blank for the analyst to fill in; {@code kind} says whether the name is a region's or
 * a district's; the rest (rows, reason, the best candidates with their scores, and whether the first is
 * sure: right at least 95% of the time at its score, or unsure) are for reading and ignored by
 * {@code --aliases}, as are lines still left blank. UTF-8 with a BOM, like rejected.csv.
 */
public class UnresolvedNamesCsvWriter {

    static final int CANDIDATES = 3;
    static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("input_name", "region", "canonical_name", "kind", "rows", "reason"));
        for (int i = 1; i <= CANDIDATES; i++) {
            header.add("candidate_" + i);
            header.add("score_" + i);
        }
        header.add("first_candidate");
        HEADER = List.copyOf(header);
    }

    public void write(ReportData data, Path csv) throws IOException {
        ExcelCsv.write(csv, HEADER.toArray(String[]::new), writer -> {
            for (UnresolvedName name : data.unresolvedNames()) {
                writer.writeRecord(record(name));
            }
        });
    }

    private static List<String> record(UnresolvedName name) {
        List<String> record = new ArrayList<>(List.of(ExcelCsv.escape(name.input()), ExcelCsv.escape(name.region()), "",
                name.kind(), Long.toString(name.rows()), ExcelCsv.escape(name.reason())));
        for (int i = 0; i < CANDIDATES; i++) {
            boolean given = i < name.candidates().size();
            record.add(given ? ExcelCsv.escape(name.candidates().get(i).name()) : "");
            record.add(given ? String.format(Locale.ROOT, "%.2f", name.candidates().get(i).score()) : "");
        }
        record.add(firstCandidate(name.candidates()));
        return record;
    }

    /**
     * Whether the first candidate may be accepted without a look: scores are calibrated, so that from
     * {@link Candidate#SURE} on a first candidate is right at least 95% of the time; blank without candidates.
     */
    static String firstCandidate(List<UnresolvedName.Candidate> candidates) {
        return candidates.isEmpty() ? "" : candidates.get(0).score() >= Candidate.SURE ? "sure" : "unsure";
    }
}
