package com.incidenttally.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ResourceBundle;

import com.ibm.icu.text.MessageFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of both catalogues, made cheaply, is the text ICU's MessageFormat makes of its pattern,
 * with text, numbers, nulls and missing arguments, the first time and every time after.
 */
class MessageTests {

    private static final String[] TEXTS = {"", "Ростовская область", "it's", "'quoted'", "{0}", "a {b} c", "#1",
            "100%", "line\nbreak", "Bokovsky District", "😀 emoji"};

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTextIsWhatIcuMakesOfItsPattern(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle("com.incidenttally.report.messages", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        int compared = 0;
        for (String key : bundle.keySet()) {
            String pattern = bundle.getString(key);
            MessageFormat icu = new MessageFormat(pattern, language.locale());
            Message message = new Message(pattern, language.locale());
            List<String> names = new ArrayList<>(icu.getArgumentNames());
            for (int round = 0; round < 40; round++) {
                // The same arguments twice in a row now and then: a remembered text must be the same too.
                Random draw = new Random(round / 2 * 1_000L + key.hashCode());
                Object[] indexed = new Object[draw.nextInt(4)];
                for (int i = 0; i < indexed.length; i++) {
                    indexed[i] = argument(draw);
                }
                Map<String, Object> named = new HashMap<>();
                for (String name : names) {
                    if (draw.nextInt(8) != 0) {
                        named.put(name, argument(draw));
                    }
                }
                if (icu.usesNamedArguments()) {
                    assertThat(outcome(() -> message.format(named))).as("%s with %s", key, named)
                            .isEqualTo(outcome(() -> icu.format(named)));
                } else {
                    assertThat(outcome(() -> message.format(indexed))).as("%s with %s", key,
                            java.util.Arrays.toString(indexed)).isEqualTo(outcome(() -> icu.format(indexed)));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200 * 40);
    }

    /** The text, or the failure a wrong argument makes (a text for a number). */
    private static String outcome(java.util.function.Supplier<String> text) {
        try {
            return "text: " + text.get();
        } catch (IllegalArgumentException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static Object argument(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(3) - 1;
            case 1 -> 1_234_567L * random.nextInt(3);
            case 2 -> random.nextInt(10) == 0 ? null : random.nextDouble() * 10;
            default -> TEXTS[random.nextInt(TEXTS.length)];
        };
    }

    @Test
    void plainArgumentsAreSplicedAndTypedOnesLeftToIcu() {
        Message plain = new Message("night {0}: it''s '{'{1}'}'", java.util.Locale.ENGLISH);
        assertThat(plain.format(new Object[] {"2025-12-07/08", "x"})).isEqualTo("night 2025-12-07/08: it's {x}");
        assertThat(plain.format(new Object[] {12345, "x"})).isEqualTo("night 12,345: it's {x}");
        assertThat(plain.format(new Object[] {"a"})).isEqualTo("night a: it's {{1}}");

        Message plural = new Message("{0, plural, one{# row} other{# rows}} counted once ({1})", Language.RU.locale());
        for (int round = 0; round < 2; round++) {
            assertThat(plural.format(new Object[] {2, "x"})).isEqualTo(
                    new MessageFormat("{0, plural, one{# row} other{# rows}} counted once ({1})", Language.RU.locale())
                            .format(new Object[] {2, "x"}));
        }
    }
}
