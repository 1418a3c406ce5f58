package com.incidenttally.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PNG files the charts and maps are written as: read back by the JDK's own reader, pixel for pixel. */
class PngTests {

    @TempDir
    Path dir;

    private static BufferedImage noise(int type, long seed) {
        BufferedImage image = new BufferedImage(331, 97, type);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                // Runs of one colour, as a chart has, and noise between them.
                image.setRGB(x, y, x % 40 < 20 ? 0xff336699 : random.nextInt());
            }
        }
        return image;
    }

    @Test
    void opaqueAndTranslucentPicturesReadBackPixelForPixel() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage drawn = noise(type, type);
            Path file = dir.resolve("picture-" + type + ".png");

            Png.write(drawn, file);

            BufferedImage read = ImageIO.read(file.toFile());
            assertThat(read).as("type %d", type).isNotNull();
            assertThat(read.getWidth()).isEqualTo(drawn.getWidth());
            assertThat(read.getHeight()).isEqualTo(drawn.getHeight());
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    assertThat(read.getRGB(x, y)).as("type %d, pixel %d,%d", type, x, y).isEqualTo(drawn.getRGB(x, y));
                }
            }
        }
    }

    @Test
    void asSmallAsTheJdksOwnWriterMakesThemWithinAPercent() throws Exception {
        BufferedImage drawn = noise(BufferedImage.TYPE_INT_ARGB, 7);
        Path file = dir.resolve("picture.png");
        Png.write(drawn, file);
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        ImageIO.write(drawn, "png", jdk);

        // The same filter and deflate level; the chunks around the pixels may differ by a few bytes.
        assertThat(Files.size(file)).isLessThanOrEqualTo(jdk.size() + jdk.size() / 100);
    }

    @Test
    void aFolderThatIsNotThereIsAnIoFailureNamingTheFile() {
        Path file = dir.resolve("missing/picture.png");

        assertThatThrownBy(() -> Png.write(noise(BufferedImage.TYPE_INT_RGB, 1), file))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("picture.png");
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
