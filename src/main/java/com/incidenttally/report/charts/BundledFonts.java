package com.incidenttally.report.charts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * DejaVu Sans, bundled (free licence: {@code fonts/dejavu/LICENSE}), so charts draw the same pixels
 * on every machine and draw at all on one without fonts or fontconfig.
 *
 * <p>On Linux the JDK's font manager starts by asking fontconfig for the machine's fonts and fails
 * ("Fontconfig head is null") when there are none, even to load a font from a file. A JDK also
 * reads a font configuration file of its own when one is named by {@code sun.awt.fontconfig}: we
 * write one that maps every logical font to the bundled files, so the font manager starts without
 * asking the machine. This has to happen before anything in the JVM touches a font, which is why
 * {@link #install()} runs at the start of {@code main} as well as before the first chart.
 */
public final class BundledFonts {

    static final String FAMILY = "DejaVu Sans";

    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";
    private static final String[] LOGICAL = {"serif", "sansserif", "monospaced", "dialog", "dialoginput"};

    private static Path folder;
    private static Font regular;
    private static Font bold;

    private BundledFonts() {
    }

    /** The folder inside the output folder that holds the fonts the JDK reads, reused by every run. */
    public static final String FOLDER = ".incident-tally-fonts";

    /**
     * Points the JDK's font configuration at the bundled fonts, unless someone chose one already
     * ({@code -Dsun.awt.fontconfig=...}). The files go into {@code <output>/.incident-tally-fonts/},
     * beside the reports, where every later run finds them: nothing is written to the temporary
     * folder (which may be read-only, and where a killed run would leave them). Idempotent: the
     * first call in a JVM decides. When the folder cannot be written, the machine's fonts are used.
     */
    public static synchronized void install(Path outputDir) {
        boolean ours = folder != null;
        if (!ours && System.getProperty("sun.awt.fontconfig") != null) {
            return;
        }
        // Placed before, and still there (a JVM that runs the job more than once, as tests do, may
        // have seen an earlier output folder deleted): nothing to do.
        if (ours && (folder.toString().isEmpty() || Files.isRegularFile(folder.resolve("fontconfig.properties")))) {
            return;
        }
        try {
            Files.createDirectories(outputDir);
            Path dir = outputDir.resolve(FOLDER);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            }
            Path regularFile = place(dir, REGULAR, bytes(REGULAR));
            Path boldFile = place(dir, BOLD, bytes(BOLD));
            Path config = place(dir, "fontconfig.properties",
                    fontConfiguration(regularFile, boldFile).getBytes(StandardCharsets.ISO_8859_1));
            System.setProperty("sun.awt.fontconfig", config.toString());
            folder = dir;
        } catch (IOException | UncheckedIOException e) {
            // Not ours to write: the machine's own fonts are used, as before.
            folder = Path.of("");
        }
    }

    /**
     * Before a chart is drawn outside a run (a test, a tool): the fonts beside the working
     * directory's default reports folder.
     */
    public static synchronized void install() {
        install(Path.of("reports"));
    }

    /**
     * The file {@code name} in the folder with exactly {@code content}: kept if it has it already,
     * else written beside it and renamed into place, so a run reading it never sees half a file.
     */
    private static Path place(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == content.length
                && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
            return file;
        }
        Path written = dir.resolve("." + name + "." + java.util.UUID.randomUUID() + ".new");
        try {
            Files.write(written, content);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
        return file;
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    /**
     * The JDK's font configuration format: each logical font and style names a font, and each font
     * its file. Keys escape spaces with underscores; backslashes in Windows paths are doubled.
     */
    static String fontConfiguration(Path regularFile, Path boldFile) {
        List<String> lines = new ArrayList<>();
        lines.add("version=1");
        for (String logical : LOGICAL) {
            for (String style : new String[] {"plain", "bold", "italic", "bolditalic"}) {
                lines.add(logical + "." + style + ".latin-1=" + FAMILY + (style.contains("bold") ? " Bold" : ""));
            }
        }
        lines.add("sequence.allfonts=latin-1");
        lines.add("filename.DejaVu_Sans=" + properties(regularFile));
        lines.add("filename.DejaVu_Sans_Bold=" + properties(boldFile));
        return String.join("\n", lines) + "\n";
    }

    private static String properties(Path file) {
        return file.toAbsolutePath().toString().replace("\\", "\\\\");
    }

    /** The bundled face in a style ({@link Font#PLAIN} or {@link Font#BOLD}) and size. */
    public static Font font(int style, float size) {
        Font base = (style & Font.BOLD) != 0 ? bold() : regular();
        int rest = style & Font.ITALIC;
        return base.deriveFont(rest, size);
    }

    private static synchronized Font regular() {
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    private static synchronized Font bold() {
        if (bold == null) {
            bold = load(BOLD);
        }
        return bold;
    }

    private static Font load(String name) {
        install();
        Path extracted = folder.resolve(name);
        try (InputStream in = resource(name)) {
            // From the placed file when there is one: from a stream the JDK copies the font to a temporary file.
            return Files.isRegularFile(extracted) ? Font.createFont(Font.TRUETYPE_FONT, extracted.toFile())
                    : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + name, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + name + " is damaged", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BundledFonts.class.getResourceAsStream("/fonts/dejavu/" + name);
        if (in == null) {
            throw new IOException("the bundled font " + name + " is missing from the application");
        }
        return in;
    }
}
