package com.incidenttally.report.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled boundaries ({@code map/boundaries.txt}): one shape per gazetteer region or sea (and the
 * countries around them), in
 * hundredths of a degree, longitudes 0..360 so that nothing is cut at the antimeridian. Read once.
 */
public final class Boundaries {

    static final String RESOURCE = "/map/boundaries.txt";
    private static final double SCALE = 100.0;

    private static volatile Boundaries bundled;

    private final Map<String, Shape> shapes;

    /**
     * One area's outline.
     *
     * @param rings      each ring's points as lon, lat, lon, lat … in degrees; holes are rings too (even-odd)
     * @param neighbours codes of the areas that touch this one
     */
    public record Shape(String code, Kind kind, double labelLon, double labelLat, List<String> neighbours,
                        List<double[]> rings) {

        public boolean sea() {
            return kind == Kind.SEA;
        }

        /** The smallest lon/lat box around the shape: {min lon, min lat, max lon, max lat}. */
        double[] bounds() {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (double[] ring : rings) {
                for (int i = 0; i < ring.length; i += 2) {
                    box[0] = Math.min(box[0], ring[i]);
                    box[1] = Math.min(box[1], ring[i + 1]);
                    box[2] = Math.max(box[2], ring[i]);
                    box[3] = Math.max(box[3], ring[i + 1]);
                }
            }
            return box;
        }
    }

    /** A gazetteer region, a gazetteer sea, or a country around them drawn only to show where things are. */
    public enum Kind { REGION, SEA, COUNTRY }

    private Boundaries(Map<String, Shape> shapes) {
        this.shapes = Collections.unmodifiableMap(shapes);
    }

    public static Boundaries bundled() {
        Boundaries loaded = bundled;
        if (loaded == null) {
            synchronized (Boundaries.class) {
                loaded = bundled;
                if (loaded == null) {
                    try (InputStream in = Boundaries.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("map boundaries missing from the application: " + RESOURCE);
                        }
                        loaded = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = loaded;
                }
            }
        }
        return loaded;
    }

    static Boundaries read(InputStream in) throws IOException {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String code = null;
        String[] head = null;
        List<double[]> rings = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ");
            if (fields[0].equals("area")) {
                if (code != null) {
                    shapes.put(code, shape(head, rings));
                }
                code = fields[1];
                head = fields;
                rings = new ArrayList<>();
            } else if (fields[0].equals("ring") && code != null) {
                double[] ring = new double[fields.length - 1];
                long x = 0;
                long y = 0;
                for (int i = 1; i < fields.length; i += 2) {
                    x += Long.parseLong(fields[i]);
                    y += Long.parseLong(fields[i + 1]);
                    ring[i - 1] = x / SCALE;
                    ring[i] = y / SCALE;
                }
                rings.add(ring);
            } else {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": unexpected '" + fields[0] + "'");
            }
        }
        if (code != null) {
            shapes.put(code, shape(head, rings));
        }
        return new Boundaries(shapes);
    }

    private static Shape shape(String[] head, List<double[]> rings) {
        return new Shape(head[1], Kind.valueOf(head[2].toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(head[3]) / SCALE,
                Integer.parseInt(head[4]) / SCALE, List.of(Arrays.copyOfRange(head, 5, head.length)), List.copyOf(rings));
    }

    /** Every shape by the gazetteer's code, in the file's order. */
    public Map<String, Shape> shapes() {
        return shapes;
    }

    public Shape shape(String code) {
        return shapes.get(code);
    }
}
