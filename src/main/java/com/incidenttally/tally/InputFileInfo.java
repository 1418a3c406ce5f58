package com.incidenttally.tally;

/** One input file as the run saw it. {@code status} is loaded, unchanged or rejected. */
public record InputFileInfo(String path, String sha256, String encoding, String delimiter,
                            long rowsRead, long rowsAccepted, long rowsRejected, String status) {
}
