package com.incidenttally.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;

/**
 * One text of the catalogue, parsed once, made cheap for the rows of a big sheet, always with the
 * text ICU's {@link MessageFormat} makes:
 * <ul>
 * <li>a pattern without arguments is formatted once;</li>
 * <li>a pattern whose arguments are all plain ({@code {0}}, {@code {name}}: no number, plural or
 * select) is kept as its literal pieces, and text arguments are put between them as they are,
 * which is what ICU does with them;</li>
 * <li>anything else is formatted by ICU and remembered by its arguments (a few thousand per text:
 * counts and rules repeat row after row), under a lock, as a MessageFormat is not safe to share.</li>
 * </ul>
 */
final class Message {

    /** Arguments remembered per text; past this, formatted each time. */
    static final int REMEMBERED = 4_096;

    private final MessageFormat format;
    private final String constant;
    /** Literal pieces, one more than {@link #arguments}: null when an argument is not plain. */
    private final String[] literals;
    /** The plain arguments in order: an Integer index or a String name. */
    private final Object[] arguments;
    private final Map<Object, String> remembered = new HashMap<>();

    Message(String pattern, Locale locale) {
        this.format = new MessageFormat(pattern, locale);
        this.constant = format.getArgumentNames().isEmpty() ? format.format(new Object[0]) : null;
        List<String> pieces = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        this.literals = plain(new MessagePattern(pattern), pieces, args) ? pieces.toArray(new String[0]) : null;
        this.arguments = literals == null ? null : args.toArray();
    }

    /**
     * The literal pieces and the arguments between them, as ICU's MessageFormat walks a pattern's
     * top level (apostrophes' syntax skipped); false when an argument has a type or style.
     */
    private static boolean plain(MessagePattern pattern, List<String> pieces, List<Object> args) {
        String text = pattern.getPatternString();
        StringBuilder piece = new StringBuilder();
        int prevIndex = pattern.getPart(0).getLimit();
        for (int i = 1; ; i++) {
            MessagePattern.Part part = pattern.getPart(i);
            MessagePattern.Part.Type type = part.getType();
            piece.append(text, prevIndex, part.getIndex());
            if (type == MessagePattern.Part.Type.MSG_LIMIT) {
                pieces.add(piece.toString());
                return true;
            }
            prevIndex = part.getLimit();
            if (type == MessagePattern.Part.Type.SKIP_SYNTAX) {
                continue;
            }
            if (type != MessagePattern.Part.Type.ARG_START || part.getArgType() != MessagePattern.ArgType.NONE) {
                return false;
            }
            MessagePattern.Part name = pattern.getPart(i + 1);
            args.add(name.getType() == MessagePattern.Part.Type.ARG_NUMBER ? (Object) name.getValue()
                    : pattern.getSubstring(name));
            pieces.add(piece.toString());
            piece.setLength(0);
            i = pattern.getLimitPartIndex(i);
            prevIndex = pattern.getPart(i).getLimit();
        }
    }

    String format(Object[] args) {
        return format(args, null);
    }

    String format(Map<String, Object> args) {
        return format(null, args);
    }

    /** By {@code indexed} arguments, or else by {@code named} ones. */
    private String format(Object[] indexed, Map<String, Object> named) {
        if (constant != null) {
            return constant;
        }
        if (literals != null) {
            String text = spliced(indexed, named);
            if (text != null) {
                return text;
            }
        }
        Object key = null;
        if (indexed != null ? rememberable(indexed) : rememberable(named.values().toArray())) {
            key = indexed != null ? Arrays.asList(indexed.clone()) : new HashMap<>(named);
        }
        synchronized (this) {
            return remembered(key, () -> indexed != null ? format.format(indexed) : format.format(named));
        }
    }

    /** The text with each plain argument's text put in; null when one is not text (ICU formats it). */
    private String spliced(Object[] indexed, Map<String, Object> named) {
        StringBuilder text = new StringBuilder(literals[0]);
        for (int i = 0; i < arguments.length; i++) {
            Object value;
            if (arguments[i] instanceof Integer index) {
                value = indexed != null && index < indexed.length ? indexed[index] : null;
            } else {
                value = named != null ? named.get((String) arguments[i]) : null;
            }
            if (!(value instanceof String string)) {
                return null;
            }
            text.append(string).append(literals[i + 1]);
        }
        return text.toString();
    }

    private String remembered(Object key, Supplier<String> formatted) {
        if (key == null) {
            return formatted.get();
        }
        String text = remembered.get(key);
        if (text == null) {
            text = formatted.get();
            if (remembered.size() < REMEMBERED) {
                remembered.put(key, text);
            }
        }
        return text;
    }

    /** Values whose equality means the same text: immutable, and equal only when they format alike. */
    private static boolean rememberable(Object[] args) {
        for (Object arg : args) {
            if (!(arg instanceof String || arg instanceof Integer || arg instanceof Long || arg instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }
}
