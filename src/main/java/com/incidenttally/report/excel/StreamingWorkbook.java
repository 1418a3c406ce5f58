package com.incidenttally.report.excel;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streamed workbook, with the two options it leaves to subclasses set for a big report: each
 * sheet's rows go to their temp file through {@link SheetDataFileWriter}, and the finished file is
 * zipped at a deflate level of our choosing. The XML inside is the same as POI's own, byte for byte.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    private final int deflateLevel;

    /**
     * @param rowWindow    rows kept in memory per sheet before they go to its temp file
     * @param deflateLevel the zip's compression, {@link java.util.zip.Deflater#BEST_SPEED} to
     *                     {@link java.util.zip.Deflater#BEST_COMPRESSION}, or
     *                     {@link java.util.zip.Deflater#DEFAULT_COMPRESSION}
     */
    StreamingWorkbook(int rowWindow, int deflateLevel) {
        super(rowWindow);
        if (deflateLevel < -1 || deflateLevel > 9) {
            throw new IllegalArgumentException("a deflate level is -1 or 0 to 9, not " + deflateLevel);
        }
        this.deflateLevel = deflateLevel;
        // Temp files stay uncompressed: gzip cost about a third of the time of a big Incidents
        // sheet. A million incidents need about a gigabyte free in java.io.tmpdir while writing.
        setCompressTempFiles(false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        if (isCompressTempFiles()) {
            return super.createSheetDataWriter();
        }
        return new SheetDataFileWriter(getSharedStringSource());
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(deflateLevel);
        return zip;
    }
}
