package org.gazette.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gazette.entity.GraphWriter.Edge;
import org.gazette.entity.GraphWriter.Format;
import org.gazette.entity.GraphWriter.Graph;
import org.gazette.entity.GraphWriter.Node;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Graphs written as GEXF and GraphML, parsed back with the JDK's DOM parser. */
class GraphWriterTest {

  private static final String HOSTILE = "<script>alert(\"x\")</script> & Co";
  private static final LocalDate MADE = LocalDate.parse("2023-08-05");

  private static final Graph GRAPH =
      new Graph(
          "Entities of 2023-08-01 to 2023-08-02",
          MADE,
          List.of(
              new Node("vladimir-putin", "Vladimir Putin", "PER", 14, 6),
              new Node("kim-jong-un", "Kim Jong Un", "PER", 10, 6),
              new Node("country:PRK", "Corée du Nord", "LOC", 5, 4)),
          List.of(
              new Edge("kim-jong-un", "vladimir-putin", 4, 3, 0.4961405, 5.3131450),
              new Edge("country:PRK", "kim-jong-un", 3, 0, -0.25, 2.5e-7)));

  private static byte[] write(Graph graph, Format format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GraphWriter.write(graph, format, "Gazette test", out);
    return out.toByteArray();
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static List<Element> elements(Document doc, String ns, String name) {
    NodeList list = doc.getElementsByTagNameNS(ns, name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      elements.add((Element) list.item(i));
    }
    return elements;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  /** A GEXF element's attvalues, by the attribute they are for. */
  private static Map<String, String> attvalues(Element element) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element attvalues : children(element, "attvalues")) {
      for (Element v : children(attvalues, "attvalue")) {
        values.put(v.getAttribute("for"), v.getAttribute("value"));
      }
    }
    return values;
  }

