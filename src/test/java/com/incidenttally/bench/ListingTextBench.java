package com.incidenttally.bench;

import com.incidenttally.tally.ExternalSort;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times reading texts back from a report's listings ({@code ExternalSort.text}), the way a big
 * report reads some twenty texts an incident from its spilled listings: 8,000,000 texts of place
 * names, sources, links and notes, Cyrillic and Latin, from memory. Prints each round and the median
 * of all but the first. A benchmark, not a test.
 *
 * <pre>java -cp … com.incidenttally.bench.ListingTextBench [ROUNDS]</pre>
 */
public final class ListingTextBench {

    private static final int TEXTS = 8_000_000;

    private ListingTextBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String[] pool = {"Белгородская область", "Belgorod Oblast", "RU-BEL", "Шебекинский район", "shot_down",
                "Governor's Telegram channel; MoD", "https://t.me/example/1234", "",
                "report 12345 about debris on a street", "Грайворонский городской округ", "sighting",
                "ministry; news digest; governor", "Source A"};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Random random = new Random(1);
        for (int i = 0; i < TEXTS; i++) {
            ExternalSort.text(out, pool[random.nextInt(pool.length)] + (i % 7 == 0 ? " " + i : ""));
        }
        out.flush();
        byte[] data = bytes.toByteArray();
        List<Double> times = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(new ByteArrayInputStream(data), 1 << 16));
            long start = System.nanoTime();
            long chars = 0;
            for (int i = 0; i < TEXTS; i++) {
                chars += ExternalSort.text(in).length();
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (round > 0) {
                times.add(ms);
            }
            System.out.printf(Locale.ROOT, "round %d: %.0f ms (%,d chars)%s%n", round, ms, chars,
                    round == 0 ? " (warm-up)" : "");
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "median of %d: %.0f ms%n", times.size(), times.get(times.size() / 2));
    }
}
