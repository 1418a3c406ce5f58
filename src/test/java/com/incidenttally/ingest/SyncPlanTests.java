package com.incidenttally.ingest;

import com.incidenttally.ingest.SyncPlan.Load;
import com.incidenttally.ingest.SyncPlan.Present;
import com.incidenttally.ingest.SyncPlan.Stored;
import com.incidenttally.ingest.SyncPlan.Why;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SyncPlanTests {

    private static Present same(String path, String sha) {
        return new Present(path, sha, true, false, false);
    }

    @Test
    void anUnchangedFolderReadsNothingAndDropsNothing() {
        SyncPlan plan = SyncPlan.of(List.of(new Stored("a.csv", "1", true), new Stored("b.csv", "2", true)),
                List.of(same("a.csv", "1"), same("b.csv", "2")), true);

        assertThat(plan.toLoad()).isEmpty();
        assertThat(plan.toRemove()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(2);
    }

    @Test
    void newChangedAndGoneFilesAreReadOrDroppedInTheFoldersOrder() {
        SyncPlan plan = SyncPlan.of(List.of(new Stored("gone.csv", "9", true), new Stored("b.csv", "2", true),
                        new Stored("c.csv", "3", true)),
                List.of(same("a.csv", "1"), same("b.csv", "2b"), same("c.csv", "3")), true);

        assertThat(plan.toLoad()).containsExactly(new Load("a.csv", "1", false, Why.NEW),
                new Load("b.csv", "2b", false, Why.CHANGED));
        assertThat(plan.toRemove()).containsExactly("gone.csv");
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void aHalfReadFileIsResumedOnlyWhenNeitherItNorItsRulesChanged() {
        List<Stored> stored = List.of(new Stored("a.csv", "1", false));

        assertThat(SyncPlan.of(stored, List.of(same("a.csv", "1")), true).toLoad())
                .containsExactly(new Load("a.csv", "1", true, Why.INTERRUPTED));
        assertThat(SyncPlan.of(stored, List.of(same("a.csv", "1x")), true).toLoad())
                .containsExactly(new Load("a.csv", "1x", false, Why.INTERRUPTED));
        assertThat(SyncPlan.of(stored, List.of(same("a.csv", "1")), false).toLoad())
                .containsExactly(new Load("a.csv", "1", false, Why.INTERRUPTED));
        assertThat(SyncPlan.of(stored, List.of(new Present("a.csv", "1", false, false, false)), true).toLoad())
                .containsExactly(new Load("a.csv", "1", false, Why.INTERRUPTED));
    }

    @Test
    void eachReasonToReadAnUnchangedFileAgainIsSaid() {
        List<Stored> stored = List.of(new Stored("a.csv", "1", true));

        assertThat(SyncPlan.of(stored, List.of(same("a.csv", "1")), false).toLoad())
                .containsExactly(new Load("a.csv", "1", false, Why.SETTINGS));
        assertThat(SyncPlan.of(stored, List.of(new Present("a.csv", "1", false, false, false)), true).toLoad())
                .containsExactly(new Load("a.csv", "1", false, Why.COLUMNS));
        assertThat(SyncPlan.of(stored, List.of(new Present("a.csv", "1", true, true, false)), true).toLoad())
                .containsExactly(new Load("a.csv", "1", false, Why.DATED_AFTER_ITS_RUN));
        assertThat(SyncPlan.of(stored, List.of(new Present("a.csv", "1", true, false, true)), true).toLoad())
                .containsExactly(new Load("a.csv", "1", false, Why.READ_WITH_A_LATER_CLOCK));
    }

    @Test
    void aFileThatCannotBeReadIsQueuedEveryRunSoThatItsRejectionIsSaidAgain() {
        SyncPlan first = SyncPlan.of(List.of(), List.of(same("a.csv", null)), true);
        assertThat(first.toLoad()).containsExactly(new Load("a.csv", SyncPlan.UNREADABLE, false, Why.NEW));

        SyncPlan again = SyncPlan.of(List.of(new Stored("a.csv", SyncPlan.UNREADABLE, true)),
                List.of(same("a.csv", null)), true);
        assertThat(again.toLoad()).containsExactly(new Load("a.csv", SyncPlan.UNREADABLE, false, Why.UNREADABLE));

        SyncPlan broken = SyncPlan.of(List.of(new Stored("a.csv", "1", true)), List.of(same("a.csv", null)), true);
        assertThat(broken.toLoad()).containsExactly(new Load("a.csv", SyncPlan.UNREADABLE, false, Why.UNREADABLE));
    }

    /** Whatever the mix, every file present is read or left, once, and every stored file absent is dropped. */
    @Test
    void everyFileIsAccountedForOnce() {
        Random random = new Random(18);
        for (int round = 0; round < 500; round++) {
            List<Stored> stored = new java.util.ArrayList<>();
            List<Present> present = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = "f" + i + ".csv";
                if (random.nextBoolean()) {
                    stored.add(new Stored(path, String.valueOf(random.nextInt(2)), random.nextInt(4) > 0));
                }
                if (random.nextBoolean()) {
                    present.add(new Present(path, random.nextInt(6) == 0 ? null : String.valueOf(random.nextInt(2)),
                            random.nextInt(4) > 0, random.nextInt(6) == 0, random.nextInt(6) == 0));
                }
            }
            boolean sameSettings = random.nextInt(4) > 0;
            SyncPlan plan = SyncPlan.of(stored, present, sameSettings);

            assertThat(plan.toLoad().size() + plan.unchanged()).isEqualTo(present.size());
            assertThat(plan.toLoad()).extracting(Load::path).doesNotHaveDuplicates()
                    .isSubsetOf(present.stream().map(Present::path).toList());
            assertThat(plan.toRemove()).containsExactlyElementsOf(stored.stream().map(Stored::path)
                    .filter(path -> present.stream().noneMatch(p -> p.path().equals(path))).toList());
            for (Load load : plan.toLoad()) {
                Stored before = stored.stream().filter(s -> s.path().equals(load.path())).findFirst().orElse(null);
                // Only a half-read file of the same content, read by the same rules, keeps its rows.
                assertThat(load.resume()).isEqualTo(before != null && !before.complete()
                        && before.sha256().equals(load.sha256()) && sameSettings
                        && present.stream().filter(p -> p.path().equals(load.path())).findFirst().orElseThrow()
                        .sameRules());
            }
            // A file is left alone only when it is stored whole, with the same content and rules.
            for (Present file : present) {
                boolean loaded = plan.toLoad().stream().anyMatch(load -> load.path().equals(file.path()));
                boolean untouched = stored.stream().anyMatch(s -> s.path().equals(file.path()) && s.complete()
                        && s.sha256().equals(file.sha256()))
                        && sameSettings && file.sameRules() && !file.datedAfterItsRun() && !file.readWithALaterClock();
                assertThat(loaded).as(file.toString()).isEqualTo(!untouched);
            }
        }
    }
}
