package com.incidenttally.store;

import com.incidenttally.tally.ReportSource.NightCounts;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per night, what the merge made of it, so that a report needs to read again only the nights it
 * shows: the incidents merged by key, and the distinct ids among the night's reports (an id whose
 * reports lie on several nights is counted on each; {@link StoredReports.Spanning} corrects
 * that). Ingest lists the nights whose rows change in it_touched; they are counted again before
 * the next report.
 */
final class NightIndex {

    private static final String MODE = "nights.mergeAcrossSources";

    private final JdbcClient client;
    private final IncidentStore store;

    NightIndex(IncidentStore store) {
        this.store = store;
        this.client = JdbcClient.create(store.jdbc());
    }

    /**
     * Makes every night count again when the merge mode differs from the one the index was made
     * with (a new store, or {@code --no-merge} given or dropped).
     */
    void useMode(boolean acrossSources) {
        String mode = Boolean.toString(acrossSources);
        Optional<String> made = store.state(MODE);
        if (made.isEmpty() && all().isEmpty()) {
            // A new store: ingest listed every night it wrote.
            store.setState(MODE, mode);
        } else if (!mode.equals(made.orElse(""))) {
            client.sql("DELETE FROM it_night").update();
            client.sql("DELETE FROM it_touched").update();
            store.touch(store.storedNights());
            store.setState(MODE, mode);
        }
    }

    /** Nights to count again, in night order. */
    List<LocalDate> touched() {
        return client.sql("SELECT DISTINCT night FROM it_touched ORDER BY night").query(LocalDate.class).list();
    }

    /** Records what the merge made of a night, which is no longer touched. */
    void put(LocalDate night, NightCounts counts) {
        client.sql("DELETE FROM it_night WHERE night = :night").param("night", night).update();
        if (counts.keyed() > 0 || counts.ids() > 0) {
            client.sql("INSERT INTO it_night (night, keyed, ids) VALUES (:night, :keyed, :ids)")
                    .param("night", night).param("keyed", counts.keyed()).param("ids", counts.ids()).update();
        }
        client.sql("DELETE FROM it_touched WHERE night = :night").param("night", night).update();
    }

    /** Every night the index holds, in night order. */
    Map<LocalDate, NightCounts> all() {
        Map<LocalDate, NightCounts> nights = new TreeMap<>();
        client.sql("SELECT night, keyed, ids FROM it_night").query(rs -> {
            nights.put(rs.getObject("night", LocalDate.class), new NightCounts(rs.getLong("keyed"), rs.getLong("ids")));
        });
        return nights;
    }
}
