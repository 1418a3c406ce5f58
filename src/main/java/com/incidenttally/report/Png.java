package com.incidenttally.report;

import com.pngencoder.PngEncoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a picture as a PNG file: the pixels as drawn, deflated at the level the JDK's ImageIO uses
 * by default (4), on the calling thread. pngencoder writes the same pixels in about half ImageIO's
 * time; its own pool of compressing threads is not used, as the charts are drawn beside the workbook
 * on a core of their own.
 */
public final class Png {

    /** ImageIO's default: the files are as small as before. */
    private static final int DEFLATE_LEVEL = 4;

    private Png() {
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new PngEncoder().withBufferedImage(image).withCompressionLevel(DEFLATE_LEVEL)
                    .withMultiThreadedCompressionEnabled(false).toStream(out);
        }
    }
}
