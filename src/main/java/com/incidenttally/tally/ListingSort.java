package com.incidenttally.tally;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Puts a night range's listing in its order without sorting all of it, and in the very order a
 * stable sort of every value added would: the merge hands the keyed incidents over in runs (night,
 * region, district), which only need ordering within each run, and the incidents with an id, a few,
 * among them. A run is sorted alone, in memory up to the budget and in an {@link ExternalSort} past
 * it, and handed on when the next run starts; the strays are sorted apart and merged in as the runs
 * go by, each before the first run value it does not come after.
 *
 * <p>What it relies on, as the store hands reports night by night, each night's ids first: a stray is
 * never added after a run it comes before was handed on. A value that would break the order fails
 * the report rather than list out of order.
 */
final class ListingSort<T> implements AutoCloseable {

    private final Comparator<T> order;
    private final Comparator<T> runOrder;
    private final ExternalSort.Codec<T> codec;
    private final long budget;
    private final Supplier<Path> folder;
    private final Consumer<T> sink;
    private ExternalSort<T> strays;
    private Iterator<T> straysSorted;
    private T nextStray;
    private List<T> run = new ArrayList<>();
    private ExternalSort<T> bigRun;
    private T runHead;
    private T last;

    /**
     * @param order    the listing's order; ties keep the order values were added in
     * @param runOrder the leading part of {@code order} that makes a run: equal values are in one run
     * @param budget   values of one run (and of the strays) held in memory before they spill
     * @param sink     takes every value, in order
     */
    ListingSort(Comparator<T> order, Comparator<T> runOrder, ExternalSort.Codec<T> codec, long budget,
                Supplier<Path> folder, Consumer<T> sink) {
        this.order = order;
        this.runOrder = runOrder;
        this.codec = codec;
        this.budget = budget;
        this.folder = folder;
        this.sink = sink;
    }

    /** A value that may go anywhere among the runs (an incident with an id). */
    void addStray(T value) {
        if (straysSorted != null) {
            // The strays are being merged with the runs: those not yet handed on are sorted again with this one.
            ExternalSort<T> rest = new ExternalSort<>(order, codec, budget, folder);
            while (nextStray != null) {
                rest.add(takeStray());
            }
            strays.close();
            strays = rest;
            straysSorted = null;
        }
        if (strays == null) {
            strays = new ExternalSort<>(order, codec, budget, folder);
        }
        strays.add(value);
    }

    /** A value of the current run, or the first of the next run: runs come in {@code runOrder}. */
    void addInRun(T value) {
        if (runHead != null) {
            int c = runOrder.compare(runHead, value);
            if (c > 0) {
                throw new IllegalStateException("a listing's run came out of order: " + value + " after " + runHead);
            }
            if (c < 0) {
                emitRun();
            }
        }
        if (runHead == null) {
            runHead = value;
        }
        if (bigRun != null) {
            bigRun.add(value);
        } else if (run.size() < budget) {
            run.add(value);
        } else {
            bigRun = new ExternalSort<>(order, codec, budget, folder);
            run.forEach(bigRun::add);
            run = new ArrayList<>();
            bigRun.add(value);
        }
    }

    /** Hands on every value added; none may be added after. */
    void finish() {
        if (runHead != null) {
            emitRun();
        }
        if (strays != null) {
            readStrays();
            while (nextStray != null) {
                emit(takeStray());
            }
            strays.close();
            strays = null;
        }
    }

    private void readStrays() {
        if (straysSorted == null && strays != null) {
            straysSorted = strays.sorted();
            nextStray = straysSorted.hasNext() ? straysSorted.next() : null;
        }
    }

    /** The run held, sorted, with the strays before each of its values. */
    private void emitRun() {
        readStrays();
        if (bigRun != null) {
            try (ExternalSort<T> sorted = bigRun) {
                bigRun = null;
                sorted.sorted().forEachRemaining(this::emitAfterStrays);
            }
        } else {
            run.sort(order);
            run.forEach(this::emitAfterStrays);
            run.clear();
        }
        runHead = null;
    }

    /** A run's value, after the strays that come before it (and those equal to it: they were added first). */
    private void emitAfterStrays(T value) {
        while (nextStray != null && order.compare(nextStray, value) <= 0) {
            emit(takeStray());
        }
        emit(value);
    }

    private T takeStray() {
        T stray = nextStray;
        nextStray = straysSorted.hasNext() ? straysSorted.next() : null;
        return stray;
    }

    private void emit(T value) {
        if (last != null && order.compare(last, value) > 0) {
            throw new IllegalStateException("a listing came out of order: " + value + " after " + last);
        }
        last = value;
        sink.accept(value);
    }

    @Override
    public void close() {
        if (strays != null) {
            strays.close();
        }
        if (bigRun != null) {
            bigRun.close();
        }
        run = new ArrayList<>();
    }
}
