package com.incidenttally.incident;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictKeyTests {

    /** Names that try the folding and the order: case, white space, scripts, characters below ':' and above 'd'. */
    private static final List<String> NAMES = List.of("Lviv Raion", "lviv raion", "LVIV\tRAION", " Lviv  Raion ",
            "Шебекинский район", "ШЕБЕКИНСКИЙ РАЙОН", "Σίφνος ΟΔΟΣ", "İstanbul", "ß", "0", "!", ":", "?", "d", "D:x",
            "?:a", "a\u00a0b", "🚀 district", "\uD83D", "a", "ab", "b", "zz", "Zz", "~", "\u00ad");

    /** The key as the store and the listings held it before it was a type: the prefix and the name, folded together. */
    private static String oldKey(String prefix, String name) {
        return Pattern.compile("\\s+").matcher((prefix + name).toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static List<DistrictKey> keysOf(List<String> names) {
        List<DistrictKey> keys = new ArrayList<>();
        keys.add(DistrictKey.REGION);
        for (String name : names) {
            keys.add(DistrictKey.resolved(name));
            keys.add(DistrictKey.unresolved(name));
        }
        return keys;
    }

    @Nested
    class Equality {

        @Test
        void namesThatFoldAlikeAreOneKey() {
            assertThat(DistrictKey.resolved(" Lviv \t Raion ")).isEqualTo(DistrictKey.resolved(" lviv raion "))
                    .hasSameHashCodeAs(DistrictKey.resolved(" lviv raion "));
            assertThat(DistrictKey.unresolved("ШЕБЕКИНО")).isEqualTo(DistrictKey.unresolved("шебекино"));
        }

        @Test
        void aResolvedDistrictIsNotTheUnresolvedNameSpelledAlike() {
            assertThat(DistrictKey.resolved("Lviv")).isNotEqualTo(DistrictKey.unresolved("Lviv"));
            assertThat(DistrictKey.resolved("Lviv")).isNotEqualTo(DistrictKey.REGION);
            assertThat(DistrictKey.resolved("Lviv").isUnresolved()).isFalse();
            assertThat(DistrictKey.unresolved("Lviv").isUnresolved()).isTrue();
            assertThat(DistrictKey.REGION.isRegion()).isTrue();
            assertThat(DistrictKey.unresolved("Lviv").isRegion()).isFalse();
        }

        @Test
        void theRegionAsAWholeHasNoName() {
            assertThatThrownBy(() -> new DistrictKey(DistrictKey.Kind.REGION, "lviv"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a district key");
            assertThatThrownBy(() -> new DistrictKey(DistrictKey.Kind.RESOLVED, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DistrictKey(null, "lviv")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Order {

        @Test
        void everyPairOrdersAsTheOldKeysDid() {
            List<DistrictKey> keys = keysOf(NAMES);
            for (DistrictKey a : keys) {
                for (DistrictKey b : keys) {
                    assertThat(Integer.signum(a.compareTo(b))).as("%s against %s", a, b)
                            .isEqualTo(Integer.signum(a.encoded().compareTo(b.encoded())));
                    assertThat(a.compareTo(b) == 0).as("%s against %s", a, b).isEqualTo(a.equals(b));
                }
            }
        }

        @Test
        void theRegionFirstThenUnresolvedNamesThenDistricts() {
            List<DistrictKey> keys = new ArrayList<>(List.of(DistrictKey.resolved("a"), DistrictKey.unresolved("z"),
                    DistrictKey.REGION, DistrictKey.unresolved("b"), DistrictKey.resolved("0")));
            keys.sort(Comparator.naturalOrder());
            assertThat(keys).containsExactly(DistrictKey.REGION, DistrictKey.unresolved("b"),
                    DistrictKey.unresolved("z"), DistrictKey.resolved("0"), DistrictKey.resolved("a"));
        }

        @Test
        void everyDistrictOfTheGazetteerSortsAsItsOldKeyDid() {
            Gazetteer gazetteer = Gazetteer.bundled();
            List<String> names = new ArrayList<>();
            for (Region region : gazetteer.regions()) {
                gazetteer.districts(region).forEach(district -> names.add(district.name()));
            }
            assertThat(names).hasSizeGreaterThan(100);
            List<DistrictKey> keys = keysOf(names);
            Random random = new Random(18);
            java.util.Collections.shuffle(keys, random);

            List<String> byOldText = keys.stream().map(DistrictKey::encoded).sorted().distinct().toList();
            List<String> byKey = keys.stream().sorted().distinct().map(DistrictKey::encoded).toList();
            assertThat(byKey).isEqualTo(byOldText);
        }
    }

    @Nested
    class Encoding {

        @Test
        void encodesToTheTextStoresAlreadyHold() {
            for (String name : NAMES) {
                assertThat(DistrictKey.resolved(name).encoded()).as(name).isEqualTo(oldKey("d:", name));
                assertThat(DistrictKey.unresolved(name).encoded()).as(name).isEqualTo(oldKey("?:", name));
            }
            assertThat(DistrictKey.REGION.encoded()).isEmpty();
            assertThat(DistrictKey.resolved("Lviv  Raion").encoded()).isEqualTo("d:lviv raion");
            assertThat(DistrictKey.unresolved("Tractor Factory").encoded()).isEqualTo("?:tractor factory");
        }

        @Test
        void everyKeyComesBack() {
            for (DistrictKey key : keysOf(NAMES)) {
                assertThat(DistrictKey.decode(key.encoded())).isEqualTo(key);
            }
            // Names that are not folded (a test's or an older build's) come back as they were, too.
            DistrictKey raw = new DistrictKey(DistrictKey.Kind.UNRESOLVED, "Key \uD800 ?:d:");
            assertThat(DistrictKey.decode(raw.encoded())).isEqualTo(raw);
            assertThat(DistrictKey.decode("")).isSameAs(DistrictKey.REGION);
            assertThat(DistrictKey.decode("d:lviv")).isEqualTo(new DistrictKey(DistrictKey.Kind.RESOLVED, "lviv"));
            assertThat(DistrictKey.decode("?:")).isEqualTo(new DistrictKey(DistrictKey.Kind.UNRESOLVED, ""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"lviv", "D:lviv", "?lviv", ":lviv", "d;lviv", " d:lviv"})
        void refusesTextThatIsNoKey(String text) {
            assertThatThrownBy(() -> DistrictKey.decode(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a district key: '" + text + "'");
        }
    }
}
