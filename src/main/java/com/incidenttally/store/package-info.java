/**
 * The incident store: input files with their SHA-256, accepted rows, rejections, merged incidents,
 * and the queries the report is written from. The only package that speaks SQL.
 */
package com.incidenttally.store;
