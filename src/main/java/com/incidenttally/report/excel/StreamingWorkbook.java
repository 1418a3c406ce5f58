package com.incidenttally.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streamed workbook, with the options it leaves to subclasses set for a big report: each
 * sheet's rows go to their temp file through {@link SheetDataFileWriter}, deflated there on a second
 * thread as they are written (at a deflate level of our choosing), and the workbook's zip takes that
 * file as the middle of the sheet's entry ({@link SplicingZipOutputStream}) instead of deflating the
 * rows again once every sheet is written. The XML inside is the same as POI's own, byte for byte.
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
        // Not POI's gzipped temp files (gzip, then gunzip and deflate again when zipping, cost about a
        // third of the time of a big Incidents sheet): ours are deflated once, as the zip needs them.
        // A million rows' sheets take about 90 MB in the temp folder while writing, not 700 MB.
        setCompressTempFiles(false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        if (isCompressTempFiles()) {
            return super.createSheetDataWriter();
        }
        return new SheetDataFileWriter(getSharedStringSource(), deflateLevel);
    }

    /** A sheet's rows go into its zip entry deflated already, on the second core while they were written. */
    @Override
    protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
        return out -> {
            try (InputStream rows = sheet.getWorksheetXMLInputStream()) {
                if (rows instanceof SheetDataFileWriter.DeflatedRows deflated && out instanceof SplicingZipOutputStream zip) {
                    zip.splice(deflated.rows());
                } else {
                    rows.transferTo(out);
                }
            }
        };
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        // Zip64 records only where a size needs them: POI's own default (Always) is written by a zip
        // writer of its own that takes no raw entry, and LibreOffice refuses Zip64 extra fields on
        // every entry as commons-compress writes them.
        SplicingZipOutputStream zip = new SplicingZipOutputStream(out, deflateLevel);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        return zip;
    }
}
