package org.gazette.jobs;

import org.apache.spark.SparkConf;

/**
 * Prints {@code key=value} for each key given, as a new {@link SparkConf} sees it in this JVM (the
 * way {@code SparkSessions.create} starts its conf), or {@code key} alone when it is not set.
 * JobsScriptsTest starts it with the JVM options jobs/gazette would use; no Spark session.
 */
public final class SparkConfProbe {

  private SparkConfProbe() {}

  public static void main(String[] keys) {
    SparkConf conf = new SparkConf();
    for (String key : keys) {
      System.out.println(conf.contains(key) ? key + "=" + conf.get(key) : key);
    }
  }
}
