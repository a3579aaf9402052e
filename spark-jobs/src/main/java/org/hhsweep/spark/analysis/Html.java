package org.hhsweep.spark.analysis;

import java.util.List;

/** Writes the report's HTML; every text that is not markup goes through {@link #text}. */
final class Html {
    private final StringBuilder b = new StringBuilder();

    /** Text as HTML: the five characters that could open markup or close an attribute escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Markup written as given: only constants of this package. */
    Html raw(String markup) {
        b.append(markup);
        return this;
    }

    Html text(String s) {
        b.append(escape(s));
        return this;
    }

    /** An element holding text: tag(\"h2\", \"Figures\"). */
    Html element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">\n");
    }

    /** A table with a header row; every cell is text. */
    Html table(List<String> header, List<List<String>> rows, String cssClass) {
        raw("<table class=\"" + cssClass + "\">\n<thead><tr>");
        for (String h : header) {
            raw("<th>").text(h).raw("</th>");
        }
        raw("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            raw("<tr>");
            for (String cell : row) {
                raw("<td>").text(cell).raw("</td>");
            }
            raw("</tr>\n");
        }
        return raw("</tbody>\n</table>\n");
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
