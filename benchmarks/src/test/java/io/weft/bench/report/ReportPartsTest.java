package io.weft.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPartsTest {
    @TempDir
    Path dir;

    @Test
    void summaryTakesNearestRankPercentilesOfUnsortedRuns() {
        Summary summary = Summary.of(List.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6));

        assertThat(summary.runs()).isEqualTo(10);
        assertThat(summary.median()).isEqualTo(5);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.max()).isEqualTo(10);
        assertThat(summary.p90()).isEqualTo(9);
        assertThat(summary.p99()).isEqualTo(10);
    }

    @Test
    void generatedSectionIsReplacedInPlaceAndTheHandWrittenTextKept() throws Exception {
        Path page = dir.resolve("performance.md");
        Files.writeString(page, "# Page\n\nhand-written intro\n");

        GeneratedSection.replace(page, "bench S", "first figures");
        Files.writeString(page, Files.readString(page) + "\nhand-written reading\n");
        GeneratedSection.replace(page, "bench S", "second figures");

        String text = Files.readString(page);
        assertThat(text).contains("hand-written intro", "hand-written reading", "second figures");
        assertThat(text).doesNotContain("first figures");
        assertThat(text.indexOf("second figures")).isLessThan(text.indexOf("hand-written reading"));
    }

    @Test
    void plotIsAPngOfTheChosenSize() throws Exception {
        Path png = dir.resolve("heap.png");
        TimeSeries heap =
                new TimeSeries("heap used", "MiB", List.of(new TimeSeries.Point(0, 100), new TimeSeries.Point(1, 150)));

        Plots.write(png, "Heap over time", "MiB", List.of(heap));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(420);
    }

    @Test
    void markdownTableEscapesPipesAndAlignsFigures() {
        String table = new MarkdownTable("measure", "value").row("a|b", 3).render();

        assertThat(table).isEqualTo("| measure | value |\n|---|---:|\n| a\\|b | 3 |\n");
    }
}
