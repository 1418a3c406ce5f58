package com.incidenttally.job;

import com.incidenttally.ChildJvm;
import com.incidenttally.IncidentTallyApplication;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The job started as a separate JVM, as cron starts it, so a test can kill it or run two at once. */
final class ChildRun {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ChildRun(Process process) {
        this.process = process;
    }

    static ChildRun start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /**
     * Starts the job with these JVM options (system properties such as -Dincident-tally.chunk-size=20) too. The
     * child runs with {@link ChildJvm#FLAGS}, as bin/incident-tally runs a week's input: every child here reads a
     * small one, and a JVM that lives seconds spends less on compiling than it gains.
     */
    static ChildRun start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx512m", "-Djava.awt.headless=true"));
        command.addAll(ChildJvm.FLAGS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IncidentTallyApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildRun run = new ChildRun(process);
        Thread reader = new Thread(run::drain, "child-output");
        reader.setDaemon(true);
        reader.start();
        return run;
    }

    private void drain() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process was killed; what it printed so far is kept.
        }
    }

    /** Waits until the child prints a matching line; false if it ended or the time ran out first. */
    boolean awaitLine(Predicate<String> matches, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            while (true) {
                if (lines.stream().anyMatch(matches)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(matches))) {
                    if (!process.isAlive()) {
                        lines.wait(200);
                        return lines.stream().anyMatch(matches);
                    }
                    return false;
                }
                lines.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
        }
    }

    /**
     * SIGKILL: no shutdown hooks, no chance to tidy up — what a crash or the OOM killer does.
     * Returns whether the run was still going (false: it had ended before the kill).
     */
    boolean kill() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return alive;
    }

    /** SIGTERM, as systemd's stop and {@code timeout} send it: the run may tidy up, and says so. */
    void terminate() {
        // Through the handle: Process.destroy() would also close the pipe this reads the run's last words from.
        process.toHandle().destroy();
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not finish in " + seconds + " s; it printed:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Writes {@code files} CSV files of {@code rows} rows each: several sources, districts and nights. */
    static void writeInput(Path dir, int files, int rows) throws IOException {
        String[] regions = {"Rostov region", "Belgorod Oblast", "Курская область", "Bryansk region", "Voronezh Oblast"};
        String[] districts = {"", "Chertkovsky", "Bokovsky", "Millerovsky", "Sholokhovsky"};
        String[] types = {"shot_down", "debris", "impact", "сбит"};
        Files.createDirectories(dir);
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder(rows * 110);
            text.append("occurred_at,region,district,event_type,uav_count,source,notes\n");
            for (int i = 0; i < rows; i++) {
                int n = f * rows + i;
                int day = 1 + (n / 97) % 28;
                text.append(String.format("2025-11-%02d %02d:%02d", day, (n * 7) % 24, n % 60)).append(',')
                        .append(regions[n % regions.length]).append(',')
                        .append(n % regions.length == 0 ? districts[(n / 5) % districts.length] : "").append(',')
                        .append(types[(n / 3) % types.length]).append(',')
                        .append(n % 11 == 0 ? "unknown" : Integer.toString(n % 4)).append(',')
                        .append("Source ").append((char) ('A' + (n % 3))).append(',')
                        .append(n % 101 == 0 ? "" : "report " + n).append('\n');
                if (n % 997 == 0) {
                    text.append("2025-11-05 01:00,Atlantis,,shot_down,1,Source A,bad region\n");
                }
            }
            Files.writeString(dir.resolve(String.format("reports-%02d.csv", f)), text);
        }
    }
}
