package com.incidenttally.tally;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A listing written once, in order, and then read as often as needed: held in memory up to a
 * number of elements, and past it written, all of it, to a file of the work folder, read back
 * from there each time. {@link #close} deletes the file.
 */
final class SpilledListing<T> implements Listing<T>, AutoCloseable {

    private final ExternalSort.Codec<T> codec;
    private final int held;
    private final Supplier<Path> folder;
    private List<T> values = new ArrayList<>();
    private Path file;
    private DataOutputStream out;
    private long size;
    private boolean finished;

    /**
     * @param held   elements kept in memory; past them, the listing goes to a file
     * @param folder where the file goes, asked for when it is first needed
     */
    SpilledListing(ExternalSort.Codec<T> codec, int held, Supplier<Path> folder) {
        this.codec = codec;
        this.held = held;
        this.folder = folder;
    }

    /** Adds the next element; only before {@link #finish}. */
    void add(T value) {
        if (finished) {
            throw new IllegalStateException("the listing is finished");
        }
        size++;
        try {
            if (out != null) {
                codec.write(out, value);
                return;
            }
            values.add(value);
            if (values.size() > held) {
                file = Files.createTempFile(folder.get(), "listing-", ".bin");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                for (T each : values) {
                    codec.write(out, each);
                }
                values = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report's listing: " + e.getMessage(), e);
        }
    }

    /** No more elements: the listing may be read. */
    SpilledListing<T> finish() {
        finished = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report's listing: " + e.getMessage(), e);
            }
            out = null;
        } else {
            values = List.copyOf(values);
        }
        return this;
    }

    @Override
    public void forEach(Consumer<? super T> sink) {
        if (!finished) {
            throw new IllegalStateException("the listing is not finished");
        }
        if (file == null) {
            values.forEach(sink);
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long i = 0; i < size; i++) {
                sink.accept(codec.read(in));
            }
        } catch (EOFException e) {
            throw new UncheckedIOException(file.getFileName() + " ends inside the report's listing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's listing: " + e.getMessage(), e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The work folder's removal tries again.
        }
    }
}
