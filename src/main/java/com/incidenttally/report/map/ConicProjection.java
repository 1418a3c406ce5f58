package com.incidenttally.report.map;

/**
 * Albers equal-area conic on a sphere: areas keep their proportions, so a large region does not look
 * busier than it is. Fitted to what is shown: central meridian in the middle of it, standard parallels
 * at a sixth and five sixths of its latitudes (the usual rule of thumb).
 */
record ConicProjection(double lon0, double n, double c, double rho0) {

    static ConicProjection fitted(double minLon, double minLat, double maxLon, double maxLat) {
        double span = maxLat - minLat;
        double phi1 = Math.toRadians(minLat + span / 6);
        double phi2 = Math.toRadians(maxLat - span / 6);
        double n = Math.abs(phi1 - phi2) < 1e-6 ? Math.sin(phi1) : (Math.sin(phi1) + Math.sin(phi2)) / 2;
        double c = Math.cos(phi1) * Math.cos(phi1) + 2 * n * Math.sin(phi1);
        double phi0 = Math.toRadians((minLat + maxLat) / 2);
        double rho0 = Math.sqrt(c - 2 * n * Math.sin(phi0)) / n;
        return new ConicProjection((minLon + maxLon) / 2, n, c, rho0);
    }

    /** Projects into {@code out} as x (east) and y (north), in earth radii. */
    void project(double lon, double lat, double[] out, int at) {
        double rho = Math.sqrt(Math.max(0, c - 2 * n * Math.sin(Math.toRadians(lat)))) / n;
        double theta = n * Math.toRadians(lon - lon0);
        out[at] = rho * Math.sin(theta);
        out[at + 1] = rho0 - rho * Math.cos(theta);
    }
}
