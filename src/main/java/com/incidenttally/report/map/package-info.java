/**
 * The region map: bundled boundaries keyed by the gazetteer's codes, a conic projection fitted to the areas
 * shown, class breaks and colours, and the Java2D drawing of the incident map and the change map.
 */
package com.incidenttally.report.map;
