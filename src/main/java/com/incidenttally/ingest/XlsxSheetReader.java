package com.incidenttally.ingest;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * Reads one worksheet's XML row by row, pulled (StAX) as the ingest step asks, so a sheet of any
 * size is read in the memory of one row. A cell comes out as the text a person would have typed:
 * {@link XlsxCells} turns numbers, dates and shared strings into it.
 */
final class XlsxSheetReader implements AutoCloseable {

    /**
     * One row of the sheet.
     *
     * @param number  the row number Excel shows (1 for the first row)
     * @param cells   by column (0 = A); null for a cell that is not there or holds nothing
     * @param problem why the row cannot be read as it stands, or null
     */
    record SheetRow(long number, List<String> cells, Reason problem) {

        boolean blank() {
            for (String cell : cells) {
                if (cell != null && !cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final XMLStreamReader xml;
    private final XlsxCells cellText;
    private long lastRow;
    private boolean done;

    XlsxSheetReader(InputStream in, XlsxCells cellText) throws IOException {
        this.in = in;
        this.cellText = cellText;
        try {
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The next row that has at least one cell element, or null after the last.
     *
     * @throws UncheckedIOException when the sheet's XML cannot be read on
     */
    SheetRow next() {
        if (done) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return readRow();
                }
                if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                    break;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("the sheet's XML is damaged: " + e.getMessage(), e));
        }
        done = true;
        return null;
    }

    private SheetRow readRow() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        long number = r == null ? lastRow + 1 : Long.parseLong(r.strip());
        lastRow = number;
        List<String> cells = new ArrayList<>();
        Reason problem = null;
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !"c".equals(xml.getLocalName())) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            int column = ref == null ? nextColumn : column(ref);
            nextColumn = column + 1;
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String value = null;
            String inline = null;
            boolean formula = false;
            while (xml.hasNext()) {
                event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "v" -> value = xml.getElementText();
                        case "f" -> {
                            formula = true;
                            xml.getElementText();
                        }
                        case "is" -> inline = inlineText();
                        default -> { }
                    }
                }
            }
            String text;
            // No saved result: no value, or an empty one where the result would be a number (openpyxl writes <v/>
            // for a formula it cannot calculate; an empty text result is <v></v> with t="str", and stays empty).
            boolean numeric = type == null || "n".equals(type);
            if (formula && (value == null || value.isEmpty() && numeric)) {
                text = null;
                if (problem == null) {
                    problem = Reason.of(RejectionKind.FORMULA_WITHOUT_RESULT,
                            CellReference.convertNumToColString(column) + number);
                }
            } else {
                text = cellText.text(type, style, "inlineStr".equals(type) ? inline : value);
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, text);
        }
        return new SheetRow(number, cells, problem);
    }

    /** The text of an inline string: its runs, without phonetic hints. */
    private String inlineText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic++;
                } else if ("t".equals(xml.getLocalName()) && phonetic == 0) {
                    text.append(xml.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic--;
                } else if ("is".equals(xml.getLocalName())) {
                    break;
                }
            }
        }
        return text.toString();
    }

    /** The column of a cell reference such as {@code AB12}: 27 (0 = A). */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return column - 1;
    }

    private static final byte[] MERGE_CELLS = "mergeCells".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern MERGE_CELL = Pattern.compile("<(?:[\\w.-]+:)?mergeCell\\b[^>]*?\\bref\\s*=\\s*[\"']([^\"']+)[\"']");

    /**
     * The merged ranges of a sheet. Excel writes them after the rows, so they are found in a pass
     * of their own before the rows are read: a scan of the bytes for the {@code mergeCells} element
     * (markup, as a {@code <} in text is always escaped), and only what follows it parsed. Much
     * cheaper than parsing the rows twice.
     */
    static List<CellRangeAddress> mergedRegions(InputStream in) throws IOException {
        List<CellRangeAddress> regions = new ArrayList<>();
        try (in) {
            byte[] buffer = new byte[1 << 16];
            int matched = 0;
            int n;
            ByteArrayOutputStream tail = null;
            while ((n = in.read(buffer)) > 0) {
                if (tail != null) {
                    tail.write(buffer, 0, n);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == MERGE_CELLS[matched]) {
                        if (++matched == MERGE_CELLS.length) {
                            tail = new ByteArrayOutputStream();
                            tail.write(buffer, i + 1, n - i - 1);
                            break;
                        }
                    } else {
                        matched = b == MERGE_CELLS[0] ? 1 : 0;
                    }
                }
            }
            if (tail == null) {
                return regions;
            }
            Matcher merge = MERGE_CELL.matcher(tail.toString(StandardCharsets.UTF_8));
            while (merge.find()) {
                String ref = merge.group(1).strip();
                if (ref.contains(":")) {
                    regions.add(CellRangeAddress.valueOf(ref));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("the sheet's merged cells are damaged: " + e.getMessage(), e);
        }
        return regions;
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // Nothing was left to read from it.
        }
    }
}
