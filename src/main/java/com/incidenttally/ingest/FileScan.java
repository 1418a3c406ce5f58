package com.incidenttally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.channels.Channels;

/**
 * What one streaming pass over a file's bytes tells before it is parsed: a byte order mark, the
 * delimiter of the header line, how much of it is valid UTF-8, and where its last quote run of odd
 * length starts.
 *
 * <p>Quote runs are counted on bytes, which is safe for both UTF-8 and windows-1251: quotes,
 * delimiters and line breaks are ASCII in both, and UTF-8 multi-byte sequences never contain
 * ASCII bytes. A quoted field closes at the first run of quotes of odd length after its opening
 * quote (a doubled quote is a run of two), so the one quoted field that can never close is the one
 * opened by the last odd run in the file: the parser knows it at once, without reading on to the
 * end of the file.
 *
 * @param validMultiByte  UTF-8 sequences of two to four bytes that are valid
 * @param invalidUtf8     bytes or truncated sequences that are not UTF-8, as a strict decoder counts them
 * @param lastOddQuoteRun the byte offset where the file's last run of quotes of odd length starts, or -1
 * @param binary          the first bytes are those of a binary file, not of text (see {@link #binary})
 * @param sha256          the SHA-256 of every byte the scan read, lower-case hex, when it read the whole
 *                        file (a file read as text); null when it stopped at the first bytes
 */
