package org.patchgap.formats.epss;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

/**
 * Reads FIRST's daily EPSS score file ({@code epss_scores-YYYY-MM-DD.csv.gz}, gzip or plain CSV; gzip is
 * recognised by its magic bytes, not the name).
 *
 * <p>The file starts with one comment line {@code #model_version:v2025.03.14,score_date:2025-03-14T00:00:00Z},
 * then the header {@code cve,epss,percentile}, then one row per CVE. Older files (before model v3) have no
 * comment line; their day is then taken from the file name when it carries one. A file without the header,
 * or whose day cannot be known, is a {@link BadInputException}; a bad row is skipped and reported by line.
 * Scores are streamed to a consumer: the current file has about 300,000 rows.
 */
public final class EpssReader {

    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    public EpssFile read(Path file, Consumer<EpssScore> sink) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), sink);
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads scores from {@code in} (gzip or plain); {@code name} names it in messages. Does not close {@code in}. */
    public EpssFile read(InputStream in, String name, Consumer<EpssScore> sink) throws BadInputException {
        int lineNo = 0;
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(decompressed(in), StandardCharsets.UTF_8),
                    1 << 16);
            String modelVersion = "";
            LocalDate day = null;
            String line = lines.readLine();
            lineNo = 1;
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line != null && line.startsWith("#")) {
                for (String pair : line.substring(1).split(",")) {
                    int colon = pair.indexOf(':');
                    if (colon < 0) continue;
                    String key = pair.substring(0, colon).strip();
                    String value = pair.substring(colon + 1).strip();
                    if (key.equals("model_version")) {
                        modelVersion = value;
                    } else if (key.equals("score_date")) {
                        day = dayOf(value);
                        if (day == null) {
                            throw new BadInputException(new Location(name, "line 1"),
                                    "expected score_date as an ISO date or date-time, got '" + value + "'");
                        }
                    }
                }
                line = lines.readLine();
                lineNo = 2;
            }
            if (day == null) {
                day = dayInName(name);
            }
            if (line == null || !line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("cve,epss")) {
                throw new BadInputException(new Location(name, "line " + lineNo),
                        "expected the EPSS header 'cve,epss,percentile'");
            }
            if (day == null) {
                throw new BadInputException(new Location(name, "line 1"),
                        "no score_date comment and no date in the file name: cannot tell the day of the scores");
            }
            String[] header = line.strip().split(",");
            boolean hasPercentile = header.length >= 3;
            List<Problem> problems = new ArrayList<>();
            int count = 0;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                String problem = null;
                if (cells.length < (hasPercentile ? 3 : 2)) {
                    problem = "expected 'cve,epss,percentile', got '" + line + "'";
                } else if (!CVE_ID.matcher(cells[0].strip()).matches()) {
                    problem = "expected a CVE id, got '" + cells[0] + "'";
                } else {
                    Double score = probability(cells[1]);
                    Double percentile = hasPercentile ? probability(cells[2]) : Double.valueOf(0);
                    if (score == null || percentile == null) {
                        problem = "expected numbers from 0 to 1, got '" + line + "'";
                    } else {
                        sink.accept(new EpssScore(cells[0].strip(), score, percentile, day));
                        count++;
                    }
                }
                if (problem != null) {
                    problems.add(new Problem(new Location(name, "line " + lineNo), "skipped row: " + problem));
                }
            }
            return new EpssFile(modelVersion, day, count, problems);
        } catch (ZipException e) {
            throw new BadInputException(new Location(name, lineNo == 0 ? null : "line " + lineNo),
                    "corrupt gzip data: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new BadInputException(new Location(name, "line " + lineNo), "truncated gzip data", e);
        } catch (IOException e) {
            throw new BadInputException(Location.of(name), "cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        // RFC 1952 section 2.3.1: ID1 = 31, ID2 = 139.
        // FIRST's file is about 10 MB expanded; 256 MiB is room for growth and no room for a gzip bomb.
        return b1 == 0x1f && b2 == 0x8b
                ? org.patchgap.formats.support.Decompression.bounded(new GZIPInputStream(buffered, 1 << 16), -1, 256L << 20)
                : buffered;
    }

    private static @Nullable Double probability(String cell) {
        try {
            double v = Double.parseDouble(cell.strip());
            return v >= 0 && v <= 1 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate dayOf(String value) {
        try {
            return value.length() <= 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable LocalDate dayInName(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        java.util.regex.Matcher m = DATE_IN_NAME.matcher(file);
        return m.find() ? dayOf(m.group(1)) : null;
    }
}
