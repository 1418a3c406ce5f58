package com.incidenttally.report.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.incidenttally.report.Png;

/**
 * Draws a map of regions and seas shaded by class, in plain Java2D: the incident map (counts) or the change
 * map (this period against the previous one). The view holds the areas in focus and the land around them,
 * never more: five border oblasts are shown with their neighbours, not with the whole of Russia, and a week
 * in Siberia shows Siberia. Labels name the busiest areas with their values; the legend gives every class
 * as numbers beside its colour, with "none" and seas apart.
 */
public final class RegionMapRenderer {

    /** The file names the report gives the two maps, in its {@code charts} folder. */
    public static final String REGION_MAP_PNG = "region-map.png";
    public static final String CHANGE_MAP_PNG = "region-change-map.png";

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 900;
    /** Areas named on the map with their value, busiest first, as long as the labels do not collide. */
    static final int LABELS = 8;

    /** Where the map itself is drawn; the legend sits to its left. */
    static final Rectangle FRAME = new Rectangle(330, 112, 1246, 726);
    /** The view when nothing is in focus: Ukraine and European Russia. */
    private static final double[] DEFAULT_VIEW = {22, 43, 60, 62};
    /** Pixels: a point nearer than this to the last one drawn is left out. */
    private static final double MIN_STEP = 0.7;
    private static final Color BORDER = new Color(0x8C, 0x8C, 0x8C);
    private static final Color FOREIGN_BORDER = new Color(0xC4, 0xC4, 0xC4);
    private static final int HATCH = 7;
    private static final Color HATCH_LINE = new Color(0xA8, 0xA8, 0xA8);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color GREY_TEXT = new Color(0x55, 0x55, 0x55);

    private final Boundaries boundaries;
    private final Function<Integer, Font> regular;
    private final Function<Integer, Font> bold;

    /**
     * @param regular the plain font at a size (the bundled one, so every machine draws the same glyphs)
     * @param bold    the bold font at a size
     */
    public RegionMapRenderer(Boundaries boundaries, Function<Integer, Font> regular, Function<Integer, Font> bold) {
        this.boundaries = boundaries;
        this.regular = regular;
        this.bold = bold;
    }

    /** The words on a map, already in the report's language. */
    public record Words(String title, String subtitle, String source, String legendTitle, String none,
                        String seaNone, String noChange, String noneEither, String noIncidents) {
    }

    /**
     * What to draw.
     *
     * @param change true for the change map: values are this period's count less the previous one's, for
     *               every area with incidents in either period; false: values are counts
     * @param values by gazetteer code; an area without a value has no incidents (in either period)
     * @param focus  the areas the view is fitted to, with their neighbours: those with incidents (in either
     *               period, so that both maps show the same view)
     * @param names  display names by code, for the labels
     */
    public record Picture(boolean change, Map<String, Long> values, Set<String> focus, Map<String, String> names,
                          Words words) {
    }

    /** One line of the legend: its colour box where it was drawn, and its text. */
    public record LegendEntry(String text, Color colour, Rectangle box) {
    }

    /** The drawn picture, and where each area and each legend box ended up on it. */
    public record Drawn(BufferedImage image, MapClasses classes, Map<String, Shape> areas, List<LegendEntry> legend,
                        Map<String, Rectangle2D> labels) {

        public void writePng(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Png.write(image, file);
        }
    }

