/** Turns raw CSV rows into validated incidents or located rejections: nights, event types, counts. */
package com.incidenttally.normalize;
