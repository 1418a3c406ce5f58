package com.incidenttally.report.charts;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.incidenttally.report.map.Boundaries;
import com.incidenttally.report.map.MapFigures;
import com.incidenttally.report.map.RegionMapRenderer;
import com.incidenttally.tally.ReportData;

/**
 * The report's maps as PNGs, in its language: {@code region-map.png}, incidents by region and sea, and
 * {@code region-change-map.png}, the change from the previous period, when the store holds one.
 */
final class RegionMaps {

    static final String REGION_MAP = RegionMapRenderer.REGION_MAP_PNG;
    static final String CHANGE_MAP = RegionMapRenderer.CHANGE_MAP_PNG;

    private final ChartTexts texts;
    private final RegionMapRenderer renderer;

    RegionMaps(ChartTexts texts) {
        this.texts = texts;
        this.renderer = new RegionMapRenderer(Boundaries.bundled(), size -> ChartLook.font(Font.PLAIN, size),
                size -> ChartLook.font(Font.BOLD, size));
    }

    List<Path> draw(ReportData data, String subtitle, Path chartsDir) throws IOException {
        MapFigures figures = MapFigures.of(data);
        Map<String, String> names = new LinkedHashMap<>();
        figures.names().forEach((code, name) -> names.put(code, texts.region(name)));
        String period = texts.period(data.period());
        List<Path> written = new ArrayList<>();
        RegionMapRenderer.Words words = words(texts.text("map.title", period), subtitle, texts.text("map.legend"),
                texts.text("noIncidents", period));
        Path map = chartsDir.resolve(REGION_MAP);
        renderer.draw(new RegionMapRenderer.Picture(false, figures.counts(), figures.focus(), names, words)).writePng(map);
        written.add(map);
        if (figures.hasChange()) {
            // The previous period has no label of its own: its nights say which it is.
            com.incidenttally.tally.Period before = data.previousPeriod();
            String previous = before.from().equals(before.to()) ? texts.night(before.from())
                    : texts.night(before.from()) + " \u2013 " + texts.night(before.to());
            RegionMapRenderer.Words change = words(texts.text("map.change.title", period),
                    texts.text("map.change.subtitle", period, previous), texts.text("map.change.legend"),
                    texts.text("map.change.none", period, previous));
            Path changeMap = chartsDir.resolve(CHANGE_MAP);
            renderer.draw(new RegionMapRenderer.Picture(true, figures.changes(), figures.focus(), names, change))
                    .writePng(changeMap);
            written.add(changeMap);
        }
        return written;
    }

    private RegionMapRenderer.Words words(String title, String subtitle, String legend, String empty) {
        return new RegionMapRenderer.Words(title, subtitle, texts.text("map.source"), legend, texts.text("map.none"),
                texts.text("map.seaNone"), texts.text("map.noChange"), texts.text("map.noneEither"), empty);
    }
}
