package com.incidenttally.report.excel;

import java.io.File;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's writer of a streamed sheet's rows, writing the same XML faster. POI's own writes every
 * character through a {@link java.io.BufferedWriter}, which takes a lock per character, and makes
 * an array per character it escapes; at a million incidents that was most of the report's time.
 * This one escapes runs of plain text at once into a buffer that takes no lock (a sheet is written
 * by one thread), hands it a buffer at a time to a second thread that encodes it to UTF-8 and
 * deflates it ({@link DeflatingSheetFile}), and makes each cell reference's column letters and each
 * style number once. {@code StreamingWorkbookTests} holds it to POI's bytes.
 */
final class SheetDataFileWriter extends SheetDataWriter {

    private static final int BUFFER_CHARS = 1 << 16;

    private final boolean sharedStrings;
    /** Column letters by index and style numbers by index, made once each rather than per cell. */
    private String[] columnNames = new String[32];
    private String[] styleNumbers = new String[64];
    private String rowNumber;

    /** @param deflateLevel the level the rows are deflated at, on a second thread, as they are written */
    SheetDataFileWriter(SharedStringsTable sharedStrings, int deflateLevel) throws IOException {
        super(sharedStrings);
        this.sharedStrings = sharedStrings != null;
        rows().start(deflateLevel);
    }

    /** The temp file, deflated as it is written (set up by POI's constructor through {@link #createWriter}). */
    private DeflatingSheetFile rows() {
        return (DeflatingSheetFile) ((UnsynchronizedWriter) _out).out;
    }

    /**
     * The rows' XML, deflated: {@link SplicingZipOutputStream} puts the file into the zip as it is.
     * Read as a stream, it gives the XML, as POI's plain temp file would.
     */
    @Override
    public InputStream getWorksheetXMLInputStream() throws IOException {
        return new DeflatedRows(rows());
    }

    @Override
    public void writeRow(int rownum, SXSSFRow row) throws IOException {
        rowNumber = Integer.toString(rownum + 1);
        super.writeRow(rownum, row);
    }

