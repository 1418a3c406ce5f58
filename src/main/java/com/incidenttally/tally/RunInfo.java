package com.incidenttally.tally;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the run did: its parameters, the input files and the time each step took.
 *
 * @param parameters option name to value, in the order they are shown
 * @param timings    step name to elapsed time of the steps that have ended, in step order
 * @param running    the step still running while the report is written (the report step), or null
 */
public record RunInfo(String version, Map<String, String> parameters, List<InputFileInfo> files,
                      Map<String, Duration> timings, long rowsRead, long rowsAccepted, long rowsRejected,
                      long rowsMerged, RunningStep running) {

    public RunInfo(String version, Map<String, String> parameters, List<InputFileInfo> files,
                   Map<String, Duration> timings, long rowsRead, long rowsAccepted, long rowsRejected,
                   long rowsMerged) {
        this(version, parameters, files, timings, rowsRead, rowsAccepted, rowsRejected, rowsMerged, null);
    }

    /**
     * The step that writes the report, which cannot know its own end: its time is measured up to the
     * moment Run info is written, and so is the run's wall time.
     *
     * @param name       the step's name
     * @param started    when the step started
     * @param jobStarted when the run started
     */
    public record RunningStep(String name, Instant started, Instant jobStarted) {
    }
}
