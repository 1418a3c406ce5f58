package com.incidenttally.job;

import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.FarDate;
import com.incidenttally.tally.FarNights;
import com.incidenttally.tally.RejectionReasons;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Text for the console and the log: numbers with their noun in the right number, periods as
 * people read them, and anything that came from outside (file names, paths, messages that quote
 * them) made unable to start a line of its own.
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * Without a locale (cron's and most containers' default) Java writes the console in ASCII, and
     * every Cyrillic file name, region and message becomes question marks: it is written in UTF-8
     * instead, which ASCII is part of. A console with a locale of its own keeps its encoding.
     */
    public static void useUtf8WithoutALocale() {
        String nativeEncoding = System.getProperty("native.encoding", "");
        if (nativeEncoding.equals("ANSI_X3.4-1968") || nativeEncoding.equalsIgnoreCase("US-ASCII")) {
            System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                    java.nio.charset.StandardCharsets.UTF_8));
            System.setProperty("logging.charset.console", "UTF-8");
        }
    }

    /**
     * The text on one line: line breaks and other control characters, and the invisible marks
     * that reorder or hide text (bidi overrides, zero-width characters), are written as escapes
     * ({@code \n}, {@code \r}, {@code \t}, {@code \u001B}), so a file named
     * {@code "x.csv\nDone: 0 rows"} cannot forge a line of its own.
     */
    public static String line(Object text) {
        String s = String.valueOf(text);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        boolean invisible = c == '\u2028' || c == '\u2029' || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
        return control || invisible ? String.format("\\u%04X", (int) c) : null;
    }

    /** How every console line begins: the local date and time with its offset, as the log's lines do. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    /**
     * Each line of the text after the date, time and offset of {@code now}:
     * {@code 2026-12-07 06:30:04 +03:00 Done: ...}, so an appended log tells one Monday from the next.
     */
    public static String stamped(String text, ZonedDateTime now) {
        String stamp = STAMP.format(now) + " ";
        StringBuilder out = new StringBuilder(text.length() + 32);
        text.lines().forEach(l -> out.append(out.isEmpty() ? "" : System.lineSeparator()).append(stamp).append(l));
        return out.toString();
    }

    /** A run's duration as the last line gives it: {@code 850 ms}, {@code 4.2 s}, {@code 2 min 05 s}. */
    public static String duration(Duration took) {
        long millis = took.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** The console's words: the report's catalogue, in English. */
    private static final ReportTexts TEXTS = ReportTexts.english();

    /**
     * {@code 1 row}, {@code 2 rows}, {@code 1,234 rows}: the count and its noun in the form the
     * plural rules ask for, from the catalogue's {@code console.count.<noun>} text.
     */
    public static String count(long n, String noun) {
        return TEXTS.text("console.count." + noun, n);
    }

    /**
     * Evening dates from {@code from} to {@code to} as people say them: {@code 23–29 Nov},
     * {@code 26 Jan – 1 Feb}, {@code 29 Dec 2025 – 4 Jan 2026}, {@code 7 Dec} for one night.
     */
    public static String dates(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return day(from) + " " + month(from);
        }
        if (from.getYear() != to.getYear()) {
            return day(from) + " " + month(from) + " " + from.getYear() + " – " + day(to) + " " + month(to) + " "
                    + to.getYear();
        }
        if (from.getMonth() != to.getMonth()) {
            return day(from) + " " + month(from) + " – " + day(to) + " " + month(to);
        }
        return day(from) + "–" + day(to) + " " + month(to);
    }

    /** A period by its label and evening dates: {@code 2026-W48 (23–29 Nov)}. */
    public static String period(String label, LocalDate from, LocalDate to) {
        return label + " (" + dates(from, to) + ")";
    }

    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);

    /**
     * {@code Provisional: the night of 29–30 Nov is not over in every region until 2026-11-30 10:00 UTC;
     * the report is complete when run after it}.
     */
    static String provisional(LocalDate lastNight, java.time.Instant completeAt) {
        return "Provisional: the night of " + dates(lastNight, lastNight.plusDays(1))
                + " is not over in every region until " + UTC_MINUTE.format(completeAt)
                + "; the report is complete when run after it";
    }

    /** Reasons named on the console; the rest are counted together. */
    static final int TOP_REASONS = 5;

    /**
     * What was rejected and why, for the console's last lines: {@code Rejected 5 rows: 3 unknown
     * region, 2 unparseable date/time}, and the files rejected whole by name (a few) or by reason.
     * Empty when nothing was rejected. Every line is safe to print ({@link #line}).
     */
    static List<String> rejected(RejectionReasons reasons) {
        List<String> lines = new ArrayList<>();
        if (reasons.rowCount() > 0) {
            lines.add("Rejected " + count(reasons.rowCount(), "row") + ": " + top(reasons.rows())
                    + " (each with its file and line in rejected.csv)");
        }
        long files = reasons.fileCount();
        if (files > 0 && files <= RejectionReasons.FILES_NAMED) {
            List<String> named = new ArrayList<>();
            for (Rejection file : reasons.namedFiles()) {
                named.add(file.file() + " (" + (file.reason().kind() == RejectionKind.FILE_REJECTED
                        ? file.reason().param("detail") : TEXTS.reason(file.reason())) + ")");
            }
            lines.add("Rejected " + count(files, "file") + " whole: " + String.join(", ", named));
        } else if (files > 0) {
            lines.add("Rejected " + count(files, "file") + " whole: " + top(reasons.files()));
        }
        lines.replaceAll(ConsoleText::line);
        return lines;
    }

    /**
     * The lines of {@link #rejected(RejectionReasons)} for a report's period, then what the period's
     * rejected rows hold that a person acts on first (those new since the last run, those with no
     * usable date, which every report shows until they are fixed), and the rows rejected on other
     * periods' nights as one line saying where they are.
     *
     * @param freshRows   the period's rejected rows from files this run read
     * @param undatedRows the period's rejected rows with no usable date
     * @param otherRows   rows rejected on nights outside the period
     */
    static List<String> rejected(RejectionReasons reasons, long freshRows, long undatedRows, long otherRows) {
        List<String> lines = new ArrayList<>(rejected(reasons));
        List<String> of = new ArrayList<>();
        if (freshRows > 0) {
            of.add(String.format(Locale.ROOT, "%,d new since the last run", freshRows));
        }
        if (undatedRows > 0) {
            of.add(String.format(Locale.ROOT, "%,d with no usable date (shown in every report until fixed)",
                    undatedRows));
        }
        if (!of.isEmpty()) {
            lines.add(line("Of the rejected rows: " + String.join(", ", of)));
        }
        if (otherRows > 0) {
            lines.add(line(count(otherRows, "moreRowWas") + " rejected on nights outside this"
                    + " period: see rejected.csv of the report of all nights (run with no --week, --from or --to)"));
        }
        return lines;
    }

    /** Far dates named on the console; the rest are counted. */
    static final int FAR_DATES_NAMED = 5;

    /**
     * One warning line for the period's rows dated far from the rest, empty when there are none:
     * {@code Warning: 1 row dated far from every other night (30+ days), counted all the same: check its
     * date: a.csv:5 (night 2026-03-14/15, 214 days away)}.
     */
    static List<String> farDates(List<FarDate> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), FAR_DATES_NAMED); i++) {
            FarDate far = rows.get(i);
            named.add(String.format(Locale.ROOT, "%s:%d (night %s, %,d days away)", far.file(), far.line(),
                    NightCalendar.label(far.night()), far.days()));
        }
        String more = rows.size() > FAR_DATES_NAMED ? String.format(Locale.ROOT, " and %,d more (see Data quality)",
                rows.size() - FAR_DATES_NAMED) : "";
        return List.of(line("Warning: " + count(rows.size(), "row") + " dated far from every other night ("
                + FarNights.DAYS + "+ days), counted all the same; check "
                + (rows.size() == 1 ? "its date: " : "their dates: ") + String.join(", ", named) + more));
    }

    private static String top(List<RejectionReasons.Count> counts) {
        // Commonest first, ties in the order of their words.
        record Named(String label, long count) {
        }
        List<Named> named = new ArrayList<>();
        for (RejectionReasons.Count c : counts) {
            named.add(new Named(c.kind() == RejectionKind.FILE_REJECTED ? c.column()
                    : TEXTS.rejectionKind(c.kind(), c.column()), c.count()));
        }
        named.sort(java.util.Comparator.comparingLong(Named::count).reversed().thenComparing(Named::label));
        List<String> parts = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < named.size(); i++) {
            Named c = named.get(i);
            // A sixth reason is named rather than counted as "1 other reason".
            if (i < TOP_REASONS || named.size() == TOP_REASONS + 1) {
                parts.add(TEXTS.number(c.count()) + " " + c.label());
            } else {
                rest += c.count();
            }
        }
        if (rest > 0) {
            int others = named.size() - TOP_REASONS;
            parts.add(TEXTS.number(rest) + " for " + count(others, "otherReason"));
        }
        return String.join(", ", parts);
    }

    private static String day(LocalDate date) {
        return Integer.toString(date.getDayOfMonth());
    }

    private static String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
