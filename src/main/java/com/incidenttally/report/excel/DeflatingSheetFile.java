package com.incidenttally.report.excel;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A streamed sheet's temp file, deflated on a second thread while the sheet is written: the rows'
 * text is handed over a buffer at a time, and that thread encodes it to UTF-8 and deflates it, raw
 * (no zlib header), into the file. The file ends on a flush point rather than a last block, so the
 * zip entry of the sheet is the deflated XML before its rows, this file as it is, and the deflated
 * XML after them ({@link SplicingZipOutputStream}): the rows are deflated once, on the other core,
 * instead of written out plain and deflated again when the workbook is zipped.
 */
final class DeflatingSheetFile extends Writer {

    /** What the other thread is handed at most before the writer waits for it. */
    private static final int QUEUED_BUFFERS = 4;
    private static final Chunk END = new Chunk(new char[0], 0);

    private record Chunk(char[] chars, int length) {
    }

    private final File file;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(QUEUED_BUFFERS);
    private final BlockingQueue<char[]> free = new ArrayBlockingQueue<>(QUEUED_BUFFERS + 1);
    private Thread deflating;
    private volatile IOException failure;
    private boolean closed;
    /** The XML's CRC-32 and length in bytes, once closed. */
    private long crc;
    private long length;

    DeflatingSheetFile(File file) {
        this.file = file;
    }

    /** Starts the thread that deflates at {@code level}; before anything is written. */
    void start(int level) {
        if (deflating != null) {
            throw new IllegalStateException("started already");
        }
        deflating = new Thread(() -> deflate(level), "sheet zip");
        deflating.setDaemon(true);
        deflating.start();
    }

    @Override
    public void write(char[] chars, int offset, int count) throws IOException {
        if (closed) {
            throw new IOException("sheet file closed");
        }
        check();
        if (count == 0) {
            return;
        }
        char[] buffer = free.poll();
        if (buffer == null || buffer.length < count) {
            buffer = new char[Math.max(count, 1 << 16)];
        }
        System.arraycopy(chars, offset, buffer, 0, count);
        hand(new Chunk(buffer, count));
    }

    /** Nothing to flush: nobody reads the file before it is closed. */
    @Override
    public void flush() throws IOException {
        check();
    }

    /** Waits for the other thread to deflate what it was handed and end the file on a flush point. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (deflating == null) {
            // Never started (a failed start): nothing was written.
            return;
        }
        hand(END);
        try {
            deflating.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a sheet was deflated");
        }
        check();
    }

    /** The deflated file, ending on a flush point: no last block. */
    File file() {
        return file;
    }

    long crc() {
        return crc;
    }

    long length() {
        return length;
    }

    private void hand(Chunk chunk) throws IOException {
        try {
            full.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a sheet was written");
        }
    }

    private void check() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException("could not write the sheet's temp file " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** The other thread: encodes and deflates each buffer until the end; after a failure only takes them. */
    private void deflate(int level) {
        Deflater deflater = new Deflater(level, true);
        CRC32 checksum = new CRC32();
        long[] bytes = {0};
        boolean[] ended = {false};
        try (FileOutputStream out = new FileOutputStream(file)) {
            DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 1 << 16, true);
            OutputStream counted = new FilterOutputStream(deflated) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    checksum.update(b, off, len);
                    bytes[0] += len;
                    deflated.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                /** The encoder's close ends the text, not the file. */
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            // The encoder keeps half a surrogate pair cut off at a buffer's end for the next, and
            // writes a lone half as "?" when closed, as the plain temp file's writer did.
            Writer encoder = new OutputStreamWriter(counted, StandardCharsets.UTF_8);
            for (Chunk chunk = full.take(); chunk != END; chunk = full.take()) {
                encoder.write(chunk.chars(), 0, chunk.length());
                free.offer(chunk.chars());
            }
            ended[0] = true;
            encoder.close();
            // A sync flush: the data ends byte-aligned on an empty stored block, and is not the last.
            deflated.flush();
            crc = checksum.getValue();
            length = bytes[0];
        } catch (IOException e) {
            failure = e;
            drain(ended[0]);
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("interrupted while a sheet was deflated");
        } catch (RuntimeException | Error e) {
            failure = new IOException(e);
            drain(ended[0]);
            throw e;
        } finally {
            deflater.end();
        }
    }

    /** After a failure: takes what the writer still hands over, up to the end, so it never waits. */
    private void drain(boolean ended) {
        if (ended) {
            return;
        }
        try {
            while (full.take() != END) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
