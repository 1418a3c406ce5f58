package com.incidenttally.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why one row or file was rejected: a kind and its parameters, never a sentence, so that each
 * report says it in its own language and groups it by kind.
 *
 * @param params the kind's parameters in the order it names them, as text (a count as its digits)
 */
public record Reason(RejectionKind kind, List<String> params) {

    public Reason {
        Objects.requireNonNull(kind, "kind");
        if (params.size() != kind.params().size()) {
            throw new IllegalArgumentException(kind + " takes " + kind.params().size() + " parameters, given "
                    + params.size());
        }
        params = List.copyOf(params);
    }

    /** A reason with its parameters, in the order the kind names them; null stands for an empty text. */
    public static Reason of(RejectionKind kind, Object... params) {
        List<String> texts = new ArrayList<>(params.length);
        for (Object param : params) {
            texts.add(param == null ? "" : param.toString());
        }
        return new Reason(kind, texts);
    }

    /** A parameter by its name; an error when the kind has none of that name. */
    public String param(String name) {
        List<RejectionKind.Param> names = kind.params();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).name().equals(name)) {
                return params.get(i);
            }
        }
        throw new IllegalArgumentException(kind + " has no parameter " + name);
    }

    /** The parameters by name, counts as numbers, for a message pattern. */
    public Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        List<RejectionKind.Param> names = kind.params();
        for (int i = 0; i < names.size(); i++) {
            String value = params.get(i);
            arguments.put(names.get(i).name(), names.get(i).count() ? count(value) : value);
        }
        return arguments;
    }

    private static Object count(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /**
     * The parameters as one text for the store: joined with {@code |}, a backslash before every
     * {@code |} and backslash inside a parameter; {@link #decode} reads it back.
     */
    public String encodedParams() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            String param = params.get(i);
            for (int j = 0; j < param.length(); j++) {
                char c = param.charAt(j);
                if (c == '|' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The reason the store kept: its kind's code and {@link #encodedParams()}. */
    public static Reason decode(String code, String encodedParams) {
        RejectionKind kind = RejectionKind.ofCode(code);
        List<String> params = new ArrayList<>();
        if (!kind.params().isEmpty()) {
            StringBuilder param = new StringBuilder();
            String text = encodedParams == null ? "" : encodedParams;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    param.append(text.charAt(++i));
                } else if (c == '|') {
                    params.add(param.toString());
                    param.setLength(0);
                } else {
                    param.append(c);
                }
            }
            params.add(param.toString());
        }
        // A text the store cut short keeps the parameters it has; the rest are blank.
        while (params.size() < kind.params().size()) {
            params.add("");
        }
        return new Reason(kind, params.subList(0, kind.params().size()));
    }
}
