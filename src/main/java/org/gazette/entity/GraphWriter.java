package org.gazette.entity;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an entity co-occurrence graph as GEXF 1.3 or GraphML, the files Gephi (and NetworkX,
 * igraph, Cytoscape) open: nodes with their type and mention counts, undirected edges weighted by
 * the articles that name both entities.
 *
 * <p>Names come from the articles and are untrusted: the XML writer escapes markup, and characters
 * XML 1.0 cannot hold (controls, unpaired surrogates) are dropped, or become a space for the
 * white-space controls, before they reach it.
 */
public final class GraphWriter {

  static final String GEXF_NS = "http://gexf.net/1.3";
  static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
  private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  /** The file formats. */
  public enum Format {
    GEXF,
    GRAPHML;

    /** The file extension, without the dot. */
    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code gexf} or {@code graphml}, in any case; empty for other names. */
    public static Optional<Format> named(String name) {
      for (Format f : values()) {
        if (f.extension().equalsIgnoreCase(name)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }

    /** The format of a file name's extension ({@code graph.GraphML}); empty for others. */
    public static Optional<Format> ofFileName(String fileName) {
      int dot = fileName.lastIndexOf('.');
      int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
      return dot > slash ? named(fileName.substring(dot + 1)) : Optional.empty();
    }
  }

  /** An entity: its id, name and type, and over the graph's dates its mentions and articles. */
  public record Node(String id, String name, String type, long mentions, long docCount) {
    public Node {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Two entities named together: articles and sentences naming both, and their association. */
  public record Edge(
      String source, String target, long docCount, long sentenceCount, double npmi, double llr) {
    public Edge {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  /** A graph: what it holds in one sentence, the day it was made, its nodes and edges. */
  public record Graph(String description, LocalDate made, List<Node> nodes, List<Edge> edges) {
    public Graph {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      Set<String> ids = new HashSet<>();
      for (Node n : nodes) {
        if (!ids.add(n.id())) {
          throw new IllegalArgumentException("node " + n.id() + " appears twice");
        }
      }
      for (Edge e : edges) {
        if (!ids.contains(e.source()) || !ids.contains(e.target())) {
          throw new IllegalArgumentException(
              "edge " + e.source() + " -- " + e.target() + " names an entity that is not a node");
        }
      }
    }
  }

  private final XMLStreamWriter xml;
  private final String creator;
  private int depth;

  private GraphWriter(XMLStreamWriter xml, String creator) {
    this.xml = xml;
    this.creator = creator;
  }

  /**
   * Writes {@code graph} to {@code out} in UTF-8; {@code creator} names the program (GEXF's {@code
   * <creator>}). Does not close {@code out}.
   */
  public static void write(Graph graph, Format format, String creator, OutputStream out)
      throws XMLStreamException {
    // The JDK's own writer, not whichever StAX implementation the classpath brings (Hadoop
    // brings Woodstox): the same bytes everywhere.
    XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
    GraphWriter writer = new GraphWriter(xml, creator);
    xml.writeStartDocument("UTF-8", "1.0");
    if (format == Format.GEXF) {
      writer.gexf(graph);
    } else {
      writer.graphml(graph);
    }
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private void gexf(Graph graph) throws XMLStreamException {
    open("gexf");
    xml.writeDefaultNamespace(GEXF_NS);
    xml.writeNamespace("xsi", XSI_NS);
    xml.writeAttribute(XSI_NS, "schemaLocation", GEXF_NS + " " + GEXF_NS + "/gexf.xsd");
    xml.writeAttribute("version", "1.3");
    open("meta");
    xml.writeAttribute("lastmodifieddate", graph.made().toString());
    textElement("creator", creator);
    textElement("description", graph.description());
    close();
    open("graph");
    xml.writeAttribute("mode", "static");
    xml.writeAttribute("defaultedgetype", "undirected");
    attributes(
        "node", new String[][] {{"type", "string"}, {"mentions", "long"}, {"doc_count", "long"}});
    attributes(
        "edge",
        new String[][] {
          {"doc_count", "long"}, {"sentence_count", "long"}, {"npmi", "double"}, {"llr", "double"}
        });
    open("nodes");
    for (Node n : graph.nodes()) {
      open("node");
      xml.writeAttribute("id", xmlSafe(n.id()));
      xml.writeAttribute("label", label(n));
      open("attvalues");
      attvalue("type", xmlSafe(n.type()));
      attvalue("mentions", Long.toString(n.mentions()));
      attvalue("doc_count", Long.toString(n.docCount()));
      close();
      close();
    }
    close();
    open("edges");
    int id = 0;
    for (Edge e : graph.edges()) {
      open("edge");
      xml.writeAttribute("id", Integer.toString(id++));
      xml.writeAttribute("source", xmlSafe(e.source()));
      xml.writeAttribute("target", xmlSafe(e.target()));
      xml.writeAttribute("weight", Long.toString(e.docCount()));
      open("attvalues");
      attvalue("doc_count", Long.toString(e.docCount()));
      attvalue("sentence_count", Long.toString(e.sentenceCount()));
      attvalue("npmi", xsdDouble(e.npmi()));
      attvalue("llr", xsdDouble(e.llr()));
      close();
      close();
    }
    close();
    close();
    close();
  }

  private void attributes(String forClass, String[][] columns) throws XMLStreamException {
    open("attributes");
    xml.writeAttribute("class", forClass);
    xml.writeAttribute("mode", "static");
    for (String[] c : columns) {
      empty("attribute");
      xml.writeAttribute("id", c[0]);
      xml.writeAttribute("title", c[0]);
      xml.writeAttribute("type", c[1]);
    }
    close();
  }

  private void attvalue(String column, String value) throws XMLStreamException {
    empty("attvalue");
    xml.writeAttribute("for", column);
    xml.writeAttribute("value", value);
  }

  private void graphml(Graph graph) throws XMLStreamException {
    open("graphml");
    xml.writeDefaultNamespace(GRAPHML_NS);
    xml.writeNamespace("xsi", XSI_NS);
    xml.writeAttribute(
        XSI_NS, "schemaLocation", GRAPHML_NS + " " + GRAPHML_NS + "/1.0/graphml.xsd");
    textElement("desc", graph.description());
    // Key ids are unique in the whole document, so the two doc_count columns get their own
    // ids; attr.name is what Gephi and NetworkX show. "label" and "weight" are the names
    // Gephi's importer takes as the node label and the edge weight.
    key("label", "node", "label", "string");
    key("type", "node", "type", "string");
    key("mentions", "node", "mentions", "long");
    key("node_doc_count", "node", "doc_count", "long");
    key("weight", "edge", "weight", "double");
    key("edge_doc_count", "edge", "doc_count", "long");
    key("sentence_count", "edge", "sentence_count", "long");
    key("npmi", "edge", "npmi", "double");
    key("llr", "edge", "llr", "double");
    open("graph");
    xml.writeAttribute("id", "G");
    xml.writeAttribute("edgedefault", "undirected");
    for (Node n : graph.nodes()) {
      open("node");
      xml.writeAttribute("id", xmlSafe(n.id()));
      data("label", label(n));
      data("type", xmlSafe(n.type()));
      data("mentions", Long.toString(n.mentions()));
      data("node_doc_count", Long.toString(n.docCount()));
      close();
    }
    int id = 0;
    for (Edge e : graph.edges()) {
      open("edge");
      xml.writeAttribute("id", "e" + id++);
      xml.writeAttribute("source", xmlSafe(e.source()));
      xml.writeAttribute("target", xmlSafe(e.target()));
      data("weight", Long.toString(e.docCount()));
      data("edge_doc_count", Long.toString(e.docCount()));
      data("sentence_count", Long.toString(e.sentenceCount()));
      data("npmi", xsdDouble(e.npmi()));
      data("llr", xsdDouble(e.llr()));
      close();
    }
    close();
    close();
  }

  private void key(String id, String forElement, String name, String type)
      throws XMLStreamException {
    empty("key");
    xml.writeAttribute("id", id);
    xml.writeAttribute("for", forElement);
    xml.writeAttribute("attr.name", name);
    xml.writeAttribute("attr.type", type);
  }

  private void data(String key, String value) throws XMLStreamException {
    indent();
    xml.writeStartElement("data");
    xml.writeAttribute("key", key);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void textElement(String name, String text) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    xml.writeCharacters(xmlSafe(text));
    xml.writeEndElement();
  }

  // The StAX writer does not indent; a line per element keeps the files readable and diffable.
  private void open(String name) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    depth++;
  }

  private void close() throws XMLStreamException {
    depth--;
    indent();
    xml.writeEndElement();
  }

  private void empty(String name) throws XMLStreamException {
    indent();
    xml.writeEmptyElement(name);
  }

  private void indent() throws XMLStreamException {
    if (depth > 0) {
      xml.writeCharacters("\n" + "  ".repeat(depth));
    } else {
      xml.writeCharacters("\n");
    }
  }

  private static String label(Node n) {
    // GEXF's label is an xsd:token: no runs of spaces, none at the ends.
    String name = n.name() == null ? "" : xmlSafe(n.name()).strip().replaceAll(" {2,}", " ");
    return name.isEmpty() ? xmlSafe(n.id()) : name;
  }

  /** A double as XML Schema writes it: {@code NaN}, {@code INF}, {@code -INF} or a number. */
  static String xsdDouble(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "INF" : "-INF";
    }
    return Double.toString(v);
  }

  /**
   * {@code text} with only the characters XML 1.0 allows in a document: tab, line feed and carriage
   * return become a space (a parser would fold them in an attribute anyway), other controls (C0,
   * DEL, C1), unpaired surrogates and U+FFFE/U+FFFF are dropped. Null is "".
   */
  public static String xmlSafe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean keep;
      char replacement = 0;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (safe != null) {
          safe.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      } else if (c == '\t'
          || c == '\n'
          || c == '\r'
          || c == '\u000B'
          || c == '\u000C'
          || c == '\u0085') {
        keep = false;
        replacement = ' ';
      } else {
        keep =
            !Character.isISOControl(c)
                && !Character.isSurrogate(c)
                && c != '\uFFFE'
                && c != '\uFFFF';
      }
      if (keep) {
        if (safe != null) {
          safe.append(c);
        }
        continue;
      }
      if (safe == null) {
        safe = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (replacement != 0) {
        safe.append(replacement);
      }
    }
    return safe == null ? text : safe.toString();
  }
}
