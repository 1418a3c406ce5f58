/**
 * The incident store: input files with their SHA-256, accepted rows in night order, rejections,
 * the inexact names and incident ids counted at ingest, and a per-night index of what the merge
 * made of each night. It only moves rows: {@code StoreReportSource} hands the report a period's
 * rows once, range of nights by range, and the merge and the tallies ({@code tally/}) make the
 * report of them. The only package that speaks SQL.
 */
package com.incidenttally.store;
