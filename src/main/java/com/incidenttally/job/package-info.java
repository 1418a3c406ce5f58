/**
 * The Spring Batch job and its command line: options, step wiring (sync, ingest, merge, report),
 * exit codes. The feature packages it wires know nothing of Spring Batch.
 */
package com.incidenttally.job;
