package com.incidenttally.tally;

import java.util.List;
import java.util.function.Consumer;

/**
 * A finished, ordered listing a report holds (its incidents, merge notes, rejected rows), handed over
 * in its order as many times as it is asked for.
 */
public interface Listing<T> {

    /** Hands every element to {@code sink}, in order. */
    void forEach(Consumer<? super T> sink);

    /** How many elements it holds. */
    long size();

    /** A listing of the elements of {@code values}, as they are. */
    static <T> Listing<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return new Listing<>() {
            @Override
            public void forEach(Consumer<? super T> sink) {
                copy.forEach(sink);
            }

            @Override
            public long size() {
                return copy.size();
            }
        };
    }
}
