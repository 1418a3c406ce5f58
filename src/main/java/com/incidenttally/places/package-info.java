/**
 * Places: the bundled gazetteer of regions and districts, and the resolution of a name as
 * written (any spelling, English or Russian) to its canonical place.
 */
package com.incidenttally.places;
