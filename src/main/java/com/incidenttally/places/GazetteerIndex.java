package com.incidenttally.places;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled gazetteer's name index as one binary resource, made at build time ({@code ./mvnw package} runs
 * {@link #main} after the classes are compiled), so that a run reads the index instead of parsing the place files
 * and folding, stemming and transliterating every name of every place at each start.
 * <p>
 * The file begins with a format version and a SHA-256 of what the index is made from: the place files and the
 * classes that fold names into keys. A run takes the file only when both are those of the classes it runs with;
 * otherwise (no file, a file from other sources or other folding code) it builds the index from the place files as
 * before. Either way the index answers every name alike.
 */
final class GazetteerIndex {

    /** Where the build writes the index, beside the place files. */
    static final String RESOURCE = "/places/gazetteer.index";
    /** Moves on whenever the layout of the file changes. */
    private static final int FORMAT = 1;
    private static final byte[] MAGIC = {'I', 'T', 'G', 'X'};
    /**
     * What the index is made from: the place files and the classes whose code decides the keys (a change to any of
     * them makes a file built before it stale).
     */
    private static final List<String> SOURCES = List.of(Gazetteer.REGIONS, Gazetteer.DISTRICTS, Gazetteer.WIDER_NAMES,
            Gazetteer.CITIES, "Gazetteer$Places.class", "NameIndex.class", "NameIndex$Keys.class",
            "NameIndex$Folding.class", "NameFolding.class", "GrammarFolding.class", "EuropeanSpellings.class",
            "GazetteerIndex.class");

    private GazetteerIndex() {
    }

    /** Writes the bundled gazetteer's index to the file named by the first argument (the build's classes folder). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GazetteerIndex FILE");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] digest = sourcesDigest();
        if (digest == null) {
            throw new IllegalStateException("the place files are not on the classpath");
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(Gazetteer.Places.load(), digest, out);
        }
    }

    /** The index the build made, or null when there is none or it was made from other sources. */
    static Gazetteer.Places readBundled() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            byte[] digest = sourcesDigest();
            return digest == null ? null : read(in, digest);
        } catch (IOException | RuntimeException e) {
            // A damaged file is as good as none: the index is built from the place files.
            return null;
        }
    }

    /** The SHA-256 of every source of the index, in order, each with its length; null when one is missing. */
    static byte[] sourcesDigest() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String source : SOURCES) {
            try (InputStream in = GazetteerIndex.class.getResourceAsStream(source)) {
                if (in == null) {
                    return null;
                }
                byte[] bytes = in.readAllBytes();
                digest.update(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(longBytes(bytes.length));
                digest.update(bytes);
            }
        }
        return digest.digest();
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * (7 - i)));
        }
        return bytes;
    }

    /** Writes the places and their indexes, headed by the format and the sources' digest. */
    static void write(Gazetteer.Places places, byte[] sourcesDigest, OutputStream stream) throws IOException {
        Out out = new Out(new DataOutputStream(new BufferedOutputStream(stream, 1 << 16)));
        out.data.write(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(sourcesDigest.length);
        out.data.write(sourcesDigest);

        List<Region> regions = new ArrayList<>(places.regions().values());
        Map<Region, Integer> regionIds = new HashMap<>();
        out.writeInt(regions.size());
        for (Region region : regions) {
            regionIds.put(region, regionIds.size());
            out.writeString(region.isoCode());
            out.writeString(region.name());
            out.writeString(region.nameRu());
            out.writeString(region.zone().getId());
            out.writeByte(region.kind().ordinal());
        }
        // In the order of their keys, not of the maps' (which an immutable map draws anew in each JVM): the same
        // sources make the same file.
        Map<District, Integer> districtIds = new HashMap<>();
        out.writeInt(places.districts().size());
        for (Map.Entry<String, List<District>> entry : new java.util.TreeMap<>(places.districts()).entrySet()) {
            out.writeString(entry.getKey());
            out.writeInt(entry.getValue().size());
            for (District district : entry.getValue()) {
                districtIds.putIfAbsent(district, districtIds.size());
                out.writeString(district.name());
                out.writeString(district.nameRu());
                out.writeString(district.kind());
            }
        }
        places.regionIndex().write(out, regionIds::get);
        out.writeInt(places.districtIndexes().size());
        for (Map.Entry<String, NameIndex<District>> entry : new java.util.TreeMap<>(places.districtIndexes()).entrySet()) {
            out.writeString(entry.getKey());
            entry.getValue().write(out, districtIds::get);
        }
        out.writeInt(places.widerNames().size());
        for (Map.Entry<String, Gazetteer.WiderName> entry : new java.util.TreeMap<>(places.widerNames()).entrySet()) {
            out.writeString(entry.getKey());
            Region region = entry.getValue().region();
            out.writeInt(region == null ? -1 : regionIds.get(region));
            out.writeString(entry.getValue().note());
        }
        places.cityIndex().write(out, regionIds::get);
        out.data.flush();
    }

    /** The places as {@link #write} wrote them; null when the file was made by another format or from other sources. */
    static Gazetteer.Places read(InputStream stream, byte[] sourcesDigest) throws IOException {
        In in = new In(new DataInputStream(new BufferedInputStream(stream, 1 << 16)));
        byte[] magic = in.data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT) {
            return null;
        }
        byte[] digest = in.data.readNBytes(in.readInt());
        if (!Arrays.equals(digest, sourcesDigest)) {
            return null;
        }
        int regionCount = in.readInt();
        Map<String, Region> regions = new LinkedHashMap<>();
        Region[] regionById = new Region[regionCount];
        for (int i = 0; i < regionCount; i++) {
            Region region = new Region(in.readString(), in.readString(), in.readString(), ZoneId.of(in.readString()),
                    AreaKind.values()[in.readByte()]);
            regionById[i] = region;
            regions.put(region.isoCode(), region);
        }
        int regionsWithDistricts = in.readInt();
        Map<String, List<District>> districts = new HashMap<>();
        List<District> districtById = new ArrayList<>();
        Set<District> seen = new HashSet<>();
        for (int i = 0; i < regionsWithDistricts; i++) {
            String iso = in.readString();
            int count = in.readInt();
            List<District> list = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                District district = new District(iso, in.readString(), in.readString(), in.readString());
                if (seen.add(district)) {
                    districtById.add(district);
                }
                list.add(district);
            }
            districts.put(iso, List.copyOf(list));
        }
        NameIndex<Region> regionIndex = NameIndex.read(in, Set.of(), id -> regionById[id]);
        Set<String> allDistrictSpellings = new HashSet<>();
        int indexes = in.readInt();
        Map<String, NameIndex<District>> districtIndexes = new HashMap<>();
        for (int i = 0; i < indexes; i++) {
            String iso = in.readString();
            districtIndexes.put(iso, NameIndex.read(in, allDistrictSpellings, districtById::get));
        }
        districtIndexes.values().forEach(index -> allDistrictSpellings.addAll(index.spellings()));
        int widerCount = in.readInt();
        Map<String, Gazetteer.WiderName> widerNames = new HashMap<>();
        for (int i = 0; i < widerCount; i++) {
            String key = in.readString();
            int region = in.readInt();
            widerNames.put(key, new Gazetteer.WiderName(region < 0 ? null : regionById[region], in.readString()));
        }
        NameIndex<Region> cityIndex = NameIndex.read(in, Set.of(), id -> regionById[id]);
        return new Gazetteer.Places(Collections.unmodifiableMap(regions), regionIndex, Map.copyOf(districts),
                Map.copyOf(districtIndexes), Map.copyOf(widerNames), cityIndex);
    }

    /** Writes strings once each: a string met again is written as the number of its first writing. */
    static final class Out {
        private final DataOutputStream data;
        private final Map<String, Integer> written = new HashMap<>();

        Out(DataOutputStream data) {
            this.data = data;
        }

        void writeString(String text) throws IOException {
            Integer id = written.get(text);
            if (id != null) {
                data.writeInt(id);
                return;
            }
            written.put(text, written.size());
            data.writeInt(-1);
            data.writeUTF(text);
        }

        void writeStrings(Collection<String> texts) throws IOException {
            data.writeInt(texts.size());
            for (String text : texts) {
                writeString(text);
            }
        }

        void writeInt(int value) throws IOException {
            data.writeInt(value);
        }

        void writeByte(int value) throws IOException {
            data.writeByte(value);
        }

        void writeBoolean(boolean value) throws IOException {
            data.writeBoolean(value);
        }
    }

    /** Reads what {@link Out} wrote. */
    static final class In {
        private final DataInputStream data;
        private final List<String> read = new ArrayList<>();

        In(DataInputStream data) {
            this.data = data;
        }

        String readString() throws IOException {
            int id = data.readInt();
            if (id >= 0) {
                return read.get(id);
            }
            String text = data.readUTF();
            read.add(text);
            return text;
        }

        List<String> readStrings() throws IOException {
            int size = data.readInt();
            List<String> texts = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                texts.add(readString());
            }
            return List.copyOf(texts);
        }

        int readInt() throws IOException {
            return data.readInt();
        }

        int readByte() throws IOException {
            return data.readUnsignedByte();
        }

        boolean readBoolean() throws IOException {
            return data.readBoolean();
        }
    }
}
