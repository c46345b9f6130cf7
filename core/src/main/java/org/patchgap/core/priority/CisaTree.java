package org.patchgap.core.priority;

/**
 * CISA's SSVC decision table (CERT/CC SSVC {@code data/csv/cisa/cisa_coordinator_2_0_3.csv}: Exploitation v1.1.0,
 * Automatable v2.0.0, Technical Impact v1.0.0, Mission and Well-Being Impact v1.0.0 to CISA Levels v1.1.0), all 36
 * rows, in the table's own order. {@code CisaTreeTest} checks it row by row.
 */
public final class CisaTree {

    /** Exploitation: no evidence, a public proof of concept, or active exploitation. */
    public enum Exploitation { NONE, PUBLIC_POC, ACTIVE }

    /** Mission and well-being impact of the affected system. */
    public enum MissionImpact { LOW, MEDIUM, HIGH }

    /*
     * Indexed [exploitation][automatable][total][mission] as the CSV's rows run: exploitation none, public poc,
     * active; automatable no, yes; technical impact partial, total; mission low, medium, high.
     */
    private static final String TABLE = ""
            + "TTT" + "TTS" + "TTA" + "TTA"   // none:    no/partial, no/total, yes/partial, yes/total
            + "TTS" + "TSA" + "TTA" + "TSA"   // poc
            + "TTA" + "TAC" + "AAC" + "ACC";  // active

    private CisaTree() {}

    /** The decision for one combination of the four inputs. */
    public static Decision decide(Exploitation exploitation, boolean automatable, boolean totalImpact,
            MissionImpact mission) {
        int row = exploitation.ordinal() * 12 + (automatable ? 6 : 0) + (totalImpact ? 3 : 0) + mission.ordinal();
        return switch (TABLE.charAt(row)) {
            case 'T' -> Decision.TRACK;
            case 'S' -> Decision.TRACK_STAR;
            case 'A' -> Decision.ATTEND;
            case 'C' -> Decision.ACT;
            default -> throw new IllegalStateException("bad table entry at row " + row);
        };
    }
}
