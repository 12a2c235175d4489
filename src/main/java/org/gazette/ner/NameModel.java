package org.gazette.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear tagger: weights of hashed features per BIO label and label transition scores.
 * Immutable and shared by all threads. A feature's weights are stored relative to its weight for O
 * (adding one number to every label of a token changes no decision), so O needs none and the other
 * eight fit one {@code long}: 8 bits each (which measures as well as 16), biased by 128, summed
 * eight at a time in 16-bit lanes. File: gzip of a small header, the transitions, then only the
 * feature buckets that have a weight.
 */
final class NameModel {

  static final int LABELS = 1 + 2 * EntityType.values().length;
  static final int O = 0;
  private static final int MAGIC = 0x475a4e52;
  private static final int VERSION = 3;

  /** A row of eight weights 0 (biased by 128). */
  private static final long ZERO_ROW = 0x8080808080808080L;

  private static final long LANES = 0x00FF00FF00FF00FFL;

  final String language;
  final int bits;
  final int rightExtension;

  /**
   * Folded lower-case words that often start a name ("rue", "tribunal"): scored when before one.
   */
  final long[] leftCues;

  /** Capitalised words not scored first in a sentence and alone ("Le", "The"): folded hashes. */
  final long[] skipWords;

  private final float scale;

  /** Per feature bucket, the weights of labels 1 to 8 minus that of O, a byte each (+128). */
  private final long[] rows;

  final float[] transitions;

  NameModel(
      String language,
      int bits,
      int rightExtension,
      long[] leftCues,
      long[] skipWords,
      float scale,
      long[] rows,
      float[] transitions) {
    this.skipWords = skipWords.clone();
    this.language = language;
    this.bits = bits;
    this.rightExtension = rightExtension;
    this.leftCues = leftCues.clone();
    this.scale = scale;
    this.rows = rows;
    this.transitions = transitions;
  }

  /**
   * Quantises trained float weights ({@code LABELS} per bucket) relative to each bucket's weight
   * for O; those below {@code prune} in absolute value become 0.
   */
  static NameModel quantise(
      String language,
      int bits,
      int rightExtension,
      long[] leftCues,
      long[] skipWords,
      float[] weights,
      float[] transitions,
      float prune) {
    int buckets = weights.length / LABELS;
    float max = 0;
    for (int r = 0; r < buckets; r++) {
      for (int l = 1; l < LABELS; l++) {
        max = Math.max(max, Math.abs(weights[r * LABELS + l] - weights[r * LABELS]));
      }
    }
    float scale = max == 0 ? 1 : max / 127f;
    long[] rows = new long[buckets];
    for (int r = 0; r < buckets; r++) {
      long row = 0;
      for (int l = LABELS - 1; l >= 1; l--) {
        float d = weights[r * LABELS + l] - weights[r * LABELS];
        int q = Math.abs(d) >= prune ? Math.round(d / scale) : 0;
        row = (row << 8) | (q + 128);
      }
      rows[r] = row;
    }
    return new NameModel(
        language, bits, rightExtension, leftCues, skipWords, scale, rows, transitions.clone());
  }

  static boolean isBegin(int label) {
    return label != O && (label & 1) == 1;
  }

  static boolean isInside(int label) {
    return label != O && (label & 1) == 0;
  }

  static int typeOf(int label) {
    return (label - 1) >> 1;
  }

  static int begin(int type) {
    return 1 + 2 * type;
  }

  static int inside(int type) {
    return 2 + 2 * type;
  }

  /** Whether {@code label} may follow {@code previous} (I-X only after B-X or I-X). */
  static boolean allowed(int previous, int label) {
    return !isInside(label) || (previous != O && typeOf(previous) == typeOf(label));
  }

  /**
   * Writes the scores of {@code count} features from {@code feats[off]} to {@code
   * out[outOff..outOff + LABELS)} (relative to O's, which is 0). At most 257 features.
   */
  void emissions(int[] feats, int off, int count, float[] out, int outOff) {
    long even = 0;
    long odd = 0;
    long[] r = rows;
    for (int k = off; k < off + count; k++) {
      long x = r[feats[k]];
      even += x & LANES;
      odd += (x >>> 8) & LANES;
    }
    int bias = 128 * count;
    out[outOff] = 0;
    out[outOff + 1] = ((int) even & 0xFFFF) - bias;
    out[outOff + 2] = ((int) odd & 0xFFFF) - bias;
    out[outOff + 3] = ((int) (even >>> 16) & 0xFFFF) - bias;
    out[outOff + 4] = ((int) (odd >>> 16) & 0xFFFF) - bias;
    out[outOff + 5] = ((int) (even >>> 32) & 0xFFFF) - bias;
    out[outOff + 6] = ((int) (odd >>> 32) & 0xFFFF) - bias;
    out[outOff + 7] = ((int) (even >>> 48) & 0xFFFF) - bias;
    out[outOff + 8] = ((int) (odd >>> 48) & 0xFFFF) - bias;
    for (int l = 1; l < LABELS; l++) {
      out[outOff + l] *= scale;
    }
  }

  int nonZeroRows() {
    int count = 0;
    for (long row : rows) {
      if (row != ZERO_ROW) {
        count++;
      }
    }
    return count;
  }

  void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(language);
    out.writeInt(bits);
    out.writeInt(LABELS);
    out.writeInt(rightExtension);
    out.writeInt(leftCues.length);
    for (long cue : leftCues) {
      out.writeLong(cue);
    }
    out.writeInt(skipWords.length);
    for (long word : skipWords) {
      out.writeLong(word);
    }
    out.writeFloat(scale);
    for (float t : transitions) {
      out.writeFloat(t);
    }
    out.writeInt(nonZeroRows());
    int previous = -1;
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == ZERO_ROW) {
        continue;
      }
      writeVarInt(out, r - previous);
      previous = r;
      out.writeLong(rows[r]);
    }
    out.flush();
    gz.finish();
  }

  static NameModel read(InputStream raw) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a Gazette name model (bad magic number)");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("name model version " + version + ", this Gazette reads " + VERSION);
    }
    String language = in.readUTF();
    int bits = in.readInt();
    int labels = in.readInt();
    if (labels != LABELS || bits < 10 || bits > 26) {
      throw new IOException(
          "name model with " + labels + " labels and " + bits + " bits: not readable");
    }
    int rightExtension = in.readInt();
    long[] leftCues = new long[in.readInt()];
    for (int i = 0; i < leftCues.length; i++) {
      leftCues[i] = in.readLong();
    }
    long[] skipWords = new long[in.readInt()];
    for (int i = 0; i < skipWords.length; i++) {
      skipWords[i] = in.readLong();
    }
    float scale = in.readFloat();
    float[] transitions = new float[LABELS * LABELS];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = in.readFloat();
    }
    long[] rows = new long[1 << bits];
    java.util.Arrays.fill(rows, ZERO_ROW);
    int count = in.readInt();
    int r = -1;
    for (int i = 0; i < count; i++) {
      r += readVarInt(in);
      rows[r] = in.readLong();
    }
    return new NameModel(
        language, bits, rightExtension, leftCues, skipWords, scale, rows, transitions);
  }

  private static void writeVarInt(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }
}
