package com.incidenttally.report.map;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import com.incidenttally.report.charts.BundledFonts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RegionMapRendererTests {

    static final RegionMapRenderer.Words WORDS = new RegionMapRenderer.Words("Incidents by region — 2025-W49",
            "Nights 1–2 Dec to 7–8 Dec 2025", "Source: incident reports; boundaries: Natural Earth", "Incidents",
            "none", "sea, none", "no change", "none in either week", "No incidents in 2025-W49");

    static final RegionMapRenderer RENDERER = renderer();

    @TempDir
    Path dir;

    static RegionMapRenderer renderer() {
        BundledFonts.install();
        return new RegionMapRenderer(Boundaries.bundled(), size -> BundledFonts.font(Font.PLAIN, size),
                size -> BundledFonts.font(Font.BOLD, size));
    }

    static RegionMapRenderer.Picture counts(Map<String, Long> values) {
        Map<String, String> names = new HashMap<>();
        values.keySet().forEach(code -> names.put(code, code));
        return new RegionMapRenderer.Picture(false, values, values.keySet(), names, WORDS);
    }

    /** A week spread over 60 regions and seas, 1 to 40 incidents each, the same every run. */
    static Map<String, Long> sixtyAreas() {
        List<String> codes = new ArrayList<>();
        Boundaries.bundled().shapes().forEach((code, shape) -> {
            if (shape.kind() != Boundaries.Kind.COUNTRY) {
                codes.add(code);
            }
        });
        java.util.Collections.shuffle(codes, new Random(21));
        Random counts = new Random(49);
        Map<String, Long> values = new LinkedHashMap<>();
        for (String code : codes.subList(0, 60)) {
            values.put(code, 1L + counts.nextInt(40));
        }
        values.put("SEA-BLACK", 17L);
        return values;
    }

    static final Map<String, Long> SIBERIA = Map.of("RU-KYA", 3L, "RU-IRK", 1L, "RU-NVS", 2L, "RU-TOM", 1L);
    /** The bundled sample's tallies: seven incidents of the night of 7–8 December 2025. */
    static final Map<String, Long> SAMPLE = Map.of("RU-ROS", 5L, "RU-SMO", 1L, "RU-VGG", 1L);

    /**
     * The colour most of an area's inside pixels (5 px clear of its outline at the corners, within the frame, under no label) carry, or null
     * when the area is too small at this scale to hold an 11-pixel square (Moscow, Sevastopol on a wide view).
     */
    static Integer commonestColour(BufferedImage image, Shape area, java.util.Collection<java.awt.geom.Rectangle2D> labels) {
        Rectangle bounds = area.getBounds().intersection(RegionMapRenderer.FRAME);
        Map<Integer, Integer> counts = new HashMap<>();
        // Every third pixel: enough to tell a fill from a label, and quick on large areas.
        for (int y = bounds.y; y < bounds.y + bounds.height; y += 3) {
            for (int x = bounds.x; x < bounds.x + bounds.width; x += 3) {
                int px = x;
                int py = y;
                if (area.contains(x, y) && area.contains(x - 5, y - 5) && area.contains(x + 5, y + 5)
                        && area.contains(x - 5, y + 5) && area.contains(x + 5, y - 5)
                        && RegionMapRenderer.FRAME.contains(x, y) && labels.stream().noneMatch(label -> label.contains(px, py))) {
                    counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Every gazetteer area on the picture is filled with its class's colour (a label may cover part of it). */
    static void assertShaded(RegionMapRenderer.Drawn drawn, RegionMapRenderer.Picture picture) {
        int checked = 0;
        for (Map.Entry<String, Shape> area : drawn.areas().entrySet()) {
            if (Boundaries.bundled().shape(area.getKey()).kind() == Boundaries.Kind.COUNTRY) {
                continue;
            }
            Integer commonest = commonestColour(drawn.image(), area.getValue(), drawn.labels().values());
            if (commonest == null) {
                continue;
            }
            Color expected = RegionMapRenderer.colour(picture, drawn.classes(), area.getKey());
            assertThat(Integer.toHexString(commonest)).as("colour of %s", area.getKey())
                    .isEqualTo(Integer.toHexString(expected.getRGB() & 0xFFFFFF));
            checked++;
        }
        assertThat(checked).isGreaterThan(0);
    }

    /** Each legend box is filled with its class's colour (the commonest colour inside its border). */
    static void assertLegend(RegionMapRenderer.Drawn drawn) {
        for (RegionMapRenderer.LegendEntry entry : drawn.legend()) {
            Rectangle box = entry.box();
            Map<Integer, Integer> colours = new HashMap<>();
            for (int y = box.y + 2; y < box.y + box.height - 1; y++) {
                for (int x = box.x + 2; x < box.x + box.width - 1; x++) {
                    colours.merge(drawn.image().getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
                }
            }
            int commonest = colours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(Integer.toHexString(commonest)).as("legend box of %s", entry.text())
                    .isEqualTo(Integer.toHexString(entry.colour().getRGB() & 0xFFFFFF));
        }
    }

    static void keep(RegionMapRenderer.Drawn drawn, String name) throws IOException {
        String folder = System.getenv("INCIDENT_TALLY_MAP_LOOK");
        if (folder != null) {
            drawn.writePng(Path.of(folder, name));
        }
    }

    @Nested
    class TheIncidentMap {

        @Test
        void shadesTheSampleRegionsByClassAndShowsOnlyTheirCorner() throws IOException {
            RegionMapRenderer.Picture picture = counts(SAMPLE);
            RegionMapRenderer.Drawn drawn = RENDERER.draw(picture);
            keep(drawn, "sample.png");

            assertThat(drawn.image().getWidth()).isEqualTo(1600);
            assertThat(drawn.image().getHeight()).isEqualTo(900);
            assertShaded(drawn, picture);
            assertThat(drawn.areas()).containsKeys("RU-SMO", "RU-ROS", "RU-VGG", "RU-BRY", "RU-KL", "SEA-AZOV")
                    .doesNotContainKeys("RU-KYA", "RU-SA", "RU-MUR", "RU-KAM");
            // Counts up to 5: a class each, the busiest darkest.
            assertThat(drawn.classes().bins()).extracting(MapClasses.Bin::low).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "RU-ROS")).isEqualTo(MapClasses.COUNTS[4]);
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "RU-BRY")).isEqualTo(MapClasses.NONE);
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "SEA-AZOV")).isEqualTo(MapClasses.SEA);
            assertThat(drawn.labels().keySet()).containsExactlyInAnyOrder("RU-ROS", "RU-SMO", "RU-VGG");
            assertLegend(drawn);
            assertThat(drawn.legend()).extracting(RegionMapRenderer.LegendEntry::text)
                    .containsExactly("5", "4", "3", "2", "1", "none", "sea, none");
        }

        @Test
        void shadesSixtyRegionsAndSeasInFiveClasses() throws IOException {
            Map<String, Long> values = sixtyAreas();
            RegionMapRenderer.Picture picture = counts(values);
            RegionMapRenderer.Drawn drawn = RENDERER.draw(picture);
            keep(drawn, "sixty.png");

            assertThat(drawn.classes().bins()).hasSize(5);
            assertThat(drawn.areas().keySet()).containsAll(values.keySet());
            assertShaded(drawn, picture);
            for (Map.Entry<String, Long> value : values.entrySet()) {
                assertThat(drawn.classes().binOf(value.getValue())).as(value.getKey()).isNotNull();
            }
            assertThat(drawn.labels().keySet()).isNotEmpty().hasSizeLessThanOrEqualTo(RegionMapRenderer.LABELS);
            assertLegend(drawn);
            assertThat(drawn.legend()).extracting(RegionMapRenderer.LegendEntry::text)
                    .containsExactly("21–40", "11–20", "6–10", "3–5", "1–2", "none", "sea, none");
        }

        @Test
        void showsSiberiaWhenTheWeekIsThereAndNotUkraine() throws IOException {
            RegionMapRenderer.Picture picture = counts(SIBERIA);
            RegionMapRenderer.Drawn drawn = RENDERER.draw(picture);
            keep(drawn, "siberia.png");

            assertShaded(drawn, picture);
            // Krasnoyarsk Krai reaches from Mongolia to the Arctic: the view is Siberia's, not Europe's.
            assertThat(drawn.areas()).containsKeys("RU-KYA", "RU-IRK", "RU-NVS", "RU-TOM", "RU-KEM", "RU-KHM", "MNG")
                    .doesNotContainKeys("UA-46", "UA-21", "RU-KGD", "RU-ROS", "RU-KDA", "BLR");
            assertLegend(drawn);
        }

        @Test
        void saysSoWhenThereAreNoIncidents() throws IOException {
            RegionMapRenderer.Picture picture = counts(Map.of());
            RegionMapRenderer.Drawn drawn = RENDERER.draw(picture);
            keep(drawn, "empty.png");

            assertThat(drawn.areas()).containsKeys("UA-32", "RU-MOW");
            assertThat(drawn.labels().keySet()).isEmpty();
            assertShaded(drawn, picture);
            assertThat(drawn.classes().bins()).isEmpty();
            assertThat(drawn.legend()).extracting(RegionMapRenderer.LegendEntry::text)
                    .containsExactly("none", "sea, none");
        }
    }

    @Nested
    class TheChangeMap {

        @Test
        void shadesChangeOnAScaleCentredOnZero() throws IOException {
            Map<String, Long> change = new LinkedHashMap<>();
            change.put("RU-BEL", 12L);
            change.put("RU-KRS", -5L);
            change.put("RU-BRY", 0L);
            change.put("RU-VOR", 2L);
            change.put("UA-63", -1L);
            Set<String> focus = new LinkedHashSet<>(change.keySet());
            RegionMapRenderer.Picture picture = new RegionMapRenderer.Picture(true, change, focus, Map.of(),
                    WORDS);
            RegionMapRenderer.Drawn drawn = RENDERER.draw(picture);
            keep(drawn, "change.png");

            assertShaded(drawn, picture);
            assertThat(drawn.legend()).extracting(RegionMapRenderer.LegendEntry::text)
                    .containsExactly("+6 … +12", "+3 … +5", "+1 … +2", "no change", "−2 … −1", "−5 … −3", "−12 … −6",
                            "none in either week", "sea, none");
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "RU-BEL")).isEqualTo(MapClasses.MORE[2]);
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "RU-KRS")).isEqualTo(MapClasses.FEWER[1]);
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "RU-BRY")).isEqualTo(MapClasses.NO_CHANGE);
            assertThat(RegionMapRenderer.colour(picture, drawn.classes(), "RU-ORL")).isEqualTo(MapClasses.NONE);
            assertLegend(drawn);
        }
    }

    @Test
    void writesAPngThatReadsBack() throws IOException {
        RegionMapRenderer.Drawn drawn = RENDERER.draw(counts(SAMPLE));
        Path file = dir.resolve("charts/region-map.png");
        drawn.writePng(file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(Files.size(file)).isGreaterThan(10_000);
        assertThat(read.getWidth()).isEqualTo(1600);
        assertThat(read.getHeight()).isEqualTo(900);
    }
}
