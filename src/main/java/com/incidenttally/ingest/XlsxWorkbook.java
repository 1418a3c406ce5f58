package com.incidenttally.ingest;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an {@code .xlsx} workbook as one input file whose rows come from its sheets, in the
 * workbook's order. Every sheet whose first non-empty row is a header that maps is read as a CSV
 * file would be; other sheets are skipped with a warning. Streamed: the sheets' XML is pulled a
 * row at a time (POI's event API, never the whole workbook in memory).
 *
 * <p>A merged cell's value applies to every cell it covers, in rows that have a value of their
 * own (a date merged over a night's rows is that date on each). Hidden rows, columns and sheets
 * are data like any other.
 */
final class XlsxWorkbook implements IncidentRows {

    private final String file;
    private final String sha256;
    private final OPCPackage workbook;
    private final XSSFReader.SheetIterator sheets;
    private final XlsxCells cellText;
    private final List<String> warnings = new ArrayList<>();
    /** The {@code --columns} rules for each sheet, by its name: its header is bound with them. */
    private final java.util.function.Function<String, ColumnRules> rules;
    private final List<String> skipped = new ArrayList<>();
    /** Sheets that are tables of incidents with a header we cannot read: each one rejected row, read first. */
    private final java.util.ArrayDeque<UnreadTable> unreadTables = new java.util.ArrayDeque<>();

    private record UnreadTable(String sheet, RawRow rejection) {
    }
    private int sheetsRead;
    private Sheet current;
    private String lastSheet;

    /** A sheet being read: its rows, its header's binding and its merged cells. */
    private record Sheet(String name, String location, XlsxSheetReader rows, HeaderBinding header,
                         int width, Merges merges, boolean[] beyondHeaderWarned, RepeatedHeader repeated,
                         XlsxSheetReader.SheetRow[] readAhead) {

        /** The sheet's next row: the one read ahead of the header's check first. */
        XlsxSheetReader.SheetRow next() {
            XlsxSheetReader.SheetRow row = readAhead[0];
            if (row != null) {
                readAhead[0] = null;
                return row;
            }
            return rows.next();
        }
    }

    private XlsxWorkbook(String file, String sha256, OPCPackage workbook,
                         java.util.function.Function<String, ColumnRules> rules) throws IOException {
        this.file = file;
        this.rules = rules;
        this.sha256 = sha256;
        this.workbook = workbook;
        try {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            boolean date1904;
            try (InputStream in = reader.getWorkbookData()) {
                date1904 = date1904(in);
            }
            this.cellText = new XlsxCells(new ReadOnlySharedStringsTable(workbook, false), styles, date1904);
            this.sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /**
     * Opens a workbook and finds its first readable sheet.
     *
     * @throws FileRejectedException when it is not a workbook we can read (encrypted, an old
     *                               {@code .xls}, damaged) or none of its sheets has a header that maps
     */
    static XlsxWorkbook open(Path path, String displayName, java.util.function.Function<String, ColumnRules> rules)
            throws FileRejectedException {
        if (Files.isDirectory(path)) {
            throw new FileRejectedException(displayName, "is a directory, not a file");
        }
        String sha256;
        try {
            if (Files.size(path) == 0) {
                throw new FileRejectedException(displayName, "an empty file, not an Excel workbook");
            }
            checkKind(path, displayName);
            sha256 = InputFiles.sha256(path);
        } catch (IOException e) {
            throw new FileRejectedException(displayName, InputFiles.unreadable(e));
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new FileRejectedException(displayName, damaged(e));
        }
        XlsxWorkbook workbook;
        try {
            workbook = new XlsxWorkbook(displayName, sha256, pkg, rules);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw new FileRejectedException(displayName, damaged(e));
        }
        try {
            if (!workbook.nextSheet()) {
                throw new FileRejectedException(displayName, workbook.skipped.isEmpty()
                        ? "the workbook has no sheets"
                        : "no sheet has a header row we can read; sheets found: " + String.join("; ", workbook.skipped));
            }
            return workbook;
        } catch (FileRejectedException | RuntimeException e) {
            workbook.close();
            if (e instanceof UncheckedIOException u) {
                throw new FileRejectedException(displayName, damaged(u.getCause()));
            }
            throw e;
        }
    }

    /** Rejects, with a reason a person understands, what only looks like a workbook by its name. */
    private static void checkKind(Path path, String displayName) throws IOException, FileRejectedException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(path))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem ole = new POIFSFileSystem(path.toFile(), true)) {
                encrypted = ole.getRoot().hasEntry("EncryptedPackage");
            } catch (IOException | RuntimeException e) {
                encrypted = false;
            }
            throw new FileRejectedException(displayName, encrypted
                    ? "the workbook is protected by a password (encrypted): save a copy without a password to read it"
                    : "an Excel 97–2003 workbook (.xls) under an .xlsx name: save it as Excel Workbook (.xlsx)");
        }
        throw new FileRejectedException(displayName,
                "not an Excel workbook (.xlsx), whatever its name says: its content is " + describe(magic));
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case UNKNOWN -> "not a zip package (text, or damaged)";
            case XML -> "XML (an Excel 2003 XML spreadsheet?): save it as Excel Workbook (.xlsx)";
            case HTML -> "HTML (a web page saved as .xlsx?)";
            default -> magic.name() + " data";
        };
    }

    private static boolean date1904(InputStream workbookXml) {
        try {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    if ("workbookPr".equals(xml.getLocalName())) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                    if ("sheets".equals(xml.getLocalName())) {
                        return false;
                    }
                }
            }
        } catch (Exception e) {
            // Without the setting, dates count from 1900, as nearly every workbook's do.
        }
        return false;
    }

    /**
     * Moves on to the next sheet whose header maps, skipping the others with a warning. Returns
     * false when no sheet is left.
     */
    private boolean nextSheet() {
        closeSheet();
        while (sheets.hasNext()) {
            InputStream in = sheets.next();
            String name = sheets.getSheetName();
            String location = file + "#" + name;
            XlsxSheetReader rows;
            try {
                rows = new XlsxSheetReader(in, cellText);
            } catch (IOException e) {
                skip(name, damaged(e));
                continue;
            }
            XlsxSheetReader.SheetRow header;
            try {
                header = nextFilled(rows);
            } catch (UncheckedIOException e) {
                rows.close();
                skip(name, damaged(e.getCause()));
                continue;
            }
            if (header == null) {
                rows.close();
                skipped.add(name + " (empty)");
                continue;
            }
            List<String> names = texts(header);
            HeaderBinding bound;
            List<String> titles = new ArrayList<>();
            XlsxSheetReader.SheetRow first = header;
            List<String> firstNames = names;
            FileRejectedException firstFailure = null;
            try {
                while (true) {
                    try {
                        bound = HeaderBinding.of(location, names, rules.apply(name));
                        break;
                    } catch (FileRejectedException e) {
                        firstFailure = firstFailure == null ? e : firstFailure;
                        // A title above the table ("Сводка за 09.12.2025", one or two cells): the header is below it.
                        XlsxSheetReader.SheetRow next = titles.size() < MAX_TITLE_ROWS && filled(names) <= 2
                                ? nextFilled(rows) : null;
                        if (next == null) {
                            if (HeaderBinding.requiredFieldsNamed(names) >= 3) {
                                throw e; // a table's header below its title, unreadable: said at that row
                            }
                            // No header below: the sheet is judged by its first row.
                            header = first;
                            names = firstNames;
                            throw firstFailure;
                        }
                        titles.add(String.join(" ", names.stream().filter(cell -> !cell.isBlank()).toList()));
                        header = next;
                        names = texts(header);
                    }
                }
            } catch (UncheckedIOException e) {
                rows.close();
                skip(name, damaged(e.getCause()));
                continue;
            } catch (FileRejectedException e) {
                rows.close();
                skip(name, "row " + header.number() + " is not a header we can read: " + e.reason());
                if (HeaderBinding.requiredFieldsNamed(names) >= 3) {
                    // A table of incidents, not a notes page: its rows are not read, and the run says so in
                    // rejected.csv, at the header row, on every run until it is fixed (a warning alone is said once).
                    unreadTables.add(new UnreadTable(name, new RawRow(location, header.number(),
                            new String[Column.values().length], raw(names), Reason.of(RejectionKind.SHEET_REJECTED,
                            "row " + header.number() + " is a table of incidents whose header we cannot read: "
                                    + e.reason()))));
                }
                continue;
            }
            List<CellRangeAddress> regions;
            try {
                regions = XlsxSheetReader.mergedRegions(sheets.getSheetPart().getInputStream());
            } catch (IOException e) {
                rows.close();
                skip(name, damaged(e));
                continue;
            }
            // A header of two rows: a group's name merged across its columns ("Последствия"), their names below it.
            List<TwoRowHeader.Group> groups = TwoRowHeader.merged(header.number(), regions);
            XlsxSheetReader.SheetRow below;
            try {
                below = groups.isEmpty() ? null : rows.next();
            } catch (UncheckedIOException e) {
                rows.close();
                skip(name, damaged(e.getCause()));
                continue;
            }
            TwoRowHeader two = below == null || below.problem() != null ? null
                    : TwoRowHeader.of(header.number(), names, below.number(), below.cells(), groups, bound, location,
                            rules.apply(name), "row");
            if (two != null) {
                warnings.add("sheet " + name + ": " + two.warning());
                names = two.names();
                bound = two.binding();
                header = below;
                below = null;
            }
            if (!titles.isEmpty()) {
                warnings.add("sheet " + name + ": the header is row " + header.number() + "; "
                        + (titles.size() == 1 ? "the row above it is a title" : "the rows above it are titles")
                        + ", not read: '" + String.join("', '", titles) + "'");
            }
            for (String warning : bound.warnings()) {
                warnings.add("sheet " + name + ": " + warning);
            }
            current = new Sheet(name, location, rows, bound, names.size(), new Merges(regions, header.number()),
                    new boolean[1], new RepeatedHeader(names), new XlsxSheetReader.SheetRow[] {below});
            sheetsRead++;
            return true;
        }
        return false;
    }

    /** Rows a sheet may hold above its header as titles: one or two cells each. */
    private static final int MAX_TITLE_ROWS = 5;

    /** The cells of a row that hold something. */
    private static int filled(List<String> cells) {
        return (int) cells.stream().filter(cell -> !cell.isBlank()).count();
    }

    /** A row's cells as text, an empty cell as "". */
    private static List<String> texts(XlsxSheetReader.SheetRow row) {
        return row.cells().stream().map(cell -> cell == null ? "" : cell).toList();
    }

    /** The next row that is not blank, or null at the sheet's end. */
    private static XlsxSheetReader.SheetRow nextFilled(XlsxSheetReader rows) {
        XlsxSheetReader.SheetRow row = rows.next();
        while (row != null && row.blank()) {
            row = rows.next();
        }
        return row;
    }

    private void skip(String name, String reason) {
        skipped.add(name + " (" + reason + ")");
        warnings.add("sheet " + name + " skipped: " + reason);
    }

    @Override
    public RawRow read() {
        while (unreadTables.isEmpty() && current != null) {
            XlsxSheetReader.SheetRow row = current.next();
            if (row == null) {
                nextSheet();
                continue;
            }
            if (row.blank()) {
                continue;
            }
            lastSheet = current.name();
            List<String> cells = new ArrayList<>(row.cells());
            current.merges().fill(row.number(), cells);
            if (row.problem() == null && current.repeated().passesOver(row.number(), cells.toArray(String[]::new))) {
                continue;
            }
            return rawRow(row, cells);
        }
        UnreadTable unread = unreadTables.poll();
        if (unread == null) {
            return null;
        }
        // The sheet the row is of, as for every row read (sheet()): the store files its rejection under it.
        lastSheet = unread.sheet();
        return unread.rejection();
    }

    private RawRow rawRow(XlsxSheetReader.SheetRow row, List<String> cells) {
        String[] fields = new String[current.width()];
        for (int i = 0; i < fields.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : null;
            fields[i] = cell == null ? "" : cell;
        }
        String[] values = current.header().values(fields);
        if (!current.beyondHeaderWarned()[0]) {
            for (int i = current.width(); i < cells.size(); i++) {
                if (cells.get(i) != null && !cells.get(i).isBlank()) {
                    current.beyondHeaderWarned()[0] = true;
                    warnings.add("sheet " + current.name() + ": cells right of the header's last column are ignored"
                            + " (the first in row " + row.number() + ")");
                    break;
                }
            }
        }
        return new RawRow(current.location(), row.number(), values, raw(cells), row.problem());
    }

    /** The row as a CSV line of its cells, for people (rejected.csv's raw line). */
    private static String raw(List<String> cells) {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                raw.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                raw.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                raw.append(cell);
            }
            if (raw.length() > RecordParser.RAW_LIMIT) {
                break;
            }
        }
        return RecordParser.cap(raw);
    }

    @Override
    public String sheet() {
        return lastSheet;
    }

    @Override
    public String describe() {
        return "xlsx (" + sheetsRead + (sheetsRead == 1 ? " sheet read)" : " sheets read)");
    }

    @Override
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    @Override
    public String contentSha256() {
        return sha256;
    }

    @Override
    public void close() {
        closeSheet();
        // Opened to read: revert closes the package without writing anything back.
        workbook.revert();
    }

    private void closeSheet() {
        if (current != null) {
            String repeated = current.repeated().warning("row");
            if (repeated != null) {
                warnings.add("sheet " + current.name() + ": " + repeated);
            }
            current.rows().close();
            current = null;
        }
    }

    private static String damaged(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "not a readable .xlsx workbook (damaged, or not saved by a spreadsheet program): " + detail;
    }

    /**
     * The merged ranges of a sheet below its header, applied as rows pass: a range's value (in its
     * top-left cell) fills every other cell it covers.
     */
    static final class Merges {

        private final List<CellRangeAddress> pending;
        private final List<Active> active = new ArrayList<>();
        private int next;

        private static final class Active {
            final CellRangeAddress range;
            String value;

            Active(CellRangeAddress range) {
                this.range = range;
            }
        }

        Merges(List<CellRangeAddress> regions, long headerRow) {
            // Ranges that start in the header (or above it) name columns; they are no data.
            this.pending = regions.stream().filter(r -> r.getFirstRow() + 1L > headerRow)
                    .sorted(Comparator.comparingInt(CellRangeAddress::getFirstRow)).toList();
        }

        void fill(long rowNumber, List<String> cells) {
            long index = rowNumber - 1;
            active.removeIf(a -> a.range.getLastRow() < index);
            while (next < pending.size() && pending.get(next).getFirstRow() <= index) {
                CellRangeAddress range = pending.get(next++);
                if (range.getLastRow() >= index) {
                    active.add(new Active(range));
                }
            }
            for (Active a : active) {
                int first = a.range.getFirstColumn();
                if (a.range.getFirstRow() == index) {
                    a.value = first < cells.size() ? cells.get(first) : null;
                }
                if (a.value == null) {
                    continue;
                }
                for (int c = first; c <= a.range.getLastColumn(); c++) {
                    while (cells.size() <= c) {
                        cells.add(null);
                    }
                    if (cells.get(c) == null || cells.get(c).isEmpty()) {
                        cells.set(c, a.value);
                    }
                }
            }
        }
    }
}
