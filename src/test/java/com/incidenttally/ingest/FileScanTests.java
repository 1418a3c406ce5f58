package com.incidenttally.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FileScanTests {

    private static FileScan scan(byte[] bytes) throws IOException {
        return FileScan.of(new ByteArrayInputStream(bytes));
    }

    private static boolean jdkSaysUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c080", "c1bf", "e08080", "e09fbf", "eda080", "edbfbf", "f08f8080", "f4908080",
            "f5808080", "ff", "80", "bf", "c2", "e0a0", "f09080", "c241", "e0a041", "c2c2"})
    void rejectsWhatAStrictDecoderRejects(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex("41" + hex + "0a");
        assertThat(jdkSaysUtf8(bytes)).isFalse();
        assertThat(scan(bytes).encoding()).isEqualTo(FileScan.Encoding.NOT_UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7f", "c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080",
            "f48fbfbf", "d0a0d0bed181d182d0bed0b2", "e29982"})
    void acceptsWhatAStrictDecoderAccepts(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex("41" + hex + "0a");
        assertThat(jdkSaysUtf8(bytes)).isTrue();
        assertThat(scan(bytes).encoding()).isEqualTo(FileScan.Encoding.UTF_8);
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() throws IOException {
        Random random = new Random(20251207);
        int invalid = 0;
        for (int n = 0; n < 5_000; n++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                switch (random.nextInt(4)) {
                    case 0 -> out.writeBytes("ab,\"c\n".substring(random.nextInt(6)).getBytes(StandardCharsets.US_ASCII));
                    case 1 -> out.writeBytes(Character.toString(randomCodePoint(random)).getBytes(StandardCharsets.UTF_8));
                    case 2 -> out.write(0x80 + random.nextInt(0x80));
                    default -> out.writeBytes("Ростов".getBytes(random.nextBoolean()
                            ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("windows-1251")));
                }
            }
            byte[] bytes = out.toByteArray();
            boolean expected = jdkSaysUtf8(bytes);
            invalid += expected ? 0 : 1;
            assertThat(scan(bytes).invalidUtf8() == 0)
                    .as(() -> HexFormat.of().formatHex(bytes))
                    .isEqualTo(expected);
        }
        // Both verdicts must have been exercised for the comparison to mean anything.
        assertThat(invalid).isBetween(500, 4_500);
    }

    private static int randomCodePoint(Random random) {
        int[] edges = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x430, 0x2116};
        int codePoint = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(0x110000);
        return Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? 0x41 : codePoint;
    }

    @Test
    void carriesAMultiByteCharacterAcrossChunks() throws IOException {
        byte[] bytes = new byte[200_000];
        java.util.Arrays.fill(bytes, (byte) 'a');
        byte[] ro = "Р".getBytes(StandardCharsets.UTF_8);
        bytes[65_535] = ro[0];
        bytes[65_536] = ro[1];
        assertThat(scan(bytes).encoding()).isEqualTo(FileScan.Encoding.UTF_8);
        bytes[65_536] = 'a';
        assertThat(scan(bytes).encoding()).isEqualTo(FileScan.Encoding.NOT_UTF_8);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'a,\"b\"\n'|4",
            "'a,\"\"\n'|-1",
            "'a,\"x\"\"y\"\n1,\"\"\n'|7",
            "'a,\"x\"\"\"'|4",
            "'5\" shell\n'|1",
    })
    void findsTheLastRunOfQuotesOfOddLength(String text, long offset) throws IOException {
        assertThat(scan(text.getBytes(StandardCharsets.US_ASCII)).lastOddQuoteRun()).isEqualTo(offset);
    }

    @Test
    void locatesTheQuoteThatNeverClosesByByteOffset() throws IOException {
        byte[] bytes = "\uFEFFa;b\r\n\r\n1;\"x\r\ny\"\r\n2;\"open\n3;4\n".getBytes(StandardCharsets.UTF_8);
        FileScan scan = scan(bytes);
        assertThat(scan.encoding()).isEqualTo(FileScan.Encoding.UTF_8_BOM);
        assertThat(scan.delimiter()).isEqualTo(';');
        int offset = new String(bytes, StandardCharsets.UTF_8).indexOf("2;\"open") + 2 + 2;
        assertThat(scan.lastOddQuoteRun()).isEqualTo(offset);
    }

    @Test
    void readsMostlyValidUtf8AsUtf8AndMostlyInvalidAsWindows1251() throws IOException {
        byte[] utf8 = "Ростовская область,сбит\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] oneBad = java.util.Arrays.copyOf(utf8, utf8.length + 2);
        oneBad[utf8.length] = (byte) 0xC0;
        oneBad[utf8.length + 1] = '\n';
        FileScan scan = scan(oneBad);
        assertThat(scan.invalidUtf8()).isEqualTo(1);
        assertThat(scan.encoding()).isEqualTo(FileScan.Encoding.UTF_8_INVALID);
        byte[] cp1251 = "Ростовская область,сбит\n".repeat(50).getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertThat(scan(cp1251).encoding()).isEqualTo(FileScan.Encoding.NOT_UTF_8);
        assertThat(scan("a,b\n1,\u2116\n".getBytes(java.nio.charset.Charset.forName("windows-1251"))).encoding())
                .isEqualTo(FileScan.Encoding.NOT_UTF_8);
    }
}