    public Drawn draw(Picture picture) {
        MapClasses classes = classes(picture);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Pixels pixels = pixels(picture.focus());
            Map<String, Shape> areas = project(pixels);
            Shape oldClip = g.getClip();
            g.clip(FRAME);
            // Seas first, then land over them: the land's outline is the coast. Other countries stay white.
            areas.forEach((code, shape) -> {
                if (boundaries.shape(code).sea()) {
                    g.setPaint(paint(colour(picture, classes, code)));
                    g.fill(shape);
                }
            });
            g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            areas.forEach((code, shape) -> {
                if (boundaries.shape(code).kind() == Boundaries.Kind.COUNTRY) {
                    g.setColor(Color.WHITE);
                    g.fill(shape);
                    g.setColor(FOREIGN_BORDER);
                    g.draw(shape);
                }
            });
            areas.forEach((code, shape) -> {
                if (boundaries.shape(code).kind() == Boundaries.Kind.REGION) {
                    g.setPaint(paint(colour(picture, classes, code)));
                    g.fill(shape);
                }
            });
            g.setColor(BORDER);
            areas.forEach((code, shape) -> {
                if (boundaries.shape(code).kind() == Boundaries.Kind.REGION) {
                    g.draw(shape);
                }
            });
            Map<String, Rectangle2D> labels = labels(g, picture, areas, pixels);
            g.setClip(oldClip);
            if (picture.values().isEmpty()) {
                centred(g, picture.words().noIncidents(), bold.apply(34), GREY_TEXT,
                        FRAME.getCenterX(), FRAME.getCenterY());
            }
            title(g, picture.words());
            List<LegendEntry> legend = legend(g, picture, classes);
            return new Drawn(image, classes, areas, legend, labels);
        } finally {
            g.dispose();
        }
    }

    /**
     * A class colour as it is filled: "no change" white with thin grey hatching, so that it is told from
     * the white of the countries around and from the grey of "none in either period".
     */
    private static java.awt.Paint paint(Color colour) {
        if (!colour.equals(MapClasses.NO_CHANGE)) {
            return colour;
        }
        BufferedImage tile = new BufferedImage(HATCH, HATCH, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < HATCH; x++) {
            for (int y = 0; y < HATCH; y++) {
                tile.setRGB(x, y, (x + y) % HATCH == 0 ? HATCH_LINE.getRGB() : colour.getRGB());
            }
        }
        return new java.awt.TexturePaint(tile, new Rectangle(0, 0, HATCH, HATCH));
    }

    static MapClasses classes(Picture picture) {
        long largest = 0;
        for (long value : picture.values().values()) {
            largest = Math.max(largest, Math.abs(value));
        }
        if (largest == 0 && !picture.change()) {
            return new MapClasses(List.of()); // nothing to shade: the legend shows "none" and the sea only
        }
        return picture.change() ? MapClasses.changes(largest) : MapClasses.counts(largest);
    }

    /** The colour an area is filled with. */
    static Color colour(Picture picture, MapClasses classes, String code) {
        Long value = picture.values().get(code);
        boolean sea = code.startsWith("SEA-");
        if (value == null || !picture.change() && value == 0) {
            return sea ? MapClasses.SEA : MapClasses.NONE;
        }
        MapClasses.Bin bin = classes.binOf(value);
        return bin == null ? MapClasses.NONE : bin.colour();
    }

    // ---- the view ----

    /** From degrees to the picture's pixels. */
    private record Pixels(ConicProjection projection, double scale, double offsetX, double offsetY) {

        void pixel(double lon, double lat, double[] out) {
            projection.project(lon, lat, out, 0);
            out[0] = offsetX + out[0] * scale;
            out[1] = offsetY - out[1] * scale;
        }
    }

    /**
     * Fits the projection and the scale to what is shown: the areas in focus whole, and of their land
     * neighbours as much as lies within half the focus's size around it (a vast neighbour such as Krasnoyarsk
     * Krai must not pull in the Arctic). Nothing in focus: Ukraine and European Russia.
     */
    private Pixels pixels(Set<String> focus) {
        double[] box = null;
        for (String code : focus) {
            Boundaries.Shape shape = boundaries.shape(code);
            if (shape != null) {
                box = union(box, shape.bounds());
            }
        }
        double[] reach;
        List<Boundaries.Shape> whole = new ArrayList<>();
        List<Boundaries.Shape> partly = new ArrayList<>();
        if (box == null) {
            reach = DEFAULT_VIEW.clone();
            boundaries.shapes().values().stream().filter(shape -> !shape.sea() && shape.kind() != Boundaries.Kind.COUNTRY)
                    .forEach(partly::add);
        } else {
            double padLon = Math.max(2.5, (box[2] - box[0]) / 2);
            double padLat = Math.max(1.5, (box[3] - box[1]) / 2);
            reach = new double[] {box[0] - padLon, box[1] - padLat, box[2] + padLon, box[3] + padLat};
            for (String code : focus) {
                Boundaries.Shape shape = boundaries.shape(code);
                if (shape != null) {
                    whole.add(shape);
                    shape.neighbours().stream().map(boundaries::shape).filter(near -> !near.sea()).forEach(partly::add);
                }
            }
        }
        // The lon/lat box of what is shown sets the projection's meridian and parallels.
        double[] lonLat = box == null ? reach.clone() : box.clone();
        for (Boundaries.Shape shape : partly) {
            lonLat = union(lonLat, clip(shape.bounds(), reach));
        }
        ConicProjection projection = ConicProjection.fitted(lonLat[0], lonLat[1], lonLat[2], lonLat[3]);
        // Then the projected extent of those same points, fitted into the frame with a small margin.
        double[] extent = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] xy = new double[2];
        for (Boundaries.Shape shape : whole) {
            extend(extent, projection, shape, null, xy);
        }
        for (Boundaries.Shape shape : partly) {
            extend(extent, projection, shape, reach, xy);
        }
        double margin = 0.03;
        double width = (extent[2] - extent[0]) * (1 + 2 * margin);
        double height = (extent[3] - extent[1]) * (1 + 2 * margin);
        double scale = Math.min(FRAME.width / width, FRAME.height / height);
        double offsetX = FRAME.getCenterX() - (extent[0] + extent[2]) / 2 * scale;
        double offsetY = FRAME.getCenterY() + (extent[1] + extent[3]) / 2 * scale;
        return new Pixels(projection, scale, offsetX, offsetY);
    }

    /** Widens {@code extent} by the shape's projected points, only those inside {@code within} when given. */
    private static void extend(double[] extent, ConicProjection projection, Boundaries.Shape shape, double[] within,
                               double[] xy) {
        for (double[] ring : shape.rings()) {
            for (int i = 0; i < ring.length; i += 2) {
                if (within != null && (ring[i] < within[0] || ring[i] > within[2]
                        || ring[i + 1] < within[1] || ring[i + 1] > within[3])) {
                    continue;
                }
                projection.project(ring[i], ring[i + 1], xy, 0);
                extent[0] = Math.min(extent[0], xy[0]);
                extent[1] = Math.min(extent[1], xy[1]);
                extent[2] = Math.max(extent[2], xy[0]);
                extent[3] = Math.max(extent[3], xy[1]);
            }
        }
    }

    private static double[] clip(double[] bounds, double[] within) {
        double[] clipped = {Math.max(bounds[0], within[0]), Math.max(bounds[1], within[1]),
                Math.min(bounds[2], within[2]), Math.min(bounds[3], within[3])};
        return clipped[0] <= clipped[2] && clipped[1] <= clipped[3] ? clipped : null;
    }

    /** Every area that shows in the frame, projected and scaled to pixels. */
    private Map<String, Shape> project(Pixels pixels) {
        double[] xy = new double[2];
        Map<String, Shape> areas = new LinkedHashMap<>();
        for (Boundaries.Shape shape : boundaries.shapes().values()) {
            double[] b = shape.bounds();
            // A cheap test first: the box's corners and centre far outside the frame on one side.
            if (outside(pixels, b, xy)) {
                continue;
            }
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : shape.rings()) {
                double lastX = 0;
                double lastY = 0;
                for (int i = 0; i < ring.length; i += 2) {
                    pixels.pixel(ring[i], ring[i + 1], xy);
                    if (i == 0) {
                        path.moveTo(xy[0], xy[1]);
                    } else if (Math.abs(xy[0] - lastX) < MIN_STEP && Math.abs(xy[1] - lastY) < MIN_STEP) {
                        // Points closer than a pixel draw nothing but cost time: a coast of a thousand
                        // islands at a country's scale.
                        continue;
                    } else {
                        path.lineTo(xy[0], xy[1]);
                    }
                    lastX = xy[0];
                    lastY = xy[1];
                }
                path.closePath();
            }
            if (path.intersects(FRAME)) {
                areas.put(shape.code(), path);
            }
        }
        return areas;
    }

    /** Whether a lon/lat box lies wholly beyond one side of the frame (parallels bend: its edges are sampled). */
    private static boolean outside(Pixels pixels, double[] b, double[] xy) {
        boolean left = true;
        boolean right = true;
        boolean above = true;
        boolean below = true;
        for (int i = 0; i <= 8; i++) {
            double lon = b[0] + (b[2] - b[0]) * i / 8;
            double lat = b[1] + (b[3] - b[1]) * i / 8;
            for (double[] p : new double[][] {{lon, b[1]}, {lon, b[3]}, {b[0], lat}, {b[2], lat}}) {
                pixels.pixel(p[0], p[1], xy);
                left &= xy[0] < FRAME.x;
                right &= xy[0] > FRAME.getMaxX();
                above &= xy[1] < FRAME.y;
                below &= xy[1] > FRAME.getMaxY();
            }
        }
        return left || right || above || below;
    }

    private static double[] union(double[] a, double[] b) {
        if (b == null) {
            return a;
        }
        if (a == null) {
            return b.clone();
        }
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
    }

    // ---- labels ----

    /** Names the busiest areas with their value, skipping any label that would cover another. */
    private Map<String, Rectangle2D> labels(Graphics2D g, Picture picture, Map<String, Shape> areas, Pixels pixels) {
        List<Map.Entry<String, Long>> ranked = new ArrayList<>();
        picture.values().forEach((code, value) -> {
            if (value != 0 && areas.containsKey(code)) {
                ranked.add(Map.entry(code, value));
            }
        });
        ranked.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -Math.abs(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, Rectangle2D> labelled = new LinkedHashMap<>();
        // Large enough to read when two maps share a printed page.
        Font nameFont = bold.apply(20);
        Font valueFont = bold.apply(25);
        FontRenderContext frc = g.getFontRenderContext();
        for (Map.Entry<String, Long> entry : ranked) {
            if (labelled.size() == LABELS) {
                break;
            }
            String code = entry.getKey();
            Shape area = areas.get(code);
            Boundaries.Shape shape = boundaries.shape(code);
            double[] at = labelPixel(shape, area, pixels);
            String name = picture.names().getOrDefault(code, code);
            String value = MapClasses.number(entry.getValue(), picture.change());
            TextLayout nameLine = new TextLayout(name, nameFont, frc);
            TextLayout valueLine = new TextLayout(value, valueFont, frc);
            double width = Math.max(nameLine.getAdvance(), valueLine.getAdvance()) + 8;
            double height = nameLine.getAscent() + nameLine.getDescent() + valueLine.getAscent() + valueLine.getDescent() + 4;
            Rectangle2D box = new Rectangle2D.Double(at[0] - width / 2, at[1] - height / 2, width, height);
            if (!FRAME.contains(box) || labelled.values().stream().anyMatch(box::intersects)) {
                continue;
            }
            labelled.put(code, box);
            double y = box.getY() + 2 + nameLine.getAscent();
            halo(g, nameLine, at[0] - nameLine.getAdvance() / 2, y);
            halo(g, valueLine, at[0] - valueLine.getAdvance() / 2,
                    y + nameLine.getDescent() + valueLine.getAscent() + 2);
        }
        return labelled;
    }

    /** The area's label point on the picture; the shape's centre when the point falls outside it. */
    private static double[] labelPixel(Boundaries.Shape shape, Shape area, Pixels pixels) {
        double[] at = new double[2];
        pixels.pixel(shape.labelLon(), shape.labelLat(), at);
        if (area.contains(at[0], at[1])) {
            return at;
        }
        Rectangle2D bounds = area.getBounds2D();
        return new double[] {bounds.getCenterX(), bounds.getCenterY()};
    }

    private static void halo(Graphics2D g, TextLayout line, double x, double y) {
        Shape outline = line.getOutline(AffineTransform.getTranslateInstance(x, y));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 230));
        g.draw(outline);
        g.setColor(TEXT);
        g.fill(outline);
    }

    // ---- title, legend ----

    private void title(Graphics2D g, Words words) {
        g.setColor(TEXT);
        g.setFont(bold.apply(32));
        g.drawString(words.title(), 24, 52);
        g.setColor(GREY_TEXT);
        g.setFont(regular.apply(21));
        g.drawString(words.subtitle(), 24, 88);
        g.setFont(regular.apply(17));
        g.drawString(words.source(), 24, HEIGHT - 24);
    }

    private List<LegendEntry> legend(Graphics2D g, Picture picture, MapClasses classes) {
        List<LegendEntry> entries = new ArrayList<>();
        List<MapClasses.Bin> bins = new ArrayList<>(classes.bins());
        // Largest on top, as on a thermometer.
        java.util.Collections.reverse(bins);
        for (MapClasses.Bin bin : bins) {
            String text = bin.low() == 0 && bin.high() == 0 ? picture.words().noChange() : MapClasses.text(bin, picture.change());
            entries.add(new LegendEntry(text, bin.colour(), null));
        }
        entries.add(new LegendEntry(picture.change() ? picture.words().noneEither() : picture.words().none(),
                MapClasses.NONE, null));
        entries.add(new LegendEntry(picture.words().seaNone(), MapClasses.SEA, null));
        int x = 24;
        int y = 140;
        g.setColor(TEXT);
        g.setFont(bold.apply(22));
        g.drawString(picture.words().legendTitle(), x, y);
        y += 18;
        g.setFont(regular.apply(22));
        List<LegendEntry> placed = new ArrayList<>();
        for (LegendEntry entry : entries) {
            Rectangle box = new Rectangle(x, y, 48, 32);
            g.setPaint(paint(entry.colour()));
            g.fill(box);
            g.setColor(BORDER);
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            g.setColor(TEXT);
            g.drawString(entry.text(), x + 60, y + 24);
            placed.add(new LegendEntry(entry.text(), entry.colour(), box));
            y += 42;
        }
        return placed;
    }

    private static void centred(Graphics2D g, String text, Font font, Color colour, double x, double y) {
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        double left = x - layout.getAdvance() / 2;
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, y));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.WHITE);
        g.draw(outline);
        g.setColor(colour);
        g.fill(outline);
    }
}
