package com.incidenttally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one streaming pass over a file's bytes tells before it is parsed: a byte order mark, the
 * delimiter of the header line, whether every byte is valid UTF-8, and whether the file ends
 * inside a quoted field (and where that record and that quote began).
 *
 * <p>The quote tracking works on bytes, which is safe for both UTF-8 and windows-1251: quotes,
 * delimiters and line breaks are ASCII in both, and UTF-8 multi-byte sequences never contain
 * ASCII bytes. It follows FastCSV's strict parser: a quote only opens a quoted field at the start
 * of a field, and within such a field every quote toggles (a doubled quote toggles twice).
 */
record FileScan(Encoding encoding, char delimiter, Unclosed unclosed) {

    /** {@code BINARY}: not text in any encoding we read (a spreadsheet, an image, an archive). */
    enum Encoding { UTF_8, UTF_8_BOM, UTF_8_BOM_INVALID, NOT_UTF_8, UTF_16, BINARY }

    /**
     * A record whose quoted field is never closed.
     *
     * @param offset     the byte offset the record starts at
     * @param recordLine the line the record starts on
     * @param quoteLine  the line its unclosed quoted field opens on
     */
    record Unclosed(long offset, long recordLine, long quoteLine) {
    }

    private static final int CHUNK = 1 << 16;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int IN_QUOTES = 2;
    private static final int AFTER_QUOTES = 3;

    static FileScan of(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return of(in);
        }
    }

    static FileScan of(InputStream in) throws IOException {
        byte[] bytes = new byte[CHUNK];
        int length = in.readNBytes(bytes, 0, CHUNK);
        boolean bom = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        if (!bom && length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return new FileScan(Encoding.UTF_16, ',', null);
        }
        int start = bom ? 3 : 0;
        if (binary(bytes, start, length)) {
            return new FileScan(Encoding.BINARY, ',', null);
        }
        char delimiter = delimiterOf(bytes, start, length);
        Pass pass = new Pass((byte) delimiter, start);
        long base = 0;
        int from = start;
        while (length > 0) {
            pass.scan(bytes, from, length, base);
            base += length;
            from = 0;
            length = length < CHUNK ? 0 : in.readNBytes(bytes, 0, CHUNK);
        }
        pass.end();
        Encoding encoding = bom
                ? (pass.validUtf8 ? Encoding.UTF_8_BOM : Encoding.UTF_8_BOM_INVALID)
                : (pass.validUtf8 ? Encoding.UTF_8 : Encoding.NOT_UTF_8);
        return new FileScan(encoding, delimiter, pass.unclosed());
    }

    /**
     * Whether the first bytes are those of a binary file rather than text in any encoding: NUL
     * bytes, which no text in UTF-8 or windows-1251 holds, at 1% or more, or control characters
     * other than tab, line breaks and form feed at 5% or more (and more than three of them either
     * way). Random and compressed bytes have
     * about 12% control characters; a text file with a stray NUL or two in a field stays text, so
     * its rows are read and rejected one by one.
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
        return nul * 100L >= length && nul > 3 || control * 20L >= length && control > 3;
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
     * The byte loop, written for speed since it sees every byte of files of 100 MB and more: a
     * table sorts bytes into kinds, and UTF-8 is checked by a small state machine that carries
     * across chunks (same verdict as a strict {@link java.nio.charset.CharsetDecoder}, without
     * decoding).
     */
    private static final class Pass {

        private static final byte ORDINARY = 0;
        private static final byte QUOTE = 1;
        private static final byte DELIMITER = 2;
        private static final byte LF = 3;
        private static final byte CR = 4;
        private static final byte HIGH = 5;

        private final byte[] kinds = new byte[256];
        private boolean validUtf8 = true;
        // UTF-8 continuation bytes still expected, and the range the next one must fall in.
        private int need;
        private int low = 0x80;
        private int high = 0xBF;

        private int state = FIELD_START;
        private long line = 1;
        private boolean afterCr;
        private long recordOffset;
        private long recordLine = 1;
        private long quoteLine;

        Pass(byte delimiter, int start) {
            recordOffset = start;
            kinds['"'] = QUOTE;
            kinds[delimiter & 0xFF] = DELIMITER;
            kinds['\n'] = LF;
            kinds['\r'] = CR;
            for (int b = 0x80; b < 0x100; b++) {
                kinds[b] = HIGH;
            }
        }

        void scan(byte[] bytes, int from, int to, long base) {
            int state = this.state;
            int need = this.need;
            for (int i = from; i < to; i++) {
                int b = bytes[i] & 0xFF;
                byte kind = kinds[b];
                if (kind == ORDINARY || kind == HIGH) {
                    if (state == FIELD_START) {
                        state = UNQUOTED;
                    }
                    if (kind == HIGH) {
                        if (validUtf8) {
                            need = checkUtf8(b, need);
                        }
                    } else if (need != 0) {
                        validUtf8 = false;
                        need = 0;
                    }
                    continue;
                }
                if (need != 0) {
                    validUtf8 = false;
                    need = 0;
                }
                switch (kind) {
                    case QUOTE -> {
                        if (state == FIELD_START) {
                            state = IN_QUOTES;
                            quoteLine = line;
                        } else if (state == IN_QUOTES) {
                            state = AFTER_QUOTES;
                        } else if (state == AFTER_QUOTES) {
                            state = IN_QUOTES;
                        }
                    }
                    case DELIMITER -> {
                        if (state != IN_QUOTES) {
                            state = FIELD_START;
                        }
                    }
                    default -> {
                        // A line break: CR LF counts once, a lone CR or LF once each.
                        boolean afterCr = i > from ? bytes[i - 1] == '\r' : this.afterCr;
                        if (kind == CR || !afterCr) {
                            line++;
                        }
                        if (state != IN_QUOTES) {
                            state = FIELD_START;
                            recordOffset = base + i + 1;
                            recordLine = line;
                        }
                    }
                }
            }
            if (to > from) {
                afterCr = bytes[to - 1] == '\r';
            }
            this.state = state;
            this.need = need;
        }

        /** Checks one byte of 0x80 and above; returns the continuation bytes still expected. */
        private int checkUtf8(int b, int need) {
            if (need > 0) {
                if (b < low || b > high) {
                    validUtf8 = false;
                }
                low = 0x80;
                high = 0xBF;
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
            validUtf8 = false;
            return 0;
        }

        void end() {
            if (need != 0) {
                validUtf8 = false;
            }
        }

        Unclosed unclosed() {
            return state == IN_QUOTES ? new Unclosed(recordOffset, recordLine, quoteLine) : null;
        }
    }
}