    /**
     * A cell as POI's {@code SheetDataWriter.writeCell} writes it, for the kinds this report
     * writes (text inline, numbers and dates, blanks, booleans); POI itself writes any other kind.
     * POI builds a new reference string and number strings for every cell.
     */
    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null) {
            return;
        }
        CellType type = cell.getCellType();
        if (sharedStrings || !(type == CellType.STRING || type == CellType.NUMERIC || type == CellType.BLANK
                || type == CellType.BOOLEAN)) {
            super.writeCell(columnIndex, cell);
            return;
        }
        _out.write("<c r=\"");
        _out.write(columnName(columnIndex));
        _out.write(rowNumber);
        _out.write('"');
        int style = cell.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            _out.write(" s=\"");
            _out.write(styleNumber(style));
            _out.write('"');
        }
        switch (type) {
            case BLANK -> _out.write('>');
            case STRING -> {
                String value = cell.getStringCellValue();
                _out.write(" t=\"inlineStr\"><is><t");
                if (hasLeadingOrTrailingSpace(value)) {
                    _out.write(" xml:space=\"preserve\"");
                }
                _out.write('>');
                outputEscapedString(value);
                _out.write("</t></is>");
            }
            case NUMERIC -> {
                _out.write(" t=\"n\"><v>");
                _out.write(Double.toString(cell.getNumericCellValue()));
                _out.write("</v>");
            }
            default -> {
                _out.write(" t=\"b\"><v>");
                _out.write(cell.getBooleanCellValue() ? "1" : "0");
                _out.write("</v>");
            }
        }
        _out.write("</c>");
    }

    private String columnName(int column) {
        if (column >= columnNames.length) {
            columnNames = java.util.Arrays.copyOf(columnNames, Math.max(column + 1, columnNames.length * 2));
        }
        String name = columnNames[column];
        if (name == null) {
            name = CellReference.convertNumToColString(column);
            columnNames[column] = name;
        }
        return name;
    }

    private String styleNumber(int style) {
        if (style >= styleNumbers.length) {
            styleNumbers = java.util.Arrays.copyOf(styleNumbers, Math.max(style + 1, styleNumbers.length * 2));
        }
        String number = styleNumbers[style];
        if (number == null) {
            number = Integer.toString(style);
            styleNumbers[style] = number;
        }
        return number;
    }

    /** POI's rule for keeping a text's outer spaces ({@code xml:space="preserve"}). */
    private static boolean hasLeadingOrTrailingSpace(String value) {
        return value != null && !value.isEmpty()
                && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1)));
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        return new UnsynchronizedWriter(new DeflatingSheetFile(file));
    }

    /**
     * The escaping of POI's {@code SheetDataWriter.outputEscapedString}, character for character:
     * markup and line breaks as entities, a no-break space as {@code &#xa0;}, other control
     * characters and U+FFFE/U+FFFF as {@code ?}. Surrogates are neither escaped nor replaced there,
     * so a pair (or a lone half) is copied as it is here too.
     */
    @Override
    protected void outputEscapedString(String s) throws IOException {
        if (s == null) {
            return;
        }
        int length = s.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            String escaped = escape(c);
            if (escaped != null) {
                if (i > plain) {
                    _out.write(s, plain, i - plain);
                }
                _out.write(escaped);
                plain = i + 1;
            }
        }
        if (length > plain) {
            _out.write(s, plain, length - plain);
        }
    }

    /** What a character becomes in the sheet's XML, or null when it goes as it is. */
    private static String escape(char c) {
        if (c > '>' && c != '\u00A0' && c < '\uFFFE') {
            return null;
        }
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\n' -> "&#xa;";
            case '\r' -> "&#xd;";
            case '\t' -> "&#x9;";
            case '\u00A0' -> "&#xa0;";
            // XmlBeans turns these into question marks too: they cannot be in an XML file.
            default -> c < ' ' || c >= '\uFFFE' ? "?" : null;
        };
    }

    /**
     * A buffer in front of a writer, for one thread: {@link java.io.BufferedWriter} locks on every
     * call, which at one call per character costs more than the writing.
     */
    static final class UnsynchronizedWriter extends Writer {

        private final Writer out;
        private final char[] buffer = new char[BUFFER_CHARS];
        private int used;
        private boolean closed;

        UnsynchronizedWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (char) c;
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            while (length > 0) {
                if (used == buffer.length) {
                    drain();
                }
                int n = Math.min(length, buffer.length - used);
                s.getChars(offset, offset + n, buffer, used);
                used += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            while (length > 0) {
                if (used == buffer.length) {
                    drain();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(chars, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void drain() throws IOException {
            if (closed) {
                throw new IOException("sheet data writer closed");
            }
            if (used > 0) {
                // The encoder keeps a high surrogate cut off at the end for the next call.
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        /**
         * Drains and closes once: POI closes a sheet's writer when it has written the sheet and
         * again when it disposes of the workbook, and the second close must not drain into the
         * stream the first one closed (nor a close after a failed write drain what never fit).
         */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            try {
                drain();
            } finally {
                closed = true;
                used = 0;
                out.close();
            }
        }
    }

    /**
     * A sheet's deflated rows, which the zip takes as they are ({@link #rows()}); read, they inflate.
     * The file ends on a flush point, so reading appends an empty last block (fixed codes: bits 1, 01,
     * end of block).
     */
    static final class DeflatedRows extends FilterInputStream {

        private static final byte[] LAST_BLOCK = {0x03, 0x00};

        private final DeflatingSheetFile rows;

        DeflatedRows(DeflatingSheetFile rows) {
            super(null);
            this.rows = rows;
        }

        DeflatingSheetFile rows() {
            return rows;
        }

        private InputStream opened() throws IOException {
            if (in == null) {
                in = new InflaterInputStream(new SequenceInputStream(new FileInputStream(rows.file()),
                        new ByteArrayInputStream(LAST_BLOCK)), new Inflater(true), 1 << 16);
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return opened().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return opened().read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            return opened().skip(n);
        }

        @Override
        public int available() throws IOException {
            return opened().available();
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
