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
 * A trained linear tagger: weights of hashed features per BIO label (quantised to 8 bits, which
 * measures as well as 16 and keeps the table small enough for the processor's caches) and
 * label transition scores. Immutable and shared by all threads. File: gzip of a small header,
 * the transitions, then only the feature buckets that have a weight.
 */
final class NameModel {

  static final int LABELS = 1 + 2 * EntityType.values().length;
  static final int O = 0;
  private static final int MAGIC = 0x475a4e52;
  private static final int VERSION = 2;

  final String language;
  final int bits;
  final int rightExtension;
  /** Folded lower-case words that often start a name ("rue", "tribunal"): scored when before one. */
  final long[] leftCues;
  /** Capitalised words not scored first in a sentence and alone ("Le", "The"): folded hashes. */
  final long[] skipWords;
  private final float scale;
  private final byte[] weights;
  final float[] transitions;

  NameModel(String language, int bits, int rightExtension, long[] leftCues, long[] skipWords,
      float scale, byte[] weights, float[] transitions) {
    this.skipWords = skipWords.clone();
    this.language = language;
    this.bits = bits;
    this.rightExtension = rightExtension;
    this.leftCues = leftCues.clone();
    this.scale = scale;
    this.weights = weights;
    this.transitions = transitions;
  }

  /** Quantises trained float weights; weights below {@code prune} in absolute value become 0. */
  static NameModel quantise(String language, int bits, int rightExtension, long[] leftCues,
      long[] skipWords, float[] weights, float[] transitions, float prune) {
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max == 0 ? 1 : max / 127f;
    byte[] q = new byte[weights.length];
    for (int i = 0; i < weights.length; i++) {
      if (Math.abs(weights[i]) >= prune) {
        q[i] = (byte) Math.round(weights[i] / scale);
      }
    }
    return new NameModel(language, bits, rightExtension, leftCues, skipWords, scale, q,
        transitions.clone());
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

  /** Adds the scores of {@code count} features from {@code feats[off]} to {@code out[outOff..]}. */
  void emissions(int[] feats, int off, int count, float[] out, int outOff) {
    int s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    byte[] w = weights;
    for (int k = off; k < off + count; k++) {
      int base = feats[k] * LABELS;
      s0 += w[base];
      s1 += w[base + 1];
      s2 += w[base + 2];
      s3 += w[base + 3];
      s4 += w[base + 4];
      s5 += w[base + 5];
      s6 += w[base + 6];
      s7 += w[base + 7];
      s8 += w[base + 8];
    }
    out[outOff] = s0 * scale;
    out[outOff + 1] = s1 * scale;
    out[outOff + 2] = s2 * scale;
    out[outOff + 3] = s3 * scale;
    out[outOff + 4] = s4 * scale;
    out[outOff + 5] = s5 * scale;
    out[outOff + 6] = s6 * scale;
    out[outOff + 7] = s7 * scale;
    out[outOff + 8] = s8 * scale;
  }

  int nonZeroRows() {
    int rows = 0;
    for (int r = 0; r < weights.length / LABELS; r++) {
      if (rowIsZero(r)) {
        continue;
      }
      rows++;
    }
    return rows;
  }

  private boolean rowIsZero(int r) {
    for (int l = 0; l < LABELS; l++) {
      if (weights[r * LABELS + l] != 0) {
        return false;
      }
    }
    return true;
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
    for (int r = 0; r < weights.length / LABELS; r++) {
      if (rowIsZero(r)) {
        continue;
      }
      writeVarInt(out, r - previous);
      previous = r;
      for (int l = 0; l < LABELS; l++) {
        out.writeByte(weights[r * LABELS + l]);
      }
    }
    out.flush();
    gz.finish();
  }

  static NameModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a Gazette name model (bad magic number)");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("name model version " + version + ", this Gazette reads "
          + VERSION);
    }
    String language = in.readUTF();
    int bits = in.readInt();
    int labels = in.readInt();
    if (labels != LABELS || bits < 10 || bits > 26) {
      throw new IOException("name model with " + labels + " labels and " + bits
          + " bits: not readable");
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
    byte[] weights = new byte[(1 << bits) * LABELS];
    int rows = in.readInt();
    int r = -1;
    for (int i = 0; i < rows; i++) {
      r += readVarInt(in);
      for (int l = 0; l < LABELS; l++) {
        weights[r * LABELS + l] = in.readByte();
      }
    }
    return new NameModel(language, bits, rightExtension, leftCues, skipWords, scale, weights,
        transitions);
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
