package com.incidenttally.incident;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The four kinds of incident the report counts, with the spellings analysts use for them. */
public enum EventType {
    SHOT_DOWN("shot_down", "Shot down"),
    DEBRIS("debris", "Debris"),
    IMPACT("impact", "Impact"),
    ATTACK("attack", "Attack");

    private static final Map<String, EventType> ALIASES = Map.ofEntries(
            Map.entry("shot_down", SHOT_DOWN), Map.entry("shot down", SHOT_DOWN),
            Map.entry("shotdown", SHOT_DOWN), Map.entry("intercepted", SHOT_DOWN),
            Map.entry("destroyed", SHOT_DOWN), Map.entry("сбит", SHOT_DOWN),
            Map.entry("сбиты", SHOT_DOWN), Map.entry("уничтожен", SHOT_DOWN),
            Map.entry("уничтожены", SHOT_DOWN), Map.entry("перехвачен", SHOT_DOWN),
            Map.entry("debris", DEBRIS), Map.entry("wreckage", DEBRIS),
            Map.entry("fragments", DEBRIS), Map.entry("обломки", DEBRIS),
            Map.entry("impact", IMPACT), Map.entry("hit", IMPACT), Map.entry("strike", IMPACT),
            Map.entry("прилёт", IMPACT), Map.entry("прилет", IMPACT), Map.entry("попадание", IMPACT),
            Map.entry("attack", ATTACK), Map.entry("атака", ATTACK));

    private final String code;
    private final String label;

    EventType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The canonical spelling used in the store and in {@code summary.json}. */
    public String code() {
        return code;
    }

    /** The column heading used in the workbook. */
    public String label() {
        return label;
    }

    public static Optional<EventType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ");
        EventType type = ALIASES.get(key);
        if (type == null) {
            type = ALIASES.get(key.replace(' ', '_'));
        }
        return Optional.ofNullable(type);
    }

    /** values() makes a new array at each call, and a report's tallies ask once per incident and figure. */
    private static final EventType[] ALL = values();

    public static EventType fromCode(String code) {
        for (EventType type : ALL) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type code " + code);
    }
}
