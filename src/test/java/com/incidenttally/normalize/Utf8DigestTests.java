package com.incidenttally.normalize;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8DigestTests {

    private static byte[] throughTheBuffer(String text) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Utf8Digest.update(digest, text, Utf8Digest.sha256().buffer());
        return digest.digest();
    }

    private static byte[] asJavaEncodesIt(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void digestsTheBytesJavaEncodesEvenForLoneSurrogatesAndTextLongerThanTheBuffer() throws Exception {
        for (String text : new String[] {"", "Rostov", "Ростовская область", "ёлка\u00A0€", "emoji \uD83D\uDE80 ok",
                "lone \uD800 high", "lone \uDC00 low", "end \uD83D", "\uDE00\uD83D", "x".repeat(20_000),
                "я".repeat(9_000) + "\uD83D\uDE80".repeat(3_000)}) {
            assertThat(throughTheBuffer(text)).as(text.length() > 40 ? text.substring(0, 40) : text)
                    .isEqualTo(asJavaEncodesIt(text));
        }
    }

    @Test
    void digestsRandomTextAsJavaEncodesIt() throws Exception {
        Random random = new Random(18);
        char[] alphabet = {'a', ' ', '\u00E9', '\u0416', '\u20AC', '\uD83D', '\uDE80', '\uDBFF', '\uDFFF', '\uFFFF', '\u07FF', '\u0800'};
        for (int n = 0; n < 5_000; n++) {
            char[] chars = new char[random.nextInt(30)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            assertThat(throughTheBuffer(text)).isEqualTo(asJavaEncodesIt(text));
        }
    }
}
