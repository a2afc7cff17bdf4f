package com.example.service.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A Markdown file of the repository as a reader sees it: the targets of its links and images, the
 * anchors its headings get (GitHub's ids: lower case, punctuation dropped, spaces as hyphens, a
 * repeated heading numbered), and the text of its code (spans and blocks), where commands live.
 */
record MarkdownPage(Path file, List<String> links, Set<String> anchors, List<String> code) {

    private static final Parser PARSER = Parser.builder().build();

    static MarkdownPage read(Path file) {
        Collector collector = new Collector();
        PARSER.parse(DeploymentFiles.read(file)).accept(collector);
        return new MarkdownPage(file, List.copyOf(collector.links), Set.copyOf(collector.anchors), List.copyOf(collector.code));
    }

    private static final class Collector extends AbstractVisitor {

        private final IdGenerator ids = IdGenerator.builder().build();
        private final List<String> links = new ArrayList<>();
        private final Set<String> anchors = new LinkedHashSet<>();
        private final List<String> code = new ArrayList<>();

        @Override
        public void visit(Link link) {
            links.add(link.getDestination());
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            links.add(image.getDestination());
            visitChildren(image);
        }

        @Override
        public void visit(Heading heading) {
            anchors.add(ids.generateId(text(heading)));
            visitChildren(heading);
        }

        @Override
        public void visit(Code span) {
            code.add(span.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock block) {
            code.add(block.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            code.add(block.getLiteral());
        }

        /** A heading's text as its id is made from: plain text and code spans, without the markup. */
        private static String text(Node node) {
            StringBuilder text = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text t) {
                    text.append(t.getLiteral());
                } else if (child instanceof Code c) {
                    text.append(c.getLiteral());
                } else {
                    text.append(text(child));
                }
            }
            return text.toString();
        }
    }
}