  /** A GraphML element's data, by key. */
  private static Map<String, String> data(Element element) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element d : children(element, "data")) {
      values.put(d.getAttribute("key"), d.getTextContent());
    }
    return values;
  }

  @Test
  void gexfDeclaresTheAttributesAndHoldsEveryNodeAndWeightedEdge() throws Exception {
    Document doc = parse(write(GRAPH, Format.GEXF));
    String ns = GraphWriter.GEXF_NS;
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("gexf");
    assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
    assertThat(root.getAttribute("version")).isEqualTo("1.3");
    Element meta = elements(doc, ns, "meta").get(0);
    assertThat(meta.getAttribute("lastmodifieddate")).isEqualTo("2023-08-05");
    assertThat(elements(doc, ns, "creator").get(0).getTextContent()).isEqualTo("Gazette test");
    assertThat(elements(doc, ns, "description").get(0).getTextContent())
        .isEqualTo("Entities of 2023-08-01 to 2023-08-02");
    Element graph = elements(doc, ns, "graph").get(0);
    assertThat(graph.getAttribute("defaultedgetype")).isEqualTo("undirected");
    assertThat(graph.getAttribute("mode")).isEqualTo("static");

    Map<String, String> declared = new LinkedHashMap<>();
    for (Element attributes : elements(doc, ns, "attributes")) {
      for (Element a : children(attributes, "attribute")) {
        assertThat(a.getAttribute("title")).isEqualTo(a.getAttribute("id"));
        declared.put(
            attributes.getAttribute("class") + "." + a.getAttribute("id"), a.getAttribute("type"));
      }
    }
    assertThat(declared)
        .containsExactly(
            Map.entry("node.type", "string"),
            Map.entry("node.mentions", "long"),
            Map.entry("node.doc_count", "long"),
            Map.entry("edge.doc_count", "long"),
            Map.entry("edge.sentence_count", "long"),
            Map.entry("edge.npmi", "double"),
            Map.entry("edge.llr", "double"));

    List<Element> nodes = elements(doc, ns, "node");
    assertThat(nodes)
        .extracting(n -> n.getAttribute("id"))
        .containsExactly("vladimir-putin", "kim-jong-un", "country:PRK");
    assertThat(nodes)
        .extracting(n -> n.getAttribute("label"))
        .containsExactly("Vladimir Putin", "Kim Jong Un", "Corée du Nord");
    assertThat(attvalues(nodes.get(0)))
        .containsExactly(
            Map.entry("type", "PER"), Map.entry("mentions", "14"), Map.entry("doc_count", "6"));
    assertThat(attvalues(nodes.get(2)))
        .containsExactly(
            Map.entry("type", "LOC"), Map.entry("mentions", "5"), Map.entry("doc_count", "4"));

    List<Element> edges = elements(doc, ns, "edge");
    assertThat(edges).hasSize(2);
    Element first = edges.get(0);
    assertThat(first.getAttribute("source")).isEqualTo("kim-jong-un");
    assertThat(first.getAttribute("target")).isEqualTo("vladimir-putin");
    assertThat(Double.parseDouble(first.getAttribute("weight"))).isEqualTo(4.0);
    assertThat(attvalues(first))
        .containsExactly(
            Map.entry("doc_count", "4"),
            Map.entry("sentence_count", "3"),
            Map.entry("npmi", "0.4961405"),
            Map.entry("llr", "5.313145"));
    Map<String, String> second = attvalues(edges.get(1));
    assertThat(Double.parseDouble(edges.get(1).getAttribute("weight"))).isEqualTo(3.0);
    assertThat(Double.parseDouble(second.get("npmi"))).isEqualTo(-0.25);
    assertThat(Double.parseDouble(second.get("llr"))).isEqualTo(2.5e-7);
    assertThat(second.get("sentence_count")).isEqualTo("0");
    assertThat(edges).extracting(e -> e.getAttribute("id")).doesNotHaveDuplicates();
  }

  @Test
  void graphmlDeclaresKeysAndHoldsEveryNodeAndWeightedEdge() throws Exception {
    Document doc = parse(write(GRAPH, Format.GRAPHML));
    String ns = GraphWriter.GRAPHML_NS;
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("graphml");
    assertThat(root.getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
    assertThat(children(root, "desc").get(0).getTextContent())
        .isEqualTo("Entities of 2023-08-01 to 2023-08-02");

    Map<String, String> keys = new LinkedHashMap<>();
    for (Element key : elements(doc, ns, "key")) {
      keys.put(
          key.getAttribute("id"),
          key.getAttribute("for")
              + " "
              + key.getAttribute("attr.name")
              + " "
              + key.getAttribute("attr.type"));
    }
    assertThat(keys)
        .containsExactly(
            Map.entry("label", "node label string"),
            Map.entry("type", "node type string"),
            Map.entry("mentions", "node mentions long"),
            Map.entry("node_doc_count", "node doc_count long"),
            Map.entry("weight", "edge weight double"),
            Map.entry("edge_doc_count", "edge doc_count long"),
            Map.entry("sentence_count", "edge sentence_count long"),
            Map.entry("npmi", "edge npmi double"),
            Map.entry("llr", "edge llr double"));

    Element graph = elements(doc, ns, "graph").get(0);
    assertThat(graph.getAttribute("edgedefault")).isEqualTo("undirected");
    List<Element> nodes = elements(doc, ns, "node");
    assertThat(nodes)
        .extracting(n -> n.getAttribute("id"))
        .containsExactly("vladimir-putin", "kim-jong-un", "country:PRK");
    assertThat(data(nodes.get(2)))
        .containsExactly(
            Map.entry("label", "Corée du Nord"),
            Map.entry("type", "LOC"),
            Map.entry("mentions", "5"),
            Map.entry("node_doc_count", "4"));

    List<Element> edges = elements(doc, ns, "edge");
    assertThat(edges).hasSize(2);
    assertThat(edges.get(0).getAttribute("source")).isEqualTo("kim-jong-un");
    assertThat(edges.get(0).getAttribute("target")).isEqualTo("vladimir-putin");
    Map<String, String> first = data(edges.get(0));
    assertThat(Double.parseDouble(first.get("weight"))).isEqualTo(4.0);
    assertThat(first)
        .containsEntry("edge_doc_count", "4")
        .containsEntry("sentence_count", "3")
        .containsEntry("npmi", "0.4961405")
        .containsEntry("llr", "5.313145");
    assertThat(Double.parseDouble(data(edges.get(1)).get("llr"))).isEqualTo(2.5e-7);
  }

  @Test
  void untrustedNamesAreEscapedAndForbiddenCharactersDropped() throws Exception {
    String name =
        HOSTILE + "\u0000\u0007\u001B\u007F\u0085\uD800\uFFFE Ltd\tN\u00B0\u00A01 \uD83D\uDE00";
    Graph graph =
        new Graph(
            "about " + HOSTILE + "\u0001",
            MADE,
            List.of(
                new Node("a&b<c>\"d\"", name, "ORG", 1, 1),
                new Node("plain", "Plain", "PER", 1, 1)),
            List.of(new Edge("a&b<c>\"d\"", "plain", 2, 1, 0.5, 1.5)));
    String expected = HOSTILE + " Ltd N\u00B0\u00A01 \uD83D\uDE00";
    for (Format format : Format.values()) {
      byte[] bytes = write(graph, format);
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text)
          .as(format.name())
          .doesNotContain("<script>")
          .doesNotContain("\u0000")
          .contains("&lt;script&gt;");
      Document doc = parse(bytes);
      String ns = format == Format.GEXF ? GraphWriter.GEXF_NS : GraphWriter.GRAPHML_NS;
      assertThat(doc.getElementsByTagName("script").getLength()).isZero();
      Element node = elements(doc, ns, "node").get(0);
      assertThat(node.getAttribute("id")).isEqualTo("a&b<c>\"d\"");
      String label = format == Format.GEXF ? node.getAttribute("label") : data(node).get("label");
      assertThat(label).as(format.name()).isEqualTo(expected);
      Element edge = elements(doc, ns, "edge").get(0);
      assertThat(edge.getAttribute("source")).isEqualTo("a&b<c>\"d\"");
    }
  }

  @Test
  void xmlSafeKeepsWhatXmlAllowsAndNothingElse() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("Kim Jong Un", "Kim Jong Un");
    cases.put("Café «Zürich» – 東京 🙂", "Café «Zürich» – 東京 🙂");
    cases.put("a\tb\nc\rd", "a b c d");
    cases.put("a\u0000b\u0008c\u001Fd\u007Fe\u009Ff", "abcdef");
    cases.put("lone \uD800 high, lone \uDC00 low", "lone  high, lone  low");
    cases.put("\uFFFE\uFFFFend", "end");
    cases.put("", "");
    cases.forEach((in, out) -> assertThat(GraphWriter.xmlSafe(in)).as(in).isEqualTo(out));
    assertThat(GraphWriter.xmlSafe(null)).isEmpty();
  }

  @Test
  void randomNamesAlwaysGiveAFileThatParses() throws Exception {
    // Any UTF-16 text at all, surrogates and controls included.
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      char[] chars = new char[random.nextInt(30)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] =
            random.nextInt(4) == 0 ? (char) random.nextInt(0x40) : (char) random.nextInt(0x10000);
      }
      String name = new String(chars);
      Graph graph =
          new Graph(name, MADE, List.of(new Node("n" + round, name, "MISC", 1, 1)), List.of());
      for (Format format : Format.values()) {
        byte[] first = write(graph, format);
        assertThat(first).isEqualTo(write(graph, format));
        Document doc = parse(first);
        String ns = format == Format.GEXF ? GraphWriter.GEXF_NS : GraphWriter.GRAPHML_NS;
        assertThat(elements(doc, ns, "node")).hasSize(1);
      }
    }
  }

  @Test
  void anEmptyGraphIsAValidFileWithNoNodes() throws Exception {
    Graph empty = new Graph("nothing", MADE, List.of(), List.of());
    Document gexf = parse(write(empty, Format.GEXF));
    assertThat(elements(gexf, GraphWriter.GEXF_NS, "nodes")).hasSize(1);
    assertThat(elements(gexf, GraphWriter.GEXF_NS, "node")).isEmpty();
    assertThat(elements(gexf, GraphWriter.GEXF_NS, "edges")).hasSize(1);
    Document graphml = parse(write(empty, Format.GRAPHML));
    assertThat(elements(graphml, GraphWriter.GRAPHML_NS, "graph")).hasSize(1);
    assertThat(elements(graphml, GraphWriter.GRAPHML_NS, "node")).isEmpty();
  }

  @Test
  void edgesMustJoinNodesAndNodesAppearOnce() {
    Node a = new Node("a", "A", "PER", 1, 1);
    assertThatThrownBy(
            () -> new Graph("", MADE, List.of(a), List.of(new Edge("a", "b", 2, 1, 0.1, 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edge a -- b names an entity that is not a node");
    assertThatThrownBy(() -> new Graph("", MADE, List.of(a, a), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node a appears twice");
  }

  @Test
  void aBlankNameIsLabelledByItsId() throws Exception {
    Graph graph =
        new Graph(
            "",
            MADE,
            List.of(new Node("x-1", " \u0001 ", "PER", 1, 1), new Node("x-2", null, "PER", 1, 1)),
            List.of());
    Document doc = parse(write(graph, Format.GEXF));
    assertThat(elements(doc, GraphWriter.GEXF_NS, "node"))
        .extracting(n -> n.getAttribute("label"))
        .containsExactly("x-1", "x-2");
  }

  @Test
  void formatsAreNamedAndToldFromTheFileName() {
    assertThat(Format.named("GraphML")).contains(Format.GRAPHML);
    assertThat(Format.named("gexf")).contains(Format.GEXF);
    assertThat(Format.named("xml")).isEmpty();
    assertThat(Format.ofFileName("out/graph.graphml")).contains(Format.GRAPHML);
    assertThat(Format.ofFileName("graph.GEXF")).contains(Format.GEXF);
    assertThat(Format.ofFileName("graph.xml")).isEqualTo(Optional.empty());
    assertThat(Format.ofFileName("dir.graphml/graph")).isEmpty();
    assertThat(Format.GRAPHML.extension()).isEqualTo("graphml");
  }

  @Test
  void doublesAreWrittenAsXmlSchemaDoubles() {
    assertThat(GraphWriter.xsdDouble(0.5)).isEqualTo("0.5");
    assertThat(GraphWriter.xsdDouble(1e-9)).isEqualTo("1.0E-9");
    assertThat(GraphWriter.xsdDouble(Double.NaN)).isEqualTo("NaN");
    assertThat(GraphWriter.xsdDouble(Double.POSITIVE_INFINITY)).isEqualTo("INF");
    assertThat(GraphWriter.xsdDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-INF");
  }
}
