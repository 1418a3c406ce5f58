package com.incidenttally.ingest;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Splits a file into RFC 4180 records, on bytes, and decodes each field on its own.
 *
 * <p>Why our own parser: a CSV library reads a malformed record to wherever its quotes lead and
 * cannot start again at a line of our choosing, so one stray quote cost every row after it; and it
 * decodes the whole stream, so one invalid byte could not be pinned to its row. Here:
 * <ul>
 *   <li>CR LF, LF and a lone CR each end a line, inside quotes too (where they are kept in the
 *       value); line numbers count every physical line.</li>
 *   <li>A quote only opens a quoted field at the start of a field; elsewhere it is text. White
 *       space between a closing quote and the next delimiter is dropped.</li>
 *   <li>A malformed record — a quoted field that never closes, a closing quote followed by text,
 *       or a record over several lines with the wrong number of fields — is returned as one
 *       malformed record at its first line, and reading goes on at the next line. So a stray quote
 *       costs its own line and no other: every physical line is in exactly one record.</li>
 *   <li>A record over {@link #MAX_RECORD_BYTES} costs that record only.</li>
 * </ul>
 * Quotes, delimiters and line breaks are ASCII, and no byte of a UTF-8 multi-byte sequence or of
 * windows-1251 is mistaken for them.
 */
final class RecordParser implements Closeable {

    /** The most bytes one record may hold. */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    static final int RAW_LIMIT = 10_000;
    static final String CUT_MARKER = " …[cut: longer than 10,000 characters]";

    private static final int RAW_BYTES = RAW_LIMIT * 4 + 4;
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int QUOTE = '"';

    /**
     * One record as read.
     *
     * @param line         the line it starts on
     * @param fields       its fields decoded, or null when malformed
     * @param rawBytes     the bytes of its text as it stood in the file (a malformed record: its first
     *                     line), trailing line breaks left out, at most {@link #RAW_BYTES}: see {@link #raw()}
     * @param charset      the file's
     * @param malformed    why it could not be read, or null
     * @param invalidField the first field that is not valid in the file's encoding, or -1
     * @param controlFree  no byte of the record is a control character other than tab, CR and LF,
     *                     so neither its fields nor its raw text hold one (see {@link #controlFree})
     */
    record Parsed(long line, String[] fields, byte[] rawBytes, Charset charset, Reason malformed, int invalidField,
                  boolean controlFree) {

        /** Its text as it stood in the file, capped at {@link #RAW_LIMIT} characters. */
        String raw() {
            return rawText(rawBytes, rawBytes.length, charset);
        }
    }

    private final SeekableByteChannel channel;
    private final int delimiter;
    private final Charset charset;
    private final CharsetDecoder strict;
    private final long lastOddQuoteRun;

    private final byte[] buffer = new byte[1 << 16];
    private long bufferOffset;
    private int pos;
    private int length;

    private long line = 1;
    private int expectedFields;

    private byte[] data = new byte[1024];
    private int dataLength;
    private int[] fieldEnds = new int[32];
    private int fieldCount;
    private final byte[] raw = new byte[RAW_BYTES];
    private int rawLength;
    private boolean tooLong;

    /**
     * @param channel         the file, read from {@code start}; closed with the parser
     * @param checkEncoding   whether fields must be checked for bytes invalid in the charset (a
     *                        file known to be valid needs no check)
     * @param lastOddQuoteRun from {@link FileScan}: a quote opening a field here never closes
     */
    RecordParser(SeekableByteChannel channel, long start, char delimiter, Charset charset, boolean checkEncoding,
            long lastOddQuoteRun) throws IOException {
        this.channel = channel;
        this.delimiter = delimiter;
        this.charset = charset;
        this.strict = checkEncoding ? charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT) : null;
        this.lastOddQuoteRun = lastOddQuoteRun;
        try {
            seek(start);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** From now on a record over several lines with another number of fields is malformed. */
    void expectFields(int count) {
        this.expectedFields = count;
    }

    /** The next record that is not blank, or null at the end of the file. */
    Parsed next() throws IOException {
        while (true) {
            if (peek() < 0) {
                return null;
            }
            Parsed record = record();
            if (record != null) {
                return record;
            }
        }
    }

    /** One record, or null when it is blank (nothing but white space in its fields). */
    private Parsed record() throws IOException {
        long start = offset();
        long startLine = line;
        dataLength = 0;
        fieldCount = 0;
        rawLength = 0;
        tooLong = false;
        boolean multiLine = false;
        while (true) {
            int c = peek();
            if (c == QUOTE) {
                long quoteLine = line;
                boolean neverCloses = offset() == lastOddQuoteRun;
                take();
                if (neverCloses) {
                    return malformed(start, startLine, Reason.of(RejectionKind.UNCLOSED_QUOTE, quoteLine, startLine));
                }
                while (true) {
                    copyUntil(QUOTE, CR, LF);
                    c = take();
                    if (c < 0) {
                        // Only if the file grew or changed since it was scanned.
                        return malformed(start, startLine, Reason.of(RejectionKind.UNCLOSED_QUOTE, quoteLine, startLine));
                    }
                    if (c == QUOTE) {
                        if (peek() != QUOTE) {
                            break;
                        }
                        take();
                    } else if (c == CR || c == LF) {
                        if (c == CR && peek() == LF) {
                            store(CR);
                            c = take();
                        }
                        line++;
                        multiLine = true;
                    }
                    store(c);
                }
                c = peek();
                while (c != delimiter && isSpace(c)) {
                    // White space between a closing quote and the delimiter is not part of the value.
                    take();
                    c = peek();
                }
                if (c != delimiter && c != CR && c != LF && c >= 0) {
                    return malformed(start, startLine, Reason.of(RejectionKind.QUOTE_CLOSES_EARLY, quoteLine,
                            line == quoteLine ? "same" : Long.toString(line), startLine));
                }
            } else {
                copyUntil(delimiter, CR, LF);
            }
            endField();
            c = take();
            if (c == delimiter) {
                continue;
            }
            if (c == CR || c == LF) {
                if (c == CR && peek() == LF) {
                    take();
                }
                line++;
            }
            break;
        }
        if (multiLine && expectedFields > 0 && fieldCount != expectedFields) {
            return malformed(start, startLine, Reason.of(RejectionKind.WRONG_FIELD_COUNT_OVER_LINES, expectedFields,
                    fieldCount, startLine, line - 1));
        }
        byte[] text = rawBytes(rawLength);
        if (tooLong) {
            return new Parsed(startLine, null, text, charset, Reason.of(RejectionKind.ROW_TOO_LONG), -1, false);
        }
        String[] fields = new String[fieldCount];
        int invalid = -1;
        boolean blank = true;
        int from = 0;
        for (int i = 0; i < fieldCount; i++) {
            int end = fieldEnds[i];
            String value = decode(from, end - from);
            if (value == null) {
                value = new String(data, from, end - from, charset);
                if (invalid < 0) {
                    invalid = i;
                }
            }
            fields[i] = value;
            if (blank && !value.isBlank()) {
                blank = false;
            }
            from = end;
        }
        if (blank && invalid < 0) {
            return null;
        }
        return new Parsed(startLine, fields, text, charset, null, invalid, controlFree());
    }

    /**
     * Whether the record just read holds no control byte other than tab, CR and LF: no C0 control
     * and no DEL. In UTF-8 and in windows-1251 these bytes stand for those characters alone (no byte
     * of a multi-byte sequence is below 0x80), so a record without them decodes to text without
     * them, and the control-character pass has nothing to remove. The raw bytes hold every byte of
     * the record unless it was cut; then its fields are looked at too.
     */
    private boolean controlFree() {
        if (!controlFree(raw, rawLength)) {
            return false;
        }
        return rawLength < RAW_BYTES || controlFree(data, dataLength);
    }

    private static boolean controlFree(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 ? b != '\t' && b != '\r' && b != '\n' : b == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == 0x0C || c >= 0x1C && c <= 0x1F;
    }

    /**
     * The record from {@code start} is malformed: it becomes its first line alone, and reading
     * goes on at the line after, so rows that a stray quote would have swallowed are read.
     */
    private Parsed malformed(long start, long startLine, Reason reason) throws IOException {
        seek(start);
        rawLength = 0;
        int c = take();
        while (c >= 0 && c != CR && c != LF) {
            c = take();
        }
        int end = rawLength;
        if (c == CR && peek() == LF) {
            take();
        }
        line = startLine + (c < 0 ? 0 : 1);
        return new Parsed(startLine, null, rawBytes(end), charset, reason, -1, false);
    }

    /**
     * The record's raw bytes up to {@code end}, trailing line breaks left out: copied, not decoded, as
     * most rows are accepted and their raw text is never read.
     */
    private byte[] rawBytes(int end) {
        int to = Math.min(end, rawLength);
        while (to > 0 && (raw[to - 1] == CR || raw[to - 1] == LF)) {
            to--;
        }
        return Arrays.copyOf(raw, to);
    }

    /**
     * The raw text of {@code length} bytes that {@link #rawBytes} kept: a record that filled the raw
     * buffer was cut, and says so.
     */
    static String rawText(byte[] bytes, int length, Charset charset) {
        String text = new String(bytes, 0, length, charset);
        return length == RAW_BYTES ? cap(text + CUT_MARKER) : cap(text);
    }

    static String cap(CharSequence text) {
        if (text.length() <= RAW_LIMIT) {
            return text.toString();
        }
        int end = RAW_LIMIT - CUT_MARKER.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(0, end) + CUT_MARKER;
    }

    private String decode(int from, int count) {
        if (strict == null) {
            return new String(data, from, count, charset);
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(data, from, count));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Stores the bytes up to the next of three stop bytes (or the end of the file) in bulk, as
     * {@link #take()} and {@link #store(int)} would one by one: most bytes of a file pass here.
     */
    private void copyUntil(int stop1, int stop2, int stop3) throws IOException {
        byte a = (byte) stop1;
        byte b = (byte) stop2;
        byte c = (byte) stop3;
        while (pos < length || fill()) {
            int from = pos;
            int i = from;
            byte[] bytes = buffer;
            int end = length;
            while (i < end) {
                byte x = bytes[i];
                if (x == a || x == b || x == c) {
                    break;
                }
                i++;
            }
            int count = i - from;
            if (rawLength < RAW_BYTES) {
                int n = Math.min(count, RAW_BYTES - rawLength);
                System.arraycopy(bytes, from, raw, rawLength, n);
                rawLength += n;
            }
            storeAll(bytes, from, count);
            pos = i;
            if (i < end) {
                return;
            }
        }
    }

    private void storeAll(byte[] bytes, int from, int count) {
        if (dataLength + count > data.length) {
            int wanted = Math.min(MAX_RECORD_BYTES, Math.max(data.length * 2, dataLength + count));
            if (wanted > data.length) {
                data = Arrays.copyOf(data, wanted);
            }
        }
        int n = Math.min(count, data.length - dataLength);
        System.arraycopy(bytes, from, data, dataLength, n);
        dataLength += n;
        if (n < count) {
            tooLong = true;
        }
    }

    private void store(int b) {
        if (dataLength == data.length) {
            if (dataLength >= MAX_RECORD_BYTES) {
                tooLong = true;
                return;
            }
            data = Arrays.copyOf(data, Math.min(MAX_RECORD_BYTES, data.length * 2));
        }
        data[dataLength++] = (byte) b;
    }

    private void endField() {
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldEnds[fieldCount++] = dataLength;
    }

    private long offset() {
        return bufferOffset + pos;
    }

    private int peek() throws IOException {
        if (pos == length && !fill()) {
            return -1;
        }
        return buffer[pos] & 0xFF;
    }

    private int take() throws IOException {
        if (pos == length && !fill()) {
            return -1;
        }
        byte b = buffer[pos++];
        if (rawLength < RAW_BYTES) {
            raw[rawLength++] = b;
        }
        return b & 0xFF;
    }

    private boolean fill() throws IOException {
        bufferOffset += length;
        pos = 0;
        length = 0;
        ByteBuffer target = ByteBuffer.wrap(buffer);
        int n;
        do {
            n = channel.read(target);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        length = n;
        return true;
    }

    private void seek(long offset) throws IOException {
        if (offset >= bufferOffset && offset <= bufferOffset + length) {
            pos = (int) (offset - bufferOffset);
            return;
        }
        channel.position(offset);
        bufferOffset = offset;
        pos = 0;
        length = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
