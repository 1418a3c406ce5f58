package com.incidenttally.ingest;

import java.util.List;

/**
 * Where an input file's rows come from, whatever its format: a CSV file, or the sheets of an
 * {@code .xlsx} workbook. Both give the same {@link RawRow}s, their header checked the same way.
 */
public interface IncidentRows extends AutoCloseable {

    /** The next row, or null at the end of the file. Blank rows are skipped. */
    RawRow read();

    /**
     * The sheet of the row {@link #read()} returned last, or null for a file without sheets. A row's
     * {@link RawRow#file()} is then {@code file.xlsx#Sheet}, as every message names it.
     */
    default String sheet() {
        return null;
    }

    /** How the file was read, for people (at most 60 characters). */
    String describe();

    /** The file's encoding as Run info shows it (at most 60 characters): {@link #describe()} but for a CSV file. */
    default String encoding() {
        return describe();
    }

    /** The file's field delimiter, or null for a file without one (a workbook). */
    default String delimiter() {
        return null;
    }

    /** What a person should know about how the file was read; each said once. */
    List<String> warnings();

    /** The SHA-256 of the file's bytes as they were when it was opened, or null when not taken. */
    String contentSha256();

    @Override
    void close();

    /**
     * Opens an input file by its kind: a workbook for {@code *.xlsx}, otherwise a CSV file.
     *
     * @throws FileRejectedException when the file cannot be read at all, with the reason
     */
    static IncidentRows open(java.nio.file.Path path, String displayName) throws FileRejectedException {
        return open(path, displayName, ColumnMapping.NONE);
    }

    /**
     * Opens an input file by its kind, its header (each sheet's, for a workbook) bound with the
     * {@code --columns} rules for it ({@code file.xlsx#Sheet} for a sheet of its own).
     *
     * @throws FileRejectedException when the file cannot be read at all, with the reason
     */
    static IncidentRows open(java.nio.file.Path path, String displayName, ColumnMapping mapping) throws FileRejectedException {
        return InputFiles.isWorkbook(path.getFileName().toString())
                ? XlsxWorkbook.open(path, displayName, sheet -> mapping.rulesFor(displayName, sheet))
                : IncidentCsvReader.open(path, displayName, mapping.rulesFor(displayName));
    }
}
