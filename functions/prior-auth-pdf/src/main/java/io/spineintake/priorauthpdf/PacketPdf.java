package io.spineintake.priorauthpdf;

import io.spineintake.triage.assess.Evidence;
import io.spineintake.triage.priorauth.PriorAuthPacket;
import io.spineintake.triage.priorauth.PriorAuthPacket.Block;
import io.spineintake.triage.priorauth.PriorAuthPacket.CareTried;
import io.spineintake.triage.priorauth.PriorAuthPacket.Count;
import io.spineintake.triage.priorauth.PriorAuthPacket.Criterion;
import io.spineintake.triage.priorauth.PriorAuthPacket.Missing;
import io.spineintake.triage.priorauth.PriorAuthPacket.PostBlockScore;
import io.spineintake.triage.priorauth.PriorAuthPacket.Scores;
import io.spineintake.triage.priorauth.PriorAuthPacket.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The prior-authorization packet as a PDF (US Letter, Helvetica): the same sections, in the same
 * order, as the console's printable view. Pure apart from PDFBox: the same packet always gives the
 * same text. The document's dates are fixed from the packet ({@code preparedOn}), not the clock, so the
 * bytes do not change between two downloads of one day.
 */
final class PacketPdf {
    private static final float MARGIN = 54;
    private static final float SIZE = 10;
    private static final float LEADING = 13;
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PacketPdf() {
    }

    static byte[] render(PriorAuthPacket p) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Prior authorization packet: " + p.region() + " facet procedures");
            info.setProducer("spine-intake");
            Calendar day = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            day.clear();
            day.set(p.preparedOn().getYear(), p.preparedOn().getMonthValue() - 1, p.preparedOn().getDayOfMonth());
            info.setCreationDate(day);
            info.setModificationDate(day);
            // a stable file identifier (PDFBox would make one from the time): the same packet, the same bytes
            byte[] fileId = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256").digest(
                    (p.referralId() + "/" + p.region() + "/" + p.preparedOn()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
            org.apache.pdfbox.cos.COSArray id = new org.apache.pdfbox.cos.COSArray();
            id.add(new org.apache.pdfbox.cos.COSString(fileId));
            id.add(new org.apache.pdfbox.cos.COSString(fileId));
            doc.getDocument().setDocumentID(id);
            Writer w = new Writer(doc);
            write(w, p);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the packet's PDF could not be written", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static void write(Writer w, PriorAuthPacket p) throws IOException {
        w.line(BOLD, 16, "Prior authorization evidence packet");
        w.line(REGULAR, SIZE, "Facet joint interventions: " + p.region() + " region. Decision support assembled from the"
                + " intake form and the block diaries; after the Medicare LCD \"Facet Joint Interventions for Pain"
                + " Management\".");
        w.line(REGULAR, SIZE, "Referral " + p.referralId() + ". As of " + p.preparedOn() + ". Rules " + text(p.ruleSetVersion())
                + ", block rules " + p.blockRulesVersion() + ", the clinic's standard " + p.clinicStandard() + ".");
        if (!p.codes().isEmpty()) {
            w.line(REGULAR, SIZE, "Procedure codes (configured by the clinic): " + String.join(", ", p.codes()));
        }

        w.heading("Still missing before the request can go out");
        if (p.missing().isEmpty()) {
            w.line(REGULAR, SIZE, "Nothing: every criterion is settled and the blocks are documented.");
        }
        for (Missing m : p.missing()) {
            w.bullet(m.code() + ": " + m.text());
        }

        w.heading("LCD criteria for a diagnostic medial branch block");
        for (Criterion c : p.criteria()) {
            w.line(BOLD, SIZE, c.number() + ". " + c.text() + ": " + c.status());
            w.line(REGULAR, SIZE, c.explanation() + (c.answeredOn() == null ? "" : " (answered " + c.answeredOn() + ")"));
            for (Evidence e : c.evidence()) {
                w.bullet(e.question() + " = " + e.answer());
            }
        }

        w.heading("Conservative care tried");
        w.line(REGULAR, SIZE, "Pain in this region for " + (p.painMonths() == null ? "(not answered)" : p.painMonths()
                + " months") + ".");
        if (p.conservativeCare().isEmpty()) {
            w.line(REGULAR, SIZE, "No intake form: not known.");
        }
        for (CareTried c : p.conservativeCare()) {
            w.bullet(c.treatment() + ": " + (c.outcome() == null ? "not answered" : c.outcome().name())
                    + (c.weeks() == null ? "" : ", " + c.weeks() + " weeks"));
        }

        w.heading("Pain and function scores (NRS 0-10, PEG-3)");
        Scores s = p.scores();
        if (s == null) {
            w.line(REGULAR, SIZE, "No intake form: not known.");
        } else {
            w.bullet("NRS now " + text(s.nrsNow()) + ", average " + text(s.nrsAverage()) + ", worst " + text(s.nrsWorst()));
            w.bullet("PEG: pain " + text(s.pegPain()) + ", enjoyment of life " + text(s.pegEnjoyment())
                    + ", general activity " + text(s.pegActivity()) + "; mean " + text(s.pegScore()));
        }

        w.heading("Diagnostic blocks");
        if (p.blocks().isEmpty()) {
            w.line(REGULAR, SIZE, "None recorded in this region.");
        }
        for (Block b : p.blocks()) {
            w.line(BOLD, SIZE, b.diagnosticBlock() + " block, " + b.date() + ": " + String.join(", ", b.levels()) + ", "
                    + b.side() + ", " + b.anaesthetic());
            w.bullet("Baseline NRS " + b.baselineNrs() + "; peak relief "
                    + (b.peakReliefPercent() == null ? "none recorded" : Math.round(b.peakReliefPercent()) + "%"));
            List<String> points = new ArrayList<>();
            for (PostBlockScore ps : b.postBlock()) {
                points.add(ps.point() + ": NRS " + ps.nrs() + " (" + ps.relief() + ")");
            }
            w.bullet("After the block: " + (points.isEmpty() ? "no diary entry" : String.join("; ", points)));
            for (Verdict v : b.verdicts()) {
                w.bullet(v.standard() + " (>= " + v.thresholdPercent() + "%): " + v.result() + ". " + v.explanation());
            }
        }

        w.heading("LCD frequency, rolling " + p.frequency().windowMonths() + " months");
        w.line(REGULAR, SIZE, p.frequency().group() + ", " + p.frequency().from() + " to " + p.frequency().to());
        for (Count c : p.frequency().counts()) {
            w.bullet(c.kind() + ": " + c.sessions() + " of at most " + c.limit() + " sessions");
        }
    }

