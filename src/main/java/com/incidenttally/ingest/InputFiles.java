package com.incidenttally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the incident files of an input directory, names them, and fingerprints them. */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Every {@code *.csv} file (any case of extension) under the directory, recursively, leaving
     * out hidden files and everything in hidden directories, sorted by {@link #relativeName}.
     */
    public static List<Path> find(Path inputDir) throws IOException {
        Path root = inputDir.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !hidden(file)
                        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A link back to a parent directory would be walked for ever: leave it out.
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        found.sort(Comparator.comparing(file -> relativeName(root, file)));
        return found;
    }

    /** The file's path relative to the input directory, with '/' separators on every system. */
    public static String relativeName(Path inputDir, Path file) {
        Path relative = inputDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    /** The SHA-256 of the file's bytes, lower-case hex, read as a stream. */
    /** The file's SHA-256, or null when it cannot be read (it is then rejected when read). */
    public static String sha256OrNull(Path file) {
        try {
            return sha256(file);
        } catch (IOException e) {
            return null;
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean hidden(Path path) throws IOException {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".") || Files.isHidden(path);
    }
}
