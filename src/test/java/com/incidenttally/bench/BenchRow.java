package com.incidenttally.bench;

import com.incidenttally.incident.Incident;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted row as the store keeps it (the columns of {@code it_row}), for the store benchmark
 * ({@link StoreAlternatives}); and the plain binary file the benchmark's normalized rows are kept
 * in between runs, chunk by chunk, so that every store is fed the same rows without normalizing
 * them again.
 */
record BenchRow(long fileId, String sheet, long line, String incidentId, LocalDate night, boolean nightInferred,
                LocalDateTime localTime, Boolean nightTime, String regionIso, String district, String districtKey,
                String location, String eventType, Integer uavCount, Integer killed, Integer injured, String damage,
                String measures, String source, String sourceKey, String sourceUrl, String notes,
                String contentHash) {

    static BenchRow of(long fileId, String sheet, Incident in) {
        return new BenchRow(fileId, sheet, in.line(), in.incidentId(), in.night(), in.nightInferred(), in.localTime(),
                in.nightTime(), in.regionIso(), in.district(), in.districtKey().encoded(), in.location(), in.eventType().code(),
                in.uavCount(), in.killed(), in.injured(), in.damage(), in.measures(), in.source(), in.sourceKey(),
                in.sourceUrl(), in.notes(), in.contentHash());
    }

    /** What the reads add up, the same whatever the order the rows come back in. */
    long checksum() {
        return hashCode() * 0x9E3779B97F4A7C15L + line;
    }

    /** Appends one chunk of one file: its row count, then each row's fields. */
    static void writeChunk(DataOutputStream out, List<BenchRow> rows) throws IOException {
        out.writeInt(rows.size());
        for (BenchRow r : rows) {
            out.writeLong(r.fileId);
            text(out, r.sheet);
            out.writeLong(r.line);
            text(out, r.incidentId);
            out.writeLong(r.night.toEpochDay());
            out.writeBoolean(r.nightInferred);
            text(out, r.localTime == null ? null : r.localTime.toString());
            out.writeByte(r.nightTime == null ? 0 : r.nightTime ? 2 : 1);
            text(out, r.regionIso);
            text(out, r.district);
            text(out, r.districtKey);
            text(out, r.location);
            text(out, r.eventType);
            number(out, r.uavCount);
            number(out, r.killed);
            number(out, r.injured);
            text(out, r.damage);
            text(out, r.measures);
            text(out, r.source);
            text(out, r.sourceKey);
            text(out, r.sourceUrl);
            text(out, r.notes);
            text(out, r.contentHash);
        }
    }

    /** The next chunk, or null at the end of the file. */
    static List<BenchRow> readChunk(DataInputStream in) throws IOException {
        int count;
        try {
            count = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        List<BenchRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long fileId = in.readLong();
            String sheet = text(in);
            long line = in.readLong();
            String incidentId = text(in);
            LocalDate night = LocalDate.ofEpochDay(in.readLong());
            boolean nightInferred = in.readBoolean();
            String time = text(in);
            byte nightTime = in.readByte();
            rows.add(new BenchRow(fileId, sheet, line, incidentId, night, nightInferred,
                    time == null ? null : LocalDateTime.parse(time), nightTime == 0 ? null : nightTime == 2,
                    text(in), text(in), text(in), text(in), text(in), number(in), number(in), number(in),
                    text(in), text(in), text(in), text(in), text(in), text(in), text(in)));
        }
        return rows;
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void number(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer number(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }
}
