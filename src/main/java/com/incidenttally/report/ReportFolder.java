package com.incidenttally.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * A report folder written beside its final place and moved there whole, so a reader sees the old
 * report or the new one, never half of one.
 */
public final class ReportFolder {

    private final Path target;
    private final Path staging;

    private ReportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates an empty staging folder for {@code outputDir/label}. */
    public static ReportFolder stage(Path outputDir, String label) throws IOException {
        Files.createDirectories(outputDir);
        Path staging = outputDir.resolve("." + label + ".writing-" + UUID.randomUUID());
        Files.createDirectory(staging);
        return new ReportFolder(outputDir.resolve(label), staging);
    }

    /** Where to write the report's files until it is published. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished report into place, replacing an older one. */
    public void publish() throws IOException {
        Path retired = null;
        if (Files.exists(target)) {
            retired = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            move(target, retired);
        }
        move(staging, target);
        if (retired != null) {
            delete(retired);
        }
    }

    /** Removes the staging folder of a report that failed half-way. */
    public void discard() {
        try {
            delete(staging);
        } catch (IOException ignored) {
            // Leftover staging folders are hidden and harmless; the next run writes a new one.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