    private static String text(Object o) {
        return o == null ? "(blank)" : o.toString();
    }

    /** Lines down the page, wrapped to its width, a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private PDPageContentStream out;
        private float y;
        private final float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            page();
        }

        private void page() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        void heading(String text) throws IOException {
            y -= 6;
            line(BOLD, 12, text);
        }

        void bullet(String text) throws IOException {
            wrap(REGULAR, SIZE, text, 12, "- ");
        }

        void line(PDFont font, float size, String text) throws IOException {
            wrap(font, size, text, 0, "");
        }

        private void wrap(PDFont font, float size, String text, float indent, String marker) throws IOException {
            String safe = encodable(font, text);
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder(marker);
            for (String word : safe.split(" ")) {
                String candidate = current.length() == marker.length() ? current + word : current + " " + word;
                if (current.length() > marker.length() && font.getStringWidth(candidate) / 1000 * size > width - indent) {
                    lines.add(current.toString());
                    current = new StringBuilder("  ").append(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            for (String l : lines) {
                float lead = size > SIZE ? size + 4 : LEADING;
                if (y - lead < MARGIN) {
                    page();
                }
                y -= lead;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(MARGIN + indent, y);
                out.showText(l);
                out.endText();
            }
        }

        void close() throws IOException {
            out.close();
        }
    }

    /** The text with every character the font cannot encode (outside WinAnsi) as '?'. */
    static String encodable(PDFont font, String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            if (c == '\t' || c == '\n' || c == '\r') {
                b.append(' ');
                return;
            }
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }
}
