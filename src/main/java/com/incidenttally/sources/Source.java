package com.incidenttally.sources;

/**
 * A source as the report shows it and as the merge rule compares it.
 *
 * @param name the canonical name when the aliases declare one, else the name as written
 * @param key  what two spellings of one source share: {@link SourceNames#fold} of the canonical name
 */
public record Source(String name, String key) {
}
