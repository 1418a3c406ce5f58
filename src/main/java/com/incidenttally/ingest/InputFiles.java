package com.incidenttally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.util.Optional;

/** Finds the incident files of an input directory, names them, and fingerprints them. */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * What a scan of the input folder found: the files to read, the links it did not follow, and
     * whether it left out the output folder (inside the input folder, it holds our own reports).
     */
    /**
     * @param otherSpreadsheets spreadsheets of a format the job does not read ({@code .ods}, {@code .xls} …), to say
     *                          so: a LibreOffice user's own format would otherwise vanish without a word
     */
    public record Scan(List<Path> files, List<Path> skippedLinks, boolean outputSkipped, List<Path> otherSpreadsheets) {
    }

    /** Spreadsheet formats that are not input: saved as .xlsx or CSV, they are. */
    private static final List<String> OTHER_SPREADSHEETS = List.of(".ods", ".fods", ".xls", ".xlsb", ".xlsm", ".numbers",
            ".tsv");

    /**
     * Whether the input folder can be scanned, as the one line a person reads, or empty. The folder
     * itself may be a link (the person named it); links inside it are not followed.
     */
    public static Optional<String> checkFolder(Path inputDir) {
        if (!Files.isDirectory(inputDir)) {
            return Optional.of("input folder not found: " + inputDir);
        }
        try (DirectoryStream<Path> ignored = Files.newDirectoryStream(inputDir)) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("input folder cannot be read: " + inputDir
                    + (e instanceof AccessDeniedException ? " (permission denied)" : " (" + e.getMessage() + ")"));
        }
    }

    /** The files of {@link #scan(Path, Path)} with no output folder to leave out. */
    public static List<Path> find(Path inputDir) throws IOException {
        return scan(inputDir, null).files();
    }

    /**
     * Every {@code *.csv} and {@code *.xlsx} file (any case of extension) under the directory,
     * recursively, leaving out hidden files, everything in hidden directories and the {@code ~$}
     * lock files Excel keeps beside a workbook it has open, sorted by {@link #relativeName}.
     *
     * <p>Links inside the input folder, to files or folders, are not followed but listed as
     * skipped: followed, the same file reached by two paths would count twice, and a link to
     * {@code /} would walk the whole machine. The output folder, when it lies inside the input
     * folder, is left out: the job never reads its own {@code rejected.csv}.
     */
    public static Scan scan(Path inputDir, Path outputDir) throws IOException {
        Path named = inputDir.toAbsolutePath().normalize();
        // The input folder itself may be a link; everything under it is walked without following links.
        Path root = named.toRealPath();
        Path output = outputDir != null && Files.isDirectory(outputDir) ? outputDir.toRealPath() : null;
        List<Path> found = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        boolean[] outputSkipped = {false};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                if (dir.equals(output)) {
                    outputSkipped[0] = true;
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            /**
             * A folder or file that cannot be opened (a path longer than the system allows, no permission) is listed
             * as input all the same: reading it rejects it whole with the system's reason, and the run goes on.
             */
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                Path name = file.getFileName();
                if (name == null || !name.toString().startsWith(".")) {
                    found.add(named.resolve(root.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
                if (failure != null && !dir.equals(root) && !found.contains(named.resolve(root.relativize(dir)))) {
                    found.add(named.resolve(root.relativize(dir)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (hidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    links.add(named.resolve(root.relativize(file)));
                } else if (attrs.isRegularFile() && isInput(file.getFileName().toString())) {
                    found.add(named.resolve(root.relativize(file)));
                } else if (attrs.isRegularFile() && otherSpreadsheet(file.getFileName().toString())) {
                    others.add(named.resolve(root.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(file -> relativeName(named, file)));
        links.sort(Comparator.comparing(file -> relativeName(named, file)));
        others.sort(Comparator.comparing(file -> relativeName(named, file)));
        return new Scan(List.copyOf(found), List.copyOf(links), outputSkipped[0], List.copyOf(others));
    }

    private static boolean otherSpreadsheet(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && OTHER_SPREADSHEETS.stream().anyMatch(lower::endsWith);
    }

    private static boolean isInput(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || isWorkbook(name) && !name.startsWith("~$");
    }

    /** An Excel workbook ({@code *.xlsx}, any case), read sheet by sheet rather than as CSV. */
    public static boolean isWorkbook(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * The file's path relative to the input directory, with '/' separators on every system. Each
     * part is its name as the file system holds it, read as UTF-8 whatever the locale; a byte that
     * is not UTF-8 (a name unzipped from a Windows archive) is written {@code \\xHH}, so the name
     * can be shown and stored, and {@link #locate} finds the file under its real name again.
     */
    public static String relativeName(Path inputDir, Path file) {
        Path relative = inputDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(escaped(rawName(part)));
        }
        return name.toString();
    }

    /**
     * The file a {@link #relativeName} names: resolved directly when the name can be (the usual
     * case), else part by part among the folder's entries, which works in any locale and for names
     * that are not UTF-8.
     */
    public static Path locate(Path inputDir, String name) {
        try {
            Path direct = inputDir.resolve(name);
            if (Files.exists(direct, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && relativeName(inputDir, direct).equals(name)) {
                return direct;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // A name this JVM's locale cannot write as a path: found among the entries below.
        }
        Path found = inputDir;
        for (String part : name.split("/")) {
            Path match = null;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(found)) {
                for (Path entry : entries) {
                    if (escaped(rawName(entry.getFileName())).equals(part)) {
                        match = entry;
                        break;
                    }
                }
            } catch (IOException e) {
                match = null;
            }
            if (match == null) {
                // Not there (any more): a path that does not exist, so reading it says so.
                return inputDir.resolve(name.replaceAll("[^\\x20-\\x7e]", "?"));
            }
            found = match;
        }
        return found;
    }

    /** The bytes of one name as the file system holds them (the URI form keeps every byte). */
    static byte[] rawName(Path name) {
        String raw = name.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** The bytes as UTF-8, each byte that is not part of a UTF-8 character written {@code \\xHH}. */
    static String escaped(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put(String.format(Locale.ROOT, "\\x%02X", in.get() & 0xFF));
                }
            } else {
                break;
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The file's SHA-256, or null when it cannot be read (it is then rejected when read). */
    public static String sha256OrNull(Path file) {
        try {
            return sha256(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of the file's bytes, lower-case hex, read as a stream. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a text's UTF-8 bytes, lower-case hex: a settings line or a mapping kept by its checksum. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest: what a file's checksum is taken with. */
    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Why an input file cannot be read, as its rejection says it: {@code file not found}, {@code permission denied},
     * or the system's reason alone ({@code cannot be read: File name too long}: the path is the file's name, said
     * already).
     */
    static String unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "file not found";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileSystemException system && system.getReason() != null) {
            return "cannot be read: " + system.getReason();
        }
        return "cannot be read: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private static boolean hidden(Path path) throws IOException {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".") || Files.isHidden(path);
    }
}
