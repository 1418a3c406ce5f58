package com.incidenttally.report.excel;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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
        boolean[] ended = {false};
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            DirectDeflater deflated = new DirectDeflater(deflater, channel);
            // The encoder keeps half a surrogate pair cut off at a buffer's end for the next, and
            // writes a lone half as "?" when closed, as the plain temp file's writer did. Its close
            // ends the text, not the file.
            Writer encoder = new OutputStreamWriter(deflated, StandardCharsets.UTF_8);
            for (Chunk chunk = full.take(); chunk != END; chunk = full.take()) {
                encoder.write(chunk.chars(), 0, chunk.length());
                free.offer(chunk.chars());
            }
            ended[0] = true;
            encoder.close();
            // A sync flush: the data ends byte-aligned on an empty stored block, and is not the last.
            deflated.syncFlush();
            crc = deflated.crc();
            length = deflated.length();
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

    /**
     * Raw deflate into a file through direct buffers. A deflater handed Java arrays works on them
     * inside a JNI critical region, where no collection may run; this thread deflates all the time a
     * big sheet is written, so another thread that must collect to allocate kept finding the
     * collector held off, and JDK 17's G1 gives up after a few such waits with an out-of-memory
     * error although the heap could be freed. On direct buffers the deflater holds nothing of the heap.
     */
    static final class DirectDeflater extends OutputStream {

        private static final int BUFFER = 1 << 16;

        private final Deflater deflater;
        private final FileChannel channel;
        private final ByteBuffer input = ByteBuffer.allocateDirect(BUFFER);
        private final ByteBuffer output = ByteBuffer.allocateDirect(BUFFER);
        /** What the deflater is left with once it used the input up: the input buffer is filled again. */
        private final ByteBuffer none = ByteBuffer.allocateDirect(0);
        private final CRC32 checksum = new CRC32();
        private long length;

        DirectDeflater(Deflater deflater, FileChannel channel) {
            this.deflater = deflater;
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            if (!input.hasRemaining()) {
                deflateInput();
            }
            input.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            while (count > 0) {
                if (!input.hasRemaining()) {
                    deflateInput();
                }
                int part = Math.min(count, input.remaining());
                input.put(bytes, offset, part);
                offset += part;
                count -= part;
            }
        }

        /** Nothing: the encoder's flush and close end the text; {@link #syncFlush} ends the file. */
        @Override
        public void flush() {
        }

        /** Nothing: the file's channel belongs to whoever opened it. */
        @Override
        public void close() {
        }

        /** Deflates all that was written and ends it on a byte boundary, on an empty stored block. */
        void syncFlush() throws IOException {
            deflateInput();
            // With a sync flush, output that fills the buffer may not be all of it: ask again.
            boolean filled;
            do {
                deflater.deflate(output, Deflater.SYNC_FLUSH);
                filled = !output.hasRemaining();
                writeOutput();
            } while (filled);
        }

        long crc() {
            return checksum.getValue();
        }

        long length() {
            return length;
        }

        private void deflateInput() throws IOException {
            input.flip();
            length += input.remaining();
            checksum.update(input.duplicate());
            deflater.setInput(input);
            while (!deflater.needsInput()) {
                deflater.deflate(output, Deflater.NO_FLUSH);
                if (!output.hasRemaining()) {
                    writeOutput();
                }
            }
            deflater.setInput(none);
            input.clear();
        }

        private void writeOutput() throws IOException {
            output.flip();
            while (output.hasRemaining()) {
                channel.write(output);
            }
            output.clear();
        }
    }
}
