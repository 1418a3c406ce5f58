package com.incidenttally.report.map;

import java.awt.geom.Path2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundariesTests {

    private final Boundaries boundaries = Boundaries.bundled();
    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void everyGazetteerRegionAndSeaHasAShapeOfItsKind() {
        for (Region region : gazetteer.regions()) {
            Boundaries.Shape shape = boundaries.shape(region.isoCode());
            assertThat(shape).as(region.toString()).isNotNull();
            assertThat(shape.sea()).as(region.toString()).isEqualTo(region.isSea());
            assertThat(shape.rings()).as(region.toString()).isNotEmpty();
        }
    }

    @Test
    void noShapeIsLeftWithoutAGazetteerCode() {
        Set<String> gazetteerCodes = gazetteer.regions().stream().map(Region::isoCode).collect(Collectors.toSet());
        Set<String> shaded = new TreeSet<>();
        boundaries.shapes().forEach((code, shape) -> {
            if (shape.kind() != Boundaries.Kind.COUNTRY) {
                shaded.add(code);
            }
        });
        assertThat(shaded).isEqualTo(new TreeSet<>(gazetteerCodes));
        // The countries drawn for orientation are never a gazetteer code: they cannot be shaded.
        boundaries.shapes().forEach((code, shape) -> {
            if (shape.kind() == Boundaries.Kind.COUNTRY) {
                assertThat(gazetteerCodes).doesNotContain(code);
            }
        });
    }

    @Test
    void labelPointsLieInsideTheirArea() {
        for (Boundaries.Shape shape : boundaries.shapes().values()) {
            if (shape.kind() == Boundaries.Kind.COUNTRY) {
                continue;
            }
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : shape.rings()) {
                path.moveTo(ring[0], ring[1]);
                for (int i = 2; i < ring.length; i += 2) {
                    path.lineTo(ring[i], ring[i + 1]);
                }
                path.closePath();
            }
            assertThat(path.contains(shape.labelLon(), shape.labelLat())).as(shape.code()).isTrue();
        }
    }

    @Test
    void neighboursAreMutualAndKnown() {
        Map<String, Boundaries.Shape> shapes = boundaries.shapes();
        for (Boundaries.Shape shape : shapes.values()) {
            for (String neighbour : shape.neighbours()) {
                assertThat(shapes).containsKey(neighbour);
                assertThat(shapes.get(neighbour).neighbours()).as(neighbour + " of " + shape.code()).contains(shape.code());
            }
        }
        assertThat(boundaries.shape("RU-ROS").neighbours())
                .contains("RU-VGG", "RU-KDA", "RU-STA", "RU-KL", "RU-VOR", "UA-14", "UA-09", "SEA-AZOV");
        assertThat(boundaries.shape("RU-CHU").neighbours()).contains("SEA-BERING", "SEA-CHUKCHI");
    }

    @Test
    void chukotkaIsWholeAcrossTheAntimeridian() {
        double[] bounds = boundaries.shape("RU-CHU").bounds();
        assertThat(bounds[0]).isGreaterThan(150);
        assertThat(bounds[2]).isGreaterThan(180).isLessThan(195);
    }

    @Test
    void theResourceIsCompact() throws IOException {
        try (InputStream in = Boundaries.class.getResourceAsStream(Boundaries.RESOURCE)) {
            assertThat(in.readAllBytes().length).isLessThanOrEqualTo(2 * 1024 * 1024);
        }
    }

    @Test
    void saysWhereADamagedFileIsWrong() {
        String text = "# boundaries\narea RU-ROS region 4100 4800\nring 1 2 3 4 5 6\npolygon 1 2\n";
        assertThatThrownBy(() -> Boundaries.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 4").hasMessageContaining("polygon");
    }
}
