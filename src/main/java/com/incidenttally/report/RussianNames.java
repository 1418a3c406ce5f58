package com.incidenttally.report;

import java.util.Map;

/**
 * District names as a Russian report writes them (docs/output.md, "Russian"):
 * <ul>
 *   <li>the short common form, {@code Алейский район} for {@code Алейский муниципальный район}
 *       ({@code муниципальный} left out), where no other district of the region then reads the same;</li>
 *   <li>a Ukrainian raion, whose gazetteer name is Ukrainian ({@code Броварський район}), in Russian:
 *       a table of names whose Russian form is not spelled letter for letter ({@code Харківський} →
 *       {@code Харьковский}), else the rule {@code -івський} → {@code -овский}, {@code -ївський} →
 *       {@code -евский}, {@code -ський} → {@code -ский}, {@code -цький} → {@code -цкий}, {@code і ї} →
 *       {@code и}, {@code є} → {@code е}, {@code ґ} → {@code г}, the apostrophe left out. Never
 *       Ukrainian letters in a Russian report.</li>
 * </ul>
 */
final class RussianNames {

    /** Ukrainian stems whose Russian form the rule would not give. */
    private static final Map<String, String> STEMS = Map.ofEntries(
            Map.entry("Харківськ", "Харьковск"),
            Map.entry("Вишгородськ", "Вышгородск"),
            Map.entry("Білоцерківськ", "Белоцерковск"),
            Map.entry("Запорізьк", "Запорожск"),
            Map.entry("Криворізьк", "Криворожск"),
            Map.entry("Дніпровськ", "Днепровск"),
            Map.entry("Дністровськ", "Днестровск"),
            Map.entry("Білгород-Дністровськ", "Белгород-Днестровск"),
            Map.entry("Миколаївськ", "Николаевск"),
            Map.entry("Чернігівськ", "Черниговск"),
            Map.entry("Кам’янськ", "Каменск"),
            Map.entry("Кам’янець-Подільськ", "Каменец-Подольск"),
            Map.entry("Могилів-Подільськ", "Могилев-Подольск"),
            Map.entry("Подільськ", "Подольск"),
            Map.entry("Новгород-Сіверськ", "Новгород-Северск"),
            Map.entry("Сіверськодонецьк", "Северодонецк"),
            Map.entry("Олександрійськ", "Александрийск"),
            Map.entry("Львівськ", "Львовск"),
            Map.entry("Рівненськ", "Ровенск"),
            Map.entry("Ніжинськ", "Нежинск"),
            Map.entry("Голосіївськ", "Голосеевск"),
            Map.entry("Солом’янськ", "Соломенск"),
            Map.entry("Шевченківськ", "Шевченковск"),
            Map.entry("Вінницьк", "Винницк"),
            Map.entry("Ізмаїльськ", "Измаильск"));

    private RussianNames() {
    }

    /** The short common form: {@code муниципальный район} read as {@code район}, and so on. */
    static String shortForm(String name) {
        return name.replace(" муниципальный район", " район").replace(" муниципальный округ", " округ");
    }

    /** Whether a name is written in Ukrainian: letters Russian does not have, or the adjective ending -ський. */
    static boolean isUkrainian(String name) {
        if (name.contains("ськ") || name.contains("цьк") || name.contains("зьк")) {
            // The Ukrainian adjective ending (Броварський); Russian writes -ский.
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ' || c == '’' || c == '\'') {
                return true;
            }
        }
        return false;
    }

    /** A Ukrainian raion's name in Russian: {@code Броварський район} → {@code Броварский район}. */
    static String fromUkrainian(String name) {
        String text = name;
        for (Map.Entry<String, String> stem : STEMS.entrySet()) {
            if (text.startsWith(stem.getKey())) {
                text = stem.getValue() + text.substring(stem.getKey().length());
                break;
            }
        }
        text = text.replace("ївськ", "евск").replace("івськ", "овск").replace("ськ", "ск").replace("цьк", "цк")
                .replace("зьк", "зск");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'і', 'ї' -> out.append('и');
                case 'І', 'Ї' -> out.append('И');
                case 'є' -> out.append('е');
                case 'Є' -> out.append('Е');
                case 'ґ' -> out.append('г');
                case 'Ґ' -> out.append('Г');
                case '’', '\'' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
