package com.incidenttally.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.incidenttally.bench.SheetCells.Cell;
import com.incidenttally.report.Language;
import com.incidenttally.report.ReportTexts;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;

/**
 * Compares two incident workbooks without loading either: the sheets by name and in order, every cell of
 * every sheet (kind and value; numbers exactly; formulas as formulas), merged regions, and the defined
 * names (print areas, print titles, filters). Each pair of sheets is streamed side by side with POI's
 * {@link XSSFReader} and a StAX pull parser, so memory does not grow with the Incidents sheet.
 * <p>
 * Not compared, because each run writes its own: the Run info sheet (step timings, wall time, when the
 * files were loaded) apart from its place in the sheet order, and the value cells of Summary's
 * "Generated at" row, found by that label in either language. Styles, column widths, the native charts'
 * drawing parts and the PNG pictures on Summary are not compared either; the PNGs are compared as files.
 */
final class WorkbookDiff {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final String file;
    private final Differences differences;
    private final Set<String> runInfoSheets = texts("sheet.runInfo");
    private final Set<String> summarySheets = texts("sheet.summary");
    private final Set<String> generatedAtLabels = texts("generatedAt");
    private long cells;

    WorkbookDiff(String file, Differences differences) {
        this.file = file;
        this.differences = differences;
    }

    /** A text of the report in every language it is written in. */
    private static Set<String> texts(String key) {
        return Arrays.stream(Language.values()).map(language -> ReportTexts.of(language).text(key))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How many cells were compared (those of the before workbook that were read). */
    long cells() {
        return cells;
    }

    void compare(Path before, Path after) throws IOException {
        try (Workbook a = Workbook.open(before); Workbook b = Workbook.open(after)) {
            List<String> namesBefore = a.sheetNames();
            List<String> namesAfter = b.sheetNames();
            if (!namesBefore.equals(namesAfter)) {
                differences.add(file, "sheets", namesBefore.toString(), namesAfter.toString());
            }
            compareDefinedNames(a, b);
            for (String sheet : namesBefore) {
                if (runInfoSheets.contains(sheet) || !namesAfter.contains(sheet)) {
                    continue;
                }
                compareSheet(sheet, a, b);
            }
        }
    }

    private void compareDefinedNames(Workbook a, Workbook b) {
        Map<String, String> before = a.definedNames(runInfoSheets);
        Map<String, String> after = b.definedNames(runInfoSheets);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String x = before.get(key);
            String y = after.get(key);
            if (!Objects.equals(x, y)) {
                differences.add(file, key, x == null ? Differences.NONE : x, y == null ? Differences.NONE : y);
            }
        }
    }

    private void compareSheet(String sheet, Workbook a, Workbook b) throws IOException {
        Set<String> labels = summarySheets.contains(sheet) ? generatedAtLabels : Set.of();
        try (SheetCells x = a.cells(sheet, labels); SheetCells y = b.cells(sheet, labels)) {
            Cell before = x.next();
            Cell after = y.next();
            while (before != null || after != null) {
                int order = before == null ? 1 : after == null ? -1 : before.compareTo(after);
                if (order < 0) {
                    if (!before.ignored()) {
                        differences.add(file, sheet + "!" + before.address(), before.shown(), Differences.NONE);
                    }
                    before = x.next();
                } else if (order > 0) {
                    if (!after.ignored()) {
                        differences.add(file, sheet + "!" + after.address(), Differences.NONE, after.shown());
                    }
                    after = y.next();
                } else {
                    if (!before.ignored() && !after.ignored() && !before.sameAs(after)) {
                        differences.add(file, sheet + "!" + before.address(), before.shown(), after.shown());
                    }
                    before = x.next();
                    after = y.next();
                }
            }
            cells += x.count();
            List<String> mergedBefore = x.mergedRegions();
            List<String> mergedAfter = y.mergedRegions();
            for (String region : mergedBefore) {
                if (!mergedAfter.contains(region)) {
                    differences.add(file, sheet + " merged region " + region, "merged", Differences.NONE);
                }
            }
            for (String region : mergedAfter) {
                if (!mergedBefore.contains(region)) {
                    differences.add(file, sheet + " merged region " + region, Differences.NONE, "merged");
                }
            }
        } catch (IOException e) {
            throw new IOException("sheet " + sheet + ": " + e.getMessage(), e);
        }
    }

    /** One workbook opened for streaming: its package, sheet parts, shared strings and styles. */
    private record Workbook(OPCPackage pkg, XSSFReader reader, Map<String, PackagePart> sheets,
                            SharedStrings strings, StylesTable styles) implements AutoCloseable {

        static Workbook open(Path xlsx) throws IOException {
            OPCPackage pkg;
            try {
                pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
            } catch (OpenXML4JException | RuntimeException e) {
                throw new IOException("not a workbook: " + e.getMessage(), e);
            }
            try {
                XSSFReader reader = new XSSFReader(pkg);
                Map<String, PackagePart> sheets = new LinkedHashMap<>();
                XSSFReader.SheetIterator iterator = reader.getSheetIterator();
                while (iterator.hasNext()) {
                    try (InputStream ignored = iterator.next()) {
                        sheets.put(iterator.getSheetName(), iterator.getSheetPart());
                    }
                }
                return new Workbook(pkg, reader, sheets, reader.getSharedStringsTable(), reader.getStylesTable());
            } catch (OpenXML4JException | IOException | RuntimeException e) {
                pkg.revert();
                throw new IOException("not a workbook: " + e.getMessage(), e);
            }
        }

        List<String> sheetNames() {
            return new ArrayList<>(sheets.keySet());
        }

        SheetCells cells(String sheet, Set<String> ignoredRowLabels) throws IOException {
            return new SheetCells(sheets.get(sheet).getInputStream(), strings, styles, ignoredRowLabels);
        }

        /**
         * Defined names ({@code _xlnm.Print_Area of Summary} → {@code Summary!$A$1:$H$40}), but those of the
         * sheets left out.
         */
        Map<String, String> definedNames(Set<String> leftOut) {
            List<String> order = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            try (InputStream in = reader.getWorkbookData()) {
                XMLStreamReader xml = XML.createXMLStreamReader(in);
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (xml.getLocalName().equals("sheet")) {
                        order.add(xml.getAttributeValue(null, "name"));
                    } else if (xml.getLocalName().equals("definedName")) {
                        String name = xml.getAttributeValue(null, "name");
                        String local = xml.getAttributeValue(null, "localSheetId");
                        String sheet = local == null ? null : order.get(Integer.parseInt(local));
                        String text = xml.getElementText();
                        if (sheet == null || !leftOut.contains(sheet)) {
                            names.put(sheet == null ? name : name + " of " + sheet, text);
                        }
                    }
                }
                xml.close();
            } catch (IOException | OpenXML4JException | XMLStreamException e) {
                names.put("(workbook part)", "cannot be read: " + e.getMessage());
            }
            return names;
        }

        @Override
        public void close() {
            pkg.revert();
        }
    }
}
