package com.incidenttally.ingest;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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
    record SheetRow(long number, List<String> cells, String problem) {

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
        String problem = null;
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
            int column = ref == null ? nextColumn : new CellReference(ref).getCol();
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
            if (formula && value == null) {
                text = null;
                if (problem == null) {
                    problem = "the formula in " + CellReference.convertNumToColString(column) + number
                            + " has no saved result (the workbook was written by a program that does not calculate):"
                            + " open it in Excel or LibreOffice and save it again";
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

    /**
     * The merged ranges of a sheet. Excel writes them after the rows, so they are read in a pass
     * of their own before the rows are.
     */
    static List<CellRangeAddress> mergedRegions(InputStream in) throws IOException {
        List<CellRangeAddress> regions = new ArrayList<>();
        try (in) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
                        String ref = xml.getAttributeValue(null, "ref");
                        if (ref != null && ref.contains(":")) {
                            regions.add(CellRangeAddress.valueOf(ref.strip()));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("the sheet's XML is damaged: " + e.getMessage(), e);
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
