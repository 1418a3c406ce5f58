package com.incidenttally.report;

import java.util.Locale;

/** The language of a report's workbook and charts ({@code --lang}); English is the default. */
public enum Language {
    EN(Locale.ENGLISH),
    RU(Locale.forLanguageTag("ru"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code en} or {@code ru}, any case; anything else is not a language of ours. */
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(code.strip())) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "' (en or ru)");
    }

    /** The value of {@code --lang} and of the job parameter: {@code en} or {@code ru}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
