/** The vocabulary every stage shares: why a row or a file was rejected, as a kind with parameters. */
package com.incidenttally.incident;
