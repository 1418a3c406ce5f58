package com.incidenttally.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a file was read: its character set, whether it began with a UTF-8 byte order mark, and
 * the field delimiter found in its header line.
 */
public record CsvDialect(Charset charset, boolean bom, char delimiter) {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** True when the file was not valid UTF-8 and was read as windows-1251 instead. */
    public boolean fallback() {
        return WINDOWS_1251.equals(charset);
    }

    /** For people: {@code UTF-8 (BOM), ';'}, {@code windows-1251, ','}, {@code UTF-8, tab}. */
    public String describe() {
        String separator = delimiter == '\t' ? "tab" : "'" + delimiter + "'";
        return encoding() + ", " + separator;
    }

    /** The character set as Run info shows it: {@code UTF-8}, {@code UTF-8 (BOM)}, {@code windows-1251}. */
    public String encoding() {
        String name = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
        return name + (bom ? " (BOM)" : "");
    }
}
