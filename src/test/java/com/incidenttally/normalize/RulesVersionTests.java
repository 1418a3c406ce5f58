package com.incidenttally.normalize;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store keeps rows as the rules of the version that read them resolved them; {@link IncidentNormalizer#RULES}
 * tells a newer version to read every file again. This test holds the digest of what the rules are made of (the
 * place data and the code of normalize/, places/ and sources/, the RULES line itself left out) and fails when that
 * changes and RULES does not: a change there, even to a comment, needs a new RULES and this digest with it.
 */
class RulesVersionTests {

    /** The digest of the rules' sources when {@link IncidentNormalizer#RULES} was last set; see the failure's text. */
    private static final String DIGEST = "38a587598ca1e26d3fe659ba9436b79355040a9b23cb700244a9f394dc471aa8";
    private static final String RULES_WHEN_RECORDED = "2026-12-08.4";

    private static final List<String> FOLDERS = List.of("src/main/resources/places", "src/main/gazetteer",
            "src/main/java/com/incidenttally/normalize", "src/main/java/com/incidenttally/places",
            "src/main/java/com/incidenttally/sources");

    @Test
    void aChangeToTheRulesComesWithANewRulesVersion() throws Exception {
        String digest = digest();
        assertThat(digest).as("the rules' sources changed: set a new IncidentNormalizer.RULES (stores are then read"
                + " again) and record DIGEST = \"%s\" and RULES_WHEN_RECORDED here", digest).isEqualTo(DIGEST);
        assertThat(IncidentNormalizer.RULES).as("RULES changed: record it here with the digest")
                .isEqualTo(RULES_WHEN_RECORDED);
    }

    private static String digest() throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String folder : FOLDERS) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                if (file.getFileName().toString().equals("IncidentNormalizer.java")) {
                    text = text.replaceAll("(?m)^.*String RULES = .*$", "");
                }
                sha256.update(file.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(text.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
