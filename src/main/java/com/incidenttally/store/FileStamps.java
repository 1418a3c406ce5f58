package com.incidenttally.store;

import com.incidenttally.ingest.FileStamp;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The stamps of input files as they were when their checksums were taken (it_file_stamp), so that the
 * sync step reads again only the files whose stamp moved.
 */
public final class FileStamps {

    /** A file's stamp, the checksum taken then, and when (nanoseconds since the epoch). */
    public record Stamped(String sha256, FileStamp stamp, long hashedAt) {
    }

    private final JdbcTemplate jdbc;

    public FileStamps(IncidentStore store) {
        this.jdbc = store.jdbc();
    }

    /** Every stamp, by the path's key ({@link #key}). */
    public Map<String, Stamped> all() {
        Map<String, Stamped> stamps = new HashMap<>();
        jdbc.query("SELECT path_key, sha256, size_bytes, modified_ns, changed_ns, file_key, hashed_ns FROM it_file_stamp",
                rs -> {
                    long changed = rs.getLong(5);
                    Long changedOrNull = rs.wasNull() ? null : changed;
                    stamps.put(rs.getString(1), new Stamped(rs.getString(2),
                            new FileStamp(rs.getLong(3), rs.getLong(4), changedOrNull, rs.getString(6)), rs.getLong(7)));
                });
        return stamps;
    }

    /** The key a path's stamp is kept under: the path's SHA-256, as it_file's. */
    public static String key(String path) {
        return IncidentStore.pathKey(path);
    }

    /** Remembers the stamp a file had when its checksum was taken. */
    public void put(String path, Stamped stamped) {
        String key = key(path);
        FileStamp stamp = stamped.stamp();
        if (jdbc.update("UPDATE it_file_stamp SET sha256 = ?, size_bytes = ?, modified_ns = ?, changed_ns = ?,"
                        + " file_key = ?, hashed_ns = ? WHERE path_key = ?", stamped.sha256(), stamp.size(),
                stamp.modified(), stamp.changed(), stamp.key(), stamped.hashedAt(), key) == 0) {
            jdbc.update("INSERT INTO it_file_stamp (path_key, sha256, size_bytes, modified_ns, changed_ns, file_key,"
                            + " hashed_ns) VALUES (?, ?, ?, ?, ?, ?, ?)", key, stamped.sha256(), stamp.size(),
                    stamp.modified(), stamp.changed(), stamp.key(), stamped.hashedAt());
        }
    }
}
