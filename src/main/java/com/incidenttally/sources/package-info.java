/**
 * Sources: who reported a row, by a canonical name however it was spelled, so that the merge rule
 * (one source's rows never merge with each other) sees one source spelled two ways as one.
 */
package com.incidenttally.sources;
