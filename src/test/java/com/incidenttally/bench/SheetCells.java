package com.incidenttally.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The cells of one worksheet part, pulled one at a time in the order the part holds them (row by row, left
 * to right), so two sheets can be walked side by side and a sheet of a million rows never sits in memory.
 * Cells with neither a value nor a formula (styled blanks) are skipped: they hold nothing to compare. After
 * the last cell, {@link #mergedRegions()} reads the rest of the part.
 */
final class SheetCells implements AutoCloseable {

    /** What a cell holds; a number with a date format is a date. */
    enum Kind { NUMBER, DATE, TEXT, BOOLEAN, ERROR, FORMULA }

    /**
     * One cell: numbers and dates as the part writes them (compared as doubles), a formula as its text (its
     * cached result, if any, is not kept). {@code ignored}: a value cell in a row labelled with one of the
     * ignored labels.
     */
    record Cell(int row, int column, Kind kind, String value, boolean ignored) {

        String address() {
            return new CellReference(row, column).formatAsString();
        }

        boolean sameAs(Cell other) {
            if (kind != other.kind) {
                return false;
            }
            if (kind == Kind.NUMBER || kind == Kind.DATE) {
                return Double.compare(Double.parseDouble(value), Double.parseDouble(other.value)) == 0;
            }
            return value.equals(other.value);
        }

        String shown() {
            return switch (kind) {
                case NUMBER -> value + " (number)";
                case DATE -> DateUtil.getLocalDateTime(Double.parseDouble(value)) + " (date " + value + ")";
                case TEXT -> Differences.quoted(value) + " (text)";
                case BOOLEAN -> value + " (boolean)";
                case ERROR -> value + " (error)";
                case FORMULA -> "=" + value + " (formula)";
            };
        }

        /** Row-major order, the order a worksheet part holds its cells in. */
        int compareTo(Cell other) {
            return row != other.row ? Integer.compare(row, other.row) : Integer.compare(column, other.column);
        }
    }

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final InputStream in;
    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final Set<String> ignoredRowLabels;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private int row = -1;
    private int column = -1;
    private boolean rowIgnored;
    private boolean cellsDone;
    private long count;

    /**
     * @param ignoredRowLabels texts that, in a row's first column, make the other cells of that row
     *                         {@link Cell#ignored() ignored} (the time a report was generated)
     */
    SheetCells(InputStream in, SharedStrings strings, StylesTable styles, Set<String> ignoredRowLabels)
            throws IOException {
        this.in = in;
        this.strings = strings;
        this.styles = styles;
        this.ignoredRowLabels = ignoredRowLabels;
        try {
            this.xml = XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new IOException("not a worksheet: " + e.getMessage(), e);
        }
    }

    /** The next cell that holds something, or null after the last. */
    Cell next() throws IOException {
        try {
            while (!cellsDone && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                    cellsDone = true;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> startRow();
                        case "c" -> {
                            Cell cell = cell();
                            if (cell != null) {
                                count++;
                                return cell;
                            }
                        }
                        default -> { }
                    }
                }
            }
            cellsDone = true;
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("cannot be read after row " + (row + 1) + ": " + e.getMessage(), e);
        }
    }

    /** How many cells {@link #next()} returned. */
    long count() {
        return count;
    }

    /** The merged regions ({@code B3:C3}), in the part's order; reads the cells that are left first. */
    List<String> mergedRegions() throws IOException {
        while (next() != null) {
            // the cells are of no interest here
        }
        List<String> regions = new ArrayList<>();
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mergeCell")) {
                    regions.add(xml.getAttributeValue(null, "ref"));
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot be read after its cells: " + e.getMessage(), e);
        }
        return regions;
    }

    private void startRow() {
        String r = xml.getAttributeValue(null, "r");
        row = r == null ? row + 1 : Integer.parseInt(r) - 1;
        column = -1;
        rowIgnored = false;
    }

    /** Reads a {@code <c>} element to its end; null when it holds neither a value nor a formula. */
    private Cell cell() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        if (r != null) {
            CellReference reference = new CellReference(r);
            row = reference.getRow();
            column = reference.getCol();
        } else {
            column++;
        }
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        String formula = null;
        String inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "f" -> formula = formula();
                    case "is" -> inline = inlineText();
                    default -> { }
                }
            }
        }
        Cell cell = cell(type, style, value, formula, inline);
        if (cell != null && cell.column() == 0 && cell.kind() == Kind.TEXT
                && ignoredRowLabels.contains(cell.value())) {
            rowIgnored = true;
        }
        return cell;
    }

    private Cell cell(String type, String style, String value, String formula, String inline) {
        boolean ignored = rowIgnored && column > 0;
        if (formula != null) {
            return new Cell(row, column, Kind.FORMULA, formula, ignored);
        }
        if (inline != null) {
            return new Cell(row, column, Kind.TEXT, inline, ignored);
        }
        if (value == null) {
            return null;
        }
        String t = type == null ? "n" : type;
        return switch (t) {
            case "n" -> new Cell(row, column, isDate(style) ? Kind.DATE : Kind.NUMBER, value.strip(), ignored);
            case "s" -> new Cell(row, column, Kind.TEXT,
                    strings.getItemAt(Integer.parseInt(value.strip())).getString(), ignored);
            case "b" -> new Cell(row, column, Kind.BOOLEAN, "1".equals(value.strip()) ? "TRUE" : "FALSE", ignored);
            case "e" -> new Cell(row, column, Kind.ERROR, value, ignored);
            default -> new Cell(row, column, Kind.TEXT, value, ignored);
        };
    }

    /** A formula's text; a cell that shares another's formula says which one it shares. */
    private String formula() throws XMLStreamException {
        String shared = "shared".equals(xml.getAttributeValue(null, "t")) ? xml.getAttributeValue(null, "si") : null;
        String text = xml.getElementText();
        return text.isEmpty() && shared != null ? "(shared formula " + shared + ")" : text;
    }

    /** The text of an inline string: its runs joined, phonetic hints left out. */
    private String inlineText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic++;
                } else if (xml.getLocalName().equals("t") && phonetic == 0) {
                    text.append(xml.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic--;
                } else if (xml.getLocalName().equals("is")) {
                    break;
                }
            }
        }
        return text.toString();
    }

    private boolean isDate(String style) {
        if (style == null || styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(Integer.parseInt(style), index -> {
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            return cellStyle != null
                    && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream below is closed all the same
        } finally {
            in.close();
        }
    }
}
