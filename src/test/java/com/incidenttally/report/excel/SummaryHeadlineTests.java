package com.incidenttally.report.excel;

import com.incidenttally.places.AreaKind;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.TopRegions;
import com.incidenttally.tally.Totals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryHeadlineTests {

    private static final Totals NOW = new Totals(224, 847, 42, 45, 154, 7, 11, 42, 10, 10);
    private static final Totals BEFORE = new Totals(237, 1051, 29, 53, 164, 7, 17, 68, 10, 10);
    private static final TopRegions TOP = TopRegions.of(List.of(new RegionComparison("Belgorod Oblast", "RU-BEL", 28, 28),
            new RegionComparison("Bryansk Oblast", "RU-BRY", 26, 9)), 10);

    @Test
    void saysTheFiguresTheChangeAndTheRegionWithMost() {
        SummaryHeadline.Sentence sentence = new SummaryHeadline(ReportTexts.english()).of(NOW, BEFORE, TOP);
        assertThat(sentence.text()).isEqualTo("224 incidents in 45 regions over 7 nights, 13 fewer than in the"
                + " previous period (-5.5%). Most in Belgorod Oblast: 28, as before.");
        assertThat(sentence.text().substring(sentence.changeStart(), sentence.changeEnd()))
                .isEqualTo("13 fewer than in the previous period (-5.5%)");
        assertThat(sentence.change()).isEqualTo(-13);
    }

    @Test
    void withoutAPreviousPeriodSaysWhatThereIs() {
        Totals one = new Totals(1, 1, 0, 1, 1, 1, 0, 0, 0, 0);
        TopRegions top = TopRegions.of(List.of(new RegionComparison("Kursk Oblast", "RU-KRS", 1, 0)), 10);
        SummaryHeadline.Sentence sentence = new SummaryHeadline(ReportTexts.english()).of(one, null, top);
        assertThat(sentence.text()).isEqualTo("1 incident in 1 region over 1 night. Most in Kursk Oblast: 1.");
        assertThat(sentence.changeStart()).isNegative();
    }

    @Test
    void areasLevelOnMostAreNamedTogetherWithoutAChangeForAll() {
        TopRegions two = TopRegions.of(List.of(new RegionComparison("Belgorod Oblast", "RU-BEL", 28, 20),
                new RegionComparison("Kursk Oblast", "RU-KRS", 28, 31), new RegionComparison("Bryansk Oblast", "RU-BRY", 26, 9)), 10);
        assertThat(new SummaryHeadline(ReportTexts.english()).of(NOW, BEFORE, two).text())
                .endsWith(" Most in Belgorod Oblast and Kursk Oblast: 28 each.");
        assertThat(new SummaryHeadline(ReportTexts.of(Language.RU, Gazetteer.bundled())).of(NOW, null, two).text())
                .endsWith(" Больше всего — Белгородская область и Курская область: по 28.");
        // Level beyond the areas shown by name too: a week of one incident in each of twelve regions.
        List<RegionComparison> twelve = new java.util.ArrayList<>();
        for (String name : List.of("Belgorod Oblast", "Bryansk Oblast", "Kursk Oblast", "Oryol Oblast", "Kaluga Oblast",
                "Moscow Oblast", "Tula Oblast", "Lipetsk Oblast", "Voronezh Oblast", "Rostov Oblast", "Smolensk Oblast",
                "Tver Oblast")) {
            twelve.add(new RegionComparison(name, null, 1, 0));
        }
        TopRegions level = TopRegions.of(twelve, 10);
        assertThat(level.most()).hasSize(12);
        assertThat(new SummaryHeadline(ReportTexts.english()).of(new Totals(12, 0, 0, 12, 0, 1, 0, 0, 0, 0), null, level)
                .text()).endsWith(". Most in Belgorod Oblast, Bryansk Oblast and 10 more: 1 each.");
    }

    /** "Most in the Black Sea": a sea takes its article in English, inside the sentence; Russian has none. */
    @Test
    void aSeaWithMostIsNamedWithItsArticle() {
        Totals seas = new Totals(40, 0, 0, 1, 0, 3, 0, 0, 0, 0, 2);
        TopRegions sea = TopRegions.of(List.of(new RegionComparison("Black Sea", "SEA-BLACK", 28, 0, AreaKind.SEA),
                new RegionComparison("Krasnodar Krai", "RU-KDA", 9, 0)), 10);
        assertThat(new SummaryHeadline(ReportTexts.english()).of(seas, null, sea).text())
                .endsWith(". Most in the Black Sea: 28.");
        assertThat(new SummaryHeadline(ReportTexts.of(Language.RU, Gazetteer.bundled())).of(seas, null, sea).text())
                .endsWith(" Больше всего — Чёрное море: 28.");
        TopRegions level = TopRegions.of(List.of(new RegionComparison("Krasnodar Krai", "RU-KDA", 9, 0),
                new RegionComparison("Sea of Azov", "SEA-AZOV", 9, 0, AreaKind.SEA)), 10);
        assertThat(new SummaryHeadline(ReportTexts.english()).of(seas, null, level).text())
                .endsWith(". Most in Krasnodar Krai and the Sea of Azov: 9 each.");
    }

    @Test
    void russianCountsAgreeWithTheirNumbers() {
        ReportTexts russian = ReportTexts.of(Language.RU);
        Totals totals = new Totals(1876, 0, 0, 81, 0, 56, 0, 0, 0, 0, 2);
        Totals before = new Totals(469, 0, 0, 48, 0, 14, 0, 0, 0, 0);
        TopRegions top = TopRegions.of(List.of(new RegionComparison("Belgorod Oblast", "RU-BEL", 227, 56)), 10);
        String text = new SummaryHeadline(russian).of(totals, before, top).text().replace('\u00a0', ' ');
        // Seas are named as seas, as Key figures counts them apart from the regions.
        assertThat(text).startsWith("1 876 инцидентов в 81 регионе и 2 морях за 56 ночей — на 1 407 больше, чем в предыдущем"
                + " периоде (+300,0 %).").contains(": 227, на 171 больше.");
        Totals few = new Totals(22, 0, 0, 21, 0, 2, 0, 0, 0, 0);
        assertThat(new SummaryHeadline(russian).of(few, null, top).text().replace('\u00a0', ' '))
                .startsWith("22 инцидента в 21 регионе за 2 ночи.");
        Totals seas = new Totals(5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2);
        assertThat(new SummaryHeadline(russian).of(seas, null, top).text().replace('\u00a0', ' '))
                .startsWith("5 инцидентов в 2 морях за 2 ночи.");
        assertThat(new SummaryHeadline(ReportTexts.of(Language.EN)).of(totals, null, top).text().replace('\u00a0', ' '))
                .startsWith("1,876 incidents in 81 regions and 2 seas over 56 nights.");
    }
}
