package com.incidenttally.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a published report was made from, kept inside the report's own folder: the store (by its
 * identity, not by name, since two stores may write to one output folder), the generation of its
 * rows and incidents, and the settings that shape the report. A run whose own fingerprint equals
 * the one the published folder holds would write the same report; anything else writes it again.
 *
 * @param madeFrom            the store and settings the report was made from, compared whole
 * @param incidents           the report's number of incidents, for the console's last line
 * @param unchangedRerunLines what a run that keeps the report prints on its rejections and far dates,
 *                            one per line (empty when nothing): such a run need not read the store
 */
public record ReportFingerprint(String madeFrom, long incidents, String unchangedRerunLines) {

    /** The file inside a report folder; hidden, like the marker. */
    public static final String FILE = ".incident-tally-fingerprint";

    /** The fingerprint of the report {@code report} shows (a link to a folder), if it has one that can be read. */
    public static Optional<ReportFingerprint> of(Path report) {
        Path file = report.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(report.resolve(OutputFolder.SUMMARY_JSON))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            String madeFrom = properties.getProperty("made-from");
            String incidents = properties.getProperty("incidents");
            // Without the console's lines (an earlier version's fingerprint) the report is written again, once.
            String console = properties.getProperty("unchanged-rerun-lines");
            return madeFrom == null || incidents == null || console == null ? Optional.empty()
                    : Optional.of(new ReportFingerprint(madeFrom, Long.parseLong(incidents), console));
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable or not ours: the report is written again.
            return Optional.empty();
        }
    }

    /** Whether the report this fingerprint describes was made from {@code madeFrom}. */
    public boolean madeFrom(String wanted) {
        return madeFrom.equals(wanted);
    }

    /** Writes the fingerprint into a report folder being written. */
    public void writeInto(Path folder) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("made-from", madeFrom);
        properties.setProperty("incidents", Long.toString(incidents));
        properties.setProperty("unchanged-rerun-lines", unchangedRerunLines);
        try (Writer out = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.store(out, "what this report was made from: a run that would make the same report keeps it");
        }
    }
}
