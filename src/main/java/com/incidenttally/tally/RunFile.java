package com.incidenttally.tally;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Values written once, in order, to a file of the work folder, a block at a time, and read back as
 * often as needed: a sorted run of an {@link ExternalSort}, or a listing too long to hold. A block
 * is encoded in memory and written after its length in bytes; each reader reads and decodes one
 * block at a time. {@link #close} deletes the file.
 */
public final class RunFile<T> implements AutoCloseable {

    /** Writes and reads a block of values. */
    public interface BlockCodec<T> {
        void write(DataOutputStream out, List<T> block) throws IOException;

        List<T> read(DataInputStream in) throws IOException;

        /** What a file cut short ends inside of, for its message. */
        String unit();
    }

    /** Blocks of values written one by one by {@code codec}, each block prefixed by its count. */
    public static <T> BlockCodec<T> eachOf(ExternalSort.Codec<T> codec) {
        return new BlockCodec<>() {
            @Override
            public void write(DataOutputStream out, List<T> block) throws IOException {
                out.writeInt(block.size());
                for (T value : block) {
                    codec.write(out, value);
                }
            }

            @Override
            public List<T> read(DataInputStream in) throws IOException {
                int count = in.readInt();
                List<T> block = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    block.add(codec.read(in));
                }
                return block;
            }

            @Override
            public String unit() {
                return "a value";
            }
        };
    }

    private final BlockCodec<T> codec;
    private final String what;
    private final Path file;
    private OutputStream out;
    /** A block is encoded here first, then written to the file in one piece after its length; until finished. */
    private Bytes encoded = new Bytes();
    private DataOutputStream encoder = new DataOutputStream(encoded);
    private long blocks;

    /**
     * Creates the file in {@code folder}, named from {@code prefix}; {@code what} names its content in
     * messages ("the report's listing").
     */
    public RunFile(Path folder, String prefix, BlockCodec<T> codec, String what) {
        this.codec = codec;
        this.what = what;
        try {
            this.file = Files.createTempFile(folder, prefix, ".bin");
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** Appends the values as one block; only before {@link #finish}. */
    public void write(List<T> block) {
        if (out == null) {
            throw new IllegalStateException(what + " is finished");
        }
        if (block.isEmpty()) {
            return;
        }
        try {
            encoded.reset();
            codec.write(encoder, block);
            encoder.flush();
            int length = encoded.length();
            out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
            out.write(encoded.bytes(), 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
        }
        blocks++;
    }

    /** Nothing more is written: the file may be read. */
    public RunFile<T> finish() {
        // A sort may hold many finished runs: none keeps a buffer.
        encoded = null;
        encoder = null;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
            } finally {
                out = null;
            }
        }
        return this;
    }

    /** A new reader from the first value; close it if it is left before its end. */
    public Reader read() {
        if (out != null) {
            throw new IllegalStateException(what + " is not finished");
        }
        return new Reader();
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } catch (IOException e) {
            // Deleted below all the same.
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The work folder's removal tries again.
        }
    }

    /** The values in the order written, one block decoded at a time. */
    public final class Reader implements Iterator<T>, AutoCloseable {
        private final DataInputStream in;
        private final Bytes.Reading encoded = new Bytes.Reading();
        private final DataInputStream decoder = new DataInputStream(encoded);
        private long left = blocks;
        private List<T> block = List.of();
        private int next;

        private Reader() {
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + what + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            while (next == block.size()) {
                if (left == 0) {
                    close();
                    return false;
                }
                try {
                    encoded.fill(in, in.readInt());
                    block = codec.read(decoder);
                    if (encoded.available() != 0) {
                        throw new IOException(file.getFileName() + " has a block longer than its values");
                    }
                    encoded.release();
                } catch (EOFException e) {
                    close();
                    throw new UncheckedIOException(file.getFileName() + " ends inside " + codec.unit(), e);
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException("cannot read " + what + ": " + e.getMessage(), e);
                }
                left--;
                next = 0;
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return block.get(next++);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Only read.
            }
        }
    }

    /**
     * A growing byte array written without the locks of {@link java.io.ByteArrayOutputStream}, whose
     * every byte written through a {@link DataOutputStream} would take one.
     */
    static final class Bytes extends OutputStream {
        private byte[] bytes = new byte[1 << 12];
        private int length;

        @Override
        public void write(int b) {
            if (length == bytes.length) {
                grow(1);
            }
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int offset, int count) {
            if (length + count > bytes.length) {
                grow(count);
            }
            System.arraycopy(b, offset, bytes, length, count);
            length += count;
        }

        void reset() {
            length = 0;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        private void grow(int more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }

        /**
         * A block read back, likewise without locks; its bytes are let go once decoded, since a merge
         * holds a reader open on each of its runs.
         */
        static final class Reading extends InputStream {
            private static final byte[] NONE = new byte[0];
            private byte[] bytes = NONE;
            private int length;
            private int at;

            /** Reads {@code count} bytes from {@code in}: the next block. */
            void fill(DataInputStream in, int count) throws IOException {
                if (count < 0) {
                    throw new IOException("a block of " + count + " bytes");
                }
                // Read as it comes rather than into an array of the length read: a damaged length
                // ends the file early instead of taking the heap.
                bytes = in.readNBytes(count);
                if (bytes.length != count) {
                    throw new EOFException();
                }
                length = count;
                at = 0;
            }

            void release() {
                bytes = NONE;
                length = 0;
                at = 0;
            }

            @Override
            public int read() {
                return at < length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int offset, int count) {
                if (count == 0) {
                    return 0;
                }
                if (at == length) {
                    return -1;
                }
                int n = Math.min(count, length - at);
                System.arraycopy(bytes, at, b, offset, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return length - at;
            }
        }
    }
}
