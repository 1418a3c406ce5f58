package com.incidenttally.tally;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A listing written once, in order, and then read as often as needed: held in memory up to a
 * number of elements, and past it written, all of it, to a {@link RunFile} of the work folder,
 * read back from there each time. {@link #close} deletes the file.
 *
 * <p>Its blocks are encoded and written on a thread of their own while the caller goes on: a
 * report's sweep runs alone on its core, and the encoding of its listing was a fifth of it. At most
 * {@link #BLOCKS_IN_FLIGHT} blocks wait for that thread (their elements are held a little longer,
 * nothing more); a write that fails fails the {@link #add} that hands over the next full block, or
 * {@link #finish}.
 */
final class SpilledListing<T> implements Listing<T>, AutoCloseable {

    /** Blocks handed to the writing thread and not yet written: the one it writes, and one waiting. */
    static final int BLOCKS_IN_FLIGHT = 2;

    private final RunFile.BlockCodec<T> codec;
    private final int held;
    private final Supplier<Path> folder;
    private List<T> values = new ArrayList<>();
    private RunFile<T> file;
    private ExecutorService writing;
    private final Semaphore inFlight = new Semaphore(BLOCKS_IN_FLIGHT);
    /** The first failure of the writing thread, thrown in the caller's. */
    private volatile Throwable failed;
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
                writing = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "report listing");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            writeBehind(values);
            values = new ArrayList<>();
        }
    }

    /** Hands a block to the writing thread, once fewer than {@link #BLOCKS_IN_FLIGHT} wait there. */
    private void writeBehind(List<T> block) {
        inFlight.acquireUninterruptibly();
        if (failed != null) {
            inFlight.release();
            rethrow();
        }
        RunFile<T> to = file;
        writing.execute(() -> {
            try {
                if (failed == null) {
                    to.write(block);
                }
            } catch (RuntimeException | Error e) {
                failed = e;
            } finally {
                inFlight.release();
            }
        });
    }

    /** No more elements: the listing may be read. */
    SpilledListing<T> finish() {
        finished = true;
        if (file != null) {
            writeBehind(values);
            values = null;
            stopWriting();
            rethrow();
            file.finish();
        } else {
            values = List.copyOf(values);
        }
        return this;
    }

    /** Waits for the blocks handed over; the writing thread ends. */
    private void stopWriting() {
        writing.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (writing.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable failure = failed;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
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
        if (writing != null) {
            // A listing left before its end (the report failed): its blocks are not wanted.
            if (failed == null && !finished) {
                failed = new IllegalStateException("the listing is closed");
            }
            stopWriting();
        }
        if (file != null) {
            file.close();
        }
    }
}
