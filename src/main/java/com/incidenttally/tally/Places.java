package com.incidenttally.tally;

import com.incidenttally.places.AreaKind;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a report asks of the gazetteer: a region's or sea area's name and kind by its code, and the
 * places an unresolved name might mean. Each code is looked up once: the sweep asks for every incident.
 */
public final class Places {

    /** Candidates offered for each unresolved name. */
    public static final int CANDIDATES = 3;

    private final Function<String, Optional<Region>> areas;
    private final Gazetteer gazetteer;
    private final Map<String, Optional<Region>> areaByIso = new ConcurrentHashMap<>();

    /**
     * @param areas     a region or sea area by its code
     * @param gazetteer what unresolved names might mean; null: no candidates
     */
    public Places(Function<String, Optional<Region>> areas, Gazetteer gazetteer) {
        this.areas = areas;
        this.gazetteer = gazetteer;
    }

    /** The gazetteer's regions, sea areas and candidates. */
    public static Places of(Gazetteer gazetteer) {
        return new Places(gazetteer::regionByIso, gazetteer);
    }

    public Optional<Region> area(String iso) {
        return areaByIso.computeIfAbsent(iso, areas);
    }

    /** The area's name, or its code when the gazetteer lacks it. */
    public String name(String iso) {
        return area(iso).map(Region::name).orElse(iso);
    }

    public AreaKind kind(String iso) {
        return area(iso).map(Region::kind).orElse(AreaKind.REGION);
    }

    public List<UnresolvedName.Candidate> regionCandidates(String input) {
        return gazetteer == null ? List.of() : gazetteer.regionCandidates(input, CANDIDATES).stream()
                .map(c -> new UnresolvedName.Candidate(c.place().name(), c.score())).toList();
    }

    public List<UnresolvedName.Candidate> districtCandidates(String regionIso, String input) {
        return gazetteer == null ? List.of() : gazetteer.districtCandidates(area(regionIso).orElse(null), input,
                CANDIDATES).stream().map(c -> new UnresolvedName.Candidate(c.place().name(), c.score())).toList();
    }
}
