package com.incidenttally.report.excel;

import com.ibm.icu.text.PluralRules;
import com.incidenttally.places.AreaKind;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.TopRegions;
import com.incidenttally.tally.Totals;

import java.util.List;

/**
 * The Summary's first sentence, made from its figures: incidents, regions, nights, the change on
 * the previous period, the region with most and its change (or the regions level on most). {@code 224 incidents
 * in 45 regions over 7 nights, 13 fewer than in the previous period (-5.5%). Most in Belgorod Oblast: 28, as
 * before.}
 */
final class SummaryHeadline {

    /** The sentence and where, in it, the change on the previous period is (to colour it). */
    record Sentence(String text, int changeStart, int changeEnd, long change) {
    }

    private final ReportTexts texts;
    private final PluralRules plurals;

    SummaryHeadline(ReportTexts texts) {
        this.texts = texts;
        this.plurals = PluralRules.forLocale(texts.locale());
    }

    /**
     * The headline of {@code totals} against {@code before} (null: nothing to compare with), naming
     * {@code top}'s first area.
     */
    Sentence of(Totals totals, Totals before, TopRegions top) {
        String main = texts.text("headline.main", counted("headline.incidents", totals.incidents()),
                areas(totals),
                counted("headline.nights", totals.nights()));
        String first;
        int start = -1;
        int end = -1;
        long change = 0;
        if (before == null) {
            first = texts.text("headline.alone", main);
        } else {
            change = totals.incidents() - before.incidents();
            String what;
            if (change == 0) {
                what = texts.text("headline.same");
            } else if (before.incidents() == 0) {
                what = texts.text("headline.fromNone");
            } else {
                what = texts.text(change > 0 ? "headline.up" : "headline.down", Math.abs(change),
                        texts.text("headline.percent", 100.0 * change / before.incidents()));
            }
            first = texts.text("headline.compared", main, what);
            start = first.lastIndexOf(what);
            end = start + what.length();
        }
        RegionComparison most = top.first();
        if (most == null) {
            return new Sentence(first, start, end, change);
        }
        String region = inSentence(most);
        List<RegionComparison> tied = top.most();
        String second;
        if (tied.size() > 1) {
            // Areas level on most: each named (two) or the first two and how many more; no one change for all.
            String next = inSentence(tied.get(1));
            second = tied.size() == 2
                    ? texts.text("headline.top.tiedTwo", region, next, most.current())
                    : texts.text("headline.top.tiedMore", region, next, tied.size() - 2, most.current());
        } else if (before == null) {
            second = texts.text("headline.top.alone", region, most.current());
        } else if (most.previous() == 0) {
            second = texts.text("headline.top.new", region, most.current());
        } else if (most.change() == 0) {
            second = texts.text("headline.top.same", region, most.current());
        } else {
            second = texts.text(most.change() > 0 ? "headline.top.up" : "headline.top.down", region, most.current(),
                    Math.abs(most.change()));
        }
        return new Sentence(first + " " + second, start, end, change);
    }

    /** An area named inside the sentence: a sea with its article where the language has one ("the Black Sea"). */
    private String inSentence(RegionComparison area) {
        String name = texts.region(area.isoCode(), area.region());
        return area.kind() == AreaKind.SEA ? texts.text("headline.sea", name) : name;
    }

    /** {@code 45 regions}, {@code 3 regions and 1 sea}, {@code 2 seas}: seas named as seas, as Key figures does. */
    private String areas(Totals totals) {
        if (totals.seaAreas() == 0) {
            return counted("headline.regions", totals.regions());
        }
        if (totals.regions() == 0) {
            return counted("headline.seas", totals.seaAreas());
        }
        return texts.text("headline.regionsAndSeas", counted("headline.regions", totals.regions()),
                counted("headline.seas", totals.seaAreas()));
    }

    /** {@code 1 incident}, {@code 224 incidents}; Russian {@code 2 инцидента}, {@code 5 инцидентов}. */
    private String counted(String key, long n) {
        String form = plurals.select(n);
        try {
            return texts.text(key + "." + form, n);
        } catch (IllegalArgumentException e) {
            return texts.text(key + ".other", n);
        }
    }
}
