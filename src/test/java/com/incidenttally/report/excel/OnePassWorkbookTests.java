package com.incidenttally.report.excel;

import com.incidenttally.report.ReportFixtures;
import com.incidenttally.tally.ReportData;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workbook is written from the finished report: the charts are set drawing first, Incidents and
 * the merges of Data quality stream from the report's listings, each read once, and the sheets still
 * read in order.
 */
class OnePassWorkbookTests {

    @TempDir
    Path dir;

    /** The fixture's report, noting each listing it hands over, in order. */
    private static ReportData counting(ReportData data, List<String> listed) {
        return (ReportData) Proxy.newProxyInstance(ReportData.class.getClassLoader(), new Class<?>[] {ReportData.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("incidents") || method.getName().equals("mergeNotes")) {
                        listed.add(method.getName());
                    }
                    return method.invoke(data, args);
                });
    }

    @Test
    void theChartsAreSetDrawingBeforeTheListingsAreReadEachOnce() throws Exception {
        ReportFixtures.Data data = ReportFixtures.seventyNights();
        List<String> listed = new ArrayList<>();
        AtomicInteger listedWhenDrawn = new AtomicInteger(-1);
        Path xlsx = dir.resolve("report.xlsx");

        new IncidentWorkbookWriter().write(counting(data, listed), () -> {
            listedWhenDrawn.set(listed.size());
            return CompletableFuture.completedFuture(List.of());
        }, xlsx);

        assertThat(listed).containsExactly("incidents", "mergeNotes");
        assertThat(listedWhenDrawn).as("the charts are drawn while the listings are written").hasValue(0);
        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile())) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Summary", "Map", "By region", "By district", "By night", "Region x night",
                    "Incidents", "Data quality", "Sources", "Run info");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(((XSSFWorkbook) workbook).getSheetAt(0).isSelected()).isTrue();
            for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
                assertThat(workbook.getSheetAt(i).isSelected()).as(names.get(i)).isFalse();
            }
            // Print titles and areas follow their sheets when the sheets are put in order.
            assertThat(workbook.getPrintArea(names.indexOf("Data quality"))).startsWith("'Data quality'!");
            assertThat(workbook.getPrintArea(names.indexOf("Summary"))).startsWith("Summary!");
            assertThat(workbook.getSheet("Incidents").getRepeatingRows()).isNotNull();
            assertThat(workbook.getSheet("Incidents").getLastRowNum()).isEqualTo(data.incidentList().size());
        }
    }

    @Test
    void aFailingChartFailsTheWorkbookWithItsOwnMessage() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();

        assertThatThrownBy(() -> new IncidentWorkbookWriter().write(data,
                        () -> CompletableFuture.failedFuture(new java.io.IOException("disk full while drawing")),
                        dir.resolve("report.xlsx")))
                .isInstanceOf(java.io.IOException.class).hasMessage("disk full while drawing");
    }

    @Test
    void aFailedWriteLeavesNoSheetToDisposeOfNoisily() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();
        ch.qos.logback.classic.Logger poi = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.apache.poi.xssf.streaming.SXSSFWorkbook.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        poi.addAppender(events);
        try {
            assertThatThrownBy(() -> new IncidentWorkbookWriter().write(data,
                    () -> CompletableFuture.failedFuture(new java.io.IOException("disk full while drawing")),
                    dir.resolve("report.xlsx"))).hasMessage("disk full while drawing");
        } finally {
            poi.detachAppender(events);
        }

        // Each sheet's rows were disposed of before its writer closed: no "Failed to dispose sheet".
        assertThat(events.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("dispose"));
    }

    @Test
    void aSheetWriterClosedTwiceDrainsOnceAndRefusesLaterWrites() throws Exception {
        java.io.StringWriter target = new java.io.StringWriter();
        SheetDataFileWriter.UnsynchronizedWriter writer = new SheetDataFileWriter.UnsynchronizedWriter(target);
        writer.write("<row/>");
        writer.close();
        writer.close();

        assertThat(target.toString()).isEqualTo("<row/>");
        writer.write("late");
        assertThatThrownBy(writer::flush).isInstanceOf(java.io.IOException.class);
    }
}
