package com.incidenttally.report.map;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the map's bundled boundaries, {@code src/main/resources/map/boundaries.txt}, from Natural Earth:
 * the admin-1 polygons of Russia and Ukraine and the marine polygons of the seas the gazetteer knows, keyed
 * by the gazetteer's codes through {@code src/main/map/natural-earth-codes.csv}. Run once when the sources
 * or the codes change (docs/map.md says how and where the sources come from); the job itself only reads
 * the text file this writes.
 *
 * <p>Every feature of the two countries must have a code and every code a feature, or the build stops.
 * Parts of one area are unioned, simplified with JTS (topology kept), and written in hundredths of a degree,
 * longitudes east of the antimeridian shifted by 360° so that Chukotka and the Bering Sea stay whole.
 */
final class MapBoundariesBuild {

    /** Hundredths of a degree: about a kilometre, finer than a pixel of the widest map. */
    static final int SCALE = 100;
    private static final double LAND_TOLERANCE = 0.01;
    private static final double SEA_TOLERANCE = 0.03;
    /** Areas closer than this (degrees) are neighbours: generalised borders do not quite touch. */
    private static final double NEIGHBOUR_DISTANCE = 0.05;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private MapBoundariesBuild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: MapBoundariesBuild world_map.gpkg ne_10m_geography_marine_polys.json "
                    + "natural-earth-codes.csv boundaries.txt");
            System.exit(2);
        }
        Codes codes = Codes.read(Path.of(args[2]));
        Map<String, List<Geometry>> parts = new TreeMap<>();
        Map<String, String> kinds = new TreeMap<>();
        readAdmin1(Path.of(args[0]), codes, parts, kinds);
        readMarine(Path.of(args[1]), codes, parts, kinds);
        readCountries(Path.of(args[0]), parts, kinds);
        TreeSet<String> missing = new TreeSet<>(codes.all());
        missing.removeIf(code -> "country".equals(kinds.get(code)));
        missing.removeAll(parts.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("codes without a Natural Earth feature: " + missing);
        }
        Map<String, Geometry> areas = new LinkedHashMap<>();
        parts.forEach((code, pieces) -> {
            Geometry whole = UnaryUnionOp.union(pieces);
            double tolerance = "region".equals(kinds.get(code)) ? LAND_TOLERANCE : SEA_TOLERANCE;
            areas.put(code, TopologyPreservingSimplifier.simplify(whole, tolerance));
        });
        write(areas, kinds, Path.of(args[3]));
    }

    private static void readAdmin1(Path gpkg, Codes codes, Map<String, List<Geometry>> parts, Map<String, String> kinds)
            throws SQLException, ParseException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + gpkg.toAbsolutePath());
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery(
                     "select fid, name, geom from states_provinces where adm0_a3 in ('RUS', 'UKR') order by fid")) {
            WKBReader wkb = new WKBReader(GEOMETRY);
            while (rows.next()) {
                String name = rows.getString("name");
                String key = name == null || name.isBlank() ? "#fid " + rows.getLong("fid") : name;
                String code = codes.code("admin-1", key);
                if (code == null) {
                    throw new IllegalStateException("admin-1 feature without a code: " + key);
                }
                parts.computeIfAbsent(code, c -> new ArrayList<>()).add(shifted(wkb.read(geoPackageWkb(rows.getBytes("geom")))));
                kinds.put(code, "region");
            }
        }
    }

    /**
     * The countries around Russia and Ukraine, for orientation only (drawn pale, never shaded): those whose
     * outline comes within the box that any view of the two countries can show.
     */
    private static void readCountries(Path gpkg, Map<String, List<Geometry>> parts, Map<String, String> kinds)
            throws SQLException, ParseException {
        Geometry reach = GEOMETRY.toGeometry(new org.locationtech.jts.geom.Envelope(10, 200, 30, 85));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + gpkg.toAbsolutePath());
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select ISO_A3, geom from countries "
                     + "where ISO_A3 not in ('RUS', 'UKR', '-99', '') and ISO_A3 is not null order by fid")) {
            WKBReader wkb = new WKBReader(GEOMETRY);
            while (rows.next()) {
                Geometry country = shifted(wkb.read(geoPackageWkb(rows.getBytes("geom")))).intersection(reach);
                if (!country.isEmpty() && country.getArea() > 0.05) {
                    String code = rows.getString("ISO_A3");
                    parts.computeIfAbsent(code, c -> new ArrayList<>()).add(polygons(country));
                    kinds.put(code, "country");
                }
            }
        }
    }

    /** Only the polygons of a geometry that an intersection may have left with lines and points in it. */
    private static Geometry polygons(Geometry geometry) {
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                polygons.add(polygon);
            }
        }
        return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** A GeoPackage geometry is a small header ("GP", version, flags, envelope) before standard WKB. */
    static byte[] geoPackageWkb(byte[] blob) {
        if (blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry");
        }
        int envelope = switch ((blob[3] >> 1) & 0b111) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("bad envelope code in a GeoPackage geometry");
        };
        return Arrays.copyOfRange(blob, 8 + envelope, blob.length);
    }

    private static void readMarine(Path json, Codes codes, Map<String, List<Geometry>> parts, Map<String, String> kinds)
            throws IOException {
        JsonNode features = new ObjectMapper().readTree(json.toFile()).get("features");
        for (JsonNode feature : features) {
            String name = feature.get("properties").path("name").asString("");
            String code = codes.code("marine", name);
            if (code == null) {
                continue;
            }
            JsonNode geometry = feature.get("geometry");
            List<Polygon> polygons = new ArrayList<>();
            switch (geometry.get("type").asString()) {
                case "Polygon" -> polygons.add(polygon(geometry.get("coordinates")));
                case "MultiPolygon" -> geometry.get("coordinates").forEach(p -> polygons.add(polygon(p)));
                default -> throw new IllegalStateException("unexpected geometry for " + name);
            }
            for (Polygon polygon : polygons) {
                parts.computeIfAbsent(code, c -> new ArrayList<>()).add(shifted(polygon.buffer(0)));
            }
            kinds.put(code, "sea");
        }
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(coordinates);
    }

    /**
     * Polygons wholly west of 20°W are east of the antimeridian here (Chukotka's tip, the Bering and Chukchi
     * Seas, Alaska): shifted by 360° so that they join their other half. Natural Earth cuts at 180°.
     */
    private static Geometry shifted(Geometry geometry) {
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i).copy();
            if (part.getEnvelopeInternal().getMaxX() < -20) {
                part.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += 360);
                part.geometryChanged();
            }
            parts.add(part);
        }
        return UnaryUnionOp.union(parts);
    }

    private static void write(Map<String, Geometry> areas, Map<String, String> kinds, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("""
                    # The map's boundaries: Russia's federal subjects and Ukraine's oblasts from Natural Earth 1:10m
                    # admin-1 (v4.1.0, as generalised in QGIS's world_map.gpkg), the seas from Natural Earth 1:10m
                    # marine polygons. Natural Earth is in the public domain. Written by MapBoundariesBuild; see docs/map.md.
                    # Countries around them (KIND country, ISO 3166-1 alpha-3 codes) from the same file's countries layer,
                    # for orientation only.
                    # area CODE KIND LABEL_LON LABEL_LAT NEIGHBOUR...   (hundredths of a degree; longitudes 0..360)
                    # ring LON LAT DLON DLAT DLON DLAT ...               (first point, then steps; closed implicitly)
                    """);
            for (Map.Entry<String, Geometry> area : areas.entrySet()) {
                String code = area.getKey();
                Geometry geometry = area.getValue();
                Coordinate label = labelPoint(geometry);
                List<String> neighbours = new ArrayList<>();
                for (Map.Entry<String, Geometry> other : areas.entrySet()) {
                    if (!other.getKey().equals(code) && !"country".equals(kinds.get(code))
                            && !"country".equals(kinds.get(other.getKey()))
                            && geometry.getEnvelopeInternal().distance(other.getValue().getEnvelopeInternal()) <= NEIGHBOUR_DISTANCE
                            && geometry.isWithinDistance(other.getValue(), NEIGHBOUR_DISTANCE)) {
                        neighbours.add(other.getKey());
                    }
                }
                writer.write("area " + code + " " + kinds.get(code) + " " + fixed(label.x) + " " + fixed(label.y)
                        + (neighbours.isEmpty() ? "" : " " + String.join(" ", neighbours)) + "\n");
                for (int p = 0; p < geometry.getNumGeometries(); p++) {
                    Polygon polygon = (Polygon) geometry.getGeometryN(p);
                    ring(writer, polygon.getExteriorRing().getCoordinates());
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        ring(writer, polygon.getInteriorRingN(h).getCoordinates());
                    }
                }
            }
        }
    }

    private static void ring(Writer writer, Coordinate[] coordinates) throws IOException {
        List<int[]> points = new ArrayList<>();
        for (int i = 0; i < coordinates.length - 1; i++) {
            int[] point = {fixed(coordinates[i].x), fixed(coordinates[i].y)};
            if (points.isEmpty() || !Arrays.equals(points.get(points.size() - 1), point)) {
                points.add(point);
            }
        }
        if (points.size() > 1 && Arrays.equals(points.get(0), points.get(points.size() - 1))) {
            points.remove(points.size() - 1);
        }
        if (points.size() < 3) {
            return; // an islet smaller than the grid
        }
        StringBuilder line = new StringBuilder("ring ").append(points.get(0)[0]).append(' ').append(points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            line.append(' ').append(points.get(i)[0] - points.get(i - 1)[0])
                    .append(' ').append(points.get(i)[1] - points.get(i - 1)[1]);
        }
        writer.write(line.append('\n').toString());
    }

    /**
     * Where a label goes: the centre of the largest circle inside the area's largest part, found with
     * longitudes shrunk by the cosine of the latitude so that the circle is round on the ground.
     */
    private static Coordinate labelPoint(Geometry geometry) {
        Geometry largest = geometry.getGeometryN(0);
        for (int i = 1; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i).getArea() > largest.getArea()) {
                largest = geometry.getGeometryN(i);
            }
        }
        double squeeze = Math.cos(Math.toRadians(largest.getCentroid().getY()));
        Geometry local = AffineTransformation.scaleInstance(squeeze, 1).transform(largest);
        Point centre = MaximumInscribedCircle.getCenter(local, 0.01);
        return new Coordinate(centre.getX() / squeeze, centre.getY());
    }

    private static int fixed(double degrees) {
        return (int) Math.round(degrees * SCALE);
    }

    /** The code table: layer and Natural Earth name to the gazetteer's code. */
    private record Codes(Map<String, String> byKey) {

        static Codes read(Path csv) throws IOException {
            Map<String, String> byKey = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("layer,")) {
                    continue;
                }
                int first = line.indexOf(',');
                int last = line.lastIndexOf(',');
                byKey.put(line.substring(0, first) + "|" + line.substring(first + 1, last), line.substring(last + 1));
            }
            return new Codes(byKey);
        }

        String code(String layer, String name) {
            return byKey.get(layer + "|" + name);
        }

        TreeSet<String> all() {
            return new TreeSet<>(byKey.values());
        }
    }
}
