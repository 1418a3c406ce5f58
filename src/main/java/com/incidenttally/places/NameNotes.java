package com.incidenttally.places;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a name as written carries besides the place: a parenthesised note ({@code Kherson (right bank)}), a
 * trailing country ({@code Kharkiv Oblast, Ukraine}); and text that names no place at all ({@code east},
 * {@code south-west}, {@code unknown}, a country alone).
 */
final class NameNotes {

    /** Countries reports put after a place, in the languages they are written in (normalized, no soft signs). */
    private static final Set<String> COUNTRIES = Set.of(
            "ukraine", "ukraina", "ukrayina", "ukrajina", "ukrainy", "oekraine", "ucrania", "ucraina",
            "украина", "украины", "украине", "україна", "україни", "україні",
            "russia", "russian federation", "rf", "rossiya", "rossija", "russland", "russie", "rusia",
            "rosja", "rusko", "rusland", "россия", "россии", "рф", "российская федерация", "российской федерации",
            "росія", "росії",
            "belarus", "беларусь", "білорусь", "moldova", "kazakhstan", "poland", "romania", "georgia",
            "lithuania", "latvia", "estonia", "finland", "turkey");
    /** Words of direction and of vagueness: a name made of nothing else names no place. */
    private static final Set<String> NO_PLACE_WORDS = Set.of(
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
            "southern", "eastern", "western", "central", "centre", "center", "middle", "part", "parts", "of", "the",
            "in", "near", "area", "unknown", "unspecified", "not", "specified", "na", "none", "various", "multiple",
            "several", "regions", "n", "a", "tbd", "other",
            "север", "юг", "восток", "запад", "северо", "юго", "северный", "южный", "восточный", "западный",
            "северная", "южная", "восточная", "западная", "центр", "центральный", "центральная", "часть",
            "неизвестно", "не", "указано", "известно", "невідомо", "вказано", "північ", "південь", "схід",
            "захід", "північний", "південний", "східний", "західний", "центральна", "частина",
            "на", "в", "у");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]\\s*");
    private static final Pattern TRAILING_PART = Pattern.compile("^(.*\\S)\\s*[,;/–—-]\\s*([^,;/–—-]+)$");

    private NameNotes() {
    }

    /**
     * The name without its notes, and the notes dropped; null when there is nothing to drop, or nothing but
     * notes.
     */
    static Trimmed trim(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder dropped = new StringBuilder();
        String rest = input;
        Matcher parentheses = PARENTHESES.matcher(rest);
        if (parentheses.find()) {
            StringBuilder kept = new StringBuilder();
            parentheses.reset();
            while (parentheses.find()) {
                dropped.append(dropped.isEmpty() ? "" : ", ").append(parentheses.group().trim());
                parentheses.appendReplacement(kept, " ");
            }
            parentheses.appendTail(kept);
            rest = kept.toString().trim();
        }
        String country = trailingCountry(rest);
        if (country != null) {
            dropped.append(dropped.isEmpty() ? "" : ", ").append(country.replaceAll("^[\\s,;/–—-]+", ""));
            rest = rest.substring(0, rest.length() - country.length()).replaceAll("[\\s,;/–—-]+$", "");
        }
        if (dropped.isEmpty() || NameFolding.normalize(rest).isEmpty()) {
            return null;
        }
        return new Trimmed(rest, dropped.toString());
    }

    /** The country a name ends with, as written (with what separates it), or null. */
    private static String trailingCountry(String name) {
        Matcher part = TRAILING_PART.matcher(name);
        if (part.matches() && COUNTRIES.contains(NameFolding.normalize(part.group(2)))) {
            return name.substring(part.end(1));
        }
        String[] words = name.trim().split("\\s+");
        for (int n = Math.min(2, words.length - 1); n >= 1; n--) {
            String tail = String.join(" ", List.of(words).subList(words.length - n, words.length));
            if (COUNTRIES.contains(NameFolding.normalize(tail))) {
                return name.substring(name.lastIndexOf(words[words.length - n]));
            }
        }
        return null;
    }

    /** Text that names no place: directions, vague words, a country alone. */
    static boolean namesNoPlace(String input) {
        String normalized = NameFolding.normalize(input);
        if (normalized.isEmpty()) {
            return false;
        }
        if (COUNTRIES.contains(normalized)) {
            return true;
        }
        for (String word : normalized.split(" ")) {
            if (!NO_PLACE_WORDS.contains(word) && !COUNTRIES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Words that say nothing of where: a district column holding nothing else names no district. */
    private static final Set<String> VAGUE_WORDS = Set.of(
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "unknown",
            "unspecified", "not", "specified", "na", "none", "various", "multiple", "several", "n", "a", "tbd",
            "неизвестно", "не", "указано", "известно", "невідомо", "вказано");

    /**
     * Text in the district column that names no district: a country, compass points, "unknown". Russian and
     * Ukrainian adjectives of direction are district names there (Центральный, Северный).
     */
    static boolean namesNoDistrict(String input) {
        String normalized = NameFolding.normalize(input);
        if (normalized.isEmpty()) {
            return false;
        }
        if (COUNTRIES.contains(normalized)) {
            return true;
        }
        for (String word : normalized.split(" ")) {
            if (!VAGUE_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A name without its notes, and the notes as written. */
    record Trimmed(String name, String dropped) {
    }
}
