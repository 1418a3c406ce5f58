/** summary.json: the report's figures for machines, with exactly the keys SPEC lists. */
package com.incidenttally.report.json;
