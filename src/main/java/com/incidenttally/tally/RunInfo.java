package com.incidenttally.tally;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the run did: its parameters, the input files and the time each step took.
 *
 * @param parameters option name to value, in the order they are shown
 * @param timings    step name to elapsed time, in step order
 */
public record RunInfo(String version, Map<String, String> parameters, List<InputFileInfo> files,
                      Map<String, Duration> timings, long rowsRead, long rowsAccepted, long rowsRejected,
                      long rowsMerged) {
}
