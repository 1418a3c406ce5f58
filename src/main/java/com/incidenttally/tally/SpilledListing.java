package com.incidenttally.tally;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A listing written once, in order, and then read as often as needed: held in memory up to a
 * number of elements, and past it written, all of it, to a {@link RunFile} of the work folder,
 * read back from there each time. {@link #close} deletes the file.
 */
final class SpilledListing<T> implements Listing<T>, AutoCloseable {

    private final RunFile.BlockCodec<T> codec;
    private final int held;
    private final Supplier<Path> folder;
    private List<T> values = new ArrayList<>();
    private RunFile<T> file;
    private long size;
    private boolean finished;

    /**
     * @param held   elements kept in memory; past them, the listing goes to a file
     * @param folder where the file goes, asked for when it is first needed
     */
    SpilledListing(ExternalSort.Codec<T> codec, int held, Supplier<Path> folder) {
        this.codec = RunFile.eachOf(codec);
        this.held = held;
        this.folder = folder;
    }

    /** Adds the next element; only before {@link #finish}. */
    void add(T value) {
        if (finished) {
            throw new IllegalStateException("the listing is finished");
        }
        size++;
        values.add(value);
        if (values.size() > (file == null ? held : ExternalSort.BLOCK)) {
            if (file == null) {
                file = new RunFile<>(folder.get(), "listing-", codec, "the report's listing");
            }
            file.write(values);
            values = new ArrayList<>();
        }
    }

    /** No more elements: the listing may be read. */
    SpilledListing<T> finish() {
        finished = true;
        if (file != null) {
            file.write(values);
            file.finish();
            values = null;
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
        try (RunFile<T>.Reader reader = file.read()) {
            reader.forEachRemaining(sink);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
