package com.incidenttally.incident;

import java.util.List;
import java.util.Locale;

/**
 * Why a row or a file was rejected, as a closed set: each kind names its parameters, and each
 * report says it in its own language from the catalogue ({@code rejection.<code>} the full reason
 * of one row, {@code rejection.kind.<code>} the kind as Data quality and the console group it).
 * The {@link #code()} is what the store keeps: never rename one, add a kind instead.
 */
public enum RejectionKind {
    /** A required column is blank. */
    MISSING_VALUE(Param.text("column")),
    /** Neither occurred_at nor night is given. */
    MISSING_DATE,
    UNKNOWN_REGION,
    /** A known name that names no one region ("names several regions: …"); the note is the gazetteer's. */
    UNKNOWN_REGION_NOTED(UNKNOWN_REGION, Param.text("note")),
    UNKNOWN_EVENT_TYPE,
    /** An event_type whose words name two types or more ({@code сбит; обломки}): a row says one; {@code types} their codes. */
    SEVERAL_EVENT_TYPES(UNKNOWN_EVENT_TYPE, Param.text("types")),
    DATE_TOO_EARLY(Param.text("earliest")),
    UNPARSEABLE_NIGHT(Param.text("detail")),
    UNPARSEABLE_DATE(Param.text("detail")),
    /** A date alone, or a night, after the run's date in the region. */
    DATE_IN_FUTURE(Param.text("today")),
    NIGHT_IN_FUTURE(DATE_IN_FUTURE, Param.text("today")),
    /** A date and time after the run's clock, in the region's local time. */
    TIME_IN_FUTURE(DATE_IN_FUTURE, Param.text("clock")),
    /** A date alone outside the night the night column gives. */
    OUTSIDE_NIGHT(Param.text("date"), Param.text("night")),
    NIGHT_DISAGREES(Param.text("night"), Param.text("time"), Param.text("actual")),
    NEGATIVE_COUNT(Param.text("column")),
    NOT_A_WHOLE_NUMBER(Param.text("column")),
    COUNT_TOO_LARGE(Param.text("column"), Param.count("max")),
    /** Bytes that are not UTF-8 in a file read as UTF-8. */
    NOT_UTF8(Param.text("field")),
    WRONG_FIELD_COUNT(Param.count("expected"), Param.count("found")),
    /** A record over several lines whose field count is wrong: a stray or missing quote. */
    WRONG_FIELD_COUNT_OVER_LINES(WRONG_FIELD_COUNT, Param.count("expected"), Param.count("found"),
            Param.count("first"), Param.count("last")),
    /** A quoted field never closed; {@code line} is the line rejected, the record's first. */
    UNCLOSED_QUOTE(Param.count("opened"), Param.count("line")),
    QUOTE_CLOSES_EARLY(UNCLOSED_QUOTE, Param.count("opened"), Param.text("closed"), Param.count("line")),
    ROW_TOO_LONG,
    /** An Excel formula whose result was never saved. */
    FORMULA_WITHOUT_RESULT(Param.text("cell")),
    /** A whole file; its reason comes from the reader as written (English). */
    FILE_REJECTED(Param.text("detail")),
    /**
     * A workbook's sheet that is a table of incidents whose header cannot be read, as one rejected row at its header
     * row: its rows are not read, and it says so on every run until it is fixed; the reason is the reader's (English).
     */
    SHEET_REJECTED(Param.text("detail"));

    /** A parameter: its name in the catalogue's patterns, and whether it is a count (grouped, plural). */
    public record Param(String name, boolean count) {
        static Param text(String name) {
            return new Param(name, false);
        }

        static Param count(String name) {
            return new Param(name, true);
        }
    }

    private final RejectionKind group;
    private final List<Param> params;

    RejectionKind(Param... params) {
        this(null, params);
    }

    RejectionKind(RejectionKind group, Param... params) {
        this.group = group;
        this.params = List.of(params);
    }

    /** The kind Data quality and the console count this one under: itself, or a kind it is a case of. */
    public RejectionKind group() {
        return group == null ? this : group;
    }

    public List<Param> params() {
        return params;
    }

    /** The kind's stored name and catalogue key: {@code unknown_region}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a stored code; a code no kind has (a later version's) is an error. */
    public static RejectionKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the reason names the column it is about, so that the group says which ({@code missing value in source}). */
    public boolean perColumn() {
        return this == MISSING_VALUE || this == NEGATIVE_COUNT || this == NOT_A_WHOLE_NUMBER || this == COUNT_TOO_LARGE;
    }
}
