package com.incidenttally.report.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The workbook's zip, into which a streamed sheet's rows go already deflated. POI writes each
 * entry here as usual; an entry is held until it is closed, and when a sheet's rows were
 * {@linkplain #splice spliced} into it, it is written as one raw deflated entry: the XML before the
 * rows deflated up to a flush point, the rows' {@link DeflatingSheetFile} as it is, and the XML
 * after them deflated to the end. A deflate stream may be cut at flush points and its parts
 * deflated apart, since no part refers back into another; the entry's CRC-32 is the three parts'
 * combined.
 */
final class SplicingZipOutputStream extends ZipArchiveOutputStream {

    private final int level;
    private ZipArchiveEntry held;
    private final ByteArrayOutputStream heldBytes = new ByteArrayOutputStream();
    private DeflatingSheetFile rows;
    private int rowsAt;

    SplicingZipOutputStream(OutputStream out, int level) {
        super(out);
        this.level = level;
        setLevel(level);
    }

    @Override
    public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
        if (held != null) {
            throw new IOException("an entry is open: " + held.getName());
        }
        held = entry;
        heldBytes.reset();
        rows = null;
    }

    @Override
    public void write(byte[] b, int offset, int length) throws IOException {
        if (held == null) {
            super.write(b, offset, length);
        } else {
            heldBytes.write(b, offset, length);
        }
    }

    /** The rows of the open entry's sheet, here, between what was written so far and what follows. */
    void splice(DeflatingSheetFile sheetRows) throws IOException {
        if (held == null || rows != null) {
            throw new IOException("no sheet entry to put rows into");
        }
        rows = sheetRows;
        rowsAt = heldBytes.size();
    }

    @Override
    public void closeArchiveEntry() throws IOException {
        if (held == null) {
            super.closeArchiveEntry();
            return;
        }
        ZipArchiveEntry entry = held;
        held = null;
        byte[] bytes = heldBytes.toByteArray();
        heldBytes.reset();
        if (rows == null) {
            super.putArchiveEntry(entry);
            super.write(bytes, 0, bytes.length);
            super.closeArchiveEntry();
            return;
        }
        DeflatingSheetFile sheetRows = rows;
        rows = null;
        byte[] before = deflate(bytes, 0, rowsAt, false);
        byte[] after = deflate(bytes, rowsAt, bytes.length - rowsAt, true);
        long crc = crc(bytes, 0, rowsAt);
        crc = combine(crc, sheetRows.crc(), sheetRows.length());
        crc = combine(crc, crc(bytes, rowsAt, bytes.length - rowsAt), bytes.length - rowsAt);
        ZipArchiveEntry raw = new ZipArchiveEntry(entry.getName());
        raw.setTime(entry.getTime());
        raw.setMethod(ZipEntry.DEFLATED);
        raw.setSize(bytes.length + sheetRows.length());
        raw.setCompressedSize(before.length + sheetRows.file().length() + after.length);
        raw.setCrc(crc);
        try (InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(before), new FileInputStream(sheetRows.file()),
                new ByteArrayInputStream(after))))) {
            addRawArchiveEntry(raw, in);
        }
    }

    /** Raw deflate of a part: to a flush point, or to the end with the last block. */
    private byte[] deflate(byte[] bytes, int offset, int length, boolean last) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(bytes, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
            byte[] buffer = new byte[8192];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /**
     * The CRC-32 of two byte strings one after the other, from each one's CRC and the second's
     * length: zlib's {@code crc32_combine}, which the JDK does not offer.
     */
    static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        // The operator for one zero bit.
        odd[0] = 0xEDB88320L;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four
        long crc = crc1;
        long length = length2;
        // Applies length zero bytes to crc1, squaring the operator for each bit of the length.
        do {
            square(even, odd);
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>>= 1;
        } while (length != 0);
        return crc ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
