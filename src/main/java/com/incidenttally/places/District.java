package com.incidenttally.places;

/**
 * A district inside a region: a municipal district, urban okrug, municipal okrug or city district.
 *
 * @param regionIso ISO 3166-2 code of the region it lies in
 * @param name      canonical English name: the transliterated name and its kind in English,
 *                  "Chertkovsky District", "Shebekinsky Urban Okrug", "Traktorozavodsky District"
 * @param nameRu    Russian name as the official classifier writes it
 * @param kind      one of {@code municipal district}, {@code urban okrug}, {@code municipal okrug},
 *                  {@code city district}, {@code raion} (Ukraine)
 */
public record District(String regionIso, String name, String nameRu, String kind) {

    @Override
    public String toString() {
        return name + " (" + regionIso + ")";
    }
}
