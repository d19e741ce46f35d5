package io.udm.bench.growth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cost-growth curves as one PNG: a row per curve (history depth, collection size, backend
 * pairs), a column per storage (MongoDB + S3 servers, in-memory adapters). Latencies are p50 on
 * log-log axes; the pairs row is creates/s (the median of the rounds). XChart draws each panel onto
 * one image. PNG, not SVG: XChart's SVG draws every glyph as an outline (about 1.5 MB for this page).
 */
final class GrowthChart {
  private static final int PANEL_WIDTH = 640;
  private static final int PANEL_HEIGHT = 400;
  private static final String[] STORAGES = {GrowthStore.MONGO_S3, GrowthStore.MEMORY};
  private static final Map<String, String> STORAGE_NAMES = Map.of(
      GrowthStore.MONGO_S3, "MongoDB + S3 (in-JVM servers)", GrowthStore.MEMORY, "in-memory adapters");

  private GrowthChart() {}

  static void write(List<GrowthSuite.Row> rows, Path png) throws Exception {
    String[] curves = {GrowthSuite.DEPTH, GrowthSuite.SIZE, GrowthSuite.PAIRS};
    BufferedImage page = new BufferedImage(PANEL_WIDTH * STORAGES.length, PANEL_HEIGHT * curves.length,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D whole = page.createGraphics();
    whole.setColor(Color.WHITE);
    whole.fillRect(0, 0, page.getWidth(), page.getHeight());
    for (int r = 0; r < curves.length; r++) {
      for (int c = 0; c < STORAGES.length; c++) {
        Chart<?, ?> chart = panel(rows, curves[r], STORAGES[c]);
        if (chart.getSeriesMap().isEmpty()) {
          continue;
        }
        Graphics2D g = (Graphics2D) whole.create(c * PANEL_WIDTH, r * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
        chart.paint(g, PANEL_WIDTH, PANEL_HEIGHT);
        g.dispose();
      }
    }
    whole.dispose();
    ImageIO.write(page, "png", png.toFile());
  }

  private static Chart<?, ?> panel(List<GrowthSuite.Row> rows, String curve, String storage) {
    boolean pairs = GrowthSuite.PAIRS.equals(curve);
    String title = STORAGE_NAMES.get(storage) + ": " + switch (curve) {
      case GrowthSuite.DEPTH -> "p50 latency by history depth";
      case GrowthSuite.SIZE -> "p50 latency by collection size";
      default -> "creates/s by backend pairs (8 threads)";
    };
    String xTitle = switch (curve) {
      case GrowthSuite.DEPTH -> "versions per item";
      case GrowthSuite.SIZE -> "items in the collection";
      default -> "backend pairs";
    };
    ToDoubleFunction<GrowthSuite.Row> y = pairs ? r -> r.result().opsPerSecond() : r -> r.result().p50Millis();
    // operation -> x -> the y of every row (the pairs curve has one row per round)
    Map<String, Map<Long, List<Double>>> series = new LinkedHashMap<>();
    for (GrowthSuite.Row row : rows) {
      // The growing creates run at 8 threads: their figure is a throughput, in the table only.
      if (!row.curve().equals(curve) || !row.storage().equals(storage) || row.result().op().startsWith("create (")) {
        continue;
      }
      series.computeIfAbsent(row.result().op(), k -> new TreeMap<>())
          .computeIfAbsent(row.x(), k -> new ArrayList<>()).add(y.applyAsDouble(row));
    }
    if (pairs) {
      CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title)
          .xAxisTitle(xTitle).yAxisTitle("creates/s (median of the rounds)").build();
      style(chart.getStyler());
      series.forEach((name, points) -> chart.addSeries(name,
          points.keySet().stream().map(String::valueOf).toList(),
          points.values().stream().map(GrowthChart::median).toList()));
      return chart;
    }
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle("ms (p50, one thread)").build();
    XYStyler style = chart.getStyler();
    style(style);
    style.setXAxisLogarithmic(true);
    style.setYAxisLogarithmic(true);
    series.forEach((name, points) -> chart.addSeries(name,
        points.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
        points.values().stream().mapToDouble(GrowthChart::median).toArray()).setMarker(SeriesMarkers.CIRCLE));
    return chart;
  }

  private static void style(Styler style) {
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    style.setLegendBorderColor(Color.WHITE);
    style.setChartTitleFont(style.getChartTitleFont().deriveFont(13f));
    style.setLegendFont(style.getLegendFont().deriveFont(10f));
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
