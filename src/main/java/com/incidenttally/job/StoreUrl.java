package com.incidenttally.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code --db} URL may ask for, where an H2 store's file is, and how a URL is shown to a
 * person: never with its password. Plain Java, so any command-line parser can call it.
 */
public final class StoreUrl {

    private static final Pattern PASSWORD_SETTING =
            Pattern.compile("(?i)\\b((?:password|passwd|pwd)\\s*=)[^;&\\s\"]*");
    private static final Pattern WRITE_DELAY_SETTING = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*:)[^@/\\s]*@");

    private StoreUrl() {
    }

    /** PostgreSQL driver settings the job needs, each given only when the URL does not set it. */
    private static final java.util.List<java.util.Map.Entry<String, String>> POSTGRES_DEFAULTS = java.util.List.of(
            java.util.Map.entry("connectTimeout", "5"), java.util.Map.entry("tcpKeepAlive", "true"));

    /**
     * The URL with the driver settings that let a lost server be noticed in seconds (a connect
     * timeout, TCP keep-alive) added to a PostgreSQL URL where the user set none; other URLs as given.
     */
    public static String withDriverDefaults(String url) {
        if (url != null && h2File(url).isPresent()
                && !WRITE_DELAY_SETTING.matcher(url).find()) {
            // With H2's default write delay (2.3 and 2.4), a SIGKILL while its background writer stores can
            // leave a file that reopens with part of a transaction: a chunk's rows without its listed nights,
            // or a table whose primary key disagrees with its rows (docs/choices.md, "H2 after a kill").
            return url + ";WRITE_DELAY=0";
        }
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        StringBuilder withDefaults = new StringBuilder(url);
        String lower = url.toLowerCase(Locale.ROOT);
        for (var setting : POSTGRES_DEFAULTS) {
            if (!Pattern.compile("[?&]" + setting.getKey().toLowerCase(Locale.ROOT) + "=").matcher(lower).find()) {
                withDefaults.append(withDefaults.indexOf("?") < 0 ? '?' : '&')
                        .append(setting.getKey()).append('=').append(setting.getValue());
            }
        }
        return withDefaults.toString();
    }

    /**
     * Refuses H2 settings that let a second run use the store while one runs (or that keep a run
     * from writing at all): one run at a time is what keeps the store whole.
     *
     * @throws BadArgumentsException naming the setting and what to do
     */
    public static void refuseSharedAccess(String url) {
        if (url == null) {
            return;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return;
        }
        if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            throw new BadArgumentsException("--db: an H2 server URL lets several runs use one store at once;"
                    + " use an H2 file (jdbc:h2:file:...) or PostgreSQL");
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String key = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).strip().toUpperCase(Locale.ROOT);
            String value = equals < 0 ? "" : parts[i].substring(equals + 1).strip().toUpperCase(Locale.ROOT);
            String setting = key + "=" + value;
            switch (key) {
                case "AUTO_SERVER", "AUTO_SERVER_PORT" -> {
                    if (!value.equals("FALSE")) {
                        throw refused(setting, "lets a second run use the store while one is running");
                    }
                }
                case "FILE_LOCK" -> {
                    if (!value.equals("FILE")) {
                        throw refused(setting, "turns off the lock that keeps a second run out");
                    }
                }
                case "ACCESS_MODE_DATA" -> {
                    if (!value.equals("RW")) {
                        throw refused(setting, "opens the store read-only, but every run writes to it");
                    }
                }
                default -> {
                    // other settings do not touch who may use the store
                }
            }
        }
    }

    private static BadArgumentsException refused(String setting, String why) {
        return new BadArgumentsException("--db: " + setting + " " + why + "; remove it from the URL");
    }

    /** The text with every password in it (password= settings, user:password@) replaced by ***. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_SETTING.matcher(text).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }

    /** The file an H2 file store keeps its data in ({@code <name>.mv.db}); empty for other stores. */
    public static Optional<Path> h2File(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
            name = name.substring("file:".length());
        }
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        if (name.isEmpty() || name.contains(":") && !name.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db"));
    }

    /**
     * Why the folder of an H2 file store cannot hold it, if it cannot: checked before the store is
     * opened, because H2 says it only with a stack trace.
     */
    public static Optional<String> folderProblem(String url) {
        Optional<Path> file = h2File(url);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path folder = file.get().toAbsolutePath().normalize().getParent();
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return Optional.of("the store's folder " + folder + " cannot be made: " + p
                            + " is a file; choose another --db or move that file");
                }
                if (!Files.isWritable(p) || !Files.isReadable(p) || !Files.isExecutable(p)) {
                    return Optional.of("the store's folder " + p + " cannot be "
                            + (Files.isReadable(p) ? "written" : "read")
                            + "; give this user access to it or choose another --db");
                }
                if (!p.equals(folder)) {
                    // H2 would make it, and print a page of stack traces to the console when it cannot
                    // (/proc/x, a full disk): made here, a failure is one line.
                    try {
                        Files.createDirectories(folder);
                    } catch (IOException | SecurityException e) {
                        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                                ? f.getReason() : "the file system refused it";
                        return Optional.of("the store's folder " + folder + " cannot be made (" + reason
                                + "); choose another --db");
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
