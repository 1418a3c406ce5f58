/** The PNG charts: by night, by region, top districts, the region-by-night heatmap and the weekly trend. */
package com.incidenttally.report.charts;
