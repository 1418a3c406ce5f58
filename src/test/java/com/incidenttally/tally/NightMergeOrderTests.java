package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge order, written field by field, against its definition by the report's own orders. */
class NightMergeOrderTests {

    /** The order as documented: id-less reports last; by key or id, then file order. */
    private static final Comparator<Report> DEFINED = (a, b) -> {
        if (a.keyed() != b.keyed()) {
            return a.keyed() ? 1 : -1;
        }
        return a.keyed() ? Report.KEY_ORDER.thenComparing(Report.FILE_ORDER).compare(a, b)
                : Report.ID_ORDER.compare(a, b);
    };

    @Test
    void ordersEveryPairAsTheReportsOwnOrdersDo() {
        Random random = new Random(18);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Few values in each field, so that most pairs tie on some and differ on the next.
            reports.add(report(random.nextInt(4) == 0 ? null : "ID-" + random.nextInt(3),
                    LocalDate.of(2025, 12, 7).plusDays(random.nextInt(2)), pick(random, "RU-ROS", "RU-BEL", "RU-KRS"),
                    pick(random, DistrictKey.REGION, DistrictKey.resolved("belgorod"), DistrictKey.unresolved("shebekino"),
                            DistrictKey.resolved("shebekino")), pick(random, "shot_down", "hit", "debris"),
                    pick(random, "a.csv", "b.csv", "reports/Отчёт.csv"), random.nextInt(3)));
        }

        for (Report a : reports) {
            for (Report b : reports) {
                assertThat(Integer.signum(NightMerge.MERGE_ORDER.compare(a, b)))
                        .as("%s against %s", a, b).isEqualTo(Integer.signum(DEFINED.compare(a, b)));
            }
        }
        List<Report> ours = new ArrayList<>(reports);
        ours.sort(NightMerge.MERGE_ORDER);
        List<Report> defined = new ArrayList<>(reports);
        defined.sort(DEFINED);
        assertThat(ours).isEqualTo(defined);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static Report report(String id, LocalDate night, String region, DistrictKey districtKey, String eventType,
                                 String file, long line) {
        return new Report(id, night, false, null, null, region, districtKey.name(), districtKey, eventType, 1, null, null,
                null, null, null, "source", "source", null, null, "hash", file, line);
    }
}