record FileScan(boolean bom, boolean utf16, char delimiter, long validMultiByte, long invalidUtf8, long lastOddQuoteRun,
                boolean binary, String sha256) {

    enum Encoding {
        UTF_8, UTF_8_BOM,
        /** Mostly UTF-8 with some invalid bytes: read as UTF-8, rows holding invalid bytes are rejected. */
        UTF_8_INVALID, UTF_8_BOM_INVALID,
        NOT_UTF_8, UTF_16,
        /** Not text in any encoding we read (a spreadsheet, an image, an archive). */
        BINARY
    }

    private static final int CHUNK = 1 << 16;

    /**
     * How to read the file. One invalid byte does not make a file windows-1251: only when invalid
     * bytes are at least as many as valid multi-byte UTF-8 characters is it read as windows-1251
     * (windows-1251 Cyrillic is almost never valid UTF-8, so such a file has next to none).
     */
    Encoding encoding() {
        if (utf16) {
            return Encoding.UTF_16;
        }
        if (binary) {
            return Encoding.BINARY;
        }
        if (invalidUtf8 == 0) {
            return bom ? Encoding.UTF_8_BOM : Encoding.UTF_8;
        }
        if (bom) {
            return Encoding.UTF_8_BOM_INVALID;
        }
        return validMultiByte > invalidUtf8 ? Encoding.UTF_8_INVALID : Encoding.NOT_UTF_8;
    }

    /** Scans the file, hashing the bytes as it reads them: the file need not be read again for that. */
    static FileScan of(IncidentCsvReader.Source source) throws IOException {
        try (InputStream in = Channels.newInputStream(source.open())) {
            return of(in);
        }
    }

    static FileScan of(InputStream stream) throws IOException {
        MessageDigest digest = InputFiles.sha256Digest();
        InputStream in = new DigestInputStream(stream, digest);
        byte[] bytes = new byte[CHUNK];
        int length = in.readNBytes(bytes, 0, CHUNK);
        boolean bom = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        if (!bom && length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return new FileScan(false, true, ',', 0, 0, -1, false, null);
        }
        int start = bom ? 3 : 0;
        if (binary(bytes, start, length)) {
            return new FileScan(bom, false, ',', 0, 0, -1, true, null);
        }
        char delimiter = delimiterOf(bytes, start, length);
        Pass pass = new Pass();
        long base = 0;
        int from = start;
        while (length > 0) {
            pass.scan(bytes, from, length, base);
            base += length;
            from = 0;
            length = length < CHUNK ? 0 : in.readNBytes(bytes, 0, CHUNK);
        }
        pass.end();
        return new FileScan(bom, false, delimiter, pass.valid, pass.invalid, pass.lastOddRun, false,
                HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Whether the first bytes are those of a binary file rather than text in any encoding: NUL
     * bytes making a tenth of them (UTF-16 without a byte order mark, most binary formats), or bytes
     * that are not UTF-8 together with control characters other than tab, line breaks and form feed
     * making a twentieth of them (compressed data, images, spreadsheets: random bytes hold about
     * 12%). Text with a few control characters or NULs in its fields stays text, so its rows are
     * read and judged one by one.
     */
    static boolean binary(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length <= 0) {
            return false;
        }
        int nul = 0;
        int control = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                nul++;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (nul * 10L >= length && nul > 3) {
            return true;
        }
        return control * 20L >= length && control > 3 && !utf8(bytes, from, to);
    }

    /** Whether the bytes are UTF-8, a sequence cut at the end aside. */
    private static boolean utf8(byte[] bytes, int from, int to) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(to - from);
        return !decoder.decode(java.nio.ByteBuffer.wrap(bytes, from, to - from), out, false).isError();
    }

    /**
     * The most frequent of comma, semicolon and tab outside quotes on the header line; comma if
     * none. Lines with nothing but delimiters and spaces are skipped, as the reader skips them.
     */
    static char delimiterOf(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            boolean quoted = false;
            boolean text = false;
            for (; i < to; i++) {
                byte b = bytes[i];
                if (b == '"') {
                    quoted = !quoted;
                    text = true;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    break;
                } else if (quoted) {
                    text = true;
                } else if (b == ',') {
                    commas++;
                } else if (b == ';') {
                    semicolons++;
                } else if (b == '\t') {
                    tabs++;
                } else if (b != ' ') {
                    text = true;
                }
            }
            if (text) {
                if (semicolons > commas && semicolons >= tabs) {
                    return ';';
                }
                return tabs > commas && tabs > semicolons ? '\t' : ',';
            }
            i++;
        }
        return ',';
    }

    /**
     * The byte loop, written for speed since it sees every byte of files of 100 MB and more. UTF-8
     * is checked by a small state machine that carries across chunks and counts errors the way a
     * strict {@link java.nio.charset.CharsetDecoder} reports them, without decoding.
     */
    private static final class Pass {

        private long valid;
        private long invalid;
        // UTF-8 continuation bytes still expected, and the range the next one must fall in.
        private int need;
        private int low = 0x80;
        private int high = 0xBF;

        private long lastOddRun = -1;
        private long runStart = -1;
        private int runLength;

        void scan(byte[] bytes, int from, int to, long base) {
            int need = this.need;
            int runLength = this.runLength;
            for (int i = from; i < to; i++) {
                int b = bytes[i] & 0xFF;
                if (b == '"') {
                    if (runLength++ == 0) {
                        runStart = base + i;
                    }
                } else if (runLength != 0) {
                    if ((runLength & 1) == 1) {
                        lastOddRun = runStart;
                    }
                    runLength = 0;
                }
                if (b < 0x80) {
                    if (need != 0) {
                        invalid++;
                        need = 0;
                    }
                } else {
                    need = checkUtf8(b, need);
                }
            }
            this.need = need;
            this.runLength = runLength;
        }

        /** Checks one byte of 0x80 and above; returns the continuation bytes still expected. */
        private int checkUtf8(int b, int need) {
            if (need > 0) {
                if (b < low || b > high) {
                    // The sequence is cut short: one error, and this byte starts afresh.
                    invalid++;
                    low = 0x80;
                    high = 0xBF;
                    return checkUtf8(b, 0);
                }
                low = 0x80;
                high = 0xBF;
                if (need == 1) {
                    valid++;
                }
                return need - 1;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                return 1;
            }
            if (b >= 0xE0 && b <= 0xEF) {
                // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    high = 0x9F;
                }
                return 2;
            }
            if (b >= 0xF0 && b <= 0xF4) {
                // No overlong forms (F0 80..8F) and nothing past U+10FFFF (F4 90..).
                if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
                return 3;
            }
            invalid++;
            return 0;
        }

        void end() {
            if (need != 0) {
                invalid++;
            }
            if ((runLength & 1) == 1) {
                lastOddRun = runStart;
            }
        }
    }
}
