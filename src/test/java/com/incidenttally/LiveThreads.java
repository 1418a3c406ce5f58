package com.incidenttally;

import java.util.List;

/** Threads the job starts for a part of its work, to check that none outlives it. */
public final class LiveThreads {

    private LiveThreads() {
    }

    /** The threads of this name still running, each given five seconds to end once its work is done. */
    public static List<Thread> named(String name) throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name)).toList();
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }
}
