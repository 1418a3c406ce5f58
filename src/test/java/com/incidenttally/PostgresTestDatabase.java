package com.incidenttally;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The PostgreSQL test database is one for the whole build, and the two test JVMs take classes side by side:
 * a class that uses it holds this lock, a file lock across JVMs, from its first test to its last. Without it
 * one class's runs met another's lock on the store, or lost their tables to a test that empties the database.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Path LOCK = Path.of("target", "postgres-test-database.lock");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresTestDatabase.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Files.createDirectories(LOCK.getParent());
        FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            // Waits while the other JVM's class holds it.
            context.getStore(NAMESPACE).put(FileLock.class, channel.lock());
        } catch (RuntimeException | java.io.IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        FileLock lock = context.getStore(NAMESPACE).remove(FileLock.class, FileLock.class);
        if (lock != null) {
            lock.channel().close();
        }
    }
}
