package com.incidenttally.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * What the file system says of a file without reading it: its size, modification time and, where the
 * platform gives them, its status-change time (ctime) and file key (device and inode). The sync step
 * trusts a file's remembered checksum instead of reading the file again when its stamp is the one
 * remembered and the file was last modified well before that checksum was taken (git's rule for its
 * index: a file modified in the same clock tick as it was hashed may have changed after the hash).
 *
 * @param size       bytes
 * @param modified   modification time, nanoseconds since the epoch
 * @param changed    status-change time (ctime), nanoseconds since the epoch; null where the platform has none
 * @param key        the file key (device and inode), as text; null where the platform has none
 */
public record FileStamp(long size, long modified, Long changed, String key) {

    /**
     * How long before the checksum was taken the file must have last changed for the checksum to be
     * trusted: more than any file system's timestamp tick (FAT's 2 s) and than the lag of a kernel's coarse clock.
     */
    public static final long SETTLED_NANOS = 3_000_000_000L;

    /** The stamp of a regular file, links not followed; null when it cannot be read. */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Long changed = null;
            try {
                Object ctime = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
                if (ctime instanceof FileTime time) {
                    changed = nanos(time);
                }
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // No "unix" view (Windows): size, modification time and file key only.
            }
            Object key = basic.fileKey();
            return new FileStamp(basic.size(), nanos(basic.lastModifiedTime()), changed,
                    key == null ? null : key.toString());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether a checksum taken at {@code hashedAt} (nanoseconds since the epoch, the system clock read
     * before the file was read) of a file stamped {@code remembered} still holds for this stamp: every
     * part is the same, and the file was last modified at least {@link #SETTLED_NANOS} before. As in
     * git, only the modification time must have settled: a write restoring an old modification time
     * moves the ctime, which must be the same.
     */
    public boolean vouchesFor(FileStamp remembered, long hashedAt) {
        return remembered != null && equals(remembered) && modified <= hashedAt - SETTLED_NANOS;
    }

    /** The system clock now, in nanoseconds since the epoch: when a checksum is taken. */
    public static long now() {
        return nanos(Instant.now());
    }

    private static long nanos(FileTime time) {
        return nanos(time.toInstant());
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
